import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:https";
import { join } from "node:path";
import { BlobServiceClient, StorageSharedKeyCredential } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { isoSeconds } from "../../src/workspace/azureml/contract/wire/batch-deployment.js";
import type { AzureMlWorkspace } from "../../src/workspace/azureml/index.js";
import type { ModelVersion, NewBatchDeployment } from "../../src/workspace/workspace.js";
import { AZURITE_ACCOUNT, AZURITE_KEY } from "../emulator/azurite.js";
import { type CapturedLog, type Cloud, captureLog, openWorkspace, RG, SUB, startCloud, WS } from "./setup.js";

const SCORE = `import os

def init():
    global model_files
    model_files = sorted(os.listdir(os.environ["AZUREML_MODEL_DIR"]))

def run(mini_batch):
    rows = []
    for path in mini_batch:
        with open(path) as f:
            values = [float(x) for x in f.read().split()]
        rows.append(f"{os.path.basename(path)},{sum(values):g},{len(model_files)}")
    return rows
`;

const FAILING = `import os

def init():
    pass

def run(mini_batch):
    for path in mini_batch:
        if path.endswith("bad.csv"):
            raise ValueError(f"cannot score {os.path.basename(path)}")
    return [os.path.basename(p) for p in mini_batch]
`;

const LAKE = "lake-fs";

describe("batch endpoints on Azure ML (emulator)", () => {
  let cloud: Cloud;
  let ws: AzureMlWorkspace;
  let log: CapturedLog;
  let model: ModelVersion;
  let codeDir: string;
  let failingDir: string;
  let inputDir: string;
  const signal = new AbortController().signal;
  const deployment = (over: Partial<NewBatchDeployment> = {}): NewBatchDeployment => ({
    name: "blue",
    model,
    scoringScript: join(codeDir, "score.py"),
    codeDir,
    miniBatchSize: 2,
    errorThreshold: 0,
    outputFile: "predictions.csv",
    compute: "cpu-cluster",
    ...over,
  });

  beforeAll(async () => {
    cloud = await startCloud();
    log = captureLog();
    ws = await openWorkspace(cloud, { log });
    const modelDir = join(cloud.dir, "model");
    await mkdir(modelDir, { recursive: true });
    await writeFile(join(modelDir, "MLmodel"), "flavors: {}\n");
    await writeFile(join(modelDir, "model.pkl"), "weights");
    model = await ws.models.register({ name: "scorer", source: modelDir, tags: {}, metrics: {} }, log);
    codeDir = join(cloud.dir, "batch-code");
    await mkdir(codeDir, { recursive: true });
    await writeFile(join(codeDir, "score.py"), SCORE);
    failingDir = join(cloud.dir, "failing-code");
    await mkdir(failingDir, { recursive: true });
    await writeFile(join(failingDir, "score.py"), FAILING);
    inputDir = join(cloud.dir, "input");
    await mkdir(inputDir, { recursive: true });
    for (let i = 1; i <= 5; i++) await writeFile(join(inputDir, `part-${i}.csv`), `${i} ${i * 10}\n`);
    // An ADLS Gen2 datastore of the workspace: its filesystem is a container behind the blob endpoint.
    await new BlobServiceClient(cloud.azurite.adminUrl, new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY))
      .getContainerClient(LAKE)
      .create();
    const lake = `${cloud.emu.state.wsPath}/datastores/lakestore`;
    cloud.emu.state.resources.set(lake.toLowerCase(), {
      id: lake,
      name: "lakestore",
      type: "Microsoft.MachineLearningServices/workspaces/datastores",
      properties: {
        datastoreType: "AzureDataLakeGen2",
        accountName: AZURITE_ACCOUNT,
        filesystem: LAKE,
        endpoint: cloud.azurite.blobHost,
        protocol: "http",
        isDefault: false,
        credentials: { credentialsType: "AccountKey" },
      },
      systemData: {},
    });
  });
  afterAll(async () => {
    await ws?.close();
    await cloud?.stop();
  });

  it("creates the endpoint in the SDK's form and follows the operation", async () => {
    const ep = await ws.batchEndpoints.ensure("nightly", log);
    expect(ep).toMatchObject({ name: "nightly", deployments: [] });
    expect(ep.defaultDeployment).toBeUndefined();
    expect(ep.scoringUri).toMatch(/\/batch\/nightly\/jobs$/);
    const [put] = cloud.emu.sent("PUT", /\/batchEndpoints\/nightly$/);
    expect(put.query["api-version"]).toBe("2024-04-01");
    expect(put.body).toEqual({
      tags: {},
      location: "eastus",
      properties: { authMode: "aadToken", description: "Managed by mlops-action deploy-endpoint", properties: {} },
    });
    expect(cloud.emu.sent("GET", /\/mfeOperationsStatus\/bebes:/).length).toBeGreaterThan(0);
    // A second ensure finds it.
    await ws.batchEndpoints.ensure("nightly", log);
    expect(cloud.emu.sent("PUT", /\/batchEndpoints\/nightly$/)).toHaveLength(1);
  });

  it("refuses a deployment without a compute cluster, or with one the workspace lacks, in one line", async () => {
    const missing = await ws.batchEndpoints
      .createDeployment("nightly", deployment({ compute: undefined }), log)
      .catch((e) => e);
    expect(missing).toBeInstanceOf(UserError);
    expect(missing.location).toEqual({ subject: "compute" });
    expect(missing.describe()).toBe(
      "a batch deployment on Azure ML needs a compute cluster. Name one of the workspace's compute clusters, such as cpu-cluster.",
    );
    const unknown = await ws.batchEndpoints
      .createDeployment("nightly", deployment({ compute: "tpu-pod" }), log)
      .catch((e) => e);
    expect(unknown).toBeInstanceOf(UserError);
    expect(unknown.location).toEqual({ subject: "compute" });
    expect(unknown.message).toMatch(/compute 'tpu-pod' does not exist in workspace mlw-test/);
    expect(cloud.emu.sent("PUT", /\/batchEndpoints\/nightly\/deployments\//)).toHaveLength(0);
  });

  it("creates a deployment that is not the default, then makes it the default", async () => {
    const blue = await ws.batchEndpoints.createDeployment(
      "nightly",
      deployment({ maxConcurrency: 2, instanceCount: 2 }),
      log,
    );
    expect(blue).toEqual({ name: "blue", model: "scorer:1", status: "Succeeded" });
    const [put] = cloud.emu.sent("PUT", /\/batchEndpoints\/nightly\/deployments\/blue$/);
    expect(put.body).toMatchObject({
      tags: {},
      location: "eastus",
      properties: {
        compute: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/${WS}/computes/cpu-cluster`,
        codeConfiguration: {
          codeId: expect.stringMatching(/\/codes\/[0-9a-f]{36}\/versions\/1$/),
          scoringScript: "score.py",
        },
        environmentId: expect.stringMatching(/\/environments\/CliV2AnonymousEnvironment\/versions\/[0-9a-f]{32}$/),
        model: { referenceType: "Id", assetId: expect.stringMatching(/\/models\/scorer\/versions\/1$/) },
        miniBatchSize: 2,
        maxConcurrencyPerInstance: 2,
        errorThreshold: 0,
        outputAction: "AppendRow",
        outputFileName: "predictions.csv",
        retrySettings: { maxRetries: 3, timeout: "PT30S" },
        loggingLevel: "Info",
        resources: { instanceCount: 2 },
      },
    });
    expect((await ws.batchEndpoints.get("nightly"))?.defaultDeployment).toBeUndefined();

    const after = await ws.batchEndpoints.setDefault("nightly", "blue", log);
    expect(after.defaultDeployment).toBe("blue");
    const update = cloud.emu.sent("PUT", /\/batchEndpoints\/nightly$/).at(-1);
    expect(update?.body).toEqual({
      tags: {},
      location: "eastus",
      properties: {
        authMode: "aadToken",
        description: "Managed by mlops-action deploy-endpoint",
        properties: {},
        defaults: { deploymentName: "blue" },
      },
    });
  });

  it("sends the deployment's retry settings: maxRetries, and the timeout as the ISO 8601 duration the SDK writes", async () => {
    expect([30, 90, 3600, 5400, 86_400, 90_061, 259_200].map(isoSeconds)).toEqual([
      "PT30S",
      "PT1M30S",
      "PT1H",
      "PT1H30M",
      "P1D",
      "P1DT1H1M1S",
      "P3D",
    ]);
    await ws.batchEndpoints.ensure("retries", log);
    const state = await ws.batchEndpoints.createDeployment(
      "retries",
      deployment({ retry: { maxRetries: 0, timeoutSeconds: 5400 } }),
      log,
    );
    expect(state.status).toBe("Succeeded");
    // The emulator checked the body against the REST spec (timeout's format is duration).
    const [put] = cloud.emu.sent("PUT", /\/batchEndpoints\/retries\/deployments\/blue$/);
    expect((put.body as { properties: { retrySettings: unknown } }).properties.retrySettings).toEqual({
      maxRetries: 0,
      timeout: "PT1H30M",
    });
    await ws.batchEndpoints.delete("retries", log);
  });

  it("the emulator's compute honours them: a first attempt that hangs past the timeout or raises is retried", async () => {
    // part-1's first attempt sleeps far past a 1 s timeout, the others' first attempts raise; a
    // marker file per file remembers the first attempt.
    const markers = join(cloud.dir, "retry-markers");
    const flakyDir = join(cloud.dir, "flaky-code");
    await mkdir(flakyDir, { recursive: true });
    await writeFile(
      join(flakyDir, "score.py"),
      `import os, time\n\nMARKERS = ${JSON.stringify(markers)}\n\ndef run(mini_batch):\n    name = os.path.basename(mini_batch[0])\n    marker = os.path.join(MARKERS, name)\n    if not os.path.exists(marker):\n        open(marker, "w").close()\n        if name == "part-1.csv":\n            time.sleep(600)\n        raise RuntimeError("first attempt of " + name)\n    return [name]\n`,
    );
    const flaky = (retry: NewBatchDeployment["retry"]) =>
      deployment({ codeDir: flakyDir, scoringScript: join(flakyDir, "score.py"), miniBatchSize: 1, retry });
    const score = async () => {
      await rm(markers, { recursive: true, force: true });
      await mkdir(markers);
      const name = await ws.batchEndpoints.invoke(
        "flaky",
        { deployment: "blue", input: { kind: "path", path: inputDir } },
        { log, signal },
      );
      return ws.batchEndpoints.wait(name, { log, signal });
    };
    await ws.batchEndpoints.ensure("flaky", log);
    await ws.batchEndpoints.createDeployment("flaky", flaky({ maxRetries: 1, timeoutSeconds: 1 }), log);
    const passed = await score();
    expect(passed.status, passed.error).toBe("Completed");
    const file = await ws.batchEndpoints.readOutput(passed, join(cloud.dir, "out-flaky"), log);
    expect((await readFile(file as string, "utf8")).trim().split("\n")).toEqual(
      [1, 2, 3, 4, 5].map((i) => `part-${i}.csv`),
    );

    await ws.batchEndpoints.createDeployment("flaky", flaky({ maxRetries: 0, timeoutSeconds: 1 }), log);
    const failed = await score();
    expect(failed.status).toBe("Failed");
    expect(failed.error).toMatch(/MiniBatchTimeout: run\(\) timed out after 1 s/);
    await ws.batchEndpoints.delete("flaky", log);
  });

  it("invokes the default deployment on a local folder, waits, and reads the rows", async () => {
    const mark = cloud.emu.requests.length;
    const name = await ws.batchEndpoints.invoke(
      "nightly",
      { input: { kind: "path", path: inputDir } },
      { log, signal },
    );
    const [post] = cloud.emu.requests.slice(mark).filter((r) => r.method === "POST" && /^\/batch\//.test(r.path));
    expect(post.path).toBe("/batch/nightly/jobs");
    expect(post.body).toEqual({
      properties: {
        inputData: {
          UriFolder: {
            jobInputType: "UriFolder",
            uri: expect.stringMatching(
              /^azureml:\/\/datastores\/workspaceblobstore\/paths\/LocalUpload\/[0-9a-f]{32}\/input\/$/,
            ),
          },
        },
      },
    });
    // A token for Azure ML's audience, not ARM's; one id for the POST and its retries; no deployment header.
    expect(cloud.emu.batch.mlTokens.has(String(post.headers.authorization).replace("Bearer ", ""))).toBe(true);
    expect(post.headers["repeatability_request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.headers["azureml-model-deployment"]).toBeUndefined();
    expect(cloud.emu.batch.invocationViolations).toEqual([]);

    const job = await ws.batchEndpoints.wait(name, { log, signal });
    expect(job).toMatchObject({
      name,
      endpoint: "nightly",
      deployment: "blue",
      status: "Completed",
      outputFile: "predictions.csv",
    });
    expect(job.outputPath).toBe(`azureml://datastores/workspaceblobstore/paths/azureml/${name}/score/`);
    expect(log.lines).toContain("  [batchscoring] mini-batch 3/3: 1 file(s), 1 row(s)");

    const file = await ws.batchEndpoints.readOutput(job, join(cloud.dir, "out-1"), log);
    expect(file).toBe(join(cloud.dir, "out-1", "predictions.csv"));
    const rows = (await readFile(file as string, "utf8")).trim().split("\n");
    expect(rows).toEqual([
      "part-1.csv,11,2",
      "part-2.csv,22,2",
      "part-3.csv,33,2",
      "part-4.csv,44,2",
      "part-5.csv,55,2",
    ]);
    expect(await ws.batchEndpoints.getJob(name)).toMatchObject({ status: "Completed", deployment: "blue" });

    // Another file name than the deployment's, without an output path: a fresh folder of the default datastore.
    const renamed = await ws.batchEndpoints.invoke(
      "nightly",
      { input: { kind: "path", path: inputDir }, outputFile: "renamed.csv" },
      { log, signal },
    );
    const renamedJob = await ws.batchEndpoints.wait(renamed, { log, signal });
    expect(renamedJob.outputPath).toMatch(
      /^azureml:\/\/datastores\/workspaceblobstore\/paths\/azureml\/batch-outputs\/nightly\/[0-9a-f-]{36}$/,
    );
    const renamedFile = await ws.batchEndpoints.readOutput(renamedJob, join(cloud.dir, "out-renamed"), log);
    expect(renamedFile).toBe(join(cloud.dir, "out-renamed", "renamed.csv"));
    expect((await readFile(renamedFile as string, "utf8")).trim().split("\n")).toHaveLength(5);
  });

  it("invokes a named deployment on a dataset, writing to an ADLS Gen2 datastore path", async () => {
    const dataset = await ws.datasets.create(
      { name: "nightly-input", type: "uri_folder", source: inputDir, fingerprint: "", tags: {} },
      log,
    );
    const name = await ws.batchEndpoints.invoke(
      "nightly",
      {
        deployment: "blue",
        input: { kind: "dataset", dataset },
        outputPath: "azureml://datastores/lakestore/paths/scores/run-1",
        outputFile: "scores.csv",
      },
      { log, signal },
    );
    const post = cloud.emu.sent("POST", /^\/batch\/nightly\/jobs$/).at(-1);
    expect(post?.headers["azureml-model-deployment"]).toBe("blue");
    expect(post?.body).toEqual({
      properties: {
        inputData: {
          UriFolder: {
            jobInputType: "UriFolder",
            uri: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/${WS}/data/nightly-input/versions/${dataset.version}`,
          },
        },
        outputData: {
          score: { jobOutputType: "UriFile", uri: "azureml://datastores/lakestore/paths/scores/run-1/scores.csv" },
        },
      },
    });
    const job = await ws.batchEndpoints.wait(name, { log, signal });
    expect(job).toMatchObject({ status: "Completed", outputPath: "azureml://datastores/lakestore/paths/scores/run-1" });
    const file = await ws.batchEndpoints.readOutput(job, join(cloud.dir, "out-2"), log);
    expect((await readFile(file as string, "utf8")).trim().split("\n")).toHaveLength(5);
    // The file is in the lake's filesystem, not in the default datastore.
    const lake = new BlobServiceClient(
      cloud.azurite.adminUrl,
      new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY),
    );
    expect(await lake.getContainerClient(LAKE).getBlobClient("scores/run-1/scores.csv").exists()).toBe(true);
    // Another process (a re-run) finds where the job wrote from the job itself.
    const other = await openWorkspace(cloud);
    expect(await other.batchEndpoints.getJob(name)).toMatchObject({
      status: "Completed",
      endpoint: "nightly",
      outputPath: "azureml://datastores/lakestore/paths/scores/run-1",
      outputFile: "scores.csv",
    });
    await other.close();
  });

  it("scores with a model published to a registry, named by its asset id", async () => {
    await cloud.emu.registries.create("shared");
    const registry = await ws.openRegistry("shared", log);
    const published = await registry.publish(model, {}, log);
    expect(published.assetId).toMatch(/^azureml:\/\/registries\/shared\/models\/scorer\/versions\/\d+$/);
    const state = await ws.batchEndpoints.createDeployment(
      "nightly",
      deployment({ name: "fromreg", model: published }),
      log,
    );
    expect(state).toEqual({ name: "fromreg", model: published.assetId, status: "Succeeded" });
    const put = cloud.emu.sent("PUT", /\/batchEndpoints\/nightly\/deployments\/fromreg$/)[0];
    expect((put.body as { properties: { model: unknown } }).properties.model).toEqual({
      referenceType: "Id",
      assetId: published.assetId,
    });
    const name = await ws.batchEndpoints.invoke(
      "nightly",
      { deployment: "fromreg", input: { kind: "path", path: inputDir } },
      { log, signal },
    );
    const job = await ws.batchEndpoints.wait(name, { log, signal });
    expect(job.status).toBe("Completed");
    const file = await ws.batchEndpoints.readOutput(job, join(cloud.dir, "out-registry"), log);
    // The model's two files came from the registry's storage into AZUREML_MODEL_DIR.
    expect((await readFile(file as string, "utf8")).trim().split("\n")[0]).toBe("part-1.csv,11,2");
    await ws.batchEndpoints.deleteDeployment("nightly", "fromreg", log);
  });

  it("reports a failing scoring job with the script's reason", async () => {
    const red = await ws.batchEndpoints.createDeployment(
      "nightly",
      deployment({ name: "red", codeDir: failingDir, scoringScript: join(failingDir, "score.py") }),
      log,
    );
    expect(red.status).toBe("Succeeded");
    const badDir = join(cloud.dir, "bad-input");
    await mkdir(badDir, { recursive: true });
    await writeFile(join(badDir, "a.csv"), "1\n");
    await writeFile(join(badDir, "bad.csv"), "x\n");
    const name = await ws.batchEndpoints.invoke(
      "nightly",
      { deployment: "red", input: { kind: "path", path: badDir } },
      { log, signal },
    );
    const job = await ws.batchEndpoints.wait(name, { log, signal });
    expect(job.status).toBe("Failed");
    expect(job.error).toBe("step batchscoring failed: ValueError: cannot score bad.csv");
    expect(job.where).toEqual({ file: "score.py", line: 9 });
    // The default deployment did not change.
    expect((await ws.batchEndpoints.get("nightly"))?.defaultDeployment).toBe("blue");

    cloud.emu.batch.failNextJob = "Compute cluster cpu-cluster could not allocate nodes: quota exceeded";
    const starved = await ws.batchEndpoints.invoke(
      "nightly",
      { input: { kind: "path", path: inputDir } },
      { log, signal },
    );
    const starvedJob = await ws.batchEndpoints.wait(starved, { log, signal });
    expect(starvedJob).toMatchObject({ status: "Failed" });
    expect(starvedJob.error).toMatch(/quota exceeded/);
    // It wrote nothing: there is no output file to read.
    expect(await ws.batchEndpoints.readOutput(starvedJob, join(cloud.dir, "out-starved"), log)).toBeUndefined();
  });

  it("retries a throttled or failed invocation with the same repeatability id, starting one job", async () => {
    cloud.emu.inject({
      method: "POST",
      path: /^\/batch\/nightly\/jobs$/,
      times: 1,
      action: { status: 429, headers: { "retry-after": "0" } },
    });
    cloud.emu.inject({ method: "POST", path: /^\/batch\/nightly\/jobs$/, times: 1, action: { status: 503 } });
    const before = cloud.emu.batch.jobs.size;
    const mark = cloud.emu.requests.length;
    const name = await ws.batchEndpoints.invoke(
      "nightly",
      { input: { kind: "path", path: inputDir } },
      { log, signal },
    );
    const posts = cloud.emu.requests.slice(mark).filter((r) => r.method === "POST" && r.path === "/batch/nightly/jobs");
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((r) => r.headers["repeatability_request-id"])).size).toBe(1);
    expect(cloud.emu.batch.jobs.size).toBe(before + 1);
    expect((await ws.batchEndpoints.wait(name, { log, signal })).status).toBe("Completed");
  });

  it("cancels the scoring job when the wait times out", async () => {
    const slowDir = join(cloud.dir, "slow-code");
    await mkdir(slowDir, { recursive: true });
    await writeFile(
      join(slowDir, "score.py"),
      "import time\n\ndef init():\n    pass\n\ndef run(mini_batch):\n    time.sleep(60)\n    return []\n",
    );
    await ws.batchEndpoints.createDeployment(
      "nightly",
      deployment({ name: "slow", codeDir: slowDir, scoringScript: join(slowDir, "score.py") }),
      log,
    );
    const name = await ws.batchEndpoints.invoke(
      "nightly",
      { deployment: "slow", input: { kind: "path", path: inputDir } },
      { log, signal },
    );
    const job = await ws.batchEndpoints.wait(name, { log, signal, timeoutMs: 1 });
    expect(job.status).toBe("Canceled");
    expect(job.error).toMatch(/timeout/);
    expect(cloud.emu.sent("POST", new RegExp(`/jobs/${name}/cancel$`))).toHaveLength(1);
    await ws.batchEndpoints.deleteDeployment("nightly", "slow", log);
  });

  it("the emulator refuses an invocation that leaves the SDK's shape, or carries an ARM token", async () => {
    const uri = (await ws.batchEndpoints.get("nightly"))?.scoringUri as string;
    const mlToken = (await ws.client.credential.getToken("https://ml.azure.com/.default"))?.token as string;
    const armToken = (await ws.client.credential.getToken("https://management.azure.com/.default"))?.token as string;
    const post = (token: string, body: unknown, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          uri,
          {
            method: "POST",
            ca: cloud.ca,
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${token}`,
              "repeatability_request-id": "00000000-0000-0000-0000-000000000001",
              ...headers,
            },
          },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        );
        req.on("error", reject);
        req.end(JSON.stringify(body));
      });
    const good = {
      properties: { inputData: { UriFolder: { jobInputType: "UriFolder", uri: "azureml://datastores/x/paths/y/" } } },
    };
    const before = cloud.emu.batch.jobs.size;
    expect(await post(armToken, good)).toBe(401);
    expect(
      await post(mlToken, { properties: { inputData: { input_data: good.properties.inputData.UriFolder } } }),
    ).toBe(400);
    expect(await post(mlToken, { ...good, name: "mine" })).toBe(400);
    expect(await post(mlToken, good, { "repeatability_request-id": "" })).toBe(400);
    expect(cloud.emu.batch.invocationViolations).toEqual([
      "input key 'input_data' is not UriFolder or UriFile",
      "the body must be { properties: {...} }",
      "header repeatability_request-id is missing",
    ]);
    expect(cloud.emu.batch.jobs.size).toBe(before);
    cloud.emu.batch.invocationViolations.length = 0;
  });

  it("refuses a bad output path and an invocation with nothing to route to", async () => {
    const bad = await ws.batchEndpoints
      .invoke(
        "nightly",
        { input: { kind: "path", path: inputDir }, outputPath: "https://example.com/out" },
        { log, signal },
      )
      .catch((e) => e);
    expect(bad).toBeInstanceOf(UserError);
    expect(bad.location).toEqual({ subject: "outputPath" });
    await ws.batchEndpoints.ensure("empty-ep", log);
    const none = await ws.batchEndpoints
      .invoke("empty-ep", { input: { kind: "path", path: inputDir } }, { log, signal })
      .catch((e) => e);
    expect(none).toBeInstanceOf(UserError);
    expect(none.message).toBe("batch endpoint 'empty-ep' has no default deployment");
    await ws.batchEndpoints.delete("empty-ep", log);
  });

  it("in plan mode records every change, the invocation included, and sends none", async () => {
    const planLog = captureLog();
    const plan = await openWorkspace(cloud, { log: planLog, dryRun: true });
    const writes = cloud.emu.writes().length;
    await plan.batchEndpoints.ensure("planned", planLog);
    const dep = await plan.batchEndpoints.createDeployment("planned", deployment({ name: "green" }), planLog);
    expect(dep.status).toBe("Succeeded");
    await plan.batchEndpoints.setDefault("nightly", "blue", planLog);
    const job = await plan.batchEndpoints.invoke(
      "planned",
      { deployment: "green", input: { kind: "path", path: inputDir } },
      { log: planLog, signal },
    );
    await plan.batchEndpoints.invoke(
      "nightly",
      { input: { kind: "path", path: inputDir }, outputPath: "azureml://datastores/lakestore/paths/planned" },
      { log: planLog, signal },
    );
    // A registry's model is named by its asset id (H5's registries resolve it on the service).
    const assetId = "azureml://registries/shared/models/scorer/versions/1";
    const fromRegistry = await plan.batchEndpoints.createDeployment(
      "planned",
      deployment({ name: "fromreg", model: { ...model, assetId } }),
      planLog,
    );
    expect(fromRegistry).toEqual({ name: "fromreg", model: assetId, status: "Succeeded" });
    const regPut = plan.plan.find((r) => r.path.endsWith("/deployments/fromreg"));
    expect((regPut?.body as { properties: { model: unknown } }).properties.model).toEqual({
      referenceType: "Id",
      assetId,
    });
    const waited = await plan.batchEndpoints.wait(job, { log: planLog, signal });
    expect(waited.status).toBe("NotStarted");
    expect(await plan.batchEndpoints.readOutput(waited, join(cloud.dir, "out-plan"), planLog)).toBeUndefined();
    expect(cloud.emu.writes().length).toBe(writes);
    const planned = plan.plan.map((r) => `${r.method} ${r.path.replace(/^.*\/workspaces\/[^/]+/, "")}`);
    expect(planned).toEqual(
      expect.arrayContaining([
        "PUT /batchEndpoints/planned",
        "PUT /batchEndpoints/planned/deployments/green",
        "PUT /batchEndpoints/nightly",
        "POST <scoring URI of batch endpoint 'planned'>",
        "POST /batch/nightly/jobs",
      ]),
    );
    await plan.close();
  });

  it("deletes a deployment and the endpoint; the default cannot be deleted first", async () => {
    await ws.batchEndpoints.deleteDeployment("nightly", "red", log);
    expect((await ws.batchEndpoints.get("nightly"))?.deployments.map((d) => d.name)).toEqual(["blue"]);
    const refused = await ws.batchEndpoints.deleteDeployment("nightly", "blue", log).catch((e) => e);
    expect(refused).toBeInstanceOf(UserError);
    expect(refused.message).toMatch(/is the default deployment of batch endpoint 'nightly'/);
    await ws.batchEndpoints.delete("nightly", log);
    expect(await ws.batchEndpoints.get("nightly")).toBeUndefined();
    expect(await ws.batchEndpoints.list()).toEqual([]);
    expect(cloud.emu.specViolations).toEqual([]);
    // The only warnings: authMode spelled 'aadToken', as the SDK was recorded sending it (the service ignores case).
    const warnings = cloud.emu.specWarnings.map((w) => `${w.code} ${w.target}`);
    expect(new Set(warnings)).toEqual(new Set(["CasingMismatch properties.authMode"]));
  });
});
