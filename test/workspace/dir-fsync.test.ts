// The local store syncs the folder after each rename that publishes something (a blob, a version
// folder, a version record), so a power loss cannot take back a published version. A test cannot
// cut the power: it checks that the folder sync is called, on the right folder, after the rename
// (what it syncs already exists then), and that syncDir really syncs a folder here.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { tempDir } from "../helpers.js";

/** Each syncDir call: the folder, and the entries it held at that moment. */
const synced: { dir: string; held: string[] }[] = [];

vi.mock("../../src/util/files.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/util/files.js")>();
  const { readdirSync } = await import("node:fs");
  return {
    ...real,
    syncDir: vi.fn(async (dir: string) => {
      synced.push({ dir, held: readdirSync(dir) });
      return real.syncDir(dir);
    }),
  };
});

const { blobPath, newStagingDir, publishVersion, putBlob } = await import("../../src/workspace/local/store.js");
const { syncDir } = await import("../../src/util/files.js");

describe("folder fsync after the renames that publish", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-dirsync-"));
    synced.length = 0;
  });
  afterEach(() => cleanup());

  it("a blob: its folder is synced once the blob has its name, and its new folders into their parents", async () => {
    const src = join(dir, "a.csv");
    await writeFile(src, "x\n1\n");
    const digest = await putBlob(join(dir, "ws"), src);
    const target = blobPath(join(dir, "ws"), digest);
    const after = synced.find((s) => s.dir === dirname(target) && s.held.includes(digest));
    expect(after, JSON.stringify(synced)).toBeDefined();
    // blobs/, blobs/sha256/ and blobs/sha256/<xx>/ were new: each synced into its parent.
    expect(synced.map((s) => s.dir)).toEqual(
      expect.arrayContaining([join(dir, "ws"), join(dir, "ws", "blobs"), join(dir, "ws", "blobs", "sha256")]),
    );
    // A blob already stored is not written again, nor synced again.
    synced.length = 0;
    await putBlob(join(dir, "ws"), src);
    expect(synced).toEqual([]);
  });

  it("a version: the staged folders, the folder after the version folder's rename, and after the record's", async () => {
    const root = join(dir, "ws");
    const staged = await newStagingDir(root);
    await mkdir(join(staged, "sub"), { recursive: true });
    await writeFile(join(staged, "sub", "f.txt"), "1\n");
    const versions = join(root, "datasets", "d");
    await mkdir(versions, { recursive: true });
    await publishVersion(staged, versions, "1", { name: "d", version: "1" }, "dataset.placed");
    const inVersions = synced.filter((s) => s.dir === versions).map((s) => s.held.sort());
    // First with the version folder in place (record not yet there), then with its record too.
    expect(inVersions).toEqual([["1"], ["1", "1.json"]]);
    // The staged tree's folders were synced before the rename (their path was the staging one).
    expect(synced.slice(0, 2).map((s) => s.dir)).toEqual([join(staged, "sub"), staged]);
    expect(existsSync(join(versions, "1", "sub", "f.txt"))).toBe(true);
  });

  it("syncDir syncs a real folder here, and fails loudly for one that does not exist", async () => {
    const real = await vi.importActual<typeof import("../../src/util/files.js")>("../../src/util/files.js");
    await expect(real.syncDir(dir)).resolves.toBeUndefined();
    if (process.platform !== "win32") await expect(real.syncDir(join(dir, "nope"))).rejects.toThrow(/ENOENT/);
    expect(vi.isMockFunction(syncDir)).toBe(true);
  });
});
