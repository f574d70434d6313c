import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AzureMlEmulator } from "../emulator/server.js";
import { DEFAULT_SPEC_ROOT, RestSpecs, type SpecCheck } from "../emulator/spec-validator.js";

const WS = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w";
const REGISTRY = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/registries/r";
const specs = new RestSpecs();

function check(method: string, path: string, apiVersion: string, body: unknown): SpecCheck {
  return specs.check({ method, path: `${WS}${path}`, apiVersion, body });
}

/** What a reader needs from a check: the errors and warnings as `code target: message`. */
function lines(issues: SpecCheck["errors"]): string[] {
  return issues.map((i) => `${i.code} ${i.target}: ${i.message}`);
}

/** A pipeline job body of the shape the Python SDK sends (api-version 2024-04-01). */
function pipelineJob(): Record<string, unknown> {
  return {
    properties: {
      jobType: "Pipeline",
      displayName: "train",
      experimentName: "demo",
      isArchived: false,
      tags: { team: "ml" },
      properties: {},
      computeId: `${WS}/computes/cpu-cluster`,
      inputs: {
        data: { jobInputType: "uri_folder", uri: "azureml:churn:1", mode: "ReadOnlyMount" },
        rate: { jobInputType: "literal", value: "0.1" },
      },
      outputs: { model: { jobOutputType: "mlflow_model", mode: "ReadWriteMount" } },
      // Nodes and settings are open records in the spec; only node data inputs/outputs are typed.
      jobs: {
        train: {
          type: "command",
          componentId: `${WS}/components/azureml_anonymous/versions/1`,
          inputs: {
            data: { job_input_type: "literal", value: "${{parent.inputs.data}}", mode: "Download" },
            rate: { job_input_type: "literal", value: "${{parent.inputs.rate}}" },
          },
          outputs: {
            model: { type: "literal", value: "${{parent.outputs.model}}" },
            scratch: { job_output_type: "uri_folder", mode: "Upload" },
          },
          anything_else: { kept: true },
        },
      },
      settings: { default_compute: "azureml:cpu-cluster", default_datastore: "workspaceblobstore", whatever: 1 },
    },
  };
}

describe("the vendored REST spec", () => {
  it("holds the api-versions the project sends, each with the operations it calls", () => {
    expect(specs.versions()).toEqual(expect.arrayContaining(["2022-10-01", "2024-04-01"]));
    const ops = [
      ["PUT", "/data/d/versions/1", "2022-10-01", "DataVersions_CreateOrUpdate"],
      ["PUT", "/models/m/versions/1", "2022-10-01", "ModelVersions_CreateOrUpdate"],
      ["PUT", "/codes/c/versions/1", "2022-10-01", "CodeVersions_CreateOrUpdate"],
      ["POST", "/datastores/workspaceblobstore/listSecrets", "2022-10-01", "Datastores_ListSecrets"],
      ["PUT", "/jobs/j", "2024-04-01", "Jobs_CreateOrUpdate"],
      ["POST", "/jobs/j/cancel", "2024-04-01", "Jobs_Cancel"],
      ["PUT", "/components/c/versions/1", "2024-04-01", "ComponentVersions_CreateOrUpdate"],
      ["PUT", "/environments/e/versions/1", "2024-04-01", "EnvironmentVersions_CreateOrUpdate"],
      ["PUT", "/onlineEndpoints/e", "2024-04-01", "OnlineEndpoints_CreateOrUpdate"],
      ["PUT", "/onlineEndpoints/e/deployments/blue", "2024-04-01", "OnlineDeployments_CreateOrUpdate"],
    ];
    for (const [method, path, version, operationId] of ops)
      expect(check(method, path, version, undefined).operationId, `${method} ${path}`).toBe(operationId);
  });

  it("names the operation it cannot find, rather than passing the body unchecked", () => {
    const c = check("PUT", "/jobz/j", "2024-04-01", { properties: {} });
    expect(lines(c.errors)).toEqual([
      `NoSuchOperation : The REST spec for api-version 2024-04-01 has no operation PUT ${WS}/jobz/j`,
    ]);
  });
});

describe("request bodies the spec accepts", () => {
  it("a pipeline job as the SDK sends it, open records passing through", () => {
    const c = check("PUT", "/jobs/j", "2024-04-01", pipelineJob());
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
  });

  it("data, model, environment, endpoint and deployment bodies", () => {
    const bodies: [string, string, unknown][] = [
      [
        "/data/d/versions/1",
        "2022-10-01",
        {
          properties: { dataType: "uri_folder", dataUri: "azureml://datastores/workspaceblobstore/paths/d/", tags: {} },
        },
      ],
      [
        "/models/m/versions/1",
        "2022-10-01",
        { properties: { modelType: "mlflow_model", modelUri: "azureml://jobs/j/outputs/artifacts/paths/model/" } },
      ],
      [
        "/environments/e/versions/1",
        "2024-04-01",
        { properties: { image: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04", condaFile: "name: x\n" } },
      ],
      [
        "/onlineEndpoints/e",
        "2024-04-01",
        {
          location: "westeurope",
          identity: { type: "SystemAssigned" },
          properties: { authMode: "Key", traffic: { blue: 100 } },
        },
      ],
      [
        "/onlineEndpoints/e/deployments/blue",
        "2024-04-01",
        {
          location: "westeurope",
          sku: { name: "Default", capacity: 1 },
          properties: {
            endpointComputeType: "Managed",
            instanceType: "Standard_DS3_v2",
            model: `${WS}/models/m/versions/1`,
            codeConfiguration: { codeId: `${WS}/codes/c/versions/1`, scoringScript: "score.py" },
            requestSettings: { requestTimeout: "PT5S", maxConcurrentRequestsPerInstance: 1 },
          },
        },
      ],
    ];
    for (const [path, version, body] of bodies) {
      const c = check("PUT", path, version, body);
      expect(lines(c.errors), path).toEqual([]);
      expect(lines(c.warnings), path).toEqual([]);
    }
  });
});

describe("no stricter than the service", () => {
  // Bodies azure-ai-ml sent and the service accepted (test/fixtures/sdk-recordings, recorded at
  // preview api-versions we do not vendor): each must pass the 2024-04-01 spec without an error.
  it("passes every request body recorded from the Python SDK", async () => {
    const root = join(import.meta.dirname, "..", "fixtures", "sdk-recordings");
    const files = (await readdir(root, { recursive: true })).filter(
      (f) => f.endsWith(".json") && !f.startsWith("yaml"),
    );
    expect(files.length).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    for (const f of files) {
      const r = JSON.parse(await readFile(join(root, f), "utf8")) as { method: string; path: string; body?: unknown };
      if (r.body === undefined) continue;
      // A data-plane request (a batch invocation at an endpoint's scoring URI) has no REST spec.
      if (!/^\{(workspace|registry)\}/.test(r.path)) continue;
      // A registry's requests (registry-model/) are below the registry's id, not the workspace's.
      const registry = r.path.startsWith("{registry}");
      const path = r.path
        .replace("{workspace}", "")
        .replace("{registry}", "")
        .replace(/\{[a-z]+\}/gi, "x");
      const c = registry
        ? specs.check({ method: r.method, path: `${REGISTRY}${path}`, apiVersion: "2024-04-01", body: r.body })
        : check(r.method, path, "2024-04-01", r.body);
      if (!c.operationId) failures.push(`${f}: no operation for ${r.method} ${r.path}`);
      failures.push(...c.errors.map((e) => `${f}: ${e.message}`));
    }
    expect(failures).toEqual([]);
  });

  it("checks the emulator's answers too, where secrets are never sent back", () => {
    const datastore = {
      id: `${WS}/datastores/workspaceblobstore`,
      name: "workspaceblobstore",
      type: "Microsoft.MachineLearningServices/workspaces/datastores",
      properties: {
        datastoreType: "AzureBlob",
        accountName: "acct",
        containerName: "c",
        credentials: { credentialsType: "AccountKey" },
        isDefault: true,
      },
    };
    const ok = specs.checkResponse({
      method: "GET",
      path: `${WS}/datastores/workspaceblobstore`,
      apiVersion: "2022-10-01",
      status: 200,
      body: datastore,
    });
    expect(lines(ok.errors)).toEqual([]);
    const data = specs.checkResponse({
      method: "GET",
      path: `${WS}/data/d/versions/1`,
      apiVersion: "2024-04-01",
      status: 200,
      body: { properties: { dataType: "uri_file", dataUri: "azureml://x", provisioningState: "Succeeded" } },
    });
    expect(lines(data.errors)).toEqual([
      "UnknownProperty properties.provisioningState: 'properties.provisioningState': UriFileDataVersion has no property 'provisioningState'",
    ]);
  });
});

describe("request bodies the spec refuses, with the message a user sees", () => {
  it("a missing required property", () => {
    const c = check("PUT", "/data/d/versions/1", "2022-10-01", { properties: { dataType: "uri_file" } });
    expect(lines(c.errors)).toEqual([
      "RequiredPropertyMissing properties.dataUri: 'properties.dataUri' is required by UriFileDataVersion but missing",
    ]);
  });

  it("an output mode outside OutputDeliveryMode, on the pipeline and on a node", () => {
    const body = pipelineJob();
    // biome-ignore lint/suspicious/noExplicitAny: a test body edited in place
    const p = body.properties as Record<string, any>;
    p.outputs.model.mode = "mount";
    p.jobs.train.outputs.scratch.mode = "mount";
    p.jobs.train.inputs.data.mode = "mount";
    const c = check("PUT", "/jobs/j", "2024-04-01", body);
    expect(lines(c.errors)).toEqual([
      `InvalidEnumValue properties.jobs.train.inputs.data.mode: 'properties.jobs.train.inputs.data.mode' is "mount", which InputDeliveryMode does not allow; use one of: ReadOnlyMount, ReadWriteMount, Download, Direct, EvalMount, EvalDownload`,
      `InvalidEnumValue properties.jobs.train.outputs.scratch.mode: 'properties.jobs.train.outputs.scratch.mode' is "mount", which OutputDeliveryMode does not allow; use one of: ReadWriteMount, Upload, Direct`,
      `InvalidEnumValue properties.outputs.model.mode: 'properties.outputs.model.mode' is "mount", which OutputDeliveryMode does not allow; use one of: ReadWriteMount, Upload, Direct`,
    ]);
  });

  it("an undeclared property, with the nearest declared name; its snake_case name on a node", () => {
    const body = pipelineJob();
    // biome-ignore lint/suspicious/noExplicitAny: a test body edited in place
    const p = body.properties as Record<string, any>;
    p.experiment_name = "demo";
    p.jobs.train.outputs.scratch.path_on_compute = "/tmp/out";
    const c = check("PUT", "/jobs/j", "2024-04-01", body);
    expect(lines(c.errors)).toEqual([
      "UnknownProperty properties.jobs.train.outputs.scratch.path_on_compute: 'properties.jobs.train.outputs.scratch.path_on_compute': UriFolderJobOutput has no property 'path_on_compute'",
      "UnknownProperty properties.experiment_name: 'properties.experiment_name': PipelineJob has no property 'experiment_name' (did you mean 'experimentName'?)",
    ]);
  });

  it("a discriminator value that names no type", () => {
    const c = check("PUT", "/jobs/j", "2024-04-01", { properties: { jobType: "Pipelines", jobs: {} } });
    expect(lines(c.errors)).toEqual([
      `InvalidDiscriminatorValue properties.jobType: 'properties.jobType' is "Pipelines", which names no JobBase type; use one of: AutoML, Command, Sweep, Pipeline, Spark`,
    ]);
    // The subtype the discriminator names is the one checked: a command job needs its command.
    const command = check("PUT", "/jobs/j", "2024-04-01", { properties: { jobType: "Command", environmentId: "e" } });
    expect(lines(command.errors)).toEqual([
      "RequiredPropertyMissing properties.command: 'properties.command' is required by CommandJob but missing",
    ]);
  });

  it("a parser placeholder as a component output type (componentSpec is otherwise open)", () => {
    const c = check("PUT", "/components/azureml_anonymous/versions/1", "2024-04-01", {
      properties: {
        isAnonymous: true,
        componentSpec: {
          type: "command",
          command: "python train.py",
          outputs: { model: { type: "__inferred__" }, ok: { type: "uri_folder" }, flag: { type: "boolean" } },
          anything: { goes: 1 },
        },
      },
    });
    expect(lines(c.errors)).toEqual([
      `InvalidEnumValue properties.componentSpec.outputs.model.type: 'properties.componentSpec.outputs.model.type' is "__inferred__", which is not a component output type; use one of: uri_file, uri_folder, mltable, custom_model, mlflow_model, triton_model, string, integer, number, boolean`,
    ]);
  });

  it("a blank required string; one without letters is fine", () => {
    const body = pipelineJob();
    // biome-ignore lint/suspicious/noExplicitAny: a test body edited in place
    const p = body.properties as Record<string, any>;
    p.jobs.train.inputs.rate.value = " ";
    p.inputs.rate.value = "-";
    const c = check("PUT", "/jobs/j", "2024-04-01", body);
    expect(lines(c.errors)).toEqual([
      "InvalidLength properties.jobs.train.inputs.rate.value: 'properties.jobs.train.inputs.rate.value' must not be blank",
    ]);
  });

  it("wrong JSON types and formats", () => {
    const c = check("PUT", "/onlineEndpoints/e/deployments/blue", "2024-04-01", {
      location: "westeurope",
      properties: {
        endpointComputeType: "Managed",
        appInsightsEnabled: "yes",
        requestSettings: { requestTimeout: "5 seconds", maxConcurrentRequestsPerInstance: 1.5 },
        environmentVariables: ["A=1"],
      },
    });
    expect(lines(c.errors)).toEqual([
      "InvalidType properties.appInsightsEnabled: 'properties.appInsightsEnabled' must be a boolean, not a string",
      `InvalidFormat properties.requestSettings.requestTimeout: 'properties.requestSettings.requestTimeout' is "5 seconds", which is not a valid duration`,
      "InvalidType properties.requestSettings.maxConcurrentRequestsPerInstance: 'properties.requestSettings.maxConcurrentRequestsPerInstance' must be an integer, not a number",
      "InvalidType properties.environmentVariables: 'properties.environmentVariables' must be an object, not an array",
    ]);
  });
});

describe("what the service takes, with a warning", () => {
  it("read-only fields, other casing, nulls and numbers as strings", () => {
    const c = check("PUT", "/onlineEndpoints/e", "2024-04-01", {
      location: "westeurope",
      id: `${WS}/onlineEndpoints/e`,
      properties: { authMode: "key", provisioningState: "Succeeded", Description: null, traffic: { blue: "100" } },
    });
    expect(c.errors).toEqual([]);
    expect(lines(c.warnings)).toEqual([
      "ReadOnlyProperty id: 'id' is read-only; the service ignores it",
      "CasingMismatch properties.authMode: 'properties.authMode' is 'key'; EndpointAuthMode spells it 'Key'",
      "ReadOnlyProperty properties.provisioningState: 'properties.provisioningState' is read-only; the service ignores it",
      "CasingMismatch properties.Description: 'properties.Description': the spec spells it 'description'",
      `ConvertedValue properties.traffic.blue: 'properties.traffic.blue' is the string "100"; the spec says integer`,
    ]);
  });
});

describe("the emulator checks every ARM request against the spec", () => {
  let emu: AzureMlEmulator;
  // These tests set the mode themselves; a run listing violations with the variable set must not change them.
  const mode = process.env.EMULATOR_SPEC_VALIDATION;
  beforeAll(async () => {
    delete process.env.EMULATOR_SPEC_VALIDATION;
    emu = await AzureMlEmulator.start({
      subscriptionId: "s",
      resourceGroup: "rg",
      workspace: "w",
      tenantId: "t",
      storage: {
        host: "127.0.0.1:1",
        account: "devstoreaccount1",
        key: Buffer.from("k").toString("base64"),
        container: "c",
      },
    });
  });
  afterAll(async () => {
    if (mode !== undefined) process.env.EMULATOR_SPEC_VALIDATION = mode;
    await emu.stop();
  });

  function put(path: string, apiVersion: string, body: unknown) {
    return new Promise<{ status: number; body: { error: Record<string, unknown> } }>((resolve, reject) => {
      const req = request(
        `${emu.url}${WS}${path}?api-version=${apiVersion}`,
        { method: "PUT", ca: emu.ca, headers: { "content-type": "application/json" } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
          );
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify(body));
    });
  }

  it("answers 400 in the ARM error format, naming the JSON path, and lists the violation", async () => {
    const body = pipelineJob();
    // biome-ignore lint/suspicious/noExplicitAny: a test body edited in place
    (body.properties as Record<string, any>).outputs.model.mode = "mount";
    const res = await put("/jobs/j1", "2024-04-01", body);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: "UserError",
      message:
        "The request is invalid: 1 problem against the REST spec for api-version 2024-04-01 (Jobs_CreateOrUpdate)",
      target: "properties.outputs.model.mode",
      details: [
        {
          code: "InvalidEnumValue",
          target: "properties.outputs.model.mode",
          message: `'properties.outputs.model.mode' is "mount", which OutputDeliveryMode does not allow; use one of: ReadWriteMount, Upload, Direct`,
        },
      ],
      additionalInfo: [],
      innerError: { code: "BadArgument" },
    });
    expect(emu.specViolations).toEqual([
      expect.objectContaining({
        method: "PUT",
        path: `${WS}/jobs/j1`,
        apiVersion: "2024-04-01",
        operationId: "Jobs_CreateOrUpdate",
        code: "InvalidEnumValue",
        target: "properties.outputs.model.mode",
      }),
    ]);
  });

  it("passes a body the spec accepts on to the workspace (which then asks for a token)", async () => {
    const res = await put("/jobs/j2", "2024-04-01", pipelineJob());
    expect(res.status).toBe(401);
  });

  it("in record mode lists the violation and answers as the workspace would", async () => {
    emu.specValidation = "record";
    try {
      const before = emu.specViolations.length;
      const res = await put("/jobs/j4", "2024-04-01", { properties: { jobType: "Pipeline", foo: 1 } });
      expect(res.status).toBe(401); // past the spec check, to the workspace, which wants a token
      expect(emu.specViolations.slice(before).map((v) => `${v.code} ${v.target}`)).toEqual([
        "UnknownProperty properties.foo",
      ]);
    } finally {
      emu.specValidation = "enforce";
    }
  });

  it("refuses an api-version whose spec is not vendored, so no request goes unchecked", async () => {
    const res = await put("/jobs/j3", "2025-01-01-preview", pipelineJob());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("InvalidApiVersionParameter");
    expect(res.body.error.message).toBe(
      "No REST spec is vendored for api-version 2025-01-01-preview (have: 2022-10-01, 2024-04-01), so this request cannot be checked; add its files under test/fixtures/rest-spec/2025-01-01-preview/ as that folder's README says",
    );
    expect(emu.specViolations.at(-1)).toMatchObject({ code: "UnknownApiVersion", apiVersion: "2025-01-01-preview" });
  });
});

describe("adding an api-version is dropping its files in", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "rest-spec-"));
    // A copy of 2024-04-01 under another version's name, with the shared common-types beside it.
    await symlink(join(DEFAULT_SPEC_ROOT, "common-types"), join(root, "common-types"));
    await mkdir(join(root, "2099-01-01"));
    for (const f of await readdir(join(DEFAULT_SPEC_ROOT, "2024-04-01")))
      await symlink(join(DEFAULT_SPEC_ROOT, "2024-04-01", f), join(root, "2099-01-01", f));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("finds the new folder and checks bodies against it", () => {
    const other = new RestSpecs(root);
    expect(other.versions()).toEqual(["2099-01-01"]);
    const c = other.check({ method: "PUT", path: `${WS}/jobs/j`, apiVersion: "2099-01-01", body: { properties: {} } });
    expect(lines(c.errors)).toEqual([
      "RequiredPropertyMissing properties.jobType: 'properties.jobType' is required by JobBase but missing",
    ]);
  });
});
