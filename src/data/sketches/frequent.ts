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
 * 2012): add the counters, then prune.
 */
export class Frequent {
  readonly k: number;
  n = 0;
  error = 0;
  counts = new Map<string, number>();
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
    for (const [v, c] of state.items) f.counts.set(v, c);
    return f;
  }

  toJSON(): FrequentState {
    this.prune(this.k);
    const items = [...this.counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { k: this.k, n: this.n, error: this.error, stride: this.stride, items };
  }

  get exact(): boolean {
    return this.error === 0;
  }

  add(value: string, count = 1): void {
    this.n += count;
    // A column with more than 8k distinct values is not categorical; its frequent values only
    // matter when one dominates. Counting every 8th value (weight 8) finds those at an eighth of
    // the cost of a Map update per value, the most expensive step of profiling such a column.
    if (this.stride > 1) {
      if (++this.skipped < this.stride) return;
      this.skipped = 0;
      count *= this.stride;
    }
    this.counts.set(value, (this.counts.get(value) ?? 0) + count);
    // Prune at 8k so each sort is amortized over 7k inserts (a Map of 8k entries is small).
    if (this.counts.size > 8 * this.k) this.prune(this.k);
  }

  merge(other: Frequent): void {
    this.stride = Math.max(this.stride, other.stride);
    for (const [v, c] of other.counts) this.counts.set(v, (this.counts.get(v) ?? 0) + c);
    this.n += other.n;
    this.error += other.error;
    this.prune(this.k);
  }

  /** Keeps at most `k` counters: subtracts the (k+1)-th largest count from all (Misra–Gries). */
  private prune(k: number): void {
    if (this.counts.size <= k) return;
    const sorted = [...this.counts.values()].sort((a, b) => b - a);
    const cut = sorted[k];
    const next = new Map<string, number>();
    for (const [v, c] of this.counts) if (c > cut) next.set(v, c - cut);
    this.counts = next;
    this.error += cut;
    if (this.stride === 1 && this.error > 0) this.stride = 8;
  }

  /** The most frequent values, highest first. */
  top(limit: number): [string, number][] {
    return this.toJSON().items.slice(0, limit);
  }
}
