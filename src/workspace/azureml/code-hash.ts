/**
 * The content hash azure-ai-ml records on a code version (`hash_sha256`, `hash_version` 202208), so that a
 * code version we upload is recognised by the SDK and the CLI as the same snapshot (and the other way round).
 *
 * SHA-256 over: the number of files; then, for each file in order of its lower-cased relative path,
 * `#<relative path>#` and its size in bytes; then every file's bytes in that same order. Checked against
 * the hash in a recorded SDK session (test/fixtures/sdk-recordings, code/train_src).
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export const SDK_HASH_VERSION = "202208";

export interface HashedFile {
  /** Relative path with forward slashes, as uploaded. */
  path: string;
  /** Absolute path on disk. */
  local: string;
  size: number;
}

export async function sdkContentHash(files: readonly HashedFile[]): Promise<string> {
  const ordered = [...files].sort((a, b) => {
    const x = a.path.toLowerCase();
    const y = b.path.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const hash = createHash("sha256");
  hash.update(String(ordered.length));
  for (const f of ordered) hash.update(`#${f.path}#${f.size}`);
  for (const f of ordered) {
    for await (const chunk of createReadStream(f.local)) hash.update(chunk as Buffer);
  }
  return hash.digest("hex");
}
