// A Zipf mix of questions, like the readers of a shared link: a few questions asked by nearly
// everyone, a long tail asked once in a while. Deterministic for a seed (the generator's PRNG).
import { createRng } from '../synth/prng.ts';

/**
 * `length` picks among `n` items ranked 0…n-1, item k with probability ∝ 1/(k+1)^s. The ranking
 * is a seeded shuffle, so the most asked question is not always the first endpoint's first.
 */
export function zipfSequence(n: number, length: number, seed = 1, s = 1): number[] {
  if (n <= 0) return [];
  const rng = createRng(`zipf-${seed}`);
  const rank = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < n; k++) cumulative.push((total += 1 / (k + 1) ** s));
  return Array.from({ length }, () => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return rank[lo]!;
  });
}

/** Share of the picks that went to the most asked item: how skewed the mix is, for the report. */
export function topShare(sequence: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const i of sequence) counts.set(i, (counts.get(i) ?? 0) + 1);
  return Math.max(0, ...counts.values()) / Math.max(1, sequence.length);
}
