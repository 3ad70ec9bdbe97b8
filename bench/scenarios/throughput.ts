// Throughput of a mixed read workload (search, neighbourhoods, paths, chains, representation)
// at 1, 8 and 32 concurrent clients, with autocannon, against 127.0.0.1 only and for a fixed
// time per level. Without autocannon installed, a plain closed loop of keep-alive requests
// does the same job (the result says which tool ran).
import type autocannonType from 'autocannon';
import { timedRequest } from '../lib/http.ts';
import { percentile, round } from '../lib/stats.ts';
import type { Case } from './cases.ts';

export interface ThroughputResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Answers with a 5xx status: the server failing, as opposed to 4xx (rate limit, bad input). */
  server5xx: number;
  tool: 'autocannon' | 'closed-loop';
}

type Autocannon = typeof autocannonType;

async function loadAutocannon(): Promise<Autocannon | null> {
  try {
    return (await import('autocannon')).default;
  } catch {
    return null;
  }
}

/** `connections` clients, each sending its next request when the last one ended. */
async function closedLoop(url: string, paths: string[], connections: number, seconds: number): Promise<Omit<ThroughputResult, 'tool'>> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let non2xx = 0;
  let server5xx = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        try {
          const r = await timedRequest(url, { method: 'GET', path: paths[next++ % paths.length]! });
          latencies.push(r.ms);
          if (r.status < 200 || r.status >= 300) non2xx++;
          if (r.status >= 500) server5xx++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  return {
    connections,
    seconds,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / seconds, 1),
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    errors,
    non2xx,
    server5xx,
  };
}

export async function measureThroughput(url: string, cases: Case[], levels: number[], seconds: number): Promise<ThroughputResult[]> {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1') throw new Error(`bench: load goes to 127.0.0.1 only, not ${host}`);
  // Interleave the endpoints so every stretch of the run has the same mix.
  const lists = cases.filter((c) => c.endpoint !== 'export-graphml').map((c) => c.variants.map((v) => v.path));
  const paths: string[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) paths.push(l[i]!);
  const results: ThroughputResult[] = [];
  const autocannon = await loadAutocannon();
  for (const connections of levels) {
    if (!autocannon) {
      results.push({ ...(await closedLoop(url, paths, connections, seconds)), tool: 'closed-loop' });
      continue;
    }
    let next = 0;
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      pipelining: 1,
      timeout: 30,
      requests: [
        {
          method: 'GET',
          setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[next++ % paths.length] }),
        },
      ],
    });
    results.push({
      connections,
      seconds,
      requests: result.requests.total,
      requestsPerSecond: round(result.requests.average, 1),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      server5xx: (result as unknown as Record<string, number>)['5xx'] ?? 0,
      tool: 'autocannon',
    });
  }
  return results;
}
