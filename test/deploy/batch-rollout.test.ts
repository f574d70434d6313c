// deploy-endpoint with endpointType batch, end to end through the CLI host on the local backend:
// real python3 worker processes score real CSV files. What a user sees: outputs, the one failure
// line and its location, exit codes, and which deployment is the default afterwards (and that the
// default still scores).
import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { batchJournalPath } from "../../src/tasks/deploy/batch-rollout.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { type CliRun, runCliTask, tempDir } from "../helpers.js";

const MODELS = join(import.meta.dirname, "..", "fixtures", "models");
const BATCH = join(import.meta.dirname, "..", "fixtures", "batch");
const SCORE = join(BATCH, "score", "score.py");
const FAILS = join(BATCH, "fails-on-part-3", "score.py");
const DATA = join(BATCH, "data");
const EXPECTED_V1 = join(BATCH, "expected-v1.txt");

const quiet: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

describe("deploy-endpoint endpointType batch (local backend, real python3 workers)", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-batch-deploy-"));
    ws = await LocalWorkspace.open(join(dir, ".mlops"));
    for (const v of ["linear-v1", "linear-v2", "linear-v1"]) {
      await ws.models.register({ name: "lin", source: join(MODELS, v), tags: { from: v }, metrics: {} }, quiet);
    }
  });
  afterEach(() => cleanup());

  const deploy = (inputs: { [k: string]: string }, env: { [k: string]: string } = {}): Promise<CliRun> => {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    return runCliTask(
      "deploy-endpoint",
      { endpoint: "nightly", endpointType: "batch", scoringScript: SCORE, batchInput: DATA, ...inputs },
      dir,
    ).finally(() => {
      for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
    });
  };
  const endpoint = async () => ws.batchEndpoints.get("nightly");
  /** Scores the data with the endpoint's default deployment, as `mlops endpoints invoke` does. */
  const scoreWithDefault = async () => {
    const controller = new AbortController();
    const job = await ws.batchEndpoints.invoke(
      "nightly",
      { input: { kind: "path", path: DATA }, outputPath: join(dir, "check") },
      { log: quiet, signal: controller.signal },
    );
    const record = await ws.batchEndpoints.wait(job, { log: quiet, signal: controller.signal });
    const text = await readFile(join(record.outputPath, record.outputFile), "utf8");
    return { record, text };
  };
  const errors = (run: CliRun) => run.stderr.filter((l) => l.startsWith("error"));
  const warnings = (run: CliRun) => run.stderr.filter((l) => l.startsWith("warning"));

  it("a healthy first rollout: the new deployment scored the input, is the default, outputs filled, rows counted", async () => {
    const run = await deploy({ model: "lin:1", smokeTestExpect: EXPECTED_V1, miniBatchSize: "2" });
    expect(errors(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ deployment: "lin-v1", status: "Succeeded", rolledBack: "false", rows: "15" });
    expect(run.outputs.jobName).toMatch(/\w/);
    const written = await readFile(join(run.outputs.outputPath, "predictions.csv"), "utf8");
    expect(written.trim().split("\n")).toHaveLength(15);
    expect(written).toContain("part-1.csv,1,25.5000");
    expect(await endpoint()).toMatchObject({ defaultDeployment: "lin-v1" });
    // The summary's steps and facts, as a user reads them.
    const summary = run.stdout.join("\n");
    expect(summary).toContain("**Deployed** lin-v1 (lin:1): the default deployment of batch endpoint nightly.");
    expect(summary).toMatch(/\| create deployment lin-v1 \| lin:1, not the default \| ✅ \|/);
    expect(summary).toMatch(/\| score .*data \| job \S+: Completed, 5 file\(s\), 0 failed \| ✅ \|/);
    expect(summary).toMatch(
      /\| compare with .*expected-v1\.txt \| 15 row\(s\) match \(relative tolerance 0\.000001\) \| ✅ \|/,
    );
    expect(summary).toMatch(/\| make lin-v1 the default \| first deployment \| ✅ \|/);
    expect(summary).toMatch(/\| rows \| 15 \|/);
    expect(summary).toMatch(/\| failed files \| 0 \|/);
    expect(summary).toContain(`| output | ${run.outputs.outputPath}/predictions.csv |`);
  });

  it("a second healthy rollout replaces the default and keeps the previous one; a third removes the oldest", async () => {
    expect((await deploy({ model: "lin:1" })).exitCode).toBe(0);
    const second = await deploy({ model: "lin:2" });
    expect(errors(second)).toEqual([]);
    expect(second.outputs).toMatchObject({ deployment: "lin-v2", status: "Succeeded", rows: "15" });
    let ep = await endpoint();
    expect(ep?.defaultDeployment).toBe("lin-v2");
    expect(ep?.deployments.map((d) => d.name).sort()).toEqual(["lin-v1", "lin-v2"]);
    // lin:2 scores 0.5 + 2.5·10 + 0.25·9 = 27.75 for part-1.csv's first row.
    expect((await scoreWithDefault()).text).toContain("part-1.csv,1,27.7500");
    expect((await deploy({ model: "lin:3" })).exitCode).toBe(0);
    ep = await endpoint();
    expect(ep?.defaultDeployment).toBe("lin-v3");
    expect(ep?.deployments.map((d) => d.name).sort()).toEqual(["lin-v2", "lin-v3"]);
  });

  it("a script that raises on one file, errorThreshold 0: rolled back, the old default still the default and still scoring", async () => {
    expect((await deploy({ model: "lin:1" })).exitCode).toBe(0);
    const run = await deploy({ model: "lin:2", scoringScript: FAILS });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ deployment: "lin-v2", status: "RolledBack", rolledBack: "true" });
    expect(run.outputs.jobName).toMatch(/\w/);
    const line = errors(run).at(-1) ?? "";
    expect(errors(run).filter((l) => l.includes("rolled back"))).toHaveLength(1);
    expect(line).toMatch(/rollout of lin-v2 rolled back: scoring job \S+ ended Failed: .*part-3\.csv/);
    expect(line).toMatch(/cannot score part-3\.csv: unexpected units/);
    // The annotation points at the user's line that raised.
    expect(line).toMatch(/fails-on-part-3\/score\.py:20/);
    const summary = run.stdout.join("\n");
    expect(summary).toContain(
      "**Rolled back**: lin-v2 (lin:2) did not become the default; lin-v1 is still the default.",
    );
    expect(summary).toMatch(/\| roll back \| lin-v2 removed; lin-v1 is still the default \| ✅ \|/);
    expect(summary).toMatch(/\| failed files \| 5 \|/);
    const ep = await endpoint();
    expect(ep?.defaultDeployment).toBe("lin-v1");
    expect(ep?.deployments.map((d) => d.name)).toEqual(["lin-v1"]);
    const { record, text } = await scoreWithDefault();
    expect(record.status).toBe("Completed");
    expect(text).toContain("part-1.csv,1,25.5000");
  });

  it("errorThreshold tolerates the failed file (and -1 any); the warning says how many failed", async () => {
    const run = await deploy({ model: "lin:1", scoringScript: FAILS, errorThreshold: "1", miniBatchSize: "1" });
    expect(errors(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: "Succeeded", rows: "12" });
    expect(warnings(run).join("\n")).toMatch(/1 of 5 file\(s\) failed, within errorThreshold 1/);
    const any = await deploy({ model: "lin:2", scoringScript: FAILS, errorThreshold: "-1" });
    expect(any.exitCode).toBe(0);
    expect((await endpoint())?.defaultDeployment).toBe("lin-v2");
  });

  it("maxRetries: a mini-batch that fails its first attempt passes on a retry, and fails the rollout with maxRetries 0", async () => {
    // score.py fails the first attempt of each mini-batch; a marker file per file remembers it.
    const code = join(dir, "flaky");
    const markers = join(dir, "markers");
    await mkdir(code);
    await mkdir(markers);
    await writeFile(
      join(code, "score.py"),
      `import os\n\ndef run(mini_batch):\n    marker = os.path.join(${JSON.stringify(markers)}, os.path.basename(mini_batch[0]))\n    if not os.path.exists(marker):\n        open(marker, "w").close()\n        raise RuntimeError("flaky first attempt")\n    return [os.path.basename(p) for p in mini_batch]\n`,
    );
    const strict = await deploy({ model: "lin:1", scoringScript: join(code, "score.py"), maxRetries: "0" });
    expect(strict.exitCode).toBe(1);
    expect(errors(strict).join("\n")).toMatch(/run\(\) raised RuntimeError: flaky first attempt/);
    expect((await endpoint())?.defaultDeployment).toBeUndefined();

    await rm(markers, { recursive: true });
    await mkdir(markers);
    const retried = await deploy({ model: "lin:1", scoringScript: join(code, "score.py"), miniBatchTimeout: "120" });
    expect(errors(retried)).toEqual([]);
    expect(retried.exitCode).toBe(0);
    expect(retried.outputs).toMatchObject({ status: "Succeeded" });
    // The deployment keeps the settings, for the next `mlops endpoints invoke`.
    const rec = JSON.parse(await readFile(join(dir, ".mlops", "batch-endpoints", "nightly.json"), "utf8"));
    expect(rec.deployments["lin-v1"].retry).toEqual({ maxRetries: 3, timeoutSeconds: 120 });
  });

  it("a first rollout that fails removes the endpoint it created", async () => {
    const run = await deploy({ model: "lin:1", scoringScript: FAILS });
    expect(run.exitCode).toBe(1);
    expect(errors(run).at(-1)).toMatch(/endpoint nightly, created by this run, has been removed/);
    expect(await endpoint()).toBeUndefined();
  });

  it("smokeTestExpect: a mismatch rolls back naming the differing row and the expected file's line", async () => {
    expect((await deploy({ model: "lin:1", smokeTestExpect: EXPECTED_V1 })).exitCode).toBe(0);
    // lin:2 predicts other numbers than the rows expected of lin:1.
    const run = await deploy({ model: "lin:2", smokeTestExpect: EXPECTED_V1 });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe("RolledBack");
    expect(errors(run).at(-1)).toMatch(
      /the output of lin-v2 differs: predictions\.csv has 'part-1\.csv,1,27\.7500' where .*expected-v1\.txt:1 expects 'part-1\.csv,1,25\.5000'/,
    );
    expect((await endpoint())?.defaultDeployment).toBe("lin-v1");
  });

  it("the same model again: nothing to roll out; the default scores batchInput (a nightly run), and a failing job fails the run", async () => {
    const first = await deploy({ model: "lin:1" });
    expect(first.exitCode).toBe(0);
    const again = await deploy({ model: "lin:1" });
    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ status: "Succeeded", deployment: "lin-v1", rows: "15" });
    expect(again.outputs.jobName).not.toBe(first.outputs.jobName);
    expect(again.stdout.join("\n") + again.stderr.join("\n")).toMatch(/nothing to roll out; scoring/);
    expect(again.stdout.join("\n")).toMatch(
      /\*\*Unchanged\*\*: lin-v1 \(lin:1\) is already the default .*; it scored the input/,
    );
    const after = await endpoint();
    expect(after?.defaultDeployment).toBe("lin-v1");
    expect(after?.deployments.map((d) => d.name)).toEqual(["lin-v1"]);

    // The night's data has a file the default cannot score: the run fails, the default stays.
    const bad = join(dir, "bad-night");
    await mkdir(bad, { recursive: true });
    await writeFile(join(bad, "part-1.csv"), "x\nnot-a-number\n");
    const failing = await deploy({ model: "lin:1", batchInput: bad });
    expect(failing.exitCode).toBe(1);
    expect(failing.outputs.status).toBe("Failed");
    expect(errors(failing).at(-1)).toMatch(
      /^error: scoring with lin-v1, the unchanged default, failed: scoring job \S+ ended Failed/,
    );
    expect((await endpoint())?.defaultDeployment).toBe("lin-v1");
  });

  it("online-only inputs are ignored with one warning naming them; outputPath and outputFile are honoured", async () => {
    const run = await deploy({
      model: "lin:1",
      traffic: "10,100",
      bakeSeconds: "30",
      outputPath: "scores",
      outputFile: "out.csv",
    });
    expect(run.exitCode).toBe(0);
    expect(warnings(run).filter((w) => w.includes("online endpoints only"))).toEqual([
      "warning: 'traffic', 'bakeSeconds' apply to online endpoints only; endpointType is batch, so they are ignored",
    ]);
    expect(run.outputs.outputPath).toBe(join(dir, "scores"));
    expect((await readFile(join(dir, "scores", "out.csv"), "utf8")).trim().split("\n")).toHaveLength(15);
  });

  it("dryRun: a plan, nothing created", async () => {
    const run = await deploy({ model: "lin:1", dryRun: "true" });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: "Planned", deployment: "lin-v1", jobName: "" });
    expect(await endpoint()).toBeUndefined();
    expect(await readdir(join(dir, ".mlops")).then((l) => l.includes("batch-jobs"))).toBe(false);
  });

  it("interrupted after the job passed (a journal left at passed, its process gone): the re-run finishes it, the new deployment is the default", async () => {
    expect((await deploy({ model: "lin:1" })).exitCode).toBe(0);
    // A journal as a runner killed right after the job passed leaves it (the process is gone).
    const ep = await endpoint();
    await ws.batchEndpoints.createDeployment(
      "nightly",
      {
        name: "lin-v2",
        model: (await ws.models.get("lin", "2")) as NonNullable<Awaited<ReturnType<typeof ws.models.get>>>,
        scoringScript: SCORE,
        codeDir: join(BATCH, "score"),
        miniBatchSize: 10,
        errorThreshold: 0,
        outputFile: "predictions.csv",
      },
      quiet,
    );
    await ws.artifacts.write(
      batchJournalPath("nightly"),
      JSON.stringify({
        kind: "batch",
        endpoint: "nightly",
        deployment: "lin-v2",
        model: "lin:2",
        previousDefault: ep?.defaultDeployment,
        createdEndpoint: false,
        reached: "passed",
        job: "killed-job",
        state: "running",
        startedAt: "2026-11-29T20:00:00.000Z",
        host: "another-host",
        pid: 999_999,
      }),
    );
    const run = await deploy({ model: "lin:3" });
    expect(warnings(run).join("\n")).toMatch(
      /The rollout of lin-v2 .* passed its scoring job but did not finish: making it the default/,
    );
    expect(run.exitCode).toBe(0);
    // Finished (lin-v2 became the default), then lin-v3 rolled out over it, lin-v1 removed as older.
    const after = await endpoint();
    expect(after?.defaultDeployment).toBe("lin-v3");
    expect(after?.deployments.map((d) => d.name).sort()).toEqual(["lin-v2", "lin-v3"]);
  });

  it("interrupted while scoring (a journal left at scoring): the re-run undoes it (the new deployment removed, the old default kept)", async () => {
    expect((await deploy({ model: "lin:1" })).exitCode).toBe(0);
    await ws.batchEndpoints.createDeployment(
      "nightly",
      {
        name: "lin-v2",
        model: (await ws.models.get("lin", "2")) as NonNullable<Awaited<ReturnType<typeof ws.models.get>>>,
        scoringScript: SCORE,
        codeDir: join(BATCH, "score"),
        miniBatchSize: 10,
        errorThreshold: 0,
        outputFile: "predictions.csv",
      },
      quiet,
    );
    await ws.artifacts.write(
      batchJournalPath("nightly"),
      JSON.stringify({
        kind: "batch",
        endpoint: "nightly",
        deployment: "lin-v2",
        model: "lin:2",
        previousDefault: "lin-v1",
        createdEndpoint: false,
        reached: "scoring",
        state: "running",
        startedAt: "2026-11-29T20:00:00.000Z",
        host: "another-host",
        pid: 999_999,
      }),
    );
    // Same model as the default: after the undo there is nothing to roll out.
    const run = await deploy({ model: "lin:1" });
    expect(warnings(run).join("\n")).toMatch(/The rollout of lin-v2 .* was interrupted \(scoring\): undoing it/);
    expect(run.exitCode).toBe(0);
    const after = await endpoint();
    expect(after?.defaultDeployment).toBe("lin-v1");
    expect(after?.deployments.map((d) => d.name)).toEqual(["lin-v1"]);
    const journal = JSON.parse((await ws.artifacts.read(batchJournalPath("nightly")))?.toString() ?? "{}");
    expect(journal.state).toBe("rolled-back");
  });

  it("a journal left at passed whose deployment is gone: undone, not finished, and the new rollout runs", async () => {
    expect((await deploy({ model: "lin:1" })).exitCode).toBe(0);
    await ws.artifacts.write(
      batchJournalPath("nightly"),
      JSON.stringify({
        kind: "batch",
        endpoint: "nightly",
        deployment: "lin-v9",
        model: "lin:9",
        previousDefault: "lin-v1",
        createdEndpoint: false,
        reached: "passed",
        state: "running",
        startedAt: "2026-11-29T20:00:00.000Z",
        host: "another-host",
        pid: 999_999,
      }),
    );
    const run = await deploy({ model: "lin:2" });
    expect(warnings(run).join("\n")).toMatch(/interrupted \(passed; lin-v9 is gone\): undoing it/);
    expect(run.exitCode).toBe(0);
    expect((await endpoint())?.defaultDeployment).toBe("lin-v2");
  });

  it("a journal still running in a live process on this machine: refused, naming that rollout; nothing changed", async () => {
    expect((await deploy({ model: "lin:1" })).exitCode).toBe(0);
    const other = spawn("sleep", ["60"], { stdio: "ignore" });
    try {
      const journal = {
        kind: "batch",
        endpoint: "nightly",
        deployment: "lin-v2",
        model: "lin:2",
        previousDefault: "lin-v1",
        createdEndpoint: false,
        reached: "scoring",
        state: "running",
        startedAt: "2026-11-29T20:00:00.000Z",
        host: hostname(),
        pid: other.pid,
      };
      await ws.artifacts.write(batchJournalPath("nightly"), JSON.stringify(journal));
      const run = await deploy({ model: "lin:3" });
      expect(run.exitCode).toBe(1);
      expect(errors(run)).toEqual([
        `error: input 'endpoint': another rollout (lin-v2, process ${other.pid}, started 2026-11-29T20:00:00.000Z) is in progress on batch endpoint nightly. Wait for it to finish, or serialise deployments of one endpoint (a GitHub concurrency group, an Azure DevOps exclusive lock).`,
      ]);
      expect(await endpoint()).toMatchObject({ defaultDeployment: "lin-v1" });
      expect((await endpoint())?.deployments.map((d) => d.name)).toEqual(["lin-v1"]);
    } finally {
      other.kill();
    }
  });

  it("bad batch inputs: one line naming the input, nothing created", async () => {
    await writeFile(join(dir, "a-file.txt"), "x\n");
    const cases: [{ [k: string]: string }, RegExp][] = [
      [{ batchInput: "" }, /input 'batchInput': is required with endpointType: batch/],
      [{ batchInput: "nope/" }, /input 'batchInput': 'nope\/' is not an existing file or folder/],
      [{ batchInput: "holdout@3" }, /input 'batchInput': 'holdout@3' is neither a file nor a dataset/],
      [{ batchInput: "azureml://datastores/lake/paths/x" }, /input 'batchInput': is a URI; a local batch endpoint/],
      [{ miniBatchSize: "0" }, /input 'miniBatchSize': '0' is not a number of files per mini-batch/],
      [{ errorThreshold: "-2" }, /input 'errorThreshold': '-2' is not a number of files/],
      [{ maxConcurrency: "1.5" }, /input 'maxConcurrency': '1\.5' is not a number of parallel workers/],
      [
        { miniBatchTimeout: "0" },
        /input 'miniBatchTimeout': '0' is not a number of seconds\. Give a whole number from 1 to 259200/,
      ],
      [{ miniBatchTimeout: "2.5" }, /input 'miniBatchTimeout': '2\.5' is not a number of seconds/],
      [{ maxRetries: "-1" }, /input 'maxRetries': '-1' is not a number of retries\. Give a whole number from 0 to 100/],
      [{ maxRetries: "many" }, /input 'maxRetries': /],
      [{ outputFile: "../x.csv" }, /input 'outputFile': '\.\.\/x\.csv' is not a file name/],
      [{ outputPath: "a-file.txt" }, /input 'outputPath': 'a-file\.txt' is a file/],
      [{ outputPath: join(DATA, "out") }, /input 'outputPath': '.*' is inside batchInput/],
      [{ smokeTestExpect: "none.txt" }, /input 'smokeTestExpect': 'none\.txt' is not an existing file/],
      [{ codeDir: DATA }, /input 'codeDir': '.*data' does not hold the scoring script .*score\.py\. Give the folder/],
    ];
    for (const [inputs, message] of cases) {
      const run = await deploy({ model: "lin:1", ...inputs });
      expect(run.exitCode, JSON.stringify(inputs)).toBe(1);
      expect(errors(run), JSON.stringify(inputs)).toHaveLength(1);
      expect(errors(run)[0]).toMatch(message);
    }
    expect(await endpoint()).toBeUndefined();
  });
});
