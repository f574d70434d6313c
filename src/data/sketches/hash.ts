/**
 * Hashes of values for the distinct-count and frequent-value sketches.
 *
 * Two independent 32-bit hashes of a value (MurmurHash3 x86_32 with two seeds): `hashA` feeds
 * HyperLogLog and is computed for every value; `hashB` is computed only when the frequent-value
 * counters look a value up, to tell apart values whose `hashA` collides. A string hashes its
 * UTF-16 code units and a byte range its bytes: the same for ASCII, so both readers agree.
 * Hashes are signed 32-bit integers.
 */
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

function finish(h: number, len: number): number {
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // A signed 32-bit integer stays a small integer in V8; an unsigned one above 2^31 would be
  // boxed as a heap number on every return, a garbage allocation per value hashed.
  return h | 0;
}

function murmurChars(s: string, seed: number): number {
  const len = s.length;
  let h = seed;
  let i = 0;
  for (; i + 4 <= len; i += 4)
    h = mixH(
      h,
      mixK(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 8) | (s.charCodeAt(i + 2) << 16) | (s.charCodeAt(i + 3) << 24)),
    );
  let t = 0;
  for (let shift = 0; i < len; i++, shift += 8) t |= s.charCodeAt(i) << shift;
  if (len % 4 !== 0) h ^= mixK(t);
  return finish(h, len);
}

function murmurBytes(buf: Uint8Array, start: number, end: number, seed: number): number {
  let h = seed;
  let i = start;
  for (; i + 4 <= end; i += 4) h = mixH(h, mixK(buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24)));
  let t = 0;
  for (let shift = 0; i < end; i++, shift += 8) t |= buf[i] << shift;
  if ((end - start) % 4 !== 0) h ^= mixK(t);
  return finish(h, end - start);
}

/** The second hash of the value last hashed by hashBytesAB(). */
export const second = { b: 0 };

/** hashBytesA(), returned, and hashBytesB(), left in `second.b`, computed in one pass. */
export function hashBytesAB(buf: Uint8Array, start: number, end: number): number {
  let h1 = SEED_A;
  let h2 = SEED_B;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const k = mixK(buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24));
    h1 = mixH(h1, k);
    h2 = mixH(h2, k);
  }
  let t = 0;
  for (let shift = 0; i < end; i++, shift += 8) t |= buf[i] << shift;
  if ((end - start) % 4 !== 0) {
    const k = mixK(t);
    h1 ^= k;
    h2 ^= k;
  }
  second.b = finish(h2, end - start);
  return finish(h1, end - start);
}

export const hashA = (s: string): number => murmurChars(s, SEED_A);
export const hashB = (s: string): number => murmurChars(s, SEED_B);
export const hashBytesA = (buf: Uint8Array, start: number, end: number): number => murmurBytes(buf, start, end, SEED_A);
export const hashBytesB = (buf: Uint8Array, start: number, end: number): number => murmurBytes(buf, start, end, SEED_B);

/** The 32-bit hash HyperLogLog uses. */
export const hashString = hashA;

/** Words in the value last hashed by hashTextBytes(). */
export const text = { words: 0 };

/**
 * hashBytesA() of ASCII free text that also counts its words (runs of bytes above space) in the
 * same pass: each 4-byte block's non-space bytes are found at once (adding 0x5F sets bit 7 of
 * every byte above 0x20, without carries since ASCII is below 0x80), so the text is read once.
 */
export function hashTextBytes(buf: Uint8Array, start: number, end: number): number {
  let h = SEED_A;
  let i = start;
  let words = 0;
  // Bit 7 set: the byte before the next block was a space (the value's start counts as one).
  let prevSpace = 0x80;
  for (; i + 4 <= end; i += 4) {
    const k = buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
    h = mixH(h, mixK(k));
    const nonSpace = (k + 0x5f5f5f5f) & 0x80808080;
    const space = ~nonSpace & 0x80808080;
    // A word starts at a non-space byte whose previous byte is a space.
    const starts = nonSpace & ((space << 8) | prevSpace);
    words += Math.imul((starts >>> 7) & 0x01010101, 0x01010101) >>> 24;
    prevSpace = space >>> 24;
  }
  let t = 0;
  for (let shift = 0; i < end; i++, shift += 8) {
    const c = buf[i];
    t |= c << shift;
    const space = c <= 32 ? 0x80 : 0;
    if (space === 0 && prevSpace !== 0) words++;
    prevSpace = space;
  }
  if ((end - start) % 4 !== 0) h ^= mixK(t);
  text.words = words;
  return finish(h, end - start);
}
