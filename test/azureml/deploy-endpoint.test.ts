import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliTask } from "../helpers.js";
import { type Cloud, captureLog, openWorkspace, startCloud } from "./setup.js";

describe("deploy-endpoint on Azure ML (emulator)", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
    work = join(cloud.dir, "deploy");
    await mkdir(join(work, "serve"), { recursive: true });
    await mkdir(join(work, "model"), { recursive: true });
    await writeFile(join(work, "serve", "score.py"), "def init():\n    pass\n\ndef run(raw):\n    return raw\n");
    await writeFile(join(work, "model", "model.pkl"), "weights");
    await writeFile(join(work, "sample.json"), '{"data": [[1, 2]]}');
    const ws = await openWorkspace(cloud);
    await ws.models.register({ name: "churn-model", source: join(work, "model"), tags: {}, metrics: {} }, captureLog());
    await ws.close();
  });
  afterAll(() => cloud?.stop());

  const deploy = (inputs: Record<string, string>) =>
    runCliTask(
      "deploy-endpoint",
      { ...cloud.inputs, endpoint: "churn", model: "churn-model:1", scoringScript: "serve/score.py", ...inputs },
      work,
    );

  it("creates the endpoint and a deployment, shifts all traffic to it, and smoke-tests it", async () => {
    const run = await deploy({ deployment: "blue", smokeTest: "sample.json" });
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    const ep = cloud.emu.sent("PUT", /\/onlineEndpoints\/churn$/);
    expect(ep.at(-1)?.body).toMatchObject({ properties: { traffic: { blue: 100 } } });
    // The smoke test went to the new deployment directly.
    const direct = cloud.emu
      .sent("POST", /\/score\/churn$/)
      .filter((r) => r.headers["azureml-model-deployment"] === "blue");
    expect(direct.length).toBeGreaterThan(0);
  });

  it("rolls back to the saved traffic and deletes the new deployment when it fails its checks", async () => {
    cloud.emu.state.brokenDeployments.add("green");
    const run = await deploy({ deployment: "green", smokeTest: "sample.json" });
    expect(run.exitCode).toBe(1);
    const ws = await openWorkspace(cloud);
    const state = await ws.endpoints.get("churn");
    await ws.close();
    expect(state?.traffic).toEqual({ blue: 100 });
    expect(state?.deployments.map((d) => d.name)).toEqual(["blue"]);
  });
});
