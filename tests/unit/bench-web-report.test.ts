// The browser stage in the bench's targets: issue 22's row judges the 10k view in the app's own
// (canvas) renderer, and a second row keeps the worst task of every view and renderer in sight.
import { describe, expect, it } from 'vitest';
import { checkTargets } from '../../bench/report.ts';
import type { RenderRun } from '../../bench/web/browser.ts';
import { benchResults } from '../helpers/bench-results.ts';

const run = (
  target: number,
  renderer: RenderRun['renderer'],
  longestTaskMs: number | null,
  page: RenderRun['page'] = 'app',
): RenderRun => ({
  target,
  page,
  renderer,
  elements: target,
  paintedMs: 1000,
  layoutMs: null,
  longestTaskMs,
  panFps: 40,
});

function targets(render: RenderRun[]) {
  const all = checkTargets(benchResults({ browser: { render, notes: [] } }));
  return {
    tenK: all.find((t) => t.target.startsWith("Web: a 10k view's longest task")),
    any: all.find((t) => t.target.startsWith('Web: no task over 200 ms while any view arrives')),
  };
}

describe("the bench's big-view targets", () => {
  it('meets the 10k row on the canvas figure, and names the worst view of all in the other row', () => {
    const { tenK, any } = targets([
      run(500, 'canvas', 246),
      run(10_000, 'canvas', 102),
      run(10_000, 'webgl', 336),
      run(10_000, 'canvas', 3908, 'bare'),
    ]);
    expect(tenK).toMatchObject({ met: true, measured: 'longest task 102 ms (10,000 elements)' });
    expect(any).toMatchObject({ met: false, measured: 'longest task 336 ms (10k elements, webgl)' });
  });

  it('misses the 10k row when the canvas 10k view has a longer task, whatever the smaller views did', () => {
    const { tenK, any } = targets([run(500, 'canvas', 90), run(10_000, 'canvas', 201)]);
    expect(tenK?.met).toBe(false);
    expect(any).toMatchObject({ met: false, measured: 'longest task 201 ms (10k elements, canvas)' });
  });

  it('says "not measured" when the app was not measured at 10k', () => {
    const { tenK, any } = targets([run(500, 'canvas', 90), run(10_000, 'canvas', null)]);
    expect(tenK).toMatchObject({ met: null, measured: 'app not measured' });
    expect(any?.met).toBe(true);
  });
});
