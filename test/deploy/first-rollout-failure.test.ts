// A failed FIRST rollout leaves nothing running: for each way a new endpoint's first deployment
// can fail (real python3 scoring scripts), the task exits 1 saying why, and the endpoint record,
// its router and its scoring server are gone. An endpoint that existed before keeps serving.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { type CliRun, runCliTask, tempDir } from "../helpers.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "models");
const REQUEST = join(FIXTURES, "serve", "request.json");

const quiet: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids the router and scoring servers wrote to their port files under `root`. */
async function recordedPids(root: string): Promise<number[]> {
  const pids: number[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.name.endsWith("port.json")) {
        // Removed or being replaced while the rollout runs: read what is there now, if anything.
        try {
          pids.push(JSON.parse(await readFile(full, "utf8")).pid);
        } catch {
          // gone or half written: the next look sees it
        }
      }
    }
  };
  await walk(root);
  return pids;
}

const SCRIPTS: Record<string, string> = {
  "init-raises": [
    "def init():",
    "    raise ValueError('no weights in the model folder')",
    "",
    "def run(raw_data):",
    "    return {}",
    "",
  ].join("\n"),
  "syntax-error": ["def init():", "    pass", "", "def run(raw_data)", "    return {}", ""].join("\n"),
  "no-run": ["def init():", "    pass", ""].join("\n"),
  "smoke-fails": [
    "def init():",
    "    pass",
    "",
    "def run(raw_data):",
    "    raise RuntimeError('cannot score this')",
    "",
  ].join("\n"),
  "init-hangs": [
    "import time",
    "",
    "def init():",
    "    time.sleep(3600)",
    "",
    "def run(raw_data):",
    "    return {}",
    "",
  ].join("\n"),
};

describe("a failed first rollout leaves nothing running (real python3 scoring scripts)", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-first-"));
    ws = await LocalWorkspace.open(join(dir, ".mlops"));
    await ws.models.register({ name: "lin", source: join(FIXTURES, "linear-v1"), tags: {}, metrics: {} }, quiet);
  });
  afterEach(async () => {
    for (const e of await ws.endpoints.list()) await ws.endpoints.delete(e.name, quiet);
    await cleanup();
  });

  const deployScript = async (kind: string, extra: Record<string, string> = {}): Promise<CliRun> => {
    const code = join(dir, kind);
    await mkdir(code, { recursive: true });
    await writeFile(join(code, "score.py"), SCRIPTS[kind]);
    return runCliTask(
      "deploy-endpoint",
      { endpoint: "fresh", model: "lin:1", scoringScript: join(code, "score.py"), smokeTest: REQUEST, ...extra },
      dir,
    );
  };

  const expectNothingLeft = async (run: CliRun, pidsSeen: number[]) => {
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: "RolledBack", rolledBack: "true", scoringUri: "" });
    expect(await ws.endpoints.get("fresh")).toBeUndefined();
    expect(existsSync(join(dir, ".mlops", "endpoints", "fresh.json"))).toBe(false);
    expect(existsSync(join(dir, ".mlops", "endpoints", "fresh"))).toBe(false);
    for (const pid of pidsSeen) expect(alive(pid), `pid ${pid}`).toBe(false);
    const last = run.stderr.at(-1) ?? "";
    expect(last).toMatch(
      /^error: rollout of lin-v1 rolled back: .*; endpoint fresh was created by this run and has been removed$/,
    );
  };

  /** Runs the deploy while noting the pids its servers report, so they can be checked after. */
  const deployWatchingPids = async (kind: string, extra: Record<string, string> = {}) => {
    const seen = new Set<number>();
    let done = false;
    const watcher = (async () => {
      while (!done) {
        for (const pid of await recordedPids(join(dir, ".mlops", "endpoints"))) seen.add(pid);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const run = await deployScript(kind, extra);
    done = true;
    await watcher;
    return { run, pids: [...seen] };
  };

  it("init() raising: the error names score.py and the line; endpoint, router and server removed", async () => {
    const { run, pids } = await deployWatchingPids("init-raises");
    await expectNothingLeft(run, pids);
    expect(pids.length).toBeGreaterThan(0); // the router did start, and is gone now
    expect(run.stderr.at(-1)).toContain(
      `${join(dir, "init-raises", "score.py")}:2: ValueError: no weights in the model folder`,
    );
  });

  it("a syntax error in score.py is reported with its file and line", async () => {
    const { run, pids } = await deployWatchingPids("syntax-error");
    await expectNothingLeft(run, pids);
    expect(run.stderr.at(-1)).toContain(`${join(dir, "syntax-error", "score.py")}:4: SyntaxError:`);
  });

  it("a score.py with no run() fails clearly", async () => {
    const { run, pids } = await deployWatchingPids("no-run");
    await expectNothingLeft(run, pids);
    expect(run.stderr.at(-1)).toContain("score.py defines no run(raw_data) function");
  });

  it("a failed smoke test", async () => {
    const { run, pids } = await deployWatchingPids("smoke-fails");
    await expectNothingLeft(run, pids);
    expect(pids.length).toBeGreaterThanOrEqual(2); // router and a healthy server both ran
    expect(run.stderr.at(-1)).toContain("smoke test of lin-v1 failed");
  });

  it("init() hanging past startTimeout (an input): the server is stopped and the endpoint removed", async () => {
    const { run, pids } = await deployWatchingPids("init-hangs", { startTimeout: "2" });
    await expectNothingLeft(run, pids);
    expect(run.stderr.at(-1)).toContain("deployment lin-v1 did not become healthy within 2 s");
  });

  it("a router that cannot start: the endpoint record it was written for is removed too", async () => {
    // The router's log path taken by a folder: the endpoint record is written, then the start fails.
    await mkdir(join(dir, ".mlops", "endpoints", "fresh", "router.log"), { recursive: true });
    const run = await deployScript("init-raises");
    expect(run.exitCode).toBe(1);
    expect(run.stderr.filter((l) => l.startsWith("error"))).toHaveLength(1);
    expect(existsSync(join(dir, ".mlops", "endpoints", "fresh.json"))).toBe(false);
    expect(existsSync(join(dir, ".mlops", "endpoints", "fresh"))).toBe(false);
  });

  it("startTimeout must be a positive number of seconds", async () => {
    const run = await deployScript("init-raises", { startTimeout: "0" });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.at(-1)).toBe(
      "error: input 'startTimeout': '0' is not a number of seconds. Give the seconds a deployment may take to start, such as 120 (at most 86400).",
    );
    expect(existsSync(join(dir, ".mlops", "endpoints", "fresh.json"))).toBe(false);
  });

  it("an endpoint that existed before is kept, serving its old deployment, when a later rollout fails", async () => {
    const good = await runCliTask(
      "deploy-endpoint",
      { endpoint: "fresh", model: "lin:1", scoringScript: join(FIXTURES, "serve", "score.py"), smokeTest: REQUEST },
      dir,
    );
    expect(good.exitCode).toBe(0);
    const bad = await deployScript("init-raises", { deployment: "broken" });
    expect(bad.exitCode).toBe(1);
    expect(bad.outputs).toMatchObject({ status: "RolledBack", rolledBack: "true" });
    expect(bad.outputs.scoringUri).toBe(good.outputs.scoringUri);
    const state = await ws.endpoints.get("fresh");
    expect(state?.traffic).toEqual({ "lin-v1": 100 });
    expect(bad.stderr.at(-1)).not.toContain("removed");
  });
});
