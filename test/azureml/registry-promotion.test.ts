/**
 * Promotion through an Azure ML registry, task by task against the emulator: submit-pipeline
 * trains, compare-models with register: true and registry publishes the winner to the registry and
 * tags it champion there, and deploy-endpoint with registry deploys `name@champion` by the
 * registry's asset id. (Two workspaces sharing one registry: test/azureml/registry.test.ts.)
 */
import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliTask } from "../helpers.js";
import { CLIENT, type Cloud, startCloud } from "./setup.js";

const FIXTURE = join(import.meta.dirname, "fixtures", "fields");
const REGISTRY = "promo-reg";

describe("promotion through an Azure ML registry (tasks, emulator)", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
    await cloud.emu.registries.create(REGISTRY);
    work = join(cloud.dir, "promo");
    await cp(FIXTURE, work, { recursive: true });
    await mkdir(join(work, "serve"), { recursive: true });
    await writeFile(join(work, "serve", "score.py"), "def init():\n    pass\n\ndef run(raw):\n    return raw\n");
    await writeFile(join(work, "sample.json"), '{"data": [[1, 2]]}');
  });
  afterAll(() => cloud?.stop());

  const train = async (accuracy: number) => {
    cloud.emu.state.jobScript = { metrics: { train: { accuracy } } };
    const run = await runCliTask("submit-pipeline", { ...cloud.inputs, pipeline: "pipeline.yml" }, work);
    expect(run.outputs.status).toBe("Completed");
    // What the training step wrote: its model output, at Azure ML's default output location.
    const job = run.outputs.jobName;
    const model = Buffer.from(`weights for accuracy ${accuracy}`);
    await cloud.container().getBlockBlobClient(`azureml/${job}/model/model.pkl`).uploadData(model);
    await cloud.container().getBlockBlobClient(`azureml/${job}/model/conda.yaml`).uploadData(Buffer.from("name: x\n"));
    return job;
  };
  const compare = (jobName: string) =>
    runCliTask(
      "compare-models",
      {
        ...cloud.inputs,
        candidate: `job:${jobName}`,
        modelName: "churn",
        metrics: "accuracy:higher",
        register: "true",
        registry: REGISTRY,
      },
      work,
    );
  const deploy = (deployment: string) =>
    runCliTask(
      "deploy-endpoint",
      {
        ...cloud.inputs,
        endpoint: "churn-prod",
        deployment,
        model: "churn@champion",
        registry: REGISTRY,
        scoringScript: "serve/score.py",
        smokeTest: "sample.json",
      },
      work,
    );

  it("publishes the winner with its lineage, deploys it from the registry, and moves champion on the next win", async () => {
    const first = await compare(await train(0.9));
    expect(first.stderr).toEqual([]);
    expect(first.outputs).toMatchObject({
      decision: "promote",
      registryModel: `azureml://registries/${REGISTRY}/models/churn/versions/1`,
    });
    const v1 = cloud.emu.registries.version(REGISTRY, "churn", "1");
    expect(v1?.properties.tags).toMatchObject({ champion: "true", sourceModel: "churn:1" });
    // The registry holds the training step's bytes, read from the job's output location.
    const folder = decodeURIComponent(new URL(String(v1?.properties.modelUri)).pathname)
      .split("/")
      .slice(3)
      .join("/");
    const stored = await cloud.emu.registries.storage(REGISTRY).getBlobClient(`${folder}/model.pkl`).downloadToBuffer();
    expect(stored.toString()).toBe("weights for accuracy 0.9");

    const blue = await deploy("blue");
    expect(blue.stderr).toEqual([]);
    expect(blue.exitCode).toBe(0);
    const put = cloud.emu.sent("PUT", /\/onlineEndpoints\/churn-prod\/deployments\/blue$/).at(-1);
    expect((put?.body as { properties: { model: string } }).properties.model).toBe(
      `azureml://registries/${REGISTRY}/models/churn/versions/1`,
    );

    const second = await compare(await train(0.95));
    expect(second.outputs).toMatchObject({
      decision: "promote",
      registryModel: `azureml://registries/${REGISTRY}/models/churn/versions/2`,
    });
    expect(cloud.emu.registries.version(REGISTRY, "churn", "1")?.properties.tags).not.toHaveProperty("champion");
    expect(cloud.emu.registries.version(REGISTRY, "churn", "2")?.properties.tags).toMatchObject({ champion: "true" });

    const green = await deploy("green");
    expect(green.exitCode).toBe(0);
    const greenPut = cloud.emu.sent("PUT", /\/onlineEndpoints\/churn-prod\/deployments\/green$/).at(-1);
    expect((greenPut?.body as { properties: { model: string } }).properties.model).toBe(
      `azureml://registries/${REGISTRY}/models/churn/versions/2`,
    );

    // A registry model's URI works without the registry input: the registry is found by its name.
    const back = await runCliTask(
      "deploy-endpoint",
      {
        ...cloud.inputs,
        endpoint: "churn-prod",
        deployment: "teal",
        model: `azureml://registries/${REGISTRY}/models/churn/versions/1`,
        scoringScript: "serve/score.py",
        smokeTest: "sample.json",
      },
      work,
    );
    expect(back.stderr).toEqual([]);
    expect(back.exitCode).toBe(0);
    const tealPut = cloud.emu.sent("PUT", /\/onlineEndpoints\/churn-prod\/deployments\/teal$/).at(-1);
    expect((tealPut?.body as { properties: { model: string } }).properties.model).toBe(
      `azureml://registries/${REGISTRY}/models/churn/versions/1`,
    );
    expect(cloud.emu.specViolations).toEqual([]);
  });

  it("a registry that is missing, or refused, fails the task in one line naming the input, before any deployment", async () => {
    const before = cloud.emu.writes().length;
    const missing = await runCliTask(
      "deploy-endpoint",
      {
        ...cloud.inputs,
        endpoint: "churn-prod",
        model: "churn@champion",
        registry: "no-such-reg",
        scoringScript: "serve/score.py",
      },
      work,
    );
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toEqual([
      "error: input 'registry': registry 'no-such-reg' was not found. Check the registry's name (az ml registry list shows those the identity can see), or create it (az ml registry create).",
    ]);

    await cloud.emu.registries.create("locked-reg");
    cloud.emu.registries.deny("locked-reg", CLIENT);
    const denied = await runCliTask(
      "deploy-endpoint",
      {
        ...cloud.inputs,
        endpoint: "churn-prod",
        model: "azureml://registries/locked-reg/models/churn/versions/1",
        scoringScript: "serve/score.py",
      },
      work,
    );
    expect(denied.exitCode).toBe(1);
    expect(denied.stderr).toHaveLength(1);
    expect(denied.stderr[0]).toMatch(
      // The registry's name came from the model input's URI: that input is named.
      /^error: input 'model': read registry 'locked-reg' failed: the signed-in identity may not use registry 'locked-reg' \(AuthorizationFailed\)\. Grant it the 'AzureML Registry User' role on the registry: az role assignment create/,
    );
    expect(cloud.emu.writes().length).toBe(before);
  });
});
