// `npm run bench:bigview -- [--port 7698] [--targets 1000,5000,10000] [--runs 2] [--label now] [--screenshots DIR]
//  [--pick breadth|neighbourhood]`:
// how a big view arrives in the app. Loads the 10k synthetic graph into a Neo4j of its own
// (kept between runs: the loader skips a graph it has already loaded), serves the built app
// through the API, opens a link to about 1k, 5k and 10k elements of a hub's neighbourhood in
// headless Chromium (canvas renderer) and reads, with the Long Tasks API: the longest task,
// the total blocking time (the sum of each task's time over 50 ms), the first frame that
// shows the view's nodes spread out on the canvas, and the moment the layout has settled.
// Prints a table and writes bench/results/bigview-<label>.json. Asserts nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { z } from 'zod';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { parseFlags } from '../../server/cli/args.ts';
import { ensureWebBuilt } from '../../server/web-build.ts';
import { startApiChild } from '../lib/api-child.ts';
import { startInstance } from '../lib/instance.ts';
import { bulkLoad } from '../load/bulk-load.ts';
import { parseCount, writeSynth } from '../synth/write.ts';
import { NODES_FILE, RELATIONSHIPS_FILE } from '../../seed/validate.ts';
import { CHROMIUM, idsForTarget as neighbourhoodIds } from './browser.ts';

const Flags = z.object({
  port: z.coerce.number().int().min(1024).max(65535).default(7698),
  targets: z.string().default('1000,5000,10000'),
  runs: z.coerce.number().int().min(1).max(10).default(2),
  label: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'kebab-case')
    .default('now'),
  'timeout-seconds': z.coerce.number().int().min(10).max(900).default(180),
  /** Writes a CPU profile of each page load (Chrome DevTools format) into this folder. */
  profile: z.string().optional(),
  /** Saves, for each view's first run, the settled picture and a closer look at its middle (PNG). */
  screenshots: z.string().optional(),
  /**
   * Which nodes make the view: a breadth-first cut around the hub (breadth), or the hub's depth-2
   * neighbourhood trimmed by bisection, as `npm run bench`'s browser stage picks them
   * (neighbourhood), whose 10k view has frames five times longer (bench/README.md).
   */
  pick: z.enum(['breadth', 'neighbourhood']).default('breadth'),
});
const flags = parseFlags(Flags, process.argv.slice(2), {
  port: { type: 'string' },
  targets: { type: 'string' },
  runs: { type: 'string' },
  label: { type: 'string' },
  'timeout-seconds': { type: 'string' },
  profile: { type: 'string' },
  screenshots: { type: 'string' },
  pick: { type: 'string' },
});
const targets = flags.targets.split(',').map(parseCount);
if (targets.some((n) => !Number.isInteger(n) || n < 10)) {
  process.stderr.write(`--targets: expected counts such as 1000,5k,10k, got "${flags.targets}"\n`);
  process.exit(2);
}
const log = (line: string) => process.stderr.write(`[bigview] ${line}\n`);

export interface BigViewRun {
  target: number;
  elements: number;
  longestTaskMs: number;
  totalBlockingMs: number;
  longTasks: number;
  /** From navigation start to the first frame with the view's nodes spread out on the canvas. */
  firstPaintMs: number | null;
  /** From navigation start to the app idle with every node placed. */
  settledMs: number;
  /** Every long task up to the settled moment: its start from navigation start, and its length. */
  tasks: Array<{ startMs: number; ms: number }>;
}

// Runs in the page before its scripts. Long tasks are kept with their start, so only those up
// to the settled moment count; a frame loop notes the first spread-out frame and the settled one.
function initScript(expected: number): string {
  return `
  window.__tasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, d: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  window.__big = { expected: ${expected}, firstPaint: null, settled: null, sawBusy: false };
  (function watch() {
    const me = window.mandateExplorer;
    const b = window.__big;
    if (me) {
      const cy = me.cy();
      const nodes = cy.nodes();
      if (b.firstPaint === null && nodes.length > 0) {
        // A sample of 64 positions: a bounding box of every node, every frame, was itself a long task.
        let x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity;
        const step = Math.max(1, Math.floor(nodes.length / 64));
        for (let i = 0; i < nodes.length; i += step) {
          const p = nodes[i].position();
          x1 = Math.min(x1, p.x); x2 = Math.max(x2, p.x); y1 = Math.min(y1, p.y); y2 = Math.max(y2, p.y);
        }
        if (x2 - x1 > 200 && y2 - y1 > 200) {
          const t = performance.now();
          requestAnimationFrame(() => { b.firstPaint = t; });
        }
      }
      if (!me.idle()) b.sawBusy = true;
      else if (b.sawBusy && nodes.length >= b.expected && b.firstPaint !== null) {
        requestAnimationFrame(() => requestAnimationFrame(() => { b.settled = performance.now(); }));
        return;
      }
    }
    requestAnimationFrame(watch);
  })();
`;
}

/**
 * Node ids whose view (the nodes and every tie among them) holds about `target` elements: the
 * hub and its surroundings, breadth first, read from the generated files (asking Neo4j for a
 * depth-2 neighbourhood of the hub ran past its time limit on the loaded machine).
 */
function idsForTarget(dir: string, hub: string, target: number): { ids: string[]; elements: number } {
  const lines = (file: string) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; from?: string; to?: string });
  const next = new Map<string, string[]>();
  for (const n of lines(NODES_FILE)) next.set(n.id, []);
  const ties = lines(RELATIONSHIPS_FILE);
  for (const r of ties) {
    next.get(r.from!)?.push(r.to!);
    next.get(r.to!)?.push(r.from!);
  }
  const order: string[] = [hub];
  const seen = new Set(order);
  for (let i = 0; i < order.length; i++)
    for (const m of next.get(order[i]!) ?? [])
      if (!seen.has(m)) {
        seen.add(m);
        order.push(m);
      }
  // Elements of a prefix: its nodes, and each tie once both its ends are in.
  const rank = new Map(order.map((id, i) => [id, i]));
  const completesAt = new Array<number>(order.length).fill(0);
  for (const r of ties) {
    const a = rank.get(r.from!);
    const b = rank.get(r.to!);
    if (a !== undefined && b !== undefined) completesAt[Math.max(a, b)]!++;
  }
  let elements = 0;
  for (let k = 0; k < order.length; k++) {
    elements += 1 + completesAt[k]!;
    if (elements >= target) return { ids: order.slice(0, k + 1), elements };
  }
  return { ids: order, elements };
}

async function runOnce(
  browser: Browser,
  apiUrl: string,
  ids: string[],
  profileName: string,
  shots: boolean,
): Promise<Omit<BigViewRun, 'target'>> {
  // The app's Content-Security-Policy forbids eval; the measuring scripts are ours, not the page's.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  try {
    const cdp = flags.profile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    await page.addInitScript(initScript(ids.length));
    await page.goto(`${apiUrl}/?lang=en#n=${ids.map(encodeURIComponent).join(',')}&layout=force`);
    await page.waitForFunction('window.__big.settled !== null', undefined, { timeout: flags['timeout-seconds'] * 1000, polling: 200 });
    const r = await page.evaluate<{
      tasks: Array<{ start: number; d: number }>;
      firstPaint: number | null;
      settled: number;
      elements: number;
    }>(
      `({ tasks: window.__tasks, firstPaint: window.__big.firstPaint, settled: window.__big.settled, elements: window.mandateExplorer.cy().elements().length })`,
    );
    if (cdp && flags.profile) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(flags.profile, { recursive: true });
      writeFileSync(join(flags.profile, `${profileName}.cpuprofile`), JSON.stringify(profile));
    }
    if (shots && flags.screenshots) {
      // After the figures are read: what a person sees once it settles, then zoomed in on the
      // middle of the picture (zoom 1), where the names the level of detail keeps are drawn.
      mkdirSync(flags.screenshots, { recursive: true });
      await page.screenshot({ path: join(flags.screenshots, `${profileName}-settled.png`) });
      await page.evaluate(
        `(() => { const cy = window.mandateExplorer.cy(); cy.zoom({ level: 1, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); })()`,
      );
      await page.waitForFunction('window.mandateExplorer.idle()', undefined, { timeout: 60_000 });
      await page.waitForTimeout(1000);
      await page.screenshot({ path: join(flags.screenshots, `${profileName}-zoom1.png`) });
    }
    const tasks = r.tasks.filter((t) => t.start <= r.settled);
    return {
      elements: r.elements,
      longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.d))),
      totalBlockingMs: Math.round(tasks.reduce((s, t) => s + Math.max(0, t.d - 50), 0)),
      longTasks: tasks.length,
      firstPaintMs: r.firstPaint === null ? null : Math.round(r.firstPaint),
      settledMs: Math.round(r.settled),
      tasks: tasks.map((t) => ({ startMs: Math.round(t.start), ms: Math.round(t.d) })),
    };
  } finally {
    await page.close();
  }
}

const started = new Date();
const load = loadavg();
log(`building the web app if its sources changed`);
await ensureWebBuilt();
const { dir, manifest } = await writeSynth({ nodes: 10_000, seed: 1 });
const instance = await startInstance({
  port: flags.port,
  name: 'bigview',
  fresh: false,
  heap: '1g',
  pageCache: '512m',
  onProgress: (l) => log(`neo4j: ${l}`),
});
const runs: BigViewRun[] = [];
try {
  await instance.db.applySchema();
  log('loading the 10k synthetic graph (skipped when this store has it)');
  await bulkLoad(instance.db, dir);
  // What is measured is the page; on a loaded machine the subgraph read can outrun the API's
  // 10 s default, and a page that never gets its view measures nothing.
  process.env.QUERY_TIMEOUT_MS ??= '120000';
  const api = await startApiChild({ neo4jUri: instance.uri, serveWeb: true });
  try {
    const hub = manifest.probes.hubs[0]!;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
    try {
      for (const target of targets) {
        const { ids, elements } =
          flags.pick === 'neighbourhood' ? await neighbourhoodIds(api.url, hub, target) : idsForTarget(dir, hub, target);
        for (let i = 0; i < flags.runs; i++) {
          log(`~${target} elements (${elements} in the view), run ${i + 1} of ${flags.runs}`);
          runs.push({ target, ...(await runOnce(browser, api.url, ids, `${flags.label}-${target}-${i + 1}`, i === 0)) });
        }
      }
    } finally {
      await browser.close();
    }
  } finally {
    await api.stop();
  }
} finally {
  await instance.stop();
}

const header =
  '| elements | longest task ms | total blocking ms | long tasks | first paint ms | settled ms |\n|---:|---:|---:|---:|---:|---:|';
const rows = runs.map(
  (r) =>
    `| ${r.elements.toLocaleString('en')} | ${r.longestTaskMs} | ${r.totalBlockingMs} | ${r.longTasks} | ${r.firstPaintMs ?? '–'} | ${r.settledMs} |`,
);
const out = {
  label: flags.label,
  startedAt: started.toISOString(),
  loadAverageAtStart: load,
  runs,
};
mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(REPO_ROOT, 'bench', 'results', `bigview-${flags.label}.json`), JSON.stringify(out, null, 2) + '\n');
process.stdout.write(
  `\nBig views (${flags.label}, ${started.toISOString().slice(0, 16)} UTC, load ${load.map((l) => l.toFixed(1)).join(' / ')})\n\n${header}\n${rows.join('\n')}\n`,
);
