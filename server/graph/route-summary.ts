// The sentences of a route answer: how many routes lead from one end to the other, what the
// first is (a named process, or how many steps), then one sentence per step in the order the
// route travels, each with its certainty, hedge and dates. As of a date, the steps are counted
// in the three groups (server/model/as-of.ts) right after the route is named: a route whose
// steps have no dates given is never presented as holding then.
import type { Reader } from '../db/database.ts';
import type { NodeData } from './elements.ts';
import { readDocuments } from './documents.ts';
import { edgeFacts } from './edge-facts.ts';
import type { Route } from './routes.ts';
import { asTimeStatus } from './trust.ts';
import { asOfGroupOf, type AsOfCounts, countGroups } from '../model/as-of.ts';
import { assignmentName, factsSummary, type Lang, numberWord, type Summary, theName, words } from './summary.ts';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const W = {
  en: {
    held: (n: number, date: string) =>
      n
        ? `${cap(numberWord(n, 'en'))} of its steps held in ${date} by the dates the sources give.`
        : `None of its steps is dated to ${date}.`,
    undated: (n: number) =>
      `${cap(numberWord(n, 'en'))} ${n === 1 ? 'step has' : 'steps have'} no dates given and ${n === 1 ? 'is' : 'are'} not counted as held then.`,
  },
  sv: {
    held: (n: number, date: string) =>
      n
        ? `${cap(n === 1 ? 'ett' : numberWord(n, 'sv'))} av dess steg gällde ${date} enligt källornas datum.`
        : `Inget av dess steg är daterat till ${date}.`,
    undated: (n: number) => `${cap(n === 1 ? 'ett' : numberWord(n, 'sv'))} steg saknar angivna datum och räknas inte som gällande då.`,
  },
} as const;

/** The first route's steps as of a date: held, or dates not given (ties dated elsewhere take no part in routes). */
export function routeAsOf(route: Route | undefined, date: string): AsOfCounts {
  return countGroups(
    date,
    (route?.relationships ?? []).map((e) => asOfGroupOf(asTimeStatus(e.timeStatus))),
  );
}

/** "3 routes lead from A to B. The first is the named process …, in 4 steps." then one sentence per step, in order. */
export async function routeSummary(
  db: Reader,
  from: NodeData,
  to: NodeData,
  routes: Route[],
  lang: Lang,
  asOf: AsOfCounts | null = null,
): Promise<Summary> {
  const w = words(lang);
  if (!routes.length) return { text: w.noPaths(theName(from, lang), theName(to, lang)), citations: [], documents: [] };
  const first = routes[0]!;
  const [facts, docs] = await Promise.all([
    edgeFacts(db, first.relationships, new Map(first.nodes.map((n) => [n.id, n])), {
      nodes: routes.flatMap((r) => r.nodes),
      edges: routes.flatMap((r) => r.relationships),
    }),
    readDocuments(db),
  ]);
  // A route reads in its order: its steps are one process, not separate answers to rank.
  const named = first.named ? assignmentName(first.relationships[0] ?? {}, lang) : null;
  const groups = asOf ? [W[lang].held(asOf.held, asOf.date), asOf.undated ? W[lang].undated(asOf.undated) : ''] : [];
  const lead = [
    w.pathsIntro(theName(from, lang), theName(to, lang), routes.length),
    first.named ? w.named(named, first.length) : w.firstRoute(first.length),
    ...groups,
  ]
    .filter(Boolean)
    .join(' ');
  return factsSummary(facts, lang, { max: 10, lead, docs, order: 'given', restNoun: 'steps' });
}
