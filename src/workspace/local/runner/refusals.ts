/**
 * What the local runner cannot run, each as one line naming the feature and where it is
 * written, and saying to run it with backend azureml: only what needs Azure ML itself (AutoML,
 * spark, prompt flow, registered components and cloud data the local workspace does not hold).
 * Such pipelines still validate and compile for Azure ML.
 */

import { resolve } from "node:path";
import type { Plan } from "../../../pipeline/plan.js";
import type { Problem } from "../../../pipeline/problems.js";
import { isRemoteCode } from "../../../references.js";
import { exists } from "../store.js";

export function localRefusals(plan: Plan): Problem[] {
  const out: Problem[] = [];
  for (const step of plan.steps) {
    const c = step.component;
    const fix = "Run it with backend azureml";
    if (step.node.type === "automl") {
      out.push({
        message: `job '${step.id}' is an AutoML job: AutoML runs on Azure ML only`,
        where: step.node.where,
        fix,
      });
    } else if (isPromptFlow(c)) {
      out.push({
        message: `job '${step.id}' runs a prompt flow: prompt flow components run on Azure ML only`,
        where: step.node.where,
        fix,
      });
    } else if (step.node.type === "spark") {
      out.push({
        message: `job '${step.id}' is a spark job: spark runs on Azure ML only`,
        where: step.node.where,
        fix,
      });
    } else if (step.node.type === "parallel" && !c.parallelTask) {
      out.push({
        message: `job '${step.id}' is a parallel job: parallel (mini-batch) jobs run on Azure ML only`,
        where: step.node.where,
        fix,
      });
    } else if (c.parallelTask && isTabular(step, c.parallelTask.inputData)) {
      out.push({
        message: `job '${step.id}' is a parallel job over an mltable: tabular mini-batches run on Azure ML only`,
        where: step.node.where,
        fix: `${fix}, or give input_data as a uri_folder of files`,
      });
    } else if (c.origin.kind === "registered") {
      out.push({
        message: `job '${step.id}' uses the registered component '${c.origin.ref}', which the local workspace does not hold`,
        where: c.where,
        fix: `${fix}, or point \`component:\` at the component's YAML file`,
      });
    } else if (c.code && isRemoteCode(c.code)) {
      out.push({
        message: `job '${step.id}' takes its code from '${c.code}'`,
        where: c.where,
        fix: `${fix}, or point \`code:\` at a local folder`,
      });
    }
    for (const [name, input] of Object.entries(step.inputs)) {
      if (input.kind !== "data" || !/^[a-z][a-z0-9+.-]*:\/\//i.test(input.path) || /^https?:/i.test(input.path))
        continue;
      const what = input.path.startsWith("azureml://") ? "the Azure ML URI" : "the cloud storage URI";
      out.push({
        message: `job '${step.id}' input '${name}' reads ${what} '${input.path}', which only Azure ML resolves`,
        where: step.node.inputs[name]?.where ?? step.node.where,
        fix: `${fix}, or register the data locally (register-dataset) and use azureml:<name>:<version>`,
      });
    }
  }
  return out;
}

/**
 * A prompt flow used as a component: its flow.dag.yaml (Flow schema) or a run.yml naming a `flow:`
 * (Run schema), which the parser turns into a `promptflow_parallel` component (parse-flow.ts).
 * Only Azure ML executes them.
 */
function isPromptFlow(c: Plan["steps"][number]["component"]): boolean {
  const schema = typeof c.raw.$schema === "string" ? c.raw.$schema : "";
  const file = c.origin.kind === "file" ? c.origin.file : "";
  return (
    c.raw.type === "promptflow_parallel" ||
    /\/promptflow\/|\/(Flow|Run)\.schema\.json$/i.test(schema) ||
    /(^|[\\/])flow\.dag\.ya?ml$/i.test(file) ||
    (c.type === "parallel" && c.raw.flow !== undefined)
  );
}

function isTabular(step: Plan["steps"][number], input: string): boolean {
  const b = step.node.inputs[input];
  const i = step.inputs[input];
  return (
    (b?.kind === "ref" && b.type === "mltable") ||
    (i?.kind === "data" && i.type === "mltable") ||
    (i?.kind === "step" && i.type === "mltable")
  );
}

/** Local data inputs that do not exist: found before anything runs, at the line that names them. */
export async function missingLocalData(plan: Plan): Promise<Problem[]> {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const step of plan.steps) {
    for (const input of Object.values(step.inputs)) {
      if (input.kind !== "data" || /^[a-z][a-z0-9+.-]*:/i.test(input.path)) continue;
      const path = resolve(input.baseDir, input.path);
      if (seen.has(path)) continue;
      seen.add(path);
      if (!(await exists(path))) {
        out.push({
          message: `input data '${input.path}' does not exist (looked for ${path})`,
          where: input.where ?? step.node.where,
          fix: "Fix the path; relative paths resolve against the folder of the YAML file that names them",
        });
      }
    }
  }
  return out;
}
