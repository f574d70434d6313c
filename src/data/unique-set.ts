import { hashA, hashB } from "./sketches/hash.js";

/** Distinct values a set holds before it stops growing: 8 Mi values take 128 MiB. */
export const UNIQUE_CAP = 8 * 1024 * 1024;

/**
 * The values of a column seen so far, as 64-bit hashes (two independent 32-bit hashes) in an
 * open-addressing table, for `unique: true`: exact where a sketch can only estimate. Two distinct
 * values collide with probability about n²/2⁶⁵ (under 10⁻⁵ at the cap). Past `cap` values it keeps
 * answering for those it holds but adds no more, so memory stays bounded; `full` says so.
 */
export class UniqueSet {
  private keys = new Int32Array(2 * 1024);
  private mask = 1023;
  private size = 0;
  full = false;

  constructor(private readonly cap = UNIQUE_CAP) {}

  /** Adds the value; true when it was there already. */
  add(value: string): boolean {
    const a = hashA(value) | 1; // never 0, which marks an empty slot
    const b = hashB(value);
    const keys = this.keys;
    let i = a & this.mask;
    while (true) {
      const k = keys[2 * i];
      if (k === 0) break;
      if (k === a && keys[2 * i + 1] === b) return true;
      i = (i + 1) & this.mask;
    }
    if (this.size >= this.cap) {
      this.full = true;
      return false;
    }
    keys[2 * i] = a;
    keys[2 * i + 1] = b;
    if (++this.size * 2 > this.mask + 1) this.grow();
    return false;
  }

  private grow(): void {
    const old = this.keys;
    const slots = 2 * (this.mask + 1);
    this.keys = new Int32Array(2 * slots);
    this.mask = slots - 1;
    for (let j = 0; j < old.length; j += 2) {
      const a = old[j];
      if (a === 0) continue;
      let i = a & this.mask;
      while (this.keys[2 * i] !== 0) i = (i + 1) & this.mask;
      this.keys[2 * i] = a;
      this.keys[2 * i + 1] = old[j + 1];
    }
  }
}
