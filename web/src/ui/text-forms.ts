// A text from the data in the reader's language (docs/model.md, "Two languages"), with a short
// mark where it matters: the source's own wording, or our translation of it. When the data has
// no form in the reader's language, the other one is shown marked as such (with its `lang`) so a
// screen reader pronounces it right, never passed off as the reader's language.
import { formFieldOf, propertyTextOf, textOf, type TextField, type TextLang } from '../../../server/model/texts.ts';
import { lang, t } from '../i18n/index.ts';
import { h } from './dom.ts';
import { citedInWords } from './sources.ts';

const other = (l: TextLang): TextLang => (l === 'en' ? 'sv' : 'en');

/**
 * The mark a form needs: the source's own words are said to be so; ours is "our translation"
 * only where the other language holds the source's or an official wording (a paraphrase that is
 * ours in both languages needs no mark).
 */
function mark(origin: string, otherOrigin: string | undefined): string | null {
  if (origin === 'source') return t.bilingual.sourceWording;
  if (origin === 'ours' && (otherOrigin === 'source' || otherOrigin === 'official')) return t.bilingual.ourTranslation;
  return null;
}

function shown(items: string[], l: TextLang, origin: string, otherOrigin: string | undefined): HTMLElement {
  const m = l === lang ? mark(origin, otherOrigin) : t.bilingual.onlyIn(l);
  return h(
    'span',
    { class: 'text-form' },
    h('span', l === lang ? {} : { lang: l }, items.join(', ')),
    m ? h('span', { class: 'text-origin muted' }, ` (${m})`) : null,
  );
}

/** A text field (task, hedge, evidence…) in the reader's language, or null when the record has none. */
export function formOf(record: Record<string, unknown>, field: TextField): HTMLElement | null {
  const mine = readable(textOf(record, field, lang));
  const theirs = readable(textOf(record, field, other(lang)));
  if (mine) return shown([mine.text], lang, mine.origin, theirs?.origin);
  return theirs ? shown([theirs.text], theirs.lang, theirs.origin, undefined) : null;
}

/** The plain text of a field in the reader's language (falling back to the other), for one-line summaries. */
export function plainOf(record: Record<string, unknown>, field: TextField): string | null {
  return readable(textOf(record, field, lang) ?? textOf(record, field, other(lang)))?.text ?? null;
}

/** A form with the data's citation shorthand ("(001 L16)") in words, as the answers cite. */
function readable<T extends { text: string }>(form: T | null): T | null {
  return form ? { ...form, text: citedInWords(form.text) } : null;
}

/** A free property (tasks, staff, title…) in the reader's language. */
export function propertyFormOf(record: Record<string, unknown>, key: string): HTMLElement | null {
  const mine = propertyTextOf(record, key, lang);
  const theirs = propertyTextOf(record, key, other(lang));
  if (mine) return shown(mine.items, lang, mine.origin, theirs?.origin);
  return theirs ? shown(theirs.items, theirs.lang, theirs.origin, undefined) : null;
}

/** Is `key` one of the stored keys of a text's forms (`taskSv`, `tasksEnOrigin`), shown through its field instead? */
export function isFormKey(record: Record<string, unknown>, key: string): boolean {
  const base = formFieldOf(key);
  return base !== null && (base in record || `${base}Sv` in record || `${base}En` in record) && key !== base;
}

/** A stored key in words in the reader's language: "Formed as new agency", "Bildades som ny myndighet". */
export function keyInWords(key: string): string {
  const known = t.bilingual.keys[key] ?? t.keys[key];
  if (known) return known;
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
