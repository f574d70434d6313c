import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { errorMessage, TaskFailure, UserError } from "../errors.js";
import { checkName } from "../names.js";
import { table } from "../report/markdown.js";
import type { NewDeployment } from "../workspace/workspace.js";
import type { TaskContext, TaskResult } from "./context.js";
import { resolveDataInput } from "./data-input.js";
import { ignoredInputsWarning } from "./deploy/batch-settings.js";
import { runBatch } from "./deploy/batch-task.js";
import { readJsonRequest } from "./deploy/checks.js";
import { checkBakeSize, type Gate, parseGate } from "./deploy/gate.js";
import { renderAnalysis } from "./deploy/report.js";
import {
  blueGreen,
  inProgressElsewhere,
  type RolloutDeps,
  type RolloutOutcome,
  readJournal,
  removeOldDeployments,
  undo,
} from "./deploy/rollout.js";
import { servesModel } from "./deploy/serves-model.js";
import { describeTraffic, hasTraffic, parseTrafficSteps, trafficAt } from "./deploy/traffic.js";
import { refuseForkWrites } from "./fork-guard.js";
import { formatModelRef, parseModelInput, resolveModelInput } from "./model-ref.js";
import type { spec } from "./specs/deploy-endpoint.js";

/** `diabetes-model` version 3 → `diabetes-model-v3`, cut to Azure ML's 32 characters. */
export function deploymentNameFor(model: string, version: string): string {
  const suffix = `-v${version.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 12);
  let base = model
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^[^a-z]+/, "");
  base = (base || "model").slice(0, 32 - suffix.length).replace(/-+$/, "");
  return `${base}${suffix}`.replace(/-+$/, "");
}

async function existingPath(cwd: string, value: string, input: string, kind: "file" | "folder"): Promise<string> {
  const path = resolve(cwd, value);
  const info = await stat(path).catch(() => undefined);
  if (!info || (kind === "file" ? !info.isFile() : !info.isDirectory())) {
    throw new UserError(
      `'${value}' is not an existing ${kind}`,
      { input },
      `Give a ${kind} path relative to the working directory`,
    );
  }
  return path;
}

export async function run(ctx: TaskContext<typeof spec>): Promise<TaskResult> {
  const { inputs, workspace, log } = ctx;
  // Every input is checked before anything changes.
  const endpoint = inputs.requiredString("endpoint");
  checkName("endpoint", endpoint, "endpoint");
  const ref = parseModelInput(inputs.requiredString("model"), "model");
  const scoringScript = await existingPath(ctx.cwd, inputs.requiredString("scoringScript"), "scoringScript", "file");
  const codeDir = inputs.has("codeDir")
    ? await existingPath(ctx.cwd, inputs.requiredString("codeDir"), "codeDir", "folder")
    : dirname(scoringScript);
  const model = await resolveModelInput(ctx, ref, inputs.string("registry"), "model");
  const modelRef = formatModelRef(model);
  const name = inputs.string("deployment") || deploymentNameFor(model.name, model.version);
  checkName("deployment", name, "deployment");
  // Batch branches off here: none of the online inputs below apply to it.
  if (inputs.choice("endpointType") === "batch") {
    return runBatch(ctx, { endpoint, name, model, scoringScript, codeDir });
  }
  const ignored = ignoredInputsWarning(ctx, "online");
  if (ignored) log.warning(ignored);
  const steps = parseTrafficSteps(inputs.string("traffic") ?? "100");
  const burst = inputs.number("burst") ?? 20;
  if (!Number.isInteger(burst) || burst < 0 || burst > 10_000) {
    throw new UserError(`'${burst}' is not a request count`, { input: "burst" }, "Give a whole number from 0 to 10000");
  }
  const startTimeout = inputs.number("startTimeout") ?? 120;
  if (!(Number.isFinite(startTimeout) && startTimeout > 0 && startTimeout <= 86_400)) {
    throw new UserError(
      `'${inputs.string("startTimeout")}' is not a number of seconds`,
      { input: "startTimeout" },
      "Give the seconds a deployment may take to start, such as 120 (at most 86400)",
    );
  }
  const request = inputs.has("smokeTest")
    ? await readJsonRequest(resolve(ctx.cwd, inputs.requiredString("smokeTest")), "smokeTest")
    : undefined;
  const gate = await parseGate(inputs, ctx.cwd, request !== undefined, workspace.endpoints, (value) =>
    resolveDataInput(ctx, value, "evaluationData"),
  );
  if (!workspace.capabilities.managedCompute && (inputs.has("environment") || inputs.has("instanceType"))) {
    log.debug("environment and instanceType apply to Azure ML deployments; the local backend ignores them");
  }

  const deployment: NewDeployment = {
    name,
    model,
    scoringScript,
    codeDir,
    environment: inputs.string("environment"),
    instanceType: inputs.string("instanceType"),
    instanceCount: inputs.number("instanceCount"),
    startTimeoutMs: Math.round(startTimeout * 1000),
  };
  // The bake is sized against the endpoint as it is: its first deployment goes to 100 % at once.
  const current = await workspace.endpoints.get(endpoint);
  const sizing = checkBakeSize(gate, steps, hasTraffic(current?.traffic ?? {}), workspace.endpoints);
  if (inputs.boolean("dryRun")) {
    for (const w of sizing) log.warning(w);
    return planOnly(ctx, endpoint, steps, deployment, gate.bake);
  }
  // On any backend: a deployment serves (and a local one runs) the fork's scoring code.
  refuseForkWrites(ctx, `deploy to endpoint '${endpoint}'`);

  const deps: RolloutDeps = { endpoints: workspace.endpoints, artifacts: workspace.artifacts, log, signal: ctx.signal };
  // An endpoint this run creates is removed again if its first rollout fails: nothing is left running.
  const createdHere = current === undefined;
  let before = await log.group(`Endpoint ${endpoint}`, async () => {
    try {
      return await workspace.endpoints.ensure(endpoint, log);
    } catch (error) {
      // Created but not started (its router, its provisioning): not left behind either.
      if (createdHere) await workspace.endpoints.delete(endpoint, log).catch(() => {});
      throw error;
    }
  });
  log.info(`Endpoint ${endpoint}: ${before.scoringUri}; traffic ${describeTraffic(before.traffic)}`);
  for (const w of sizing) log.warning(w);
  for (const d of before.deployments) {
    if (d.error) log.warning(`Deployment ${d.name} is not serving: ${d.error}`);
  }

  // A rollout that a killed runner left half done is finished (it had passed 100 %) or undone.
  const journal = await readJournal(workspace.artifacts, endpoint);
  if (journal && inProgressElsewhere(journal)) {
    throw new UserError(
      `another rollout (${journal.deployment}, process ${journal.pid}, started ${journal.startedAt}) is in progress on endpoint ${endpoint}`,
      { input: "endpoint" },
      "Wait for it to finish, or serialise deployments of one endpoint (a GitHub concurrency group, an Azure DevOps exclusive lock)",
    );
  }
  if (journal?.state === "running") {
    if (journal.reached === 100) {
      log.warning(
        `The rollout of ${journal.deployment} (started ${journal.startedAt}) reached 100 % but did not finish: finishing it.`,
      );
      await removeOldDeployments(deps, endpoint, journal.deployment);
    } else {
      log.warning(
        `The rollout of ${journal.deployment} (started ${journal.startedAt}) was interrupted at ${journal.reached} %: undoing it.`,
      );
      try {
        await undo(deps, journal);
      } catch (error) {
        throw new TaskFailure(
          `could not undo the interrupted rollout of ${journal.deployment}: ${(error as Error).message}`,
        );
      }
    }
    before = (await workspace.endpoints.get(endpoint)) ?? before;
  }

  const existing = before.deployments.find((d) => d.name === name);
  if (existing) {
    const share = before.traffic[name] ?? 0;
    if (share === 100 && servesModel(existing.model, model) && !existing.error) {
      log.info(`Deployment ${name} already serves ${modelRef} with all traffic: nothing to roll out.`);
      await removeOldDeployments(deps, endpoint, name);
      const now = (await workspace.endpoints.get(endpoint)) ?? before;
      return result(
        name,
        now.scoringUri,
        { status: "Succeeded", rolledBack: false, steps: [], analysis: [], endpoint: now },
        modelRef,
        before.traffic,
      );
    }
    if (share > 0) {
      throw new UserError(
        `deployment ${name} already exists on endpoint ${endpoint} with ${share} % of the traffic (serving ${existing.model})`,
        { input: "deployment" },
        "Set 'deployment' to a new name",
      );
    }
    log.warning(`Removing leftover deployment ${name} (0 % traffic, ${existing.status}) from an earlier run.`);
    await workspace.endpoints.deleteDeployment(endpoint, name, log);
    before = (await workspace.endpoints.get(endpoint)) ?? before;
  }

  let outcome: RolloutOutcome;
  const removeIfCreated = async (): Promise<string | undefined> => {
    if (!createdHere) return undefined;
    try {
      await log.group(`Remove endpoint ${endpoint} (created by this run)`, () =>
        workspace.endpoints.delete(endpoint, log),
      );
      return `endpoint ${endpoint} was created by this run and has been removed`;
    } catch (error) {
      log.warning(`Could not remove endpoint ${endpoint}, created by this run: ${errorMessage(error)}`);
      return `endpoint ${endpoint} was created by this run but could not be removed: ${errorMessage(error)}`;
    }
  };
  try {
    outcome = await blueGreen(
      deps,
      {
        endpoint,
        deployment,
        modelRef,
        steps,
        request,
        burst,
        bake: gate.bake,
        expect: gate.expect,
        alreadyFailing: before.deployments.filter((d) => d.error || d.status === "Failed").map((d) => d.name),
      },
      before,
    );
  } catch (error) {
    // A failed step is rolled back inside; what gets here is a rollback (or its journal) failing.
    // The journal stays "running", so the next run undoes what is left; an endpoint this run
    // created is removed whole instead.
    const removed = await removeIfCreated();
    throw new TaskFailure(
      removed?.endsWith("removed")
        ? `the rollout of ${name} failed and its rollback too (${errorMessage(error)}); ${removed}`
        : `the rollout of ${name} stopped and could not be rolled back cleanly: ${errorMessage(error)}. Re-run deploy-endpoint to undo it`,
    );
  }
  const removed = outcome.rolledBack ? await removeIfCreated() : undefined;
  return result(name, removed ? "" : outcome.endpoint.scoringUri, outcome, modelRef, before.traffic, removed);
}

/**
 * Plan mode: the rollout's changes, in order, with no scoring request. The Azure ML backend
 * records the requests these calls would send (its plan file); the local backend has no such
 * recorder, so there the plan is only shown and nothing is called.
 */
async function planOnly(
  ctx: TaskContext<typeof spec>,
  endpoint: string,
  steps: number[],
  deployment: NewDeployment,
  bake: Gate["bake"],
): Promise<TaskResult> {
  const { workspace, log } = ctx;
  const current = await workspace.endpoints.get(endpoint);
  const saved = current?.traffic ?? {};
  const effective = hasTraffic(saved) ? steps : [100];
  const mirror = bake && bake.mirrorPercent > 0 && hasTraffic(saved) ? bake.mirrorPercent : 0;
  const savedMirror = current?.mirrorTraffic ?? {};
  const baking = bake ? ` (then ${bake.seconds} s of load at ${bake.rps}/s, judged)` : "";
  const old = (current?.deployments ?? []).map((d) => d.name).filter((d) => d !== deployment.name);
  const rows: string[][] = [
    [current ? `use endpoint ${endpoint}` : `create endpoint ${endpoint}`, ""],
    [`create deployment ${deployment.name} at 0 %`, `${formatModelRef(deployment.model)}, ${deployment.scoringScript}`],
    ...(mirror
      ? [
          [`mirror ${mirror} % to ${deployment.name}`, `for ${bake?.seconds} s, answers discarded, judged`],
          [`end the mirror`, describeTraffic(savedMirror)],
        ]
      : []),
    ...effective.map((p) => [
      `traffic ${p} % to ${deployment.name}`,
      `${describeTraffic(trafficAt(saved, deployment.name, p))}${baking}`,
    ]),
    ...old.map((d) => [`delete deployment ${d}`, "once at 0 %"]),
  ];
  if (!workspace.capabilities.plansDryRun) {
    log.info("dryRun on the local workspace: nothing is started or changed.");
  } else {
    await workspace.endpoints.ensure(endpoint, log);
    await workspace.endpoints.createDeployment(endpoint, deployment, log);
    if (mirror && workspace.endpoints.setMirror) {
      await workspace.endpoints.setMirror(endpoint, { ...savedMirror, [deployment.name]: mirror }, log);
      await workspace.endpoints.setMirror(endpoint, savedMirror, log);
    }
    for (const p of effective)
      await workspace.endpoints.setTraffic(endpoint, trafficAt(saved, deployment.name, p), log);
    for (const d of old) await workspace.endpoints.deleteDeployment(endpoint, d, log);
  }
  const summary = [
    `### Deploy endpoint \`${endpoint}\` (dry run)`,
    "",
    `**Planned**: blue/green rollout of ${deployment.name}; no smoke test or scoring request is sent in a dry run.`,
    "",
    table(["change", "detail"], rows),
    "",
  ].join("\n");
  return {
    outputs: {
      deployment: deployment.name,
      scoringUri: current?.scoringUri ?? "",
      status: "Planned",
      rolledBack: "false",
      analysis: "[]",
    },
    summary,
  };
}

function result(
  name: string,
  scoringUri: string,
  outcome: RolloutOutcome,
  modelRef: string,
  saved: Record<string, number>,
  removed?: string,
): TaskResult {
  const verdict = outcome.rolledBack
    ? removed
      ? `**Rolled back**: ${name} (${modelRef}) did not go live; ${removed}.`
      : `**Rolled back**: ${name} (${modelRef}) did not go live; traffic restored to ${describeTraffic(saved)}.`
    : `**Deployed** ${name} (${modelRef}): it serves all traffic at ${scoringUri}.`;
  const rows = outcome.steps.map((s) => [
    s.step,
    s.traffic,
    s.requests,
    s.byNew,
    s.ok ? `✅${s.note ? ` (${s.note})` : ""}` : `❌ ${s.note ?? ""}`,
  ]);
  const summary = [
    `### Deploy endpoint \`${outcome.endpoint.name}\``,
    "",
    verdict,
    "",
    ...(rows.length ? [table(["step", "traffic", "requests", `answered by ${name}`, "result"], rows), ""] : []),
    ...(outcome.analysis.length ? [renderAnalysis(outcome.analysis, name), ""] : []),
  ].join("\n");
  return {
    outputs: {
      deployment: name,
      scoringUri,
      status: outcome.status,
      rolledBack: String(outcome.rolledBack),
      analysis: JSON.stringify(outcome.analysis),
    },
    summary,
    failure: outcome.rolledBack
      ? `rollout of ${name} rolled back: ${(outcome.error ?? "").split("\n")[0]}${removed ? `; ${removed}` : ""}`
      : undefined,
  };
}
