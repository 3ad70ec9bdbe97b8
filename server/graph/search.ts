// Search in two steps: the full-text index finds candidates (luceneQuery), then the server ranks
// them by where the match is and by the graph's shape (rankHits). See docs/search.md.
import { distance } from 'fastest-levenshtein';
import { z } from '../zod.ts';
import type { Reader } from '../db/database.ts';
import { NodeLabel } from '../model/vocabulary.ts';
import { contentWords, inflections, placeSynonyms, sameWord } from './search-text.ts';

const MAX_WORDS = 8;

/**
 * How many edits a word may be off and still match: none for abbreviations and short words, two
 * only for long ones (two edits cost the index several times one, and short words two edits
 * apart are usually different words).
 */
export function allowedEdits(word: string): number {
  if (/\d/.test(word)) return 0;
  return word.length >= 10 ? 2 : word.length >= 5 ? 1 : 0;
}

/**
 * The user's words → a Lucene query for the full-text index. Only folded letters and digits of
 * the input reach it (see `words`), so no input can add a Lucene operator, field or range; the
 * operators here are ours. Every word must match one of its forms: itself (boosted most), the
 * same country in other words, its inflected and uninflected forms, a near miss (fuzzy), and,
 * for the last word only, any word it begins (type-ahead).
 */
export function luceneQuery(text: string, opts: { partial?: boolean } = {}): string | null {
  const ws = contentWords(text.normalize('NFC')).slice(0, MAX_WORDS);
  if (ws.length === 0) return null;
  // partial: any word may be missing ("WHO Europe" still finds WHO); the ranking then puts the
  // nodes that match the most words first (rankHits).
  const must = opts.partial ? '' : '+';
  return ws.map((w, i) => `${must}(${alternatives(w, i === ws.length - 1).join(' OR ')})`).join(' ');
}

/** Whether a query of several words is worth asking again with words left out. */
export function canBePartial(text: string): boolean {
  return contentWords(text.normalize('NFC')).slice(0, MAX_WORDS).length > 1;
}

function alternatives(word: string, last: boolean): string[] {
  // A country's genitive is both a place word and an inflection ("finlands"): asked for once.
  const places = placeSynonyms(word);
  const forms = [...inflections(word)].filter((f) => !places.includes(f));
  const alts = [`${word}^4`, ...places.map((p) => `${p}^3`), ...forms.map((f) => `${f}^2`)];
  if (last) alts.push(`${word}*^2`);
  const edits = allowedEdits(word);
  if (edits) alts.push(`${word}~${edits}`);
  return alts;
}

/** One candidate as cypher/search/search-nodes.cypher returns it. */
export const SearchCandidate = z.object({
  node: z.object({
    id: z.string(),
    label: NodeLabel,
    name: z.string(),
    nameEn: z.string().nullable().default(null),
    aliases: z.array(z.string()).nullable().default(null),
    description: z.string().nullable().default(null),
  }),
  score: z.number(),
  degree: z.number(),
  /** Wholes, superiors and employers up to three hops up (PART_OF, UNDER, WORKS_AT, DIRECTS, HOLDS_POST). */
  containers: z.array(z.string()),
});
export type SearchCandidate = z.infer<typeof SearchCandidate>;

export const MATCH_KINDS = ['exact', 'inflected', 'prefix', 'words', 'fuzzy'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
export type MatchField = 'name' | 'nameEn' | 'alias' | 'id';
export interface Match {
  kind: MatchKind;
  field: MatchField;
  /** The name, English name, alias or id the query matched. */
  value: string;
}
export type RankedHit = SearchCandidate & {
  match: Match;
  containedInHit: boolean;
  /** How many of the query's words the node's names hold (all of them unless the query was partial). */
  wordsMatched: number;
};

interface Named {
  field: MatchField;
  value: string;
  words: string[];
}

function namesOf(n: SearchCandidate['node']): Named[] {
  const names: { field: MatchField; value: string }[] = [{ field: 'name', value: n.name }];
  if (n.nameEn) names.push({ field: 'nameEn', value: n.nameEn });
  for (const a of n.aliases ?? []) names.push({ field: 'alias', value: a });
  names.push({ field: 'id', value: n.id });
  return names.map((x) => ({ ...x, words: contentWords(x.value) }));
}

/**
 * Where the query matches a node, best first: exact > inflected > prefix > words > fuzzy. An id
 * counts only when typed in full: "finland-…" ids would otherwise make every Finnish thing a
 * prefix match of "Finland".
 */
export function classify(query: string[], n: SearchCandidate['node']): Match {
  const all = namesOf(n);
  const names = all.filter((x) => x.field !== 'id');
  const phrase = query.join(' ');
  const first = (kind: MatchKind, among: Named[], test: (x: Named) => boolean): Match | null => {
    const hit = among.find(test);
    return hit ? { kind, field: hit.field, value: hit.value } : null;
  };
  const last = query.length - 1;
  const matchesWord = (q: string, i: number, w: string) => sameWord(q, w) || (i === last && w.startsWith(q));
  const wordsMatched = (x: Named) => query.filter((q, i) => x.words.some((w) => matchesWord(q, i, w))).length;
  return (
    first('exact', all, (x) => x.words.join(' ') === phrase) ??
    first('inflected', names, (x) => x.words.length === query.length && query.every((q, i) => sameWord(q, x.words[i]!))) ??
    first('prefix', names, (x) => x.words.join(' ').startsWith(phrase)) ??
    // Every query word somewhere in the node's names, in any order ("Finnish ministry" in
    // "Ministry of Social Affairs and Health (Finland)"); reported on the name that holds most.
    (names.length && query.every((q, i) => names.some((x) => x.words.some((w) => matchesWord(q, i, w))))
      ? { kind: 'words' as const, ...mostMatched(names, wordsMatched) }
      : null) ?? {
      kind: 'fuzzy',
      ...mostMatched(
        all,
        (x) => query.filter((q, i) => x.words.some((w) => matchesWord(q, i, w) || distance(q, w) <= allowedEdits(q))).length,
      ),
    }
  );
}

function mostMatched(names: Named[], count: (x: Named) => number): { field: MatchField; value: string } {
  let best = names[0]!;
  let bestCount = count(best);
  for (const x of names.slice(1)) {
    const c = count(x);
    if (c > bestCount) [best, bestCount] = [x, c];
  }
  return { field: best.field, value: best.value };
}

/**
 * The ranking, key by key:
 * 1. where the match is: exact name/English name/alias/id, then an inflected form of one
 *    ("Socialstyrelsens"), then a name that begins with the query, then all words anywhere in the
 *    names, then near misses, the nearest (fewest edits) first;
 * 2. the whole before its parts and people: a hit whose whole, superior or employer (up to three
 *    hops) is also a hit of the same or a better kind comes after it. Only among hits: counting
 *    PART_OF hops up in general would put a ministry (part of its government) after any
 *    free-standing document or programme that mentions it;
 * 3. more ties (degree): the better-connected, usually better-known entity, which is also what
 *    puts an agency before the reports named after it;
 * 4. the index's relevance, then the shorter name.
 */
export function rankHits(text: string, candidates: readonly SearchCandidate[], opts: { partial?: boolean } = {}): RankedHit[] {
  const query = contentWords(text.normalize('NFC')).slice(0, MAX_WORDS);
  const classified = candidates.map((c) => {
    // A partial query: the node is judged on the words its names hold, and more words come first.
    const own = opts.partial ? heldWords(query, c.node) : query;
    const q = own.length ? own : query;
    const match = classify(q, c.node);
    const wordsMatched = opts.partial ? own.length : query.length;
    // Among partial hits, those holding the earlier words first: people name the thing, then add
    // words about it ("WHO Europe", "Kvarnbyverket OR tornvik").
    const held = opts.partial ? query.map((w) => (own.includes(w) ? '1' : '0')).join('') : '';
    return {
      ...c,
      match,
      wordsMatched,
      held,
      tier: MATCH_KINDS.indexOf(match.kind),
      edits: match.kind === 'fuzzy' ? editsAway(q, c.node) : 0,
    };
  });
  const tier = new Map(classified.map((c) => [c.node.id, c.tier]));
  const ranked = classified.map((c) => ({
    ...c,
    containedInHit: c.containers.some((id) => id !== c.node.id && (tier.get(id) ?? Infinity) <= c.tier),
  }));
  ranked.sort(
    (a, b) =>
      b.wordsMatched - a.wordsMatched ||
      (a.held > b.held ? -1 : a.held < b.held ? 1 : 0) ||
      a.tier - b.tier ||
      a.edits - b.edits ||
      Number(a.containedInHit) - Number(b.containedInHit) ||
      b.degree - a.degree ||
      b.score - a.score ||
      a.node.name.length - b.node.name.length ||
      // Only for a stable order; localeCompare would cost more than the rest of the ranking.
      (a.node.name < b.node.name ? -1 : a.node.name > b.node.name ? 1 : 0),
  );
  return ranked.map(({ tier: _tier, edits: _edits, held: _held, ...hit }) => hit);
}

/** The query's words that some name of the node holds, in any form (the last also as a prefix), in order. */
function heldWords(query: string[], n: SearchCandidate['node']): string[] {
  const ws = namesOf(n)
    .filter((x) => x.field !== 'id')
    .flatMap((x) => x.words);
  const last = query.length - 1;
  return query.filter((q, i) => ws.some((w) => sameWord(q, w) || (i === last && w.startsWith(q))));
}

/** For a near miss: how many edits in all separate the query's words from the closest words of the node's names. */
function editsAway(query: string[], n: SearchCandidate['node']): number {
  const ws = namesOf(n).flatMap((x) => x.words);
  const last = query.length - 1;
  return query.reduce(
    (sum, q, i) => sum + Math.min(q.length, ...ws.map((w) => (sameWord(q, w) || (i === last && w.startsWith(q)) ? 0 : distance(q, w)))),
    0,
  );
}

export interface SearchOptions {
  labels?: readonly string[] | null;
  limit: number;
}

/**
 * The whole search: every word required first; when that finds nothing better than near
 * misses, asked again with any word allowed to be missing, so that words which match nothing
 * ("WHO Europe", "Socialstyrelsen Sweden") do not sink a hit that matches the rest.
 */
export async function searchEntities(db: Reader, text: string, opts: SearchOptions): Promise<RankedHit[]> {
  const ask = async (partial: boolean) => {
    const lucene = luceneQuery(text, { partial });
    if (!lucene) return [];
    const rows = await db.read('search/search-nodes', {
      query: lucene,
      labels: opts.labels ?? null,
      // The index ranks by word statistics only; fetch more than shown so the server's ranking
      // (and the label filter, applied after the index) has the whole and its parts to order.
      candidates: Math.max(50, opts.limit * (opts.labels ? 20 : 5)),
    });
    return rankHits(text, z.array(SearchCandidate).parse(rows), { partial });
  };
  const strict = await ask(false);
  if (strict.some((h) => h.match.kind !== 'fuzzy') || !canBePartial(text)) return strict.slice(0, opts.limit);
  const partial = await ask(true);
  return (partial.length ? partial : strict).slice(0, opts.limit);
}
