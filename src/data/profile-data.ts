import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { UserError } from "../errors.js";
import { canUseWorkers, profileCsvParallel } from "./parallel.js";
import type { ProfileBuilder, ProfileJson } from "./profile.js";
import {
  dataFiles,
  detectFormat,
  isGzip,
  profileCsvFile,
  profileJsonlFile,
  type ReadOptions,
  readCsvHead,
} from "./read.js";
import { type Rules, valueRules } from "./rules.js";

/** Files at least this big are split over worker threads; below it, starting workers costs more. */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;

export interface ProfileOptions extends Omit<ReadOptions, "rulesFor"> {
  rules?: Rules;
  labelColumn?: string;
  dataset?: { name: string; version: string };
  /** Files at least this big are split over worker threads (default PARALLEL_MIN_BYTES). */
  parallelMinBytes?: number;
}

/** Profiles a file, a folder of files or an MLTable folder in one streaming pass per file. */
export async function profileData(path: string, opts: ProfileOptions): Promise<ProfileJson> {
  const files = await dataFiles(path, opts.input ?? "data");
  const read: ReadOptions = { ...opts, rulesFor: (c) => valueRules(opts.rules, c) };
  let whole: ProfileBuilder | undefined;
  for (const file of files) {
    const part = await profileFile(file, read, opts);
    if (whole) whole.merge(part);
    else whole = part;
  }
  if (!whole) throw new UserError(`no data in '${path}'`, { input: opts.input ?? "data" });
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

async function profileFile(file: string, read: ReadOptions, opts: ProfileOptions): Promise<ProfileBuilder> {
  const size = (await stat(file)).size;
  if (size === 0) throw new UserError("is empty", { file }, "Give a file with a header row and at least one data row");
  const head = await readCsvHeadOrNull(file, read);
  if (!head) return profileJsonlFile(file, read);
  const threads = Math.max(1, Math.min(read.threads ?? availableParallelism(), 8));
  if (threads > 1 && !head.gzip && size >= (opts.parallelMinBytes ?? PARALLEL_MIN_BYTES) && canUseWorkers()) {
    const merged = await profileCsvParallel(head, size, threads, read, opts.rules);
    if (merged) return merged;
  }
  return profileCsvFile(head, read);
}

/** The CSV head, or undefined for a JSON Lines file. */
async function readCsvHeadOrNull(file: string, read: ReadOptions) {
  if ((await detectFormat(file, await isGzip(file))) !== "csv") return undefined;
  return readCsvHead(file, read);
}
