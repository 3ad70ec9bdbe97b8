// A small seeded PRNG (sfc32 seeded through splitmix32) so that a synthetic graph is the same
// for the same seed on every machine and Node version; Math.random is never used.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** 0 with probability 1-p, 1 with p(1-p), …: a count with a long thin tail. */
  geometric(p: number, max: number): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number | string): Rng {
  const numeric = typeof seed === 'number' ? seed : hashString(seed);
  const init = splitmix32(numeric);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('synth: pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    geometric: (p, max) => {
      let k = 0;
      while (k < max && next() < p) k++;
      return k;
    },
  };
  return rng;
}

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Draws indices 0..n-1 with probability proportional to 1/(i+1)^s (Zipf): index 0 is the big
 * hub, the tail is long. Sampling is a binary search over the cumulative weights.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    s: number,
  ) {
    if (n < 1) throw new Error('synth: Zipf over an empty range');
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += 1 / Math.pow(i + 1, s);
      this.cumulative[i] = total;
    }
    for (let i = 0; i < n; i++) this.cumulative[i]! /= total;
  }

  sample(rng: Rng): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The share of draws index i gets. */
  weight(i: number): number {
    return this.cumulative[i]! - (i > 0 ? this.cumulative[i - 1]! : 0);
  }
}

/** Splits `total` into parts proportional to `weights` (largest remainder), each at least `min`. */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  const base = Math.min(min, Math.floor(total / Math.max(1, n)));
  const rest = total - base * n;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w / sum) * rest);
  const parts = exact.map((x) => Math.floor(x));
  let left = rest - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]![1]]! += 1;
  return parts.map((p) => p + base);
}
