/**
 * A batch deployment scores with a copy of its code taken when it was created, so edits in the
 * checkout (or a branch switch) cannot change what an existing deployment runs. The copy is made
 * in a staging folder (which the next run removes if this one is killed) and published into the
 * deployment's folder by one rename, under the workspace lock, together with the record that
 * points at it: a snapshot is either complete and recorded, or an orphan the next run removes.
 *
 * A copied folder rather than content-addressed blobs: code folders are small, a deployment is
 * replaced rather than versioned, and Python needs a plain folder to import from (models' blobs
 * are laid out as hard links for the same reason). Nothing is shared between deployments, so
 * deleting one removes its folder and nothing else.
 */
import { randomBytes } from "node:crypto";
import { copyFile, mkdir, readdir, readlink, symlink } from "node:fs/promises";
import { join, resolve } from "node:path";
import { syncDir, syncFile } from "../../../util/files.js";

// Not copied: version control, dependencies, caches and the workspace itself.
const SKIPPED_DIRS = new Set([".git", "node_modules", ".mlops", "__pycache__", ".venv"]);

/** A fresh snapshot folder name: sortable by time, unique. */
export function snapshotName(): string {
  return `code-${new Date().toISOString().replace(/[-:.]/g, "").slice(0, 15)}-${randomBytes(3).toString("hex")}`;
}

/**
 * Copies `src` into `dest` (created), leaving out SKIPPED_DIRS and `workspaceRoot` (which may sit
 * inside the code folder when score.py is at the checkout's root). Returns the number of files.
 * Hand-written because fs.cp refuses a destination inside the source.
 */
export async function copyCode(src: string, dest: string, workspaceRoot: string): Promise<number> {
  const root = resolve(workspaceRoot);
  let files = 0;
  const walk = async (from: string, to: string): Promise<void> => {
    await mkdir(to, { recursive: true });
    for (const entry of await readdir(from, { withFileTypes: true })) {
      const a = join(from, entry.name);
      const b = join(to, entry.name);
      if (SKIPPED_DIRS.has(entry.name) || resolve(a) === root) continue;
      if (entry.isDirectory()) await walk(a, b);
      else if (entry.isSymbolicLink()) await symlink(await readlink(a), b);
      else if (entry.isFile()) {
        await copyFile(a, b);
        // Durable before the record names it: a power loss must not leave a recorded, empty file.
        await syncFile(b);
        files++;
      }
    }
    await syncDir(to);
  };
  await walk(resolve(src), dest);
  return files;
}
