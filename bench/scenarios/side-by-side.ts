// Mixed reads measured side by side in one run (issue 22, part 6): the same workload straight
// through neo4j-driver (the Cypher each request ran, replayed), through the API with no answer
// kept (cold: every request misses, as after a change set) and through the API with answers
// kept (warm: steady state), at the same client counts. Two mixes: the round-robin of
// throughput.ts, and a Zipf mix of questions, as the readers of a shared link ask them.
import type autocannonType from 'autocannon';
import type { RecordedCall } from '../lib/api-server.ts';
import type { DirectReplay } from '../lib/direct.ts';
import { timedRequest } from '../lib/http.ts';
import { percentile, ratio, round } from '../lib/stats.ts';
import { topShare, zipfSequence } from '../lib/zipf.ts';
import type { Captured } from './latency.ts';
import type { ThroughputResult } from './throughput.ts';

export type Mix = 'round-robin' | 'zipf';
export type Via = 'driver' | 'api-cold' | 'api-warm';

export interface SideBySideRow extends Pick<
  ThroughputResult,
  'connections' | 'seconds' | 'requests' | 'requestsPerSecond' | 'p50' | 'p99'
> {
  mix: Mix;
  via: Via;
  /** Failed requests: errors, timeouts and answers that were not 200. */
  failures: number;
  /**
   * CPU time (user + system) the API process spent per request over the row, in µs, where the
   * bench could ask it: the cost of a request whatever share of the cores the machine's load
   * left the process, so 1,000,000 / it is what one core would serve at most.
   */
  cpuMicrosPerRequest?: number;
}

export interface SideBySideResult {
  rows: SideBySideRow[];
  /** Distinct questions in the mix, and the share of requests that went to the most asked one. */
  questions: number;
  zipfTopShare: number;
  /** The warm server's answer budget. */
  cacheBytes: number;
}

export interface SideBySideOptions {
  /** API without answers kept, and with them (ANSWER_CACHE_BYTES > 0). */
  coldUrl: string;
  warmUrl: string;
  direct: DirectReplay;
  captured: Captured;
  levels: number[];
  seconds: number;
  cacheBytes: number;
  mixes?: Mix[];
  /** Which sides to run (all three by default; bench:side can run the warm one alone). */
  vias?: Via[];
  /** The API processes' CPU time so far (process.cpuUsage()), to report CPU per request. */
  cpu?: Partial<Record<Via, () => Promise<{ user: number; system: number }>>>;
  seed?: number;
  onProgress?: (line: string) => void;
}

/** The GET questions of the run (not the export), each with the Cypher it ran. */
export function questions(captured: Captured): Array<{ path: string; calls: RecordedCall[] }> {
  const lists = [...captured]
    .filter(([c]) => c.endpoint !== 'export-graphml')
    .map(([c, { recorded }]) => c.variants.map((v, k) => ({ path: v.path, calls: recorded[k]! })));
  // Interleaved, as throughput.ts does: every stretch of the run has the same mix of endpoints.
  const out: Array<{ path: string; calls: RecordedCall[] }> = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

type Autocannon = typeof autocannonType;

async function throughAutocannon(url: string, order: readonly string[], connections: number, seconds: number) {
  const autocannon = (await import('autocannon')).default as Autocannon;
  let next = 0;
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: order[next++ % order.length] }) }],
  });
  return {
    requests: r.requests.total,
    requestsPerSecond: round(r.requests.average, 1),
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures: r.errors + r.timeouts + r.non2xx,
  };
}

/** `connections` loops, each replaying its next request's Cypher when the last one ended. */
async function throughDriver(direct: DirectReplay, order: readonly RecordedCall[][], connections: number, seconds: number) {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await direct.replay(order[next++ % order.length]!);
          latencies.push(performance.now() - t);
        } catch {
          failures++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / elapsed, 1),
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    failures,
  };
}

export async function measureSideBySide(o: SideBySideOptions): Promise<SideBySideResult> {
  for (const url of [o.coldUrl, o.warmUrl]) {
    const host = new URL(url).hostname;
    if (host !== '127.0.0.1') throw new Error(`bench: load goes to 127.0.0.1 only, not ${host}`);
  }
  const qs = questions(o.captured);
  const zipf = zipfSequence(qs.length, 50_000, o.seed ?? 1);
  const orders: Record<Mix, number[]> = { 'round-robin': qs.map((_, i) => i), zipf };
  // Steady state for the warm server: every question answered once, so it holds them all.
  for (const q of qs) await timedRequest(o.warmUrl, { method: 'GET', path: q.path });
  const rows: SideBySideRow[] = [];
  for (const mix of o.mixes ?? (['round-robin', 'zipf'] as Mix[])) {
    const order = orders[mix];
    const paths = order.map((i) => qs[i]!.path);
    const calls = order.map((i) => qs[i]!.calls);
    for (const connections of o.levels) {
      for (const via of o.vias ?? (['driver', 'api-cold', 'api-warm'] as Via[])) {
        const cpu = o.cpu?.[via];
        const before = await cpu?.();
        const r =
          via === 'driver'
            ? await throughDriver(o.direct, calls, connections, o.seconds)
            : await throughAutocannon(via === 'api-cold' ? o.coldUrl : o.warmUrl, paths, connections, o.seconds);
        const after = await cpu?.();
        const cpuMicrosPerRequest =
          before && after && r.requests > 0 ? round((after.user + after.system - before.user - before.system) / r.requests, 0) : undefined;
        rows.push({
          mix,
          via,
          connections,
          seconds: o.seconds,
          ...r,
          ...(cpuMicrosPerRequest !== undefined ? { cpuMicrosPerRequest } : {}),
        });
        o.onProgress?.(
          `${mix}, ${connections} clients, ${via}: ${r.requestsPerSecond} req/s, p99 ${r.p99} ms${cpuMicrosPerRequest !== undefined ? `, API CPU ${cpuMicrosPerRequest} µs/request` : ''}`,
        );
      }
    }
  }
  return { rows, questions: qs.length, zipfTopShare: round(topShare(zipf), 3), cacheBytes: o.cacheBytes };
}

/** req/s of one row of the result, or NaN. */
export function rate(r: SideBySideResult, mix: Mix, via: Via, connections: number): number {
  return r.rows.find((x) => x.mix === mix && x.via === via && x.connections === connections)?.requestsPerSecond ?? NaN;
}

/** API cold over driver, and warm over cold, per mix and client count. */
export function sideBySideRatios(
  r: SideBySideResult,
): Array<{ mix: Mix; connections: number; coldOverDriver: number; warmOverCold: number }> {
  const keys = [...new Set(r.rows.map((x) => `${x.mix}|${x.connections}`))];
  return keys.map((k) => {
    const [mix, c] = k.split('|') as [Mix, string];
    const n = Number(c);
    return {
      mix,
      connections: n,
      coldOverDriver: ratio(rate(r, mix, 'api-cold', n), rate(r, mix, 'driver', n)),
      warmOverCold: ratio(rate(r, mix, 'api-warm', n), rate(r, mix, 'api-cold', n)),
    };
  });
}
