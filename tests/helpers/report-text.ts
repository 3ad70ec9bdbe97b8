// What a reviewer looks for in a text meant for people, as checks the tests share: words a
// machine wrote (ids, type names, field names, JSON, file names, line anchors) and words of
// the other language. Each returns what it found, so a failure shows the offending words.
import { RELATIONSHIP_TYPES } from '../../server/model/vocabulary.ts';

const TYPE_NAMES = new Set<string>(RELATIONSHIP_TYPES);

/** Machine words in `text`: ids (kebab-case, or any of `knownIds`), type names, camelCase fields, braces, `.txt` names, `#L` refs. */
export function machineWords(text: string, knownIds: readonly string[] = []): string[] {
  const found: string[] = [];
  // Kebab-case with three parts or more reads as an id ("leads-delegation-post-…"); dates do not count.
  for (const m of text.matchAll(/(?<![\p{L}\d-])[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}(?![\p{L}\d-])/gu)) found.push(m[0]);
  for (const id of knownIds) {
    if (!id.includes('-')) continue;
    const re = new RegExp(`(?<![\\p{L}\\d-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d-])`, 'u');
    if (re.test(text)) found.push(id);
  }
  for (const m of text.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)) found.push(m[0]);
  for (const m of text.matchAll(/\b[A-Z]{4,}\b/g)) if (TYPE_NAMES.has(m[0])) found.push(m[0]);
  for (const m of text.matchAll(/\b[a-z]+[A-Z][A-Za-z]*\b/g)) found.push(m[0]);
  for (const m of text.matchAll(/[{}]/g)) found.push(m[0]);
  for (const m of text.matchAll(/[\w.-]+\.txt\b/g)) found.push(m[0]);
  for (const m of text.matchAll(/#L\d+/g)) found.push(m[0]);
  // A data text's own shorthand for a citation ("003 L880", "(001 r. 16)", "003 shows …"): a
  // document's number is no name a reader knows.
  for (const m of text.matchAll(/(?<![\p{L}\d.,:–-])0\d\d(?:\s(?:L|r\.\s?|l\.\s?)\d+(?:[-–]\d+)?)?(?![\p{L}\d])/gu)) found.push(m[0]);
  return [...new Set(found)];
}

/** Words only English uses, that a Swedish answer must not carry. */
const ENGLISH_ONLY = [
  'the',
  'and',
  'of',
  'with',
  'in',
  'is',
  'by',
  'on',
  'from',
  'until',
  'not',
  'given',
  'basis',
  'assignment',
  'represents',
  'speaking',
  'through',
  'some',
  'cases',
  'usually',
  'custom',
  'inferred',
  'stated',
  'sources',
  'fact',
  'facts',
  'held',
  'more',
  // English titles of posts and bodies, where Swedish has its own words (chefsläkare, styrelse).
  'chief',
  'officer',
  'officers',
  'nurse',
  'midwifery',
  'dental',
  'medical',
  'executive',
  'board',
];
/** Words only Swedish uses, that an English answer must not carry. */
const SWEDISH_ONLY = [
  'och',
  'i',
  'av',
  'på',
  'för',
  'med',
  'ej',
  'som',
  'inte',
  'enligt',
  'genom',
  'uppdrag',
  'uppdraget',
  'gällde',
  'datum',
  'företräder',
  'vissa',
  'fall',
  'några',
  'bland',
  'dem',
  'fakta',
  'faktum',
  'praxis',
  'vanligen',
];

/**
 * Words of the other language in `text`. Citations (in square brackets) are left out: a
 * document's title is its own name, in the language it was written in.
 */
export function otherLanguageWords(text: string, lang: 'en' | 'sv'): string[] {
  const plain = text.replace(/\[[^\]]*\]/g, ' ');
  const words = plain.match(/[\p{L}]+/gu) ?? [];
  const list = new Set(lang === 'en' ? SWEDISH_ONLY : ENGLISH_ONLY);
  return [...new Set(words.filter((w) => list.has(lang === 'en' ? w : w.toLowerCase())))];
}
