import { UserError } from "../errors.js";
import { checkName } from "../names.js";
import { renderComparison } from "../report/compare.js";
import { crashPoint } from "../util/crash-point.js";
import type { ModelRegistry, ModelVersion, Tags } from "../workspace/workspace.js";
import { type Candidate, checkCandidateMetrics, resolveCandidate, resolveChampion } from "./compare/candidate.js";
import { repairChampionTags, type TaggedModels } from "./compare/champion-tags.js";
import { decide } from "./compare/decide.js";
import { DIRECTIONS } from "./compare/directions.js";
import {
  type EvaluationOutcome,
  evaluatedDecision,
  evaluateOnData,
  evaluationJson,
  evaluationSettings,
  evaluationView,
  recordedMetricsNote,
} from "./compare/evaluate.js";
import { parseMetricSpecs } from "./compare/metrics.js";
import type { TaskContext, TaskResult } from "./context.js";
import { refuseForkWrites } from "./fork-guard.js";
import { formatModelRef } from "./model-ref.js";
import type { spec } from "./specs/compare-models.js";

export async function run(ctx: TaskContext<typeof spec>): Promise<TaskResult> {
  const { inputs, workspace } = ctx;
  // Inputs first, strictly, before anything is read or written.
  const specs = parseMetricSpecs(inputs.requiredString("metrics"));
  const candidateText = inputs.requiredString("candidate");
  const register = inputs.boolean("register");
  const dataVersion = inputs.string("dataVersion");
  const modelName = inputs.string("modelName");
  if (modelName) checkName("model", modelName, "modelName");
  const registryValue = inputs.string("registry");

  const evaluation = await evaluationSettings(ctx, specs);

  const candidate = await resolveCandidate(workspace, candidateText, {
    modelName,
    jobOutput: inputs.string("jobOutput") || "model",
  });
  // Scored on evaluationData, the candidate's recorded metrics play no part.
  if (!evaluation) checkCandidateMetrics(candidate, specs);
  const champion = await resolveChampion(workspace, inputs.string("champion"), candidate.modelName);
  if (champion && champion.name !== candidate.modelName) {
    throw new UserError(
      `champion ${formatModelRef(champion)} is a different model from ${candidate.modelName}`,
      { input: "champion" },
      "Compare versions of the same model",
    );
  }
  // Opened before the slow part (scoring), so a registry that cannot be opened fails at once.
  const registry = register && registryValue ? await openRegistry(ctx, registryValue) : undefined;
  try {
    return await compareAndRecord(ctx, { specs, candidate, champion, evaluation, register, dataVersion, registry });
  } finally {
    await registry?.close();
  }
}

async function compareAndRecord(
  ctx: TaskContext<typeof spec>,
  c: {
    specs: ReturnType<typeof parseMetricSpecs>;
    candidate: Candidate;
    champion: ModelVersion | undefined;
    evaluation: Awaited<ReturnType<typeof evaluationSettings>>;
    register: boolean;
    dataVersion: string | undefined;
    registry: ModelRegistry | undefined;
  },
): Promise<TaskResult> {
  const { inputs, workspace, log } = ctx;
  const { specs, candidate, champion, evaluation, register, dataVersion, registry } = c;
  log.info(
    `Candidate ${candidate.label} (${evaluation ? `to be scored on ${evaluation.data}` : `metrics from ${candidate.metricsFrom}`}); champion ${champion ? formatModelRef(champion) : "none"}`,
  );

  const sameModel = !!(champion && candidate.model && champion.version === candidate.model.version);
  const notes: string[] = [];
  let evaluated: EvaluationOutcome | undefined;
  if (evaluation && !sameModel) evaluated = await evaluateOnData(ctx, evaluation, specs, candidate, champion);
  const decision = evaluated
    ? evaluatedDecision(evaluated, specs)
    : sameModel && champion
      ? {
          ...decide(specs, champion.metrics, candidate.metrics),
          better: false,
          decision: "keep-champion" as const,
          reason: "the champion itself",
        }
      : decide(specs, champion?.metrics, candidate.metrics);
  if (!evaluated) {
    for (const m of decision.metrics) {
      if (m.verdict === "no-baseline" && champion)
        notes.push(
          `Champion ${formatModelRef(champion)} has no \`${m.spec.name}\`: that metric cannot hold the candidate back.`,
        );
    }
    if (champion && !sameModel) notes.push(recordedMetricsNote(champion, candidate, dataVersion));
  }

  let registered: ModelVersion | undefined = candidate.model;
  let published: ModelVersion | undefined;
  if (register) {
    if (workspace.capabilities.sharedWrites) refuseForkWrites(ctx, `register model '${candidate.modelName}'`);
    await repairChampionTags(workspace, log, candidate.modelName, notes);
    registered = await log.group("Register the candidate", () => registerCandidate(ctx, candidate, dataVersion, notes));
    if (decision.better) {
      await moveChampionTag(ctx, workspace, registered, notes);
    }
    // The workspace's champion goes to the registry: a winner, or a candidate that already is the
    // champion (a re-run finishing a publish that an interrupted run did not get to).
    if (registry && (decision.better || registered.tags.champion === "true")) {
      const winner = registered;
      published = await log.group(`Publish to registry ${registry.name}`, () =>
        publishChampion(ctx, registry, winner, notes),
      );
    } else if (registry) {
      notes.push(`The candidate did not win: nothing was published to registry \`${registry.name}\`.`);
    }
  } else {
    if (decision.better && candidate.job) {
      notes.push("`register` is false: the candidate was not registered, and the champion tag stays where it is.");
    } else if (decision.better) {
      notes.push("`register` is false: the champion tag stays where it is.");
    }
    if (inputs.string("registry")) notes.push("`register` is false: nothing was published to the registry.");
  }

  const report = renderComparison({
    modelName: candidate.modelName,
    candidate: registered && candidate.job ? `${formatModelRef(registered)}` : candidate.label,
    champion: champion ? formatModelRef(champion) : undefined,
    better: decision.better,
    decision: decision.decision,
    reason: decision.reason,
    evaluation: evaluated ? evaluationView(evaluated, specs) : undefined,
    rows: decision.metrics.map((m) => ({
      metric: m.spec.name,
      goal: DIRECTIONS[m.spec.direction].goal,
      minDelta: m.spec.minDelta,
      champion: m.champion,
      candidate: m.candidate,
      change: m.change,
      verdict: m.verdict,
    })),
    notes,
  });
  log.info(`Decision: ${decision.decision} (${decision.reason})`);
  return {
    outputs: {
      better: String(decision.better),
      decision: decision.decision,
      report,
      champion: champion ? formatModelRef(champion) : "",
      candidateVersion: registered ? formatModelRef(registered) : "",
      registryModel: published ? (published.assetId ?? formatModelRef(published)) : "",
      evaluation: evaluated ? JSON.stringify(evaluationJson(evaluated, specs)) : "",
    },
    summary: report,
    comment: inputs.boolean("comment") ? report : undefined,
  };
}

/** Registers a job's model with lineage tags; a registered candidate (or an earlier run's) is reused. */
async function registerCandidate(
  ctx: TaskContext<typeof spec>,
  candidate: Candidate,
  dataVersion: string | undefined,
  notes: string[],
): Promise<ModelVersion> {
  const { workspace, log } = ctx;
  if (candidate.model) {
    log.info(`${formatModelRef(candidate.model)} is already registered.`);
    return candidate.model;
  }
  const job = candidate.job;
  if (!job || !candidate.source) throw new Error("a job candidate without a model output");
  // A re-run on the same job must not register the same model twice.
  const earlier = (await workspace.models.list(candidate.modelName)).find((m) => m.tags.job === job.name);
  if (earlier) {
    log.info(`Job ${job.name}'s model is already registered as ${formatModelRef(earlier)}.`);
    notes.push(`Already registered as \`${formatModelRef(earlier)}\` from job \`${job.name}\`.`);
    return earlier;
  }
  const tags: Tags = { job: job.name };
  if (dataVersion) tags.data = dataVersion;
  if (ctx.run.commit) tags.commit = ctx.run.commit;
  if (ctx.run.runUrl) tags.runUrl = ctx.run.runUrl;
  const model = await workspace.models.register(
    {
      name: candidate.modelName,
      source: candidate.source,
      description: `Model output of job ${job.name}`,
      tags,
      metrics: candidate.metrics,
    },
    log,
  );
  const lineage = Object.entries(tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  notes.push(`Registered \`${formatModelRef(model)}\` (${lineage}).`);
  return model;
}

/**
 * Tags the winner champion first, then untags the others, so there is never a moment with none
 * (in the workspace, or in a registry).
 */
async function moveChampionTag(
  ctx: TaskContext<typeof spec>,
  place: TaggedModels,
  winner: ModelVersion,
  notes: string[],
): Promise<void> {
  const { models, where } = place;
  await models.setTags(winner.name, winner.version, { champion: "true" });
  crashPoint(where ? "registry.champion-tagged" : "champion.tagged");
  const previous = (await models.list(winner.name)).filter(
    (m) => m.tags.champion === "true" && m.version !== winner.version,
  );
  for (const m of previous) await models.setTags(m.name, m.version, { champion: null });
  const from = previous.map((m) => `\`${formatModelRef(m)}\``).join(", ");
  const there = where ? ` in ${where}` : "";
  if (previous.length > 0 || !where) {
    notes.push(`Champion tag moved to \`${formatModelRef(winner)}\`${there}${from ? ` from ${from}` : ""}.`);
  }
  ctx.log.info(`${formatModelRef(winner)} is now the champion${there}.`);
}

/** Lineage a registry version carries from the workspace version it was published from. */
const LINEAGE_TAGS = ["job", "data", "commit", "runUrl"] as const;

/**
 * Publishes the workspace's champion to the registry with its lineage, then moves the champion
 * tag there. Publishing is idempotent (same files → the version already there), so a re-run after
 * an interruption finishes the move without a second version.
 */
async function publishChampion(
  ctx: TaskContext<typeof spec>,
  registry: ModelRegistry,
  winner: ModelVersion,
  notes: string[],
): Promise<ModelVersion> {
  const tags: Tags = { sourceWorkspace: ctx.workspace.description, sourceModel: formatModelRef(winner) };
  for (const k of LINEAGE_TAGS) if (winner.tags[k] !== undefined) tags[k] = winner.tags[k];
  const place: TaggedModels = { models: registry.models, where: `registry ${registry.name}` };
  await repairChampionTags(place, ctx.log, winner.name, notes);
  // Asked before publishing: a backend may copy the workspace's own tags (champion included).
  const champions = (await registry.models.list(winner.name)).filter((m) => m.tags.champion === "true");
  const published = await registry.publish(winner, tags, ctx.log);
  crashPoint("registry.published");
  const wasChampion = champions.some((m) => m.version === published.version);
  await moveChampionTag(ctx, place, published, notes);
  const lineage = Object.entries(tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  const ref = published.assetId ?? formatModelRef(published);
  notes.push(
    wasChampion
      ? `\`${formatModelRef(winner)}\` is already the champion in registry \`${registry.name}\` as \`${ref}\`.`
      : `Published \`${formatModelRef(winner)}\` to registry \`${registry.name}\` as \`${ref}\`, tagged champion there (${lineage}).`,
  );
  return published;
}

/** Opens the registry input's registry; a host that cannot open one says so. */
async function openRegistry(ctx: TaskContext<typeof spec>, value: string): Promise<ModelRegistry> {
  if (!ctx.openRegistry) {
    throw new UserError("registries cannot be opened from here", { input: "registry" }, "Leave registry empty");
  }
  return ctx.openRegistry(value);
}
