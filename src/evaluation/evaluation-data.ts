/**
 * The evaluation data as batches of rows, streamed: one batch in memory at a time, whatever the
 * size of the data. Reads CSV/TSV, JSON Lines and Parquet (gzip too), a folder or an MLTable's
 * files, with the same parsers validate-data profiles them with. Values arrive as a scoring
 * script gets them from a JSON request: numbers as numbers, text as text, empty as null.
 */

import { type FileMetaData, parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import { type BadRow, CsvParser } from "../data/csv.js";
import { asyncBuffer, COMPRESSORS, PARSERS, unreadable } from "../data/parquet.js";
import { byteChunks, byteChunksFrom, detectFormat, isGzip, readCsvHead } from "../data/read.js";
import type { DataFile } from "../data/source.js";
import { UserError } from "../errors.js";

export type Cell = number | string | boolean | null;

export interface RowBatch {
  /** Column names, the same for every batch (the first file's, in file order). */
  columns: string[];
  rows: Cell[][];
  /** The file these rows came from, for messages. */
  file: string;
  /** 1-based number of the batch's first row over all files. */
  firstRow: number;
}

export interface ReadRowsOptions {
  batchSize: number;
  /** A fixed CSV delimiter; sniffed when absent. */
  delimiter?: string;
  /** The input errors point at. */
  input: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// pandas' read_csv treats these as missing too; a score.py written against a DataFrame expects null.
const MISSING = new Set(["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None"]);

/** A CSV field as the JSON value a request carries. */
export function csvCell(text: string): Cell {
  const t = text.trim();
  if (MISSING.has(t)) return null;
  if (NUMBER.test(t)) return Number(t);
  // pandas reads these as booleans too, and Parquet and JSON Lines hold them as booleans.
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  return text;
}

/** A JSON Lines or Parquet value as a JSON value (bigints as numbers, dates as ISO text). */
function jsonCell(v: unknown): Cell {
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? v : null;
    case "string":
    case "boolean":
      return v;
    case "bigint":
      return Number(v);
    case "undefined":
      return null;
    default:
      if (v === null) return null;
      if (v instanceof Date) return v.toISOString();
      return JSON.stringify(v, (_, x) => (typeof x === "bigint" ? Number(x) : x));
  }
}

/**
 * Yields the rows of every file in batches of at most `batchSize`. Columns are the first file's;
 * later files are matched by column name (a file missing one of them is an error).
 */
export async function* readRowBatches(files: DataFile[], opts: ReadRowsOptions): AsyncGenerator<RowBatch> {
  let columns: string[] | undefined;
  let next = 1;
  for (const file of files) {
    if (file.size === 0)
      throw new UserError("is empty", { file: file.path, input: opts.input }, "Give a file with rows");
    const gzip = await isGzip(file);
    const format = await detectFormat(file, gzip);
    const source =
      format === "parquet" ? parquetRows(file) : format === "jsonl" ? jsonlRows(file, gzip) : csvRows(file, opts);
    let order: number[] | undefined;
    let pending: Cell[][] = [];
    let any = false;
    for await (const part of source) {
      if (!columns) columns = part.columns;
      if (!order) order = columnOrder(columns, part, file.path, opts.input);
      for (const row of part.rows) {
        pending.push(order.map((i) => (i < 0 ? null : (row[i] ?? null))));
        any = true;
        if (pending.length === opts.batchSize) {
          yield { columns, rows: pending, file: file.path, firstRow: next };
          next += pending.length;
          pending = [];
        }
      }
    }
    if (!any) throw new UserError("holds no data rows", { file: file.path, input: opts.input }, "Give data rows");
    if (pending.length && columns) {
      yield { columns, rows: pending, file: file.path, firstRow: next };
      next += pending.length;
    }
  }
}

/** Where each of the first file's columns is in this file (-1: absent, JSON Lines only). */
function columnOrder(wanted: string[], part: Part, file: string, input: string): number[] {
  return wanted.map((name) => {
    const i = part.columns.indexOf(name);
    if (i < 0 && !part.keyed) {
      throw new UserError(
        `has no column '${name}', which the first file of the evaluation data has`,
        { file, input },
        "Give files with the same columns",
      );
    }
    return i;
  });
}

interface Part {
  columns: string[];
  rows: Cell[][];
  /** Records matched by key (JSON Lines): a missing key is null, as pandas reads it. */
  keyed?: boolean;
}

async function* csvRows(file: DataFile, opts: ReadRowsOptions): AsyncGenerator<Part> {
  const head = await readCsvHead(file, { badRows: "error", delimiter: opts.delimiter, input: opts.input });
  const width = head.header.length;
  const fail = (bad: BadRow) => {
    throw new UserError(bad.message, { file: file.path, line: bad.line, column: bad.column }, bad.fix);
  };
  const parser = new CsvParser(file.path, head.delimiter.charCodeAt(0), fail, head.dataLine);
  let rows: Cell[][] = [];
  const sink = {
    row(fields: string[], line: number) {
      if (fields.length !== width) {
        fail({
          message: `row has ${fields.length} field(s); the header has ${width}`,
          line,
          column: Math.min(fields.length, width) + 1,
          fix: "Quote fields that contain the delimiter",
        });
      }
      rows.push(fields.map(csvCell));
    },
  };
  for await (const chunk of byteChunksFrom(file, head.gzip, head.dataStart)) {
    parser.feed(chunk, false, sink);
    if (rows.length) {
      yield { columns: head.header, rows };
      rows = [];
    }
  }
  parser.feed(Buffer.alloc(0), true, sink);
  if (rows.length) yield { columns: head.header, rows };
}

async function* jsonlRows(file: DataFile, gzip: boolean): AsyncGenerator<Part> {
  let columns: string[] | undefined;
  let line = 0;
  let pending: Buffer | undefined;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const parse = (buf: Buffer): Cell[] | undefined => {
    line++;
    let text: string;
    try {
      text = decoder.decode(buf);
    } catch {
      throw new UserError("is not valid UTF-8", { file: file.path, line }, "Save the file as UTF-8");
    }
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === "") return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new UserError(
        `is not valid JSON (${(error as Error).message})`,
        { file: file.path, line },
        "Write one JSON object per line",
      );
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new UserError("is not a JSON object", { file: file.path, line }, 'Write one object per line, {"age": 42}');
    }
    const record = value as Record<string, unknown>;
    if (!columns) columns = Object.keys(record);
    return columns.map((c) => jsonCell(record[c]));
  };
  let rows: Cell[][] = [];
  for await (const chunk of byteChunks(file, gzip)) {
    const buf = pending ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      const row = parse(buf.subarray(start, nl));
      if (row) rows.push(row);
      start = nl + 1;
    }
    pending = buf.subarray(start);
    if (rows.length) {
      yield { columns: columns ?? [], rows, keyed: true };
      rows = [];
    }
  }
  if (pending?.length) {
    const row = parse(pending);
    if (row) rows.push(row);
  }
  if (rows.length) yield { columns: columns ?? [], rows, keyed: true };
}

async function* parquetRows(src: DataFile): AsyncGenerator<Part> {
  const file = asyncBuffer(src);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file, { parsers: PARSERS, initialFetchSize: 1 << 16 });
  } catch (error) {
    throw unreadable(src.path, error);
  }
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  let rowStart = 0;
  // One row group in memory at a time.
  for (const group of metadata.row_groups) {
    const n = Number(group.num_rows);
    if (n === 0) continue;
    let rows: unknown[][] = [];
    try {
      await parquetRead({
        file,
        metadata,
        columns,
        rowStart,
        rowEnd: rowStart + n,
        compressors: COMPRESSORS,
        parsers: PARSERS,
        onComplete: (out: unknown[][]) => {
          rows = out;
        },
      });
    } catch (error) {
      throw unreadable(src.path, error);
    }
    rowStart += n;
    yield { columns, rows: rows.map((r) => r.map(jsonCell)) };
  }
}
