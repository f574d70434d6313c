// A publish to a local registry killed hard (SIGKILL) while it places the version: after the files
// are staged, and after the version folder is placed but before its record. The registry then
// holds a half-made version nobody can see; the next run removes it, publishes the version whole
// (one version, champion), and `mlops workspace check` on the registry is clean. The crash points
// are the workspace's own (the registry publishes through the same code); crash-safety.test.ts
// kills a workspace's registration there, this file a registry's.
import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { LocalRegistry } from "../../src/workspace/local/registry.js";
import { tempDir } from "../helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
const CLI = join(ROOT, "src/entry/cli.ts");
const FIXTURES = join(ROOT, "test", "fixtures", "models");
const quiet: Log = {
  info() {},
  warning() {},
  error() {},
  debug() {},
  group: (_t, fn) => fn(),
  secret() {},
};

function mlops(args: string[], cwd: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", TSX, CLI, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("close", (code, signal) => resolve({ code, signal, out }));
  });
}

describe("a registry publish killed while placing the version", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-registry-crash-"));
    const ws = await LocalWorkspace.open(join(dir, ".mlops"));
    await ws.models.register(
      { name: "lin", source: join(FIXTURES, "linear-v1"), tags: {}, metrics: { r2: 0.4 } },
      quiet,
    );
  });
  afterEach(() => cleanup());

  const publish = ["compare-models", "--candidate", "lin:1", "--metrics", "r2:higher", "--register", "true"];

  for (const point of ["model.staged", "model.placed"]) {
    it(`${point}: the next run removes the half-made version and publishes it whole`, async () => {
      const crashed = await mlops([...publish, "--registry", "reg"], dir, { MLOPS_CRASH_AT: point });
      expect(crashed.signal ?? crashed.code, crashed.out).toBe("SIGKILL");
      // Nothing visible: a version exists only once its record is written.
      const models = join(dir, "reg", "models", "lin");
      const left = await readdir(models).catch(() => [] as string[]);
      expect(left.filter((n) => n.endsWith(".json"))).toEqual([]);
      if (point === "model.placed") expect(left).toEqual(["1"]);

      const next = await mlops([...publish, "--registry", "reg"], dir);
      expect(next.code, next.out).toBe(0);
      if (point === "model.placed") {
        expect(next.out).toContain("a version folder without a record, left by a run that was killed");
      }
      const versions = await (await LocalRegistry.open(join(dir, "reg"))).models.list("lin");
      expect(versions.map((m) => [m.version, m.tags.champion])).toEqual([["1", "true"]]);
      const checked = await mlops(["workspace", "check", "--workspace-dir", "reg"], dir);
      expect(checked.out).toContain("Workspace is consistent");
    }, 60_000);
  }
});
