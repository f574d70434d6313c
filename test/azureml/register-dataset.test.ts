import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCliTask } from "../helpers.js";
import { type Cloud, startCloud } from "./setup.js";

describe("register-dataset on Azure ML (emulator + Azurite)", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(() => cloud?.stop());
  beforeEach(async () => {
    cloud.emu.clearFaults();
    work = join(cloud.dir, `w${Math.random().toString(36).slice(2, 8)}`);
    await mkdir(join(work, "data", "sub"), { recursive: true });
  });

  const register = (inputs: Record<string, string>) =>
    runCliTask("register-dataset", { ...cloud.inputs, ...inputs }, work);

  it("uploads a folder to the default datastore, registers version 1 with tags, then reports unchanged", async () => {
    await writeFile(join(work, "data", "a.csv"), "x,y\n1,2\n");
    await writeFile(join(work, "data", "sub", "b.csv"), "x,y\n3,4\n");
    const first = await register({ name: "diabetes", path: "data", tags: "team=ml" });
    expect(first.stderr).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ name: "diabetes", version: "1", changed: "true" });
    expect(first.stdout[0]).toMatch(/on the Azure ML workspace mlw-test .* as service principal/);
    expect(first.outputs.uri).toMatch(
      /^azureml:\/\/datastores\/workspaceblobstore\/paths\/LocalUpload\/[0-9a-f]{32}\/data\/$/,
    );

    // The files are really in blob storage, under the folder the data version points at.
    const prefix = first.outputs.uri.split("/paths/")[1];
    const blobs: string[] = [];
    for await (const b of cloud.container().listBlobsFlat({ prefix })) blobs.push(b.name.slice(prefix.length));
    expect(blobs.sort()).toEqual(["a.csv", "sub/b.csv"]);

    // What was sent: a data version in the REST API's shape, with the fingerprint and user tags.
    const [put] = cloud.emu.sent("PUT", /\/data\/diabetes\/versions\/1$/);
    expect(put.query["api-version"]).toBe("2022-10-01");
    expect(put.body).toMatchObject({
      properties: {
        dataType: "uri_folder",
        dataUri: first.outputs.uri,
        tags: { team: "ml", fingerprint: first.outputs.fingerprint },
      },
    });
    // Signed in with the service principal through the emulated token endpoint.
    expect(cloud.emu.sent("POST", /\/oauth2\/v2\.0\/token$/).length).toBeGreaterThan(0);

    const putsBefore = cloud.emu.writes().length;
    const again = await register({ name: "diabetes", path: "data" });
    expect(again.outputs).toMatchObject({ version: "1", changed: "false" });
    expect(cloud.emu.writes().length).toBe(putsBefore);

    await writeFile(join(work, "data", "a.csv"), "x,y\n1,2\n5,6\n");
    const changed = await register({ name: "diabetes", path: "data" });
    expect(changed.outputs).toMatchObject({ version: "2", changed: "true" });
  });

  it("retries 429 (each Retry-After form), 503 and a connection reset, and still registers once", async () => {
    await writeFile(join(work, "data", "a.csv"), "q\n1\n");
    const emu = cloud.emu;
    emu.inject({
      method: "GET",
      path: /\/workspaces\/mlw-test$/,
      times: 1,
      action: { status: 429, headers: { "retry-after-ms": "20" } },
    });
    emu.inject({
      method: "GET",
      path: /\/datastores$/,
      times: 1,
      action: { status: 429, headers: { "x-ms-retry-after-ms": "20" } },
    });
    emu.inject({
      method: "POST",
      path: /\/listSecrets$/,
      times: 1,
      action: { status: 429, headers: { "retry-after": "0" } },
    });
    emu.inject({ method: "PUT", path: /\/data\/retry\/versions\/1$/, times: 1, action: { status: 503 } });
    emu.inject({ method: "GET", path: /\/data\/retry\/versions$/, times: 1, action: { reset: true } });
    const run = await register({ name: "retry", path: "data/a.csv" });
    expect(run.stderr).toEqual([]);
    expect(run.outputs).toMatchObject({ version: "1", changed: "true" });
    const puts = emu.sent("PUT", /\/data\/retry\/versions\/1$/);
    expect(puts).toHaveLength(2);
    expect(puts[1].body).toEqual(puts[0].body);
  });

  it("turns an ARM error into one line naming the code, the message and the missing role", async () => {
    await writeFile(join(work, "data", "a.csv"), "q\n1\n");
    cloud.emu.state.config.deniedWrites = true;
    try {
      const run = await register({ name: "denied", path: "data/a.csv" });
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(
        /^error: create data asset denied:1 failed: AuthorizationFailed: The client .* does not have authorization to perform action 'Microsoft\.MachineLearningServices\/workspaces\/data\/versions\/write'.*\. Grant the signed-in identity the 'AzureML Data Scientist' role on the workspace: az role assignment create --assignee 11111111-2222-3333-4444-555555555555 --role "AzureML Data Scientist" --scope \/subscriptions\/.*\/workspaces\/mlw-test\.$/,
      );
    } finally {
      cloud.emu.state.config.deniedWrites = false;
    }
  });

  it("fails in one line naming the input when the workspace does not exist", async () => {
    await writeFile(join(work, "data", "a.csv"), "q\n1\n");
    const run = await register({ name: "x", path: "data/a.csv", workspaceName: "nope" });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toEqual([
      expect.stringMatching(
        /^error: read workspace nope failed: ResourceNotFound: .*Check the inputs 'subscriptionId', 'resourceGroup' and 'workspaceName'/,
      ),
    ]);
  });

  it("fails with the input name when the client secret is wrong", async () => {
    await writeFile(join(work, "data", "a.csv"), "q\n1\n");
    process.env.AZURE_CLIENT_SECRET = "wrong";
    try {
      const run = await register({ name: "x", path: "data/a.csv" });
      expect(run.exitCode).toBe(1);
      expect(run.stderr.at(-1)).toMatch(/AZURE_CLIENT_SECRET: could not sign in to Azure as .*AADSTS7000215/);
    } finally {
      process.env.AZURE_CLIENT_SECRET = "emulator-client-secret";
    }
  });
});
