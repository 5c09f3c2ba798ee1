// Seeded randomness for the bench data: never Math.random, so one seed gives one data set.
// Rows that other tables refer to (enterprises, projects) draw from a PRNG seeded by (seed, salt, id),
// which lets any later generator re-derive enterprise N without keeping a million rows in memory.

export type Rand = () => number;

/** mulberry32: 32-bit state, fast, and good enough for synthetic data. */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An independent stream per (seed, salt, id): salts keep e.g. enterprise 7 and project 7 unrelated. */
export function rngFor(seed: number, salt: number, id: number): Rand {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x27d4eb2f, 0xc2b2ae35) ^ Math.imul(id + 0x165667b1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return mulberry32(h ^ (h >>> 16));
}

export const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
export const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)];
export const chance = (r: Rand, p: number) => r() < p;

/** Picks by weight; `cumulative` is the running sum of the weights (see cumulate). */
export function weighted<T>(r: Rand, items: readonly T[], cumulative: readonly number[]): T {
  const x = r() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return items[lo];
}

export function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/**
 * A rank in [0, n) with P(rank k) ∝ 1/(k+1)^s (bounded Zipf), by inverting the continuous CDF.
 * Rank 0 is the biggest; callers order their lists so chain leaders come first.
 */
export function zipf(r: Rand, n: number, s: number): number {
  if (n <= 1) return 0;
  const u = r();
  const k = s === 1 ? Math.exp(u * Math.log(n + 1)) : Math.pow(1 + u * (Math.pow(n + 1, 1 - s) - 1), 1 / (1 - s));
  return Math.min(n - 1, Math.floor(k) - 1 < 0 ? 0 : Math.floor(k) - 1);
}

/** Roughly log-normal: many small values, a long tail of big ones. */
export function logNormal(r: Rand, median: number, sigma: number): number {
  const gauss = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return median * Math.exp(sigma * gauss);
}

/** Fisher–Yates, in place; returns the array. */
export function shuffle<T>(r: Rand, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
