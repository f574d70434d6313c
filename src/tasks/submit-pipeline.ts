import { existsSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { UserError } from "../errors.js";
import { checkName } from "../names.js";
import { preparePipeline } from "../pipeline/index.js";
import type { Plan } from "../pipeline/plan.js";
import { mermaid, planLines } from "../pipeline/render.js";
import { table } from "../report/markdown.js";
import { showUri } from "../util/sas.js";
import type { JobRecord } from "../workspace/workspace.js";
import type { TaskContext, TaskResult } from "./context.js";
import { ERROR_INPUTS } from "./error-inputs.js";
import { refuseForkWrites } from "./fork-guard.js";
import type { spec } from "./specs/submit-pipeline.js";

export async function run(ctx: TaskContext<typeof spec>): Promise<TaskResult> {
  const { inputs, workspace, log } = ctx;
  const attach = inputs.string("jobName");
  const timeout = inputs.number("timeoutMinutes");
  if (timeout !== undefined && !(timeout > 0)) {
    throw new UserError(
      `'${timeout}' is not a positive number of minutes`,
      { input: "timeoutMinutes" },
      "Give a number of minutes such as 60",
    );
  }
  const maxParallel = inputs.number("maxParallel");
  if (maxParallel !== undefined && !(Number.isInteger(maxParallel) && maxParallel >= 1)) {
    throw new UserError(
      `'${maxParallel}' is not a whole number of processes`,
      { input: "maxParallel" },
      "Give 1 or more",
    );
  }
  const waitOptions = { log, signal: ctx.signal, timeoutMs: timeout !== undefined ? timeout * 60_000 : undefined };
  if (attach) {
    checkName("job", attach, "jobName");
    if (!(await workspace.jobs.get(attach))) {
      throw new UserError(
        `no job '${attach}' on the ${workspace.description}`,
        { input: "jobName" },
        "Give the jobName a previous submit-pipeline printed",
      );
    }
    log.info(`Attaching to job ${attach}`);
    return report(await workspace.jobs.wait(attach, waitOptions), ctx);
  }
  const given = inputs.requiredString("pipeline");
  // Resolved as a path, a URL would become a folder named `https:` and "does not exist".
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(given)) {
    throw new UserError(
      `'${showUri(given)}' is a URL, not a file`,
      { input: "pipeline" },
      "Give the path of the pipeline YAML in the checkout",
    );
  }
  const file = resolve(ctx.cwd, given);
  const set = inputs.list("set");
  const { job, plan } = await log.group(`Validate ${file}`, () =>
    preparePipeline(file, set, log, ERROR_INPUTS["submit-pipeline"]),
  );
  const experimentName = job.experimentName ?? inputs.string("experimentName") ?? "mlops-action";
  // From the YAML's experiment_name or the input; either way the service's limit applies.
  checkName("experiment", experimentName, job.experimentName ? "pipeline" : "experimentName");
  const submitOptions = {
    experimentName,
    baseDir: job.baseDir,
    maxParallel,
    forceRerun: inputs.boolean("forceRerun"),
    log,
    signal: ctx.signal,
  };
  log.info(`${plan.steps.length} step(s) in ${plan.levels.length} stage(s): ${plan.steps.map((s) => s.id).join(", ")}`);

  if (inputs.boolean("dryRun")) {
    const preview = workspace.jobs.preview
      ? await workspace.jobs.preview(job, submitOptions)
      : { reused: [], refused: [], uploads: [] };
    const reused = submitOptions.forceRerun ? [] : preview.reused;
    const lines = planLines(plan, reused);
    for (const l of lines) log.info(l);
    for (const u of preview.uploads) log.info(`Would upload: ${u}`);
    for (const r of preview.refused) log.error(r);
    const summary = [
      `### Pipeline plan: \`${job.displayName ?? file}\` (dry run)`,
      "",
      "```mermaid",
      mermaid(plan, reused),
      "```",
      "",
      ...(preview.uploads.length ? ["Would upload:", "", ...preview.uploads.map((u) => `- \`${u}\``), ""] : []),
      reused.length ? `Would reuse: ${reused.map((r) => `\`${r}\``).join(", ")}` : "No step would be reused.",
      "",
      ...(preview.refused.length
        ? ["**Cannot run on this backend:**", "", ...preview.refused.map((r) => `- ${r}`), ""]
        : []),
    ].join("\n");
    return {
      outputs: {
        jobName: "",
        status: preview.refused.length ? "Failed" : "NotStarted",
        metrics: "{}",
        outputs: "{}",
        studioUrl: "",
      },
      summary,
      failure: preview.refused.length
        ? `the ${workspace.backend} backend cannot run this pipeline: ${preview.refused[0]}`
        : undefined,
    };
  }

  // A local job runs the fork's code on this runner only; on Azure ML it runs with the workspace's identity.
  if (workspace.capabilities.sharedWrites) refuseForkWrites(ctx, `submit pipeline job '${job.displayName ?? file}'`);
  const name = await workspace.jobs.submit(job, submitOptions);
  log.info(`Submitted job ${name} (experiment ${experimentName})`);
  if (!inputs.boolean("wait") && workspace.capabilities.detachedJobs) {
    const record = await workspace.jobs.get(name);
    return {
      outputs: {
        jobName: name,
        status: record?.status ?? "NotStarted",
        metrics: "{}",
        outputs: "{}",
        studioUrl: record?.studioUrl ?? "",
      },
    };
  }
  if (!inputs.boolean("wait")) log.info("The local runner runs the job in this process: waiting for it anyway.");
  const result = report(await workspace.jobs.wait(name, waitOptions), ctx, plan);
  result.summary = `${result.summary}\n\`\`\`mermaid\n${mermaid(plan, result.reused)}\n\`\`\`\n`;
  return result;
}

function report(record: JobRecord, ctx?: TaskContext, plan?: Plan): TaskResult & { reused: string[] } {
  const outputs = {
    jobName: record.name,
    status: record.status,
    metrics: JSON.stringify(record.metrics),
    outputs: JSON.stringify(record.outputs),
    studioUrl: record.studioUrl ?? "",
  };
  const rows = record.steps.map((s) => [s.name, `${s.status}${s.reused ? " (reused)" : ""}`, s.error ?? ""]);
  const metricRows = Object.entries(record.metrics).filter(([k]) => !k.includes("."));
  const summary = [
    `### Pipeline job \`${record.name}\`: ${record.status}`,
    "",
    table(["step", "status", "note"], rows),
    "",
    ...(metricRows.length ? [table(["metric", "value"], metricRows), ""] : []),
    ...record.steps.flatMap(trialTable),
  ].join("\n");
  const reused = record.steps.filter((s) => s.reused).map((s) => s.name);
  if (ctx && reused.length > 0) ctx.log.info(`Reused ${reused.length} step(s): ${reused.join(", ")}`);
  if (record.status === "Completed") return { outputs, summary, reused };
  // A failed step: the end of its log as context, then one error line that gives the reason
  // (the exception, with the user's file:line), never a header such as "Last lines of ...".
  const failedSteps = record.steps.filter((s) => s.status === "Failed");
  const failed = (failedSteps.find((s) => record.error?.includes(`step '${s.name}'`)) ??
    failedSteps[0]) as (typeof record.steps)[number] & {
    logTail?: string[];
    log?: string;
  };
  if (failed?.logTail?.length) {
    ctx?.log.info(`Last lines of step '${failed.name}' (full log: ${failed.log ?? "in the job folder"}):`);
    for (const line of failed.logTail) ctx?.log.info(`[${failed.name}] ${line}`);
  }
  const where = failed?.where && { ...failed.where, file: userPath(failed.where.file, failed.name, plan) };
  const shown = where && ctx ? shownPath(where.file, ctx.cwd) : where?.file;
  const at = where ? ` (${shown}${where.line !== undefined ? `:${where.line}` : ""})` : "";
  const failure = `Pipeline job ${record.name} ${record.status}${record.error ? `: ${record.error}` : ""}${at}`;
  return { outputs, summary, failure, failureAt: where ? { file: where.file, line: where.line } : undefined, reused };
}

/**
 * A backend that runs the code elsewhere (Azure ML) names the file relative to the step's code
 * folder; the plan knows which local folder that was.
 */
function userPath(file: string, step: string, plan?: Plan): string {
  const code = plan?.steps.find((s) => s.id === step)?.component.code;
  if (isAbsolute(file) || !code) return file;
  if (existsSync(join(code, file))) return join(code, file);
  return basename(code) === file ? code : file;
}

/** A path relative to the working folder when it is inside it (as a user would type it), else as given. */
function shownPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

interface TrialView {
  index: number;
  params: Record<string, unknown>;
  status: string;
  metric?: number;
  earlyTerminated?: boolean;
}

/** A sweep step's trials as a table (backends that report trials add `trials` to the step record). */
function trialTable(step: JobRecord["steps"][number]): string[] {
  const { trials, bestTrial } = step as { trials?: TrialView[]; bestTrial?: number };
  if (!trials?.length) return [];
  const names = Object.keys(trials[0].params);
  return [
    `Trials of \`${step.name}\`:`,
    "",
    table(
      ["trial", ...names, "status", "metric"],
      trials.map((t) => [
        `${t.index}${t.index === bestTrial ? " (best)" : ""}`,
        ...names.map((n) => String(t.params[n])),
        `${t.status}${t.earlyTerminated ? " (early termination)" : ""}`,
        t.metric ?? "",
      ]),
    ),
    "",
  ];
}
