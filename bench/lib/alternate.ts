// Two servers, one set of requests, sent in alternation: on a shared, loaded machine a ratio of
// two sides measured request by request is steadier than two runs one after the other.
import { timedRequest, type RequestSpec } from './http.ts';
import { percentile } from './stats.ts';
import type { Case } from '../scenarios/cases.ts';

export interface Side {
  /** How the printed line names this side, e.g. "old" or "without history". */
  label: string;
  url: string;
}

export interface AlternateOptions {
  iterations: number;
  /** Report requests whose answers differ between the sides (first round only). */
  compare: boolean;
  log: (line: string) => void;
}

/** Times one case on both sides; returns the printed line (p50 and p95 with b/a ratios). */
export async function alternate(prefix: string, c: Case, a: Side, b: Side, o: AlternateOptions): Promise<string> {
  const run = (side: Side, v: RequestSpec) => timedRequest(side.url, v, { keepBody: o.compare });
  // Warm both sides (JIT, query plans) before anything is timed.
  for (let i = 0; i < 3; i++) for (const v of c.variants) for (const side of [a, b]) await run(side, v);
  const times = new Map<Side, number[]>([
    [a, []],
    [b, []],
  ]);
  let differ = 0;
  for (let i = 0; i < o.iterations; i++) {
    for (const v of c.variants) {
      // Alternate which side goes first, so neither always meets a warmer cache.
      const order = (i + c.variants.indexOf(v)) % 2 ? [a, b] : [b, a];
      const got = new Map<Side, string | undefined>();
      for (const side of order) {
        const t = await run(side, v);
        if (t.status !== 200) throw new Error(`${side.label} ${v.path}: HTTP ${t.status}`);
        times.get(side)!.push(t.ms);
        got.set(side, t.body);
      }
      if (o.compare && i === 0 && got.get(a) !== got.get(b)) {
        differ++;
        o.log(`${c.endpoint}: answers differ for ${v.path}`);
      }
    }
  }
  const f = (side: Side, p: number) =>
    percentile(
      [...times.get(side)!].sort((x, y) => x - y),
      p,
    );
  const ratio = (p: number) => (f(b, p) / f(a, p)).toFixed(3);
  return (
    `${prefix}, ${c.endpoint} (${times.get(a)!.length} requests each): ` +
    `p50 ${a.label} ${f(a, 50).toFixed(2)} / ${b.label} ${f(b, 50).toFixed(2)} ms (×${ratio(50)}), ` +
    `p95 ${a.label} ${f(a, 95).toFixed(2)} / ${b.label} ${f(b, 95).toFixed(2)} ms (×${ratio(95)})` +
    (o.compare ? `; ${differ} of ${c.variants.length} answers differ` : '')
  );
}
