/**
 * A small seeded PRNG (mulberry32) and seed derivation, so that scenes, the training stream and
 * the initialization are reproducible bit for bit on every JS engine: only 32-bit integer
 * arithmetic and IEEE-754 doubles are involved, nothing backend-dependent.
 */

/** Mixes any number of 32-bit keys into a new seed; a bijection in the seed and in each key. */
export function deriveSeed(seed: number, ...keys: number[]): number {
  let h = seed >>> 0;
  for (const key of keys)
    h = fmix32((Math.imul(h, 0x9e3779b1) + fmix32((key + 0x7f4a7c15) >>> 0)) >>> 0);
  return h;
}

/** MurmurHash3's 32-bit finalizer: a bijection that spreads every input bit. */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded random stream. Methods draw from it in call order. */
export class Rng {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform on [0, 1), 32 bits of resolution (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform on [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [lo, hi). */
  int(lo: number, hi: number): number {
    return lo + Math.floor((hi - lo) * this.next());
  }

  /** Standard normal by Box–Muller; each pair of uniforms yields two normals (cos, then sin). */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Number of successes in `n` Bernoulli(p) trials. */
  binomial(n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length)] as T;
  }
}
