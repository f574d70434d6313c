// The local registry: a folder with a workspace's layout rules that workspaces publish models to.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import type { Log } from "../../src/run-context.js";
import { checkWorkspace } from "../../src/workspace/local/check.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { LocalRegistry } from "../../src/workspace/local/registry.js";
import { openRegistry } from "../../src/workspace/open.js";
import { tempDir } from "../helpers.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "models");
const lines: string[] = [];
const log: Log = {
  info: (m) => lines.push(m),
  warning: (m) => lines.push(`warning: ${m}`),
  error: (m) => lines.push(`error: ${m}`),
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

describe("a local registry", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;

  beforeEach(async () => {
    lines.length = 0;
    ({ dir, cleanup } = await tempDir("mlops-registry-"));
    ws = await LocalWorkspace.open(join(dir, "dev"));
  });
  afterEach(() => cleanup());

  const register = (folder: string, tags: Record<string, string> = {}) =>
    ws.models.register({ name: "lin", source: join(FIXTURES, folder), tags, metrics: { r2: 0.4 } }, log);

  it("is created in a new folder, named after it, and opens again with the same name", async () => {
    const reg = await LocalRegistry.open(join(dir, "shared-reg"), log);
    expect(reg.name).toBe("shared-reg");
    expect(reg.description).toBe(`local registry shared-reg at ${join(dir, "shared-reg")}`);
    const record = JSON.parse(await readFile(join(dir, "shared-reg", "registry.json"), "utf8"));
    expect(record).toMatchObject({ schemaVersion: 1, kind: "mlops-action local registry", name: "shared-reg" });
    expect((await LocalRegistry.open(join(dir, "shared-reg"), log)).name).toBe("shared-reg");
  });

  it("publishes a workspace model's files as a version of the same name, with the tags given", async () => {
    const model = await register("linear-v1", { job: "job-1", champion: "true" });
    const reg = await LocalRegistry.open(join(dir, "reg"), log);
    const published = await reg.publish(model, { job: "job-1", sourceModel: "lin:1" }, log);
    expect(published).toMatchObject({ name: "lin", version: "1", metrics: { r2: 0.4 } });
    // Its own copy, inside the registry folder: the workspace may be deleted after.
    expect(published.uri.startsWith(join(dir, "reg", "models", "lin", "1"))).toBe(true);
    expect(published.tags).toEqual({ job: "job-1", sourceModel: "lin:1", fingerprint: model.tags.fingerprint });
    expect(await readFile(join(published.uri, "model.json"), "utf8")).toBe(
      await readFile(join(FIXTURES, "linear-v1", "model.json"), "utf8"),
    );
    expect(lines).toContain("Published lin:1 to registry reg as lin:1");
    expect(await reg.models.get("lin", "latest")).toMatchObject({
      version: "1",
      uri: published.uri,
      tags: published.tags,
    });
  });

  it("publishing the same files again answers the version already there, its tags updated", async () => {
    const v1 = await register("linear-v1");
    const reg = await LocalRegistry.open(join(dir, "reg"), log);
    await reg.publish(v1, { sourceModel: "lin:1", commit: "aaa" }, log);
    await reg.models.setTags("lin", "1", { champion: "true" });
    // The same files registered again in the workspace (a second version there): one registry version.
    const again = await register("linear-v1");
    const second = await reg.publish(again, { sourceModel: "lin:2", commit: "bbb" }, log);
    expect(second.version).toBe("1");
    expect(second.tags).toMatchObject({ sourceModel: "lin:2", commit: "bbb", champion: "true" });
    expect(lines.at(-1)).toBe("lin:2 is already in registry reg as lin:1 (same files); tags updated");
    // New files keep the workspace's number (lin:3) when it is above every registry version.
    const other = await reg.publish(await register("linear-v2"), { sourceModel: "lin:3" }, log);
    expect(other.version).toBe("3");
    expect((await reg.models.list("lin")).map((m) => m.version)).toEqual(["1", "3"]);
  });

  it("a workspace version number below the registry's newest gets the next number, so latest stays newest", async () => {
    const reg = await LocalRegistry.open(join(dir, "reg"), log);
    await register("linear-v1");
    await register("linear-v1");
    const v3 = await register("linear-v1");
    expect((await reg.publish(v3, {}, log)).version).toBe("3");
    // Another workspace's lin:1, other files: not 1 (below 3), but 4.
    const other = await LocalWorkspace.open(join(dir, "other"));
    const theirs = await other.models.register(
      { name: "lin", source: join(FIXTURES, "linear-v2"), tags: {}, metrics: {} },
      log,
    );
    expect((await reg.publish(theirs, {}, log)).version).toBe("4");
    expect((await reg.models.get("lin", "latest"))?.tags.fingerprint).toBe(theirs.tags.fingerprint);
  });

  it("two publishes of the same files at once make one version (decided under the lock)", async () => {
    const model = await register("linear-v1");
    const [a, b] = await Promise.all([
      LocalRegistry.open(join(dir, "reg"), log).then((r) => r.publish(model, { n: "a" }, log)),
      LocalRegistry.open(join(dir, "reg"), log).then((r) => r.publish(model, { n: "b" }, log)),
    ]);
    expect(a.version).toBe("1");
    expect(b.version).toBe("1");
    const reg = await LocalRegistry.open(join(dir, "reg"), log);
    expect((await reg.models.list("lin")).length).toBe(1);
  });

  it("is a folder `mlops workspace check` verifies like a workspace", async () => {
    const reg = await LocalRegistry.open(join(dir, "reg"), log);
    await reg.publish(await register("linear-v1"), {}, log);
    const report = await checkWorkspace(join(dir, "reg"));
    expect(report.problems).toEqual([]);
    expect(report.versions).toBe(1);
  });

  it("refuses a workspace folder, a file, and a model whose files are gone", async () => {
    await expect(LocalRegistry.open(join(dir, "dev"), log)).rejects.toThrow(/is a local workspace, not a registry/);
    await writeFile(join(dir, "a-file"), "x");
    await expect(LocalRegistry.open(join(dir, "a-file"), log)).rejects.toThrow(/is a file, not a registry folder/);
    // A folder in use for something else is not taken over.
    await mkdir(join(dir, "used"));
    for (const n of ["a.csv", "b.csv", "c.csv", "d.csv"]) await writeFile(join(dir, "used", n), "x");
    await expect(LocalRegistry.open(join(dir, "used"), log)).rejects.toThrow(
      /'.*used' holds other files \(a\.csv, b\.csv, c\.csv, \.\.\.\) and is not a registry/,
    );
    const reg = await LocalRegistry.open(join(dir, "reg"), log);
    const gone = { ...(await register("linear-v1")), uri: join(dir, "nowhere") };
    const error = await reg.publish(gone, {}, log).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/the files of model lin:1 are gone from/);
  });

  it("open.ts opens it from the registry input on a local workspace; a bare name from a URI is refused", async () => {
    const reg = await openRegistry(ws, "reg", { cwd: dir, log });
    expect(reg).toBeInstanceOf(LocalRegistry);
    expect(reg.name).toBe("reg");
    const error = await openRegistry(ws, "reg", { cwd: dir, log, fromUri: true }).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).describe()).toMatch(
      /^input .registry.: on the local backend registry 'reg' is a folder, and no registry folder is given.*Set registry to the folder/,
    );
  });
});
