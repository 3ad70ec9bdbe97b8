// One graph size, start to finish: generate (or reuse) the synthetic graph, load it into a
// fresh Neo4j, then measure latency, throughput and memory through a separate API process.
import type { Database } from '../server/db/database.ts';
import { startApiChild } from './lib/api-child.ts';
import { DirectReplay } from './lib/direct.ts';
import { startInstance } from './lib/instance.ts';
import { bulkLoad, type BulkLoadReport } from './load/bulk-load.ts';
import type { SizeResult } from './report.ts';
import { buildCases } from './scenarios/cases.ts';
import { EXPORT_HEAP_CAP_MIB, measureExportMemory } from './scenarios/export-memory.ts';
import { captureCalls, measureLatency } from './scenarios/latency.ts';
import { measureSideBySide } from './scenarios/side-by-side.ts';
import { measureSoak } from './scenarios/soak.ts';
import { measureThroughput } from './scenarios/throughput.ts';
import { writeSynth, type SynthManifest } from './synth/write.ts';

export interface SizeOptions {
  nodes: number;
  seed: number;
  iterations: number;
  /** Seconds per concurrency level; 0 skips the throughput run. */
  throughputSeconds: number;
  /** Seconds of the bounded load run at 50 clients (0 skips it). */
  soakSeconds: number;
  port: number;
  /** Seconds per client count of the side-by-side run (driver, API cold, API warm); 0 skips it. */
  sideBySideSeconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
}

/** The warm server's answer budget: far more than the run's answers need. */
export const WARM_CACHE_BYTES = 64 * 2 ** 20;

/** Heap and page cache for the benchmark's Neo4j by graph size. */
function memoryFor(nodes: number): { heap: string; pageCache: string } {
  if (nodes >= 500_000) return { heap: '4g', pageCache: '3g' };
  if (nodes >= 50_000) return { heap: '2g', pageCache: '1g' };
  return { heap: '1g', pageCache: '512m' };
}

export async function runSize(
  o: SizeOptions,
  extra?: (ctx: { neo4jUri: string; hub: string; db: Database; manifest: SynthManifest }) => Promise<void>,
): Promise<SizeResult> {
  const label = o.nodes.toLocaleString('en');
  o.log(`${label} nodes: generating (seed ${o.seed})`);
  const t = performance.now();
  const { dir, manifest, reused } = await writeSynth({ nodes: o.nodes, seed: o.seed });
  const generateSeconds = reused ? 0 : (performance.now() - t) / 1000;
  o.log(`${label} nodes: ${reused ? 'reusing' : 'generated'} ${dir} (${manifest.relationships.toLocaleString('en')} relationships)`);

  const instance = await startInstance({
    port: o.port,
    name: `n${o.nodes}`,
    fresh: true,
    ...memoryFor(o.nodes),
    onProgress: (l) => o.log(`neo4j: ${l}`),
  });
  try {
    await instance.db.applySchema();
    let lastShown = 0;
    const load: BulkLoadReport = await bulkLoad(instance.db, dir, {
      onProgress: ({ phase, done, total }) => {
        if (Date.now() - lastShown > 5000 || done === total) {
          lastShown = Date.now();
          o.log(`${label} nodes: loading ${phase} ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
        }
      },
    });
    o.log(
      `${label} nodes: loaded ${Math.round(load.nodesPerSecond).toLocaleString('en')} nodes/s, ${Math.round(load.relationshipsPerSecond).toLocaleString('en')} relationships/s`,
    );
    // The loader has built the indexes it deferred and waited for them: queries are timed on a
    // fully indexed graph.

    const cases = buildCases(manifest.probes);
    const api = await startApiChild({ neo4jUri: instance.uri });
    const direct = new DirectReplay(instance.uri);
    let latency;
    let throughput: SizeResult['throughput'] = [];
    let serverPeakRss = 0;
    let soak: SizeResult['soak'] = null;
    let sideBySide: SizeResult['sideBySide'] = null;
    try {
      await api.resetPeak();
      const captured = await captureCalls(api, cases);
      latency = await measureLatency(
        api,
        direct,
        cases,
        {
          iterations: o.iterations,
          // The export takes about a second a request: a capped count keeps the run short.
          slowIterations: Math.max(5, Math.min(15, Math.round(o.iterations / 4))),
          warmupRounds: 3,
          warmupSeconds: o.warmupSeconds,
          onProgress: (l) => o.log(`${label} nodes: ${l}`),
        },
        captured,
      );
      if (o.throughputSeconds > 0) {
        throughput = await measureThroughput(api.url, cases, [1, 8, 32], o.throughputSeconds);
        for (const r of throughput) o.log(`${label} nodes: ${r.connections} clients: ${r.requestsPerSecond} req/s, p99 ${r.p99} ms`);
      }
      serverPeakRss = (await api.memory()).peakRss;
      if (o.sideBySideSeconds > 0) {
        // A second server that keeps answers; the first keeps none, so each request is cold.
        const warm = await startApiChild({ neo4jUri: instance.uri, answerCacheBytes: WARM_CACHE_BYTES });
        try {
          sideBySide = await measureSideBySide({
            coldUrl: api.url,
            warmUrl: warm.url,
            direct,
            captured,
            levels: [1, 8, 32],
            seconds: o.sideBySideSeconds,
            cacheBytes: WARM_CACHE_BYTES,
            cpu: { 'api-cold': () => api.cpu(), 'api-warm': () => warm.cpu() },
            seed: o.seed,
            onProgress: (l) => o.log(`${label} nodes: side by side: ${l}`),
          });
        } finally {
          await warm.stop();
        }
      }
      if (o.soakSeconds > 0) {
        soak = await measureSoak(api, cases, o.soakSeconds);
        o.log(
          `${label} nodes: load run, 50 clients for ${o.soakSeconds} s: ${soak.run.requestsPerSecond} req/s, ${soak.run.server5xx} answered 5xx, RSS ${mibText(soak.rssBefore)} → ${mibText(soak.rssAfter)} MiB`,
        );
      }
    } finally {
      await direct.close();
      await api.stop();
    }
    const exportMemory = await measureExportMemory(instance.uri);
    const exportMemoryCapped = await measureExportMemory(instance.uri, { heapCapMiB: EXPORT_HEAP_CAP_MIB });
    o.log(
      `${label} nodes: whole-graph export of ${exportMemory.elements.toLocaleString('en')} elements, peak RSS ${mibText(exportMemory.peakRss)} MiB (${mibText(exportMemoryCapped.peakRss)} MiB with the heap capped at ${EXPORT_HEAP_CAP_MIB} MiB)`,
    );
    await extra?.({ neo4jUri: instance.uri, hub: manifest.probes.hubs[0]!, db: instance.db, manifest });
    return {
      nodes: manifest.nodes,
      relationships: manifest.relationships,
      largestHub: manifest.topDegrees[0] ?? null,
      generateSeconds,
      load,
      latency,
      throughput,
      sideBySide,
      serverPeakRss,
      soak,
      exportMemory,
      exportMemoryCapped,
    };
  } finally {
    await instance.stop();
  }
}

function mibText(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}
