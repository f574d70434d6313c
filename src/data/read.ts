import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative, resolve } from "node:path";
import { createGunzip } from "node:zlib";
import { parse as parseYaml } from "yaml";
import { UserError } from "../errors.js";
import { type BadRow, CsvParser, delimiterName, MAX_ROW_BYTES, sniffDelimiter } from "./csv.js";
import { ProfileBuilder, type ValueRule } from "./profile.js";
import { type DataFile, localFile, readRange } from "./source.js";

export type Format = "csv" | "jsonl" | "parquet";

export interface ReadOptions {
  /** `error` stops at the first malformed row; `skip` counts it and goes on. */
  badRows: "error" | "skip";
  /** A fixed delimiter; sniffed from the first lines when absent. */
  delimiter?: string;
  /** Rules checked on every value, by column. */
  rulesFor?: (column: string) => ValueRule[];
  /** Told about the first few skipped rows. */
  onBadRow?: (file: string, bad: BadRow) => void;
  signal?: AbortSignal;
  /** Worker threads to use for one large CSV file (1 = none). */
  threads?: number;
  /** The input name errors point at. */
  input?: string;
  /** Heap cap of each worker thread, in MiB (default parallel.ts workerHeapMb()). */
  workerHeapMb?: number;
  /** Told how a large file was read: on how many threads, and why one when more were possible. */
  onNote?: (message: string) => void;
}

export const CHUNK = 1 << 20;
const MAX_LINE = MAX_ROW_BYTES;
export const DATA_EXTENSIONS = [".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"];

/** The data files behind a path: the file itself, a folder's data files, or an MLTable's paths. */
export async function dataFiles(path: string, input = "data"): Promise<string[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new UserError(
      `'${path}' does not exist`,
      { input },
      "Give a CSV, JSON Lines or Parquet file, a folder of them, or a dataset reference such as name@latest",
    );
  }
  if (info.isFile()) return [path];
  const mltable = join(path, "MLTable");
  const hasMltable = await stat(mltable).then(
    (s) => s.isFile(),
    () => false,
  );
  if (hasMltable) return mltableFiles(path, mltable, input);
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, e.name);
      if (e.isDirectory() && !e.name.startsWith(".")) await walk(full);
      else if (e.isFile() && DATA_EXTENSIONS.includes(dataExt(e.name))) files.push(full);
    }
  };
  await walk(path);
  if (files.length === 0) {
    throw new UserError(
      `folder '${path}' holds no CSV, JSON Lines or Parquet files`,
      { input },
      `Add files ending in ${DATA_EXTENSIONS.join(", ")} (optionally .gz)`,
    );
  }
  return files;
}

/** The MLTable `paths:` entries (file, folder, pattern as a simple `*` glob). */
async function mltableFiles(root: string, mltable: string, input: string): Promise<string[]> {
  const doc = parseYaml(await readFile(mltable, "utf8")) as { paths?: Record<string, string>[] } | null;
  if (!doc?.paths?.length) {
    throw new UserError(
      "MLTable has no `paths:`",
      { input, file: mltable },
      "List the data files under paths: (- file: ./data.csv)",
    );
  }
  const out: string[] = [];
  for (const entry of doc.paths) {
    const target = entry.file ?? entry.folder ?? entry.pattern;
    if (!target || /^[a-z]+:\/\//i.test(target)) {
      throw new UserError(
        `MLTable path '${JSON.stringify(entry)}' is not a local file, folder or pattern`,
        { input, file: mltable },
        "Use relative paths for local data",
      );
    }
    if (entry.pattern) {
      const re = new RegExp(
        `^${target
          .replace(/^\.\//, "")
          .replace(/[.+^${}()|[\]\\]/g, "\\$&")
          .replace(/\*\*\/?/g, "(.*/)?")
          .replace(/\*/g, "[^/]*")}$`,
      );
      const all = await dataFiles(root, input).catch(() => []);
      out.push(...all.filter((f) => re.test(relative(root, f).split("\\").join("/"))));
    } else out.push(...(await dataFiles(resolve(root, target), input)));
  }
  return out;
}

export function dataExt(name: string): string {
  const n = name.toLowerCase().replace(/\.gz$/, "");
  return extname(n);
}

export async function isGzip(file: DataFile): Promise<boolean> {
  const b = await readRange(file, 0, Math.min(2, file.size));
  return b.length === 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/**
 * The file's bytes from `start` (of the decompressed bytes when gzip). A gzip stream cannot seek,
 * so the bytes before `start` are dropped from its decompressed start instead.
 */
export async function* byteChunksFrom(src: DataFile, gzip: boolean, start: number): AsyncGenerator<Buffer> {
  let toSkip = gzip ? start : 0;
  for await (const chunk of byteChunks(src, gzip, gzip ? 0 : start)) {
    if (toSkip >= chunk.length) {
      toSkip -= chunk.length;
      continue;
    }
    yield toSkip > 0 ? chunk.subarray(toSkip) : chunk;
    toSkip = 0;
  }
}

/** The file's bytes as chunks: gunzipped when gzip, else from `start` to `end` (exclusive). */
export async function* byteChunks(src: DataFile, gzip: boolean, start = 0, end?: number): AsyncGenerator<Buffer> {
  const file = src.path;
  const stream = await src.open(start, end);
  if (!gzip) {
    for await (const chunk of stream) yield chunk as Buffer;
    return;
  }
  const gunzip = createGunzip({ chunkSize: CHUNK });
  stream.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    throw new UserError(
      `is not a valid gzip file (${(error as Error).message})`,
      { file },
      "Recompress it with gzip, or remove the .gz ending",
    );
  } finally {
    stream.destroy();
  }
}

export async function detectFormat(file: DataFile, gzip: boolean): Promise<Format> {
  const ext = dataExt(file.path);
  if (ext === ".parquet" || ext === ".pq") return "parquet";
  if (ext === ".jsonl" || ext === ".ndjson" || ext === ".json") return "jsonl";
  if (ext === ".csv" || ext === ".tsv") return "csv";
  if (!gzip && file.size >= 12 && (await readRange(file, 0, 4)).toString("latin1") === "PAR1") return "parquet";
  for await (const chunk of byteChunks(file, gzip, 0, gzip ? undefined : Math.min(file.size, 4096))) {
    const text = chunk
      .toString("utf8", 0, Math.min(chunk.length, 1024))
      .replace(/^\uFEFF/, "")
      .trimStart();
    return text.startsWith("{") ? "jsonl" : "csv";
  }
  return "csv";
}

/** What the main thread learns from the start of a CSV file before splitting the rest. */
export interface CsvHead {
  /** The file as messages name it. */
  file: string;
  /** Its local path, when on this disk (worker threads reopen it). */
  local?: string;
  gzip: boolean;
  delimiter: string;
  header: string[];
  /** Byte offset where the first data row starts (uncompressed files only). */
  dataStart: number;
  /** Line the first data row starts on. */
  dataLine: number;
  /** The file's size in bytes (of the stored, possibly compressed, file). */
  size: number;
}

/** Reads the header row (after a BOM) and settles the delimiter. */
export async function readCsvHead(src: DataFile, opts: ReadOptions): Promise<CsvHead> {
  const file = src.path;
  const gzip = await isGzip(src);
  let sample = Buffer.alloc(0);
  for await (const chunk of byteChunks(src, gzip, 0, gzip ? undefined : Math.min(src.size, 64 * 1024))) {
    sample = Buffer.concat([sample, chunk]);
    if (sample.length >= 64 * 1024) break;
  }
  let offset = 0;
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) offset = 3;
  if (sample.length - offset === 0 || sample.subarray(offset).toString("utf8").trim() === "") {
    throw new UserError("is empty", { file }, "Give a file with a header row and at least one data row");
  }
  const text = sample.toString("utf8", offset);
  const tsv = dataExt(file) === ".tsv";
  const delimiter = opts.delimiter ?? (tsv ? "\t" : sniffDelimiter(text));
  let header: string[] | undefined;
  let headerLine = 1;
  const parser = new CsvParser(file, delimiter.charCodeAt(0), (bad) => {
    // A bad data row after the header is the main pass's to report (or skip, with badRows: skip).
    if (header) return;
    throw new UserError(`header row: ${bad.message}`, { file, line: bad.line, column: bad.column }, bad.fix);
  });
  const more = gzip ? sample.length >= 64 * 1024 : src.size > sample.length;
  const head = sample.subarray(offset);
  parser.feed(head, !more, {
    row(fields, line) {
      if (header) return;
      header = fields.slice();
      headerLine = line;
    },
  });
  if (!header) {
    throw new UserError(
      "has no complete header row in its first 64 KiB",
      { file },
      "Check the quoting of the header row",
    );
  }
  const names = header as string[];
  // Where the header ends: parse only the header row again to find its byte length.
  const end = headerEnd(head);
  const seen = new Map<string, number>();
  names.forEach((raw, i) => {
    const name = raw.trim() === "" ? `column_${i + 1}` : raw.trim();
    const prev = seen.get(name);
    if (prev !== undefined) {
      throw new UserError(
        `column name '${name}' appears twice (columns ${prev + 1} and ${i + 1})`,
        { file, line: headerLine, column: i + 1 },
        "Give every column a unique name",
      );
    }
    seen.set(name, i);
    names[i] = name;
  });
  if (names.length === 1) {
    // One column is legal, but a header holding another common delimiter is more likely a miss.
    const other = [",", "\t", ";", "|"].find((d) => d !== delimiter && names[0].includes(d));
    if (other) {
      throw new UserError(
        `the header has one column but contains ${delimiterName(other)}s; the delimiter is probably ${delimiterName(other)}`,
        { file, line: headerLine },
        `Set input 'delimiter' to ${JSON.stringify(other)}, or fix the header`,
      );
    }
  }
  return {
    file,
    local: src.local,
    gzip,
    delimiter,
    header: names,
    dataStart: offset + end,
    dataLine: headerLine + countLines(head.subarray(0, end)),
    size: src.size,
  };
}

function countLines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** Byte length of the first row (with its line end), respecting quotes. */
function headerEnd(buf: Buffer): number {
  let inQuote = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x22) inQuote = !inQuote;
    else if (c === 0x0a && !inQuote) return i + 1;
  }
  return buf.length;
}

export interface RangeResult {
  builder: ProfileBuilder;
  /** Byte offset just past the last row parsed. */
  end: number;
  /** Line feeds consumed (to turn the next range's local line numbers into file lines). */
  newlines: number;
  badRows: number;
}

/**
 * Profiles the data rows of a CSV file from `start` (a row boundary) until the first row that
 * starts at or after `stop`. Line numbers count from `firstLine`.
 */
export async function profileCsvRange(
  head: CsvHead,
  start: number,
  stop: number,
  firstLine: number,
  opts: ReadOptions,
  reportBad: (bad: BadRow) => void,
  source: DataFile = localFile(head.local ?? head.file, 0),
): Promise<RangeResult> {
  const builder = new ProfileBuilder(head.header, opts.rulesFor);
  builder.files.push(head.file);
  const width = head.header.length;
  let badRows = 0;
  const fail = (bad: BadRow) => {
    if (opts.badRows === "error")
      throw new UserError(bad.message, { file: head.file, line: bad.line, column: bad.column }, bad.fix);
    badRows++;
    reportBad(bad);
  };
  const parser = new CsvParser(head.file, head.delimiter.charCodeAt(0), fail, firstLine);
  const ragged = (fields: string[], line: number) => {
    const other = [",", "\t", ";", "|"].find((d) => d !== head.delimiter && fields.some((f) => f.includes(d)));
    fail({
      message: `row has ${fields.length} field(s); the header has ${width}`,
      line,
      column: Math.min(fields.length, width) + 1,
      fix:
        fields.length === 1 && other
          ? `The row looks ${delimiterName(other)}-separated: set input 'delimiter' to ${JSON.stringify(other)}`
          : "Quote fields that contain the delimiter, or set badRows: skip to count and skip such rows",
    });
  };
  const sink = {
    row(fields: string[], line: number) {
      if (fields.length !== width) ragged(fields, line);
      else builder.addRow(fields, line);
    },
    rowBytes(buf: Buffer, starts: Int32Array, ends: Int32Array, escaped: string[], n: number, line: number) {
      if (n === width) builder.addRowBytes(buf, starts, ends, escaped, line);
      else
        ragged(
          Array.from({ length: n }, (_, i) =>
            starts[i] < 0 ? escaped[i] : buf.toString("latin1", starts[i], ends[i]),
          ),
          line,
        );
    },
  };
  const rangeStop = stop - start;
  const dataBytes = head.size - head.dataStart;
  let stopped = false;
  let checks = 0;
  for await (const chunk of byteChunksFrom(source, head.gzip, start)) {
    if (parser.feed(chunk, false, sink, rangeStop)) {
      stopped = true;
      break;
    }
    // The rows the whole file will give, from the bytes per row so far: lets the quantile sketch
    // sample early (the merged profile of all ranges covers the whole file).
    if (!head.gzip && parser.consumed > 0) builder.expectRows((builder.rows * dataBytes) / parser.consumed);
    if ((++checks & 15) === 0 && opts.signal?.aborted) throw opts.signal.reason;
  }
  if (!stopped) parser.feed(Buffer.alloc(0), true, sink);
  builder.flushBatch();
  builder.badRows = badRows;
  return { builder, end: start + parser.consumed, newlines: parser.newlines, badRows };
}

/** Profiles one CSV file on this thread. */
export async function profileCsvFile(head: CsvHead, opts: ReadOptions, source?: DataFile): Promise<ProfileBuilder> {
  const bad = (b: BadRow) => opts.onBadRow?.(head.file, b);
  const result = await profileCsvRange(
    head,
    head.dataStart,
    Number.POSITIVE_INFINITY,
    head.dataLine,
    opts,
    bad,
    source,
  );
  if (result.builder.rows === 0 && result.badRows === 0) {
    throw new UserError(
      "has a header row but no data rows",
      { file: head.file, line: head.dataLine },
      "Add data rows, or point 'data' at the right file",
    );
  }
  return result.builder;
}

/** Profiles a JSON Lines file: one object per line; keys become columns. */
export async function profileJsonlFile(src: DataFile, opts: ReadOptions): Promise<ProfileBuilder> {
  const file = src.path;
  const gzip = await isGzip(src);
  const builder = new ProfileBuilder([], opts.rulesFor);
  builder.files.push(file);
  let line = 0;
  let pending: Buffer | undefined;
  let sawAny = false;
  const fail = (bad: BadRow) => {
    if (opts.badRows === "error")
      throw new UserError(bad.message, { file, line: bad.line, column: bad.column }, bad.fix);
    builder.badRows++;
    opts.onBadRow?.(file, bad);
  };
  const handle = (text: string) => {
    line++;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === "") return;
    sawAny = true;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const m = /position (\d+)/.exec((error as Error).message);
      fail({
        message: `is not valid JSON (${(error as Error).message})`,
        line,
        column: m ? Number(m[1]) + 1 : undefined,
        fix: "Write one JSON object per line",
      });
      return;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      fail({
        message: "is not a JSON object",
        line,
        column: 1,
        fix: 'Write one JSON object per line, such as {"age": 42}',
      });
      return;
    }
    const record = value as Record<string, unknown>;
    for (const c of builder.columns) if (!(c.name in record)) c.addNull();
    for (const [k, v] of Object.entries(record)) {
      const col = builder.column(k);
      if (v === null || v === undefined) col.addNull();
      else if (typeof v === "string") col.add(v, line);
      else if (typeof v === "number" || typeof v === "boolean") col.add(String(v), line);
      else col.add(JSON.stringify(v), line);
    }
    builder.rows++;
  };
  let dropping = false;
  for await (let chunk of byteChunks(src, gzip)) {
    if (dropping) {
      // Skipping an over-long line: resume after its line feed.
      const nl = chunk.indexOf(0x0a);
      if (nl < 0) continue;
      chunk = chunk.subarray(nl + 1);
      dropping = false;
    }
    const buf = pending ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      handle(decode(buf, start, nl, file, line + 1));
      start = nl + 1;
    }
    pending = buf.subarray(start);
    if (pending.length > MAX_LINE) {
      line++;
      fail({
        message: `line is longer than ${MAX_LINE / 1024 / 1024} MiB`,
        line,
        fix: "Split the record, or check that lines end with a line feed",
      });
      pending = undefined;
      dropping = true;
    }
    if (opts.signal?.aborted) throw opts.signal.reason;
  }
  if (pending && pending.length > 0) handle(decode(pending, 0, pending.length, file, line + 1));
  if (!sawAny) throw new UserError("is empty", { file }, "Give a file with one JSON object per line");
  if (builder.rows === 0 && builder.badRows === 0)
    throw new UserError("holds no JSON objects", { file }, "Write one JSON object per line");
  return builder;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function decode(buf: Buffer, start: number, end: number, file: string, line: number): string {
  try {
    return decoder.decode(buf.subarray(start, end));
  } catch {
    throw new UserError("is not valid UTF-8", { file, line }, "Save the file as UTF-8");
  }
}
