// The force layout that runs in a web worker for large views, run here directly on plain data.
import { describe, expect, it } from 'vitest';
import { pullApartRounds, ROOM_PER_NODE, runForceJob, spreadToRoom, unstack } from '../../web/src/graph/force-job.ts';
import { forceLayout } from '../../web/src/graph/layouts.ts';

function clusters(size: number) {
  const nodes: Array<{ id: string; w: number; h: number }> = [];
  const edges: Array<{ source: string; target: string }> = [];
  for (const c of ['a', 'b']) {
    for (let i = 0; i < size; i++) nodes.push({ id: `${c}${i}`, w: 40, h: 30 });
    for (let i = 1; i < size; i++) edges.push({ source: `${c}0`, target: `${c}${i}` });
    for (let i = 2; i < size; i++) edges.push({ source: `${c}${i - 1}`, target: `${c}${i}` });
  }
  edges.push({ source: 'a0', target: 'b0' });
  return { nodes, edges };
}

const distance = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);

describe('force layout job', () => {
  it('places every node, keeps clusters together and apart from each other', () => {
    const { nodes, edges } = clusters(30);
    const options = forceLayout({ nodeCount: nodes.length }) as unknown as Record<string, unknown>;
    const positions = runForceJob({ nodes, edges, options: structuredClone(options) });
    expect(Object.keys(positions).sort()).toEqual(nodes.map((n) => n.id).sort());
    for (const p of Object.values(positions)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);

    const within: number[] = [];
    const between: number[] = [];
    for (const m of nodes)
      for (const n of nodes) {
        if (m.id >= n.id) continue;
        (m.id[0] === n.id[0] ? within : between).push(distance(positions[m.id]!, positions[n.id]!));
      }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(within)).toBeLessThan(mean(between));
    // Boxes of 40×30 do not sit on top of each other.
    const ids = Object.keys(positions);
    let overlapping = 0;
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) if (distance(positions[ids[i]!]!, positions[ids[j]!]!) < 20) overlapping++;
    expect(overlapping).toBe(0);
  });

  it("sets a large view's alike nodes apart: every leaf of four hubs gets a place and room of its own", () => {
    // Over 1,500 nodes the layout is fCoSE's draft, which put a hub's leaves all on one spot.
    const nodes: Array<{ id: string; w: number; h: number }> = [];
    const edges: Array<{ source: string; target: string }> = [];
    for (const hub of ['h0', 'h1', 'h2', 'h3']) {
      nodes.push({ id: hub, w: 40, h: 40 });
      for (let i = 0; i < 400; i++) {
        nodes.push({ id: `${hub}-${i}`, w: 30, h: 30 });
        edges.push({ source: hub, target: `${hub}-${i}` });
      }
    }
    edges.push({ source: 'h0', target: 'h1' }, { source: 'h1', target: 'h2' }, { source: 'h2', target: 'h3' });
    const options = forceLayout({ nodeCount: nodes.length }) as unknown as Record<string, unknown>;
    expect(options.quality).toBe('draft');
    const positions = runForceJob({ nodes, edges, options: structuredClone(options) });
    const points = Object.values(positions);
    expect(points).toHaveLength(nodes.length);
    for (const p of points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    // No two nodes on one spot, and none with another within half a node's width (15 of 30).
    expect(new Set(points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(nodes.length);
    const cell = 15;
    const grid = new Map<string, Array<{ x: number; y: number }>>();
    for (const p of points) {
      const k = `${Math.floor(p.x / cell)},${Math.floor(p.y / cell)}`;
      grid.set(k, [...(grid.get(k) ?? []), p]);
    }
    const crowded = points.filter((p) => {
      const [gx, gy] = [Math.floor(p.x / cell), Math.floor(p.y / cell)];
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const q of grid.get(`${gx + dx},${gy + dy}`) ?? []) if (q !== p && distance(p, q) < cell) return true;
      return false;
    });
    expect(crowded.length).toBe(0);
    // Each hub's leaves stay nearer their own hub than the other hubs.
    let nearOwn = 0;
    for (const hub of ['h0', 'h1', 'h2', 'h3'])
      for (let i = 0; i < 400; i++) {
        const leaf = positions[`${hub}-${i}`]!;
        const own = distance(leaf, positions[hub]!);
        if (['h0', 'h1', 'h2', 'h3'].every((h) => h === hub || own < distance(leaf, positions[h]!))) nearOwn++;
      }
    expect(nearOwn / 1600).toBeGreaterThan(0.95);
  }, 30_000);

  it('sets nodes that share a spot on a small sunflower around it, and leaves nodes alone on theirs', () => {
    const out = unstack({ a: { x: 0, y: 0 }, b: { x: 0, y: 0 }, c: { x: 0, y: 0 }, d: { x: 400, y: 0 } });
    expect(out.d).toEqual({ x: 400, y: 0 });
    expect(out.a).toEqual({ x: 0, y: 0 });
    const spots = new Set([out.a, out.b, out.c].map((p) => `${p!.x.toFixed(3)},${p!.y.toFixed(3)}`));
    expect(spots.size).toBe(3);
    for (const p of [out.b!, out.c!]) expect(distance(p, { x: 0, y: 0 })).toBeLessThan(200);
  });

  it('scales a packed picture until each node has its room, and never shrinks one', () => {
    const packed = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`n${i}`, { x: (i % 10) * 10, y: Math.floor(i / 10) * 10 }]));
    const spread = spreadToRoom(packed, ROOM_PER_NODE);
    const xs = Object.values(spread).map((p) => p.x);
    const ys = Object.values(spread).map((p) => p.y);
    const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    expect(area / 100).toBeCloseTo(ROOM_PER_NODE * ROOM_PER_NODE, 0);
    expect(spreadToRoom(spread, ROOM_PER_NODE)).toBe(spread);
  });

  it('gives bigger views fewer rounds of pulling apart, within 20 and 100', () => {
    expect(pullApartRounds(1_000)).toBe(100);
    expect(pullApartRounds(10_000)).toBe(40);
    expect(pullApartRounds(100_000)).toBe(20);
  });

  it('takes only plain data, as a worker message must be', () => {
    const options = forceLayout({ nodeCount: 1000 });
    expect(() => structuredClone(options)).not.toThrow();
  });
});
