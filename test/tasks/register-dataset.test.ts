import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CliRun, runCliTask, tempDir } from "../helpers.js";

describe("register-dataset on the local workspace", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterEach(() => cleanup());

  const register = (inputs: Record<string, string>): Promise<CliRun> => runCliTask("register-dataset", inputs, dir);

  it("registers version 1, then nothing while the content is unchanged", async () => {
    await writeFile(join(dir, "d.csv"), "a,b\n1,x\n");
    const first = await register({ name: "d", path: "d.csv" });
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ name: "d", version: "1", changed: "true" });
    expect(first.outputs.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await readFile(first.outputs.uri, "utf8")).toBe("a,b\n1,x\n");

    const again = await register({ name: "d", path: "d.csv" });
    expect(again.outputs).toMatchObject({ version: "1", changed: "false", fingerprint: first.outputs.fingerprint });
    expect(again.stdout.join("\n")).toContain("Unchanged");

    await writeFile(join(dir, "d.csv"), "a,b\n1,x\n2,y\n");
    const changed = await register({ name: "d", path: "d.csv" });
    expect(changed.outputs).toMatchObject({ version: "2", changed: "true" });
    expect(changed.outputs.fingerprint).not.toBe(first.outputs.fingerprint);
  });

  it("fingerprints a folder by relative paths and contents, not by where it lives", async () => {
    for (const root of ["one", "two"]) {
      await mkdir(join(dir, root, "sub"), { recursive: true });
      await writeFile(join(dir, root, "a.csv"), "x\n1\n");
      await writeFile(join(dir, root, "sub", "b.csv"), "y\n2\n");
    }
    const one = await register({ name: "f", path: "one" });
    const two = await register({ name: "f", path: "two" });
    expect(one.outputs.changed).toBe("true");
    expect(two.outputs).toMatchObject({ version: "1", changed: "false" });
    expect(await readdir(join(one.outputs.uri, "sub"))).toEqual(["b.csv"]);

    // A rename with identical bytes is a different dataset.
    await writeFile(join(dir, "two", "sub", "c.csv"), "y\n2\n");
    const renamed = await register({ name: "f", path: "two" });
    expect(renamed.outputs).toMatchObject({ version: "2", changed: "true" });
  });

  it("stores metadata as JSON with a schema version and tags", async () => {
    await writeFile(join(dir, "d.csv"), "a\n1\n");
    await register({ name: "d", path: "d.csv", description: "first cut", tags: "team=ml\nsource=unit" });
    const meta = JSON.parse(await readFile(join(dir, ".mlops", "datasets", "d", "1.json"), "utf8"));
    expect(meta).toMatchObject({
      schemaVersion: 1,
      name: "d",
      version: "1",
      type: "uri_file",
      description: "first cut",
    });
    expect(meta.tags).toMatchObject({ team: "ml", source: "unit" });
  });

  it("two concurrent registrations of new content never produce the same version twice", async () => {
    await writeFile(join(dir, "a.csv"), "a\n1\n");
    await writeFile(join(dir, "b.csv"), "a\n2\n");
    const runs = await Promise.all([register({ name: "c", path: "a.csv" }), register({ name: "c", path: "b.csv" })]);
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0]);
    expect(runs.map((r) => r.outputs.version).sort()).toEqual(["1", "2"]);
  });

  it("fails with one clear line for a missing path, a bad name and a type mismatch", async () => {
    const missing = await register({ name: "d", path: "nope.csv" });
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toEqual([expect.stringMatching(/^error: input 'path': .*nope\.csv' does not exist\. /)]);

    await writeFile(join(dir, "d.csv"), "a\n1\n");
    const badName = await register({ name: "no spaces", path: "d.csv" });
    expect(badName.stderr.at(-1)).toMatch(/input 'name': 'no spaces' is not a valid data asset name/);

    const badType = await register({ name: "d", path: "d.csv", type: "uri_folder" });
    expect(badType.stderr.at(-1)).toMatch(/input 'type': .* is a file but type is uri_folder/);

    const badChoice = await register({ name: "d", path: "d.csv", type: "folder" });
    expect(badChoice.stderr.at(-1)).toMatch(
      /input 'type': 'folder' is not allowed\. Use one of: uri_file, uri_folder, mltable/,
    );

    const noName = await register({ path: "d.csv" });
    expect(noName.stderr.at(-1)).toMatch(/input 'name': missing \(required by register-dataset\)/);
    // Nothing was registered by any failed run.
    expect(await readdir(join(dir, ".mlops")).catch(() => [])).not.toContain("datasets");
  });

  it("dryRun on the local workspace says what it would register and writes nothing", async () => {
    await writeFile(join(dir, "d.csv"), "a\n1\n");
    const plan = await register({ name: "d", path: "d.csv", dryRun: "true" });
    expect(plan.exitCode).toBe(0);
    expect(plan.stdout.join("\n")).toContain("Plan: would register d:1");
    expect(await readdir(join(dir, ".mlops")).catch(() => [])).not.toContain("datasets");
  });

  it("refuses data already in cloud storage on the local workspace, naming the fix", async () => {
    const run = await register({ name: "d", path: "azureml://datastores/workspaceblobstore/paths/d/" });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.at(-1)).toMatch(/input 'path': .*remote URI.*backend: azureml/);
  });
});
