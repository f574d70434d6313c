import { spawn, spawnSync } from "node:child_process";
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CliRun, runCliTask, tempDir } from "../helpers.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "pipelines");
const ROOT = join(import.meta.dirname, "..", "..");

describe("submit-pipeline on the local workspace", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-pipeline-"));
    await cp(FIXTURES, join(dir, "fixtures"), { recursive: true });
    await cp(join(ROOT, "examples"), join(dir, "examples"), { recursive: true });
  });
  afterEach(() => cleanup());

  const submit = (inputs: Record<string, string>): Promise<CliRun> => runCliTask("submit-pipeline", inputs, dir);

  it("runs the demo pipeline: metrics, the model output, logs kept, and a fully reused second run", async () => {
    const first = await submit({ pipeline: "examples/pipelines/demo/pipeline.yml" });
    expect(first.stderr).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(first.outputs.status).toBe("Completed");
    const metrics = JSON.parse(first.outputs.metrics);
    expect(metrics.r2).toBeGreaterThan(0.5);
    expect(metrics.rmse).toBeGreaterThan(0);
    expect(metrics["evaluate.mae"]).toBe(metrics.mae);
    const outputs = JSON.parse(first.outputs.outputs);
    expect(await readdir(outputs.model)).toEqual(["metrics.json", "model.json"]);
    expect(JSON.parse(await readFile(join(outputs.model, "metrics.json"), "utf8")).r2).toBe(metrics.r2);
    const log = first.stdout.join("\n");
    expect(log).toMatch(/\[prepare\] 442 rows: 354 to train, 88 to test/);
    expect(log).toContain("their `environment` is used on Azure ML only");
    const jobDir = join(dir, ".mlops", "jobs", first.outputs.jobName);
    expect(await readFile(join(jobDir, "steps", "train", "std_log.txt"), "utf8")).toContain("trained on 354 rows");
    const record = JSON.parse(await readFile(join(jobDir, "job.json"), "utf8"));
    expect(record).toMatchObject({ schemaVersion: 1, status: "Completed", experimentName: "demo" });
    expect(first.outputs.studioUrl).toMatch(/^file:\/\//);

    const again = await submit({ pipeline: "examples/pipelines/demo/pipeline.yml" });
    expect(again.outputs.status).toBe("Completed");
    expect(again.outputs.jobName).not.toBe(first.outputs.jobName);
    expect(again.stdout.join("\n")).toContain("Reused 3 step(s): prepare, train, evaluate");
    expect(JSON.parse(again.outputs.metrics)).toEqual(metrics);

    // A changed input re-runs the steps that read it, and only those.
    const changed = await submit({ pipeline: "examples/pipelines/demo/pipeline.yml", set: "inputs.l2=5" });
    expect(changed.stdout.join("\n")).toContain("Reused 1 step(s): prepare");
    expect(JSON.parse(changed.outputs.metrics).r2).not.toBe(metrics.r2);

    const forced = await submit({ pipeline: "examples/pipelines/demo/pipeline.yml", forceRerun: "true" });
    expect(forced.stdout.join("\n")).not.toContain("reused");
  });

  it("runs a registered dataset as input (azureml:name:version) and says which steps are reused in a dry run", async () => {
    const reg = await runCliTask("register-dataset", { name: "diabetes", path: "examples/data/diabetes.csv" }, dir);
    expect(reg.exitCode).toBe(0);
    const set = `inputs.training_data.path=azureml:diabetes:${reg.outputs.version}`;
    const dry = await submit({ pipeline: "examples/pipelines/demo/pipeline.yml", set, dryRun: "true" });
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout.join("\n")).toContain("No step would be reused.");
    expect(dry.stdout.join("\n")).toContain("```mermaid");
    expect(await readdir(join(dir, ".mlops"))).not.toContain("jobs");
    const run = await submit({ pipeline: "examples/pipelines/demo/pipeline.yml", set });
    expect(run.outputs.status).toBe("Completed");
    const dry2 = await submit({ pipeline: "examples/pipelines/demo/pipeline.yml", set, dryRun: "true" });
    expect(dry2.stdout.join("\n")).toContain("Would reuse: `prepare`, `train`, `evaluate`");
    expect(dry2.stdout.join("\n")).toMatch(/prepare \[command\] \(would be reused\)/);
  });

  it("runs independent steps at the same time and binds values, folders and optional sections", async () => {
    const meet = join(dir, "meet");
    await mkdir(meet);
    process.env.RENDEZVOUS_DIR = meet;
    try {
      const run = await submit({ pipeline: "fixtures/basic/pipeline.yml", maxParallel: "2" });
      expect(run.stderr).toEqual([]);
      expect(run.outputs.status).toBe("Completed");
      const outputs = JSON.parse(run.outputs.outputs);
      expect(await readFile(join(outputs.joined, "joined.txt"), "utf8")).toBe("hello + hello world");
      expect(JSON.parse(run.outputs.metrics)).toMatchObject({ "left.length": 5, "right.length": 11 });
      expect(run.stdout).toContain("[left] left wrote 'hello'");
    } finally {
      delete process.env.RENDEZVOUS_DIR;
    }
  });

  it("fails the task when a step fails, shows the tail of its log, and skips what depends on it", async () => {
    const run = await submit({ pipeline: "fixtures/failing/pipeline.yml" });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe("Failed");
    // One error line, and it gives the reason; the tail of the log is context on stdout.
    expect(run.stderr.filter((l) => l.startsWith("error:"))).toEqual([
      expect.stringMatching(/step 'broken' exited with code 3: ValueError: the training data has no rows$/),
    ]);
    const out = run.stdout.join("\n");
    expect(out).toContain("Last lines of step 'broken'");
    expect(out).toContain("[broken] working on batch 29");
    const record = JSON.parse(await readFile(join(dir, ".mlops", "jobs", run.outputs.jobName, "job.json"), "utf8"));
    const status = Object.fromEntries(record.steps.map((s: { name: string; status: string }) => [s.name, s.status]));
    expect(status).toMatchObject({ broken: "Failed", after: "Canceled" });
  });

  it("continues independent steps with continue_on_step_failure", async () => {
    const run = await submit({
      pipeline: "fixtures/failing/pipeline.yml",
      set: "settings.continue_on_step_failure=true",
    });
    expect(run.outputs.status).toBe("Failed");
    const record = JSON.parse(await readFile(join(dir, ".mlops", "jobs", run.outputs.jobName, "job.json"), "utf8"));
    const status = Object.fromEntries(record.steps.map((s: { name: string; status: string }) => [s.name, s.status]));
    expect(status).toEqual({ ok: "Completed", broken: "Failed", after: "Canceled" });
  });

  it("cancels on timeoutMinutes and stops the whole process tree", async () => {
    const pids = join(dir, "pids");
    process.env.PIDS_FILE = pids;
    try {
      // 6 s: long enough for the step to start its grandchild and record both pids on a loaded
      // machine (1.8 s was not, once, under the whole suite), short enough to keep the test quick.
      const run = await submit({ pipeline: "fixtures/slow/pipeline.yml", timeoutMinutes: "0.1" });
      expect(run.exitCode).toBe(1);
      expect(run.outputs.status).toBe("Canceled");
      expect(run.stderr.join("\n")).toMatch(/timeout of .* minute\(s\) was reached/);
      const [step, grandchild] = (await readFile(pids, "utf8")).trim().split(" ").map(Number);
      expect(await gone(step)).toBe(true);
      expect(await gone(grandchild)).toBe(true);
    } finally {
      delete process.env.PIDS_FILE;
    }
  });

  it("stops on SIGINT from the CLI: the job is Canceled and no step process is left", async () => {
    const pids = join(dir, "pids");
    const cli = spawn(
      process.execPath,
      [
        "--import",
        join(ROOT, "node_modules/tsx/dist/esm/index.mjs"),
        join(ROOT, "src/entry/cli.ts"),
        "submit-pipeline",
        "--pipeline",
        "fixtures/slow/pipeline.yml",
        "--json",
      ],
      { cwd: dir, env: { ...process.env, PIDS_FILE: pids }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let sent = false;
    cli.stdout.on("data", (d) => {
      stdout += d;
      // Once, as a user's Ctrl-C: a second SIGINT would force-quit, as CLIs conventionally do.
      if (!sent && stdout.includes("[slow] started")) {
        sent = true;
        cli.kill("SIGINT");
      }
    });
    let stderr = "";
    cli.stderr.on("data", (d) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((r) => cli.on("close", r));
    expect(code).toBe(1);
    expect(stderr).toContain("Canceled");
    const [jobName] = await readdir(join(dir, ".mlops", "jobs"));
    const record = JSON.parse(await readFile(join(dir, ".mlops", "jobs", jobName, "job.json"), "utf8"));
    expect(record).toMatchObject({ status: "Canceled", steps: [{ name: "slow", status: "Canceled" }] });
    const [step, grandchild] = (await readFile(pids, "utf8")).trim().split(" ").map(Number);
    expect(await gone(step)).toBe(true);
    expect(await gone(grandchild)).toBe(true);
  }, 30_000);

  it("fails a step that runs past its limits.timeout, and never reuses a step marked is_deterministic: false", async () => {
    const first = await submit({
      pipeline: "fixtures/limits/pipeline.yml",
      set: "settings.continue_on_step_failure=true",
    });
    expect(first.outputs.status).toBe("Failed");
    expect(first.stderr.join("\n")).toContain("step 'too_slow' timed out after 1 s (limits.timeout)");
    const again = await submit({
      pipeline: "fixtures/limits/pipeline.yml",
      set: "settings.continue_on_step_failure=true",
    });
    expect(again.stdout.join("\n")).not.toContain("[stamp] reused");
    const stamps = await Promise.all(
      [first, again].map((r) => readFile(join(JSON.parse(r.outputs.outputs)["stamp.out"], "t"), "utf8")),
    );
    expect(stamps[0]).not.toBe(stamps[1]);
  });

  it.skipIf(!hasSklearn())(
    "runs the scikit-learn example with the interpreter MLOPS_PYTHON names",
    async () => {
      process.env.MLOPS_PYTHON = "/usr/bin/python3";
      try {
        const run = await submit({ pipeline: "examples/pipelines/sklearn-diabetes/pipeline.yml" });
        expect(run.outputs.status).toBe("Completed");
        expect(JSON.parse(run.outputs.metrics).r2).toBeGreaterThan(0.3);
        expect(run.stdout.join("\n")).toContain("interpreter (/usr/bin/python3)");
        expect(await readdir(JSON.parse(run.outputs.outputs).model)).toEqual([
          "metrics.json",
          "model.json",
          "model.pkl",
        ]);
      } finally {
        delete process.env.MLOPS_PYTHON;
      }
    },
    120_000,
  );

  it("a second SIGINT kills steps that ignore SIGTERM at once, and exits 130", async () => {
    const pids = join(dir, "pids");
    const cli = spawn(
      process.execPath,
      [
        "--import",
        join(ROOT, "node_modules/tsx/dist/esm/index.mjs"),
        join(ROOT, "src/entry/cli.ts"),
        "submit-pipeline",
        "--pipeline",
        "fixtures/stubborn/pipeline.yml",
      ],
      { cwd: dir, env: { ...process.env, PIDS_FILE: pids }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let sent = false;
    cli.stdout.on("data", (d) => {
      stdout += d;
      if (!sent && stdout.includes("[stubborn] started")) {
        sent = true;
        cli.kill("SIGINT");
        setTimeout(() => cli.kill("SIGINT"), 200);
      }
    });
    const code = await new Promise<number | null>((r) => cli.on("close", r));
    expect(code).toBe(130);
    const [step, grandchild] = (await readFile(pids, "utf8")).trim().split(" ").map(Number);
    expect(await gone(step)).toBe(true);
    expect(await gone(grandchild)).toBe(true);
  }, 30_000);

  it("attaches to a finished job by jobName", async () => {
    const run = await submit({ pipeline: "examples/pipelines/demo/pipeline.yml" });
    const attached = await submit({ jobName: run.outputs.jobName });
    expect(attached.outputs).toMatchObject({
      jobName: run.outputs.jobName,
      status: "Completed",
      metrics: run.outputs.metrics,
    });
    const unknown = await submit({ jobName: "no_such_job" });
    expect(unknown.stderr.at(-1)).toMatch(/input 'jobName': no job 'no_such_job'/);
  });

  it("refuses bad input before running anything", async () => {
    await writeFile(
      join(dir, "p.yml"),
      "type: pipeline\njobs:\n  a:\n    type: command\n    command: echo hi\n    inputs:\n      x: ${{parent.inputs.missing}}\n",
    );
    const run = await submit({ pipeline: "p.yml" });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.at(-1)).toMatch(
      /p\.yml:7:10: '\$\{\{parent\.inputs\.missing\}\}' names no input of the pipeline/,
    );
    const missingData = await submit({
      pipeline: "examples/pipelines/demo/pipeline.yml",
      set: "inputs.training_data.path=../../data/nope.csv",
    });
    expect(missingData.stderr.at(-1)).toMatch(
      /demo\/pipeline\.yml:\d+:\d+: input data '\.\.\/\.\.\/data\/nope\.csv' does not exist/,
    );
    const none = await submit({ pipeline: "nope.yml" });
    expect(none.stderr.at(-1)).toMatch(/input 'pipeline': '.*nope\.yml' does not exist/);
    expect(await readdir(join(dir, ".mlops")).catch(() => [])).not.toContain("jobs");
  });
});

/** True once the process has exited (a zombie waiting for its reaper counts as exited); waits up to 5 s for a SIGTERM to land. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
    if (stat === undefined || stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function hasSklearn(): boolean {
  return spawnSync("/usr/bin/python3", ["-c", "import sklearn"], { stdio: "ignore" }).status === 0;
}

describe("attaching to a job another process runs", () => {
  it("follows it, and cancels it across processes when the attach times out", async () => {
    const { dir, cleanup } = await tempDir("mlops-attach-");
    try {
      await cp(FIXTURES, join(dir, "fixtures"), { recursive: true });
      const pids = join(dir, "pids");
      const cli = spawn(
        process.execPath,
        [
          "--import",
          join(ROOT, "node_modules/tsx/dist/esm/index.mjs"),
          join(ROOT, "src/entry/cli.ts"),
          "submit-pipeline",
          "--pipeline",
          "fixtures/slow/pipeline.yml",
        ],
        { cwd: dir, env: { ...process.env, PIDS_FILE: pids }, stdio: ["ignore", "pipe", "pipe"] },
      );
      const exited = new Promise<number | null>((r) => cli.on("close", r));
      await new Promise<void>((resolve) => {
        let out = "";
        cli.stdout.on("data", (d) => {
          out += d;
          if (out.includes("[slow] started")) resolve();
        });
      });
      const [jobName] = await readdir(join(dir, ".mlops", "jobs"));
      const attached = await runCliTask("submit-pipeline", { jobName, timeoutMinutes: "0.01" }, dir);
      expect(attached.stdout.join("\n")).toContain(`Job ${jobName}: slow:Running`);
      expect(attached.outputs).toMatchObject({ jobName, status: "Canceled" });
      expect(await exited).toBe(1);
      const [step, grandchild] = (await readFile(pids, "utf8")).trim().split(" ").map(Number);
      expect(await gone(step)).toBe(true);
      expect(await gone(grandchild)).toBe(true);
    } finally {
      await cleanup();
    }
  }, 60_000);
});
