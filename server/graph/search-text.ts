// How search reads words, shared by the Lucene query the server builds and the ranking it does
// afterwards, so both agree on what "the same word" means. The full-text index folds case and
// diacritics and drops English stop words (Neo4j's 'standard-folding' analyzer) but cannot stem:
// Neo4j's 'swedish' analyzer stems but does not fold, and "Varldshalsoorganisationen" must still
// find "Världshälsoorganisationen". So inflection is handled here, with Snowball stemmers.
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as swedishStem } from '@orama/stemmers/swedish';

/**
 * The stop words of the index's analyzer (`CALL db.index.fulltext.listAvailableAnalyzers`,
 * 'standard-folding'; a test keeps the two in step). They are dropped from queries because
 * Lucene drops them from plain terms but not from the prefix and fuzzy terms we add.
 */
export const INDEX_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

// Letters that Lucene's ASCIIFoldingFilter folds but Unicode decomposition leaves alone. Prefix
// and fuzzy terms bypass the analyzer, so the server must fold them exactly as the index did.
const UNDECOMPOSED: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', œ: 'oe', ı: 'i' };

/** Lower case without diacritics, as the index stores terms. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[æøßłđðþœı]/g, (c) => UNDECOMPOSED[c] ?? c);
}

/**
 * Folded words of a text. Only letters and digits survive, which is also what keeps Lucene
 * syntax out of queries: every operator character is punctuation. The Swedish genitive after
 * an abbreviation ("MSB:s", "WHO:s") and the English one ("Finland's") are dropped, so they read
 * as the word itself.
 */
export function words(s: string): string[] {
  return foldText(s)
    .replace(/[:'’]s(?![\p{L}\p{N}])/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Words without the index's stop words, unless that would leave nothing. */
export function contentWords(s: string): string[] {
  const all = words(s);
  const content = all.filter((w) => !INDEX_STOP_WORDS.has(w));
  return content.length ? content : all;
}

// Ranking compares every query word with every word of every candidate's names; the same few
// hundred words come back request after request, so their stems are kept (bounded).
const STEM_CACHE = new Map<string, readonly [string, string]>();
const CACHE_MAX = 20_000;

/** Swedish and English stems of a folded word: "socialstyrelsens" and "socialstyrelsen" share one. */
export function stems(word: string): readonly [sv: string, en: string] {
  let s = STEM_CACHE.get(word);
  if (!s) {
    if (STEM_CACHE.size >= CACHE_MAX) STEM_CACHE.clear();
    s = [swedishStem(word), englishStem(word)];
    STEM_CACHE.set(word, s);
  }
  return s;
}

// Swedish endings a name is commonly read or written with: the genitive -s, the definite article
// (-en, -et, -n, -t) and the definite plural (-na, -arna, -erna, -orna). Stripped and added again,
// they give the forms of a word the index can hold, as exact terms: cheap to look up, unlike a
// prefix of the Snowball stem ("mynd*" for "myndigheten"), which at 100,000 nodes was the
// slowest part of a query.
const STRIP: readonly (readonly [string, string])[] = [
  ['arna', 'ar'],
  ['erna', 'er'],
  ['orna', 'or'],
  ['na', ''],
  ['en', ''],
  ['et', ''],
  ['n', ''],
  ['t', ''],
];
const ADD = ['s', 'en', 'ens', 'et', 'ets', 'n', 'ns', 't', 'ts'];
const MIN_BASE = 4;

const FORMS_CACHE = new Map<string, ReadonlySet<string>>();

/** Inflected and uninflected forms of a folded word ("socialstyrelsens" → "socialstyrelsen" …), itself excluded. */
export function inflections(word: string): ReadonlySet<string> {
  let forms = FORMS_CACHE.get(word);
  if (!forms) {
    if (FORMS_CACHE.size >= CACHE_MAX) FORMS_CACHE.clear();
    forms = new Set(formsOf(word));
    FORMS_CACHE.set(word, forms);
  }
  return forms;
}

function formsOf(word: string): string[] {
  if (word.length < MIN_BASE || /\d/.test(word)) return [];
  const bases = new Set([word]);
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > MIN_BASE) bases.add(word.slice(0, -1));
  // English plurals: "ministries" for "ministry".
  if (word.endsWith('ies') && word.length > MIN_BASE + 1) bases.add(`${word.slice(0, -3)}y`);
  for (const b of [...bases]) {
    for (const [end, put] of STRIP) {
      const stripped = b.slice(0, b.length - end.length) + put;
      if (b.endsWith(end) && stripped.length >= MIN_BASE) bases.add(stripped);
    }
  }
  // Endings go on the bare forms, not on a word that already has one ("socialstyrelsensens").
  const bare = bases.size > 1 ? [...bases].filter((b) => b !== word) : [word];
  const forms = new Set(bases);
  for (const b of bare) for (const end of ADD) forms.add(b + end);
  if (word.endsWith('y')) forms.add(`${word.slice(0, -1)}ies`);
  forms.delete(word);
  return [...forms];
}

// People write "Finnish ministry" and "svenska regeringen" for what the data calls "(Finland)" or
// "Sveriges": an adjective of nationality and the country's names in Swedish and English are
// taken as the same word. Folded, so "isländsk" is "islandsk".
const PLACE_GROUPS: readonly (readonly string[])[] = [
  ['finland', 'finlands', 'finnish', 'finsk', 'finska', 'finskt', 'finlandsk', 'finlandska'],
  ['sweden', 'swedens', 'sverige', 'sveriges', 'swedish', 'svensk', 'svenska', 'svenskt'],
  ['norway', 'norways', 'norge', 'norges', 'norwegian', 'norsk', 'norska', 'norskt'],
  ['denmark', 'denmarks', 'danmark', 'danmarks', 'danish', 'dansk', 'danska', 'danskt'],
  ['iceland', 'icelands', 'island', 'islands', 'icelandic', 'islandsk', 'islandska'],
  ['estonia', 'estonias', 'estland', 'estlands', 'estonian', 'estnisk', 'estniska'],
  ['latvia', 'latvias', 'lettland', 'lettlands', 'latvian', 'lettisk', 'lettiska'],
  ['lithuania', 'lithuanias', 'litauen', 'litauens', 'lithuanian', 'litauisk', 'litauiska'],
  ['poland', 'polands', 'polen', 'polens', 'polish', 'polsk', 'polska', 'polskt'],
  ['germany', 'germanys', 'tyskland', 'tysklands', 'german', 'tysk', 'tyska', 'tyskt'],
  ['russia', 'russias', 'ryssland', 'rysslands', 'russian', 'rysk', 'ryska', 'ryskt'],
  ['ukraine', 'ukraines', 'ukraina', 'ukrainas', 'ukrainian', 'ukrainsk', 'ukrainska'],
  ['nordic', 'norden', 'nordens', 'nordisk', 'nordiska', 'nordiskt'],
];
const PLACE_OF = new Map<string, readonly string[]>(PLACE_GROUPS.flatMap((g) => g.map((w) => [w, g] as const)));

/** The other words that name the same country as `word` ("finnish" → "finland", "finsk" …). */
export function placeSynonyms(word: string): readonly string[] {
  return (PLACE_OF.get(word) ?? []).filter((w) => w !== word);
}

/** Whether two folded words count as the same word for ranking. */
export function sameWord(query: string, word: string): boolean {
  if (query === word) return true;
  if (PLACE_OF.has(query) && PLACE_OF.get(query) === PLACE_OF.get(word)) return true;
  // Abbreviations are not inflected by stemming: "SKR" and "SKRs" are different things.
  if (query.length < 4 || word.length < 4) return false;
  const [qs, qe] = stems(query);
  const [ws, we] = stems(word);
  return qs === ws || qe === we || inflections(query).has(word);
}
