// `mlops endpoints list` and `mlops endpoints invoke` on local batch endpoints: what a user sees
// (the progress line, the job, the output path, the row count; one line and exit 1 for a bad
// argument or a failing job), and an invocation killed outright (SIGKILL, as a cancelled CI job
// ends): no output file, nothing half-written left after the next run, its workers gone, no
// registered byte changed, `mlops workspace check` clean.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliHost } from "../../src/hosts/cli.js";
import { parseCli } from "../../src/hosts/cli-args.js";
import { runCli } from "../../src/hosts/cli-main.js";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { tempDir } from "../helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
const CLI = join(ROOT, "src/entry/cli.ts");

const quiet: Log = {
  info() {},
  warning() {},
  error() {},
  debug() {},
  group: (_t, f) => f(),
  secret() {},
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, test: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("mlops endpoints list|invoke on local batch endpoints", () => {
  let dir: string;
  let ws: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("mlops-cli-batch-"));
    ws = join(dir, ".mlops");
    const workspace = await LocalWorkspace.open(ws);
    await mkdir(join(dir, "model"));
    await writeFile(join(dir, "model", "factor.txt"), "3\n");
    const model = await workspace.models.register(
      { name: "triple", source: join(dir, "model"), tags: {}, metrics: {} },
      quiet,
    );
    await mkdir(join(dir, "in"));
    for (let i = 0; i < 12; i++) await writeFile(join(dir, "in", `part-${String(i).padStart(2, "0")}.txt`), `${i}\n`);
    const deploy = async (
      endpoint: string,
      name: string,
      score: string,
      extra: { miniBatchSize?: number; asDefault?: boolean } = {},
    ) => {
      const code = join(dir, "code", extra.asDefault === false ? name : endpoint);
      await mkdir(code, { recursive: true });
      await writeFile(join(code, "score.py"), score);
      await workspace.batchEndpoints.ensure(endpoint, quiet);
      await workspace.batchEndpoints.createDeployment(
        endpoint,
        {
          name,
          model,
          scoringScript: join(code, "score.py"),
          codeDir: code,
          miniBatchSize: extra.miniBatchSize ?? 5,
          maxConcurrency: 2,
          errorThreshold: 0,
          outputFile: "predictions.csv",
        },
        quiet,
      );
      if (extra.asDefault !== false) await workspace.batchEndpoints.setDefault(endpoint, name, quiet);
    };
    await deploy(
      "nightly",
      "green",
      `import os

def init():
    global factor
    factor = int(open(os.path.join(os.environ["AZUREML_MODEL_DIR"], "factor.txt")).read())

def run(mini_batch):
    return ["%s,%d" % (os.path.basename(p), int(open(p).read()) * factor) for p in mini_batch]
`,
    );
    await deploy(
      "failing",
      "red",
      `def run(mini_batch):
    raise KeyError("column 'age' is missing")
`,
    );
    // A working deployment beside the failing default, run by name.
    await deploy(
      "failing",
      "fixed",
      `def run(mini_batch):
    return ["ok"] * len(mini_batch)
`,
      { asDefault: false },
    );
    // Slow enough to be killed in the middle: half a second per file, one file per mini-batch.
    await deploy(
      "slow",
      "blue",
      `import os, time

def run(mini_batch):
    time.sleep(0.5)
    return [os.path.basename(p) for p in mini_batch]
`,
      { miniBatchSize: 1 },
    );
  }, 60_000);

  afterAll(async () => {
    await cleanup();
  });

  async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      [...argv, "--workspace-dir", ws],
      (o) =>
        new CliHost(
          o,
          (l) => out.push(l),
          (l) => err.push(l),
        ),
    );
    return { code, out, err };
  }

  it("`endpoints list` shows each batch endpoint with its default deployment and its deployments", async () => {
    const listed = await cli("endpoints", "list");
    expect(listed.code).toBe(0);
    expect(listed.out).toEqual([
      "failing  batch  default red",
      "  red  triple:1  Succeeded",
      "  fixed  triple:1  Succeeded",
      "nightly  batch  default green",
      "  green  triple:1  Succeeded",
      "slow  batch  default blue",
      "  blue  triple:1  Succeeded",
    ]);
  });

  it("`endpoints stop` on a batch endpoint says nothing runs between invocations", async () => {
    const stopped = await cli("endpoints", "stop", "nightly");
    expect(stopped).toEqual({
      code: 0,
      out: ["nightly is a batch endpoint: no process of it runs between invocations, nothing to stop."],
      err: [],
    });
  });

  it("`endpoints invoke` scores with the default deployment and prints progress, the job, the output and the rows", async () => {
    const run = await cli(
      "endpoints",
      "invoke",
      "nightly",
      "--input",
      join(dir, "in"),
      "--output-path",
      join(dir, "scores"),
      "--output-file",
      "tripled.csv",
    );
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Scored 12 of 12 files (0 failed)");
    const job = run.out.find((l) => l.startsWith("Job: "))?.slice(5) ?? "";
    expect(job).toMatch(/^nightly_\d{8}_\d{6}_[0-9a-f]{6}$/);
    expect(run.out.slice(-2)).toEqual([`Output: ${join(dir, "scores", "tripled.csv")}`, "Rows: 12"]);
    const rows = (await readFile(join(dir, "scores", "tripled.csv"), "utf8")).trim().split("\n");
    expect(rows[0]).toBe("part-00.txt,0");
    expect(rows[11]).toBe("part-11.txt,33");
  });

  it("scores a registered dataset named as azureml:<name>:<version>", async () => {
    const workspace = await LocalWorkspace.open(ws);
    await workspace.datasets.create(
      { name: "parts", type: "uri_folder", source: join(dir, "in"), fingerprint: "", tags: {} },
      quiet,
    );
    const run = await cli("endpoints", "invoke", "nightly", "--input", "azureml:parts:1");
    expect(run.code, run.err.join("\n")).toBe(0);
    expect(run.out).toContain("Input: dataset parts:1");
    expect(run.out.at(-1)).toBe("Rows: 12");
  });

  it("--deployment runs a deployment that is not the default", async () => {
    const run = await cli("endpoints", "invoke", "failing", "--input", join(dir, "in"), "--deployment", "fixed");
    expect(run.code, run.err.join("\n")).toBe(0);
    expect(run.out[0]).toMatch(/^Batch job failing_\S+: fixed of failing scores /);
    expect(run.out.at(-1)).toBe("Rows: 12");
    const none = await cli("endpoints", "invoke", "failing", "--input", join(dir, "in"), "--deployment", "blue");
    expect(none).toMatchObject({
      code: 1,
      err: ["error: batch endpoint failing has no deployment 'blue'. Use one of: red, fixed."],
    });
  });

  it("a bad argument or a failing job is one line on stderr and exit 1", async () => {
    // Argument errors are printed before any host exists (runCli writes them to stderr itself).
    expect((await cli("endpoints", "invoke", "nightly")).code).toBe(1);
    expect(() => parseCli(["endpoints", "invoke", "nightly"])).toThrow(
      "--input is required: the file, folder or dataset to score",
    );
    expect(() => parseCli(["endpoints", "invoke", "nightly", "--input", "in", "--batch-size", "3"])).toThrow(
      "unexpected argument '--batch-size' for endpoints invoke",
    );
    expect(() => parseCli(["endpoints", "invoke", "--input", "in"])).toThrow("which batch endpoint?");
    const help = parseCli(["--help"]);
    expect(help.kind === "help" && help.text).toContain(
      "mlops endpoints invoke <batch-endpoint> --input PATH|azureml:DATASET:VERSION [--deployment D]",
    );
    const unknown = await cli("endpoints", "invoke", "nope", "--input", join(dir, "in"));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toEqual([
      `error: there is no batch endpoint 'nope' in the local workspace ${ws}. Create it with deploy-endpoint (endpointType: batch); \`mlops endpoints list\` shows the ones there are.`,
    ]);
    const noData = await cli("endpoints", "invoke", "nightly", "--input", join(dir, "absent"));
    expect(noData.err).toEqual([
      `error: the batch input ${join(dir, "absent")} does not exist. Give an existing file or folder to score.`,
    ]);
    // The deployment's retry settings apply to an invocation from the CLI too (Azure's default: 3 retries).
    const failing = await cli("endpoints", "invoke", "failing", "--input", join(dir, "in"));
    expect(failing.code).toBe(1);
    expect(failing.err.filter((l) => l.startsWith("error: "))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^error: ${join(dir, "code", "failing", "score.py")}:2: batch job failing_\\S+ Failed: 5 of 12 file\\(s\\) failed, more than the errorThreshold of 0 allows; the first: run\\(\\) raised KeyError: "column 'age' is missing"; retried 3 times$`,
        ),
      ),
    ]);
  });

  it("killed outright mid-job: no output file, its workers end, the next run removes the half-written temp and marks the job Failed", async () => {
    const modelBytes = async () =>
      createHash("sha256")
        .update(await readFile(join(ws, "models", "triple", "1", "factor.txt")))
        .update(await readFile(join(ws, "models", "triple", "1.json")))
        .digest("hex");
    const before = await modelBytes();
    const out = join(dir, "slow-out");
    const child: ChildProcess = spawn(
      process.execPath,
      ["--import", TSX, CLI, "endpoints", "invoke", "slow", "--input", join(dir, "in"), "--output-path", out],
      { cwd: dir, env: { ...process.env, MLOPS_PYTHON: "" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    const ended = new Promise((r) => child.on("close", r));
    // Half-written: the temp output holds some rows, not all, and both workers run.
    const jobs = join(ws, "batch-jobs");
    let temp = "";
    let running: { status: string; workers: number[] } = { status: "", workers: [] };
    await until("rows in the temp output, two workers recorded", async () => {
      const names = await readdir(out).catch(() => [] as string[]);
      temp = names.find((n) => n.startsWith("predictions.csv.tmp-")) ?? "";
      if (temp === "" || ((await stat(join(out, temp)).catch(() => undefined))?.size ?? 0) === 0) return false;
      const record = (await readdir(jobs).catch(() => [] as string[])).find(
        (n) => n.startsWith("slow_") && n.endsWith(".json"),
      );
      if (!record) return false;
      running = JSON.parse(await readFile(join(jobs, record), "utf8").catch(() => "{}"));
      return running.workers?.length === 2;
    });
    expect(running.status).toBe("Running");
    child.kill("SIGKILL");
    await ended;
    expect(await readdir(out)).toEqual([temp]);
    // The run's watchdog ends the worker process groups when the run dies.
    await until("the workers to end", () => running.workers.every((pid: number) => !alive(pid)), 15_000);

    const check = await runCli(
      ["workspace", "check", "--workspace-dir", ws],
      () => new CliHost({ task: undefined, inputs: {}, json: false, verbose: false }),
    );
    expect(check).toBe(1);
    const listed = await cli("endpoints", "list");
    expect(listed.code).toBe(0);
    expect(await readdir(out)).toEqual([]);
    const recordFile = (await readdir(jobs)).find((n) => n.startsWith("slow_") && n.endsWith(".json")) ?? "";
    const failed = JSON.parse(await readFile(join(jobs, recordFile), "utf8"));
    expect(failed.status).toBe("Failed");
    expect(failed.error).toBe(`the runner process (pid ${child.pid}) exited before the job finished`);
    expect(await modelBytes()).toBe(before);
    const clean = await runCli(
      ["workspace", "check", "--workspace-dir", ws],
      () => new CliHost({ task: undefined, inputs: {}, json: false, verbose: false }),
    );
    expect(clean).toBe(0);
  }, 60_000);
});
