// The batch inputs as the task parses them, on each kind of backend the capabilities describe: a
// local one (files on this disk) and one with managed compute (a job that reads datastores where
// they lie), and one without batch endpoints at all.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import type { Log } from "../../src/run-context.js";
import type { TaskContext } from "../../src/tasks/context.js";
import { ignoredInputsWarning, parseBatchSettings } from "../../src/tasks/deploy/batch-settings.js";
import { parseInputs } from "../../src/tasks/inputs.js";
import { spec } from "../../src/tasks/specs/deploy-endpoint.js";
import type { Workspace } from "../../src/workspace/workspace.js";
import { MemoryBatch } from "./memory-batch.js";

const warnings: string[] = [];
const log: Log = {
  info: () => {},
  warning: (m) => warnings.push(m),
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

async function context(
  values: Record<string, string>,
  backend: { managedCompute: boolean; batch: boolean },
): Promise<TaskContext<typeof spec>> {
  const cwd = await mkdtemp(join(tmpdir(), "mlops-batch-settings-"));
  await writeFile(join(cwd, "in.csv"), "x1,x2\n1,2\n");
  const inputs = parseInputs(spec, (name) =>
    name in values ? values[name] : { endpoint: "ep", model: "m:1", scoringScript: "s.py" }[name],
  );
  const workspace = {
    backend: backend.managedCompute ? "azureml" : "local",
    capabilities: { sharedWrites: backend.managedCompute, plansDryRun: false, detachedJobs: false, ...backend },
    ...(backend.batch ? { batchEndpoints: new MemoryBatch() } : {}),
    datasets: { get: async () => undefined, list: async () => [] },
  } as unknown as Workspace;
  return { inputs, workspace, log, cwd, signal: new AbortController().signal, run: { host: "cli" } };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (e) => (e instanceof UserError ? e.describe() : String(e)),
  );

describe("batch settings", () => {
  it("a backend without batch endpoints refuses in one line naming endpointType", async () => {
    const ctx = await context({ endpointType: "batch", batchInput: "in.csv" }, { managedCompute: false, batch: false });
    expect(await refusal(parseBatchSettings(ctx))).toBe(
      "input 'endpointType': the local backend has no batch endpoints. Use endpointType: online, or a backend with batch endpoints.",
    );
  });

  it("defaults: Azure ML's mini-batch size and output file, errorThreshold 0, the backend's concurrency", async () => {
    const ctx = await context({ endpointType: "batch", batchInput: "in.csv" }, { managedCompute: false, batch: true });
    const s = await parseBatchSettings(ctx);
    expect(s).toMatchObject({
      input: { kind: "path", path: join(ctx.cwd, "in.csv") },
      inputLabel: "in.csv",
      miniBatchSize: 10,
      errorThreshold: 0,
      // Azure ML's retry_settings defaults: 3 retries, 30 s per mini-batch.
      retry: { maxRetries: 3, timeoutSeconds: 30 },
      outputFile: "predictions.csv",
    });
    expect(s.maxConcurrency).toBeUndefined();
    expect(s.outputPath).toBeUndefined();
  });

  it("managed compute: datastore and https inputs pass through, a datastore output path, the compute cluster", async () => {
    const ctx = await context(
      {
        endpointType: "batch",
        batchInput: "azureml://datastores/lake/paths/nightly/2026-11-29/",
        outputPath: "azureml://datastores/lake/paths/scores/2026-11-29",
        compute: "azureml:cpu-cluster",
        maxConcurrency: "4",
        errorThreshold: "-1",
      },
      { managedCompute: true, batch: true },
    );
    expect(await parseBatchSettings(ctx)).toMatchObject({
      input: { kind: "uri", uri: "azureml://datastores/lake/paths/nightly/2026-11-29/" },
      outputPath: "azureml://datastores/lake/paths/scores/2026-11-29",
      compute: "cpu-cluster",
      maxConcurrency: 4,
      errorThreshold: -1,
    });
    const https = await context(
      { endpointType: "batch", batchInput: "https://example.org/data/x.csv", compute: "cpu-cluster" },
      { managedCompute: true, batch: true },
    );
    expect((await parseBatchSettings(https)).input).toEqual({ kind: "uri", uri: "https://example.org/data/x.csv" });
    const abfss = await context(
      { endpointType: "batch", batchInput: "abfss://c@acct.dfs.core.windows.net/x", compute: "cpu-cluster" },
      { managedCompute: true, batch: true },
    );
    expect(await refusal(parseBatchSettings(abfss))).toMatch(
      /^input 'batchInput': is a URI the scoring job cannot read\. Give azureml:\/\/datastores\/<name>\/paths\/<path>/,
    );
  });

  it("miniBatchTimeout and maxRetries become the deployment's retry settings", async () => {
    const ctx = await context(
      { endpointType: "batch", batchInput: "in.csv", miniBatchTimeout: "600", maxRetries: "0" },
      { managedCompute: false, batch: true },
    );
    expect((await parseBatchSettings(ctx)).retry).toEqual({ maxRetries: 0, timeoutSeconds: 600 });
  });

  it("on managed compute a missing compute cluster is refused, naming the input", async () => {
    const ctx = await context({ endpointType: "batch", batchInput: "in.csv" }, { managedCompute: true, batch: true });
    expect(await refusal(parseBatchSettings(ctx))).toMatch(
      /^input 'compute': a batch deployment on managed compute needs a compute cluster\./,
    );
  });

  it("locally a compute cluster is ignored with a warning", async () => {
    warnings.length = 0;
    const ctx = await context(
      { endpointType: "batch", batchInput: "in.csv", compute: "cpu-cluster" },
      { managedCompute: false, batch: true },
    );
    expect((await parseBatchSettings(ctx)).compute).toBeUndefined();
    expect(warnings).toEqual([
      "compute 'cpu-cluster' applies to Azure ML; the local backend scores with local worker processes",
    ]);
  });

  it("the other endpoint type's inputs: only values other than their defaults are named", async () => {
    const batch = await context(
      { endpointType: "batch", batchInput: "in.csv", traffic: "100", burst: "20", rps: "10", smokeTest: "r.json" },
      { managedCompute: false, batch: true },
    );
    expect(ignoredInputsWarning(batch, "batch")).toBe(
      "'smokeTest', 'rps' apply to online endpoints only; endpointType is batch, so they are ignored",
    );
    const online = await context(
      { miniBatchSize: "10", outputFile: "predictions.csv", errorThreshold: "2" },
      { managedCompute: false, batch: true },
    );
    expect(ignoredInputsWarning(online, "online")).toBe(
      "'errorThreshold' applies to batch endpoints only; endpointType is online, so it is ignored",
    );
    const retries = await context(
      { miniBatchTimeout: "30", maxRetries: "0", errorThreshold: "0" },
      { managedCompute: false, batch: true },
    );
    expect(ignoredInputsWarning(retries, "online")).toBe(
      "'maxRetries' applies to batch endpoints only; endpointType is online, so it is ignored",
    );
    const plain = await context({}, { managedCompute: false, batch: true });
    expect(ignoredInputsWarning(plain, "online")).toBeUndefined();
  });
});
