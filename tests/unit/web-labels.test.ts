// Level of detail for names (graph/labels.ts) and the seeded force layout: which names show,
// in which order, how the named nodes are moved apart, and that a view lays out the same way
// every time.
import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import fc from 'fast-check';
import { runForceJob } from '../../web/src/graph/force-job.ts';
import { keepLabels, overlaps, rankNodes, seededRandom, seedOf, spreadApart, type RankedBox } from '../../web/src/graph/labels.ts';
import { forceLayout } from '../../web/src/graph/layouts.ts';
import { legibleFontSize, LEGIBLE_NAME_PX, sizeNames } from '../../web/src/graph/legible.ts';
import { buildStyle, TEXT, THEMES } from '../../web/src/graph/style.ts';

const box = (id: string, x: number, y: number, w = 60, h = 14): RankedBox => ({ id, x1: x, y1: y, x2: x + w, y2: y + h });

describe('keepLabels', () => {
  it('keeps the better-ranked of two names that meet, and every name that meets none', () => {
    const kept = keepLabels([box('hub', 0, 0), box('leaf', 30, 5), box('far', 300, 0)]);
    expect([...kept].sort()).toEqual(['far', 'hub']);
  });

  it('never keeps two boxes that meet, whatever the boxes', () => {
    const boxes = fc.array(
      fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 400 }), w: fc.integer({ min: 5, max: 120 }) }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(boxes, (bs) => {
        const ranked = bs.map((b, i) => box(`n${i}`, b.x, b.y, b.w));
        const kept = ranked.filter((b) => keepLabels(ranked).has(b.id));
        for (let i = 0; i < kept.length; i++) for (let j = i + 1; j < kept.length; j++) expect(overlaps(kept[i]!, kept[j]!)).toBe(false);
        // The best-ranked name always shows.
        if (ranked.length) expect(kept[0]?.id).toBe('n0');
      }),
    );
  });
});

describe('rankNodes', () => {
  // A hub with twenty leaves, three of which are tied on to more nodes.
  const leaves = Array.from({ length: 20 }, (_, i) => `leaf${String(i).padStart(2, '0')}`);
  const nodes = ['hub', ...leaves, 'x', 'y', 'z', 'w'];
  const edges = [
    ...leaves.map((l) => ({ source: 'hub', target: l })),
    { source: 'leaf19', target: 'x' },
    { source: 'leaf19', target: 'y' },
    { source: 'leaf19', target: 'z' },
    { source: 'leaf18', target: 'x' },
    { source: 'leaf18', target: 'y' },
    { source: 'leaf17', target: 'w' },
    { source: 'x', target: 'y' },
  ];

  it('ranks by distinct neighbours, then by id', () => {
    const order = rankNodes({ nodes, edges });
    expect(order.slice(0, 4)).toEqual(['hub', 'leaf19', 'leaf18', 'x']);
    expect(order).toHaveLength(nodes.length);
  });

  it('puts the selection first, then the anchor with its best-connected neighbours', () => {
    const order = rankNodes({ nodes, edges, pinned: new Set(['w']), anchor: 'leaf18' });
    expect(order.slice(0, 5)).toEqual(['w', 'leaf18', 'hub', 'x', 'y']);
  });

  it('names at most fifteen of a hub’s neighbours ahead of the rest, best connected first', () => {
    const order = rankNodes({ nodes, edges, anchor: 'hub' });
    expect(order[0]).toBe('hub');
    expect(order.slice(1, 4)).toEqual(['leaf19', 'leaf18', 'leaf17']);
    expect(order.slice(1, 16).every((id) => id.startsWith('leaf'))).toBe(true);
    // The others follow by degree: x (3 neighbours) before the remaining leaves.
    expect(order[16]).toBe('x');
  });
});

describe('spreadApart', () => {
  it('moves boxes apart until none meet, and never the first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 200 }), y: fc.integer({ min: 0, max: 200 }) }), { maxLength: 16 }),
        (ps) => {
          const boxes = ps.map((p, i) => box(`n${i}`, p.x, p.y, 90, 30));
          const moves = spreadApart(boxes);
          expect(moves.has('n0')).toBe(false);
          const after = boxes.map((b) => {
            const m = moves.get(b.id) ?? { dx: 0, dy: 0 };
            return { ...b, x1: b.x1 + m.dx, x2: b.x2 + m.dx, y1: b.y1 + m.dy, y2: b.y2 + m.dy };
          });
          for (let i = 0; i < after.length; i++)
            for (let j = i + 1; j < after.length; j++) expect(overlaps(after[i]!, after[j]!)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves boxes that already stand apart where they are', () => {
    expect(spreadApart([box('a', 0, 0), box('b', 200, 0)]).size).toBe(0);
  });
});

describe('seeded force layout', () => {
  const nodes = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, w: 50, h: 30 }));
  const edges = nodes.slice(1).map((n, i) => ({ source: `n${Math.floor(i / 3)}`, target: n.id }));
  const options = () => structuredClone(forceLayout({ nodeCount: nodes.length }) as unknown as Record<string, unknown>);

  it('lays out the same view the same way every time, whatever order the elements come in', () => {
    const a = runForceJob({ nodes, edges, options: options() });
    const b = runForceJob({ nodes: [...nodes].reverse(), edges: [...edges].reverse(), options: options() });
    expect(b).toEqual(a);
    // Two whole force layouts: well under a second alone, 7 s at a load average of 20.
  }, 30_000);

  it('draws its random numbers from the view: another view, another seed', () => {
    expect(seedOf(['a', 'b'])).toBe(seedOf(['b', 'a']));
    expect(seedOf(['a', 'b'])).not.toBe(seedOf(['a', 'c']));
    const r1 = seededRandom(7);
    const r2 = seededRandom(7);
    const draws = Array.from({ length: 5 }, () => r1());
    expect(Array.from({ length: 5 }, () => r2())).toEqual(draws);
    for (const d of draws) expect(d >= 0 && d < 1).toBe(true);
  });
});

describe('legible names (graph/legible.ts)', () => {
  it('draws a name that must show at least LEGIBLE_NAME_PX high on screen, and at its own size once that is larger', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.02, max: 4, noNaN: true }), fc.constantFrom(12, 13), (zoom, natural) => {
        const size = legibleFontSize(natural, zoom);
        expect((size ?? natural) * zoom).toBeGreaterThanOrEqual(LEGIBLE_NAME_PX - 1e-9);
        if (size !== null) expect(size).toBeGreaterThan(natural);
        else expect(natural * zoom).toBeGreaterThanOrEqual(LEGIBLE_NAME_PX);
      }),
    );
  });

  it('sizes only the named nodes, and gives a node its own size back once it is no longer named', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [{ data: { id: 'a', display: 'Alpha' } }, { data: { id: 'b', display: 'Beta' } }],
      style: buildStyle(THEMES.light, { transitions: false }),
    });
    cy.zoom(0.25);
    const sized = new Set<string>();
    const px = (id: string) => parseFloat(String(cy.getElementById(id).style('font-size'))) * cy.zoom();
    sizeNames(cy, new Set(['a']), sized);
    expect(px('a')).toBeGreaterThanOrEqual(LEGIBLE_NAME_PX);
    expect(px('b')).toBe(TEXT.nodeFontSize * 0.25);
    expect([...sized]).toEqual(['a']);
    sizeNames(cy, new Set(['b']), sized);
    expect(px('a')).toBe(TEXT.nodeFontSize * 0.25);
    expect(px('b')).toBeGreaterThanOrEqual(LEGIBLE_NAME_PX);
    // Zoomed in, a name is large enough by itself.
    cy.zoom(2);
    sizeNames(cy, new Set(['b']), sized);
    expect(px('b')).toBe(TEXT.nodeFontSize * 2);
    expect(sized.size).toBe(0);
  });
});
