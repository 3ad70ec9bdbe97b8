// The bounded load run: 50 clients of mixed reads for a fixed time on 127.0.0.1, then a pause
// and a collection, to see that nothing failed with 5xx and that the server's memory came back
// to where it started (what it holds per request is released).
import type { ApiChild } from '../lib/api-child.ts';
import type { Case } from './cases.ts';
import { measureThroughput, type ThroughputResult } from './throughput.ts';

export interface SoakResult {
  run: ThroughputResult;
  /** Resident memory after a collection, before the run. */
  rssBefore: number;
  peakRss: number;
  /** Resident memory after the run, a pause and a collection. */
  rssAfter: number;
}

const CONNECTIONS = 50;

export async function measureSoak(api: ApiChild, cases: Case[], seconds: number): Promise<SoakResult> {
  const before = await api.memory(true);
  await api.resetPeak();
  const [run] = await measureThroughput(api.url, cases, [CONNECTIONS], seconds);
  const peak = await api.memory();
  await new Promise((r) => setTimeout(r, 3_000));
  const after = await api.memory(true);
  return { run: run!, rssBefore: before.rss, peakRss: peak.peakRss, rssAfter: after.rss };
}
