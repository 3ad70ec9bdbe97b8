// Latency of each endpoint through the HTTP API and, in the same run, of the same Cypher
// replayed through neo4j-driver: first every request variant is sent once with recording on,
// so the server says which named queries (and parameters) it ran; then API and direct runs
// alternate, so both see the same noise from the machine.
import type { ApiChild } from '../lib/api-child.ts';
import type { RecordedCall } from '../lib/api-server.ts';
import type { DirectReplay } from '../lib/direct.ts';
import { timedRequest } from '../lib/http.ts';
import { ratio, summarize, type Summary } from '../lib/stats.ts';
import type { Case, Endpoint } from './cases.ts';

export interface EndpointLatency {
  endpoint: Endpoint;
  api: Summary;
  direct: Summary;
  /** api p50 / direct p50: what our server adds over the bare driver. */
  ratioP50: number;
  /** Cypher statements per request (mean), replayed in the direct runs. */
  queriesPerRequest: number;
  /** Mean response size in bytes. */
  bytes: number;
  /** Only for the export: graph elements in the file (nodes + edges). */
  elements?: number;
}

export interface LatencyOptions {
  iterations: number;
  /** Fewer iterations for slow endpoints (export). */
  slowIterations: number;
  /** At least this many rounds over every variant before timing… */
  warmupRounds: number;
  /** …and at least this long. */
  warmupSeconds: number;
  onProgress?: (line: string) => void;
}

/** What each variant ran in the server, recorded once per variant: the direct side replays it. */
export type Captured = Map<Case, { recorded: RecordedCall[][]; elements: number }>;

/**
 * The answer cache's data-version read (server/api/answer-cache.ts) is our server's cost, not
 * the question's: the direct side does not replay it, so it counts as overhead.
 */
export const VERSION_READ = 'curation/graph-version';

export async function captureCalls(api: ApiChild, cases: Case[]): Promise<Captured> {
  const captured: Captured = new Map();
  for (const c of cases) {
    if (c.variants.length === 0) continue;
    const recorded: RecordedCall[][] = [];
    let elements = 0;
    for (const v of c.variants) {
      // Once unrecorded first: a route's first cold request may run its handler twice
      // (server/api/route.ts, a handler that awaits before its first read).
      await timedRequest(api.url, v);
      await api.record(true);
      const res = await timedRequest(api.url, v, { keepBody: c.endpoint === 'export-graphml' });
      await api.record(false);
      if (res.status !== 200) throw new Error(`bench: ${v.method} ${v.path} answered ${res.status}: ${res.body?.slice(0, 200) ?? ''}`);
      if (res.body) elements = Math.max(elements, countMatches(res.body, '<node ') + countMatches(res.body, '<edge '));
      recorded.push((await api.calls()).filter((call) => call.name !== VERSION_READ));
    }
    captured.set(c, { recorded, elements });
  }
  return captured;
}

export async function measureLatency(
  api: ApiChild,
  direct: DirectReplay,
  cases: Case[],
  o: LatencyOptions,
  given?: Captured,
): Promise<EndpointLatency[]> {
  // Capture the Cypher each variant runs.
  const captured = given ?? (await captureCalls(api, cases));
  // Warm up: a freshly started Neo4j runs its queries interpreted until the JIT has seen them,
  // and its page cache is cold. Every variant goes through both paths a few times first.
  const warmUntil = performance.now() + o.warmupSeconds * 1000;
  for (let round = 0; round < o.warmupRounds || performance.now() < warmUntil; round++) {
    for (const [c, { recorded }] of captured) {
      if (c.endpoint === 'export-graphml' && round > 0) continue;
      for (let k = 0; k < c.variants.length; k++) {
        await timedRequest(api.url, c.variants[k]!);
        await direct.replay(recorded[k]!);
      }
    }
    if (round > 50) break;
  }
  o.onProgress?.('warmed up');

  const out: EndpointLatency[] = [];
  for (const [c, { recorded, elements }] of captured) {
    const iterations = c.endpoint === 'export-graphml' ? o.slowIterations : o.iterations;
    const { apiMs, directMs, bytes } = await timeBothWays(api.url, direct, c, recorded, iterations);
    const a = summarize(apiMs);
    const d = summarize(directMs);
    const entry: EndpointLatency = {
      endpoint: c.endpoint,
      api: a,
      direct: d,
      ratioP50: ratio(a.p50, d.p50),
      queriesPerRequest: Math.round((recorded.reduce((s, r) => s + r.length, 0) / recorded.length) * 10) / 10,
      bytes: Math.round(bytes / Math.max(1, apiMs.length)),
      ...(c.endpoint === 'export-graphml' ? { elements } : {}),
    };
    out.push(entry);
    o.onProgress?.(`${c.endpoint}: API p50 ${a.p50} ms, direct p50 ${d.p50} ms (×${entry.ratioP50})`);
  }
  return out;
}

/**
 * `iterations` requests of a case through the API and the same Cypher through the driver,
 * variant by variant, alternating which goes first so neither always finds the caches warmer.
 */
export async function timeBothWays(
  url: string,
  direct: DirectReplay,
  c: Case,
  recorded: RecordedCall[][],
  iterations: number,
): Promise<{ apiMs: number[]; directMs: number[]; bytes: number }> {
  const apiMs: number[] = [];
  const directMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < iterations; i++) {
    const k = i % c.variants.length;
    const runApi = async () => {
      const r = await timedRequest(url, c.variants[k]!);
      if (r.status !== 200) throw new Error(`bench: ${c.variants[k]!.path} answered ${r.status}`);
      apiMs.push(r.ms);
      bytes += r.bytes;
    };
    const runDirect = async () => {
      const t = performance.now();
      await direct.replay(recorded[k]!);
      directMs.push(performance.now() - t);
    };
    if (i % 2 === 0) await runApi().then(runDirect);
    else await runDirect().then(runApi);
  }
  return { apiMs, directMs, bytes };
}

export function countMatches(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
