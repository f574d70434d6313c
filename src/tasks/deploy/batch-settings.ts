/**
 * deploy-endpoint's batch inputs, parsed and checked before anything changes: the data the new
 * deployment scores, how it is cut into mini-batches, what it may get wrong, and where its rows
 * go. Inputs that only mean something to the other endpoint type are warned about, not refused,
 * since a runner sends their defaults whether the step sets them or not.
 */
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { isAbsolute, relative, resolve } from "node:path";
import { UserError } from "../../errors.js";
import { looksLikeUri } from "../../references.js";
import type { BatchInput } from "../../workspace/workspace.js";
import type { TaskContext } from "../context.js";
import { isDatasetRef, registeredDataset } from "../data-input.js";
import type { spec } from "../specs/deploy-endpoint.js";
import { type ExpectedRows, readExpectedRows } from "./batch-expect.js";

type Ctx = TaskContext<typeof spec>;
type Name = (typeof spec)["inputs"][number]["name"];

export interface BatchSettings {
  input: BatchInput;
  /** The input as the user gave it, or `name@version` for a dataset. */
  inputLabel: string;
  miniBatchSize: number;
  /** Undefined: the backend's default (the local cores; Azure ML's own). */
  maxConcurrency?: number;
  errorThreshold: number;
  /** Azure ML's retry_settings: retries of a failed or timed-out mini-batch, and the seconds one may take. */
  retry: { maxRetries: number; timeoutSeconds: number };
  /** A folder (absolute) or an azureml:// URI; undefined: the backend's place for the job's outputs. */
  outputPath?: string;
  outputFile: string;
  compute?: string;
  expect?: ExpectedRows & { tolerance: number };
}

/** Inputs only an online rollout reads: a value other than the default is ignored with a warning under batch. */
const ONLINE_ONLY: readonly Name[] = [
  "traffic",
  "burst",
  "smokeTest",
  "bakeSeconds",
  "evaluationData",
  "labelColumn",
  "requestFormat",
  "rps",
  "maxErrorRate",
  "maxLatencyMs",
  "minRequests",
  "mirrorPercent",
  "startTimeout",
  "instanceType",
];

/** Inputs only a batch rollout reads. */
const BATCH_ONLY: readonly Name[] = [
  "batchInput",
  "miniBatchSize",
  "maxConcurrency",
  "errorThreshold",
  "miniBatchTimeout",
  "maxRetries",
  "outputPath",
  "outputFile",
  "compute",
];

/** The inputs of `names` the step set to something other than their declared default. */
function setOtherThanDefault(ctx: Ctx, names: readonly Name[]): Name[] {
  return names.filter((name) => {
    if (!ctx.inputs.has(name)) return false;
    const declared = ctx.inputs.spec.inputs.find((i) => i.name === name) as { default?: string } | undefined;
    const value = ctx.inputs.string(name);
    if (declared?.default === undefined) return true;
    return value !== declared.default && !(Number(value) === Number(declared.default) && value?.trim() !== "");
  });
}

/** One warning listing the inputs of the other endpoint type that this rollout ignores. */
export function ignoredInputsWarning(ctx: Ctx, type: "online" | "batch"): string | undefined {
  const ignored = setOtherThanDefault(ctx, type === "batch" ? ONLINE_ONLY : BATCH_ONLY);
  if (ignored.length === 0) return undefined;
  const other = type === "batch" ? "online" : "batch";
  return `${ignored.map((n) => `'${n}'`).join(", ")} appl${ignored.length === 1 ? "ies" : "y"} to ${other} endpoints only; endpointType is ${type}, so ${ignored.length === 1 ? "it is" : "they are"} ignored`;
}

const AZUREML_DATASTORE = /^azureml:\/\/datastores\/[^/\s]+\/paths\/\S*$/i;
const COMPUTE = /^[a-zA-Z][a-zA-Z0-9-]{1,15}$/;
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,254}$/;

function wholeNumber(ctx: Ctx, name: Name, min: number, max: number, what: string): number | undefined {
  const value = ctx.inputs.number(name);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserError(
      `'${ctx.inputs.string(name)}' is not ${what}`,
      { input: name },
      `Give a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

/** Where the data is: an existing file or folder, a dataset reference, or (where the backend reads them) a storage URI. */
async function batchInput(ctx: Ctx, value: string): Promise<{ input: BatchInput; label: string }> {
  const remote = ctx.workspace.capabilities.managedCompute;
  if (looksLikeUri(value)) {
    // Only a job on managed compute reads a datastore or URL where it lies; local workers read this disk.
    if (remote && (AZUREML_DATASTORE.test(value) || /^https:\/\//i.test(value))) {
      return { input: { kind: "uri", uri: value }, label: value };
    }
    throw new UserError(
      remote ? "is a URI the scoring job cannot read" : "is a URI; a local batch endpoint scores files on this disk",
      { input: "batchInput" },
      remote
        ? "Give azureml://datastores/<name>/paths/<path>, an https:// URL, a local file or folder, or a registered dataset (name@version)"
        : "Give a local file or folder, or a registered dataset (name@version)",
    );
  }
  const path = isAbsolute(value) ? value : resolve(ctx.cwd, value);
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile() || info?.isDirectory()) return { input: { kind: "path", path }, label: value };
  if (!isDatasetRef(value)) {
    throw new UserError(
      `'${value}' is not an existing file or folder`,
      { input: "batchInput" },
      "Give a file or folder relative to the working directory, or a registered dataset (name@version)",
    );
  }
  const dataset = await registeredDataset(ctx, value, "batchInput", "Give a file or folder");
  return { input: { kind: "dataset", dataset }, label: `${dataset.name}@${dataset.version}` };
}

async function outputPath(ctx: Ctx, value: string | undefined, input: BatchInput): Promise<string | undefined> {
  if (value === undefined || value === "") return undefined;
  const remote = ctx.workspace.capabilities.managedCompute;
  if (looksLikeUri(value)) {
    if (remote && AZUREML_DATASTORE.test(value)) return value;
    throw new UserError(
      remote ? "is not a datastore path" : "is a URI; a local batch endpoint writes to a folder on this disk",
      { input: "outputPath" },
      remote ? "Give azureml://datastores/<name>/paths/<path>" : "Give a folder relative to the working directory",
    );
  }
  const path = isAbsolute(value) ? value : resolve(ctx.cwd, value);
  const info = await stat(path).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw new UserError(`'${value}' is a file`, { input: "outputPath" }, "Give a folder (it is created when absent)");
  }
  // Rows written into the scored folder would be scored as input by the next run.
  if (input.kind === "path") {
    const inside = relative(input.path, path);
    if (inside === "" || (!inside.startsWith("..") && !isAbsolute(inside))) {
      throw new UserError(
        `'${value}' is inside batchInput`,
        { input: "outputPath" },
        "Give a folder outside the scored data, or the next run scores the predictions too",
      );
    }
  }
  return path;
}

/** Every batch input, checked; throws a UserError naming the first bad one. */
export async function parseBatchSettings(ctx: Ctx): Promise<BatchSettings> {
  const { inputs } = ctx;
  if (!ctx.workspace.batchEndpoints) {
    throw new UserError(
      `the ${ctx.workspace.backend} backend has no batch endpoints`,
      { input: "endpointType" },
      "Use endpointType: online, or a backend with batch endpoints",
    );
  }
  const raw = inputs.string("batchInput");
  if (!raw) {
    throw new UserError(
      "is required with endpointType: batch",
      { input: "batchInput" },
      "Set 'batchInput' to the file, folder or dataset (name@version) the new deployment scores before it becomes the default",
    );
  }
  const { input, label } = await batchInput(ctx, raw);
  const miniBatchSize = wholeNumber(ctx, "miniBatchSize", 1, 100_000, "a number of files per mini-batch") ?? 10;
  const maxConcurrency = wholeNumber(
    ctx,
    "maxConcurrency",
    1,
    Math.max(1024, availableParallelism()),
    "a number of parallel workers",
  );
  const errorThreshold = wholeNumber(ctx, "errorThreshold", -1, 1_000_000_000, "a number of files") ?? 0;
  // Azure ML's defaults and bounds: retry_settings 3 retries, 30 s (batch deployment YAML reference);
  // a mini-batch timeout of at most 259200 s (3 days), as its parallel jobs allow.
  const timeoutSeconds = wholeNumber(ctx, "miniBatchTimeout", 1, 259_200, "a number of seconds") ?? 30;
  const maxRetries = wholeNumber(ctx, "maxRetries", 0, 100, "a number of retries") ?? 3;
  const outputFile = inputs.string("outputFile") || "predictions.csv";
  if (!FILE_NAME.test(outputFile) || outputFile === "." || outputFile === "..") {
    throw new UserError(
      `'${outputFile}' is not a file name`,
      { input: "outputFile" },
      "Give a plain file name such as predictions.csv (letters, digits, '.', '-' and '_'; no folders)",
    );
  }
  let compute = inputs.string("compute")?.replace(/^azureml:/i, "");
  if (compute && !COMPUTE.test(compute)) {
    throw new UserError(
      `'${compute}' is not a compute cluster name`,
      { input: "compute" },
      "Give the cluster's name: 2 to 16 letters, digits and '-', starting with a letter",
    );
  }
  if (!compute && ctx.workspace.capabilities.managedCompute) {
    // Checked here, before the endpoint is created: Azure ML's batch deployments run on a cluster.
    throw new UserError(
      "a batch deployment on managed compute needs a compute cluster",
      { input: "compute" },
      "Set compute to one of the workspace's compute clusters, such as cpu-cluster",
    );
  }
  if (compute && !ctx.workspace.capabilities.managedCompute) {
    ctx.log.warning(`compute '${compute}' applies to Azure ML; the local backend scores with local worker processes`);
    compute = undefined;
  }
  const tolerance = inputs.number("smokeTestTolerance") ?? 1e-6;
  if (!(tolerance >= 0 && tolerance < 1)) {
    throw new UserError(
      `'${inputs.string("smokeTestTolerance")}' is not a relative tolerance`,
      { input: "smokeTestTolerance" },
      "Give a number from 0 up to 1, such as 1e-6",
    );
  }
  const expectFile = inputs.string("smokeTestExpect");
  const expect = expectFile
    ? { ...(await readExpectedRows(resolve(ctx.cwd, expectFile), expectFile, "smokeTestExpect")), tolerance }
    : undefined;
  return {
    input,
    inputLabel: label,
    miniBatchSize,
    maxConcurrency,
    errorThreshold,
    retry: { maxRetries, timeoutSeconds },
    outputPath: await outputPath(ctx, inputs.string("outputPath"), input),
    outputFile,
    compute,
    expect,
  };
}
