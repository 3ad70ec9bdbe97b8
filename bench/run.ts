// `npm run bench [-- --full]`: generates synthetic graphs of 10k and 100k nodes (and 1M with
// --full), loads each into a fresh Neo4j of the benchmark's own (ports 7692-7695, stores in
// .neo4j/bench-*), and measures load rate, endpoint latency through the API against the same
// Cypher through neo4j-driver, mixed-read throughput, server memory (whole-graph export
// included) and, in headless Chromium, rendering; then, on a seed store of its own, an editor's
// change sets beside readers of the past and a read of the past before a large import
// (bench/scenarios/past.ts; --skip-past leaves it out). Prints a table and writes
// bench/results/latest.{json,md} plus a dated copy of each.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../neo4j-local/launcher.ts';
import { parseFlags } from '../server/cli/args.ts';
import { ensureWebBuilt } from '../server/web-build.ts';
import { runSize, type SizeOptions } from './size.ts';
import { checkTargets, PAST_IMPORT, PAST_READERS, toMarkdown, toTargetsMarkdown, type BenchResults, type SizeResult } from './report.ts';
import { parseCount } from './synth/write.ts';
import { measureBrowser } from './web/browser.ts';
import { startApiChild } from './lib/api-child.ts';
import { writeCharts } from './charts.ts';
import { startInstance } from './lib/instance.ts';
import { measurePast } from './scenarios/past.ts';

const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

const Flags = z.object({
  full: z.boolean().default(false),
  sizes: z.string().optional(),
  seed: z.coerce.number().int().min(0).default(1),
  iterations: z.coerce.number().int().min(1).max(10_000).default(200),
  seconds: z.coerce.number().int().min(1).max(120).default(6),
  warmup: z.coerce.number().int().min(0).max(600).default(20),
  'skip-browser': z.boolean().default(false),
  'skip-throughput': z.boolean().default(false),
  'soak-seconds': z.coerce.number().int().min(0).max(600).default(30),
  // Per client count and side (driver, API cold, API warm) and mix; 0 skips the side-by-side run.
  'side-seconds': z.coerce.number().int().min(0).max(120).default(5),
  port: z.coerce.number().int().min(1024).max(65_000).default(7692),
  'skip-past': z.boolean().default(false),
  // Issue 22's numbers: 16 readers, an import of 100k. Timed edits per side (alone, beside the
  // readers): 200 puts ten values above each p95 and keeps the stage near 2 minutes.
  'past-edits': z.coerce.number().int().min(4).max(1000).default(200),
  'past-import': z.coerce.number().int().min(2).max(1_000_000).default(PAST_IMPORT),
  'update-readme': z.boolean().default(false),
});

const flags = parseFlags(Flags, process.argv.slice(2), {
  full: { type: 'boolean' },
  sizes: { type: 'string' },
  seed: { type: 'string' },
  iterations: { type: 'string' },
  seconds: { type: 'string' },
  warmup: { type: 'string' },
  'skip-browser': { type: 'boolean' },
  'skip-throughput': { type: 'boolean' },
  'soak-seconds': { type: 'string' },
  'side-seconds': { type: 'string' },
  port: { type: 'string' },
  'skip-past': { type: 'boolean' },
  'past-edits': { type: 'string' },
  'past-import': { type: 'string' },
  'update-readme': { type: 'boolean' },
});

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const sizes = flags.sizes ? flags.sizes.split(',').map(parseCount) : flags.full ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
if (sizes.some((n) => !Number.isInteger(n) || n < 40)) {
  process.stderr.write(`--sizes: expected counts such as 10k,100k,1M, got "${flags.sizes}"\n`);
  process.exit(2);
}

const started = new Date();
const loadAverageAtStart = loadavg();
const results: SizeResult[] = [];
const notes: string[] = [];
let browser: BenchResults['browser'] = null;

const appBuilt = await ensureWebBuilt().then(
  () => existsSync(join(REPO_ROOT, 'web', 'dist', 'index.html')),
  (err: Error) => {
    notes.push(`The web app could not be built (${err.message.split('\n')[0]}); only the bare Cytoscape page was measured.`);
    return false;
  },
);

for (const [i, nodes] of sizes.entries()) {
  const options: SizeOptions = {
    nodes,
    seed: flags.seed,
    iterations: flags.iterations,
    throughputSeconds: flags['skip-throughput'] ? 0 : flags.seconds,
    // The bounded load run (50 clients) once, on the largest graph of the run.
    soakSeconds: flags['skip-throughput'] || i !== sizes.length - 1 ? 0 : flags['soak-seconds'],
    sideBySideSeconds: flags['skip-throughput'] ? 0 : flags['side-seconds'],
    port: flags.port,
    warmupSeconds: flags.warmup,
    log,
  };
  const size = await runSize(options, async ({ neo4jUri, hub }) => {
    // The browser runs once, on the first (smallest) graph: rendering depends on the elements
    // shown, not on how large the graph behind them is.
    if (i !== 0 || flags['skip-browser']) return;
    browser = await measureBrowser({
      startApi: (corsOrigin) => startApiChild({ neo4jUri, serveWeb: appBuilt, corsOrigin }),
      hub,
      targets: [500, 2_000, 10_000],
      renderers: ['canvas', 'webgl'],
      measureApp: appBuilt,
      panSeconds: 3,
      timeoutMs: 120_000,
      onProgress: (l) => log(`web: ${l}`),
    });
  });
  results.push(size);
}

// Once per run, after the sizes (whose Neo4j has stopped, so its port is free again): the seed
// graph is what the editors and readers of the past meet, on a store emptied first.
let past: BenchResults['past'] = null;
if (!flags['skip-past']) {
  const t = performance.now();
  log(`past: starting Neo4j for reads of the past (port ${flags.port}, fresh store)`);
  // A failure here costs this stage, not the sizes' figures measured before it.
  try {
    const instance = await startInstance({ port: flags.port, name: 'past', fresh: true, onProgress: (l) => log(`neo4j: ${l}`) });
    try {
      past = await measurePast(instance.db, {
        fresh: true,
        edits: flags['past-edits'],
        readers: PAST_READERS,
        importElements: flags['past-import'],
        iterations: Math.min(flags.iterations, 30),
        log,
      });
    } finally {
      await instance.stop();
    }
    log(`past: done in ${Math.round((performance.now() - t) / 1000)} s`);
  } catch (err) {
    const first = (err as Error).message.split('\n')[0];
    log(`past: failed: ${first}`);
    notes.push(`Reads of the past were not measured: ${first}`);
  }
}

const finished = new Date();
const base: Omit<BenchResults, 'targets'> = {
  startedAt: started.toISOString(),
  finishedAt: finished.toISOString(),
  seconds: (finished.getTime() - started.getTime()) / 1000,
  mode: flags.sizes ? 'custom' : flags.full ? 'full' : 'quick',
  machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.versions.node, loadAverageAtStart },
  options: { ...flags, sizes },
  sizes: results,
  browser,
  past,
  notes: [
    ...notes,
    'p99 of a latency row is the largest sample when n < 100 (nearest-rank percentiles).',
    ...(sizes[sizes.length - 1]! < 1_000_000
      ? ['This run measures growth up to the largest size it ran; the 2× growth target is stated for 10k → 1M (--full).']
      : []),
  ],
};
const all: BenchResults = { ...base, targets: checkTargets(base) };
const markdown = toMarkdown(all);
mkdirSync(RESULTS_DIR, { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-').slice(0, 19);
writeFileSync(join(RESULTS_DIR, 'latest.json'), JSON.stringify(all, null, 2) + '\n');
writeFileSync(join(RESULTS_DIR, 'latest.md'), markdown);
writeFileSync(join(RESULTS_DIR, `${stamp}-${all.mode}.json`), JSON.stringify(all, null, 2) + '\n');
writeFileSync(join(RESULTS_DIR, `${stamp}-${all.mode}.md`), markdown);
const charts = writeCharts(all, join(RESULTS_DIR, 'charts'));
log(`charts written to bench/results/charts/: ${charts.join(', ')}`);
if (flags['update-readme']) {
  updateBlock('bench/README.md', markdown);
  updateBlock('README.md', toTargetsMarkdown(all));
}
process.stdout.write('\n' + markdown);
log(`results written to bench/results/latest.{json,md} (${Math.round(all.seconds)} s)`);

/** Replaces a file's block between the bench markers, if it has them. */
function updateBlock(relative: string, md: string): void {
  const file = join(REPO_ROOT, relative);
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b < a) {
    log(`${relative} has no ${start} … ${end} block; not updated`);
    return;
  }
  writeFileSync(file, text.slice(0, a + start.length) + '\n' + md + text.slice(b));
  log(`${relative} results updated`);
}
