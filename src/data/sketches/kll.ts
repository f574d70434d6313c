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
 *
 * With the paper's sampler: once a column is long, values enter in blocks of w = 2^base, one
 * value per block chosen at random and weighted w. Each value is otherwise sorted once at the
 * bottom level, the largest cost of the sketch; the sampler adds a rank error of standard
 * deviation at most √(n·w)/2, which w ≤ 1.6·10⁻⁵·n keeps under 0.2 % of n, well inside the
 * compactors' own error.
 */
/** Extra room for the bottom level between compactions: each sort then handles a larger batch. */
const SLACK = 1024;
/** w ≤ SAMPLER_RATE · n keeps the sampler's rank error below 0.2 % of n (see above). */
const SAMPLER_RATE = 1.6e-5;

export class Kll {
  readonly k: number;
  n = 0;
  /** Sorted items per level; level h's items weigh 2^h. The incoming buffer is not in here. */
  levels: number[][] = [[]];
  private readonly random: Random;
  /** Incoming items at level `base`, unsorted: adding one is a single store. */
  private buf = new Float64Array(2048);
  private nb = 0;
  private base = 0;
  /** Sampler: position in the current block of 2^base values, and the position kept. */
  private blockPos = 0;
  private pick = 0;
  /** Items held, the buffer included. */
  private items = 0;

  constructor(k = 200, seed = 1) {
    this.k = k;
    this.random = new Random(seed);
  }

  static from(state: KllState, seed = 1): Kll {
    const s = new Kll(state.k, seed);
    s.n = state.n;
    // Levels are kept sorted (see compress()); a stored state is not trusted to be.
    s.levels = state.levels.map((l, h) => (h === 0 ? [] : sortedCopy(l)));
    if (s.levels.length === 0) s.levels.push([]);
    for (const v of state.levels[0] ?? []) s.push(v);
    s.items = s.size();
    return s;
  }

  toJSON(): KllState {
    return { k: this.k, n: this.n, levels: this.allLevels() };
  }

  /** Copies of every level, the buffer included. */
  private allLevels(): number[][] {
    const out = this.levels.map((l) => l.slice());
    for (let i = 0; i < this.nb; i++) out[this.base].push(this.buf[i]);
    return out;
  }

  private push(v: number): void {
    if (this.nb === this.buf.length) this.grow(this.nb + 1);
    this.buf[this.nb++] = v;
  }

  private grow(room: number): void {
    let size = this.buf.length;
    while (size < room) size *= 2;
    const b = new Float64Array(size);
    b.set(this.buf.subarray(0, this.nb));
    this.buf = b;
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
    let s = this.nb;
    for (const l of this.levels) s += l.length;
    return s;
  }

  private totalCapacity(): number {
    this.capacity(0);
    return this.total;
  }

  add(value: number): void {
    this.one[0] = value;
    this.addMany(this.one, 1);
  }

  private readonly one = new Float64Array(1);

  /**
   * The count the sketch will hold in the end, as a multiple of its count so far, as its reader
   * expects it (1: nothing beyond what it has seen).
   * The sampler's error bound is relative to the final count, so a reader that knows the data's
   * size lets the sampler start early. Half the expectation is used, so an estimate up to twice too
   * high still keeps the bound; a worse one only loosens it by √(overestimate / 2).
   */
  scale = 1;

  private expected(): number {
    return Math.max(this.n, (this.n * this.scale) / 2);
  }

  /** add() for the first `count` values of `values`. */
  addMany(values: Float64Array, count: number): void {
    let i = 0;
    while (i < count) {
      if (this.base === 0) {
        // Every value kept: copied in runs between compactions. Lazy compaction (as in Ivkin
        // et al.'s KLL code): only when the whole sketch is full, so the buffer takes many
        // values between compactions.
        const room = Math.max(1, this.totalCapacity() + SLACK - this.items);
        const take = Math.min(room, count - i);
        if (this.nb + take > this.buf.length) this.grow(this.nb + take);
        this.buf.set(values.subarray(i, i + take), this.nb);
        this.nb += take;
        this.n += take;
        this.items += take;
        i += take;
      } else {
        // One value per block of w: jump to the kept one, then to the block's end.
        const w = 2 ** this.base;
        if (this.blockPos <= this.pick) {
          const skip = this.pick - this.blockPos;
          if (skip >= count - i) {
            this.blockPos += count - i;
            this.n += count - i;
            return;
          }
          i += skip;
          this.push(values[i++]);
          this.items++;
          this.n += skip + 1;
          this.blockPos = this.pick + 1;
        }
        const rest = Math.min(w - this.blockPos, count - i);
        i += rest;
        this.n += rest;
        this.blockPos += rest;
        if (this.blockPos < w) return;
        this.blockPos = 0;
        this.pick = this.random.int(w);
      }
      if (this.items >= this.totalCapacity() + SLACK) this.compress();
      // Between blocks, the block may grow with n.
      if (this.blockPos === 0 && SAMPLER_RATE * this.expected() >= 2 ** (this.base + 1)) this.raiseBase();
    }
  }

  /** Doubles the sampler's block (or more, for a merged sketch): the buffer joins its level first. */
  private raiseBase(): void {
    this.flushBuffer();
    this.base = Math.floor(Math.log2(SAMPLER_RATE * this.expected()));
    while (this.levels.length < this.base + 2) this.levels.push([]);
    this.pick = this.random.int(2 ** this.base);
  }

  /** Sorts the buffer into its level. */
  private flushBuffer(): void {
    if (this.nb === 0) return;
    const sorted = this.buf.subarray(0, this.nb).sort();
    this.levels[this.base] = mergeSorted(this.levels[this.base], Array.from(sorted));
    this.nb = 0;
  }

  merge(other: Kll): void {
    const theirs = other.allLevels();
    while (this.levels.length < theirs.length) this.levels.push([]);
    for (let h = 0; h < theirs.length; h++) {
      if (h === this.base) for (const v of theirs[h]) this.push(v);
      else this.levels[h] = mergeSorted(this.levels[h], sortedCopy(theirs[h]));
    }
    this.n += other.n;
    this.items = this.size();
    this.compress();
  }

  private compress(): void {
    while (this.items >= this.totalCapacity()) {
      let h = 0;
      while (h < this.levels.length && this.levels[h].length + (h === this.base ? this.nb : 0) < this.capacity(h)) h++;
      if (h === this.levels.length) return;
      if (h + 1 === this.levels.length) this.levels.push([]);
      let level: ArrayLike<number> = this.levels[h];
      if (h === this.base && this.nb > 0) {
        // The buffer sorts in place; it joins the level's sorted items only when there are any.
        const sorted = this.buf.subarray(0, this.nb).sort();
        level = this.levels[h].length === 0 ? sorted : mergeSorted(this.levels[h], Array.from(sorted));
        this.nb = 0;
      }
      // Levels are always sorted: each receives sorted halves merged in (linear), so only the
      // buffer is ever sorted, instead of every level at every compaction.
      // An odd item stays behind so the weight kept equals the weight removed.
      const odd = level.length % 2 === 1;
      const end = odd ? level.length - 1 : level.length;
      const offset = this.random.bit();
      this.levels[h + 1] = mergeSorted(this.levels[h + 1], halve(level, offset, end));
      const left = level[end];
      this.levels[h] = [];
      // The buffer's odd item waits in the buffer, so the level's array stays empty.
      if (odd && h === this.base) this.buf[this.nb++] = left;
      else if (odd) this.levels[h] = [left];
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
