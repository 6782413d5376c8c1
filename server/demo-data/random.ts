/**
 * Seeded pseudo-random numbers for demo data. Demo rows, fixtures and benchmark inputs must be
 * reproducible (same seed → byte-identical orders), so nothing here may touch Math.random or the
 * clock. sfc32 is used because it is tiny, fast on 32-bit integer maths in V8 and passes
 * PractRand far beyond the few million draws we make; it is NOT suitable for anything secret.
 */

/** A [value, weight] pair for weighted choice; weights need not sum to 1. */
export type Weighted<T> = readonly [value: T, weight: number];

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    // Strings hash to 32 bits; splitmix32 then spreads the seed over sfc32's 128-bit state so
    // that adjacent seeds (1, 2, 3 …) still give unrelated streams. Numbers are taken mod 2^32.
    let s = typeof seed === "string" ? hashString(seed) : seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // The first outputs of sfc32 are correlated with the seed; discard a few as its author advises.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** Uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. Throws on an empty array rather than returning undefined. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick() from an empty array");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * One value by weight. A linear scan, fine for a handful of pairs; for long lists drawn from
   * in a loop build a `WeightedTable` once instead.
   */
  weighted<T>(pairs: readonly Weighted<T>[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    if (!(total > 0)) throw new RangeError("weighted() needs a positive total weight");
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    // Floating-point rounding can leave r a hair above 0 after the last pair.
    return lastPositive(pairs);
  }

  /** A shuffled copy (Fisher–Yates); the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `n` random decimal digits as a string (leading zeros allowed). */
  digits(n: number): string {
    let out = "";
    while (out.length < n) {
      // 9 digits per draw: 10^9 < 2^32, and the slight modulo bias is irrelevant for demo ids.
      out += String(this.uint32() % 1_000_000_000).padStart(9, "0");
    }
    return out.slice(0, n);
  }
}

/**
 * Precomputed cumulative weights with binary search: O(log n) per draw, for lists like the 80
 * surnames or 31 provinces sampled once per generated order.
 */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(pairs: readonly Weighted<T>[]) {
    this.values = [];
    this.cumulative = new Float64Array(pairs.length);
    let sum = 0;
    for (const [value, w] of pairs) {
      if (!(w >= 0)) throw new RangeError(`negative or NaN weight for ${String(value)}`);
      sum += w;
      this.cumulative[this.values.length] = sum;
      this.values.push(value);
    }
    if (!(sum > 0)) throw new RangeError("WeightedTable needs a positive total weight");
    this.total = sum;
  }

  sample(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}

/** FNV-1a followed by a murmur3 finaliser: stable 32-bit hash for string seeds and ids. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function lastPositive<T>(pairs: readonly Weighted<T>[]): T {
  for (let i = pairs.length - 1; i >= 0; i--) {
    const pair = pairs[i];
    if (pair && pair[1] > 0) return pair[0];
  }
  throw new RangeError("weighted() needs a positive total weight");
}
