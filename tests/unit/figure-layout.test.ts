// The server's layout for figures (server/figure/layout.ts): the same elements always get the
// same places whatever order they come in, footprints never overlap, and a hub becomes a wheel.
import { describe, expect, it } from 'vitest';
import { hubOf, layered, wheel, type LayoutBox, type LayoutTie, type Placement } from '../../server/figure/layout.ts';

const box = (id: string, width = 120, height = 60): LayoutBox => ({ id, width, height });

function noOverlap(boxes: LayoutBox[], placed: Placement): void {
  const rects = boxes.map((b) => ({ ...placed.get(b.id)!, w: b.width, h: b.height, id: b.id }));
  for (const [i, a] of rects.entries())
    for (const b of rects.slice(i + 1)) {
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
    }
}

const chain: LayoutBox[] = ['government', 'ministry', 'agency', 'unit', 'post', 'person'].map((id) => box(id));
const chainTies: LayoutTie[] = [
  { id: 't1', source: 'government', target: 'ministry' },
  { id: 't2', source: 'ministry', target: 'agency' },
  { id: 't3', source: 'agency', target: 'unit' },
  { id: 't4', source: 'agency', target: 'post' },
  { id: 't5', source: 'person', target: 'post' },
];

describe('layered figure layout', () => {
  it('is the same for the same elements in any order, and keeps footprints apart', () => {
    const a = layered(chain, chainTies);
    const b = layered([...chain].reverse(), [...chainTies].reverse());
    expect([...b].sort()).toEqual([...a].sort());
    noOverlap(chain, a);
    // Who acts stands above what it acts on.
    expect(a.get('government')!.y).toBeLessThan(a.get('ministry')!.y);
    expect(a.get('ministry')!.y).toBeLessThan(a.get('agency')!.y);
  });

  it('folds a rank wider than the page into rows', () => {
    const leaves = Array.from({ length: 30 }, (_, i) => box(`leaf-${String(i).padStart(2, '0')}`));
    const boxes = [box('root'), ...leaves];
    const placed = layered(
      boxes,
      leaves.map((l) => ({ id: `to-${l.id}`, source: 'root', target: l.id })),
      800,
    );
    const xs = leaves.map((l) => placed.get(l.id)!.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThanOrEqual(800);
    expect(new Set(leaves.map((l) => placed.get(l.id)!.y)).size).toBeGreaterThan(1);
    noOverlap(boxes, placed);
  });
});

describe('a hub as a wheel', () => {
  const spokes = Array.from({ length: 40 }, (_, i) => box(`n-${String(i).padStart(2, '0')}`, 130, 70));
  const ties = spokes.map((s, i) => ({ id: `e${i}`, source: i % 3 ? 'hub' : s.id, target: i % 3 ? s.id : 'hub' }));
  const boxes = [box('hub', 140, 80), ...spokes];

  it('finds the hub only when most nodes are tied to it', () => {
    expect(hubOf(boxes, ties)).toBe('hub');
    expect(hubOf(chain, chainTies)).toBeNull();
    const sparse = ties.slice(0, 10);
    expect(hubOf(boxes, sparse)).toBeNull();
  });

  it('puts the hub in the middle, like with like, the same every time, nothing overlapping', () => {
    const group = (id: string) => (Number(id.slice(2)) % 2 ? 'b' : 'a');
    const placed = wheel(boxes, 'hub', group);
    expect(wheel([...boxes].reverse(), 'hub', group)).toEqual(placed);
    noOverlap(boxes, placed);
    const hub = placed.get('hub')!;
    const centre = { x: hub.x + 70, y: hub.y + 40 };
    for (const s of spokes) {
      const p = placed.get(s.id)!;
      expect(Math.hypot(p.x + 65 - centre.x, p.y + 35 - centre.y)).toBeGreaterThan(150);
    }
    // The first ring, clockwise from the top, holds the 'a' group before the 'b' group.
    const order = spokes.map((s) => s.id).sort((x, y) => group(x).localeCompare(group(y)) || x.localeCompare(y));
    expect(group(order[0]!)).toBe('a');
    expect(placed.get(order[0]!)!.y).toBeLessThan(centre.y);
  });
});
