// `npx tsx bench/web/bigview-chart.ts LABEL...`: the "longest task by elements" chart for
// bench/README.md from `npm run bench:bigview` results (bench/results/bigview-<label>.json), one
// line per label, the best run of each size (the machine is shared: the least disturbed run).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { lineChart } from '../lib/svg-chart.ts';

const Result = z.object({
  label: z.string(),
  loadAverageAtStart: z.array(z.number()),
  runs: z.array(z.object({ elements: z.number(), longestTaskMs: z.number() })),
});

const labels = process.argv.slice(2);
if (!labels.length) {
  process.stderr.write('usage: tsx bench/web/bigview-chart.ts LABEL... (bench/results/bigview-LABEL.json)\n');
  process.exit(2);
}
const results = labels.map((l) => Result.parse(JSON.parse(readFileSync(join(REPO_ROOT, 'bench', 'results', `bigview-${l}.json`), 'utf8'))));
const best = (r: z.infer<typeof Result>): Array<[number, number]> => {
  const by = new Map<number, number>();
  for (const run of r.runs) by.set(run.elements, Math.min(by.get(run.elements) ?? Infinity, run.longestTaskMs));
  return [...by].sort((a, b) => a[0] - b[0]);
};
const svg = lineChart({
  title: 'Longest task while a big view arrives, by elements',
  xLabel: 'elements in the view',
  yLabel: 'longest task (ms)',
  series: results.map((r) => ({ name: r.label, points: best(r) })),
  logX: true,
  logY: true,
  xTickLabel: (x) => (x >= 1000 ? `${Math.round(x / 1000)}k` : String(x)),
});
const out = join(REPO_ROOT, 'bench', 'results', 'charts', 'bigview-longest-task.svg');
writeFileSync(out, svg);
process.stdout.write(`${out}\n`);
