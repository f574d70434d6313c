/**
 * What a batch invocation scores, as a list of files, cut into mini-batches. Azure ML batch
 * deployments distribute work at the file level: a folder of 100 files with a mini-batch size of
 * 10 makes 10 mini-batches, whatever the files' sizes. A folder is read recursively and sorted, so
 * the same input always makes the same mini-batches.
 */
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { UserError } from "../../../errors.js";
import { isRemoteUri } from "../../../references.js";
import type { Log } from "../../../run-context.js";
import type { BatchInput, DatasetStore } from "../../workspace.js";

export interface InputFiles {
  /** Absolute paths, in the order they are scored. */
  files: string[];
  /** The input, for people. */
  label: string;
}

export async function listInputFiles(input: BatchInput, datasets: DatasetStore, log: Log): Promise<InputFiles> {
  if (input.kind === "uri" || (input.kind === "path" && isRemoteUri(input.path))) {
    const uri = input.kind === "uri" ? input.uri : input.path;
    throw new UserError(
      `'${uri}' is not on this disk; a local batch endpoint scores local files and registered datasets`,
      { subject: "batchInput" },
      "Give a local file or folder, or register the data with register-dataset and pass the dataset",
    );
  }
  if (input.kind === "dataset") {
    const { dataset } = input;
    const path = await datasets.localPath(dataset, log);
    const files = await filesUnder(path, `dataset ${dataset.name}:${dataset.version}`);
    return { files, label: `dataset ${dataset.name}:${dataset.version} (${files.length} file(s))` };
  }
  const path = resolve(input.path);
  const files = await filesUnder(path, path);
  return { files, label: `${path} (${files.length} file(s))` };
}

/** The file itself, or every file below a folder, sorted by path. */
async function filesUnder(path: string, label: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    throw new UserError(
      `the batch input ${label} does not exist`,
      { subject: "batchInput" },
      "Give an existing file or folder to score",
    );
  }
  if (info.isFile()) return [path];
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() || (e.isSymbolicLink() && (await stat(p).catch(() => undefined))?.isFile())) out.push(p);
    }
  };
  await walk(path);
  out.sort();
  if (out.length === 0) {
    throw new UserError(
      `the batch input ${label} holds no files`,
      { subject: "batchInput" },
      "Give a folder with at least one file to score",
    );
  }
  return out;
}

/** Consecutive slices of at most `size` files. */
export function miniBatches(files: string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < files.length; i += size) out.push(files.slice(i, i + size));
  return out;
}
