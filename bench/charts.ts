// The charts `npm run bench` writes beside its results (bench/results/charts/*.svg), which
// bench/README.md shows: throughput by clients, p95 by graph size, frames by elements.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineChart, type Series } from './lib/svg-chart.ts';
import { fmtCount, type BenchResults } from './report.ts';
import type { Mix, Via } from './scenarios/side-by-side.ts';

export const CHART_FILES = {
  throughput: 'throughput-by-clients.svg',
  p95: 'p95-by-size.svg',
  frames: 'frames-by-elements.svg',
} as const;

const VIA: Record<Via, string> = { driver: 'driver alone', 'api-cold': 'API cold', 'api-warm': 'API warm' };

/** Requests a second by clients, on the largest graph of the run: driver, API cold and warm, both mixes. */
export function throughputChart(r: BenchResults): string {
  const size = [...r.sizes].reverse().find((s) => s.sideBySide?.rows.length);
  const series: Series[] = [];
  for (const mix of ['zipf', 'round-robin'] as Mix[])
    for (const [colour, via] of (['api-warm', 'api-cold', 'driver'] as Via[]).entries()) {
      const rows = size?.sideBySide?.rows.filter((x) => x.mix === mix && x.via === via) ?? [];
      if (rows.length)
        series.push({
          name: `${VIA[via]}, ${mix === 'zipf' ? 'Zipf mix' : 'round robin'}`,
          points: rows.map((x) => [x.connections, x.requestsPerSecond]),
          dashed: mix === 'round-robin',
          colour,
        });
    }
  return lineChart({
    title: `Mixed reads by clients${size ? ` (${fmtCount(size.nodes)} nodes)` : ''}`,
    xLabel: 'concurrent clients',
    yLabel: 'requests per second',
    series,
    logX: true,
    logY: true,
    empty: 'The side-by-side run was skipped.',
  });
}

/** p95 through the API by graph size, one line per endpoint. */
export function p95Chart(r: BenchResults): string {
  const endpoints = [...new Set(r.sizes.flatMap((s) => s.latency.map((l) => l.endpoint)))].filter((e) => e !== 'export-graphml');
  return lineChart({
    title: 'p95 through the API by graph size',
    xLabel: 'nodes in the graph',
    yLabel: 'p95 (ms)',
    series: endpoints.map((e) => ({
      name: e,
      points: r.sizes.flatMap((s) => s.latency.filter((l) => l.endpoint === e).map((l): [number, number] => [s.nodes, l.api.p95])),
    })),
    logX: true,
    xTickLabel: fmtCount,
  });
}

/** Frames a second while panning, by elements shown (filled by the browser run). */
export function framesChart(r: BenchResults): string {
  const runs = r.browser?.render ?? [];
  const keys = [...new Set(runs.map((x) => `${x.page} ${x.renderer}`))];
  return lineChart({
    title: 'Frames per second while panning, by elements shown',
    xLabel: 'elements shown',
    yLabel: 'frames per second',
    series: keys.map((k) => ({
      name: k === 'app canvas' ? 'app, canvas' : k.replace(' ', ', '),
      points: runs
        .filter((x) => `${x.page} ${x.renderer}` === k && x.panFps !== null)
        .map((x): [number, number] => [x.elements ?? x.target, x.panFps!]),
      dashed: k.startsWith('bare'),
    })),
    logX: true,
    xTickLabel: fmtCount,
    empty: 'The browser was not measured in this run.',
  });
}

export function writeCharts(r: BenchResults, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: Array<[string, string]> = [
    [CHART_FILES.throughput, throughputChart(r)],
    [CHART_FILES.p95, p95Chart(r)],
  ];
  // A run without the browser leaves the last frames chart in place.
  if (r.browser) written.push([CHART_FILES.frames, framesChart(r)]);
  for (const [name, svg] of written) writeFileSync(join(dir, name), svg);
  return written.map(([name]) => name);
}
