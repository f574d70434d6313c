import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CsvParser, sniffDelimiter } from "../../src/data/csv.js";
import { profileData } from "../../src/data/profile-data.js";
import { Random } from "../../src/data/sketches/random.js";
import { UserError } from "../../src/errors.js";
import { tempDir } from "../helpers.js";

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-readers-"));
});
afterAll(() => cleanup());

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

function parse(
  text: string | Buffer,
  chunk = Number.POSITIVE_INFINITY,
  delimiter = ",",
): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const p = new CsvParser("t.csv", delimiter.charCodeAt(0), (bad) => {
    throw new UserError(bad.message, { file: "t.csv", line: bad.line, column: bad.column });
  });
  const sink = { row: (fields: string[], line: number) => rows.push({ fields: fields.slice(), line }) };
  const step = Math.min(chunk, bytes.length || 1);
  for (let i = 0; i < bytes.length; i += step) p.feed(bytes.subarray(i, i + step), false, sink);
  p.feed(Buffer.alloc(0), true, sink);
  return rows;
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

describe("CSV parser (RFC 4180)", () => {
  it("reads quoted fields, doubled quotes, embedded delimiters and line breaks, CRLF", () => {
    const rows = parse('a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",\r\n3,,"last"');
    expect(rows.map((r) => r.fields)).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", 'say "hi"'],
      ["2", "two\r\nlines", ""],
      ["3", "", "last"],
    ]);
    // Line numbers are physical lines: the quoted line break moves the next row down.
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it("gives the same rows whatever the chunk boundaries", () => {
    const random = new Random(42);
    const pieces = ["plain", "", "with,comma", 'quote"inside', "new\nline", "ünïcødé", "crlf\r\nin"];
    const lines: string[] = [];
    for (let r = 0; r < 60; r++) {
      const fields = Array.from({ length: 4 }, () => {
        const v = pieces[random.int(pieces.length)];
        return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
      });
      lines.push(fields.join(","));
    }
    const text = `${lines.join(random.bit() ? "\n" : "\r\n")}\n`;
    const whole = parse(text);
    for (const chunk of [1, 2, 3, 5, 7, 64]) expect(parse(text, chunk)).toEqual(whole);
  });

  it("sniffs comma, semicolon, tab and pipe", () => {
    expect(sniffDelimiter("a;b;c\n1;2,5;3\n4;5;6\n")).toBe(";");
    expect(sniffDelimiter("a\tb\n1\t2\n")).toBe("\t");
    expect(sniffDelimiter('a|b\n"x|y"|2\n3|4\n')).toBe("|");
    expect(sniffDelimiter('a,b,c\n1,"2;3;4;5",6\n')).toBe(",");
  });
});

describe("reading files", () => {
  const csv = 'id,name,score\n1,Ann,3.5\n2,Bob,NA\n3,"Lee, C",4.25\n';

  it("strips a BOM, reads gzip, and profiles the same either way", async () => {
    const plain = await profileData(await file("plain.csv", `\uFEFF${csv}`), { badRows: "error" });
    const gz = await profileData(await file("packed.csv.gz", gzipSync(csv)), { badRows: "error" });
    expect(plain.columns.map((c) => c.name)).toEqual(["id", "name", "score"]);
    expect(plain.rows).toBe(3);
    const strip = (p: typeof plain) => p.columns.map((c) => ({ ...c, firstLines: c.firstLines }));
    expect(strip(gz)).toEqual(strip(plain));
    const score = plain.columns[2];
    expect(score.type).toBe("number");
    expect(score.nulls).toBe(1);
    expect(score.numeric?.mean).toBeCloseTo(3.875, 12);
  });

  it("reads a semicolon file and a TSV", async () => {
    const semi = await profileData(await file("semi.csv", "a;b\n1;x\n2;y\n"), { badRows: "error" });
    expect(semi.columns.map((c) => c.name)).toEqual(["a", "b"]);
    const tsv = await profileData(await file("t.tsv", "a\tb\n1\tx,y\n"), { badRows: "error" });
    expect(tsv.columns[1].top.items[0][0]).toBe("x,y");
  });

  it("reads JSON Lines: types, absent keys as nulls, new keys as new columns", async () => {
    const p = await profileData(
      await file("d.jsonl", '{"a": 1, "b": "x"}\n{"a": 2.5, "c": true}\n\n{"a": null, "b": "y", "c": false}\n'),
      { badRows: "error" },
    );
    const byName = Object.fromEntries(p.columns.map((c) => [c.name, c]));
    expect(p.rows).toBe(3);
    expect(byName.a.type).toBe("number");
    expect(byName.a.nulls).toBe(1);
    expect(byName.b.nulls).toBe(1);
    expect(byName.c.count).toBe(3);
    expect(byName.c.nulls).toBe(1);
    expect(byName.c.type).toBe("boolean");
  });

  it("reads a folder of files as one table", async () => {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(dir, "parts"));
    await file("parts/1.csv", "x,y\n1,a\n2,b\n");
    await file("parts/2.csv", "x,y\n3,c\n");
    const p = await profileData(join(dir, "parts"), { badRows: "error" });
    expect(p.rows).toBe(3);
    expect(p.columns[0].numeric?.max).toBe(3);
    expect(p.source.files).toHaveLength(2);
  });
});

describe("bad data gives a UserError naming file, line and column", () => {
  it("ragged row", async () => {
    const path = await file("ragged.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n");
    const e = await userError(profileData(path, { badRows: "error" }));
    expect(e.location).toMatchObject({ file: path, line: 3, column: 3 });
    expect(e.describe()).toContain("row has 2 field(s); the header has 3");
  });

  it("ragged rows skipped and counted with badRows: skip", async () => {
    const path = await file("ragged2.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n9\n");
    const seen: number[] = [];
    const p = await profileData(path, { badRows: "skip", onBadRow: (_f, b) => seen.push(b.line) });
    expect(p.rows).toBe(2);
    expect(p.badRows).toBe(2);
    expect(seen).toEqual([3, 5]);
  });

  it("unterminated quote", async () => {
    const path = await file("quote.csv", 'a,b\n1,"open\n2,3\n');
    const e = await userError(profileData(path, { badRows: "error" }));
    expect(e.location).toMatchObject({ file: path, line: 2, column: 2 });
    expect(e.message).toContain("unterminated quoted field");
    // A data row's fault is never blamed on the header, and badRows: skip applies to it.
    expect(e.message).not.toContain("header row");
    const skipped = await profileData(path, { badRows: "skip" });
    expect(skipped.badRows).toBe(1);
  });

  it("empty file and header alone", async () => {
    const empty = await file("empty.csv", "");
    expect((await userError(profileData(empty, { badRows: "error" }))).message).toBe("is empty");
    const header = await file("header.csv", "a,b,c\n");
    const e = await userError(profileData(header, { badRows: "error" }));
    expect(e.message).toContain("header row but no data rows");
    expect(e.location.file).toBe(header);
  });

  it("bad encoding", async () => {
    const path = await file(
      "latin1.csv",
      Buffer.concat([Buffer.from("a,b\n1,ok\n2,caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    );
    const e = await userError(profileData(path, { badRows: "error" }));
    expect(e.location).toMatchObject({ file: path, line: 3, column: 2 });
    expect(e.message).toContain("UTF-8");
  });

  it("a line over 8 MiB: an error, or skipped and counted", async () => {
    const huge = `a,b\n1,x\n2,${"y".repeat(10 * 1024 * 1024)}\n3,z\n`;
    const path = await file("huge.csv", huge);
    const e = await userError(profileData(path, { badRows: "error" }));
    expect(e.location).toMatchObject({ file: path, line: 3 });
    expect(e.message).toContain("longer than 8 MiB");
    const p = await profileData(path, { badRows: "skip" });
    expect(p.rows).toBe(2);
    expect(p.badRows).toBe(1);
    expect(p.columns[0].numeric?.max).toBe(3);
  });

  it("a wrong delimiter is named", async () => {
    const path = await file("wrong.csv", "a;b;c\n1;2;3\n");
    const e = await userError(profileData(path, { badRows: "error", delimiter: "," }));
    expect(e.describe()).toContain("the delimiter is probably semicolon");
  });

  it("duplicate column names", async () => {
    const path = await file("dup.csv", "a,b,a\n1,2,3\n");
    const e = await userError(profileData(path, { badRows: "error" }));
    expect(e.location).toMatchObject({ line: 1, column: 3 });
  });

  it("invalid JSON Lines", async () => {
    const path = await file("bad.jsonl", '{"a": 1}\n{"a": 2,}\n');
    const e = await userError(profileData(path, { badRows: "error" }));
    expect(e.location).toMatchObject({ file: path, line: 2 });
    expect(e.message).toContain("not valid JSON");
  });
});

describe("dates", () => {
  it("finds the same date range read as CSV bytes or JSON strings", async () => {
    const days = ["2026-03-04", "2025-12-31", "2026-11-01T10:00:00Z", "2026-01-15", "2024-02-29"];
    const csv = await profileData(await file("days.csv", `day\n${days.join("\n")}\n`), { badRows: "error" });
    const jsonl = await profileData(await file("days.jsonl", days.map((d) => JSON.stringify({ day: d })).join("\n")), {
      badRows: "error",
    });
    expect(csv.columns[0].type).toBe("date");
    expect(csv.columns[0].dates).toEqual({ min: "2024-02-29", max: "2026-11-01T10:00:00Z" });
    expect(jsonl.columns[0].dates).toEqual(csv.columns[0].dates);
    expect(jsonl.columns[0].distinct).toEqual(csv.columns[0].distinct);
    expect(jsonl.columns[0].top).toEqual(csv.columns[0].top);
  });
});
