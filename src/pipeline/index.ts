/** Load, validate and plan a pipeline job YAML: what a task needs before any backend acts. */
import { namingInput, type SubjectInputs } from "../errors.js";
import type { Log } from "../run-context.js";
import type { PipelineJob } from "./model.js";
import { loadPipeline } from "./parse.js";
import { type Plan, planPipeline } from "./plan.js";
import { describeProblem, type Problem } from "./problems.js";

export interface Prepared {
  job: PipelineJob;
  plan: Plan;
}

/**
 * Reads the YAML (with `set` overrides), validates it and plans it. Every warning (what Azure ML
 * accepts but looks wrong) and every problem is logged at its file:line:column, naming the task's
 * input from `inputs`; the first problem is thrown as a UserError saying how many there are (the
 * task names its input: withInputs).
 */
export async function preparePipeline(
  file: string,
  set: string[],
  log: Log,
  inputs: SubjectInputs = {},
): Promise<Prepared> {
  const { job, problems } = await loadPipeline(file, { set });
  const { plan } = planPipeline(job, problems);
  const describe = (p: Problem) => describeProblem({ ...p, where: namingInput(p.where, inputs) });
  for (const w of problems.warnings) log.warning(describe(w));
  if (!problems.empty) {
    if (problems.list.length > 1) for (const p of problems.list) log.error(describe(p));
    throw problems.toError();
  }
  return { job, plan };
}
