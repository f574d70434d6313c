import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AzureMlWorkspace } from "../../src/workspace/azureml/index.js";
import type { ModelVersion } from "../../src/workspace/workspace.js";
import { type CapturedLog, type Cloud, captureLog, openWorkspace, startCloud } from "./setup.js";

describe("managed online endpoints on Azure ML (emulator)", () => {
  let cloud: Cloud;
  let ws: AzureMlWorkspace;
  let log: CapturedLog;
  let model: ModelVersion;
  let codeDir: string;
  beforeAll(async () => {
    cloud = await startCloud();
    log = captureLog();
    ws = await openWorkspace(cloud, { log });
    const modelDir = join(cloud.dir, "model");
    await mkdir(modelDir, { recursive: true });
    await writeFile(join(modelDir, "MLmodel"), "flavors: {}\n");
    await writeFile(join(modelDir, "model.pkl"), "weights");
    model = await ws.models.register(
      { name: "diabetes-model", source: modelDir, tags: { stage: "candidate" }, metrics: { auc: 0.87 } },
      log,
    );
    codeDir = join(cloud.dir, "serve");
    await mkdir(codeDir, { recursive: true });
    await writeFile(join(codeDir, "score.py"), "def init():\n    pass\n\ndef run(raw):\n    return raw\n");
  });
  afterAll(async () => {
    await ws?.close();
    await cloud?.stop();
  });

  it("registers a model from local files with metrics and an mlflow type", async () => {
    expect(model).toMatchObject({
      name: "diabetes-model",
      version: "1",
      metrics: { auc: 0.87 },
      tags: { stage: "candidate" },
    });
    const [put] = cloud.emu.sent("PUT", /\/models\/diabetes-model\/versions\/1$/);
    expect(put.body).toMatchObject({
      properties: { modelType: "mlflow_model", modelUri: model.uri, properties: { "mlops.metric.auc": "0.87" } },
    });
    const tagged = await ws.models.setTags("diabetes-model", "1", { stage: null, champion: "true" });
    expect(tagged.tags).toEqual({ champion: "true" });
    expect(await ws.models.get("diabetes-model", "latest")).toMatchObject({ version: "1", tags: { champion: "true" } });
  });

  it("creates the endpoint, a deployment at 0 %, shifts traffic, invokes with the deployment header, and cleans up", async () => {
    const ep = await ws.endpoints.ensure("churn", log);
    expect(ep).toMatchObject({ name: "churn", traffic: {}, deployments: [] });
    const [create] = cloud.emu.sent("PUT", /\/onlineEndpoints\/churn$/);
    expect(create.query["api-version"]).toBe("2024-04-01");
    expect(create.body).toMatchObject({
      location: "eastus",
      identity: { type: "SystemAssigned" },
      properties: { authMode: "Key" },
    });
    // The operation was followed to its end through Azure-AsyncOperation.
    expect(cloud.emu.sent("GET", /\/mfeOperationsStatus\//).length).toBeGreaterThan(0);

    const blue = await ws.endpoints.createDeployment(
      "churn",
      {
        name: "blue",
        model,
        scoringScript: join(codeDir, "score.py"),
        codeDir,
        instanceType: "Standard_F2s_v2",
        instanceCount: 2,
      },
      log,
    );
    expect(blue.status).toBe("Succeeded");
    const [dep] = cloud.emu.sent("PUT", /\/onlineEndpoints\/churn\/deployments\/blue$/);
    expect(dep.body).toMatchObject({
      sku: { name: "Default", capacity: 2 },
      properties: {
        endpointComputeType: "Managed",
        model: expect.stringMatching(/\/models\/diabetes-model\/versions\/1$/),
        codeConfiguration: {
          codeId: expect.stringMatching(/\/codes\/[0-9a-f]{36}\/versions\/1$/),
          scoringScript: "score.py",
        },
        environmentId: expect.stringMatching(/\/environments\/CliV2AnonymousEnvironment\/versions\/[0-9a-f]{32}$/),
        instanceType: "Standard_F2s_v2",
      },
    });
    expect((await ws.endpoints.get("churn"))?.traffic).toEqual({});

    const direct = await ws.endpoints.invoke("churn", JSON.stringify({ data: [[1, 2]] }), "blue");
    expect(direct).toMatchObject({ status: 200, deployment: "blue" });
    expect(JSON.parse(direct.body)).toEqual({ deployment: "blue", input: { data: [[1, 2]] } });
    // The key came from listKeys and was registered as a secret before use.
    expect(log.secrets.some((s) => s.startsWith("key-"))).toBe(true);

    const after = await ws.endpoints.setTraffic("churn", { blue: 100 }, log);
    expect(after.traffic).toEqual({ blue: 100 });
    const trafficPut = cloud.emu.sent("PUT", /\/onlineEndpoints\/churn$/).at(-1);
    expect(trafficPut?.body).toMatchObject({
      location: "eastus",
      properties: { traffic: { blue: 100 }, authMode: "Key" },
    });
    const routed = await ws.endpoints.invoke("churn", "{}");
    expect(routed.deployment).toBe("blue");

    const green = await ws.endpoints.createDeployment(
      "churn",
      { name: "green", model, scoringScript: join(codeDir, "score.py"), codeDir },
      log,
    );
    expect(green.status).toBe("Succeeded");
    await ws.endpoints.setTraffic("churn", { blue: 0, green: 100 }, log);
    await ws.endpoints.deleteDeployment("churn", "blue", log);
    const final = await ws.endpoints.get("churn");
    expect(final?.deployments.map((d) => d.name)).toEqual(["green"]);
    expect(cloud.emu.sent("DELETE", /\/deployments\/blue$/)).toHaveLength(1);

    await ws.endpoints.delete("churn", log);
    expect(await ws.endpoints.get("churn")).toBeUndefined();
  });

  it("reports a deployment whose operation ends Failed, with the service's error", async () => {
    await ws.endpoints.ensure("flaky", log);
    cloud.emu.state.failNextLro = { code: "ResourceNotReady", message: "User container has crashed or terminated." };
    const state = await ws.endpoints.createDeployment(
      "flaky",
      { name: "bad", model, scoringScript: join(codeDir, "score.py"), codeDir },
      log,
    );
    expect(state.status).toBe("Failed");
    expect(log.lines.join("\n")).toMatch(
      /create deployment flaky\/bad \(long-running operation ended Failed\) failed: ResourceNotReady: User container has crashed/,
    );
    expect((await ws.endpoints.get("flaky"))?.deployments).toEqual([
      expect.objectContaining({ name: "bad", status: "Failed" }),
    ]);
  });

  it("keeps polling through throttling and a slow answer while an operation runs", async () => {
    cloud.emu.inject({
      method: "GET",
      path: /\/mfeOperationsStatus\//,
      times: 1,
      action: { status: 429, headers: { "retry-after": "0" } },
    });
    cloud.emu.inject({ method: "GET", path: /\/mfeOperationsStatus\//, times: 1, action: { delayMs: 300 } });
    cloud.emu.inject({ method: "GET", path: /\/mfeOperationsStatus\//, times: 1, action: { status: 500 } });
    const ep = await ws.endpoints.ensure("patient", log);
    expect(ep.name).toBe("patient");
  });
});
