import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";

/**
 * One data file as the readers see it: a name for messages, a size, and a way to stream any byte
 * range. A local file and a blob in storage look the same, so a dataset on Azure is read by
 * streaming ranges of its blobs, never by downloading it first.
 */
export interface DataFile {
  /** What messages call the file: a local path, or the path inside the dataset. */
  path: string;
  size: number;
  /** The local path when the file is on this disk (worker threads reopen it by path). */
  local?: string;
  /** Bytes [start, end) as a stream (to the end when `end` is absent). */
  open(start?: number, end?: number): Readable | Promise<Readable>;
}

export function localFile(path: string, size: number): DataFile {
  return {
    path,
    size,
    local: path,
    open: (start = 0, end?: number) =>
      createReadStream(path, { start, end: end === undefined ? undefined : end - 1, highWaterMark: 1 << 20 }),
  };
}

export async function statLocalFile(path: string): Promise<DataFile> {
  return localFile(path, (await stat(path)).size);
}

/** Bytes [start, end) of a file, read whole (for small reads: headers, Parquet footers and chunks). */
export async function readRange(file: DataFile, start: number, end: number): Promise<Buffer> {
  if (end <= start) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  let n = 0;
  for await (const chunk of await file.open(start, end)) {
    const b = chunk as Buffer;
    parts.push(b);
    n += b.length;
    if (n >= end - start) break;
  }
  const all = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  return all.length > end - start ? all.subarray(0, end - start) : all;
}
