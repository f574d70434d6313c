import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProfileJson } from "../../src/data/profile.js";
import { profileData } from "../../src/data/profile-data.js";
import { checkRules, parseRules } from "../../src/data/rules.js";
import { Random } from "../../src/data/sketches/random.js";
import { UserError } from "../../src/errors.js";
import { tempDir } from "../helpers.js";

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-parallel-"));
});
afterAll(() => cleanup());

function table(rows: number, seed: number, quotedNewlines: boolean): string {
  const r = new Random(seed);
  const out = ["x,k,city,note"];
  for (let i = 0; i < rows; i++) {
    const note = quotedNewlines && i % 7 === 0 ? `"line one\nline ${i}"` : `"note ${i}, plain"`;
    out.push(`${(r.normal() * 3).toFixed(3)},${r.int(50)},${["Oslo", "Bergen", "Bodø"][r.int(3)]},${note}`);
  }
  return `${out.join("\n")}\n`;
}

/** The parts of a profile that must not depend on how the file was split. */
function exact(p: ProfileJson) {
  return p.columns.map((c) => ({
    name: c.name,
    count: c.count,
    nulls: c.nulls,
    kinds: c.kinds,
    firstLines: c.firstLines,
    rules: c.rules,
    distinct: c.distinct,
    min: c.numeric?.min,
    max: c.numeric?.max,
    mean: c.numeric?.mean.toFixed(9),
    top: c.top.error === 0 ? c.top.items : undefined,
  }));
}

describe("profiling one file on worker threads", () => {
  const rules = parseRules("columns:\n  k: { max: 47 }\n", "rules.yml");

  for (const quoted of [false, true]) {
    it(`gives the single-thread profile${quoted ? " when quoted line breaks may cross a cut" : ""}`, async () => {
      const path = join(dir, `t${quoted}.csv`);
      await writeFile(path, table(20_000, 5, quoted));
      const one = await profileData(path, { badRows: "error", threads: 1, rules });
      const two = await profileData(path, { badRows: "error", threads: 2, parallelMinBytes: 1, rules });
      expect(two.rows).toBe(20_000);
      expect(exact(two)).toEqual(exact(one));
      expect(two.columns[1].rules?.max.line).toBe(one.columns[1].rules?.max.line);
    });
  }

  it("profiles in bounded memory: each worker under a 24 MiB heap cap, whatever the file size", async () => {
    // Every value of `note` and `x` is distinct: the worst case for the frequent-value counters.
    const path = join(dir, "big.csv");
    const { createWriteStream } = await import("node:fs");
    const out = createWriteStream(path);
    const r = new Random(8);
    out.write("x,k,city,note\n");
    for (let block = 0; block < 60; block++) {
      const lines: string[] = [];
      for (let i = 0; i < 5000; i++)
        lines.push(
          `${r.normal().toFixed(9)},${r.int(1e9)},c${r.int(30)},"free text number ${block * 5000 + i} ${r.next()}"`,
        );
      out.write(`${lines.join("\n")}\n`);
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
    const notes: string[] = [];
    const p = await profileData(path, {
      badRows: "error",
      threads: 2,
      parallelMinBytes: 1,
      workerHeapMb: 24,
      onNote: (m) => notes.push(m),
    });
    expect(notes).toEqual([`${path}: read on 2 threads`]);
    expect(p.rows).toBe(300_000);
    expect(p.columns[3].top.error).toBeGreaterThan(0);

    // A heap too small for the workers: the file is read again on one thread, with the same profile.
    const tiny: string[] = [];
    const again = await profileData(path, {
      badRows: "error",
      threads: 2,
      parallelMinBytes: 1,
      workerHeapMb: 4,
      onNote: (m) => tiny.push(m),
    });
    expect(tiny).toEqual([`${path}: read again on one thread: a worker ran out of its 4 MiB heap (4 columns)`]);
    const one = await profileData(path, { badRows: "error", threads: 1 });
    expect(exact(again)).toEqual(exact(one));
  });

  it("reports a bad row in the second half with its line in the whole file", async () => {
    const lines = table(10_000, 6, false).split("\n");
    lines[9_000] = "1,2,3";
    const path = join(dir, "bad.csv");
    await writeFile(path, lines.join("\n"));
    let error: unknown;
    try {
      await profileData(path, { badRows: "error", threads: 2, parallelMinBytes: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location).toMatchObject({ file: path, line: 9_001, column: 4 });
  });

  it("reads on one thread for a unique rule, so a repeat across the halves, or across files, is found", async () => {
    const unique = parseRules("columns:\n  id: { unique: true }\n", "rules.yml");
    const ids = (from: number, n: number, repeat?: [number, string]) =>
      `id,v\n${Array.from({ length: n }, (_, i) => `${repeat && i === repeat[0] ? repeat[1] : `K${from + i}`},${i % 7}`).join("\n")}\n`;
    const path = join(dir, "ids.csv");
    // K5 again on row 19 000 (line 19 002), far into the second half.
    await writeFile(path, ids(0, 20_000, [19_000, "K5"]));
    const notes: string[] = [];
    const p = await profileData(path, {
      badRows: "error",
      threads: 2,
      parallelMinBytes: 1,
      rules: unique,
      onNote: (m) => notes.push(m),
    });
    expect(notes).toEqual([`${path}: read on one thread: a unique rule needs every value in one place`]);
    expect(checkRules(unique, p).map((f) => f.message)).toEqual([
      '1 repeated value(s); first "K5" at line 19002, seen before',
    ]);
    const folder = join(dir, "ids");
    await mkdir(folder);
    await writeFile(join(folder, "a.csv"), ids(0, 1_000));
    await writeFile(join(folder, "b.csv"), ids(1_000, 1_000, [500, "K7"]));
    const both = await profileData(folder, { badRows: "error", rules: unique });
    expect(checkRules(unique, both).map((f) => f.message)).toEqual([
      '1 repeated value(s); first "K7" at line 502, seen before',
    ]);
  });
});
