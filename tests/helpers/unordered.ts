// Comparing two answers to one question read two ways (the recorded states and the replay, or
// a past read and the answer given then) where the product leaves an order undefined.
import { expect } from 'vitest';

/**
 * An answer as a client reads it, in an order that means nothing fixed: the layer's copies are
 * stored in another order than the live graph, and rows that tie on an answer's sort keys (or
 * that no ORDER BY sorts: graph elements, hops, export records) come in the store's order. So
 * lists of records are compared as multisets (and a record's fields in name order); lists of
 * words and numbers keep their order. Search scores come from index statistics (the replay's
 * index holds no copies) and `recordedAt` says how the answer was read: both left out.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    const records = items.length && items.every((v) => v !== null && typeof v === 'object');
    return records
      ? items
          .map((v) => [JSON.stringify(v), v] as const)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([, v]) => v)
      : items;
  }
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'recordedAt' && k !== 'score')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

export type Routes = {
  from: unknown;
  to: unknown;
  paths: Array<{ relationships: Array<{ factId: string; certainty: string }> }>;
};

/**
 * Which of several equally short routes a path search meets first follows the store's order,
 * and the routes picked and their detours with it: so routes are held to what a route is. The
 * same ends, the same shortest length, and every tie on every route a tie of the graph then
 * (`ties`, by fact id), with its certainty then.
 */
export function sameRoutes(answer: Routes, expected: Routes, ties: Map<string, { certainty: string }>, when: string): void {
  expect(answer.from, when).toEqual(expected.from);
  expect(answer.to, when).toEqual(expected.to);
  expect(answer.paths.length > 0, when).toBe(expected.paths.length > 0);
  if (!expected.paths.length) return;
  const shortest = (r: Routes) => Math.min(...r.paths.map((p) => p.relationships.length));
  expect(shortest(answer), when).toBe(shortest(expected));
  for (const route of answer.paths)
    for (const tie of route.relationships) {
      expect(ties.has(tie.factId), `${when}: ${tie.factId} is a tie then`).toBe(true);
      expect(tie.certainty, `${when}: ${tie.factId}`).toBe(ties.get(tie.factId)!.certainty);
    }
}
