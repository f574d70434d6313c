import { Random } from "./random.js";

/** The serialized state of a KLL sketch: level h holds items of weight 2^h. */
export interface KllState {
  k: number;
  n: number;
  levels: number[][];
}

/**
 * KLL quantile sketch (Karnin, Lang, Liberty 2016): bounded memory (about 3k + 1024 items), mergeable
 * in any order, rank error about 1.7/k·n with high probability (k = 200 gives under 1 %).
 * Written here rather than taken from npm because the packages there either lack merging, lack a
 * plain JSON state we can document in the profile schema, or are unmaintained; compaction uses a
 * seeded PRNG so the same data always gives the same sketch.
 */
/** Extra room for level 0 between compactions: each sort then handles a larger batch. */
const SLACK = 1024;

export class Kll {
  readonly k: number;
  n = 0;
  levels: number[][] = [[]];
  private readonly random: Random;

  constructor(k = 200, seed = 1) {
    this.k = k;
    this.random = new Random(seed);
  }

  static from(state: KllState, seed = 1): Kll {
    const s = new Kll(state.k, seed);
    s.n = state.n;
    // Levels above 0 are kept sorted (see compress()); a stored state is not trusted to be.
    s.levels = state.levels.map((l, h) => (h === 0 ? l.slice() : sortedCopy(l)));
    if (s.levels.length === 0) s.levels.push([]);
    s.absorb();
    s.items = s.size();
    return s;
  }

  toJSON(): KllState {
    return { k: this.k, n: this.n, levels: this.allLevels() };
  }

  /**
   * Level 0 lives in a typed array (`buf0`, `n0` items), not in `levels[0]`: add() is then one
   * store, and compaction sorts it in place natively. `levels[0]` stays empty between calls.
   */
  private buf0 = new Float64Array(2048);
  private n0 = 0;

  /** Copies of every level, level 0 included. */
  private allLevels(): number[][] {
    const out = this.levels.map((l) => l.slice());
    for (let i = 0; i < this.n0; i++) out[0].push(this.buf0[i]);
    return out;
  }

  private push0(v: number): void {
    if (this.n0 === this.buf0.length) {
      const b = new Float64Array(this.buf0.length * 2);
      b.set(this.buf0);
      this.buf0 = b;
    }
    this.buf0[this.n0++] = v;
  }

  /** Moves items put in `levels[0]` (by from() or merge()) into the typed level 0. */
  private absorb(): void {
    const l0 = this.levels[0];
    if (l0.length === 0) return;
    for (const v of l0) this.push0(v);
    this.levels[0] = [];
  }

  // Capacities depend only on the number of levels: cached, since add() is on the hot path.
  private caps: number[] = [];
  private capsFor = -1;
  private total = 0;

  private capacity(level: number): number {
    if (this.capsFor !== this.levels.length) {
      const h = this.levels.length;
      this.caps = Array.from({ length: h }, (_, l) => Math.max(2, Math.ceil(this.k * (2 / 3) ** (h - l - 1))));
      this.total = this.caps.reduce((a, b) => a + b, 0);
      this.capsFor = h;
    }
    return this.caps[level];
  }

  private size(): number {
    let s = this.n0;
    for (const l of this.levels) s += l.length;
    return s;
  }

  private totalCapacity(): number {
    this.capacity(0);
    return this.total;
  }

  add(value: number): void {
    if (this.n0 === this.buf0.length) this.push0(value);
    else this.buf0[this.n0++] = value;
    this.n++;
    // Lazy compaction (as in Ivkin et al.'s KLL code): only when the whole sketch is full, so
    // level 0 absorbs many values between compactions.
    if (++this.items >= this.totalCapacity() + SLACK) this.compress();
  }

  private items = 0;

  /** add() for the first `count` values of `values`, copied into level 0 in runs between compactions. */
  addMany(values: Float64Array, count: number): void {
    let i = 0;
    while (i < count) {
      const room = Math.max(1, this.totalCapacity() + SLACK - this.items);
      const take = Math.min(room, count - i);
      while (this.n0 + take > this.buf0.length) {
        const b = new Float64Array(this.buf0.length * 2);
        b.set(this.buf0.subarray(0, this.n0));
        this.buf0 = b;
      }
      this.buf0.set(values.subarray(i, i + take), this.n0);
      this.n0 += take;
      this.n += take;
      this.items += take;
      i += take;
      if (this.items >= this.totalCapacity() + SLACK) this.compress();
    }
  }

  merge(other: Kll): void {
    const theirs = other.allLevels();
    while (this.levels.length < theirs.length) this.levels.push([]);
    for (let h = 0; h < theirs.length; h++) {
      if (h === 0) for (const v of theirs[0]) this.push0(v);
      else this.levels[h] = mergeSorted(this.levels[h], sortedCopy(theirs[h]));
    }
    this.n += other.n;
    this.compress();
  }

  private compress(): void {
    this.absorb();
    this.items = this.size();
    while (this.items >= this.totalCapacity()) {
      let h = 0;
      while (h < this.levels.length && (h === 0 ? this.n0 : this.levels[h].length) < this.capacity(h)) h++;
      if (h === this.levels.length) return;
      if (h + 1 === this.levels.length) this.levels.push([]);
      if (h === 0) {
        // Level 0 sorts in place; an odd item stays behind (see below).
        const level = this.buf0.subarray(0, this.n0).sort();
        const odd = level.length % 2 === 1;
        const end = odd ? level.length - 1 : level.length;
        const offset = this.random.bit();
        this.levels[1] = mergeSorted(this.levels[1], halve(level, offset, end));
        if (odd) this.buf0[0] = level[end];
        this.n0 = odd ? 1 : 0;
        this.items -= end / 2;
        continue;
      }
      // Levels above 0 are always sorted: each receives sorted halves merged in (linear), so
      // only level 0 is ever sorted, instead of every level at every compaction.
      const level = this.levels[h];
      // An odd item stays behind so the weight kept equals the weight removed.
      const odd = level.length % 2 === 1;
      const end = odd ? level.length - 1 : level.length;
      const offset = this.random.bit();
      this.levels[h + 1] = mergeSorted(this.levels[h + 1], halve(level, offset, end));
      this.levels[h] = odd ? [level[end]] : [];
      this.items -= end / 2;
    }
  }

  /** The items with their weights, sorted by value. */
  weighted(): { values: Float64Array; weights: Float64Array } {
    const items: [number, number][] = [];
    this.allLevels().forEach((level, h) => {
      const w = 2 ** h;
      for (const v of level) items.push([v, w]);
    });
    items.sort((a, b) => a[0] - b[0]);
    return {
      values: Float64Array.from(items, (i) => i[0]),
      weights: Float64Array.from(items, (i) => i[1]),
    };
  }

  /** The value at rank q·n (0 ≤ q ≤ 1). */
  quantiles(qs: number[]): number[] {
    const { values, weights } = this.weighted();
    if (values.length === 0) return qs.map(() => Number.NaN);
    let total = 0;
    for (const w of weights) total += w;
    return qs.map((q) => {
      const target = q * total;
      let acc = 0;
      for (let i = 0; i < values.length; i++) {
        acc += weights[i];
        if (acc >= target) return values[i];
      }
      return values[values.length - 1];
    });
  }

  /** Share of the weight at or below each value (the empirical CDF). */
  cdf(points: number[]): number[] {
    const { values, weights } = this.weighted();
    let total = 0;
    for (const w of weights) total += w;
    if (total === 0) return points.map(() => Number.NaN);
    const cum = new Float64Array(values.length);
    let acc = 0;
    for (let i = 0; i < values.length; i++) {
      acc += weights[i];
      cum[i] = acc;
    }
    return points.map((p) => {
      // Last index with values[i] <= p.
      let lo = 0;
      let hi = values.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (values[mid] <= p) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? 0 : cum[lo - 1] / total;
    });
  }
}

/** Every other item of sorted `level[offset..end)`: the half a compaction promotes, still sorted. */
function halve(level: ArrayLike<number>, offset: number, end: number): number[] {
  const out = new Array<number>((end - offset + 1) >> 1);
  for (let i = offset, j = 0; i < end; i += 2, j++) out[j] = level[i];
  return out;
}

function sortedCopy(level: number[]): number[] {
  return Array.from(Float64Array.from(level).sort());
}

/** The merge of two sorted arrays (a new array; either input may be returned when the other is empty). */
function mergeSorted(a: number[], b: number[]): number[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) out[o++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[o++] = a[i++];
  while (j < b.length) out[o++] = b[j++];
  return out;
}
