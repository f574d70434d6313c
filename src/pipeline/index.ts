/** Load, validate and plan a pipeline job YAML: what a task needs before any backend acts. */
import type { Log } from "../run-context.js";
import type { PipelineJob } from "./model.js";
import { loadPipeline } from "./parse.js";
import { type Plan, planPipeline } from "./plan.js";
import { describeProblem } from "./problems.js";

export interface Prepared {
  job: PipelineJob;
  plan: Plan;
}

/**
 * Reads the YAML (with `set` overrides), validates it and plans it. Every warning (what Azure ML
 * accepts but looks wrong) and every problem is logged at its file:line:column; the first problem
 * is thrown as a UserError saying how many there are.
 */
export async function preparePipeline(file: string, set: string[], log: Log): Promise<Prepared> {
  const { job, problems } = await loadPipeline(file, { set, input: "pipeline" });
  const { plan } = planPipeline(job, problems);
  for (const w of problems.warnings) log.warning(describeProblem(w));
  if (!problems.empty) {
    if (problems.list.length > 1) for (const p of problems.list) log.error(describeProblem(p));
    throw problems.toError();
  }
  return { job, plan };
}
