// The batch rollout is written against the BatchEndpointService port only: these tests drive it
// with an in-memory service and check the calls a backend sees, in order, for each outcome,
// including ones a local process cannot produce (a provisioning that ends Failed, a job reported
// Canceled, a backend call failing during the rollback).
import { describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { parseRows } from "../../src/tasks/deploy/batch-expect.js";
import {
  type BatchPlan,
  type BatchRolloutDeps,
  batchRollout,
  finishBatch,
  jobProblem,
  readBatchJournal,
  undoBatch,
} from "../../src/tasks/deploy/batch-rollout.js";
import type { BatchSettings } from "../../src/tasks/deploy/batch-settings.js";
import type { ModelVersion } from "../../src/workspace/workspace.js";
import { MemoryArtifacts, MemoryBatch } from "./memory-batch.js";

const lines: string[] = [];
const log: Log = {
  info: (m) => lines.push(`info ${m}`),
  warning: (m) => lines.push(`warning ${m}`),
  error: (m) => lines.push(`error ${m}`),
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

const model = (version: string): ModelVersion => ({
  name: "dm",
  version,
  uri: "/models/dm",
  tags: {},
  metrics: {},
  createdAt: "2026-11-29T00:00:00Z",
});

const settings = (over: Partial<BatchSettings> = {}): BatchSettings => ({
  input: { kind: "path", path: "/data/in" },
  inputLabel: "data/in",
  miniBatchSize: 10,
  errorThreshold: 0,
  retry: { maxRetries: 3, timeoutSeconds: 30 },
  outputFile: "predictions.csv",
  ...over,
});

function setup() {
  const batch = new MemoryBatch();
  const artifacts = new MemoryArtifacts();
  const deps: BatchRolloutDeps = { batch, artifacts, log, signal: new AbortController().signal };
  return { batch, artifacts, deps };
}

async function plan(batch: MemoryBatch, version: string, over: Partial<BatchSettings> = {}): Promise<BatchPlan> {
  const before = await batch.get("ep");
  const state = await batch.ensure("ep");
  batch.calls.length = 0;
  return {
    endpoint: "ep",
    deployment: {
      name: `dm-v${version}`,
      model: model(version),
      scoringScript: "/code/score.py",
      codeDir: "/code",
      miniBatchSize: 10,
      errorThreshold: over.errorThreshold ?? 0,
      outputFile: "predictions.csv",
    },
    modelRef: `dm:${version}`,
    settings: settings(over),
    createdEndpoint: before === undefined,
    ...(state.defaultDeployment ? { previousDefault: state.defaultDeployment } : {}),
  };
}

describe("batch rollout through the port", () => {
  it("a first rollout: created (not the default), scored with the new deployment by name, then made the default", async () => {
    const { batch, artifacts, deps } = setup();
    const outcome = await batchRollout(deps, await plan(batch, "1"));
    expect(outcome.status).toBe("Succeeded");
    expect(batch.calls).toEqual(["create dm-v1", "invoke dm-v1", "wait job-1", "default dm-v1"]);
    expect(batch.invocations[0]).toMatchObject({ deployment: "dm-v1", outputFile: "predictions.csv" });
    expect(outcome.rows).toBe(3);
    expect(outcome.job?.name).toBe("job-1");
    expect((await batch.get("ep"))?.defaultDeployment).toBe("dm-v1");
    expect(await readBatchJournal(artifacts, "ep")).toMatchObject({ state: "succeeded", reached: "passed" });
  });

  it("keeps the previous default for a switch back and removes deployments older than it", async () => {
    const { batch, deps } = setup();
    await batchRollout(deps, await plan(batch, "1"));
    const second = await batchRollout(deps, await plan(batch, "2"));
    expect(second.removed).toEqual([]);
    expect((await batch.get("ep"))?.deployments.map((d) => d.name)).toEqual(["dm-v1", "dm-v2"]);
    const third = await batchRollout(deps, await plan(batch, "3"));
    expect(third.removed).toEqual(["dm-v1"]);
    const ep = await batch.get("ep");
    expect(ep?.defaultDeployment).toBe("dm-v3");
    expect(ep?.deployments.map((d) => d.name)).toEqual(["dm-v2", "dm-v3"]);
  });

  it("a failed job: the previous default stays, the new deployment is removed, never made the default", async () => {
    const { batch, artifacts, deps } = setup();
    await batchRollout(deps, await plan(batch, "1"));
    batch.outcome = (d) =>
      d === "dm-v2"
        ? {
            status: "Failed",
            files: { total: 3, failed: 1 },
            error: "b.csv: ValueError: bad row (score.py:12)",
          }
        : {};
    const outcome = await batchRollout(deps, await plan(batch, "2"));
    expect(outcome.status).toBe("RolledBack");
    expect(outcome.error).toBe("scoring job job-2 ended Failed: b.csv: ValueError: bad row (score.py:12)");
    expect(batch.calls).toEqual(["create dm-v2", "invoke dm-v2", "wait job-2", "delete dm-v2"]);
    const ep = await batch.get("ep");
    expect(ep?.defaultDeployment).toBe("dm-v1");
    expect(ep?.deployments.map((d) => d.name)).toEqual(["dm-v1"]);
    expect(await readBatchJournal(artifacts, "ep")).toMatchObject({ state: "rolled-back", job: "job-2" });
  });

  it("errorThreshold: failed files above it roll back even when the backend says Completed; at or under it pass", async () => {
    for (const [threshold, status] of [
      [0, "RolledBack"],
      [1, "RolledBack"],
      [2, "Succeeded"],
      [-1, "Succeeded"],
    ] as const) {
      const { batch, deps } = setup();
      batch.outcome = () => ({ files: { total: 5, failed: 2 }, output: "x 1\n" });
      const outcome = await batchRollout(deps, await plan(batch, "1", { errorThreshold: threshold }));
      expect(outcome.status, `errorThreshold ${threshold}`).toBe(status);
      if (status === "RolledBack")
        expect(outcome.error).toContain(`2 of 5 file(s) failed, over errorThreshold ${threshold}`);
    }
  });

  it("a deployment that ends Failed is never invoked; an endpoint the run created is removed whole", async () => {
    const { batch, deps } = setup();
    batch.createStatus = "Failed";
    const outcome = await batchRollout(deps, await plan(batch, "1"));
    expect(outcome).toMatchObject({ status: "RolledBack", endpointRemoved: true });
    expect(outcome.error).toBe("deployment dm-v1 ended Failed: image build failed");
    expect(batch.calls).toEqual(["create dm-v1", "delete endpoint ep"]);
    expect(await batch.get("ep")).toBeUndefined();
  });

  it("smokeTestExpect: rows in another order pass; a differing row rolls back naming the expected file's line", async () => {
    const { batch, deps } = setup();
    batch.outcome = () => ({ output: "c.csv 3.0000001\na.csv 1\nb.csv 2\n" });
    const expect1 = { file: "expected.txt", rows: parseRows("a.csv,1\nb.csv,2\nc.csv,3\n"), tolerance: 1e-6 };
    const ok = await batchRollout(deps, await plan(batch, "1", { expect: expect1 }));
    expect(ok.status).toBe("Succeeded");
    expect(ok.steps.map((s) => s.step)).toContain("compare with expected.txt");

    batch.outcome = () => ({ output: "a.csv 1\nb.csv 2.5\nc.csv 3\n" });
    const bad = await batchRollout(deps, await plan(batch, "2", { expect: expect1 }));
    expect(bad.status).toBe("RolledBack");
    expect(bad.error).toBe(
      "the output of dm-v2 differs: predictions.csv has 'b.csv 2.5' where expected.txt:2 expects 'b.csv,2' (field 2; rows compared in sorted order, relative tolerance 0.000001)",
    );
    expect((await batch.get("ep"))?.defaultDeployment).toBe("dm-v1");
  });

  it("smokeTestExpect with a job that wrote no output rolls back", async () => {
    const { batch, deps } = setup();
    batch.outcome = () => ({ rows: 0 });
    const e = { file: "expected.txt", rows: parseRows("a 1\n"), tolerance: 0 };
    const outcome = await batchRollout(deps, await plan(batch, "1", { expect: e }));
    expect(outcome.error).toBe("scoring job job-1 wrote no predictions.csv");
  });

  it("a cancelled run: the job is reported Canceled and the rollout rolls back", async () => {
    const { batch, deps } = setup();
    await batchRollout(deps, await plan(batch, "1"));
    const controller = new AbortController();
    controller.abort();
    const outcome = await batchRollout({ ...deps, signal: controller.signal }, await plan(batch, "2"));
    expect(outcome.status).toBe("RolledBack");
    expect(outcome.error).toMatch(/ended Canceled/);
    expect((await batch.get("ep"))?.defaultDeployment).toBe("dm-v1");
  });

  it("a rollback that cannot delete throws (the journal stays running for the next run)", async () => {
    const { batch, artifacts, deps } = setup();
    await batchRollout(deps, await plan(batch, "1"));
    batch.outcome = () => ({ status: "Failed" });
    batch.failing.add("deleteDeployment");
    await expect(batchRollout(deps, await plan(batch, "2"))).rejects.toThrow(/deleteDeployment failed/);
    expect(await readBatchJournal(artifacts, "ep")).toMatchObject({ state: "running", reached: "scoring" });
  });

  it("undo after the switch: the previous default is restored before the new deployment is deleted", async () => {
    const { batch, artifacts, deps } = setup();
    await batchRollout(deps, await plan(batch, "1"));
    batch.failing.add("setDefault");
    const p = await plan(batch, "2");
    await expect(batchRollout(deps, p)).rejects.toThrow(/setDefault failed/);
    const journal = await readBatchJournal(artifacts, "ep");
    expect(journal).toMatchObject({ state: "running", reached: "passed", previousDefault: "dm-v1" });
    batch.failing.clear();
    // The next run finishes it: the job had passed.
    await finishBatch(deps, journal as NonNullable<typeof journal>);
    expect((await batch.get("ep"))?.defaultDeployment).toBe("dm-v2");
    // And undo from that state (as if it had not passed) puts dm-v1 back first.
    batch.calls.length = 0;
    await undoBatch(deps, { ...(journal as NonNullable<typeof journal>), reached: "scoring" });
    expect(batch.calls).toEqual(["default dm-v1", "delete dm-v2"]);
  });

  it("jobProblem: a job that scored no files is a failure, never a pass", () => {
    const base = { name: "j", endpoint: "ep", deployment: "d", outputPath: "/o", outputFile: "p.csv" };
    expect(jobProblem({ ...base, status: "Completed", files: { total: 0, failed: 0 } }, 0)).toBe(
      "scoring job j scored no files",
    );
    expect(jobProblem({ ...base, status: "Completed" }, 0)).toBeUndefined();
    expect(jobProblem({ ...base, status: "Failed" }, -1)).toBe("scoring job j ended Failed");
  });
});
