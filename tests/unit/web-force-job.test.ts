// The force layout that runs in a web worker for large views, run here directly on plain data.
import { describe, expect, it } from 'vitest';
import { runForceJob } from '../../web/src/graph/force-job.ts';
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

  it('takes only plain data, as a worker message must be', () => {
    const options = forceLayout({ nodeCount: 1000 });
    expect(() => structuredClone(options)).not.toThrow();
  });
});
