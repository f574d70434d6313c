// Inputs whose task.json name differs from the spec's (spec `adoName`): the service connection is
// `connectedServiceNameARM` in task.json, aliased `azureSubscription`. The agent passes the value
// under the task.json name; the task library resolves no aliases, so the host reads both names.
// A process of its own per case: azure-pipelines-task-lib reads INPUT_* once, when it loads.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-ado-inputs-"));
});
afterAll(async () => cleanup());

function probe(env: Record<string, string>): Record<string, unknown> {
  const script = `
    // The library and the host each move the inputs out of process.env as they load: the host gets them back.
    const saved = { ...process.env };
    const tl = await import(${JSON.stringify(join(ROOT, "node_modules", "azure-pipelines-task-lib", "task.js"))});
    const libraryByTaskJsonName = tl.getInput("connectedServiceNameARM", false) ?? null;
    Object.assign(process.env, saved);
    const { AzureDevOpsHost } = await import(${JSON.stringify(join(ROOT, "src", "hosts", "azure-devops.ts"))});
    const host = new AzureDevOpsHost();
    const c = host.run.azure?.azureServiceConnection;
    console.log("RESULT " + JSON.stringify({
      libraryByTaskJsonName,
      hostInput: host.getInput("azureSubscription") ?? null,
      connection: c ? { id: c.id, clientId: c.clientId, subscriptionId: c.subscriptionId } : null,
    }));`;
  const run = spawnSync(process.execPath, ["--import", TSX, "--input-type=module", "-e", script], {
    // The task library writes its vault key (.taskkey) into the working directory: not the project's.
    cwd: dir,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      AGENT_TEMPDIRECTORY: dir,
      INPUT_COMMAND: "register-dataset",
      "ENDPOINT_AUTH_SCHEME_conn-1": "ServicePrincipal",
      "ENDPOINT_AUTH_PARAMETER_conn-1_TENANTID": "tenant-guid",
      "ENDPOINT_AUTH_PARAMETER_conn-1_SERVICEPRINCIPALID": "client-guid",
      "ENDPOINT_AUTH_PARAMETER_conn-1_SERVICEPRINCIPALKEY": "sp-secret",
      "ENDPOINT_DATA_conn-1_SUBSCRIPTIONID": "sub-guid",
      ...env,
    },
  });
  const line = run.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  expect(line, run.stderr).toBeDefined();
  return JSON.parse((line ?? "").slice("RESULT ".length));
}

const connection = { id: "conn-1", clientId: "client-guid", subscriptionId: "sub-guid" };

describe("the Azure DevOps host reads an input by its task.json name and by its alias", () => {
  it("finds the service connection under connectedServiceNameARM, as the agent passes it", () => {
    expect(probe({ INPUT_CONNECTEDSERVICENAMEARM: "conn-1" })).toEqual({
      libraryByTaskJsonName: "conn-1",
      hostInput: "conn-1",
      connection,
    });
  });

  it("finds it under azureSubscription too, which the task library alone would miss", () => {
    expect(probe({ INPUT_AZURESUBSCRIPTION: "conn-1" })).toEqual({
      libraryByTaskJsonName: null,
      hostInput: "conn-1",
      connection,
    });
  });

  it("prefers the task.json name when both are set", () => {
    expect(probe({ INPUT_CONNECTEDSERVICENAMEARM: "conn-1", INPUT_AZURESUBSCRIPTION: "other" })).toMatchObject({
      hostInput: "conn-1",
      connection,
    });
  });

  it("has no connection when neither name is set", () => {
    expect(probe({})).toEqual({ libraryByTaskJsonName: null, hostInput: null, connection: null });
  });
});
