/** @module A seeded pseudo-random generator (sfc32) with the sampling helpers the demo generators need. */

/** Mixes two integers into a well-spread 32-bit value; also used for per-entity traits that must not consume the stream. */
export function hash32(a: number, b = 0): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Turns weights into a cumulative table for {@link SeededRandom.weighted}; zero weights are never picked. */
export function cumulative(weights: readonly number[]): Float64Array {
  const table = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i] ?? 0;
    table[i] = sum;
  }
  return table;
}

/**
 * sfc32 seeded through hash32: fast in JS (pure 32-bit integer ops) and with a period long enough
 * for tens of millions of draws. Every table gets its own stream (the `stream` salt), so changing
 * how one table is generated never shifts the data of another.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(seed: number, stream = 0) {
    this.a = hash32(seed, stream);
    this.b = hash32(this.a, seed);
    this.c = hash32(this.b, stream + 1);
    this.d = 1;
    // sfc32 starts poorly correlated only after a few rounds.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined && items.length === 0) throw new Error('pick() from an empty list');
    return item as T;
  }

  /** Index drawn from a table made by {@link cumulative}. */
  weighted(table: Float64Array): number {
    const target = this.next() * (table[table.length - 1] ?? 0);
    let lo = 0;
    let hi = table.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((table[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Gaussian via Box–Muller; the second value is kept so each pair costs one log and one sqrt. */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * z;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  /** Right-skewed positive values (durations, amounts) around `median`; `spread` is the sd of the log. */
  logNormal(median: number, spread: number): number {
    return median * Math.exp(this.normal(0, spread));
  }
}
