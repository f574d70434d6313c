import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type DatasetEntry, selectDatasetFiles } from "../../src/data/dataset-files.js";
import { UserError } from "../../src/errors.js";

/** A dataset's files as a backend lists them, held in memory. */
function dataset(files: Record<string, string>): DatasetEntry[] {
  return Object.entries(files).map(([rel, text]) => ({
    rel,
    file: {
      path: `ds@1/${rel}`,
      size: Buffer.byteLength(text),
      open: (start = 0, end?: number) => Readable.from([Buffer.from(text).subarray(start, end)]),
    },
  }));
}

const names = async (files: Record<string, string>) =>
  (await selectDatasetFiles(dataset(files), "ds@1", "data")).map((f) => f.path);

describe("choosing the data files of a streamed dataset", () => {
  it("takes every data file of a folder in path order, skipping other and hidden files", async () => {
    expect(
      await names({
        "b.csv": "x\n1\n",
        "README.md": "hi",
        "a/z.parquet": "PAR1",
        ".cache/x.csv": "x\n1\n",
        "a/y.jsonl.gz": "",
      }),
    ).toEqual(["ds@1/a/y.jsonl.gz", "ds@1/a/z.parquet", "ds@1/b.csv"]);
  });

  it("follows an MLTable's file, folder and pattern paths", async () => {
    const files = {
      MLTable: "paths:\n  - file: ./top.csv\n  - folder: ./parts\n  - pattern: ./logs/**/*.jsonl\n",
      "top.csv": "x\n1\n",
      "other.csv": "x\n1\n",
      "parts/p1.csv": "x\n1\n",
      "parts/notes.md": "",
      "logs/2026/a.jsonl": "{}",
      "logs/b.csv": "x\n1\n",
    };
    expect(await names(files)).toEqual(["ds@1/top.csv", "ds@1/parts/p1.csv", "ds@1/logs/2026/a.jsonl"]);
  });

  it("a dataset without data files, or an MLTable without paths: a clear error", async () => {
    await expect(names({ "a.md": "", "b.txt.bak": "" })).rejects.toThrow(/holds no CSV, JSON Lines or Parquet files/);
    const e = await names({ MLTable: "type: mltable\n", "a.csv": "x\n1\n" }).catch((x) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).location.file).toBe("ds@1/MLTable");
  });

  it("a single-file dataset is read whatever its name", async () => {
    expect(await names({ "export.dat": "x\n1\n" })).toEqual(["ds@1/export.dat"]);
  });
});
