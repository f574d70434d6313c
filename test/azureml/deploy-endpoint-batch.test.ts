import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliTask } from "../helpers.js";
import { type Cloud, captureLog, openWorkspace, startCloud } from "./setup.js";

const SCORE = `import os

def init():
    pass

def run(mini_batch):
    rows = []
    for path in mini_batch:
        with open(path) as f:
            values = [float(x) for x in f.read().split()]
        if not values:
            raise ValueError(f"{os.path.basename(path)} is empty")
        rows.append(f"{os.path.basename(path)},{sum(values):g}")
    return rows
`;

describe("deploy-endpoint endpointType: batch on Azure ML (emulator)", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
    work = join(cloud.dir, "deploy");
    await mkdir(join(work, "serve"), { recursive: true });
    await mkdir(join(work, "model"), { recursive: true });
    await mkdir(join(work, "data"), { recursive: true });
    await mkdir(join(work, "broken"), { recursive: true });
    await writeFile(join(work, "serve", "score.py"), SCORE);
    await writeFile(join(work, "model", "model.pkl"), "weights");
    for (let i = 1; i <= 4; i++) await writeFile(join(work, "data", `part-${i}.csv`), `${i}\n`);
    await writeFile(join(work, "broken", "part-1.csv"), "1\n");
    await writeFile(join(work, "broken", "empty.csv"), "\n");
    const ws = await openWorkspace(cloud);
    await ws.models.register({ name: "scorer", source: join(work, "model"), tags: {}, metrics: {} }, captureLog());
    await ws.close();
  });
  afterAll(() => cloud?.stop());

  const deploy = (inputs: Record<string, string>) =>
    runCliTask(
      "deploy-endpoint",
      {
        ...cloud.inputs,
        endpointType: "batch",
        endpoint: "nightly",
        model: "scorer:1",
        scoringScript: "serve/score.py",
        compute: "cpu-cluster",
        miniBatchSize: "2",
        ...inputs,
      },
      work,
    );

  it("creates the endpoint, scores batchInput with the new deployment, then makes it the default", async () => {
    const run = await deploy({ deployment: "blue", batchInput: "data" });
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ deployment: "blue", rows: "4" });
    expect(run.outputs.jobName).toMatch(/^batchjob-/);
    const ws = await openWorkspace(cloud);
    expect((await ws.batchEndpoints.get("nightly"))?.defaultDeployment).toBe("blue");
    await ws.close();
    // The new deployment was invoked by name before it became the default.
    const [post] = cloud.emu.sent("POST", /^\/batch\/nightly\/jobs$/);
    expect(post.headers["azureml-model-deployment"]).toBe("blue");
    expect(cloud.emu.specViolations).toEqual([]);
    expect(cloud.emu.batch.invocationViolations).toEqual([]);
  });

  it("in dryRun plans a new endpoint's rollout and sends no change", async () => {
    const writes = cloud.emu.writes().length;
    const run = await deploy({ endpoint: "planned", deployment: "blue", batchInput: "data", dryRun: "true" });
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe("Planned");
    expect(cloud.emu.writes().length).toBe(writes);
    expect(run.stdout.join("\n")).toMatch(/PUT \/subscriptions\/.*\/batchEndpoints\/planned\/deployments\/blue/);
  });

  it("keeps the old default and removes the new deployment when its scoring job fails", async () => {
    const run = await deploy({ deployment: "green", batchInput: "broken" });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe("RolledBack");
    expect(run.stderr.join("\n")).toMatch(/ValueError: empty\.csv is empty/);
    const ws = await openWorkspace(cloud);
    const ep = await ws.batchEndpoints.get("nightly");
    await ws.close();
    expect(ep?.defaultDeployment).toBe("blue");
    expect(ep?.deployments.map((d) => d.name)).toEqual(["blue"]);
  });

  it("fails a batch rollout on Azure ML without a compute cluster and leaves nothing behind", async () => {
    const run = await deploy({ endpoint: "nocompute", deployment: "red", batchInput: "data", compute: "" });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.join("\n")).toMatch(
      /input 'compute': a batch deployment on managed compute needs a compute cluster\. Set compute to one of the workspace's compute clusters/,
    );
    // Refused before anything changed: not even the endpoint was created.
    expect(cloud.emu.sent("PUT", /\/batchEndpoints\/nocompute/)).toEqual([]);
    const ws = await openWorkspace(cloud);
    expect(await ws.batchEndpoints.get("nocompute")).toBeUndefined();
    await ws.close();
  });
});
