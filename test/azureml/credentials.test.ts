import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { UserError } from "../../src/errors.js";
import { CLOUDS, selectCloud } from "../../src/workspace/azureml/cloud.js";
import { chooseCredential, FEDERATION_AUDIENCE } from "../../src/workspace/azureml/credential.js";
import { CLIENT, type Cloud, captureLog, openWorkspace, startCloud, TENANT } from "./setup.js";

function describeError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof UserError ? error.describe() : String(error);
  }
  return "no error";
}

describe("choosing the cloud and the credential", () => {
  it("knows the three named clouds and takes explicit endpoints over them", () => {
    expect(selectCloud(undefined).resourceManager).toBe("https://management.azure.com");
    expect(selectCloud("AzureChinaCloud")).toMatchObject({
      authorityHost: "https://login.chinacloudapi.cn",
      armScope: "https://management.chinacloudapi.cn/.default",
    });
    expect(selectCloud("AzureUSGovernment").authorityHost).toBe("https://login.microsoftonline.us");
    expect(selectCloud("AzureCloud", "https://arm.contoso.example/", "https://login.contoso.example")).toMatchObject({
      name: "custom",
      resourceManager: "https://arm.contoso.example",
      armScope: "https://arm.contoso.example/.default",
      authorityHost: "https://login.contoso.example",
    });
    expect(describeError(() => selectCloud("Mars"))).toMatch(
      /^input 'cloud': unknown cloud 'Mars'\. Use one of: AzureCloud, AzureChinaCloud, AzureUSGovernment/,
    );
    expect(() => selectCloud(undefined, "http://arm.example")).toThrow(UserError);
  });

  const choose = (req: Partial<Parameters<typeof chooseCredential>[0]>) =>
    chooseCredential({ cloud: CLOUDS.AzureCloud, env: {}, ...req }, captureLog()).description;

  it("picks, in order: service connection, federated OIDC, token file or secret, then the login session chain", () => {
    // AzurePipelinesCredential reads the agent's OIDC URL from the process environment.
    const saved = process.env.SYSTEM_OIDCREQUESTURI;
    process.env.SYSTEM_OIDCREQUESTURI =
      "https://dev.azure.com/org/_apis/distributedtask/hubs/build/plans/p/jobs/j/oidctoken";
    onTestFinished(() => {
      if (saved === undefined) delete process.env.SYSTEM_OIDCREQUESTURI;
      else process.env.SYSTEM_OIDCREQUESTURI = saved;
    });
    const conn = {
      id: "sc-1",
      scheme: "WorkloadIdentityFederation",
      tenantId: "t",
      clientId: "c",
      systemAccessToken: "sat",
    };
    expect(choose({ host: { azureServiceConnection: conn } })).toMatch(
      /Azure DevOps service connection sc-1 \(workload identity federation\)/,
    );
    expect(
      choose({ host: { azureServiceConnection: { ...conn, scheme: "ServicePrincipal", clientSecret: "s" } } }),
    ).toMatch(/service principal c/);
    expect(choose({ clientId: "c", tenantId: "t", host: { getIdToken: async () => "jwt" } })).toMatch(
      /^federated credential for client c/,
    );
    expect(
      choose({
        clientId: "c",
        tenantId: "t",
        env: { ACTIONS_ID_TOKEN_REQUEST_URL: "https://x", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "y" },
      }),
    ).toMatch(/^federated/);
    expect(choose({ clientId: "c", tenantId: "t", env: { AZURE_FEDERATED_TOKEN_FILE: "/f" } })).toMatch(/token file/);
    expect(choose({ clientId: "c", tenantId: "t", env: { AZURE_CLIENT_SECRET: "s" } })).toMatch(/AZURE_CLIENT_SECRET/);
    expect(choose({ env: { AZURE_CLIENT_ID: "c", AZURE_TENANT_ID: "t", AZURE_CLIENT_SECRET: "s" } })).toMatch(
      /from the environment/,
    );
    expect(choose({})).toMatch(/azure\/login .* managed identity/);
  });

  it("says what is missing", () => {
    expect(describeError(() => choose({ clientId: "c", tenantId: "t" }))).toMatch(
      /^input 'clientId': clientId and tenantId are set but there is no OIDC token to exchange\. On GitHub grant the workflow `permissions: id-token: write`/,
    );
    expect(describeError(() => choose({ clientId: "c" }))).toMatch(/^input 'tenantId': is required with clientId/);
    const noToken = { id: "sc-2", scheme: "WorkloadIdentityFederation", tenantId: "t", clientId: "c" };
    expect(() => choose({ host: { azureServiceConnection: noToken } })).toThrow(/System\.AccessToken/);
    expect(() => choose({ azureSubscription: "prod-connection" })).toThrow(/prod-connection/);
  });
});

describe("signing in against the emulated Entra ID", () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(() => cloud?.stop());

  it("federated: asks the host for a fresh OIDC token with the exchange audience and presents it as an assertion", async () => {
    const audiences: string[] = [];
    const ws = await openWorkspace(cloud, {
      clientId: CLIENT,
      tenantId: TENANT,
      env: {},
      run: {
        host: "github",
        azure: {
          getIdToken: async (aud) => {
            audiences.push(aud);
            return `header.${Buffer.from(`{"n":${audiences.length}}`).toString("base64url")}.sig`;
          },
        },
      },
    });
    expect(ws.description).toMatch(/as federated credential for client/);
    expect(audiences.length).toBeGreaterThan(0);
    expect(new Set(audiences)).toEqual(new Set([FEDERATION_AUDIENCE]));
    const token = cloud.emu.sent("POST", /\/oauth2\/v2\.0\/token$/).at(-1);
    const form = new URLSearchParams(String(token?.body));
    expect(form.get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    expect(form.get("client_assertion")).toMatch(/^header\./);
    expect(form.get("scope")).toBe(`${cloud.emu.url}/.default`);
    await ws.close();
  });

  it("federated from the GitHub runner's OIDC variables when the host passes no callback", async () => {
    const before = cloud.emu.state.oidcRequests.length;
    const ws = await openWorkspace(cloud, {
      clientId: CLIENT,
      tenantId: TENANT,
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${cloud.emu.url}/github-oidc?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: "runtime-token",
      },
    });
    expect(new Set(cloud.emu.state.oidcRequests.slice(before))).toEqual(new Set([FEDERATION_AUDIENCE]));
    await ws.close();
  });

  it("Azure DevOps workload identity federation through the service connection and System.AccessToken", async () => {
    const before = cloud.emu.state.oidcRequests.length;
    const saved = process.env.SYSTEM_OIDCREQUESTURI;
    process.env.SYSTEM_OIDCREQUESTURI = `${cloud.emu.url}/ado-oidc`;
    try {
      const log = captureLog();
      const ws = await openWorkspace(cloud, {
        env: {},
        log,
        run: {
          host: "azure-devops",
          azure: {
            azureServiceConnection: {
              id: "sc-prod",
              scheme: "WorkloadIdentityFederation",
              tenantId: TENANT,
              clientId: CLIENT,
              systemAccessToken: "sat-123",
            },
          },
        },
      });
      expect(ws.description).toMatch(/service connection sc-prod/);
      expect(new Set(cloud.emu.state.oidcRequests.slice(before))).toEqual(new Set(["ado:sc-prod"]));
      expect(log.secrets).toContain("sat-123");
      await ws.close();
    } finally {
      if (saved === undefined) delete process.env.SYSTEM_OIDCREQUESTURI;
      else process.env.SYSTEM_OIDCREQUESTURI = saved;
    }
  });
});

describe("plan mode (dryRun) for register-dataset on Azure", () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(() => cloud?.stop());

  it("writes the exact requests to the plan file and changes nothing", async () => {
    const dir = join(cloud.dir, "plan");
    await mkdir(join(dir, "data"), { recursive: true });
    await writeFile(join(dir, "data", "a.csv"), "x\n1\n");
    const planFile = join(dir, "plan.json");
    const log = captureLog();
    const ws = await openWorkspace(cloud, { dryRun: true, planFile, log });
    const v = await ws.datasets.create(
      {
        name: "planned",
        type: "uri_folder",
        source: join(dir, "data"),
        fingerprint: "f".repeat(64),
        tags: { fingerprint: "f".repeat(64) },
      },
      log,
    );
    await ws.close();
    expect(v.version).toBe("1");
    expect(cloud.emu.writes()).toEqual([]);
    const blobs: string[] = [];
    for await (const b of cloud.container().listBlobsFlat()) blobs.push(b.name);
    expect(blobs).toEqual([]);
    const plan = JSON.parse(await readFile(planFile, "utf8"));
    expect(plan.requests).toEqual([
      {
        method: "PUT",
        path: expect.stringMatching(
          /^\/devstoreaccount1\/azureml-blobstore-emulated\/LocalUpload\/[0-9a-f]{32}\/data\/a\.csv$/,
        ),
        bytes: 4,
      },
      {
        method: "PUT",
        path: `${cloud.emu.state.wsPath}/data/planned/versions/1`,
        apiVersion: "2022-10-01",
        body: {
          properties: {
            dataType: "uri_folder",
            dataUri: expect.stringMatching(
              /^azureml:\/\/datastores\/workspaceblobstore\/paths\/LocalUpload\/[0-9a-f]{32}\/data\/$/,
            ),
            tags: { fingerprint: "f".repeat(64) },
            // The SDK's data version body (contract fixture data/uri_file_local_upload).
            properties: {},
            isAnonymous: false,
            isArchived: false,
          },
        },
      },
    ]);
    expect(log.lines.join("\n")).toMatch(/Plan mode: 2 request\(s\) would change the workspace; written to/);
  });
});
