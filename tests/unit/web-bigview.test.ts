// A big view arrives in slices (issue 22, part 5): the slicing, the order elements arrive in,
// and the quick placement shown before the force layout comes back from its worker.
import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { arrivalOrder, withEnds } from '../../web/src/graph/arrival.ts';
import { holdFrame } from '../../web/src/graph/frames.ts';
import { spreadToEdgeLength } from '../../web/src/graph/force-job.ts';
import { quickPlacement } from '../../web/src/graph/layouts.ts';
import { inSlices } from '../../web/src/graph/slices.ts';

describe('work in slices', () => {
  it('does every item once, in order, and gives the page a turn each time the budget is spent', async () => {
    let clock = 0;
    const turns: number[] = [];
    const seen: number[] = [];
    const items = Array.from({ length: 10 }, (_, i) => i);
    const done = await inSlices(
      items,
      (slice) => {
        seen.push(...slice);
        clock += 20; // each slice of 2 takes 20 ms
      },
      { slice: 2, budgetMs: 30, now: () => clock, yieldFn: async () => void turns.push(seen.length) },
    );
    expect(done).toBe(true);
    expect(seen).toEqual(items);
    // 20 ms, 40 ms: spent after the second slice; then again two slices later.
    expect(turns).toEqual([4, 8]);
  });

  it('reports progress at each turn and at the end', async () => {
    let clock = 0;
    const progress: Array<[number, number]> = [];
    await inSlices(Array.from({ length: 5 }), () => (clock += 50), {
      slice: 2,
      budgetMs: 30,
      now: () => clock,
      yieldFn: async () => undefined,
      onProgress: (d, n) => progress.push([d, n]),
    });
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('stops where it is when the work is no longer wanted', async () => {
    let clock = 0;
    let stop = false;
    const seen: number[] = [];
    const done = await inSlices(
      Array.from({ length: 10 }, (_, i) => i),
      (slice) => {
        seen.push(...slice);
        clock += 50;
      },
      {
        slice: 3,
        budgetMs: 30,
        now: () => clock,
        yieldFn: async () => void (stop = true),
        cancelled: () => stop,
      },
    );
    expect(done).toBe(false);
    expect(seen).toEqual([0, 1, 2]);
  });
});

const node = (id: string): ElementDefinition => ({ group: 'nodes', data: { id } });
const edge = (id: string, source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id, source, target } });

describe('arrival order', () => {
  it('brings each tie right after the later of its two ends, and every element once', () => {
    const nodes = ['a', 'b', 'c', 'd'].map(node);
    const edges = [edge('cd', 'c', 'd'), edge('ab', 'a', 'b'), edge('ac', 'a', 'c'), edge('loop', 'b', 'b')];
    const order = arrivalOrder(nodes, edges, () => false).map((e) => String(e.data.id));
    expect(order).toEqual(['a', 'b', 'ab', 'loop', 'c', 'ac', 'd', 'cd']);
  });

  it('brings ties between nodes already on the canvas first', () => {
    const order = arrivalOrder([node('new')], [edge('old', 'x', 'y'), edge('to-new', 'x', 'new')], (id) => id === 'x' || id === 'y');
    expect(order.map((e) => String(e.data.id))).toEqual(['old', 'new', 'to-new']);
  });
});

describe('quick placement', () => {
  // A hub with 40 neighbours, each with two leaves of its own.
  const ids = ['hub'];
  const edges: Array<{ source: string; target: string }> = [];
  for (let i = 0; i < 40; i++) {
    ids.push(`n${i}`);
    edges.push({ source: 'hub', target: `n${i}` });
    for (const leaf of ['a', 'b']) {
      ids.push(`n${i}${leaf}`);
      edges.push({ source: `n${i}`, target: `n${i}${leaf}` });
    }
  }
  ids.push('alone');

  it('places every node, each on its own spot', () => {
    const p = quickPlacement(ids, edges);
    expect(Object.keys(p).sort()).toEqual([...ids].sort());
    const spots = new Set(Object.values(p).map((q) => `${q.x},${q.y}`));
    expect(spots.size).toBe(ids.length);
  });

  it('puts the best-connected node in the middle and its neighbours nearer than their leaves', () => {
    const p = quickPlacement(ids, edges);
    expect(p.hub).toEqual({ x: 0, y: 0 });
    const r = (id: string) => Math.hypot(p[id]!.x, p[id]!.y);
    const neighbours = ids.filter((id) => /^n\d+$/.test(id)).map(r);
    const leaves = ids.filter((id) => /^n\d+[ab]$/.test(id)).map(r);
    expect(Math.max(...neighbours)).toBeLessThan(Math.min(...leaves));
    // A node on its own comes last, at the edge.
    expect(r('alone')).toBeGreaterThanOrEqual(Math.max(...leaves));
  });

  it('gives the same view the same picture whatever order its nodes and ties come in', () => {
    const again = quickPlacement([...ids].reverse(), [...edges].reverse());
    expect(again).toEqual(quickPlacement(ids, edges));
  });
});

describe('spreading a packed draft layout', () => {
  const edges = [
    { source: 'a', target: 'b' },
    { source: 'b', target: 'c' },
    { source: 'c', target: 'd' },
  ];

  it('scales the picture about its centre until its median tie has the ideal length', () => {
    const packed = { a: { x: 0, y: 0 }, b: { x: 10, y: 0 }, c: { x: 20, y: 0 }, d: { x: 30, y: 0 } };
    const spread = spreadToEdgeLength(packed, edges, 100);
    expect(spread).toEqual({ a: { x: -135, y: 0 }, b: { x: -35, y: 0 }, c: { x: 65, y: 0 }, d: { x: 165, y: 0 } });
  });

  it('leaves a picture that already has room as it is', () => {
    const roomy = { a: { x: 0, y: 0 }, b: { x: 150, y: 0 }, c: { x: 300, y: 0 }, d: { x: 450, y: 0 } };
    expect(spreadToEdgeLength(roomy, edges, 100)).toBe(roomy);
  });
});

describe('a slice of an arrival', () => {
  it('adds each tie whose ends are on the canvas or in the same slice, and no tie without its ends', () => {
    const slice = [node('a'), edge('a-old', 'a', 'old'), node('b'), edge('ab', 'a', 'b'), edge('a-gone', 'a', 'gone')];
    const added = withEnds(slice, (id) => id === 'old').map((d) => String(d.data.id));
    expect(added).toEqual(['a', 'a-old', 'b', 'ab']);
  });

  it('brings every tie of a whole view with its nodes when the slices follow the arrival order', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e'].map(node);
    const edges = [edge('ab', 'a', 'b'), edge('bc', 'b', 'c'), edge('ce', 'c', 'e'), edge('da', 'd', 'a'), edge('ee', 'e', 'e')];
    const order = arrivalOrder(nodes, edges, () => false);
    const canvas = new Set<string>();
    for (let i = 0; i < order.length; i += 3)
      for (const d of withEnds(order.slice(i, i + 3), (id) => canvas.has(id))) canvas.add(String(d.data.id));
    expect([...canvas].sort()).toEqual(['a', 'ab', 'b', 'bc', 'c', 'ce', 'd', 'da', 'e', 'ee']);
  });
});

describe('frames while a big view is built', () => {
  it('skips a frame only when one was drawn less than the gap ago', () => {
    expect(holdFrame(1000, undefined, 500)).toBe(false);
    expect(holdFrame(1000, 700, 500)).toBe(true);
    expect(holdFrame(1000, 500, 500)).toBe(false);
    expect(holdFrame(1000, 200, 500)).toBe(false);
  });
});
