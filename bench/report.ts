// The benchmark's results as one JSON document and as Markdown tables with the targets.
import { ratio, round } from './lib/stats.ts';
import type { BulkLoadReport } from './load/bulk-load.ts';
import type { ExportMemory } from './scenarios/export-memory.ts';
import { pastLanes, pastTables, type PastResult } from './scenarios/past.ts';
import type { EndpointLatency } from './scenarios/latency.ts';
import type { SoakResult } from './scenarios/soak.ts';
import type { ThroughputResult } from './scenarios/throughput.ts';
import { rate, sideBySideRatios, type SideBySideResult } from './scenarios/side-by-side.ts';
import type { BrowserResult } from './web/browser.ts';

export interface SizeResult {
  nodes: number;
  relationships: number;
  largestHub: { id: string; degree: number } | null;
  generateSeconds: number;
  load: BulkLoadReport;
  latency: EndpointLatency[];
  throughput: ThroughputResult[];
  /** Driver alone, API cold and API warm at the same client counts (absent in older results). */
  sideBySide?: SideBySideResult | null;
  /** Peak resident memory of the API process over the latency and throughput runs. */
  serverPeakRss: number;
  /** The bounded load run (50 clients): throughput, 5xx, and memory before and after. */
  soak: SoakResult | null;
  exportMemory: ExportMemory | null;
  /** The same export with the server's heap capped (see export-memory.ts); absent in older results. */
  exportMemoryCapped?: ExportMemory | null;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  seconds: number;
  mode: 'quick' | 'full' | 'custom';
  machine: { cpus: number; memoryGiB: number; node: string; loadAverageAtStart: number[] };
  options: Record<string, unknown>;
  sizes: SizeResult[];
  browser: BrowserResult | null;
  /** Reads of the past beside editors and after a large import, on a seed store of its own (absent in older results; null when skipped). */
  past?: PastResult | null;
  targets: TargetCheck[];
  notes: string[];
}

export interface TargetCheck {
  target: string;
  met: boolean | null;
  measured: string;
}

/**
 * Mixed reads through the API at 32 clients before answers were cached by data version, as
 * issue 22 states it (110–120 req/s at 10k and 100k nodes): warm reads are to reach 10× that.
 */
export const MIXED_READS_BEFORE = 115;

const GROWTH_ENDPOINTS = ['search', 'neighborhood-d1', 'neighborhood-d2', 'mandate-chain'] as const;

export function checkTargets(r: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const largest = r.sizes[r.sizes.length - 1];
  const smallest = r.sizes[0];
  if (largest) {
    for (const l of largest.latency) {
      checks.push({
        target: `API overhead ≤ 1.3× at p50: ${l.endpoint}`,
        met: l.ratioP50 <= 1.3,
        measured: `×${l.ratioP50} (${l.api.p50} vs ${l.direct.p50} ms, ${fmtCount(largest.nodes)} nodes)`,
      });
    }
  }
  if (smallest && largest && smallest !== largest) {
    const span = `${fmtCount(smallest.nodes)} → ${fmtCount(largest.nodes)} nodes`;
    for (const e of GROWTH_ENDPOINTS) {
      const a = smallest.latency.find((l) => l.endpoint === e);
      const b = largest.latency.find((l) => l.endpoint === e);
      if (!a || !b) continue;
      const g = ratio(b.api.p95, a.api.p95);
      checks.push({
        target: `Growth of p95 ≤ 2× (10k → 1M): ${e}`,
        met: largest.nodes >= 1_000_000 ? g <= 2 : g <= 2 ? null : false,
        measured: `×${g} over ${span} (${a.api.p95} → ${b.api.p95} ms)${largest.nodes < 1_000_000 ? '; 1M not run (use --full)' : ''}`,
      });
    }
  }
  const sbs = largest?.sideBySide;
  if (largest && sbs?.rows.length) {
    const top = Math.max(...sbs.rows.map((x) => x.connections));
    const warm = rate(sbs, 'zipf', 'api-warm', top);
    checks.push({
      target: `Warm mixed reads ≥ 10× the figure before the answer cache (${MIXED_READS_BEFORE} req/s) at ${top} clients`,
      met: warm >= 10 * MIXED_READS_BEFORE,
      measured: `×${ratio(warm, MIXED_READS_BEFORE)}: ${warm} req/s, Zipf mix, ${fmtCount(largest.nodes)} nodes`,
    });
    for (const mix of ['zipf', 'round-robin'] as const) {
      const cold = rate(sbs, mix, 'api-cold', top);
      const driver = rate(sbs, mix, 'driver', top);
      if (!Number.isFinite(cold) || !Number.isFinite(driver)) continue;
      checks.push({
        target: `Cold mixed reads ≥ 0.8× the driver alone at ${top} clients (${mix === 'zipf' ? 'Zipf mix' : 'round robin'})`,
        met: cold >= 0.8 * driver,
        measured: `×${ratio(cold, driver)}: ${cold} vs ${driver} req/s, ${fmtCount(largest.nodes)} nodes`,
      });
    }
  }
  const loads = r.sizes.filter((s) => !s.load.skipped && s.load.relationships > 0);
  const best = loads.reduce<SizeResult | null>((m, s) => (!m || s.relationships > m.relationships ? s : m), null);
  if (best) {
    checks.push({
      target: 'Load ≥ 30,000 relationships/s into an empty database',
      met: best.load.relationshipsPerSecond >= 30_000,
      measured: `${fmtRate(best.load.relationshipsPerSecond)} relationships/s at ${fmtCount(best.nodes)} nodes (${best.load.mode} mode)`,
    });
  }
  for (const pick of [(s: SizeResult) => s.exportMemory, (s: SizeResult) => s.exportMemoryCapped] as const) {
    const mems = r.sizes.map(pick).filter((e): e is ExportMemory => Boolean(e));
    if (mems.length < 2) continue;
    const a = mems[0]!;
    const b = mems[mems.length - 1]!;
    const g = ratio(b.peakRss, a.peakRss);
    checks.push({
      target: `Export memory flat: peak RSS of the bigger export within 1.2× of the smaller (${a.heapCapMiB ? `server heap capped at ${a.heapCapMiB} MiB, what the export needs` : 'server as it runs by default'})`,
      met: g <= 1.2,
      measured: `×${g}: ${mib(a.peakRss)} MiB for ${fmtCount(a.elements)} elements vs ${mib(b.peakRss)} MiB for ${fmtCount(b.elements)}`,
    });
  }
  const soaked = r.sizes.filter((s) => s.soak);
  for (const s of soaked) {
    const k = s.soak!;
    const growth = ratio(k.rssAfter, k.rssBefore);
    checks.push({
      target: `Bounded load run (${k.run.connections} clients, ${k.run.seconds} s): no 5xx, memory back within 20% afterwards`,
      met: k.run.server5xx === 0 && k.run.errors === 0 && growth <= 1.2,
      measured: `${fmtCount(s.nodes)} nodes: ${k.run.requests.toLocaleString('en')} requests, ${k.run.requestsPerSecond} req/s, ${k.run.server5xx} answered 5xx, ${k.run.errors} errors; RSS ${mib(k.rssBefore)} → peak ${mib(k.peakRss)} → ${mib(k.rssAfter)} MiB after (×${growth})`,
    });
  }
  if (r.past) checks.push(...pastTargets(r.past));
  const web = r.browser;
  if (web) {
    const app = web.render.find((x) => x.page === 'app' && x.renderer === 'canvas' && x.target === 2000);
    const bare = web.render.find((x) => x.page === 'bare' && x.renderer === 'canvas' && x.target === 2000);
    checks.push({
      target: 'Web: 2,000 elements laid out and painted within 1.5× of bare Cytoscape',
      met: app && bare && app.paintedMs !== null && bare.paintedMs !== null ? app.paintedMs / bare.paintedMs <= 1.5 : null,
      measured:
        app && bare
          ? `app ${app.paintedMs ?? 'n/a'} ms vs bare ${bare.paintedMs ?? 'n/a'} ms`
          : 'app not measured (web/dist missing or not ready)',
    });
    // Issue 22's target is the 10k view in the app's own renderer (canvas; WebGL is a choice in
    // the legend, and runs on SwiftShader here). Every view and renderer is reported below it.
    const tenK = web.render.find((x) => x.page === 'app' && x.renderer === 'canvas' && x.target === 10_000 && x.longestTaskMs !== null);
    checks.push({
      target: "Web: a 10k view's longest task ≤ 200 ms (app, canvas renderer)",
      met: tenK ? tenK.longestTaskMs! <= 200 : null,
      measured: tenK
        ? `longest task ${tenK.longestTaskMs} ms (${tenK.elements?.toLocaleString('en') ?? '?'} elements)`
        : 'app not measured',
    });
    const appRuns = web.render.filter((x) => x.page === 'app' && x.longestTaskMs !== null);
    const worst = appRuns.reduce<(typeof appRuns)[number] | null>((m, x) => (!m || x.longestTaskMs! > m.longestTaskMs! ? x : m), null);
    checks.push({
      target: 'Web: no task over 200 ms while any view arrives (app, every size and renderer measured)',
      met: worst ? worst.longestTaskMs! <= 200 : null,
      measured: worst
        ? `longest task ${worst.longestTaskMs} ms (${fmtCount(worst.target)} elements, ${worst.renderer})`
        : 'app not measured',
    });
    const pans = web.render.filter((x) => x.target === 10_000 && x.page === 'app' && x.panFps !== null);
    const bestPan = pans.reduce((m, x) => Math.max(m, x.panFps ?? 0), 0);
    checks.push({
      target: 'Web: panning ≥ 30 fps with 10,000 elements (app, best renderer)',
      met: pans.length ? bestPan >= 30 : null,
      measured: pans.length ? `${bestPan} fps` : 'app not measured',
    });
  }
  return checks;
}

/** Issue 22's numbers: 16 readers of the past, an import of 100k. */
export const PAST_READERS = 16;
export const PAST_IMPORT = 100_000;

/**
 * An editor's p95 beside readers of the past, and the worst read of the past before a large
 * import against the same read now. Met or missed at issue 22's numbers (and 20 edits a side or
 * more); a smaller run that meets them says "not measured" (as growth does below 1M), one that
 * misses them says no.
 */
export function pastTargets(p: PastResult): TargetCheck[] {
  const short = (ok: boolean, full: boolean) => (full ? ok : ok ? null : false);
  const e = p.editor;
  const worst = p.reads.reduce<PastResult['reads'][number] | null>((m, q) => (!m || q.ratio > m.ratio ? q : m), null);
  const checks: TargetCheck[] = [
    {
      target: `An editor's change-set p95 with ${PAST_READERS} clients reading the past ≤ 1.5× its p95 with none`,
      // Below 20 values a side, the p95 is the single slowest edit: too thin to judge by.
      met: short(e.ratioP95 <= 1.5, p.readers >= PAST_READERS && Math.min(e.alone.n, e.withReaders.n) >= 20),
      measured: `×${round(e.ratioP95, 2)}: ${round(e.withReaders.p95, 1)} vs ${round(e.alone.p95, 1)} ms, ${p.readers} readers (${round(p.readsOfThePast.perSecond, 1)} reads/s), ${e.alone.n} edits each side${p.readers < PAST_READERS ? `; fewer than ${PAST_READERS} readers` : ''}${Math.min(e.alone.n, e.withReaders.n) < 20 ? '; fewer than 20 edits a side, so each p95 is the slowest edit' : ''}`,
    },
  ];
  if (worst)
    checks.push({
      target: `A read of the past at the version before an import of ${fmtCount(PAST_IMPORT)} elements ≤ 3× the same read now (worst of the reads, p50)`,
      met: short(worst.ratio <= 3, p.importElements >= PAST_IMPORT),
      measured: `×${round(worst.ratio, 2)}: ${worst.name}, ${round(worst.pastP50, 1)} vs ${round(worst.nowP50, 1)} ms after an import of ${fmtCount(p.importElements)}${p.importElements < PAST_IMPORT ? ` (not ${fmtCount(PAST_IMPORT)}: use the default --past-import)` : ''}`,
    });
  return checks;
}

/** The targets alone, for the README's summary: the full tables live in bench/README.md. */
export function toTargetsMarkdown(r: BenchResults): string {
  const lines = [
    `Latest run: ${r.mode} mode, ${r.finishedAt.slice(0, 16).replace('T', ' ')} UTC (full tables and the reasons for each miss: [bench/README.md](bench/README.md)).`,
    '',
  ];
  lines.push('| target | met | measured |');
  lines.push('|---|---|---|');
  for (const t of r.targets) lines.push(`| ${t.target} | ${t.met === null ? 'not measured' : t.met ? 'yes' : '**no**'} | ${t.measured} |`);
  return lines.join('\n') + '\n';
}

export function toMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  lines.push(`### Benchmark results (${r.mode} mode, ${r.finishedAt.slice(0, 16).replace('T', ' ')} UTC)`);
  lines.push('');
  lines.push(
    `Machine: ${r.machine.cpus} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; load average at start ${r.machine.loadAverageAtStart.map((x) => x.toFixed(1)).join(' / ')} (other work on the machine shows up as noise). Run took ${Math.round(r.seconds)} s.`,
  );
  lines.push('');
  lines.push('#### Load (bulk loader, empty database)');
  lines.push('');
  lines.push('| nodes | relationships | largest hub (ties) | mode | nodes/s | relationships/s | index build s | total s |');
  lines.push('|---:|---:|---|---|---:|---:|---:|---:|');
  for (const s of r.sizes) {
    const l = s.load;
    lines.push(
      `| ${fmtCount(s.nodes)} | ${fmtCount(s.relationships)} | ${s.largestHub ? `${s.largestHub.id} (${fmtCount(s.largestHub.degree)})` : '–'} | ${l.skipped ? 'already loaded' : l.mode} | ${fmtRate(l.nodesPerSecond)} | ${fmtRate(l.relationshipsPerSecond)} | ${round(l.indexSeconds ?? 0, 1)} | ${round(l.totalSeconds ?? l.nodeSeconds + l.relationshipSeconds, 1)} |`,
    );
  }
  lines.push('');
  lines.push('#### Latency: HTTP API vs the same Cypher through neo4j-driver (ms)');
  lines.push('');
  lines.push('| nodes | endpoint | queries/req | API p50 | API p95 | API p99 | direct p50 | direct p95 | direct p99 | ratio p50 | n |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of r.sizes) {
    for (const l of s.latency) {
      const name = l.endpoint + (l.elements ? ` (${fmtCount(l.elements)} elements)` : '');
      lines.push(
        `| ${fmtCount(s.nodes)} | ${name} | ${l.queriesPerRequest} | ${l.api.p50} | ${l.api.p95} | ${l.api.p99} | ${l.direct.p50} | ${l.direct.p95} | ${l.direct.p99} | ${l.ratioP50} | ${l.api.n} |`,
      );
    }
  }
  lines.push('');
  lines.push('#### Throughput: mixed reads through the API (autocannon, 127.0.0.1)');
  lines.push('');
  lines.push('| nodes | clients | req/s | p50 ms | p99 ms | errors | non-2xx | tool |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const s of r.sizes)
    for (const t of s.throughput)
      lines.push(
        `| ${fmtCount(s.nodes)} | ${t.connections} | ${t.requestsPerSecond} | ${t.p50} | ${t.p99} | ${t.errors} | ${t.non2xx} | ${t.tool} |`,
      );
  if (r.sizes.some((x) => x.sideBySide?.rows.length)) {
    lines.push('');
    lines.push('#### Side by side: mixed reads through the driver alone, the API cold and the API warm');
    lines.push('');
    lines.push(
      'Cold: the API keeps no answer, so every request runs its queries (as after each change set). Warm: the API keeps answers (steady state, every question asked once before). Driver: the same Cypher each request ran, replayed through neo4j-driver in the bench process. Closed loops on 127.0.0.1; the API through autocannon.',
    );
    lines.push('');
    lines.push(
      '| nodes | mix | clients | driver req/s | API cold req/s | API warm req/s | cold ÷ driver | warm ÷ cold | driver p99 ms | cold p99 ms | warm p99 ms | failures |',
    );
    lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const s of r.sizes) {
      const sb = s.sideBySide;
      if (!sb) continue;
      for (const q of sideBySideRatios(sb)) {
        const row = (via: 'driver' | 'api-cold' | 'api-warm') =>
          sb.rows.find((x) => x.mix === q.mix && x.via === via && x.connections === q.connections);
        const [d, c, w] = [row('driver'), row('api-cold'), row('api-warm')];
        lines.push(
          `| ${fmtCount(s.nodes)} | ${q.mix === 'zipf' ? `Zipf (${sb.questions} questions, top ${Math.round(sb.zipfTopShare * 100)}%)` : `round robin (${sb.questions})`} | ${q.connections} | ${d?.requestsPerSecond ?? '–'} | ${c?.requestsPerSecond ?? '–'} | ${w?.requestsPerSecond ?? '–'} | ${q.coldOverDriver} | ${q.warmOverCold} | ${d?.p99 ?? '–'} | ${c?.p99 ?? '–'} | ${w?.p99 ?? '–'} | ${(d?.failures ?? 0) + (c?.failures ?? 0) + (w?.failures ?? 0)} |`,
        );
      }
    }
  }
  lines.push('');
  lines.push('#### Memory of the API process');
  lines.push('');
  lines.push(
    '| nodes | peak RSS over latency + throughput (MiB) | whole-graph GraphML export: elements | MiB written | server heap | s | RSS before (MiB) | peak RSS during (MiB) | max heap used (MiB) | heap after, collected (MiB) |',
  );
  lines.push('|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const s of r.sizes) {
    const runs = [s.exportMemory, s.exportMemoryCapped].filter((e): e is ExportMemory => Boolean(e));
    if (runs.length === 0) lines.push(`| ${fmtCount(s.nodes)} | ${mib(s.serverPeakRss)} | – | – | – | – | – | – | – | – |`);
    for (const e of runs)
      lines.push(
        `| ${fmtCount(s.nodes)} | ${mib(s.serverPeakRss)} | ${fmtCount(e.elements)} | ${mib(e.bytes)} | ${e.heapCapMiB ? `capped at ${e.heapCapMiB} MiB` : 'default'} | ${round(e.seconds, 1)} | ${mib(e.baselineRss)} | ${mib(e.peakRss)} | ${mib(e.maxHeapUsed)} | ${mib(e.heapAfter)} |`,
      );
  }
  if (r.browser) {
    lines.push('');
    lines.push('#### Web: request to laid-out, painted graph (headless Chromium)');
    lines.push('');
    lines.push('| elements (target) | elements shown | page | renderer | painted ms | layout ms | longest task ms | pan/zoom fps |');
    lines.push('|---:|---:|---|---|---:|---:|---:|---:|');
    for (const x of r.browser.render) {
      lines.push(
        `| ${fmtCount(x.target)} | ${x.elements === null ? '–' : fmtCount(x.elements)} | ${x.page} | ${x.renderer} | ${x.paintedMs ?? x.error ?? '–'} | ${x.layoutMs ?? '–'} | ${x.longestTaskMs ?? '–'} | ${x.panFps ?? '–'} |`,
      );
    }
    if (r.browser.notes.length) {
      lines.push('');
      for (const n of r.browser.notes) lines.push(`- ${n}`);
    }
  }
  if (r.past) {
    const p = r.past;
    lines.push('');
    lines.push('#### Reads of the past: an editor beside readers, and a read before a large import');
    lines.push('');
    lines.push(
      `On a seed store of its own, through the API in the bench process (answers not kept): ${p.editor.alone.n} timed edits of one node with no readers and ${p.editor.withReaders.n} while ${p.readers} clients repeat a neighbourhood as recorded at version 1, in alternating blocks; then an import of ${fmtCount(p.importElements)} elements (half nodes, half ties) and ${p.iterations} rounds of each read now and as recorded just before it. ${pastLanes(p)}.`,
    );
    lines.push('');
    lines.push(...pastTables(p));
  }
  lines.push('');
  lines.push('#### Targets');
  lines.push('');
  lines.push('| target | met | measured |');
  lines.push('|---|---|---|');
  for (const t of r.targets) lines.push(`| ${t.target} | ${t.met === null ? 'not measured' : t.met ? 'yes' : '**no**'} | ${t.measured} |`);
  if (r.notes.length) {
    lines.push('');
    for (const n of r.notes) lines.push(`- ${n}`);
  }
  return lines.join('\n') + '\n';
}

export function fmtCount(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 10_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return n.toLocaleString('en');
}

function fmtRate(n: number): string {
  return Math.round(n).toLocaleString('en');
}

export function mib(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}
