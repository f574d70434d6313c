/**
 * Parquet through hyparquet (pure JavaScript, no dependencies, reads byte ranges of any
 * AsyncBuffer, so a blob in storage is read by range requests). Snappy is built in; gzip and
 * brotli come from node:zlib, zstd from fzstd (pure JavaScript: Node 20 has no zstd).
 *
 * Memory stays bounded by one column chunk of one row group: each row group is read one column at
 * a time and fed to that column's profiler. Values are turned into the text a CSV writer would
 * give (dates as YYYY-MM-DD, timestamps as ISO 8601), so the profile of a Parquet file equals the
 * profile of the same data as CSV.
 */
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { decompress as zstdDecompress } from "fzstd";
import {
  type AsyncBuffer,
  type Compressors,
  type FileMetaData,
  type ParquetParsers,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
} from "hyparquet";
import { UserError } from "../errors.js";
import type { ColumnProfiler } from "./profile.js";
import { ProfileBuilder } from "./profile.js";
import type { ReadOptions } from "./read.js";
import { type DataFile, readRange } from "./source.js";

export const COMPRESSORS: Compressors = {
  GZIP: (input) => gunzipSync(input),
  BROTLI: (input) => brotliDecompressSync(input),
  ZSTD: (input, outputLength) => zstdDecompress(input, new Uint8Array(outputLength)),
};

const iso = (ms: number) => new Date(ms).toISOString();
/** Dates and times as text: the form a CSV of the same data holds, so both profile alike. */
export const PARSERS: Partial<ParquetParsers> = {
  dateFromDays: (days: number) => iso(days * 86400000).slice(0, 10),
  timestampFromMilliseconds: (v: bigint) => iso(Number(v)),
  timestampFromMicroseconds: (v: bigint) => iso(Number(v / 1000n)),
  timestampFromNanoseconds: (v: bigint) => iso(Number(v / 1000000n)),
};

/** A DataFile as hyparquet's AsyncBuffer: every slice is one ranged read. */
export function asyncBuffer(file: DataFile): AsyncBuffer {
  return {
    byteLength: file.size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const b = await readRange(file, start, end ?? file.size);
      // A standalone copy: Node may hand out views of a shared pool.
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
    },
  };
}

export function unreadable(file: string, error: unknown): UserError {
  const message = error instanceof Error ? error.message : String(error);
  return new UserError(
    `is not a Parquet file this reader can read (${message})`,
    { file },
    /compression|codec/i.test(message)
      ? "Write it with snappy, gzip, brotli or zstd compression"
      : "Check that the file is complete Parquet (it ends with PAR1), or give it a .csv/.jsonl name if it is not Parquet",
  );
}

function toText(v: unknown): string | undefined {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return Number.isNaN(v) ? undefined : String(v);
    case "bigint":
      return String(v);
    case "boolean":
      return v ? "true" : "false";
    case "undefined":
      return undefined;
    default:
      if (v === null) return undefined;
      if (v instanceof Date) return v.toISOString();
      if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.length).toString("base64");
      return JSON.stringify(v, (_, x) => (typeof x === "bigint" ? String(x) : x));
  }
}

function feed(col: ColumnProfiler, values: ArrayLike<unknown>, firstRow: number): void {
  for (let i = 0; i < values.length; i++) {
    const text = toText(values[i]);
    if (text === undefined) col.addNull();
    else col.add(text, firstRow + i);
  }
}

/** Profiles a Parquet file row group by row group, column by column. */
export async function profileParquetFile(src: DataFile, opts: ReadOptions): Promise<ProfileBuilder> {
  const file = asyncBuffer(src);
  let metadata: FileMetaData;
  try {
    // 64 KiB from the end holds the footer of most files: one request on a blob.
    metadata = await parquetMetadataAsync(file, { parsers: PARSERS, initialFetchSize: 1 << 16 });
  } catch (error) {
    throw unreadable(src.path, error);
  }
  const children = parquetSchema(metadata).children;
  const names = children.map((c) => c.element.name);
  if (names.length === 0) throw new UserError("has no columns", { file: src.path }, "Give a Parquet file with columns");
  const builder = new ProfileBuilder(names, opts.rulesFor);
  builder.files.push(src.path);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    if (rows === 0) continue;
    for (let c = 0; c < names.length; c++) {
      let values: ArrayLike<unknown> = [];
      // A flat column arrives as one typed or plain array per chunk; a nested one needs assembling.
      const flat = children[c].children.length === 0;
      const parts: ArrayLike<unknown>[] = [];
      try {
        await parquetRead({
          file,
          metadata,
          columns: [names[c]],
          rowStart,
          rowEnd: rowStart + rows,
          compressors: COMPRESSORS,
          parsers: PARSERS,
          onChunk: flat
            ? (chunk) => {
                if (chunk.columnName === names[c]) parts.push(chunk.columnData);
              }
            : undefined,
          onComplete: flat
            ? undefined
            : (out: unknown[][]) => {
                values = out.map((r) => r[0]);
              },
        });
        if (flat) values = parts.length === 1 ? parts[0] : parts.flatMap((p) => Array.from(p));
      } catch (error) {
        throw unreadable(src.path, error);
      }
      if (values.length !== rows) {
        throw new UserError(
          `row group at row ${rowStart + 1}: column '${names[c]}' has ${values.length} values for ${rows} rows`,
          { file: src.path },
          "Write the file again; it is damaged",
        );
      }
      // "Line" in messages is the 1-based row number for Parquet.
      feed(builder.columns[c], values, rowStart + 1);
      if (opts.signal?.aborted) throw opts.signal.reason;
    }
    rowStart += rows;
    builder.rows += rows;
  }
  if (builder.rows === 0) {
    throw new UserError("has no rows", { file: src.path }, "Give a Parquet file with at least one row");
  }
  return builder;
}
