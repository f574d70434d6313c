// A CI run cancelled mid-rollout (SIGTERM to the CLI process) rolls back before it exits: the
// saved traffic map is back and the new deployment is gone, while the endpoint keeps answering.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { runCliTask, tempDir } from "../helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "models");
const quiet: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

describe("deploy-endpoint cancelled by SIGTERM", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-cancel-"));
    ws = await LocalWorkspace.open(join(dir, ".mlops"));
    for (const v of ["linear-v1", "linear-v2"]) {
      await ws.models.register({ name: "lin", source: join(FIXTURES, v), tags: {}, metrics: {} }, quiet);
    }
  });
  afterEach(async () => {
    for (const e of await ws.endpoints.list()) await ws.endpoints.delete(e.name, quiet);
    await cleanup();
  });

  it("restores the traffic and removes the new deployment before exiting 1", async () => {
    const common = {
      endpoint: "web",
      scoringScript: join(FIXTURES, "serve", "score.py"),
      smokeTest: join(FIXTURES, "serve", "request.json"),
    };
    expect((await runCliTask("deploy-endpoint", { ...common, model: "lin:1" }, dir)).exitCode).toBe(0);

    // A burst long enough that the signal lands while it runs.
    const args = [
      "--model",
      "lin:2",
      "--endpoint",
      "web",
      "--scoring-script",
      common.scoringScript,
      "--smoke-test",
      common.smokeTest,
    ];
    const child = spawn(
      process.execPath,
      [
        "--import",
        join(ROOT, "node_modules/tsx/dist/esm/index.mjs"),
        join(ROOT, "src/entry/cli.ts"),
        "deploy-endpoint",
        ...args,
        "--traffic",
        "10,100",
        "--burst",
        "10000",
      ],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stderr.on("data", (c) => {
      err += c;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (c) => {
        out += c;
        if (out.includes("Endpoint web traffic: lin-v1=90%, lin-v2=10%")) resolve();
      });
      child.on("exit", () => reject(new Error(`exited before the 10 % step:\n${out}\n${err}`)));
    });
    child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<"stuck">((r) => setTimeout(() => r("stuck"), 30_000))]);
    if (code === "stuck") child.kill("SIGKILL");
    expect(code).toBe(1);
    expect(err).toContain("Received SIGTERM: cancelling.");
    expect(err).toMatch(/error: rollout of lin-v2 rolled back: cancelled/);
    expect(out).toContain("Restored traffic: lin-v1 100%");
    const rec = JSON.parse(await readFile(join(dir, ".mlops", "endpoints", "web.json"), "utf8"));
    expect(rec.traffic).toEqual({ "lin-v1": 100 });
    expect(Object.keys(rec.deployments)).toEqual(["lin-v1"]);
    expect((await ws.endpoints.invoke("web", await readFile(common.smokeTest, "utf8"))).status).toBe(200);
  });
});
