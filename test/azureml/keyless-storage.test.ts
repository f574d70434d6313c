/**
 * Keyless storage: the workspace's default datastore is identity-based (credentialsType None), so
 * the workspace holds no key or SAS for it and storage is reached with the identity's Entra ID
 * token. Azurite runs over HTTPS with `--oauth basic`, where it checks each bearer token's audience,
 * issuer and lifetime; the first test shows it refuses requests without a valid one, so the others
 * cannot pass by skipping authentication.
 */

import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { request } from "node:https";
import { join, relative } from "node:path";
import { ClientSecretCredential } from "@azure/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshot } from "../../src/workspace/azureml/code.js";
import { AZURITE_ACCOUNT } from "../emulator/azurite.js";
import { runCliTask } from "../helpers.js";
import { CLIENT, type Cloud, CONTAINER, captureLog, openWorkspace, SECRET, startCloud, TENANT } from "./setup.js";

const FIXTURE = join(import.meta.dirname, "fixtures", "fields");
const STORAGE_SCOPE = "https://storage.azure.com/.default";
const IDENTITY_LINE =
  /Storage: datastore 'workspaceblobstore' \(storage account 'devstoreaccount1'\) is reached with the signed-in identity's Entra ID token \(scope https:\/\/storage\.azure\.com\/\.default\), because datastore 'workspaceblobstore' is identity-based \(credentialsType None\)\./;

/** One raw request to Azurite (list the container's blobs), with the headers given. */
function listBlobs(cloud: Cloud, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(`${cloud.azurite.blobUrl}/${CONTAINER}?restype=container&comp=list`);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "GET", ca: cloud.azurite.ca, headers: { "x-ms-version": "2021-12-02", ...headers } },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => {
          body += c.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** The blob prefix of a folder's azureml:// URI (with or without its trailing slash). */
function folderOf(uri: string): string {
  return uri.split("/paths/")[1].replace(/\/?$/, "/");
}

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`;
}

/** Every blob under `prefix`, read back with the test's own (account-key) client. */
async function blobsUnder(cloud: Cloud, prefix: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for await (const b of cloud.container().listBlobsFlat({ prefix })) {
    out.set(b.name.slice(prefix.length), await cloud.container().getBlobClient(b.name).downloadToBuffer());
  }
  return out;
}

/** Every file under `dir` with its bytes, by path relative to `dir` (forward slashes). */
async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out.set(relative(dir, path).split("\\").join("/"), await readFile(path));
  }
  return out;
}

/** Same names, same bytes (Buffer.equals: a deep equal over megabytes is too slow). */
function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, bytes] of expected) {
    const got = actual.get(name) as Buffer;
    expect(got.length, name).toBe(bytes.length);
    expect(got.equals(bytes), name).toBe(true);
  }
}

describe("keyless storage: an identity-based default datastore on HTTPS Azurite with --oauth basic", () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud({ datastoreSecrets: "None", azurite: { oauth: true } });
  });
  afterAll(() => cloud?.stop());

  it("Azurite refuses requests without a valid storage token, and takes the emulator's storage token", async () => {
    expect(cloud.azurite.blobUrl).toMatch(/^https:\/\//);
    const now = Math.floor(Date.now() / 1000);
    const valid = {
      aud: "https://storage.azure.com",
      iss: `https://sts.windows.net/${TENANT}/`,
      iat: now,
      nbf: now,
      exp: now + 600,
    };

    const anonymous = await listBlobs(cloud, {});
    expect(anonymous).toMatchObject({ status: 403 });
    expect(anonymous.body).toMatch(/AuthorizationFailure/);
    const opaque = await listBlobs(cloud, { authorization: "Bearer not-a-jwt" });
    expect(opaque).toMatchObject({ status: 403 });
    expect(opaque.body).toMatch(/AuthenticationFailed.*Bearer is not supported/s);
    const armAudience = await listBlobs(cloud, {
      authorization: `Bearer ${jwt({ ...valid, aud: "https://management.azure.com" })}`,
    });
    expect(armAudience).toMatchObject({ status: 403 });
    expect(armAudience.body).toMatch(/Invalid token audience/);
    const foreignIssuer = await listBlobs(cloud, {
      authorization: `Bearer ${jwt({ ...valid, iss: "https://example.com/" })}`,
    });
    expect(foreignIssuer).toMatchObject({ status: 403 });
    expect(foreignIssuer.body).toMatch(/Invalid token issuer/);
    const expired = await listBlobs(cloud, { authorization: `Bearer ${jwt({ ...valid, exp: now - 60 })}` });
    expect(expired).toMatchObject({ status: 403 });
    expect(expired.body).toMatch(/The token is expired/);

    // What the emulated Entra ID issues for storage's scope is accepted; ARM does not take it.
    const credential = new ClientSecretCredential(TENANT, CLIENT, SECRET, {
      authorityHost: cloud.emu.url,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: cloud.ca },
    });
    const token = await credential.getToken(STORAGE_SCOPE);
    expect((await listBlobs(cloud, { authorization: `Bearer ${token?.token}` })).status).toBe(200);
    expect(cloud.emu.state.tokens.has(token?.token ?? "")).toBe(false);
  });

  it("register-dataset uploads with the identity's token (one-shot and in blocks), byte for byte; validate-data reads it back", async () => {
    const work = join(cloud.dir, "reg");
    await mkdir(join(work, "data", "sub"), { recursive: true });
    await writeFile(join(work, "data", "a.csv"), "x,y\n1,2\n");
    // Over the 4 MiB single-shot limit: staged blocks and a block list, each with the token.
    const rows = Array.from({ length: 450_000 }, (_, i) => `${i},${(i * 7919) % 100_003}`);
    await writeFile(join(work, "data", "sub", "big.csv"), `x,y\n${rows.join("\n")}\n`);
    const mark = cloud.emu.requests.length;
    const tokensBefore = cloud.emu.state.storageTokens.length;
    const run = await runCliTask("register-dataset", { ...cloud.inputs, name: "keyless", path: "data" }, work);
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ version: "1", changed: "true" });
    expect(run.stdout.join("\n")).toMatch(IDENTITY_LINE);
    // The datastore said None: the secrets were never asked for, a storage token was.
    expect(cloud.emu.requests.slice(mark).filter((r) => /\/listSecrets$/.test(r.path))).toEqual([]);
    const issued = cloud.emu.state.storageTokens.slice(tokensBefore);
    expect(issued.length).toBeGreaterThan(0);
    expect(issued.every((t) => t.audience === "https://storage.azure.com" && t.clientId === CLIENT)).toBe(true);

    const prefix = folderOf(run.outputs.uri);
    expectSameFiles(await blobsUnder(cloud, prefix), await filesUnder(join(work, "data")));

    // Reading the data asset where it lies and storing its profile go the same way.
    const check = await runCliTask(
      "validate-data",
      { ...cloud.inputs, data: "keyless@1", writeProfile: "profile.json" },
      work,
    );
    expect(check.stderr).toEqual([]);
    expect(check.exitCode).toBe(0);
    expect(JSON.parse(await readFile(join(work, "profile.json"), "utf8")).rows).toBe(rows.length + 1);
  });

  it("submit-pipeline uploads its code (and local data) with the identity's token, byte for byte", async () => {
    const work = join(cloud.dir, "pipe");
    await cp(FIXTURE, work, { recursive: true });
    const run = await runCliTask("submit-pipeline", { ...cloud.inputs, pipeline: "pipeline.yml" }, work);
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe("Completed");
    expect(run.stdout.join("\n")).toMatch(/is reached with the signed-in identity's Entra ID token/);

    const codeName = (await snapshot(join(work, "src"))).hash.slice(0, 36);
    const code = await blobsUnder(cloud, `LocalUpload/${codeName}/src/`);
    expect([...code.keys()].sort()).toEqual([".amlignore", "prep.py", "train.py"]);
    for (const [name, bytes] of code) expect(bytes).toEqual(await readFile(join(work, "src", name)));
    // The code version points at the container over https.
    const [codePut] = cloud.emu.sent("PUT", new RegExp(`/codes/${codeName}/versions/1$`));
    expect((codePut.body as { properties: { codeUri: string } }).properties.codeUri).toBe(
      `https://${cloud.azurite.blobHost}/${AZURITE_ACCOUNT}/${CONTAINER}/LocalUpload/${codeName}/src`,
    );
    const [jobPut] = cloud.emu.sent("PUT", /\/jobs\/[^/]+$/);
    const dataUri = (jobPut.body as { properties: { inputs: Record<string, { uri: string }> } }).properties.inputs.raw
      .uri;
    const data = await blobsUnder(cloud, dataUri.split("/paths/")[1]);
    expect(data.get("")).toEqual(await readFile(join(work, "data.csv")));
  });

  it("compare-models registers the job's model, and a local model folder uploads byte for byte", async () => {
    const work = join(cloud.dir, "cmp");
    await cp(FIXTURE, work, { recursive: true });
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
    const [churn] = cloud.emu.sent("PUT", /\/models\/churn\/versions\/1$/);
    expect(churn.body).toMatchObject({
      properties: { modelUri: `azureml://jobs/${job.outputs.jobName}/outputs/model` },
    });

    // A model from a local folder (the backend's upload path for models).
    const model = join(work, "model");
    await mkdir(join(model, "weights"), { recursive: true });
    await writeFile(join(model, "MLmodel"), "flavors:\n  python_function: {}\n");
    await writeFile(
      join(model, "weights", "w.bin"),
      Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 13) % 251)),
    );
    const log = captureLog();
    const ws = await openWorkspace(cloud, { log });
    const registered = await ws.models.register(
      { name: "local-model", source: model, tags: {}, metrics: { r2: 0.5 } },
      log,
    );
    expect(log.lines.join("\n")).toMatch(IDENTITY_LINE);
    const [put] = cloud.emu.sent("PUT", /\/models\/local-model\/versions\/1$/);
    const uri = (put.body as { properties: { modelUri: string; modelType: string } }).properties;
    expect(uri.modelType).toBe("mlflow_model");
    expect(registered.version).toBe("1");
    expectSameFiles(await blobsUnder(cloud, folderOf(uri.modelUri)), await filesUnder(model));
  });

  it("falls back to the identity when listSecrets answers 400 for a datastore that claims secrets", async () => {
    // The datastore claims an account key, but the service has none for it.
    const ds = cloud.emu.state.resources.get(`${cloud.emu.state.wsPath}/datastores/workspaceblobstore`.toLowerCase());
    if (!ds) throw new Error("no default datastore in the emulator");
    const saved = ds.properties.credentials;
    ds.properties.credentials = { credentialsType: "AccountKey" };
    try {
      const log = captureLog();
      const ws = await openWorkspace(cloud, { log });
      await ws.artifacts.write("keyless/check.txt", "written with a token\n");
      expect(await ws.artifacts.read("keyless/check.txt")).toEqual(Buffer.from("written with a token\n"));
      expect(log.lines.join("\n")).toMatch(
        /reached with the signed-in identity's Entra ID token \(scope https:\/\/storage\.azure\.com\/\.default\), because the workspace holds no secrets for datastore 'workspaceblobstore' \(listSecrets: .*No secrets for credentials of type None/,
      );
    } finally {
      ds.properties.credentials = saved;
    }
  });
});

describe("keyless storage: an account that refuses shared keys (403 KeyBasedAuthenticationNotPermitted)", () => {
  let cloud: Cloud;
  beforeAll(async () => {
    // The datastore has an account key (listSecrets answers it), but the account refuses keys and SAS.
    cloud = await startCloud({ azurite: { oauth: true, refuseSharedKey: true } });
  });
  afterAll(() => cloud?.stop());

  const REFUSED_LINE =
    /reached with the signed-in identity's Entra ID token \(scope https:\/\/storage\.azure\.com\/\.default\), because storage account 'devstoreaccount1' refuses shared keys \(KeyBasedAuthenticationNotPermitted\)\./;

  it("register-dataset: the account key is refused once, then the identity's token carries the upload", async () => {
    const work = join(cloud.dir, "reg");
    await mkdir(join(work, "data"), { recursive: true });
    await writeFile(join(work, "data", "a.csv"), "x,y\n1,2\n3,4\n");
    const mark = cloud.emu.requests.length;
    const run = await runCliTask("register-dataset", { ...cloud.inputs, name: "nokeys", path: "data" }, work);
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.join("\n")).toMatch(REFUSED_LINE);
    expect(cloud.emu.requests.slice(mark).filter((r) => /\/listSecrets$/.test(r.path))).toHaveLength(1);
    // One probe with the key was refused; nothing else was sent with it.
    expect(cloud.azurite.gate?.refused).toBe(1);
    const prefix = folderOf(run.outputs.uri);
    expectSameFiles(await blobsUnder(cloud, prefix), await filesUnder(join(work, "data")));
  });

  it("a SAS token is refused the same way, and is still registered as a secret", async () => {
    cloud.emu.state.config.datastoreSecrets = "Sas";
    try {
      const before = cloud.azurite.gate?.refused ?? 0;
      const log = captureLog();
      const ws = await openWorkspace(cloud, { log });
      await ws.artifacts.write("nokeys/check.txt", "sas refused\n");
      expect(await ws.artifacts.read("nokeys/check.txt")).toEqual(Buffer.from("sas refused\n"));
      expect(log.lines.join("\n")).toMatch(REFUSED_LINE);
      expect(cloud.azurite.gate?.refused).toBe(before + 1);
      expect(log.secrets.some((s) => /sig=/.test(s))).toBe(true);
      for (const secret of log.secrets) expect(log.lines.join("\n")).not.toContain(secret);
    } finally {
      cloud.emu.state.config.datastoreSecrets = undefined;
    }
  });
});
