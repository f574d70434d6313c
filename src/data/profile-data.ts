import { availableParallelism } from "node:os";
import { UserError } from "../errors.js";
import { canUseWorkers, profileCsvParallel } from "./parallel.js";
import { profileParquetFile } from "./parquet.js";
import type { ProfileBuilder, ProfileJson, ValueRule } from "./profile.js";
import {
  dataFiles,
  detectFormat,
  isGzip,
  profileCsvFile,
  profileJsonlFile,
  type ReadOptions,
  readCsvHead,
} from "./read.js";
import { needsOneThread, type Rules, valueRules } from "./rules.js";
import { type DataFile, statLocalFile } from "./source.js";

/** Files at least this big are split over worker threads; below it, starting workers costs more. */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;

export interface ProfileOptions extends Omit<ReadOptions, "rulesFor"> {
  rules?: Rules;
  labelColumn?: string;
  dataset?: { name: string; version: string };
  /** Files at least this big are split over worker threads (default PARALLEL_MIN_BYTES). */
  parallelMinBytes?: number;
}

/**
 * Profiles a file, a folder of files or an MLTable folder (a local path), or the files of a
 * dataset streamed from storage, in one streaming pass per file.
 */
export async function profileData(data: string | DataFile[], opts: ProfileOptions): Promise<ProfileJson> {
  const files =
    typeof data === "string"
      ? await Promise.all((await dataFiles(data, opts.input ?? "data")).map(statLocalFile))
      : data;
  // One set of rules per column for all files, so `unique` sees a value repeated in another file.
  const rulesByColumn = new Map<string, ValueRule[]>();
  const rulesFor = (c: string) => {
    let r = rulesByColumn.get(c);
    if (!r) {
      r = valueRules(opts.rules, c);
      rulesByColumn.set(c, r);
    }
    return r;
  };
  const read: ReadOptions = { ...opts, rulesFor };
  let whole: ProfileBuilder | undefined;
  for (const file of files) {
    const part = await profileFile(file, read, opts);
    if (whole) whole.merge(part);
    else whole = part;
  }
  if (!whole) {
    throw new UserError(`no data in '${typeof data === "string" ? data : "the dataset"}'`, {
      input: opts.input ?? "data",
    });
  }
  if (opts.labelColumn && !whole.columns.some((c) => c.name === opts.labelColumn)) {
    throw new UserError(
      `label column '${opts.labelColumn}' is not in the data`,
      { input: "labelColumn" },
      `Use one of: ${whole.columns.map((c) => c.name).join(", ")}`,
    );
  }
  const json = whole.toJSON({ labelColumn: opts.labelColumn });
  json.source.dataset = opts.dataset;
  return json;
}

async function profileFile(file: DataFile, read: ReadOptions, opts: ProfileOptions): Promise<ProfileBuilder> {
  const size = file.size;
  if (size === 0)
    throw new UserError("is empty", { file: file.path }, "Give a file with a header row and at least one data row");
  const gzip = await isGzip(file);
  const format = await detectFormat(file, gzip);
  if (format === "parquet") return profileParquetFile(file, read);
  if (format === "jsonl") return profileJsonlFile(file, read);
  const head = await readCsvHead(file, read);
  const threads = Math.max(1, Math.min(read.threads ?? availableParallelism(), 8));
  // Worker threads reopen the file by path: only for files on this disk.
  const split =
    threads > 1 &&
    file.local !== undefined &&
    !head.gzip &&
    size >= (opts.parallelMinBytes ?? PARALLEL_MIN_BYTES) &&
    canUseWorkers();
  if (split && needsOneThread(opts.rules)) {
    // `unique` must see every value in one place, with its line.
    read.onNote?.(`${file.path}: read on one thread: a unique rule needs every value in one place`);
  } else if (split) {
    const merged = await profileCsvParallel(head, size, threads, read, opts.rules);
    if (!("oneThread" in merged)) {
      read.onNote?.(`${file.path}: read on ${threads} threads`);
      return merged;
    }
    read.onNote?.(`${file.path}: read again on one thread: ${merged.oneThread}`);
  }
  return profileCsvFile(head, read, file);
}
