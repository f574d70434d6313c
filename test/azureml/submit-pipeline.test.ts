import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/pipeline/parse.js";
import { snapshot } from "../../src/workspace/azureml/code.js";
import { compileForAzure } from "../../src/workspace/azureml/contract/wire/pipeline-job.js";
import type { RecordedRequest } from "../emulator/server.js";
import { runCliTask } from "../helpers.js";
import { type Cloud, captureLog, openWorkspace, startCloud } from "./setup.js";

const FIXTURE = join(import.meta.dirname, "fixtures", "fields");

describe("submit-pipeline on Azure ML (emulator + Azurite)", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(() => cloud?.stop());
  beforeEach(async () => {
    cloud.emu.clearFaults();
    cloud.emu.state.jobScript = {};
    work = join(cloud.dir, `w${Math.random().toString(36).slice(2, 8)}`);
    await cp(FIXTURE, work, { recursive: true });
    await writeFile(join(work, "src", "junk.tmp"), "ignored by .amlignore\n");
  });

  const submit = (inputs: Record<string, string>) =>
    runCliTask("submit-pipeline", { ...cloud.inputs, pipeline: "pipeline.yml", ...inputs }, work);
  /** Requests of one method and path sent since the request count `mark`. */
  const since = (mark: number, method: string, path: RegExp): RecordedRequest[] =>
    cloud.emu.requests.slice(mark).filter((r) => r.method === method && path.test(r.path));

  it("submits, prints step status changes and logs, waits, and reads metrics through MLflow", async () => {
    cloud.emu.state.jobScript = { metrics: { train: { accuracy: 0.91, loss: 0.2 }, prep: { rows: 100 } } };
    const mark = cloud.emu.requests.length;
    const run = await submit({});
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe("Completed");
    expect(JSON.parse(run.outputs.metrics)).toEqual({
      "train.accuracy": 0.91,
      "train.loss": 0.2,
      "prep.rows": 100,
      accuracy: 0.91,
      loss: 0.2,
      rows: 100,
    });
    expect(run.outputs.studioUrl).toMatch(/^https:\/\/ml\.azure\.com\/runs\//);
    const out = run.stdout.join("\n");
    expect(out).toMatch(/step prep: Running/);
    expect(out).toMatch(/step train: Completed/);
    expect(out).toMatch(/\[prep\] starting/);
    expect(JSON.parse(run.outputs.outputs)).toHaveProperty("model");

    // The job went through a newer api-version than the SDK's 2022-10-01.
    const [put] = since(mark, "PUT", /\/jobs\/[^/]+$/);
    expect(put.query["api-version"]).toBe("2024-04-01");
  });

  it("sends every field the compiler produced, with only code and data resolved (nothing dropped)", async () => {
    const mark = cloud.emu.requests.length;
    const run = await submit({});
    expect(run.exitCode).toBe(0);
    const [put] = since(mark, "PUT", /\/jobs\/[^/]+$/);
    const sent = (put.body as { properties: Record<string, unknown> }).properties;

    // What the compiler makes of the YAML, with the same code ids (named by content hash).
    const { job } = await loadPipeline(join(work, "pipeline.yml"));
    const codeHash = (await snapshot(join(work, "src"))).hash.slice(0, 36);
    const dataUri = (sent.inputs as Record<string, { uri: string }>).raw.uri;
    expect(dataUri).toMatch(
      /^azureml:\/\/datastores\/workspaceblobstore\/paths\/LocalUpload\/[0-9a-f]{32}\/data\.csv$/,
    );
    const wsPath = cloud.emu.state.wsPath;
    const expected = compileForAzure(job, {
      codeId: () => `${wsPath}/codes/${codeHash}/versions/1`,
      dataUri: () => dataUri,
      componentId: (n, v) => `${wsPath}/components/${n}/versions/${v}`,
    });
    // Compute names become the ARM ids the service expects; nothing else changes.
    const computeId = `${wsPath}/computes/gpu-cluster`;
    const want = structuredClone(expected.properties) as {
      settings: Record<string, unknown>;
      jobs: Record<string, Record<string, unknown>>;
    };
    want.settings.default_compute = computeId;
    want.jobs.train.computeId = computeId;
    expect(sent).toEqual(want);

    // And the fields a user wrote are there, in the shape the service reads.
    const train = (sent.jobs as Record<string, Record<string, unknown>>).train;
    expect(train).toMatchObject({
      computeId: `${wsPath}/computes/gpu-cluster`,
      environment_variables: { NCCL_DEBUG: "INFO" },
      resources: { instance_count: 2, shm_size: "8g" },
      distribution: { distribution_type: "PyTorch", process_count_per_instance: 4 },
      limits: { timeout: "PT3600S" },
      identity: { identity_type: "UserIdentity" },
    });
    expect(sent).toMatchObject({
      description: "every field survives",
      tags: { owner: "ml-team" },
      settings: {
        default_compute: `${wsPath}/computes/gpu-cluster`,
        continue_on_step_failure: true,
        default_datastore: "azureml:workspaceblobstore",
      },
    });
    // Components were registered before the job, with their code as a code version id.
    const components = since(mark, "PUT", /\/components\/azureml_anonymous\/versions\//);
    expect(components).toHaveLength(2);
    expect(components[0].body).toMatchObject({
      properties: { isAnonymous: true, componentSpec: { code: `azureml:${wsPath}/codes/${codeHash}/versions/1` } },
    });
  });

  it("uploads code once per content hash, honouring .amlignore", async () => {
    await submit({});
    const codePuts = cloud.emu.sent("PUT", /\/codes\/[^/]+\/versions\/1$/);
    expect(codePuts.length).toBeLessThanOrEqual(1);
    const codeName = (await snapshot(join(work, "src"))).hash.slice(0, 36);
    const blobs: string[] = [];
    for await (const b of cloud.container().listBlobsFlat({ prefix: `LocalUpload/${codeName}/` }))
      blobs.push(b.name.split("/").at(-1) as string);
    expect(blobs.sort()).toEqual([".amlignore", "prep.py", "train.py"]);

    // A second submission of the same code uploads nothing and registers no new code version.
    const before = cloud.emu.sent("PUT", /\/codes\//).length;
    const again = await submit({});
    expect(again.exitCode).toBe(0);
    expect(cloud.emu.sent("PUT", /\/codes\//).length).toBe(before);
    expect(again.stdout.join("\n")).toMatch(/unchanged \(content hash/);
  });

  it("names a compute the workspace does not have, before submitting anything", async () => {
    const yml = join(work, "pipeline.yml");
    await writeFile(
      yml,
      (await readFile(yml, "utf8")).replace("    compute: azureml:gpu-cluster", "    compute: azureml:h100-cluster"),
    );
    const mark = cloud.emu.requests.length;
    const run = await submit({});
    expect(run.exitCode).toBe(1);
    expect(run.stderr.at(-1)).toMatch(
      /job train: compute 'h100-cluster' does not exist in workspace mlw-test\. Create it/,
    );
    expect(since(mark, "PUT", /\/jobs\//)).toEqual([]);
  });

  it("a failing step fails the task with the step named", async () => {
    cloud.emu.state.jobScript = { failStep: "prep" };
    const run = await submit({});
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe("Failed");
    expect(run.stderr.at(-1)).toMatch(/Pipeline job .* Failed: step prep failed: Execution failed in step prep/);
  });

  it("a failed step's reason comes out of Azure ML's error header, with the user's file:line", async () => {
    cloud.emu.state.jobScript = {
      failStep: "prep",
      failMessage: [
        "Execution failed. User process 'python' exited with status code 1. Please check log file 'user_logs/std_log.txt' for error details. Error: Traceback (most recent call last):",
        '  File "/mnt/azureml/cr/j/4f1c/exe/wd/prep.py", line 2, in <module>',
        "    rows = read(args.input)",
        '  File "/opt/miniconda/lib/python3.10/csv.py", line 110, in __next__',
        "    row = next(self.reader)",
        "_csv.Error: line contains NUL",
        "",
      ].join("\n"),
    };
    const run = await submit({});
    expect(run.exitCode).toBe(1);
    const errors = run.stderr.filter((l) => l.startsWith("error:"));
    expect(errors).toEqual([
      expect.stringMatching(
        /^error: Pipeline job \S+ Failed: step prep failed: _csv\.Error: line contains NUL \(src\/prep\.py:2\)$/,
      ),
    ]);
  });

  it("cancels the Azure ML job when the timeout passes", async () => {
    cloud.emu.state.jobScript = { hold: true };
    const run = await submit({ timeoutMinutes: "0.0005" });
    expect(run.outputs.status).toBe("Canceled");
    expect(cloud.emu.sent("POST", /\/jobs\/[^/]+\/cancel$/)).toHaveLength(1);
    expect(run.stderr.join("\n")).toMatch(/ran longer than .* cancelling it/);
  });

  it("cancels the Azure ML job when the CI run is cancelled (abort signal)", async () => {
    cloud.emu.state.jobScript = { hold: true };
    const { job } = await loadPipeline(join(work, "pipeline.yml"));
    const log = captureLog();
    const ws = await openWorkspace(cloud, { log });
    try {
      const controller = new AbortController();
      const name = await ws.jobs.submit(job, { experimentName: "x", baseDir: work, log, signal: controller.signal });
      const waiting = ws.jobs.wait(name, { log, signal: controller.signal });
      // Cancel once the job is seen running, as a SIGTERM from the CI runner would.
      const seen = setInterval(() => {
        if (log.lines.some((l) => l.includes(`Job ${name}: Running`)))
          controller.abort(new Error("cancelled by SIGTERM"));
      }, 5);
      await expect(waiting).rejects.toThrow(/cancelled by SIGTERM/);
      clearInterval(seen);
      expect(cloud.emu.sent("POST", new RegExp(`/jobs/${name}/cancel$`))).toHaveLength(1);
      expect(log.lines).toContain(`Cancelled job ${name} (the CI run was cancelled).`);
    } finally {
      await ws.close();
    }
  });

  it("wait: false returns the job name at once; a later run with jobName attaches and waits", async () => {
    const first = await submit({ wait: "false" });
    expect(first.exitCode).toBe(0);
    expect(first.outputs.status).not.toBe("Completed");
    const attached = await runCliTask("submit-pipeline", { ...cloud.inputs, jobName: first.outputs.jobName }, work);
    expect(attached.outputs).toMatchObject({ jobName: first.outputs.jobName, status: "Completed" });
  });

  it("dryRun writes the plan (components, code, job) and sends nothing that changes the workspace", async () => {
    const writesBefore = cloud.emu.writes().length;
    const run = await submit({ dryRun: "true", planFile: "plan.json" });
    expect(run.stderr).toEqual([]);
    expect(cloud.emu.writes().length).toBe(writesBefore);
    const plan = JSON.parse(await readFile(join(work, "plan.json"), "utf8")) as {
      requests: { method: string; path: string; apiVersion?: string; body?: unknown }[];
    };
    const lines = plan.requests.map((r) =>
      `${r.method} ${r.path.replace(/.*\/workspaces\/mlw-test/, "")} ${r.apiVersion ?? ""}`.trim(),
    );
    expect(lines.filter((l) => l.includes("/components/"))).toHaveLength(2);
    const jobPut = plan.requests.find((r) => /\/jobs\/[^/]+$/.test(r.path));
    expect(jobPut).toMatchObject({
      method: "PUT",
      apiVersion: "2024-04-01",
      body: { properties: { jobType: "Pipeline", displayName: "fields" } },
    });
    expect(run.stdout.join("\n")).toMatch(/Plan mode: \d+ request\(s\) would change the workspace/);
    // The job summary shows the plan to a reviewer.
    const summary = run.stdout.join("\n");
    expect(summary).toMatch(/### Plan \(dry run\): \d+ request\(s\) would change workspace `mlw-test`/);
    expect(summary).toMatch(/\| PUT \| `\/jobs\/fields_[0-9a-f]+` \| 2024-04-01 \| \d+ bytes of JSON \|/);
  });
});

describe("compare-models with a candidate from an Azure ML job", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
    work = join(cloud.dir, "cmp");
    await cp(FIXTURE, work, { recursive: true });
  });
  afterAll(() => cloud?.stop());

  it("registers the job's model output with lineage and the job's metrics, and promotes it when there is no champion", async () => {
    cloud.emu.state.jobScript = { metrics: { train: { accuracy: 0.93 } } };
    const job = await runCliTask("submit-pipeline", { ...cloud.inputs, pipeline: "pipeline.yml" }, work);
    expect(job.outputs.status).toBe("Completed");
    const run = await runCliTask(
      "compare-models",
      {
        ...cloud.inputs,
        candidate: `job:${job.outputs.jobName}`,
        modelName: "churn",
        metrics: "accuracy:higher",
        register: "true",
      },
      work,
    );
    expect(run.stderr).toEqual([]);
    expect(run.outputs).toMatchObject({ better: "true", decision: "promote" });
    const [put] = cloud.emu.sent("PUT", /\/models\/churn\/versions\/1$/);
    expect(put.body).toMatchObject({
      properties: {
        modelUri: `azureml://jobs/${job.outputs.jobName}/outputs/model`,
        jobName: job.outputs.jobName,
        properties: { "mlops.metric.accuracy": "0.93" },
        tags: { job: job.outputs.jobName },
      },
    });
  });
});
