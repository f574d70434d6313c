import { describe, expect, it } from "vitest";
import { ProfileBuilder } from "../../src/data/profile.js";
import {
  hashA,
  hashB,
  hashBytesA,
  hashBytesAB,
  hashBytesB,
  hashTextBytes,
  second,
  text,
} from "../../src/data/sketches/hash.js";
import { Kll } from "../../src/data/sketches/kll.js";
import { Random } from "../../src/data/sketches/random.js";

/** Largest distance between the sketch's rank of a value and its true rank, as a share of n. */
function worstRankError(kll: Kll, sorted: Float64Array): number {
  let worst = 0;
  for (let q = 0.01; q < 1; q += 0.01) {
    const v = kll.quantiles([q])[0];
    // Rank of v: the number of values at or below it.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    worst = Math.max(worst, Math.abs(lo / sorted.length - q));
  }
  return worst;
}

/** Words counted the obvious way: a character above space after a space or the start. */
function referenceWords(s: string): number {
  let words = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32 && (i === 0 || s.charCodeAt(i - 1) <= 32)) words++;
  return words;
}

function stream(kll: Kll, values: Float64Array): void {
  for (let i = 0; i < values.length; i += 1024) {
    const part = values.subarray(i, Math.min(i + 1024, values.length));
    kll.addMany(part, part.length);
  }
}

describe("hashes", () => {
  it("agree between strings, byte ranges and the one-pass variants, and count words", () => {
    const r = new Random(5);
    const alphabet = "ab cd\tEF-12.3,\x01xyz  ";
    for (let t = 0; t < 500; t++) {
      const s = Array.from({ length: r.int(60) }, () => alphabet[r.int(alphabet.length)]).join("");
      const buf = Buffer.from(`##${s}##`, "latin1");
      const start = 2;
      const end = 2 + s.length;
      const a = hashA(s);
      expect(hashBytesA(buf, start, end)).toBe(a);
      expect(hashTextBytes(buf, start, end)).toBe(a);
      // Words are runs of characters above space (control characters separate words too).
      expect(text.words).toBe(referenceWords(s));
      expect(hashBytesAB(buf, start, end)).toBe(a);
      expect(second.b).toBe(hashB(s));
      expect(hashBytesB(buf, start, end)).toBe(hashB(s));
    }
  });

  it("count free text through the CSV byte path as through strings", () => {
    const notes = ["two words", "  leading and trailing  ", "one", "tab\tseparated\tthree", "a b c d e f g h i j"];
    const byStrings = new ProfileBuilder(["note"]);
    const byBytes = new ProfileBuilder(["note"]);
    const buf = Buffer.from(notes.join("\n"), "latin1");
    let at = 0;
    notes.forEach((n, i) => {
      byStrings.addRow([n], i + 2);
      byBytes.addRowBytes(buf, Int32Array.of(at), Int32Array.of(at + n.length), [], i + 2);
      at += n.length + 1;
    });
    const s = byStrings.toJSON().columns[0];
    const b = byBytes.toJSON().columns[0];
    expect(b.text).toEqual(s.text);
    expect(s.text?.meanWords).toBeCloseTo((2 + 3 + 1 + 3 + 10) / 5, 10);
    expect(b.distinct.estimate).toBe(5);
    expect(b.top.items).toEqual(s.top.items);
  });
});

describe("KLL with its sampler", () => {
  it("keeps its rank error under 1 % on four million values, in bounded space", () => {
    const r = new Random(11);
    const values = Float64Array.from({ length: 4_000_000 }, () => Math.exp(r.normal()));
    const kll = new Kll();
    stream(kll, values);
    const items = kll.toJSON().levels.reduce((n, l) => n + l.length, 0);
    expect(kll.n).toBe(values.length);
    expect(items).toBeLessThan(3_000);
    // The sampled levels are in use: no item of the top of the stream has weight 1.
    expect(kll.toJSON().levels[0].length).toBeLessThan(2);
    expect(worstRankError(kll, values.slice().sort())).toBeLessThan(0.01);
  });

  it("merges a long sampled stream with a short unsampled one into the quantiles of the union", () => {
    const r = new Random(12);
    const long = Float64Array.from({ length: 2_000_000 }, () => r.normal());
    const short = Float64Array.from({ length: 300_000 }, () => 3 + r.normal());
    const a = new Kll();
    const b = new Kll(200, 2);
    stream(a, long);
    stream(b, short);
    const ab = Kll.from(a.toJSON());
    ab.merge(Kll.from(b.toJSON()));
    b.merge(a);
    const union = new Float64Array(long.length + short.length);
    union.set(long);
    union.set(short, long.length);
    union.sort();
    for (const merged of [ab, b]) {
      expect(merged.n).toBe(union.length);
      expect(worstRankError(merged, union)).toBeLessThan(0.01);
    }
  });

  it("samples from the start when told the final size, and stays within 1 % when told ten times too much", () => {
    const r = new Random(13);
    const values = Float64Array.from({ length: 1_000_000 }, () => r.normal() ** 3);
    const sorted = values.slice().sort();
    for (const scale of [1, 2, 10]) {
      const kll = new Kll();
      // As a reader would say after its first chunk: the data holds `scale` times what it has seen.
      for (let i = 0; i < values.length; i += 1024) {
        kll.scale = Math.max(1, (scale * values.length) / (i + 1024));
        const part = values.subarray(i, Math.min(i + 1024, values.length));
        kll.addMany(part, part.length);
      }
      expect(kll.n).toBe(values.length);
      expect(worstRankError(kll, sorted)).toBeLessThan(0.01);
    }
  });
});
