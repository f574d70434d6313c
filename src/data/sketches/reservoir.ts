import { Random } from "./random.js";

export interface ReservoirState {
  capacity: number;
  /** Values seen (the population the sample stands for). */
  seen: number;
  values: number[];
}

/**
 * A uniform random sample of bounded size (Algorithm L, Li 1994: one random draw per kept item,
 * not per item seen). The KS test needs raw values; with a reference of up to `capacity` rows
 * the sample is the whole column, so the test on a stored baseline profile is exact.
 */
export class Reservoir {
  readonly capacity: number;
  seen = 0;
  values: number[] = [];
  private readonly random: Random;
  private w = 0;
  private nextIndex = 0;

  constructor(capacity = 2000, seed = 7) {
    this.capacity = capacity;
    this.random = new Random(seed);
  }

  static from(state: ReservoirState, seed = 7): Reservoir {
    const r = new Reservoir(state.capacity, seed);
    r.seen = state.seen;
    r.values = state.values.slice();
    if (r.values.length >= r.capacity) r.startSkipping();
    return r;
  }

  toJSON(): ReservoirState {
    return { capacity: this.capacity, seen: this.seen, values: this.values.slice() };
  }

  private startSkipping(): void {
    this.w = Math.exp(Math.log(this.random.next() || 1e-12) / this.capacity);
    this.nextIndex = this.seen + Math.floor(Math.log(this.random.next() || 1e-12) / Math.log(1 - this.w)) + 1;
  }

  add(value: number): void {
    if (this.values.length < this.capacity) {
      this.values.push(value);
      this.seen++;
      if (this.values.length === this.capacity) this.startSkipping();
      return;
    }
    this.seen++;
    if (this.seen - 1 < this.nextIndex) return;
    this.values[this.random.int(this.capacity)] = value;
    this.w *= Math.exp(Math.log(this.random.next() || 1e-12) / this.capacity);
    this.nextIndex = this.seen + Math.floor(Math.log(this.random.next() || 1e-12) / Math.log(1 - this.w));
  }

  /** add() for the first `count` values of `values`: jumps from one kept value to the next. */
  addMany(values: Float64Array, count: number): void {
    let i = 0;
    while (i < count && this.values.length < this.capacity) this.add(values[i++]);
    while (i < count) {
      // seen + (nextIndex - seen) is the next value kept; everything before it is skipped.
      const skip = this.nextIndex - this.seen;
      if (skip >= count - i) {
        this.seen += count - i;
        return;
      }
      this.seen += skip;
      i += skip;
      this.add(values[i++]);
    }
  }

  /** Merges two uniform samples into one uniform sample of the union. */
  merge(other: Reservoir): void {
    const total = this.seen + other.seen;
    if (total <= this.capacity) {
      this.values.push(...other.values);
      this.seen = total;
      return;
    }
    const a = this.values.slice();
    const b = other.values.slice();
    const out: number[] = [];
    const target = Math.min(this.capacity, a.length + b.length);
    let na = this.seen;
    let nb = other.seen;
    // Draw without replacement, each side in proportion to the population it stands for.
    while (out.length < target && (a.length > 0 || b.length > 0)) {
      const pickA = b.length === 0 || (a.length > 0 && this.random.next() * (na + nb) < na);
      const src = pickA ? a : b;
      const i = this.random.int(src.length);
      out.push(src[i]);
      src[i] = src[src.length - 1];
      src.pop();
      if (pickA) na--;
      else nb--;
    }
    this.values = out;
    this.seen = total;
    if (this.values.length >= this.capacity) this.startSkipping();
  }
}
