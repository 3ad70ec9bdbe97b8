// What two nodes share, in sentences: how many neighbours they have in common, then for the
// most firmly shared ones each side's tie in a sentence of its own (one fact per sentence),
// strongest first. A neighbour is only as firmly shared as its weaker side: a stated tie on
// one side and an inferred one on the other ranks with the inferred.
import type { Reader } from '../db/database.ts';
import type { EdgeData, NodeData } from './elements.ts';
import { readDocuments } from './documents.ts';
import { edgeFacts } from './edge-facts.ts';
import { type Fact, factsSummary, type Lang, strength, strongestFirst, type Summary, theName, words } from './summary.ts';

export interface SharedNeighbour {
  node: NodeData;
  fromA: EdgeData[];
  fromB: EdgeData[];
}

/** Neighbours whose ties are said in sentences; the rest are counted. */
const SAID = 3;

const REST = {
  en: (n: number) => `${n} more shared ${n === 1 ? 'neighbour is' : 'neighbours are'} listed below.`,
  sv: (n: number) => `${n} ${n === 1 ? 'gemensam granne till listas' : 'gemensamma grannar till listas'} nedan.`,
} as const;

export async function sharedSummary(db: Reader, a: NodeData, b: NodeData, shared: SharedNeighbour[], lang: Lang): Promise<Summary> {
  const w = words(lang);
  const lead = w.sharedLead(theName(a, lang), theName(b, lang), shared.length);
  if (!shared.length) return { text: lead, citations: [], documents: [] };
  const nodes = new Map<string, NodeData>([a, b, ...shared.map((s) => s.node)].map((n) => [n.id, n]));
  const edges = shared.flatMap((s) => [...s.fromA, ...s.fromB]);
  const [facts, docs] = await Promise.all([edgeFacts(db, edges, nodes, { nodes: [...nodes.values()], edges }), readDocuments(db)]);
  const factOf = new Map(edges.map((e, i) => [e.id, facts[i]!]));
  // Each side's strongest tie to the neighbour; the neighbour ranks by the weaker of the two.
  const sides = shared.map((s) => {
    const best = (ties: EdgeData[]) => strongestFirst(ties.map((e) => factOf.get(e.id)!))[0];
    const pair = [best(s.fromA), best(s.fromB)].filter((f): f is Fact => Boolean(f));
    return { pair, rank: Math.max(...pair.map(strength)) };
  });
  const said = sides
    .map((s, i) => ({ ...s, i }))
    .sort((x, y) => x.rank - y.rank || x.i - y.i)
    .slice(0, SAID);
  const summary = factsSummary(
    said.flatMap((s) => s.pair),
    lang,
    { max: SAID * 2, lead, docs, order: 'given' },
  );
  const rest = shared.length - said.length;
  return rest > 0 ? { ...summary, text: `${summary.text} ${REST[lang](rest)}` } : summary;
}
