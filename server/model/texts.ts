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
  'basisNote',
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

/**
 * The fields whose two forms the data itself must hold. `capacity` is left out: it is a fixed
 * term of the vocabulary, and its Swedish and English labels live with the vocabulary's labels.
 */
export const DATA_TEXT_FIELDS: readonly TextField[] = TEXT_FIELDS.filter((f) => f !== 'capacity');

/** Every storage key of a field's two forms, for code that copies or clears them together. */
export const formKeysOf = (field: string): string[] => TEXT_LANGS.flatMap((l) => [`${field}${suffix(l)}`, `${field}${suffix(l)}Origin`]);

/** Is `key` one of the four form keys of some field (`tasksSv`, `titleEnOrigin`…)? Then its field. */
export function formFieldOf(key: string): string | null {
  const m = /^(.+?)(Sv|En)(Origin)?$/.exec(key);
  return m ? m[1]! : null;
}

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

// ---- free properties (title, tasks, aims, topics, staff…)

/** A free property holds text for people when it has words in it ("about 700"), not when it is a bare year or count. */
export function isWordy(value: unknown): boolean {
  if (typeof value === 'string') return /\p{L}/u.test(value);
  return Array.isArray(value) && value.some((v) => typeof v === 'string' && /\p{L}/u.test(v));
}

/** A free property's keys that hold words, leaving out the forms' own keys. */
export function wordyPropertyKeys(properties: Record<string, unknown>): string[] {
  return Object.keys(properties).filter((k) => {
    const base = formFieldOf(k);
    if (base !== null && (base in properties || `${base}Sv` in properties || `${base}En` in properties)) return false;
    return isWordy(properties[k]);
  });
}

export interface ListText {
  items: string[];
  lang: TextLang;
  origin: TextOrigin;
}

const strings = (v: unknown): string[] | null => {
  if (typeof v === 'string') return str(v) ? [v.trim()] : null;
  if (!Array.isArray(v)) return null;
  const items = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  return items.length ? items : null;
};

/**
 * The form of a free property in `lang` (`tasksSv`, `titleEn`…), as a list, or null when it has
 * none. A property written before the two forms is read as English (ours), a "sv (en)" title as
 * both, and one without words (a year) as itself in either language.
 */
export function propertyTextOf(record: Record<string, unknown> | null | undefined, key: string, lang: TextLang): ListText | null {
  if (!record) return null;
  const items = strings(record[`${key}${suffix(lang)}`]);
  if (items) {
    const origin = record[`${key}${suffix(lang)}Origin`];
    return { items, lang, origin: isOrigin(origin) ? origin : 'ours' };
  }
  const value = record[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return { items: [String(value)], lang, origin: 'source' };
  const legacy = strings(value);
  if (!legacy) return null;
  if (!isWordy(value)) return { items: legacy, lang, origin: 'source' };
  const glossed = typeof value === 'string' && key === 'title' ? splitGloss(value) : null;
  if (glossed) return lang === 'sv' ? { items: [glossed.sv], lang, origin: 'source' } : { items: [glossed.en], lang, origin: 'ours' };
  return lang === 'en' ? { items: legacy, lang, origin: 'ours' } : null;
}

// ---- which forms a record lacks

export interface MissingForm {
  /** A text field, or a free property's key. */
  field: string;
  lang: TextLang;
  /** True for a free property (it sits under `properties` in a seed record). */
  property: boolean;
}

const hasForm = (record: Record<string, unknown>, field: string, lang: TextLang, strict: boolean): boolean => {
  const text = record[`${field}${suffix(lang)}`];
  const filled = typeof text === 'string' ? str(text) !== null : Array.isArray(text) && strings(text) !== null;
  return strict ? filled && isOrigin(record[`${field}${suffix(lang)}Origin`]) : filled;
};

/**
 * The forms a record lacks: each text field it has (in either its legacy or its new keys) needs a
 * Swedish and an English form. `strict` (the seed) asks for the four keys themselves with their
 * origins; otherwise (imports, edits) a form the fallbacks can read counts.
 */
export function missingForms(record: Record<string, unknown>, options: { strict?: boolean } = {}): MissingForm[] {
  const strict = options.strict ?? false;
  const out: MissingForm[] = [];
  for (const field of DATA_TEXT_FIELDS) {
    const present = record[field] !== undefined || formKeysOf(field).some((k) => record[k] !== undefined);
    if (!present) continue;
    for (const lang of TEXT_LANGS) {
      const ok = strict ? hasForm(record, field, lang, true) : textOf(record, field, lang) !== null;
      if (!ok) out.push({ field, lang, property: false });
    }
  }
  const properties = record.properties;
  if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
    const props = properties as Record<string, unknown>;
    for (const key of wordyPropertyKeys(props))
      for (const lang of TEXT_LANGS) {
        const ok = strict ? hasForm(props, key, lang, true) : propertyTextOf(props, key, lang) !== null;
        if (!ok) out.push({ field: key, lang, property: true });
      }
  }
  return out;
}

const FIELD_WORDS: Record<TextField, string> = {
  name: 'name',
  description: 'description',
  task: 'task',
  subject: 'assignment name',
  role: 'role',
  capacity: 'capacity',
  hedge: 'hedge wording',
  agreement: 'agreement',
  title: 'title',
  outsideKnowledge: 'outside-knowledge note',
  evidence: 'evidence summary',
  basisNote: 'note on the basis',
};

/** A field or property key in plain words: "assignment name", "international work areas". */
export function fieldWords(field: string): string {
  if ((TEXT_FIELDS as readonly string[]).includes(field)) return FIELD_WORDS[field as TextField];
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "The task has no Swedish form yet": a missing form said in plain words, for imports and edits. */
export function missingFormWarning(m: MissingForm): string {
  const words = fieldWords(m.field);
  // A plural property ("tasks", "aims") takes "have".
  const verb = m.property && /[^s]s$/.test(words) ? 'have' : 'has';
  return `The ${words} ${verb} no ${m.lang === 'sv' ? 'Swedish' : 'English'} form yet`;
}

// ---- keeping the forms and the legacy fields together on an edit

/**
 * After an edit has set `setKeys` on `record` (a node's or tie's record, or a node's free
 * properties): a legacy field changed without its forms leaves them describing the old text, so
 * they are dropped and the reader falls back to the new value (a warning then names the form that
 * is missing); a text changed without its origin loses the old origin; and a form changed without
 * its legacy field carries the English over to it, so readers that do not use textOf yet agree.
 */
export function syncForms(record: Record<string, unknown>, setKeys: readonly string[]): void {
  const set = new Set(setKeys);
  const fields = new Set<string>();
  for (const k of setKeys) fields.add(formFieldOf(k) ?? k);
  for (const field of fields) {
    const formSet = formKeysOf(field).some((k) => set.has(k));
    if (set.has(field) && !formSet && field !== 'name') {
      for (const k of formKeysOf(field)) delete record[k];
      continue;
    }
    if (field === 'name' && set.has('name') && !set.has('nameSv')) {
      delete record.nameSv;
      delete record.nameSvOrigin;
    }
    for (const lang of TEXT_LANGS) {
      const key = `${field}${suffix(lang)}`;
      if (set.has(key) && !set.has(`${key}Origin`)) delete record[`${key}Origin`];
    }
    if (formSet && !set.has(field) && field !== 'name') {
      const sv = record[`${field}Sv`];
      const en = record[`${field}En`];
      if (field === 'hedge' || field === 'title') {
        if (typeof sv === 'string' && typeof en === 'string') record[field] = `${sv} (${en})`;
      } else if (en !== undefined && en !== null) record[field] = en;
    }
  }
}
