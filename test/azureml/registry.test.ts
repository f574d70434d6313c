/**
 * Azure ML registries against the emulator: a dev workspace publishes a model version to a
 * registry (files copied byte for byte into the registry's storage, lineage tags), a re-publish
 * copies nothing, the registry's versions read back (get, list, latest, tags, files), and a second
 * workspace — a second emulator sharing the registry — deploys the version by its registry id.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { AzureMlWorkspace } from "../../src/workspace/azureml/index.js";
import { type AzureMlRegistry, versionFor } from "../../src/workspace/azureml/registry.js";
import type { ModelVersion } from "../../src/workspace/workspace.js";
import { AZURITE_ACCOUNT, AZURITE_KEY } from "../emulator/azurite.js";
import { AzureMlEmulator } from "../emulator/server.js";
import { RestSpecs } from "../emulator/spec-validator.js";
import { CLIENT, type Cloud, captureLog, openWorkspace, RG, SECRET, SUB, startCloud, TENANT } from "./setup.js";

const REGISTRY = "shared-reg";
const PROD_WS = "mlw-prod";
const PROD_CONTAINER = "azureml-blobstore-prod";

describe("Azure ML registries", () => {
  let cloud: Cloud;
  let prod: AzureMlEmulator;
  let dev: AzureMlWorkspace;
  let prodWs: AzureMlWorkspace;
  let registry: AzureMlRegistry;
  let modelDir: string;
  let v1: ModelVersion;

  /** A model folder: a binary file (every byte value) and an MLmodel. */
  async function modelFolder(name: string, seed: Buffer): Promise<string> {
    const dir = join(cloud.dir, name, "model");
    await mkdir(join(dir, "weights"), { recursive: true });
    await writeFile(
      join(dir, "weights", "model.bin"),
      Buffer.concat([seed, Buffer.from(Array.from({ length: 256 }, (_, i) => i))]),
    );
    await writeFile(
      join(dir, "MLmodel"),
      "flavors:\n  python_function:\n    loader_module: mlflow.sklearn\n    python_version: 3.10.12\n",
    );
    return dir;
  }

  beforeAll(async () => {
    cloud = await startCloud();
    await cloud.emu.registries.create(REGISTRY, { resourceGroup: "rg-shared" });
    // The prod workspace: a second emulator on the same Azurite, answering for the same registries.
    prod = await AzureMlEmulator.start({
      subscriptionId: SUB,
      resourceGroup: RG,
      workspace: PROD_WS,
      tenantId: TENANT,
      storage: {
        host: cloud.azurite.blobHost,
        account: AZURITE_ACCOUNT,
        key: AZURITE_KEY,
        container: PROD_CONTAINER,
        protocol: cloud.azurite.protocol,
      },
      clients: { [CLIENT]: SECRET },
      lroRetryAfter: 0,
    });
    prod.registries = cloud.emu.registries;
    dev = await openWorkspace(cloud);
    prodWs = await AzureMlWorkspace.open({
      ref: { subscriptionId: SUB, resourceGroup: RG, workspaceName: PROD_WS },
      resourceManagerEndpoint: prod.url,
      authorityHost: prod.url,
      env: { AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_CLIENT_SECRET: SECRET },
      extraCaCerts: prod.ca,
      timing: { pollMs: 5, retryDelayMs: 5 },
      log: captureLog(),
    });
    const { BlobServiceClient, StorageSharedKeyCredential } = await import("@azure/storage-blob");
    await new BlobServiceClient(cloud.azurite.adminUrl, new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY))
      .getContainerClient(PROD_CONTAINER)
      .createIfNotExists();
    modelDir = await modelFolder("fraud-1", randomBytes(3 * 1024 * 1024));
    v1 = await dev.models.register(
      {
        name: "fraud",
        source: modelDir,
        description: "fraud model",
        tags: { job: "train-42" },
        metrics: { auc: 0.91 },
      },
      captureLog(),
    );
    registry = (await dev.openRegistry(REGISTRY, captureLog())) as AzureMlRegistry;
  }, 120_000);

  afterAll(async () => {
    await prodWs?.close();
    await dev?.close();
    await prod?.stop();
    await cloud?.stop();
  });

  it("finds the registry through discovery, in its own resource group", () => {
    expect(registry.description).toBe(`Azure ML registry ${REGISTRY} (resource group rg-shared, subscription ${SUB})`);
    expect(cloud.emu.sent("GET", /\/registrymanagement\/v1\.0\/registries\/shared-reg\/discovery$/)).toHaveLength(1);
    expect(
      cloud.emu.sent(
        "GET",
        /\/resourceGroups\/rg-shared\/providers\/Microsoft\.MachineLearningServices\/registries\/shared-reg$/,
      ),
    ).toHaveLength(1);
  });

  it("publishes a workspace model version: files copied byte for byte, lineage tags, the source's version number", async () => {
    const log = captureLog();
    const published = await registry.publish(v1, { champion: "true", commit: "abc123" }, log);
    expect(published.version).toBe(v1.version);
    expect(published.assetId).toBe(`azureml://registries/${REGISTRY}/models/fraud/versions/${v1.version}`);
    expect(published.tags).toMatchObject({
      job: "train-42",
      champion: "true",
      commit: "abc123",
      sourceWorkspace: "mlw-test",
      sourceModel: `fraud:${v1.version}`,
    });
    expect(published.metrics).toEqual({ auc: 0.91 });
    expect(published.description).toBe("fraud model");

    // The registry's storage holds the same bytes, under the version's modelUri.
    const storage = cloud.emu.registries.storage(REGISTRY);
    const prefix = decodeURIComponent(new URL(published.uri).pathname).split("/").slice(3).join("/");
    const blobs: string[] = [];
    for await (const b of storage.listBlobsFlat({ prefix: `${prefix}/` })) blobs.push(b.name.slice(prefix.length + 1));
    expect(blobs.sort()).toEqual(["MLmodel", "weights/model.bin"]);
    for (const name of blobs) {
      const stored = await storage.getBlobClient(`${prefix}/${name}`).downloadToBuffer();
      expect(stored.equals(await readFile(join(modelDir, name))), name).toBe(true);
    }
    const stored = cloud.emu.registries.version(REGISTRY, "fraud", v1.version);
    expect(stored?.properties).toMatchObject({ modelType: "mlflow_model", provisioningState: "Succeeded" });
    expect(stored?.properties.flavors).toEqual({
      python_function: { data: { loader_module: "mlflow.sklearn", python_version: "3.10.12" } },
    });
    expect(cloud.emu.specViolations).toEqual([]);
    expect(log.lines.join("\n")).toContain(`Published model fraud:${v1.version} to registry ${REGISTRY}`);
    // The SAS the registry handed out is registered as a secret before use.
    expect(log.secrets.some((s) => s.includes("sig="))).toBe(true);
  });

  it("re-publishing copies nothing: the same source, or the same files under another version, is answered", async () => {
    const before = cloud.emu.writes().length;
    const again = await registry.publish(v1, { champion: "true", commit: "abc123" }, captureLog());
    expect(again.version).toBe(v1.version);
    expect(cloud.emu.writes().length).toBe(before);

    // The same files registered again in dev as a new version: found by their fingerprint.
    const v2 = await dev.models.register({ name: "fraud", source: modelDir, tags: {}, metrics: {} }, captureLog());
    expect(v2.version).not.toBe(v1.version);
    const log = captureLog();
    const same = await registry.publish(v2, { stage: "qa" }, log);
    expect(same.version).toBe(v1.version);
    expect(same.tags).toMatchObject({ stage: "qa", sourceModel: `fraud:${v1.version}` });
    expect(log.lines.join("\n")).toContain("it holds the same files");
    expect(cloud.emu.sent("POST", /\/startPendingUpload$/)).toHaveLength(1);
  });

  it("takes the next version when the source's number is taken by other files", async () => {
    // The prod workspace registers its own fraud:1 (other bytes) and publishes it to the same registry.
    const other = await modelFolder("fraud-prod", randomBytes(1024));
    const prodV1 = await prodWs.models.register({ name: "fraud", source: other, tags: {}, metrics: {} }, captureLog());
    expect(prodV1.version).toBe(v1.version);
    const prodRegistry = await prodWs.openRegistry(REGISTRY, captureLog());
    const published = await prodRegistry.publish(prodV1, {}, captureLog());
    expect(published.version).toBe("2");
    expect(published.tags.sourceWorkspace).toBe(PROD_WS);
    expect(prod.specViolations).toEqual([]);
  });

  it("keeps the source's number only above every registry version, so latest stays the newest", () => {
    expect(versionFor("7", ["1", "5"])).toBe("7");
    expect(versionFor("3", ["1", "5"])).toBe("6");
    expect(versionFor("5", ["1", "5"])).toBe("6");
    expect(versionFor("1", [])).toBe("1");
    expect(versionFor("v1", ["2"])).toBe("3");
  });

  it("reads versions back: get, list, latest, tags, files", async () => {
    const all = await registry.models.list("fraud");
    expect(all.map((m) => m.version)).toEqual([v1.version, "2"]);
    expect(all.every((m) => m.assetId === `azureml://registries/${REGISTRY}/models/fraud/versions/${m.version}`)).toBe(
      true,
    );
    expect((await registry.models.get("fraud", "latest"))?.version).toBe("2");
    expect(await registry.models.get("fraud", "99")).toBeUndefined();
    expect(await registry.models.list("no-such-model")).toEqual([]);

    const tagged = await registry.models.setTags("fraud", v1.version, { champion: null, approved: "yes" });
    expect(tagged.tags.champion).toBeUndefined();
    expect(tagged.tags.approved).toBe("yes");
    expect((await registry.models.get("fraud", v1.version))?.tags.approved).toBe("yes");

    const dir = join(cloud.dir, "downloaded");
    const model = (await registry.models.get("fraud", v1.version)) as ModelVersion;
    expect(await registry.models.download(model, dir, captureLog())).toBe(dir);
    for (const name of ["MLmodel", "weights/model.bin"])
      expect((await readFile(join(dir, name))).equals(await readFile(join(modelDir, name))), name).toBe(true);
    const local = await registry.models.localPath(model, captureLog());
    expect((await readFile(join(local, "weights", "model.bin"))).length).toBe(3 * 1024 * 1024 + 256);
    expect(cloud.emu.specViolations).toEqual([]);
  });

  it("deploys into the prod workspace from the registry's id; a version the registry lacks is refused", async () => {
    const codeDir = join(cloud.dir, "serve");
    await mkdir(codeDir, { recursive: true });
    await writeFile(join(codeDir, "score.py"), "def init():\n    pass\n\ndef run(raw):\n    return raw\n");
    const model = (await registry.models.get("fraud", v1.version)) as ModelVersion;
    await prodWs.endpoints.ensure("fraud-prod", captureLog());
    const state = await prodWs.endpoints.createDeployment(
      "fraud-prod",
      { name: "blue", model, scoringScript: join(codeDir, "score.py"), codeDir },
      captureLog(),
    );
    expect(state.status).toBe("Succeeded");
    expect(state.model).toBe(model.assetId);
    const put = prod.sent("PUT", /\/onlineEndpoints\/fraud-prod\/deployments\/blue$/).at(-1);
    expect((put?.body as { properties: { model: string } }).properties.model).toBe(
      `azureml://registries/${REGISTRY}/models/fraud/versions/${v1.version}`,
    );

    const missing = { ...model, version: "99", assetId: `azureml://registries/${REGISTRY}/models/fraud/versions/99` };
    const error = await prodWs.endpoints
      .createDeployment(
        "fraud-prod",
        { name: "green", model: missing, scoringScript: join(codeDir, "score.py"), codeDir },
        captureLog(),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).describe()).toContain(`Could not find asset with ID: ${missing.assetId}`);
    expect(prod.specViolations).toEqual([]);
  });

  it("the emulated registry refuses files outside its storage and a changed version, as the service does", async () => {
    const base = `${cloud.emu.url}/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.MachineLearningServices/registries/${REGISTRY}`;
    const put = (version: string, modelUri: string) =>
      dev.client
        .must(
          "registryModelVersions.createOrUpdate",
          { name: "fraud", version },
          { base, body: { properties: { modelUri, modelType: "custom_model" } }, what: "create it" },
        )
        .catch((e: unknown) => (e as UserError).describe());
    expect(await put("50", "https://elsewhere.blob.core.windows.net/c/model")).toMatch(
      /^create it failed: UserError: modelUri 'https:\/\/elsewhere.blob.core.windows.net\/c\/model' is not in registry shared-reg's storage/,
    );
    const stored = cloud.emu.registries.version(REGISTRY, "fraud", v1.version);
    expect(await put(v1.version, `${String(stored?.properties.modelUri)}-other`)).toMatch(
      /^create it failed: UserError: Model fraud:1 already exists in registry shared-reg with different content/,
    );
  });

  it("the emulated registry answers in the REST spec's shapes", async () => {
    const base = `${cloud.emu.url}/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.MachineLearningServices/registries/${REGISTRY}`;
    const path = new URL(base).pathname;
    const specs = new RestSpecs();
    const answers: [string, string, Awaited<ReturnType<typeof dev.client.must>>][] = [
      ["GET", path, await dev.client.must("registries.get", {}, { base, what: "read" })],
      [
        "GET",
        `${path}/models/fraud/versions`,
        await dev.client.must("registryModelVersions.list", { name: "fraud" }, { base, what: "list" }),
      ],
      [
        "POST",
        `${path}/models/fraud/versions/77/startPendingUpload`,
        await dev.client.must(
          "registryModelVersions.startPendingUpload",
          { name: "fraud", version: "77" },
          { base, body: { pendingUploadType: "TemporaryBlobReference" }, what: "upload" },
        ),
      ],
      [
        "POST",
        `${path}/datareferences/fraud/versions/${v1.version}`,
        await dev.client.must(
          "registryDataReferences.getBlobReferenceSAS",
          { name: "fraud", version: v1.version },
          { base, body: { assetId: v1.assetId ?? "" }, what: "read files" },
        ),
      ],
    ];
    for (const [method, p, answer] of answers) {
      const check = specs.checkResponse({
        method,
        path: p,
        apiVersion: "2024-04-01",
        status: answer.status,
        body: answer.body,
      });
      expect([p, check.operationId, check.errors]).toEqual([p, expect.any(String), []]);
    }
  });

  it("plan mode records the registry writes and sends none", async () => {
    const fresh = await dev.models.register(
      { name: "fraud", source: await modelFolder("fraud-3", randomBytes(2048)), tags: {}, metrics: {} },
      captureLog(),
    );
    const planned = await openWorkspace(cloud, { dryRun: true });
    const before = cloud.emu.writes().length;
    const reg = await planned.openRegistry(REGISTRY, captureLog());
    const log = captureLog();
    const result = await reg.publish(fresh, { champion: "true" }, log);
    expect(cloud.emu.writes().length).toBe(before);
    expect(result.assetId).toBe(`azureml://registries/${REGISTRY}/models/fraud/versions/${fresh.version}`);
    const paths = planned.plan.map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain(
      `POST /subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.MachineLearningServices/registries/${REGISTRY}/models/fraud/versions/${fresh.version}/startPendingUpload`,
    );
    expect(paths).toContain(
      `PUT /subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.MachineLearningServices/registries/${REGISTRY}/models/fraud/versions/${fresh.version}`,
    );
    expect(log.lines.join("\n")).toContain(`Plan: would publish model fraud:${fresh.version} to registry ${REGISTRY}`);
    expect(cloud.emu.registries.version(REGISTRY, "fraud", fresh.version)).toBeUndefined();
    await planned.close();
  });

  it("a missing registry, or one the identity has no role on, is one line naming the input and the fix", async () => {
    const missing = await dev.openRegistry("no-such-registry", captureLog()).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as UserError).describe()).toBe(
      "input 'registry': registry 'no-such-registry' was not found. Check the registry's name (az ml registry list shows those the identity can see), or create it (az ml registry create).",
    );

    await cloud.emu.registries.create("locked-reg");
    cloud.emu.registries.deny("locked-reg", CLIENT);
    const denied = await dev.openRegistry("locked-reg", captureLog()).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(UserError);
    const line = (denied as UserError).describe();
    expect(line).toMatch(
      /^input 'registry': read registry 'locked-reg' failed: the signed-in identity may not use registry 'locked-reg' \(AuthorizationFailed\)\. /,
    );
    expect(line).toContain(
      `az role assignment create --assignee ${CLIENT} --role "AzureML Registry User" --scope /subscriptions/${SUB}/resourceGroups/rg-registries/providers/Microsoft.MachineLearningServices/registries/locked-reg`,
    );
    expect(line.split("\n")).toHaveLength(1);

    // Reader on the registry: it opens and lists, but publishing is refused before any file is sent.
    await cloud.emu.registries.create("reader-reg");
    cloud.emu.registries.readOnly("reader-reg", CLIENT);
    const readable = await dev.openRegistry("reader-reg", captureLog());
    expect(await readable.models.list("fraud")).toEqual([]);
    const refused = await readable.publish(v1, {}, captureLog()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).describe()).toMatch(
      /^input 'registry': copy model fraud:1 to registry 'reader-reg' as fraud:1 failed: the signed-in identity may not use registry 'reader-reg' \(AuthorizationFailed\)\. Grant it the 'AzureML Registry User' role on the registry: az role assignment create --assignee 11111111-2222-3333-4444-555555555555 --role "AzureML Registry User" --scope \/subscriptions\/.+\/registries\/reader-reg\.$/,
    );
    const files: string[] = [];
    for await (const b of cloud.emu.registries.storage("reader-reg").listBlobsFlat()) files.push(b.name);
    expect(files).toEqual([]);

    const badName = await dev.openRegistry("a/b", captureLog()).catch((e: unknown) => e);
    expect((badName as UserError).describe()).toMatch(
      /^input 'registry': 'a\/b' is not a valid Azure ML registry name/,
    );
  });

  it("a workspace's champion tag stays in the workspace; the caller's tags and the rest travel", async () => {
    const churn = await dev.models.register(
      {
        name: "churn",
        source: await modelFolder("churn-1", randomBytes(1024)),
        tags: { champion: "true", job: "train-7" },
        metrics: {},
      },
      captureLog(),
    );
    const published = await registry.publish(churn, { commit: "def456" }, captureLog());
    expect(published.tags.champion).toBeUndefined();
    expect(published.tags).toMatchObject({ job: "train-7", commit: "def456", sourceModel: `churn:${churn.version}` });
  });
});
