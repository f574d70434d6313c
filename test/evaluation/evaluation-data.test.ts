import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dataFiles } from "../../src/data/read.js";
import { statLocalFile } from "../../src/data/source.js";
import { type Cell, type RowBatch, readRowBatches } from "../../src/evaluation/evaluation-data.js";
import { tempDir } from "../helpers.js";

const PEOPLE = join(import.meta.dirname, "..", "fixtures", "data", "parquet");

async function read(path: string, batchSize = 1000): Promise<RowBatch[]> {
  const files = await Promise.all((await dataFiles(path, "evaluationData")).map(statLocalFile));
  const out: RowBatch[] = [];
  for await (const b of readRowBatches(files, { batchSize, input: "evaluationData" })) out.push(b);
  return out;
}

const allRows = (batches: RowBatch[]): Cell[][] => batches.flatMap((b) => b.rows);

describe("evaluation rows: the same values from CSV, gzip, JSON Lines and Parquet, in batches", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-rows-"));
  });
  afterEach(() => cleanup());

  it("CSV fields become the JSON values a request carries; Parquet and JSON Lines give the same rows", async () => {
    const csv = await read(join(PEOPLE, "people.csv"));
    const rows = allRows(csv);
    expect(csv[0].columns).toEqual(["id", "age", "income", "region", "member", "joined", "big", "note"]);
    expect(rows).toHaveLength(300);
    // Integers past 2^53 arrive as the nearest double, as any JSON number does in a request.
    expect(rows[0]).toEqual([1, 53, 2538.86, "west", false, "2020-11-19", 2 ** 53, null]);
    for (const file of ["people.parquet", "people.gzip.parquet", "people.zstd.parquet", "people.plain.parquet"]) {
      expect(allRows(await read(join(PEOPLE, file)))).toEqual(rows);
    }
    const jsonl = join(dir, "people.jsonl");
    const columns = csv[0].columns;
    await writeFile(
      jsonl,
      rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, r[i]])))).join("\n"),
    );
    expect(allRows(await read(jsonl))).toEqual(rows);
    const gz = join(dir, "people.csv.gz");
    await writeFile(gz, gzipSync(await readFile(join(PEOPLE, "people.csv"))));
    expect(allRows(await read(gz))).toEqual(rows);
  });

  it("batches hold at most batchSize rows, across the files of a folder, numbered over all of them", async () => {
    const folder = join(dir, "parts");
    await mkdir(folder);
    await writeFile(join(folder, "a.csv"), "x,y\n1,2\n3,4\n5,6\n7,8\n9,10\n");
    // The second file has the columns in another order: matched by name.
    await writeFile(join(folder, "b.csv"), "y,x\n12,11\n14,13\n16,15\n");
    const batches = await read(folder, 2);
    expect(batches.map((b) => b.rows.length)).toEqual([2, 2, 1, 2, 1]);
    expect(batches.map((b) => b.firstRow)).toEqual([1, 3, 5, 6, 8]);
    expect(allRows(batches)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
      [11, 12],
      [13, 14],
      [15, 16],
    ]);
  });

  it("a file without one of the first file's columns, and a ragged row, are errors naming the file", async () => {
    const folder = join(dir, "bad");
    await mkdir(folder);
    await writeFile(join(folder, "a.csv"), "x,y\n1,2\n");
    await writeFile(join(folder, "b.csv"), "x,z\n1,2\n");
    await expect(read(folder)).rejects.toThrow("has no column 'y', which the first file of the evaluation data has");
    await writeFile(join(dir, "ragged.csv"), "x,y\n1,2\n3\n");
    await expect(read(join(dir, "ragged.csv"))).rejects.toMatchObject({
      message: "row has 1 field(s); the header has 2",
      location: { line: 3 },
    });
  });
});
