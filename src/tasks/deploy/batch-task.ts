/**
 * deploy-endpoint with `endpointType: batch`: inputs checked, an interrupted rollout finished or
 * undone, the endpoint ensured, the rollout run (batch-rollout.ts), and its outputs and summary.
 */
import { basename, isAbsolute, relative } from "node:path";
import { type ErrorLocation, errorMessage, TaskFailure, UserError } from "../../errors.js";
import { table } from "../../report/markdown.js";
import type { BatchEndpointService, BatchEndpointState, ModelVersion } from "../../workspace/workspace.js";
import type { TaskContext, TaskResult } from "../context.js";
import { refuseForkWrites } from "../fork-guard.js";
import { formatModelRef } from "../model-ref.js";
import type { spec } from "../specs/deploy-endpoint.js";
import {
  type BatchOutcome,
  type BatchPlan,
  type BatchRolloutDeps,
  batchRollout,
  finishBatch,
  readBatchJournal,
  scoreWithDefault,
  undoBatch,
} from "./batch-rollout.js";
import { type BatchSettings, ignoredInputsWarning, parseBatchSettings } from "./batch-settings.js";
import { inProgressElsewhere } from "./rollout.js";
import { servesModel } from "./serves-model.js";

type Ctx = TaskContext<typeof spec>;

export interface BatchTarget {
  endpoint: string;
  /** The new deployment's name. */
  name: string;
  model: ModelVersion;
  scoringScript: string;
  codeDir: string;
}

/**
 * The user's scoring-script line in a job's error (`File ".../score.py", line 12` or
 * `score.py:12`), as the failure's location.
 */
export function scriptLocation(
  error: string | undefined,
  scoringScript: string,
  cwd: string,
): ErrorLocation | undefined {
  if (!error) return undefined;
  const name = basename(scoringScript).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m =
    new RegExp(`File "[^"]*\\b${name}", line (\\d+)`).exec(error) ?? new RegExp(`\\b${name}:(\\d+)`).exec(error);
  if (!m) return undefined;
  const rel = relative(cwd, scoringScript);
  return { file: rel.startsWith("..") ? scoringScript : rel, line: Number(m[1]) };
}

/** Where a rollback points the user: the backend's file:line for the first failure, else one read from the error. */
function failureLocation(
  cwd: string,
  scoringScript: string,
  job: BatchOutcome["job"],
  error: string | undefined,
): ErrorLocation | undefined {
  if (job?.where) {
    const rel = relative(cwd, job.where.file);
    return {
      file: rel.startsWith("..") || isAbsolute(rel) ? job.where.file : rel,
      ...(job.where.line ? { line: job.where.line } : {}),
    };
  }
  return scriptLocation(job?.error ?? error, scoringScript, cwd);
}

export async function runBatch(ctx: Ctx, target: BatchTarget): Promise<TaskResult> {
  const { workspace, log, inputs } = ctx;
  // The deployment ships codeDir and runs the script from inside it, on every backend.
  const inside = relative(target.codeDir, target.scoringScript);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    throw new UserError(
      `'${inputs.string("codeDir")}' does not hold the scoring script ${inputs.string("scoringScript")}`,
      { input: "codeDir" },
      "Give the folder the scoring script is in, or a folder above it",
    );
  }
  const settings = await parseBatchSettings(ctx);
  const batch = workspace.batchEndpoints as BatchEndpointService;
  const ignored = ignoredInputsWarning(ctx, "batch");
  if (ignored) log.warning(ignored);
  if (!workspace.capabilities.managedCompute && inputs.has("environment")) {
    log.debug("environment applies to Azure ML deployments; the local backend runs the script with python3");
  }
  const { endpoint, name, model } = target;
  const modelRef = formatModelRef(model);
  const deployment = {
    name,
    model,
    scoringScript: target.scoringScript,
    codeDir: target.codeDir,
    miniBatchSize: settings.miniBatchSize,
    ...(settings.maxConcurrency !== undefined ? { maxConcurrency: settings.maxConcurrency } : {}),
    errorThreshold: settings.errorThreshold,
    outputFile: settings.outputFile,
    retry: settings.retry,
    environment: inputs.string("environment"),
    compute: settings.compute,
    instanceCount: inputs.number("instanceCount"),
  };
  const current = await batch.get(endpoint);
  if (inputs.boolean("dryRun")) return planOnly(ctx, batch, current, target, settings, modelRef);
  refuseForkWrites(ctx, `deploy to batch endpoint '${endpoint}'`);

  const deps: BatchRolloutDeps = { batch, artifacts: workspace.artifacts, log, signal: ctx.signal };
  // A rollout a killed runner left half done: finished when its job had passed, else undone.
  const journal = await readBatchJournal(workspace.artifacts, endpoint);
  if (journal && inProgressElsewhere(journal)) {
    throw new UserError(
      `another rollout (${journal.deployment}, process ${journal.pid}, started ${journal.startedAt}) is in progress on batch endpoint ${endpoint}`,
      { input: "endpoint" },
      "Wait for it to finish, or serialise deployments of one endpoint (a GitHub concurrency group, an Azure DevOps exclusive lock)",
    );
  }
  // The job of an interrupted rollout this run finished, when it rolled out what this run asks for.
  let finishedJob: string | undefined;
  if (journal?.state === "running") {
    try {
      const there = (await batch.get(endpoint))?.deployments.some((d) => d.name === journal.deployment);
      if (journal.reached === "passed" && there) {
        log.warning(
          `The rollout of ${journal.deployment} (started ${journal.startedAt}) passed its scoring job but did not finish: making it the default.`,
        );
        await log.group(`Finish the rollout of ${journal.deployment}`, () => finishBatch(deps, journal));
        if (journal.deployment === name && journal.model === modelRef) finishedJob = journal.job;
      } else {
        log.warning(
          `The rollout of ${journal.deployment} (started ${journal.startedAt}) was interrupted (${journal.reached}${journal.job ? `, job ${journal.job}` : ""}${there ? "" : `; ${journal.deployment} is gone`}): undoing it.`,
        );
        await log.group(`Undo the rollout of ${journal.deployment}`, () => undoBatch(deps, journal));
      }
    } catch (error) {
      throw new TaskFailure(
        `could not ${journal.reached === "passed" ? "finish" : "undo"} the interrupted rollout of ${journal.deployment}: ${errorMessage(error)}`,
      );
    }
  }

  let before = await batch.get(endpoint);
  const createdHere = before === undefined;
  before = await log.group(`Batch endpoint ${endpoint}`, async () => {
    try {
      return await batch.ensure(endpoint, log);
    } catch (error) {
      if (createdHere) await batch.delete(endpoint, log).catch(() => {});
      throw error;
    }
  });
  log.info(
    `Batch endpoint ${endpoint}: ${before.scoringUri}; default deployment ${before.defaultDeployment ?? "(none)"}`,
  );

  const existing = before.deployments.find((d) => d.name === name);
  if (existing && before.defaultDeployment === name) {
    if (servesModel(existing.model, model) && existing.status === "Succeeded" && !existing.error) {
      // Its scoring job passed in the interrupted run: that job is this rollout's, not scored again.
      const finished = finishedJob ? await batch.getJob(finishedJob) : undefined;
      if (finished?.status === "Completed") {
        return result(ctx, target, modelRef, {
          status: "Succeeded",
          steps: [
            {
              step: `make ${name} the default`,
              detail: `finished the interrupted rollout, whose scoring job ${finished.name} had passed`,
              ok: true,
            },
          ],
          job: finished,
          rows: finished.rows,
          removed: [],
          endpoint: before,
        });
      }
      log.info(
        `Deployment ${name} is already the default and scores with ${modelRef}: nothing to roll out; scoring ${settings.inputLabel} with it.`,
      );
      return result(ctx, target, modelRef, await scoreWithDefault(deps, endpoint, name, settings));
    }
    throw new UserError(
      `deployment ${name} is the default of batch endpoint ${endpoint} (scoring with ${existing.model})`,
      { input: "deployment" },
      "Set 'deployment' to a new name",
    );
  }
  if (existing) {
    log.warning(
      `Deployment ${name} exists and is not the default (${existing.status}): replacing it with a fresh one.`,
    );
    await batch.deleteDeployment(endpoint, name, log);
  }

  const plan: BatchPlan = {
    endpoint,
    deployment,
    modelRef,
    settings,
    createdEndpoint: createdHere,
    ...(before.defaultDeployment ? { previousDefault: before.defaultDeployment } : {}),
  };
  let outcome: BatchOutcome;
  try {
    outcome = await batchRollout(deps, plan);
  } catch (error) {
    // A failed check is rolled back inside; what gets here is a backend call failing during the
    // rollback or the switch of the default. The journal stays running: the next run repairs it.
    throw new TaskFailure(
      `the rollout of ${name} stopped and could not be completed or rolled back cleanly: ${errorMessage(error)}. Re-run deploy-endpoint to finish or undo it`,
    );
  }
  return result(ctx, target, modelRef, outcome);
}

/** dryRun: the rollout's changes in order; no scoring job is started. */
async function planOnly(
  ctx: Ctx,
  batch: BatchEndpointService,
  current: BatchEndpointState | undefined,
  target: BatchTarget,
  s: BatchSettings,
  modelRef: string,
): Promise<TaskResult> {
  const { workspace, log } = ctx;
  const { endpoint, name } = target;
  const previous = current?.defaultDeployment;
  const older = (current?.deployments ?? []).map((d) => d.name).filter((d) => d !== name && d !== previous);
  const where = `${s.outputPath ?? "the job's output folder"}/${s.outputFile}`;
  const rows: string[][] = [
    [current ? `use batch endpoint ${endpoint}` : `create batch endpoint ${endpoint}`, ""],
    [`create deployment ${name} (not the default)`, `${modelRef}, ${target.scoringScript}`],
    [
      `score ${s.inputLabel} with ${name}`,
      `mini-batches of ${s.miniBatchSize} file(s), ${s.maxConcurrency ?? "default"} worker(s), ${s.retry.timeoutSeconds} s and ${s.retry.maxRetries} retries each, errorThreshold ${s.errorThreshold}; rows to ${where}`,
    ],
    ...(s.expect ? [[`compare the rows with ${s.expect.file}`, `relative tolerance ${s.expect.tolerance}`]] : []),
    [`make ${name} the default`, previous ? `was ${previous}, kept for a switch back` : "first deployment"],
    ...older.map((d) => [`delete deployment ${d}`, "older than the previous default"]),
  ];
  if (!workspace.capabilities.plansDryRun) {
    log.info("dryRun on the local workspace: nothing is started or changed.");
  } else {
    await batch.ensure(endpoint, log);
    await batch.createDeployment(
      endpoint,
      {
        name,
        model: target.model,
        scoringScript: target.scoringScript,
        codeDir: target.codeDir,
        miniBatchSize: s.miniBatchSize,
        ...(s.maxConcurrency !== undefined ? { maxConcurrency: s.maxConcurrency } : {}),
        errorThreshold: s.errorThreshold,
        outputFile: s.outputFile,
        retry: s.retry,
        environment: ctx.inputs.string("environment"),
        compute: s.compute,
        instanceCount: ctx.inputs.number("instanceCount"),
      },
      log,
    );
    await batch.setDefault(endpoint, name, log);
    for (const d of older) await batch.deleteDeployment(endpoint, d, log);
  }
  const summary = [
    `### Deploy batch endpoint \`${endpoint}\` (dry run)`,
    "",
    `**Planned**: ${name} scores ${s.inputLabel} and becomes the default if the job passes; no scoring job is started in a dry run.`,
    "",
    table(["change", "detail"], rows),
    "",
  ].join("\n");
  return {
    outputs: {
      deployment: name,
      scoringUri: current?.scoringUri ?? "",
      status: "Planned",
      rolledBack: "false",
      analysis: "[]",
      jobName: "",
      outputPath: s.outputPath ?? "",
      rows: "",
    },
    summary,
  };
}

function result(ctx: Ctx, target: BatchTarget, modelRef: string, outcome: BatchOutcome): TaskResult {
  const { endpoint, name } = target;
  const job = outcome.job;
  const rolledBack = outcome.status === "RolledBack";
  const previous = outcome.endpoint?.defaultDeployment;
  const verdict = rolledBack
    ? `**Rolled back**: ${name} (${modelRef}) did not become the default; ${
        outcome.endpointRemoved
          ? `endpoint ${endpoint} was created by this run and has been removed`
          : previous
            ? `${previous} is still the default`
            : "the endpoint has no default deployment"
      }.`
    : outcome.unchanged
      ? `**Unchanged**: ${name} (${modelRef}) is already the default deployment of batch endpoint ${endpoint}; ${
          outcome.status === "Failed" ? "its scoring job failed" : "it scored the input"
        }.`
      : `**Deployed** ${name} (${modelRef}): the default deployment of batch endpoint ${endpoint}.`;
  const rows = outcome.rows ?? job?.rows;
  const facts: string[][] = job
    ? [
        ["scoring job", job.studioUrl ? `[${job.name}](${job.studioUrl})` : job.name],
        ["status", job.status],
        ["files", job.files ? String(job.files.total) : "not reported"],
        ["failed files", job.files ? String(job.files.failed) : "not reported"],
        ["rows", rows === undefined ? "not reported" : String(rows)],
        // A failed job's output is not there to read (locally it is never published).
        ...(job.status === "Completed" ? [["output", `${job.outputPath}/${job.outputFile}`]] : []),
        ...(job.error ? [["error", job.error.split("\n")[0]]] : []),
      ]
    : [];
  const summary = [
    `### Deploy batch endpoint \`${endpoint}\``,
    "",
    verdict,
    "",
    ...(outcome.steps.length
      ? [
          table(
            ["step", "detail", "result"],
            outcome.steps.map((s) => [s.step, s.detail, s.ok ? "✅" : "❌"]),
          ),
          "",
        ]
      : []),
    ...(facts.length ? [table(["", ""], facts), ""] : []),
  ].join("\n");
  const removed = outcome.endpointRemoved ? `; endpoint ${endpoint}, created by this run, has been removed` : "";
  // The location goes into the line itself too: not every host shows an annotation's file.
  const failed = rolledBack || outcome.status === "Failed";
  const at = failed ? failureLocation(ctx.cwd, target.scoringScript, job, outcome.error) : undefined;
  const shown =
    at?.file && !(outcome.error ?? "").includes(`${at.file}:`) ? ` (${at.file}${at.line ? `:${at.line}` : ""})` : "";
  return {
    outputs: {
      deployment: name,
      scoringUri: outcome.endpointRemoved ? "" : (outcome.endpoint?.scoringUri ?? ""),
      status: outcome.status,
      rolledBack: String(rolledBack),
      analysis: "[]",
      jobName: job?.name ?? "",
      outputPath: job?.outputPath ?? "",
      rows: rows === undefined ? "" : String(rows),
    },
    summary,
    failure: rolledBack
      ? `rollout of ${name} rolled back: ${outcome.error ?? ""}${shown}${removed}`
      : outcome.status === "Failed"
        ? `scoring with ${name}, the unchanged default, failed: ${outcome.error ?? ""}${shown}`
        : undefined,
    failureAt: at,
  };
}
