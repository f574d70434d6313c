/**
 * Contract tests for batch endpoints: what our backend sends, next to what azure-ai-ml sends for
 * the same operation (test/fixtures/sdk-recordings/batch-*, sources in SOURCES.md). The endpoint
 * PUT is recorded; the recordings hold no deployment PUT and no invocation, so those fixtures are
 * derived from the SDK's code at a named commit (marked `derived`). Each case lists the
 * differences that remain, with why; the fixtures' ARM bodies are also checked against the
 * vendored REST spec, as the emulator checks ours.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AzureMlWorkspace } from "../../src/workspace/azureml/index.js";
import type { ModelVersion } from "../../src/workspace/workspace.js";
import type { RecordedRequest } from "../emulator/server.js";
import { RestSpecs } from "../emulator/spec-validator.js";
import { compareBodies, listDifferences, normalise, normalisePath } from "./contract/normalise.js";
import { type Cloud, captureLog, openWorkspace, startCloud } from "./setup.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "sdk-recordings");

interface Fixture {
  source: { repo: string; path: string; commit: string; entry: number | string };
  derived?: boolean;
  method: string;
  path: string;
  apiVersion: string;
  body: unknown;
}

async function fixture(name: string): Promise<Fixture> {
  return JSON.parse(await readFile(join(FIXTURES, `${name}.json`), "utf8")) as Fixture;
}

/** Differences between the fixture and what the emulator received, by JSON path; the region is the emulator's. */
function differences(recorded: Fixture, ours: RecordedRequest | undefined): string[] {
  expect(ours, `no request for ${recorded.method} ${recorded.path}`).toBeDefined();
  const sent = ours as RecordedRequest;
  expect(sent.method).toBe(recorded.method);
  if (recorded.path.startsWith("{workspace}")) expect(normalisePath(sent.path)).toBe(recorded.path);
  return listDifferences(compareBodies(recorded.body, normalise(sent.body)).filter((d) => d.path !== "location"));
}

describe("contract: batch endpoints against azure-ai-ml", () => {
  let cloud: Cloud;
  let ws: AzureMlWorkspace;
  let model: ModelVersion;
  let codeDir: string;
  const log = captureLog();
  const specs = new RestSpecs();
  const signal = new AbortController().signal;

  /** The fixture's body as it would reach the emulator's workspace, checked against the 2024-04-01 spec. */
  const specErrors = (f: Fixture) => {
    const wsPath = cloud.emu.state.wsPath;
    const concrete = JSON.parse(
      JSON.stringify(f.body).replaceAll("{workspace}", wsPath).replaceAll("{code}", "0123456789abcdef"),
    );
    const path = f.path.replace("{workspace}", wsPath).replaceAll("{name}", "contract");
    return specs.check({ method: f.method, path, apiVersion: "2024-04-01", body: concrete }).errors;
  };

  beforeAll(async () => {
    cloud = await startCloud();
    ws = await openWorkspace(cloud, { log });
    const modelDir = join(cloud.dir, "model-1");
    await mkdir(modelDir, { recursive: true });
    await writeFile(join(modelDir, "sklearn_regression_model.pkl"), "weights");
    model = await ws.models.register({ name: "model-1", source: modelDir, tags: {}, metrics: {} }, log);
    codeDir = join(cloud.dir, "endpoint_scoring");
    await mkdir(codeDir, { recursive: true });
    await writeFile(join(codeDir, "main.py"), "def init():\n    pass\n\ndef run(mini_batch):\n    return mini_batch\n");
  });
  afterAll(async () => {
    await ws?.close();
    await cloud?.stop();
  });

  it("the endpoint PUT is the recorded one, but for the description", async () => {
    const recorded = await fixture("batch-endpoint/create_aad_token");
    await ws.batchEndpoints.ensure("contract-ep", log);
    const put = cloud.emu.sent("PUT", /\/batchEndpoints\/contract-ep$/)[0];
    expect(differences(recorded, put)).toEqual([
      // The recorded test's YAML describes its endpoint; ours says who manages it.
      "properties.description: changed",
    ]);
    // Both recorded endpoint bodies are valid under the spec we send by.
    expect(specErrors(recorded)).toEqual([]);
    expect(specErrors(await fixture("batch-endpoint/create_with_tags_and_properties"))).toEqual([]);
  });

  it("the deployment PUT is the SDK's form of batch_deployment_1.yaml", async () => {
    const recorded = await fixture("batch-deployment/model_deployment_append_row");
    expect(recorded.derived).toBe(true);
    const state = await ws.batchEndpoints.createDeployment(
      "contract-ep",
      {
        name: "blue",
        model,
        scoringScript: join(codeDir, "main.py"),
        codeDir,
        miniBatchSize: 5,
        maxConcurrency: 5,
        errorThreshold: 10,
        outputFile: "append_row.txt",
        environment: "azureml:AzureML-sklearn-0.24-ubuntu18.04-py37-cpu:1",
        compute: "azureml:cpu-cluster",
        instanceCount: 2,
        // The YAML's retry_settings (max_retries: 3, timeout: 30), sent as the SDK sends them.
        retry: { maxRetries: 3, timeoutSeconds: 30 },
      },
      log,
    );
    expect(state.status).toBe("Succeeded");
    const put = cloud.emu.sent("PUT", /\/batchEndpoints\/contract-ep\/deployments\/blue$/)[0];
    expect(differences(recorded, put)).toEqual(
      [
        // The YAML sets an environment variable; the task has no input for one.
        "properties.environmentVariables.AZUREML_BE: missing",
        // The YAML's `info` passes through the SDK as written; we send the spec's casing (the service ignores case).
        "properties.loggingLevel: changed",
        // Our model is version 1 of the emulator's workspace; the YAML's was registered as version 5.
        "properties.model.assetId: changed",
        // We say who manages the deployment; the YAML has no description, so the SDK sends none.
        "properties.description: extra",
      ].sort(),
    );
    expect(specErrors(recorded)).toEqual([]);
  });

  it("the invocation is the SDK's form of invoke(input=<local folder>, outputs={'score': <datastore file>})", async () => {
    const recorded = await fixture("batch-invocation/local_folder_to_datastore_file");
    await ws.batchEndpoints.setDefault("contract-ep", "blue", log);
    const input = join(cloud.dir, "input");
    await mkdir(input, { recursive: true });
    await writeFile(join(input, "a.csv"), "1\n");
    const name = await ws.batchEndpoints.invoke(
      "contract-ep",
      {
        input: { kind: "path", path: input },
        outputPath: "azureml://datastores/workspaceblobstore/paths/scores",
        outputFile: "predictions.csv",
      },
      { log, signal },
    );
    const post = cloud.emu.sent("POST", /^\/batch\/contract-ep\/jobs$/)[0];
    expect(differences(recorded, post)).toEqual([]);
    expect(post.headers["content-type"]).toMatch(/^application\/json/);
    expect(post.headers["repeatability_request-id"]).toBeTruthy();
    expect(post.headers["azureml-model-deployment"]).toBeUndefined();
    expect(cloud.emu.batch.mlTokens.has(String(post.headers.authorization).slice("Bearer ".length))).toBe(true);
    // The emulator's check of the shape the SDK sends found nothing; the job runs to its end.
    expect(cloud.emu.batch.invocationViolations).toEqual([]);
    expect((await ws.batchEndpoints.wait(name, { log, signal })).status).toBe("Completed");
    expect(cloud.emu.specViolations).toEqual([]);
  });
});
