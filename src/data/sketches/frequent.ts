import { hashA, hashB, hashBytesB } from "./hash.js";
import type { HyperLogLog } from "./hll.js";
import { Random } from "./random.js";

export interface FrequentState {
  /** Counters kept before pruning. */
  k: number;
  /** Total values counted. */
  n: number;
  /** Upper bound on how much any count below is under its true count (0 = exact). */
  error: number;
  /** 1 while every value is counted; 64 once the column proved high-cardinality (see addBytes()). */
  stride?: number;
  items: [string, number][];
}

/**
 * Frequent values: exact counts while a column has at most `k` distinct values (so chi-square and
 * Jensen–Shannon on categorical columns see every category), then Misra–Gries pruning, which keeps
 * every value more frequent than n/k with counts low by at most `error`. Mergeable (Agarwal et al.
 * 2012): add the counters, then prune. Counts of a sampled column (stride 64: one value in 64 on
 * average, weighted 64) are estimates.
 * Counters are keyed by the value's hashes so the CSV reader can count a value without making a
 * string of it; the string is made once, when a value is first seen.
 *
 * While the counts are exact the table holds every distinct value, so the column's HyperLogLog
 * (`distinct`) need not see each occurrence: it is fed the table's hashes, once per value, when
 * exactness ends or on syncDistinct(). Low-cardinality columns then skip a register update per value.
 */
/** 2^20: a counter's key is its first hash times this plus the top 20 bits of its second, plus 1. */
const SHIFT = 1048576;
/** Slots a table starts with; it doubles while more than half full, up to 16k for k = 1000. */
const FIRST_SLOTS = 64;
/** Every how many values a high-cardinality column is counted (with that weight). */
const STRIDE = 64;
/** log(1 − 1/STRIDE): turns a uniform draw into a geometric gap between sampled values. */
const LOG_KEEP = Math.log(1 - 1 / STRIDE);

export class Frequent {
  readonly k: number;
  n = 0;
  error = 0;
  stride = 1;
  private skipped = 0;
  private readonly random = new Random(17);
  /**
   * Counters in an open-addressing table (linear probing from the first hash's low bits):
   * slot i holds its key at 2i (0 = empty) and its count at 2i + 1, so counting a value reads
   * one cache line, with no object to follow; a Map of entry objects took two dependent loads
   * per value, the most frequent memory access of profiling. The key (52 bits of the two hashes,
   * the whole first hash included) tells values apart; their text is in `names`.
   */
  private slots = new Float64Array(2 * FIRST_SLOTS);
  private names: string[] = new Array<string>(FIRST_SLOTS).fill("");
  private mask = FIRST_SLOTS - 1;
  private size = 0;

  constructor(
    k = 1000,
    private readonly distinct?: HyperLogLog,
  ) {
    this.k = k;
  }

  static from(state: FrequentState, distinct?: HyperLogLog): Frequent {
    const f = new Frequent(state.k, distinct);
    f.n = state.n;
    f.error = state.error;
    f.stride = state.stride ?? 1;
    for (const [v, c] of state.items) f.setName(f.bump(hashA(v), hashB(v), c), v);
    return f;
  }

  toJSON(): FrequentState {
    this.prune(this.k);
    const items: [string, number][] = [];
    // A sampled value seen once (count up to one stride) may well occur once: it is not reported,
    // so a count above the stride always means two sightings in different rows.
    const floor = this.stride > 1 ? this.stride : 0;
    for (let i = 0; i <= this.mask; i++)
      if (this.slots[2 * i] !== 0 && this.slots[2 * i + 1] > floor) items.push([this.names[i], this.slots[2 * i + 1]]);
    items.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { k: this.k, n: this.n, error: this.error, stride: this.stride, items };
  }

  get exact(): boolean {
    return this.error === 0;
  }

  /** Feeds the distinct-count sketch every value counted so far (needed only while exact). */
  syncDistinct(): void {
    const hll = this.distinct;
    if (hll === undefined || !this.exact) return;
    const s = this.slots;
    for (let i = 0; 2 * i < s.length; i++) if (s[2 * i] !== 0) hll.addHash(Math.floor((s[2 * i] - 1) / SHIFT));
  }

  /**
   * Adds `count` to the value with hashes (a, b). Returns the slot when the value is new (the
   * caller then names it with setName()), else -1.
   */
  private bump(a: number, b: number, count: number): number {
    const key = (a >>> 0) * SHIFT + (b >>> 12) + 1;
    const slots = this.slots;
    const mask = this.mask;
    let i = a & mask;
    while (true) {
      const k = slots[2 * i];
      if (k === key) {
        slots[2 * i + 1] += count;
        return -1;
      }
      if (k === 0) {
        slots[2 * i] = key;
        slots[2 * i + 1] = count;
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  /** Names a new counter, then grows or prunes the table. */
  private setName(slot: number, name: string): void {
    if (slot < 0) return;
    this.names[slot] = name;
    // Prune at 8k so each sort is amortized over 7k inserts.
    if (++this.size > 8 * this.k) this.prune(this.k);
    else if (2 * this.size > this.mask + 1) this.rebuild(2 * (this.mask + 1), 0);
  }

  /** Puts a counter known to be absent into the table. */
  private place(key: number, count: number, name: string): void {
    const mask = this.mask;
    let i = Math.floor((key - 1) / SHIFT) & mask;
    while (this.slots[2 * i] !== 0) i = (i + 1) & mask;
    this.slots[2 * i] = key;
    this.slots[2 * i + 1] = count;
    this.names[i] = name;
    this.size++;
  }

  /** Re-places every counter above `cut` (less `cut`) into a table of `slots` slots. */
  private rebuild(slots: number, cut: number): void {
    const old = this.slots;
    const oldNames = this.names;
    this.slots = new Float64Array(2 * slots);
    this.names = new Array<string>(slots).fill("");
    this.mask = slots - 1;
    this.size = 0;
    for (let i = 0; 2 * i < old.length; i++) {
      const count = old[2 * i + 1] - cut;
      if (old[2 * i] !== 0 && count > 0) this.place(old[2 * i], count, oldNames[i]);
    }
  }

  /**
   * A high-cardinality column is sampled: true when this value is skipped. A column with more
   * than 8k distinct values is not categorical; its frequent values only matter when one
   * dominates, and counting one value in 64 on average (weight 64) finds those at a fraction of
   * the cost. The gaps are random (geometric, seeded), not every 64th value, so data that repeats
   * with a period cannot alias with the sampling.
   */
  private skip(): boolean {
    if (this.stride === 1) return false;
    if (this.skipped > 0) {
      this.skipped--;
      return true;
    }
    this.skipped = Math.floor(Math.log(1 - this.random.next()) / LOG_KEEP);
    return false;
  }

  /** Counts the ASCII value in buf[start, end) whose first hash is `a` (sliced to a string only when new). */
  addBytes(a: number, buf: Buffer, start: number, end: number): void {
    this.n++;
    if (this.skip()) return;
    const slot = this.bump(a, hashBytesB(buf, start, end), this.stride);
    if (slot >= 0) this.setName(slot, buf.toString("latin1", start, end));
  }

  /** addBytes() when the caller has both hashes. */
  addBytesHashed(a: number, b: number, buf: Buffer, start: number, end: number): void {
    this.n++;
    if (this.skip()) return;
    const slot = this.bump(a, b, this.stride);
    if (slot >= 0) this.setName(slot, buf.toString("latin1", start, end));
  }

  /** Counts `value`, whose first hash is `a`. */
  addString(a: number, value: string, count = 1): void {
    this.n += count;
    if (this.skip()) return;
    this.setName(this.bump(a, hashB(value), count * this.stride), value);
  }

  add(value: string, count = 1): void {
    this.addString(hashA(value), value, count);
  }

  merge(other: Frequent): void {
    this.stride = Math.max(this.stride, other.stride);
    const o = other.slots;
    for (let i = 0; 2 * i < o.length; i++) {
      const key = o[2 * i];
      if (key === 0) continue;
      // Back to the two hashes: b's low 12 bits are not part of the key, so 0 stands in for them.
      const a = Math.floor((key - 1) / SHIFT);
      const b = ((key - 1 - a * SHIFT) * 4096) >>> 0;
      this.setName(this.bump(a, b, o[2 * i + 1]), other.names[i]);
    }
    this.n += other.n;
    this.error += other.error;
    this.prune(this.k);
  }

  /** Keeps at most `k` counters: subtracts the (k+1)-th largest count from all (Misra–Gries). */
  private prune(k: number): void {
    if (this.size <= k) return;
    // The table is about to lose values: the distinct sketch must have seen them first.
    this.syncDistinct();
    const counts = new Float64Array(this.size);
    let n = 0;
    for (let i = 0; 2 * i < this.slots.length; i++) if (this.slots[2 * i] !== 0) counts[n++] = this.slots[2 * i + 1];
    counts.sort();
    // The (k+1)-th largest count.
    const cut = counts[n - 1 - k];
    // Rebuilt rather than deleted from, so no probe chain is broken; in place, since the full
    // table is large enough to be allocated outside the young generation.
    const keys: number[] = [];
    const kept: number[] = [];
    const names: string[] = [];
    for (let i = 0; 2 * i < this.slots.length; i++) {
      const count = this.slots[2 * i + 1] - cut;
      if (this.slots[2 * i] === 0 || count <= 0) continue;
      keys.push(this.slots[2 * i]);
      kept.push(count);
      names.push(this.names[i]);
    }
    this.slots.fill(0);
    this.names.fill("");
    this.size = 0;
    for (let j = 0; j < keys.length; j++) this.place(keys[j], kept[j], names[j]);
    this.error += cut;
    if (this.stride === 1 && this.error > 0) this.stride = STRIDE;
  }

  /** The most frequent values, highest first. */
  top(limit: number): [string, number][] {
    return this.toJSON().items.slice(0, limit);
  }
}
