import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { UserError } from "../errors.js";
import { sha256File } from "../util/files.js";

export interface FileEntry {
  /** Path relative to the data root, with forward slashes. */
  path: string;
  size: number;
  sha256: string;
}

export interface Fingerprint {
  /** sha256 over the sorted (relative path, content hash) pairs. */
  digest: string;
  files: FileEntry[];
  isFile: boolean;
  bytes: number;
}

async function walk(dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

/**
 * Fingerprints a file or folder: the hash of its sorted relative paths and file contents, so
 * the same data gives the same fingerprint wherever it is checked out, and a renamed or changed
 * file gives a new one.
 */
export async function fingerprint(path: string, input = "path"): Promise<Fingerprint> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new UserError(`'${path}' does not exist`, { input }, "Give a file or folder that exists in the checkout");
  }
  const files: string[] = [];
  if (info.isDirectory()) await walk(path, files);
  else files.push(path);
  if (files.length === 0) {
    throw new UserError(`folder '${path}' holds no files`, { input }, "Point it at a folder with data files");
  }
  const entries: FileEntry[] = [];
  // Hash a few files at a time: enough to overlap I/O without opening thousands at once.
  const queue = files.map((f) => f);
  const workers = Array.from({ length: Math.min(16, queue.length) }, async () => {
    for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
      const rel = info.isDirectory() ? relative(path, f).split(sep).join("/") : relative(join(f, ".."), f);
      const size = (await stat(f)).size;
      entries.push({ path: rel, size, sha256: await sha256File(f) });
    }
  });
  await Promise.all(workers);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash("sha256");
  for (const e of entries) hash.update(`${e.path}\0${e.sha256}\n`);
  return {
    digest: hash.digest("hex"),
    files: entries,
    isFile: !info.isDirectory(),
    bytes: entries.reduce((n, e) => n + e.size, 0),
  };
}
