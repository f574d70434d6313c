/**
 * Local data a pipeline names that is not there, found before anything is uploaded, at the YAML
 * line that names it. `az ml job create` refuses the same (azure-ai-ml uploads every local input
 * path and stops at one that is missing), so both backends say it the same way.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { ErrorLocation } from "../errors.js";
import type { JobNode, PipelineJob } from "./model.js";
import type { Problem } from "./problems.js";

const REMOTE = /^[a-z][a-z0-9+.-]*:/i;

export async function missingDataPaths(job: PipelineJob): Promise<Problem[]> {
  const wanted: { path: string; baseDir: string; where: ErrorLocation }[] = [];
  for (const input of Object.values(job.inputs))
    if (input.kind === "data" && input.path !== undefined) wanted.push({ ...input, path: input.path });
  const walk = (jobs: Record<string, JobNode>, seen: Set<Record<string, JobNode>>) => {
    if (seen.has(jobs)) return;
    seen.add(jobs);
    for (const node of Object.values(jobs)) {
      for (const b of Object.values(node.inputs)) if (b.kind === "data") wanted.push(b);
      if (node.component.jobs) walk(node.component.jobs, seen);
    }
  };
  walk(job.jobs, new Set());
  const out: Problem[] = [];
  const checked = new Set<string>();
  for (const w of wanted) {
    if (REMOTE.test(w.path)) continue;
    const abs = resolve(w.baseDir, w.path);
    if (checked.has(abs)) continue;
    checked.add(abs);
    if (!(await stat(abs).catch(() => undefined))) {
      out.push({
        message: `input data '${w.path}' does not exist (looked for ${abs})`,
        where: w.where,
        fix: "Fix the path, or create the data first; relative paths resolve against the folder of the YAML file that names them",
      });
    }
  }
  return out;
}
