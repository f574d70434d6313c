// Every task that writes to an Azure ML workspace refuses a fork's pull request (the host said
// so in the run context) unless allowForks is true; read-only work and dry runs still run.
import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliHost } from "../../src/hosts/cli.js";
import { runTask } from "../../src/hosts/run-task.js";
import type { RunContext } from "../../src/run-context.js";
import { runCliTask } from "../helpers.js";
import { type Cloud, startCloud } from "./setup.js";

const FORK = "pull request #9 from the fork mallory/repo (pull_request_target)";

/** The CLI host with the run context a CI host gives for a fork's PR. */
async function runAsFork(task: string, inputs: Record<string, string>, cwd: string) {
  const stderr: string[] = [];
  const host = new CliHost(
    { task, inputs, json: false, verbose: false },
    () => {},
    (l) => stderr.push(l),
  );
  (host as { run: RunContext }).run = { host: "cli", fork: FORK };
  const outcome = await runTask(host, cwd);
  return { ...outcome, errors: stderr.filter((l) => l.startsWith("error")), warnings: stderr };
}

describe("fork pull requests against an Azure ML workspace (emulator)", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
    work = join(cloud.dir, "fork");
    await mkdir(join(work, "data"), { recursive: true });
    await writeFile(join(work, "data", "a.csv"), "x,y\n1,2\n");
  });
  afterAll(() => cloud?.stop());

  // Sign-in and key listing are POSTs that change nothing; a write is a PUT, PATCH or DELETE.
  const writes = () => cloud.emu.requests.filter((r) => ["PUT", "PATCH", "DELETE"].includes(r.method)).length;

  it("register-dataset: refused with the reason and the fix, and no request changes the workspace", async () => {
    const before = writes();
    const run = await runAsFork("register-dataset", { ...cloud.inputs, name: "diabetes", path: "data" }, work);
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      `error: input 'allowForks': refused to register data asset 'diabetes': this run is for ${FORK}, whose code must not change the workspace with this pipeline's credentials. Run it from a branch of this repository, use dryRun, or set allowForks: true if you trust the fork.`,
    ]);
    expect(writes()).toBe(before);
  });

  it("register-dataset: a dry run still plans; allowForks: true registers with a warning", async () => {
    const dry = await runAsFork(
      "register-dataset",
      { ...cloud.inputs, name: "diabetes", path: "data", dryRun: "true", planFile: join(work, "plan.json") },
      work,
    );
    expect(dry.errors).toEqual([]);
    expect(dry.exitCode).toBe(0);

    const allowed = await runAsFork(
      "register-dataset",
      { ...cloud.inputs, name: "diabetes", path: "data", allowForks: "true" },
      work,
    );
    expect(allowed.errors).toEqual([]);
    expect(allowed.exitCode).toBe(0);
    expect(allowed.outputs.version).toBe("1");
    expect(allowed.warnings).toContain(
      `warning: This run is for ${FORK}; allowForks is true, so it may register data asset 'diabetes'.`,
    );
  });

  it("compare-models: a compare without register runs and reports; with register it is refused, no model written", async () => {
    const cmp = join(cloud.dir, "cmp");
    await cp(join(import.meta.dirname, "fixtures", "fields"), cmp, { recursive: true });
    cloud.emu.state.jobScript = { metrics: { train: { accuracy: 0.93 } } };
    // The job is the base branch's (not a fork's): submitted through the plain CLI host.
    const job = await runCliTask("submit-pipeline", { ...cloud.inputs, pipeline: "pipeline.yml" }, cmp);
    expect(job.outputs.status).toBe("Completed");
    const inputs = {
      ...cloud.inputs,
      candidate: `job:${job.outputs.jobName}`,
      modelName: "churn",
      metrics: "accuracy:higher",
    };

    const readOnly = await runAsFork("compare-models", inputs, cmp);
    expect(readOnly.errors).toEqual([]);
    expect(readOnly.exitCode).toBe(0);
    expect(readOnly.outputs).toMatchObject({ better: "true", decision: "promote" });

    const before = writes();
    const run = await runAsFork("compare-models", { ...inputs, register: "true" }, cmp);
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      `error: input 'allowForks': refused to register model 'churn': this run is for ${FORK}, whose code must not change the workspace with this pipeline's credentials. Run it from a branch of this repository, use dryRun, or set allowForks: true if you trust the fork.`,
    ]);
    expect(writes()).toBe(before);
    expect(cloud.emu.sent("PUT", /\/models\/churn\//)).toEqual([]);
  });

  it("submit-pipeline: refused before the job is created", async () => {
    await writeFile(
      join(work, "job.yml"),
      [
        "$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json",
        "type: pipeline",
        "display_name: forked",
        "jobs:",
        "  hello:",
        "    type: command",
        "    command: echo hi",
        "    environment: azureml:AzureML-sklearn-1.0-ubuntu20.04-py38-cpu@latest",
        "    compute: azureml:cpu-cluster",
        "",
      ].join("\n"),
    );
    const before = writes();
    const run = await runAsFork("submit-pipeline", { ...cloud.inputs, pipeline: "job.yml" }, work);
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain("refused to submit pipeline job 'forked': this run is for");
    expect(writes()).toBe(before);
  });
});
