import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { createHttpHeaders, type PipelineRequest } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { AzureMlClient, DEFAULT_TIMING } from "../../src/workspace/azureml/client.js";
import { CLOUDS } from "../../src/workspace/azureml/cloud.js";
import { isRestError, serviceStatus } from "../../src/workspace/azureml/contract/errors.js";
import type { EveryClientOperationTyped } from "../../src/workspace/azureml/contract/responses.js";
import {
  CONTROL_API_VERSION,
  encodeSegment,
  type Operation,
  ROUTES,
  type RouteParams,
  resourceId,
  routePath,
  SDK_API_VERSION,
  type TemplateParams,
  WORKSPACE_SCOPE,
  workspaceId,
} from "../../src/workspace/azureml/contract/routes.js";
import type { AzureMlWorkspace } from "../../src/workspace/azureml/index.js";
import { type Cloud, openWorkspace, startCloud } from "./setup.js";

const SCOPE = { subscriptionId: "sub-1", resourceGroup: "rg.(a)_b-1", workspaceName: "ws-1" };
const WS = "/subscriptions/sub-1/resourceGroups/rg.(a)_b-1/providers/Microsoft.MachineLearningServices/workspaces/ws-1";

/** Names our validators may refuse, but the builder must still keep as one segment each. */
const HOSTILE = [
  "a b",
  "x/y",
  "../jobs/other",
  "a#frag",
  "q?api-version=1999-01-01",
  "naïve-模型-🚀",
  "%2F",
  "a&b=c;d",
  "...",
];

const OPERATIONS = Object.keys(ROUTES) as Operation[];

function paramsOf(op: Operation): string[] {
  return [...ROUTES[op].path.matchAll(/\{([^}]+)\}/g)]
    .map((m) => m[1])
    .filter((p) => !WORKSPACE_SCOPE.includes(`{${p}}`));
}

/** The template's segments with each `{param}` replaced by the value given, unencoded. */
function expectedSegments(op: Operation, values: Record<string, string>): string[] {
  const scope: Record<string, string> = {
    subscriptionId: SCOPE.subscriptionId,
    resourceGroupName: SCOPE.resourceGroup,
    workspaceName: SCOPE.workspaceName,
  };
  return ROUTES[op].path
    .split("/")
    .slice(1)
    .map((seg) => seg.replace(/^\{([^}]+)\}$/, (_, p: string) => values[p] ?? scope[p]));
}

describe("the route table builds each path with every parameter encoded as one segment", () => {
  it.each(OPERATIONS)("%s keeps hostile names inside their own segment", (op) => {
    for (const value of HOSTILE) {
      const values = Object.fromEntries(paramsOf(op).map((p) => [p, value]));
      const path = routePath(op, values as RouteParams<typeof op>, SCOPE);
      // Parsed as a URL (as the pipeline does), the path has the template's shape: the same
      // number of segments, each decoding to what was given; nothing leaks into query or fragment.
      const url = new URL(`https://management.azure.com${WS}${path}?api-version=x`);
      expect(url.hash).toBe("");
      expect([...url.searchParams.keys()]).toEqual(["api-version"]);
      const segments = url.pathname.slice(WS.length).split("/").slice(1);
      if (path === "") continue;
      expect(segments.map(decodeURIComponent)).toEqual(expectedSegments(op, values));
    }
  });

  it("encodes like encodeURIComponent: spaces, slashes, #, ? and unicode", () => {
    expect(routePath("jobs.get", { name: "my job/1#x?y" }, SCOPE)).toBe("/jobs/my%20job%2F1%23x%3Fy");
    expect(routePath("dataVersions.get", { name: "données", version: "1.0.2" }, SCOPE)).toBe(
      "/data/donn%C3%A9es/versions/1.0.2",
    );
    expect(routePath("onlineDeployments.get", { endpoint: "ep/../../computes", deployment: "blue green" }, SCOPE)).toBe(
      "/onlineEndpoints/ep%2F..%2F..%2Fcomputes/deployments/blue%20green",
    );
    expect(encodeSegment("n", "模型")).toBe("%E6%A8%A1%E5%9E%8B");
  });

  it("refuses values that cannot name a resource: empty, '.', '..'", () => {
    for (const bad of ["", ".", ".."]) {
      expect(() => routePath("jobs.get", { name: bad }, SCOPE)).toThrow(/cannot name a resource/);
      expect(() => resourceId("modelVersions.get", { name: "m", version: bad }, SCOPE)).toThrow(/version/);
    }
    // A JavaScript caller that skips the types still cannot leave a parameter out.
    expect(() => routePath("jobs.get", {} as RouteParams<"jobs.get">, SCOPE)).toThrow(/'name' is undefined/);
  });

  it("builds the workspace id and ARM ids from the same templates", () => {
    expect(workspaceId(SCOPE)).toBe(WS);
    expect(workspaceId({ ...SCOPE, workspaceName: "w s" })).toMatch(/\/workspaces\/w%20s$/);
    expect(resourceId("environmentVersions.get", { name: "env", version: "3" }, SCOPE)).toBe(
      `${WS}/environments/env/versions/3`,
    );
    expect(resourceId("computes.get", { name: "gpu#1" }, SCOPE)).toBe(`${WS}/computes/gpu%231`);
  });

  it("types: a misspelled operation or a missing or unknown parameter does not compile", () => {
    // Checked by tsc (npm run typecheck): each line below must be an error.
    // @ts-expect-error misspelled operation
    expect(() => routePath("jobs.gett", { name: "x" }, SCOPE)).toThrow();
    // @ts-expect-error missing parameter
    expect(() => routePath("dataVersions.get", { name: "x" }, SCOPE)).toThrow(/'version'/);
    // @ts-expect-error unknown parameter
    routePath("jobs.get", { name: "x", version: "1" }, SCOPE);
    const params: TemplateParams<"/a/{x}/b/{y}"> = "y";
    expect(params).toBe("y");
    // Every hand-written operation has its response type in contract/responses.ts.
    const typed: EveryClientOperationTyped = true;
    expect(typed).toBe(true);
  });
});

describe("api-versions, per operation, in one table", () => {
  it("hand-written operations", () => {
    const versions = Object.fromEntries(
      OPERATIONS.filter((op) => ROUTES[op].via === "client").map((op) => [op, ROUTES[op].apiVersion ?? null]),
    );
    expect(versions).toEqual({
      "jobs.get": "2024-04-01",
      "jobs.createOrUpdate": "2024-04-01",
      "jobs.cancel": "2024-04-01",
      "componentVersions.createOrUpdate": "2024-04-01",
      "environmentVersions.get": "2024-04-01",
      "environmentVersions.createOrUpdate": "2024-04-01",
      "computes.get": "2024-04-01",
      "onlineEndpoints.list": "2024-04-01",
      "onlineEndpoints.get": "2024-04-01",
      "onlineEndpoints.createOrUpdate": "2024-04-01",
      "onlineEndpoints.delete": "2024-04-01",
      "onlineDeployments.list": "2024-04-01",
      "onlineDeployments.get": "2024-04-01",
      "onlineDeployments.createOrUpdate": "2024-04-01",
      "onlineDeployments.delete": "2024-04-01",
      "batchEndpoints.list": "2024-04-01",
      "batchEndpoints.get": "2024-04-01",
      "batchEndpoints.createOrUpdate": "2024-04-01",
      "batchEndpoints.delete": "2024-04-01",
      "batchDeployments.list": "2024-04-01",
      "batchDeployments.get": "2024-04-01",
      "batchDeployments.createOrUpdate": "2024-04-01",
      "batchDeployments.delete": "2024-04-01",
      "metrics.list": "2018-01-01",
      // Data plane: no api-version.
      "runHistory.listChildren": null,
      "runHistory.getDetails": null,
      "mlflow.getRun": null,
      // Registries: discovery on the regional service (no api-version), the rest through ARM.
      "registryDiscovery.get": null,
      "registries.get": "2024-04-01",
      "registryModelVersions.list": "2024-04-01",
      "registryModelVersions.get": "2024-04-01",
      "registryModelVersions.createOrUpdate": "2024-04-01",
      "registryModelVersions.startPendingUpload": "2024-04-01",
      "registryDataReferences.getBlobReferenceSAS": "2024-04-01",
    });
    expect(CONTROL_API_VERSION).toBe("2024-04-01");
  });

  it("the SDK's rows carry the api-version @azure/arm-machinelearning really sends", () => {
    const sdk = new AzureMachineLearningWorkspaces(credential, SCOPE.subscriptionId);
    expect(sdk.apiVersion).toBe(SDK_API_VERSION);
    for (const op of OPERATIONS.filter((o) => ROUTES[o].via === "sdk"))
      expect([op, ROUTES[op].apiVersion]).toEqual([op, SDK_API_VERSION]);
  });

  it("the SDK's rows name the paths the SDK really requests", async () => {
    const sdk = new AzureMachineLearningWorkspaces(credential, SCOPE.subscriptionId);
    const seen: PipelineRequest[] = [];
    sdk.pipeline.addPolicy(
      {
        name: "record",
        async sendRequest(request) {
          seen.push(request);
          return {
            request,
            status: 200,
            headers: createHttpHeaders({ "content-type": "application/json" }),
            bodyAsText: '{"properties":{}}',
          };
        },
      },
      { phase: "Retry" },
    );
    const { resourceGroup: rg, workspaceName: ws } = SCOPE;
    const calls: [Operation, Record<string, string>, () => Promise<unknown>][] = [
      ["workspaces.get", {}, () => sdk.workspaces.get(rg, ws)],
      ["datastores.listSecrets", { name: "store" }, () => sdk.datastores.listSecrets(rg, ws, "store")],
      ["datastores.get", { name: "store" }, () => sdk.datastores.get(rg, ws, "store")],
      ["dataVersions.get", { name: "d", version: "2" }, () => sdk.dataVersions.get(rg, ws, "d", "2")],
      [
        "dataVersions.createOrUpdate",
        { name: "d", version: "2" },
        () => sdk.dataVersions.createOrUpdate(rg, ws, "d", "2", { properties: { dataType: "uri_file", dataUri: "x" } }),
      ],
      ["modelVersions.get", { name: "m", version: "1" }, () => sdk.modelVersions.get(rg, ws, "m", "1")],
      [
        "modelVersions.createOrUpdate",
        { name: "m", version: "1" },
        () => sdk.modelVersions.createOrUpdate(rg, ws, "m", "1", { properties: {} }),
      ],
      ["codeVersions.get", { name: "c", version: "1" }, () => sdk.codeVersions.get(rg, ws, "c", "1")],
      [
        "codeVersions.createOrUpdate",
        { name: "c", version: "1" },
        () => sdk.codeVersions.createOrUpdate(rg, ws, "c", "1", { properties: {} }),
      ],
      ["onlineEndpoints.listKeys", { endpoint: "ep" }, () => sdk.onlineEndpoints.listKeys(rg, ws, "ep")],
    ];
    const lists: [Operation, Record<string, string>, () => AsyncIterable<unknown>][] = [
      ["datastores.list", {}, () => sdk.datastores.list(rg, ws)],
      ["dataVersions.list", { name: "d" }, () => sdk.dataVersions.list(rg, ws, "d")],
      ["modelVersions.list", { name: "m" }, () => sdk.modelVersions.list(rg, ws, "m")],
    ];
    const checked = new Set<Operation>();
    for (const [op, params, call] of calls) {
      seen.length = 0;
      await call();
      check(op, params);
    }
    for (const [op, params, call] of lists) {
      seen.length = 0;
      for await (const _ of call());
      check(op, params);
    }
    function check(op: Operation, params: Record<string, string>) {
      const url = new URL(seen[0].url);
      expect([op, seen[0].method, url.pathname, url.searchParams.get("api-version")]).toEqual([
        op,
        ROUTES[op].method,
        `${WS}${routePath(op, params as never, SCOPE)}`,
        ROUTES[op].apiVersion,
      ]);
      checked.add(op);
    }
    // Every SDK row is checked against the SDK.
    expect([...checked].sort()).toEqual(OPERATIONS.filter((o) => ROUTES[o].via === "sdk").sort());
  });

  it("the client sends an operation with its table api-version and encoded path", () => {
    const client = new AzureMlClient(SCOPE, CLOUDS.AzureCloud, credential, DEFAULT_TIMING, false);
    expect(client.operationUrl("jobs.get", { name: "a b" })).toBe(
      `https://management.azure.com${WS}/jobs/a%20b?api-version=${ROUTES["jobs.get"].apiVersion}`,
    );
    expect(
      client.operationUrl(
        "mlflow.getRun",
        {},
        { base: "https://r.api.azureml.ms/mlflow/v1.0/x/", query: { run_id: "r 1" } },
      ),
    ).toBe("https://r.api.azureml.ms/mlflow/v1.0/x/api/2.0/mlflow/runs/get?run_id=r+1");
    expect(() => client.operationUrl("runHistory.getDetails", { run: "r" })).toThrow(/base URL of the history service/);
    expect(client.id("codeVersions.get", { name: "h", version: "1" })).toBe(`${WS}/codes/h/versions/1`);
  });
});

describe("on the wire (emulator)", () => {
  let cloud: Cloud;
  let ws: AzureMlWorkspace;
  beforeAll(async () => {
    cloud = await startCloud();
    ws = await openWorkspace(cloud);
  });
  afterAll(async () => {
    await ws?.close();
    await cloud?.stop();
  });

  it("a hostile name reaches the service encoded, in its own segment, with the table's api-version", async () => {
    const before = cloud.emu.requests.length;
    expect(await ws.jobs.get("a b/../c#d?e=1")).toBeUndefined();
    const sent = cloud.emu.requests.slice(before).find((r) => r.path.includes("/jobs/"));
    expect(sent?.path).toBe(`${cloud.emu.state.wsPath}/jobs/a%20b%2F..%2Fc%23d%3Fe%3D1`);
    expect(sent?.query).toEqual({ "api-version": ROUTES["jobs.get"].apiVersion });
  });

  it("a service error is a RestError, kept as the cause of the one-line UserError", async () => {
    const error = await ws.client
      .must("onlineEndpoints.get", { endpoint: "nope" }, { what: "read endpoint nope" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/^read endpoint nope failed: \S+: /);
    expect(isRestError((error as UserError).cause)).toBe(true);
    expect(serviceStatus(error)).toBe(404);
  });
});

const credential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }),
};

const AZUREML = join(import.meta.dirname, "..", "..", "src", "workspace", "azureml");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    if (statSync(full).isDirectory()) return full.endsWith("contract") ? [] : sources(full);
    return full.endsWith(".ts") ? [full] : [];
  });
}

/** The collections and actions of the service's paths: a string that joins one to a value builds a route. */
const ROUTE_WORD =
  /(?<![:/])\/(subscriptions|resourceGroups|providers|workspaces|jobs|components|environments|computes|onlineEndpoints|deployments|codes|models|data|datastores|versions|experiments|runs|history|mlflow|api|listKeys|listSecrets|cancel)(?:\/|\b)/;

describe("only contract/ builds Azure ML paths", () => {
  it("no file in src/workspace/azureml outside contract/ interpolates or concatenates a route", () => {
    const offenders: string[] = [];
    for (const file of sources(AZUREML)) {
      const text = readFileSync(file, "utf8");
      const where = (index: number) => `${relative(AZUREML, file)}:${text.slice(0, index).split("\n").length}`;
      // Template literals with a ${...}: a route word or the workspace id beside a value.
      for (const m of text.matchAll(/`(?:[^`\\]|\\.)*`/g)) {
        const literal = m[0];
        if (!literal.includes("${")) continue;
        // azureml:// URIs are the asset-URI grammar of YAML and bodies, not REST routes.
        if (literal.startsWith("`azureml:")) continue;
        if (ROUTE_WORD.test(literal) || /wsPath\}|workspaceId\(/.test(literal))
          offenders.push(`${where(m.index)} ${literal.slice(0, 100)}`);
      }
      // Concatenation: "/jobs/" + name, or name + "/versions/".
      for (const m of text.matchAll(/["'][^"'\n]*["']\s*\+|\+\s*["'][^"'\n]*["']/g)) {
        if (ROUTE_WORD.test(m[0])) offenders.push(`${where(m.index)} ${m[0]}`);
      }
      // The SDK-free way around the table: an api-version picked in place.
      for (const m of text.matchAll(/apiVersion:\s*[A-Z_"']/g)) offenders.push(`${where(m.index)} ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it("the check itself finds what it looks for", () => {
    const samples = [
      "`/jobs/${name}`",
      "`${this.client.wsPath}/codes/${n}/versions/1`",
      "`${base}/onlineEndpoints/${e}`",
      "`${history}/history/v1.0${x}`",
    ];
    for (const s of samples) expect(ROUTE_WORD.test(s) || /wsPath\}/.test(s), s).toBe(true);
    expect(ROUTE_WORD.test("`Creating deployment ${endpoint}/${name}`")).toBe(false);
    expect(ROUTE_WORD.test("`LocalUpload/${digest}/${top}`")).toBe(false);
  });
});
