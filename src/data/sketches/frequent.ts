import { hash2, hashChars } from "./hll.js";

export interface FrequentState {
  /** Counters kept before pruning. */
  k: number;
  /** Total values counted. */
  n: number;
  /** Upper bound on how much any count below is under its true count (0 = exact). */
  error: number;
  /** 1 while every value is counted; 8 once the column proved high-cardinality (see add()). */
  stride?: number;
  items: [string, number][];
}

/**
 * Frequent values: exact counts while a column has at most `k` distinct values (so chi-square and
 * Jensen–Shannon on categorical columns see every category), then Misra–Gries pruning, which keeps
 * every value more frequent than n/k with counts low by at most `error`. Mergeable (Agarwal et al.
 * 2012): add the counters, then prune. Counts of a sampled column (stride 8) are estimates.
 * Counters are keyed by two 32-bit hashes so the CSV reader can count a value without making a string
 * of it; the string is made once, when a value is first seen.
 */
interface Entry {
  /** The first hash (kept so pruning need not hash the value again). */
  a: number;
  /** The second hash, told apart from another value with the same first hash. */
  b: number;
  name: string;
  count: number;
}

export class Frequent {
  readonly k: number;
  n = 0;
  error = 0;
  /**
   * Counters by a 31-bit key (a small integer, which V8 stores without allocating); a second
   * 32-bit hash in the entry tells colliding values apart, probing to the next key.
   */
  entries = new Map<number, Entry>();
  stride = 1;
  private skipped = 0;

  constructor(k = 1000) {
    this.k = k;
  }

  static from(state: FrequentState): Frequent {
    const f = new Frequent(state.k);
    f.n = state.n;
    f.error = state.error;
    f.stride = state.stride ?? 1;
    for (const [v, c] of state.items) {
      hashChars(v);
      f.insert(hash2.a, hash2.b, v, c);
    }
    return f;
  }

  toJSON(): FrequentState {
    this.prune(this.k);
    const items: [string, number][] = [...this.entries.values()].map((e) => [e.name, e.count]);
    items.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { k: this.k, n: this.n, error: this.error, stride: this.stride, items };
  }

  get exact(): boolean {
    return this.error === 0;
  }

  /** Adds `count` to the value with hashes (a, b); `name` is its text, or the bytes it is in. */
  private insert(a: number, b: number, name: string | Buffer, count: number, start = 0, end = 0): void {
    let key = a >>> 1;
    while (true) {
      const e = this.entries.get(key);
      if (e === undefined) {
        this.entries.set(key, {
          a,
          b,
          name: typeof name === "string" ? name : name.toString("latin1", start, end),
          count,
        });
        // Prune at 8k so each sort is amortized over 7k inserts (a Map of 8k entries is small).
        if (this.entries.size > 8 * this.k) this.prune(this.k);
        return;
      }
      if (e.b === b) {
        e.count += count;
        return;
      }
      key = (key + 1) & 0x7fffffff;
    }
  }

  /**
   * Counts the value just hashed into hash2: `name` is its text, or the bytes it is in (sliced,
   * as Latin-1 = ASCII, only when the value is new).
   * A column with more than 8k distinct values is not categorical; its frequent values only
   * matter when one dominates. Counting every 8th value (weight 8) finds those at an eighth of
   * the cost of a Map update per value, the most expensive step of profiling such a column.
   */
  addHashed(name: string | Buffer, count = 1, start = 0, end = 0): void {
    this.n += count;
    if (this.stride > 1) {
      if (++this.skipped < this.stride) return;
      this.skipped = 0;
      count *= this.stride;
    }
    this.insert(hash2.a, hash2.b, name, count, start, end);
  }

  add(value: string, count = 1): void {
    hashChars(value);
    this.addHashed(value, count);
  }

  merge(other: Frequent): void {
    this.stride = Math.max(this.stride, other.stride);
    for (const e of other.entries.values()) this.insert(e.a, e.b, e.name, e.count);
    this.n += other.n;
    this.error += other.error;
    this.prune(this.k);
  }

  /** Keeps at most `k` counters: subtracts the (k+1)-th largest count from all (Misra–Gries). */
  private prune(k: number): void {
    if (this.entries.size <= k) return;
    const all = [...this.entries.values()];
    const counts = new Float64Array(all.length);
    for (let i = 0; i < all.length; i++) counts[i] = all[i].count;
    counts.sort();
    // The (k+1)-th largest count.
    const cut = counts[counts.length - 1 - k];
    // Rebuilt rather than deleted from, so no probe chain is broken.
    this.entries = new Map();
    for (const e of all) {
      if (e.count <= cut) continue;
      this.insert(e.a, e.b, e.name, e.count - cut);
    }
    this.error += cut;
    if (this.stride === 1 && this.error > 0) this.stride = 8;
  }

  /** The most frequent values, highest first. */
  top(limit: number): [string, number][] {
    return this.toJSON().items.slice(0, limit);
  }
}
