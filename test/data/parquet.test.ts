import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColumnJson, ProfileJson } from "../../src/data/profile.js";
import { profileData } from "../../src/data/profile-data.js";
import { parseRules } from "../../src/data/rules.js";
import type { DataFile } from "../../src/data/source.js";
import { UserError } from "../../src/errors.js";
import { tempDir } from "../helpers.js";

// Made by test/fixtures/data/parquet/make_parquet.mjs (hyparquet-writer), with the same data as CSV.
const fixtures = join(import.meta.dirname, "../fixtures/data/parquet");

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-parquet-"));
});
afterAll(() => cleanup());

/**
 * The profile without what legitimately differs between two files of the same data: names, time,
 * and positions (a CSV's data starts on line 2, a Parquet file's on row 1).
 */
function comparable(p: ProfileJson, header = 0): unknown {
  const { createdAt: _c, source: _s, ...rest } = structuredClone(p);
  for (const c of rest.columns) {
    for (const k of Object.keys(c.firstLines) as (keyof typeof c.firstLines)[])
      c.firstLines[k] = (c.firstLines[k] as number) - header;
  }
  return rest;
}

async function userError(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("expected a UserError");
}

describe("Parquet", () => {
  it("profiles a snappy Parquet file exactly as the same data in CSV", async () => {
    const csv = await profileData(join(fixtures, "people.csv"), { badRows: "error" });
    const pq = await profileData(join(fixtures, "people.parquet"), { badRows: "error" });
    expect(pq.rows).toBe(300);
    const col = (name: string) => pq.columns.find((c) => c.name === name) as ColumnJson;
    expect(pq.columns.map((c) => [c.name, c.type])).toEqual([
      ["id", "integer"],
      ["age", "integer"],
      ["income", "number"],
      ["region", "string"],
      ["member", "boolean"],
      ["joined", "date"],
      ["big", "integer"],
      ["note", "string"],
    ]);
    expect(col("age").nulls).toBeGreaterThan(0);
    expect(col("note").nulls).toBeGreaterThan(0);
    expect(col("joined").dates?.min).toMatch(/^2020-01-\d\d$/);
    expect(comparable(pq)).toEqual(comparable(csv, 1));
  });

  it("reads gzip, zstd and uncompressed files (one or several row groups) to the same profile", async () => {
    const snappy = comparable(await profileData(join(fixtures, "people.parquet"), { badRows: "error" }));
    for (const f of ["people.gzip.parquet", "people.zstd.parquet", "people.plain.parquet"]) {
      expect(comparable(await profileData(join(fixtures, f), { badRows: "error" })), f).toEqual(snappy);
    }
  });

  it("checks rules on every value, naming the row", async () => {
    const rules = parseRules("columns:\n  age: { max: 80 }\n", "rules.yml");
    const p = await profileData(join(fixtures, "people.parquet"), { badRows: "error", rules });
    const hit = p.columns.find((c) => c.name === "age")?.rules?.max;
    expect(hit?.count).toBeGreaterThan(0);
    const csvLines = (await readFile(join(fixtures, "people.csv"), "utf8")).split("\n");
    // Row N of the Parquet file is line N + 1 of the CSV (after its header).
    expect(csvLines[hit?.line as number].split(",")[1]).toBe(hit?.example);
  });

  it("finds Parquet in a folder beside CSV, and by its magic bytes without the extension", async () => {
    const bytes = await readFile(join(fixtures, "people.parquet"));
    await writeFile(join(dir, "nameless"), bytes);
    const p = await profileData(join(dir, "nameless"), { badRows: "error" });
    expect(p.rows).toBe(300);
  });

  it("reads through any range-streaming source (as a blob in storage is read)", async () => {
    const bytes = await readFile(join(fixtures, "people.parquet"));
    const ranges: [number, number | undefined][] = [];
    const source: DataFile = {
      path: "people.parquet",
      size: bytes.length,
      open(start = 0, end?: number) {
        ranges.push([start, end]);
        return Readable.from([bytes.subarray(start, end)]);
      },
    };
    const p = await profileData([source], { badRows: "error" });
    expect(p.rows).toBe(300);
    // The footer, then one ranged read per column chunk (8 columns, 3 row groups).
    expect(ranges.some(([, e]) => e === bytes.length)).toBe(true);
    expect(ranges.length).toBeGreaterThanOrEqual(24);
  });

  it("a damaged or truncated file: a clear error naming the file", async () => {
    const bytes = await readFile(join(fixtures, "people.parquet"));
    const cut = join(dir, "cut.parquet");
    await writeFile(cut, bytes.subarray(0, bytes.length - 100));
    const e = await userError(profileData(cut, { badRows: "error" }));
    expect(e.location.file).toBe(cut);
    expect(e.message).toMatch(/not a Parquet file/);
    expect(e.fix).toMatch(/PAR1/);
    const text = join(dir, "text.parquet");
    await writeFile(text, "a,b\n1,2\n");
    expect((await userError(profileData(text, { badRows: "error" }))).message).toMatch(/not a Parquet file/);
  });
});
