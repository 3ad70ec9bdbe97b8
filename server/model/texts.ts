// Every text the data holds for people has a Swedish and an English form, and each form says
// where its words come from: the source's own wording, a body's official name, or ours (a
// paraphrase or translation). This module is the one place that reads them, so answers, tables,
// details and exports never pick a language by hand. Records written before the two forms
// existed (legacy fields: `name`/`nameEn`, English-only tasks, "sv (en)" hedges and titles) are
// read through the fallbacks below.

export const TEXT_LANGS = ['en', 'sv'] as const;
export type TextLang = (typeof TEXT_LANGS)[number];

/** Where a form's words come from. */
export const TEXT_ORIGINS = ['source', 'official', 'ours'] as const;
export type TextOrigin = (typeof TEXT_ORIGINS)[number];

/** The fields that hold text for people, on nodes, ties or a node's free properties. */
export const TEXT_FIELDS = [
  'name',
  'description',
  'task',
  'subject',
  'role',
  'capacity',
  'hedge',
  'agreement',
  'title',
  'outsideKnowledge',
  'evidence',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface Text {
  text: string;
  lang: TextLang;
  origin: TextOrigin;
}

const suffix = (lang: TextLang) => (lang === 'en' ? 'En' : 'Sv');

/** Storage keys of one form: `taskSv`, `taskSvOrigin`, `taskEn`, `taskEnOrigin`. */
export const textKey = (field: TextField, lang: TextLang) => `${field}${suffix(lang)}`;
export const originKey = (field: TextField, lang: TextLang) => `${field}${suffix(lang)}Origin`;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const isOrigin = (v: unknown): v is TextOrigin => typeof v === 'string' && (TEXT_ORIGINS as readonly string[]).includes(v);

/** "i vissa fall (in some cases)" → its Swedish words and its English gloss. */
export function splitGloss(value: string): { sv: string; en: string } | null {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(value.trim());
  return m && m[1] ? { sv: m[1].trim(), en: m[2]!.trim() } : null;
}

function legacy(record: Record<string, unknown>, field: TextField, lang: TextLang): Text | null {
  const value = str(record[field]);
  if (field === 'name') {
    if (lang === 'sv') return value ? { text: value, lang, origin: 'source' } : null;
    const en = str(record.nameEn);
    return en ? { text: en, lang, origin: 'ours' } : null;
  }
  if (!value) return null;
  const glossed = field === 'hedge' || field === 'title' ? splitGloss(value) : null;
  if (glossed) return lang === 'sv' ? { text: glossed.sv, lang, origin: 'source' } : { text: glossed.en, lang, origin: 'ours' };
  // Before the two forms, paraphrases were written in English only.
  return lang === 'en' ? { text: value, lang, origin: 'ours' } : null;
}

/**
 * The form of `field` in `lang`, or null when the record has none in that language (callers say
 * so in the reader's language rather than show the other one).
 */
export function textOf(record: Record<string, unknown> | null | undefined, field: TextField, lang: TextLang): Text | null {
  if (!record) return null;
  const text = str(record[textKey(field, lang)]);
  if (text) {
    const origin = record[originKey(field, lang)];
    return { text, lang, origin: isOrigin(origin) ? origin : 'ours' };
  }
  return legacy(record, field, lang);
}

/** The text alone, for callers that only show it. */
export const textIn = (record: Record<string, unknown> | null | undefined, field: TextField, lang: TextLang): string | null =>
  textOf(record, field, lang)?.text ?? null;
