import { describe, expect, it } from "vitest";
import { mergeProfiles, ProfileBuilder, type ProfileJson } from "../../src/data/profile.js";
import { HyperLogLog } from "../../src/data/sketches/hll.js";
import { Kll } from "../../src/data/sketches/kll.js";
import { Random } from "../../src/data/sketches/random.js";
import { Reservoir } from "../../src/data/sketches/reservoir.js";

const CITIES = ["Oslo", "Bergen", "Tromsø", "Bodø", "Ålesund"];

/** Rows of a mixed table: a normal, a skewed integer, a category, free text, some nulls. */
function rows(n: number, seed: number): string[][] {
  const r = new Random(seed);
  return Array.from({ length: n }, (_, i) => [
    r.next() < 0.03 ? "" : (50 + 10 * r.normal()).toFixed(3),
    String(Math.floor(Math.exp(r.next() * 8))),
    CITIES[Math.floor(r.next() ** 2 * CITIES.length)],
    `note ${i} about ${r.int(1000)} things`,
  ]);
}

function profileOf(data: string[][], firstLine = 2): ProfileJson {
  const b = new ProfileBuilder(["x", "k", "city", "note"]);
  for (const [i, row] of data.entries()) b.addRow(row, firstLine + i);
  return b.toJSON();
}

function rankError(kllState: ProfileJson["columns"][number]["numeric"], sortedValues: number[]): number {
  const kll = Kll.from(kllState?.kll as NonNullable<typeof kllState>["kll"]);
  let worst = 0;
  for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
    const v = kll.quantiles([q])[0];
    // The true rank range of v in the data.
    let lo = 0;
    while (lo < sortedValues.length && sortedValues[lo] < v) lo++;
    let hi = lo;
    while (hi < sortedValues.length && sortedValues[hi] === v) hi++;
    const target = q * sortedValues.length;
    const err = target < lo ? lo - target : target > hi ? target - hi : 0;
    worst = Math.max(worst, err / sortedValues.length);
  }
  return worst;
}

describe("mergeable profile", () => {
  it("shards merged in any order equal the whole within the sketches' error bounds", () => {
    const data = rows(60_000, 1);
    const whole = profileOf(data);
    for (const seed of [1, 2, 3]) {
      const r = new Random(seed);
      // Random shard sizes, merged in a shuffled order.
      const cuts = [0, ...Array.from({ length: 4 }, () => r.int(data.length)).sort((a, b) => a - b), data.length];
      const shards = cuts.slice(1).map((end, i) => profileOf(data.slice(cuts[i], end), 2 + cuts[i]));
      for (let i = shards.length - 1; i > 0; i--) {
        const j = r.int(i + 1);
        [shards[i], shards[j]] = [shards[j], shards[i]];
      }
      const merged = mergeProfiles(shards);
      expect(merged.rows).toBe(whole.rows);
      for (let c = 0; c < whole.columns.length; c++) {
        const a = merged.columns[c];
        const b = whole.columns[c];
        expect(a.name).toBe(b.name);
        expect(a.count).toBe(b.count);
        expect(a.nulls).toBe(b.nulls);
        expect(a.kinds).toEqual(b.kinds);
        expect(a.type).toBe(b.type);
        expect(a.firstLines).toEqual(b.firstLines);
        expect(a.lengths.min).toBe(b.lengths.min);
        expect(a.lengths.max).toBe(b.lengths.max);
        expect(a.lengths.mean).toBeCloseTo(b.lengths.mean, 9);
        // HyperLogLog merges losslessly: the same registers, the same estimate.
        expect(a.distinct).toEqual(b.distinct);
        if (b.numeric && a.numeric) {
          expect(a.numeric.min).toBe(b.numeric.min);
          expect(a.numeric.max).toBe(b.numeric.max);
          expect(a.numeric.mean).toBeCloseTo(b.numeric.mean, 9);
          expect(a.numeric.std / b.numeric.std).toBeCloseTo(1, 9);
          const values = data
            .map((row) => row[c])
            .filter((v) => v !== "")
            .map(Number)
            .sort((x, y) => x - y);
          expect(rankError(a.numeric, values)).toBeLessThan(0.02);
          expect(rankError(b.numeric, values)).toBeLessThan(0.02);
          expect(a.numeric.sample.values).toHaveLength(b.numeric.sample.values.length);
        }
        // Few categories: counted exactly, so merged counts are identical.
        if (b.top.error === 0) expect(a.top.items).toEqual(b.top.items);
      }
    }
  });

  it("round-trips through JSON and merges after it", () => {
    const data = rows(5_000, 9);
    const a = JSON.parse(JSON.stringify(profileOf(data.slice(0, 2_000)))) as ProfileJson;
    const b = JSON.parse(JSON.stringify(profileOf(data.slice(2_000), 2_002))) as ProfileJson;
    const merged = mergeProfiles([a, b]);
    const whole = profileOf(data);
    expect(merged.columns[0].numeric?.mean).toBeCloseTo(whole.columns[0].numeric?.mean as number, 9);
    expect(merged.columns[2].top.items).toEqual(whole.columns[2].top.items);
  });

  it("infers types and counts violations", () => {
    const b = new ProfileBuilder(["n"]);
    const values = Array.from({ length: 100 }, (_, i) => String(i));
    values[40] = "n/a?";
    for (const [i, v] of values.entries()) b.addRow([v], i + 2);
    const col = b.toJSON().columns[0];
    expect(col.type).toBe("integer");
    expect(col.violations).toBe(1);
    expect(col.firstLines.string).toBe(42);
  });
});

describe("sketches", () => {
  it("HyperLogLog counts distinct values within 5 %", () => {
    for (const n of [100, 10_000, 300_000]) {
      const h = new HyperLogLog();
      for (let i = 0; i < n; i++) h.add(`value-${i}`);
      for (let i = 0; i < n; i++) h.add(`value-${i}`);
      expect(Math.abs(h.estimate() - n) / n).toBeLessThan(0.05);
    }
  });

  it("KLL keeps its rank error under 1 % on a million values with bounded size", () => {
    const kll = new Kll();
    const r = new Random(3);
    const values: number[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      const v = r.normal();
      values.push(v);
      kll.add(v);
    }
    values.sort((a, b) => a - b);
    const state = kll.toJSON();
    const items = state.levels.reduce((n, l) => n + l.length, 0);
    expect(items).toBeLessThan(2_000);
    for (const q of [0.001, 0.05, 0.5, 0.95, 0.999]) {
      const v = kll.quantiles([q])[0];
      let rank = 0;
      while (rank < values.length && values[rank] <= v) rank++;
      expect(Math.abs(rank / values.length - q)).toBeLessThan(0.01);
    }
  });

  it("a reservoir stays uniform through merges", () => {
    const a = new Reservoir(1000, 1);
    const b = new Reservoir(1000, 2);
    for (let i = 0; i < 30_000; i++) a.add(0);
    for (let i = 0; i < 10_000; i++) b.add(1);
    a.merge(b);
    const ones = a.values.filter((v) => v === 1).length;
    expect(a.values).toHaveLength(1000);
    expect(a.seen).toBe(40_000);
    // Expected 250 ones; a hypergeometric draw of 1000 stays well within ±60.
    expect(Math.abs(ones - 250)).toBeLessThan(60);
  });
});

describe("reading a value", () => {
  it("classifies nulls, numbers, booleans, dates and text, reading the number once", async () => {
    const { classify, parsed, Kind } = await import("../../src/data/values.js");
    const cases: [string, number, number?][] = [
      ["", Kind.Null],
      ["NA", Kind.Null],
      ["None", Kind.Null],
      ["#N/A", Kind.Null],
      ["Nora", Kind.String],
      ["12", Kind.Integer, 12],
      ["-7", Kind.Integer, -7],
      ["007", Kind.Integer, 7],
      ["3.5", Kind.Number, 3.5],
      ["-2.5E-3", Kind.Number, -0.0025],
      ["1234567890123456789", Kind.Integer, Number("1234567890123456789")],
      ["12a", Kind.String],
      ["1e", Kind.String],
      ["1.2.3", Kind.String],
      ["-", Kind.String],
      ["2026-01-02", Kind.Date],
      ["2026-01-02T10:00:00Z", Kind.Date],
      ["true", Kind.Boolean],
      ["FALSE", Kind.Boolean],
    ];
    for (const [s, kind, value] of cases) {
      expect([s, classify(s)]).toEqual([s, kind]);
      if (value !== undefined) expect(parsed.value).toBe(value);
    }
  });
});

describe("the byte path reads values as the string path does", () => {
  it("classifies and parses the same, numbers equal to Number()'s", async () => {
    const { classify, classifyBytes, parsed } = await import("../../src/data/values.js");
    const r = new Random(17);
    const samples = [
      "",
      "NA",
      "nan",
      "None",
      "N",
      "12",
      "-0",
      "+7",
      "1e5",
      "1E-7",
      "2.",
      ".25",
      "1.2.3",
      "1e",
      "12345678901234567",
      "0x1F",
      "2026-03-04",
      "2026-03-04 10:11",
      "true",
      "False",
      "text",
      "-",
      "9".repeat(400),
    ];
    for (let i = 0; i < 3000; i++) {
      const digits = 1 + r.int(19);
      let s = r.bit() ? "-" : "";
      for (let d = 0; d < digits; d++) s += String(r.int(10));
      if (r.bit()) s = `${s.slice(0, 1 + r.int(s.length))}.${s.slice(1)}`;
      if (r.next() < 0.3) s += `e${r.bit() ? "-" : ""}${r.int(40)}`;
      samples.push(s);
    }
    for (const s of samples) {
      const a = classify(s);
      const va = parsed.value;
      const b = classifyBytes(Buffer.from(s, "latin1"), 0, s.length);
      expect([s, b]).toEqual([s, a]);
      if (a === 1 || a === 2) {
        expect([s, parsed.value]).toEqual([s, va]);
        expect([s, parsed.value]).toEqual([s, Number(s)]);
      }
    }
  });

  it("a CSV read as bytes profiles like the same rows given as strings", async () => {
    const { CsvParser } = await import("../../src/data/csv.js");
    const data = rows(20_000, 5);
    const text =
      `x,k,city,note\n${data.map((row) => row.map((f) => (f.includes(",") ? `"${f}"` : f)).join(",")).join("\n")}\n`.replace(
        /Tromsø|Ålesund/g,
        "Molde",
      );
    const fromStrings = new ProfileBuilder(["x", "k", "city", "note"]);
    const fromBytes = new ProfileBuilder(["x", "k", "city", "note"]);
    const parser = (sinkBytes: boolean) => {
      const p = new CsvParser("t.csv", 44, () => {});
      let header = true;
      const target = sinkBytes ? fromBytes : fromStrings;
      const sink = {
        row: (f: string[], line: number) => {
          if (header) header = false;
          else target.addRow(f, line);
        },
        ...(sinkBytes
          ? {
              rowBytes: (b: Buffer, s: Int32Array, e: Int32Array, esc: string[], _n: number, line: number) => {
                if (header) header = false;
                else target.addRowBytes(b, s, e, esc, line);
              },
            }
          : {}),
      };
      const bytes = Buffer.from(text);
      for (let i = 0; i < bytes.length; i += 65536) p.feed(bytes.subarray(i, i + 65536), false, sink);
      p.feed(Buffer.alloc(0), true, sink);
    };
    parser(false);
    parser(true);
    const a = fromStrings.toJSON();
    const b = fromBytes.toJSON();
    expect(b.rows).toBe(20_000);
    expect(b.columns).toEqual(a.columns);
  });
});
