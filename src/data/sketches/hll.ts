import { hashString } from "./hash.js";

/**
 * HyperLogLog distinct counter (Flajolet et al. 2007, with the small-range correction): 2^p
 * one-byte registers (4 KiB at p = 12, standard error 1.04/√4096 ≈ 1.6 %); merging is the
 * register-wise maximum, so shards merge in any order. Small enough to write and serialize
 * (base64 registers) here rather than depend on an unmaintained package.
 */
export class HyperLogLog {
  readonly p: number;
  readonly registers: Uint8Array;

  constructor(p = 12, registers?: Uint8Array) {
    this.p = p;
    this.registers = registers ?? new Uint8Array(1 << p);
  }

  static from(state: { p: number; registers: string }): HyperLogLog {
    return new HyperLogLog(state.p, new Uint8Array(Buffer.from(state.registers, "base64")));
  }

  toJSON(): { p: number; registers: string } {
    return { p: this.p, registers: Buffer.from(this.registers).toString("base64") };
  }

  addHash(hash: number): void {
    const idx = hash >>> (32 - this.p);
    const rest = (hash << this.p) | (1 << (this.p - 1));
    const rank = Math.clz32(rest) + 1;
    if (rank > this.registers[idx]) this.registers[idx] = rank;
  }

  add(value: string): void {
    this.addHash(hashString(value));
  }

  merge(other: HyperLogLog): void {
    if (other.p !== this.p) throw new Error(`cannot merge HyperLogLog p=${other.p} into p=${this.p}`);
    for (let i = 0; i < this.registers.length; i++) {
      if (other.registers[i] > this.registers[i]) this.registers[i] = other.registers[i];
    }
  }

  estimate(): number {
    const m = this.registers.length;
    let sum = 0;
    let zeros = 0;
    for (const r of this.registers) {
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const alpha = 0.7213 / (1 + 1.079 / m);
    const raw = (alpha * m * m) / sum;
    if (raw <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros));
    // Large-range correction for a 32-bit hash.
    const two32 = 2 ** 32;
    if (raw > two32 / 30) return Math.round(-two32 * Math.log(1 - raw / two32));
    return Math.round(raw);
  }
}
