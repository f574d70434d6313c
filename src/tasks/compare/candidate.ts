import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "../../errors.js";
import type { JobRecord, ModelVersion, Workspace } from "../../workspace/workspace.js";
import { formatModelRef, parseModelRef, resolveModel } from "../model-ref.js";
import type { MetricSpec } from "./metrics.js";

/** The model under test: a registered version, or a job's model output not registered yet. */
export interface Candidate {
  /** How the report names it: `name:version` or `job:<name>`. */
  label: string;
  modelName: string;
  /** Set when the candidate is a registered version. */
  model?: ModelVersion;
  /** Set when the candidate comes from a job. */
  job?: JobRecord;
  /** The job output folder holding the model (a local path, or a URI on Azure). */
  source?: string;
  metrics: Record<string, number>;
  /** Where the metrics came from, for messages. */
  metricsFrom: string;
}

/** Reads metrics.json beside a model (the demo pipeline writes r2/rmse/mae there). */
async function metricsFile(folder: string): Promise<Record<string, number> | undefined> {
  const file = join(folder, "metrics.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      `is not valid JSON: ${(error as Error).message.split("\n")[0]}`,
      { file, input: "candidate" },
      "Write metrics.json as an object of metric name → number",
    );
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new UserError(
      "is not an object of metric name → number",
      { file, input: "candidate" },
      'Write it as {"r2": 0.47, "rmse": 54.9}',
    );
  }
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "number")) as Record<string, number>;
}

export async function resolveCandidate(
  workspace: Workspace,
  text: string,
  options: { modelName?: string; jobOutput: string },
): Promise<Candidate> {
  const value = text.trim();
  if (!value.startsWith("job:")) {
    const model = await resolveModel(workspace, parseModelRef(value, "candidate"), "candidate");
    if (options.modelName && options.modelName !== model.name) {
      throw new UserError(
        `names model ${model.name} but modelName is ${options.modelName}`,
        { input: "candidate" },
        "Leave modelName empty for a model reference, or make them agree",
      );
    }
    return {
      label: formatModelRef(model),
      modelName: model.name,
      model,
      metrics: model.metrics,
      metricsFrom: `model ${formatModelRef(model)}`,
    };
  }
  const jobName = value.slice(4).trim();
  if (!jobName)
    throw new UserError(
      "'job:' names no job",
      { input: "candidate" },
      "Write job:<jobName>, such as the jobName output of submit-pipeline",
    );
  const job = await workspace.jobs.get(jobName);
  if (!job)
    throw new UserError(
      `job ${jobName} does not exist in the workspace`,
      { input: "candidate" },
      "Pass the jobName output of submit-pipeline",
    );
  if (job.status !== "Completed") {
    throw new UserError(
      `job ${jobName} is ${job.status}, not Completed`,
      { input: "candidate" },
      "Compare the model of a completed job",
    );
  }
  if (!options.modelName) {
    throw new UserError(
      "is required when the candidate is a job",
      { input: "modelName" },
      "Set modelName to the registered model's name, such as diabetes-model",
    );
  }
  const source = job.outputs[options.jobOutput];
  if (!source) {
    const names = Object.keys(job.outputs);
    throw new UserError(
      `job ${jobName} has no output '${options.jobOutput}'`,
      { input: "jobOutput" },
      names.length ? `Its outputs are: ${names.join(", ")}` : "Declare the model folder as a pipeline output",
    );
  }
  // Metrics written beside the model describe exactly this model; the job's logged ones fill in.
  const isLocalFolder = (await stat(source).catch(() => undefined))?.isDirectory() ?? false;
  const beside = isLocalFolder ? await metricsFile(source) : undefined;
  return {
    label: `job:${jobName}`,
    modelName: options.modelName,
    job,
    source,
    metrics: { ...job.metrics, ...beside },
    metricsFrom: beside ? `${join(source, "metrics.json")} and job ${jobName}'s metrics` : `job ${jobName}'s metrics`,
  };
}

/** The champion: the given reference, or the latest version of the model tagged champion=true. */
export async function resolveChampion(
  workspace: Workspace,
  text: string | undefined,
  modelName: string,
): Promise<ModelVersion | undefined> {
  const value = text?.trim();
  if (value?.startsWith("endpoint:")) return servedBy(workspace, value.slice(9).trim());
  if (value) return resolveModel(workspace, parseModelRef(value, "champion"), "champion");
  const tagged = (await workspace.models.list(modelName)).filter((m) => m.tags.champion === "true");
  return tagged.at(-1);
}

/** The model an endpoint serves: the one behind its deployment with the most traffic. */
async function servedBy(workspace: Workspace, endpoint: string): Promise<ModelVersion | undefined> {
  const state = await workspace.endpoints.get(endpoint);
  if (!state) {
    throw new UserError(
      `endpoint ${endpoint} does not exist`,
      { input: "champion" },
      "Name an existing endpoint, or a model reference",
    );
  }
  const [top] = Object.entries(state.traffic)
    .filter(([, p]) => p > 0)
    .sort((a, b) => b[1] - a[1]);
  const deployment = state.deployments.find((d) => d.name === top?.[0]);
  if (!deployment) return undefined;
  // Local backends say `name:version`; Azure ML an ARM id ending in /models/<name>/versions/<version>.
  const arm = /\/models\/([^/]+)\/versions\/([^/]+)$/.exec(deployment.model);
  const ref = arm ? { name: arm[1], version: arm[2] } : parseModelRef(deployment.model, "champion");
  return resolveModel(workspace, ref, "champion");
}

/** Every declared metric must be on the candidate, as a finite number. */
export function checkCandidateMetrics(candidate: Candidate, specs: MetricSpec[]): void {
  for (const s of specs) {
    const v = candidate.metrics[s.name];
    if (v === undefined || !Number.isFinite(v)) {
      const known = Object.keys(candidate.metrics);
      throw new UserError(
        `the candidate has no value for metric '${s.name}' (looked in ${candidate.metricsFrom})`,
        { input: "metrics" },
        known.length
          ? `Its metrics are: ${known.sort().join(", ")}`
          : "Log the metric in the job (metrics.json or MLflow)",
      );
    }
  }
}
