// The bench's Zipf mix of questions and its SVG chart writer (bench/lib): what the README shows
// must be drawn from the figures given, and the mix must be as skewed as a shared link's readers.
import { describe, expect, it } from 'vitest';
import { lineChart, ticks } from '../../bench/lib/svg-chart.ts';
import { topShare, zipfSequence } from '../../bench/lib/zipf.ts';

describe('Zipf mix', () => {
  it('is the same for a seed, covers the questions, and asks the top one far more than the rest', () => {
    const a = zipfSequence(60, 20_000, 3);
    expect(zipfSequence(60, 20_000, 3)).toEqual(a);
    expect(zipfSequence(60, 20_000, 4)).not.toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(50);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a)).toBeLessThan(60);
    // With s = 1 over 60 questions the first takes 1/H(60) ≈ 21 % of the requests; uniform would be 1.7 %.
    expect(topShare(a)).toBeGreaterThan(0.18);
    expect(topShare(a)).toBeLessThan(0.24);
  });
});

describe('SVG line chart', () => {
  it('draws every point of every series, with a legend that names them, escaped', () => {
    const svg = lineChart({
      title: 'Reads <by> clients',
      xLabel: 'clients',
      yLabel: 'req/s',
      logX: true,
      logY: true,
      series: [
        {
          name: 'API warm & cached',
          points: [
            [1, 300],
            [8, 1500],
            [32, 2100],
          ],
        },
        {
          name: 'driver',
          points: [
            [1, 60],
            [8, 90],
            [32, 95],
          ],
          dashed: true,
        },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg).toContain('API warm &amp; cached');
    expect(svg).toContain('Reads &lt;by&gt; clients');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('(log scale)');
    // Higher figures are drawn higher up (smaller y).
    const ys = [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys[0]!).toBeGreaterThan(ys[1]!);
    expect(ys[1]!).toBeGreaterThan(ys[2]!);
  });

  it('says so when there is nothing to draw', () => {
    const svg = lineChart({ title: 'Frames', xLabel: 'elements', yLabel: 'fps', series: [], empty: 'Not measured in this run.' });
    expect(svg).toContain('Not measured in this run.');
    expect(svg).not.toContain('<circle');
  });

  it('puts round ticks across the range', () => {
    expect(ticks(0, 100, false)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(1, 1000, true)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
  });
});
