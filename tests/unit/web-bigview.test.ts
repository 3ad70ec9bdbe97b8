// A big view arrives in slices (issue 22, part 5): the slicing, the order elements arrive in,
// and the quick placement shown before the force layout comes back from its worker.
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { classInputs } from '../../web/src/graph/apply.ts';
import { arrivalOrder, withEnds } from '../../web/src/graph/arrival.ts';
import { arrowScreenPx, MIN_ARROW_PX, skipTinyArrows } from '../../web/src/graph/far-arrows.ts';
import { boxIsClean, boxPositionKey, installFastBounds, type BoxPrivate } from '../../web/src/graph/fast-bounds.ts';
import { holdFrame, HOLD_IDLE_MS, spaceRendererFrames, type HeldRenderer, type HoldClock } from '../../web/src/graph/frames.ts';
import { spreadToEdgeLength } from '../../web/src/graph/force-job.ts';
import { quickPlacement } from '../../web/src/graph/layouts.ts';
import { inSlices, nextSliceSize, sliceEnd } from '../../web/src/graph/slices.ts';
import { EMPTY_VIEW, type ViewState } from '../../web/src/state/view-state.ts';

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
    await inSlices(Array.from({ length: 5 }), () => void (clock += 50), {
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

  it('cuts slices by weight: as many items as the size can weigh, and a heavy item alone', async () => {
    const weights = [1, 1, 5, 1, 9, 2, 2];
    const slices: number[][] = [];
    await inSlices(weights, (slice) => void slices.push([...slice]), { slice: 6, weight: (w) => w, yieldFn: async () => undefined });
    expect(slices).toEqual([[1, 1], [5, 1], [9], [2, 2]]);
    expect(sliceEnd(weights, 0, 3)).toBe(3);
    expect(sliceEnd(weights, 5, 3)).toBe(7);
  });

  it('sizes each next slice from how long the last one took: smaller after a slow one, at most double after a fast one', async () => {
    let clock = 0;
    let first = true;
    const sizes: number[] = [];
    await inSlices(
      Array.from({ length: 120 }, (_, i) => i),
      (slice) => {
        sizes.push(slice.length);
        // The first slice is slow (2 ms an item), the rest fast (0.5 ms an item).
        clock += slice.length * (first ? 2 : 0.5);
        first = false;
      },
      { slice: 10, targetMs: 10, maxSlice: 40, now: () => clock, yieldFn: async () => undefined },
    );
    // 20 fast items take the 10 ms aimed at: the size stays there.
    expect(sizes).toEqual([10, 5, 10, 20, 20, 20, 20, 15]);
    expect(nextSliceSize(100, 0, 20, 150)).toBe(150);
    expect(nextSliceSize(100, 400, 20, 150)).toBe(5);
  });

  it('gives the page a turn up to the next frame right after a slice that says a frame is due', async () => {
    const turns: string[] = [];
    const seen: number[] = [];
    await inSlices(
      Array.from({ length: 6 }, (_, i) => i),
      (slice) => {
        seen.push(...slice);
        return seen.length === 2;
      },
      {
        slice: 1,
        budgetMs: 1000,
        now: () => 0,
        yieldFn: async () => void turns.push(`task ${seen.length}`),
        frameYieldFn: async () => void turns.push(`frame ${seen.length}`),
      },
    );
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(turns).toEqual(['frame 2']);
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

  it('puts each node at about the angle of the neighbour it hangs from, so ties stay short', () => {
    const p = quickPlacement(ids, edges);
    const angle = (id: string) => Math.atan2(p[id]!.y, p[id]!.x);
    const apart = (a: string, b: string) => {
      const d = Math.abs(angle(a) - angle(b)) % (2 * Math.PI);
      return Math.min(d, 2 * Math.PI - d);
    };
    for (let i = 0; i < 40; i++) for (const leaf of ['a', 'b']) expect(apart(`n${i}${leaf}`, `n${i}`)).toBeLessThan(Math.PI / 8);
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

  /**
   * A page with Cytoscape's render loop as it runs: each animation frame calls back in the order
   * asked for; the loop draws when a redraw is owed and `skipFrame` is not set, resets the
   * flag, and asks for the next frame.
   */
  function page() {
    let time = 0;
    let queue: Array<() => void> = [];
    const clock: HoldClock = { now: () => time, frame: (cb) => void queue.push(cb) };
    const drawn: number[] = [];
    const r: HeldRenderer & { sorted: number } = {
      sorted: 0,
      getCachedZSortedEles() {
        this.sorted++;
      },
    };
    const loop = () => {
      if (!r.skipFrame) {
        drawn.push(time);
        r.lastDrawTime = time;
      }
      r.skipFrame = false;
      clock.frame(loop);
    };
    clock.frame(loop);
    const frame = (ms = 16) => {
      time += ms;
      const run = queue;
      queue = [];
      for (const cb of run) cb();
    };
    const slice = (ms = 20) => {
      time += ms;
      return spaceRendererFrames(r, 500, clock);
    };
    return { r, drawn, frame, slice, at: () => time };
  }

  it('holds every frame while slices go on, not only the next, and draws one when the gap has passed', () => {
    const p = page();
    p.frame(); // drawn at 16
    expect(p.drawn).toEqual([16]);
    expect(p.slice()).toBe(false);
    // A busy page runs two frames with no slice between them: neither draws.
    p.frame();
    p.frame();
    expect(p.drawn).toEqual([16]);
    let due = false;
    for (let i = 0; i < 100 && !due; i++) {
      due = p.slice();
      if (!due) p.frame(10);
    }
    expect(p.drawn).toEqual([16]);
    // The slice that finds the gap passed has the elements sorted for the frame, which draws.
    expect(p.r.sorted).toBe(1);
    p.frame();
    expect(p.drawn).toHaveLength(2);
    expect(p.drawn[1]! - p.drawn[0]!).toBeGreaterThanOrEqual(500);
  });

  it('lets the last step be drawn soon after the slices stop', () => {
    const p = page();
    p.frame();
    expect(p.slice()).toBe(false);
    const stopped = p.at();
    for (let i = 0; i < 20 && p.drawn.length < 2; i++) p.frame();
    expect(p.drawn).toHaveLength(2);
    expect(p.drawn[1]! - stopped).toBeLessThanOrEqual(HOLD_IDLE_MS + 2 * 16);
    expect(p.r.holding).toBe(false);
  });
});

describe("the renderer's cached bounding boxes", () => {
  const priv = (e: cytoscape.SingularElementArgument) => (e as unknown as { _private: BoxPrivate })._private;
  const graph = () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 20, height: 20, label: '' } }],
      elements: [
        { data: { id: 'a' }, position: { x: 0, y: 0 } },
        { data: { id: 'b' }, position: { x: 100.4, y: -50.6 } },
        { data: { id: 'ab', source: 'a', target: 'b' } },
      ],
    });
    installFastBounds(cy);
    return cy;
  };

  it('keys a box by position as Cytoscape does, so a clean box is found clean', () => {
    const cy = graph();
    for (const e of cy.elements().toArray()) {
      e.boundingBox();
      expect(boxPositionKey(priv(e))).toBe(priv(e).bbCachePosKey);
      expect(boxIsClean(priv(e))).toBe(true);
    }
  });

  it('follows a node that moved, the ties at its ends and a change of style', () => {
    const cy = graph();
    const a = cy.getElementById('a');
    const ab = cy.getElementById('ab');
    const x1 = a.boundingBox().x1;
    const before = ab.boundingBox().x1;
    a.position({ x: -200, y: 0 });
    expect(a.boundingBox().x1).toBe(x1 - 200);
    expect(ab.boundingBox().x1).toBeLessThan(before - 150);
    a.style('width', 60);
    expect(a.boundingBox().x1).toBe(x1 - 220);
  });

  it('gives the same box as Cytoscape computing it afresh', () => {
    const cy = graph();
    cy.getElementById('b').position({ x: 40, y: 80 });
    for (const e of cy.elements().toArray()) {
      const cached = e.boundingBox();
      const fresh = e.boundingBox({ useCache: false } as Parameters<typeof e.boundingBox>[0]);
      expect([cached.x1, cached.y1, cached.x2, cached.y2]).toEqual([fresh.x1, fresh.y1, fresh.x2, fresh.y2]);
    }
  });
});

describe('arrowheads of a big view from afar', () => {
  const fakeEdge = (lod: boolean, also: string[] = [], selected = false) =>
    ({
      hasClass: (c: string) => (c === 'lod' && lod) || also.includes(c),
      selected: () => selected,
      pstyle: (n: string) => (n === 'width' ? { pfValue: 1.5, value: 1.5 } : { pfValue: 0.9, value: 0.9 }),
    }) as unknown as cytoscape.EdgeSingular;
  const setUp = (zoom: number) => {
    const drawn: boolean[] = [];
    const renderer = { drawArrowheads: (_c: unknown, e: cytoscape.EdgeSingular) => void drawn.push(e.hasClass('lod')) };
    const cy = { renderer: () => renderer, zoom: () => zoom } as unknown as cytoscape.Core;
    skipTinyArrows(cy);
    skipTinyArrows(cy);
    const draw = (e: cytoscape.EdgeSingular) => renderer.drawArrowheads(null, e);
    return { drawn, draw };
  };

  it('measures an arrowhead on screen as Cytoscape sizes it, growing with the zoom', () => {
    expect(arrowScreenPx(1, 1.5, 0.9)).toBeCloseTo(26.1, 1);
    expect(arrowScreenPx(0.057, 1.5, 0.9)).toBeLessThan(MIN_ARROW_PX);
    expect(arrowScreenPx(0.2, 1.5, 0.9)).toBeGreaterThan(MIN_ARROW_PX);
    expect(arrowScreenPx(1, 6, 0.9)).toBeGreaterThan(arrowScreenPx(1, 1.5, 0.9));
  });

  it("leaves out a big view's arrowheads too small to see, and draws them once zoomed in", () => {
    const far = setUp(0.057);
    far.draw(fakeEdge(true));
    expect(far.drawn).toEqual([]);
    const near = setUp(0.5);
    near.draw(fakeEdge(true));
    expect(near.drawn).toEqual([true]);
  });

  it('keeps the arrowhead of a tie pointed at, selected or part of an answer, however small', () => {
    const far = setUp(0.057);
    for (const e of [fakeEdge(true, ['hover']), fakeEdge(true, [], true), fakeEdge(true, ['emphasis']), fakeEdge(true, ['on-path'])])
      far.draw(e);
    expect(far.drawn).toEqual([true, true, true, true]);
  });

  it('never leaves out the arrowheads of a view of up to 2,500 elements (no lod class)', () => {
    const far = setUp(0.057);
    far.draw(fakeEdge(false));
    expect(far.drawn).toEqual([false]);
  });
});

describe('what the classes of a view are decided from', () => {
  const base: ViewState = { ...EMPTY_VIEW, nodes: ['a', 'b'], positions: { a: { x: 0, y: 0 } } };

  it('does not change when only positions or the shown panel change', () => {
    expect(classInputs({ ...base, positions: { a: { x: 50, y: 9 }, b: { x: 1, y: 2 } }, view: 'table' })).toBe(classInputs(base));
  });

  it('changes with every part of the state the classes read', () => {
    const changed: ViewState[] = [
      { ...base, hiddenLabels: ['Agency'] },
      { ...base, hiddenTypes: ['PART_OF'] },
      { ...base, statedOnly: !base.statedOnly },
      { ...base, selected: ['a'] },
      { ...base, asOf: '2001-01-01' },
      { ...base, layout: base.layout === 'concentric' ? 'force' : 'concentric' },
      { ...base, layoutRoot: 'b' },
    ];
    for (const s of changed) expect(classInputs(s)).not.toBe(classInputs(base));
  });
});
