// Picking routes: named processes first, then variety across kinds of ties before more of the
// same kind; routes that revisit a node or repeat another's kinds and stops are left out.
import { describe, expect, it } from 'vitest';
import { pickRoutes, toRoute, weakestCertainty } from '../../server/graph/routes.ts';
import type { EdgeData, NodeData } from '../../server/graph/elements.ts';

const n = (id: string): NodeData => ({ id, label: 'Agency', name: id });
let k = 0;
const e = (type: string, source: string, target: string, certainty = 'stated'): EdgeData => ({
  id: `k${k++}`,
  type,
  source,
  target,
  certainty,
});
/** "a-SUPPORTS-b-COOPERATES_WITH-c" → a route. */
function route(spec: string, certainty = 'stated') {
  const parts = spec.split('-');
  const nodes: NodeData[] = [];
  const rels: EdgeData[] = [];
  for (let i = 0; i < parts.length; i += 2) nodes.push(n(parts[i]!));
  for (let i = 1; i < parts.length; i += 2) rels.push(e(parts[i]!, parts[i - 1]!, parts[i + 1]!, certainty));
  return toRoute(nodes, rels);
}

describe('pickRoutes', () => {
  it('puts the named process first, then one route of each kind before a second of any kind', () => {
    const named = { ...route('u-FWD-m-FWD-s-FWD-r'), named: { chain: 'c', subject: null, reversed: false } };
    const candidates = [
      route('u-SUPPORTS-r'),
      route('u-SUPPORTS-x-SUPPORTS-r'),
      route('u-SUPPORTS-y-SUPPORTS-r'),
      route('u-SUPPORTS-z-SUPPORTS-r'),
      route('u-SUPPORTS-w-SUPPORTS-r'),
      route('u-COOPERATES-s-COOPERATES-r'),
    ];
    const { routes, groups } = pickRoutes([named], candidates, 4);
    expect(routes[0]!.named?.chain).toBe('c');
    expect(routes.map((r) => r.kinds.join(','))).toEqual(['FWD', 'SUPPORTS', 'COOPERATES', 'SUPPORTS']);
    expect(groups.map((g) => g.paths)).toEqual([[0], [1, 3], [2]]);
  });

  it('leaves out routes that revisit a node and routes with the same kinds through the same stops', () => {
    const { routes } = pickRoutes([], [route('a-X-b-Y-c'), route('a-Y-b-X-c'), route('a-X-b-X-a-Y-c'), route('a-X-d-Y-c')], 10);
    expect(routes.map((r) => r.nodes.map((x) => x.id).join(''))).toEqual(['abc', 'adc']);
  });

  it('takes kinds in turns, and within a kind prefers stops not yet shown', () => {
    const same = [route('a-X-p-X-b'), route('a-X-p-X-q-X-b'), route('a-X-r-X-b')];
    const { routes } = pickRoutes([], [...same, route('a-Y-t-Y-u-Y-b')], 10);
    // After a-p-b, the route through r (no stop shown yet) comes before the one through p again.
    expect(routes.map((r) => r.nodes.map((x) => x.id).join(''))).toEqual(['apb', 'atub', 'arb', 'apqb']);
  });

  it('rates a route by its weakest tie', () => {
    expect(weakestCertainty([e('A', 'a', 'b'), e('A', 'b', 'c', 'hedged')])).toBe('hedged');
    expect(weakestCertainty([e('A', 'a', 'b', 'inferred'), e('A', 'b', 'c', 'hedged')])).toBe('inferred');
    expect(weakestCertainty([{ id: 'x', type: 'A', source: 'a', target: 'b' }])).toBeNull();
  });
});

describe('pickRoutes and named processes', () => {
  it('does not show a named process a second time when the search finds the same route', () => {
    const named = { ...route('u-FWD-m-FWD-r'), named: { chain: 'c', subject: null, reversed: false } };
    const { routes } = pickRoutes([named], [route('u-FWD-m-FWD-r'), route('u-SUPPORTS-r')], 10);
    expect(routes.map((r) => [r.named?.chain ?? null, r.nodes.map((x) => x.id).join('')])).toEqual([
      ['c', 'umr'],
      [null, 'ur'],
    ]);
  });
});
