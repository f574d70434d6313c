/**
 * The batch smoke test's expected output (`smokeTestExpect` with endpointType batch): a text file
 * holding the rows the scoring job's output file must hold, one per line, fields separated by
 * commas or white space (the output is what `run()` returned, appended a row per line).
 *
 * Rows are compared as a multiset, not in file order: Azure ML appends each mini-batch's rows
 * when that mini-batch finishes, and parallel workers finish in any order, so two healthy runs on
 * the same data can write the same rows in different orders. Both sides are sorted by their
 * fields (numbers by value, text as text) and paired in that order; numbers then agree within
 * the relative tolerance. A key field in each row (the scored file's name, a row id) makes the
 * pairing exact; for rows of one number, sorted pairing is the closest pairing there is.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { UserError } from "../../errors.js";
import { close } from "./expect.js";

type Field = number | string;

export interface Row {
  /** The row's line in its file (1-based). */
  line: number;
  text: string;
  fields: Field[];
}

export interface ExpectedRows {
  /** The file as the user named it, for messages. */
  file: string;
  rows: Row[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A row's fields: split at commas and white space, brackets and quotes around each dropped (`str()` of a tuple or list). */
function fields(text: string): Field[] {
  return text
    .trim()
    .split(/\s*,\s*|\s+/)
    .map((f) => f.replace(/^[[({'"]+|[\])}'"]+$/g, ""))
    .filter((f) => f !== "")
    .map((f) => (NUMBER.test(f) ? Number(f) : f));
}

/** Non-blank lines as rows. */
export function parseRows(text: string): Row[] {
  const rows: Row[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== "") rows.push({ line: i + 1, text: line.trim(), fields: fields(line) });
  });
  return rows;
}

function compareFields(a: Field[], b: Field[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === "number" && typeof y === "number") {
      if (x !== y) return x < y ? -1 : 1;
    } else if (typeof x !== typeof y) {
      return typeof x === "number" ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

const sorted = (rows: Row[]) => [...rows].sort((a, b) => compareFields(a.fields, b.fields));

/** Reads `smokeTestExpect` for a batch rollout; a missing or empty file is a UserError on `input`. */
export async function readExpectedRows(path: string, shown: string, input: string): Promise<ExpectedRows> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    throw new UserError(
      `'${shown}' is not an existing file`,
      { input },
      "Give a text file with the rows the batch output must hold, one per line",
    );
  }
  const rows = parseRows(await readFile(path, "utf8"));
  if (rows.length === 0) {
    throw new UserError(
      "holds no rows",
      { input, file: shown },
      "Write the rows the batch output must hold, one per line, such as `part-01.csv,151.2`",
    );
  }
  return { file: shown, rows };
}

/**
 * The first difference between the output's rows and the expected ones, as one sentence naming
 * the expected file's line; undefined when they agree.
 */
export function firstRowMismatch(
  expected: ExpectedRows,
  actualText: string,
  outputName: string,
  tolerance: number,
): string | undefined {
  const actual = parseRows(actualText);
  const e = sorted(expected.rows);
  const a = sorted(actual);
  if (a.length !== e.length) {
    // Name a row that is missing (or extra), not only the counts (a pairwise search: small files only).
    if (a.length * e.length > 10_000_000)
      return `${outputName} has ${a.length} row(s) where ${expected.file} expects ${e.length}`;
    const missing = e.find((r) => !actual.some((x) => sameRow(r.fields, x.fields, tolerance)));
    const extra = a.find((r) => !expected.rows.some((x) => sameRow(x.fields, r.fields, tolerance)));
    const which = missing
      ? `; ${expected.file}:${missing.line} '${missing.text}' has no match`
      : extra
        ? `; '${extra.text}' (line ${extra.line}) is not expected`
        : "";
    return `${outputName} has ${a.length} row(s) where ${expected.file} expects ${e.length}${which}`;
  }
  for (let i = 0; i < e.length; i++) {
    const diff = fieldDifference(e[i].fields, a[i].fields, tolerance);
    if (diff !== undefined) {
      return `${outputName} has '${a[i].text}' where ${expected.file}:${e[i].line} expects '${e[i].text}' (${diff}; rows compared in sorted order, relative tolerance ${tolerance})`;
    }
  }
  return undefined;
}

function sameRow(e: Field[], a: Field[], tolerance: number): boolean {
  return fieldDifference(e, a, tolerance) === undefined;
}

function fieldDifference(e: Field[], a: Field[], tolerance: number): string | undefined {
  if (e.length !== a.length) return `${a.length} field(s), not ${e.length}`;
  for (let i = 0; i < e.length; i++) {
    const x = e[i];
    const y = a[i];
    const same = typeof x === "number" && typeof y === "number" ? close(x, y, tolerance) : x === y;
    if (!same) return `field ${i + 1}`;
  }
  return undefined;
}

/** Lines that hold something, counted as the file streams by (an output may be large). */
export async function countRows(path: string): Promise<number> {
  let n = 0;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.trim() !== "") n += 1;
  return n;
}
