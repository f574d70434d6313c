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

/**
 * Two 32-bit hashes of one value, computed in one pass: `a` (MurmurHash3's mixing) feeds
 * HyperLogLog; `b` (FNV-1a) tells apart values whose `a` collides in the frequent-value counters. A string hashes its
 * UTF-16 code units and a byte range its bytes: the same for ASCII, so both readers agree.
 */
export const hash2 = { a: 0, b: 0 };

function finish(h1: number, h2: number, len: number): void {
  h1 ^= len;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 ^= len;
  h2 ^= h2 >>> 15;
  h2 = Math.imul(h2, 0x2c1b3c6d);
  h2 ^= h2 >>> 12;
  h2 = Math.imul(h2, 0x297a2d39);
  h2 ^= h2 >>> 15;
  hash2.a = h1 >>> 0;
  hash2.b = h2 >>> 0;
}

// MurmurHash3 (x86, 32-bit) over 4-unit blocks, run twice with different seeds. Units are bytes,
// or UTF-16 code units for strings: identical for ASCII, which is all the byte path sees.
const SEED_A = 0x811c9dc5;
const SEED_B = 0x9747b28c;

function mixK(k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}

function mixH(h: number, k: number): number {
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

export function hashChars(s: string): void {
  const len = s.length;
  let h1 = SEED_A;
  let h2 = SEED_B;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const k = mixK(
      s.charCodeAt(i) | (s.charCodeAt(i + 1) << 8) | (s.charCodeAt(i + 2) << 16) | (s.charCodeAt(i + 3) << 24),
    );
    h1 = mixH(h1, k);
    h2 = mixH(h2, k ^ 0x5bd1e995);
  }
  let t = 0;
  for (let shift = 0; i < len; i++, shift += 8) t |= s.charCodeAt(i) << shift;
  if (t !== 0 || len % 4 !== 0) {
    const k = mixK(t);
    h1 ^= k;
    h2 ^= k ^ 0x5bd1e995;
  }
  finish(h1, h2, len);
}

export function hashBytes(buf: Uint8Array, start: number, end: number): void {
  const len = end - start;
  let h1 = SEED_A;
  let h2 = SEED_B;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const k = mixK(buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24));
    h1 = mixH(h1, k);
    h2 = mixH(h2, k ^ 0x5bd1e995);
  }
  let t = 0;
  for (let shift = 0; i < end; i++, shift += 8) t |= buf[i] << shift;
  if (t !== 0 || len % 4 !== 0) {
    const k = mixK(t);
    h1 ^= k;
    h2 ^= k ^ 0x5bd1e995;
  }
  finish(h1, h2, len);
}

/** The 32-bit hash HyperLogLog uses. */
export function hashString(s: string): number {
  hashChars(s);
  return hash2.a;
}
