/**
 * Validates a parsed pipeline and turns it into a plan: the leaf steps (nested pipeline
 * components flattened into `outer/inner` steps) with every input resolved to a value, data, or
 * another step's output, in dependency order. Every problem names the YAML position.
 */
import type { ErrorLocation } from "../errors.js";
import { findExpressions, findOptionalSections, hasExpression, parseOwnRef, parseRef } from "./expressions.js";
import {
  type Binding,
  type Component,
  type DataInputType,
  type InputDecl,
  type IoType,
  isDataType,
  type JobNode,
  type PipelineJob,
} from "./model.js";
import { refFix } from "./parse.js";
import { Problems } from "./problems.js";
import { suggestion } from "./suggest.js";

export type PlanInput =
  | { kind: "value"; value: string | number | boolean }
  | { kind: "data"; type: DataInputType; path: string; baseDir: string; mode?: string; where?: ErrorLocation }
  | { kind: "step"; step: string; output: string; type: IoType }
  | { kind: "search"; name: string }
  | { kind: "none" };

export interface PlanStep {
  /** `train`, or `outer/inner` for a job of a nested pipeline component. */
  id: string;
  node: JobNode;
  component: Component;
  inputs: Record<string, PlanInput>;
  outputs: Record<string, { type: IoType; mode?: string }>;
  /** Steps whose outputs this one reads. */
  deps: string[];
  environmentVariables: Record<string, string>;
  timeoutSeconds?: number;
}

export interface Plan {
  job: PipelineJob;
  /** Steps in a dependency order. */
  steps: PlanStep[];
  /** Steps grouped by depth: everything in one level can run at once. */
  levels: string[][];
  /** Pipeline output name → the step output behind it. */
  outputs: Record<string, { step: string; output: string }>;
}

interface Resolved {
  input: PlanInput;
  type?: IoType;
}

interface Level {
  prefix: string;
  jobs: Record<string, JobNode>;
  parentInputs: Record<string, Resolved>;
  /** Outputs `${{parent.outputs.x}}` may name at this level. */
  parentOutputs: string[];
}

/** Validates the pipeline and plans it. Problems go to `problems`; the plan is only valid when it is empty. */
export function planPipeline(job: PipelineJob, problems = new Problems()): { plan: Plan; problems: Problems } {
  const steps: PlanStep[] = [];
  const parentInputs: Record<string, Resolved> = {};
  for (const [name, input] of Object.entries(job.inputs)) {
    if (input.kind === "literal") {
      parentInputs[name] = {
        input: input.value === undefined ? { kind: "none" } : { kind: "value", value: input.value },
        type: input.type,
      };
    } else {
      parentInputs[name] = {
        input:
          input.path === undefined
            ? { kind: "none" }
            : {
                kind: "data",
                type: input.type,
                path: input.path,
                baseDir: input.baseDir,
                mode: input.mode,
                where: input.where,
              },
        type: input.type,
      };
    }
  }
  const top: Level = { prefix: "", jobs: job.jobs, parentInputs, parentOutputs: Object.keys(job.outputs) };
  planLevel(top, steps, problems);
  for (const c of new Set(steps.map((s) => s.component))) checkCommand(c, problems);
  const outputs: Record<string, { step: string; output: string }> = {};
  for (const [name, node] of Object.entries(job.jobs)) {
    for (const [out, binding] of Object.entries(node.outputs)) {
      if (!binding.parentOutput || !(binding.parentOutput in job.outputs)) continue;
      const source = outputSource(top, name, out, problems, binding.where);
      if (source) outputs[binding.parentOutput] = { step: source.step, output: source.output };
    }
  }
  for (const [name, out] of Object.entries(job.outputs)) {
    if (!outputs[name])
      problems.add(
        `pipeline output '${name}' is bound to no job output`,
        out.where,
        `Bind a job output to it: \`outputs: {<output>: \${{parent.outputs.${name}}}}\``,
      );
  }
  return { plan: { job, steps: order(steps), levels: levels(steps), outputs }, problems };
}

function planLevel(level: Level, steps: PlanStep[], problems: Problems): void {
  findCycles(level, problems);
  for (const [name, node] of Object.entries(level.jobs)) {
    const component = node.component;
    const registered = component.origin.kind === "registered" || node.type === "spark";
    const decls = component.inputs;
    const resolved: Record<string, Resolved> = {};
    const searchNames = Object.keys(node.sweep?.searchSpace ?? {});
    for (const [input, binding] of Object.entries(node.inputs)) {
      if (!registered && !(input in decls) && node.type === "pipeline") {
        // Azure ML accepts a pipeline component node input its component does not declare
        // (azureml-examples' nyc_taxi_data_regression_with_pipeline_component does this): nothing reads it.
        problems.warn(
          `job '${name}' has no input '${input}': it is ignored (Azure ML accepts undeclared inputs of a pipeline component)`,
          binding.where,
          suggestion(input, Object.keys(decls), "an input of its component"),
        );
        continue;
      }
      if (!registered && !(input in decls)) {
        problems.add(
          `job '${name}' has no input '${input}'`,
          binding.where,
          suggestion(input, Object.keys(decls), "an input of its component"),
        );
        continue;
      }
      const r = resolveBinding(level, name, binding, problems);
      if (!r) continue;
      if (decls[input]) checkType(name, input, decls[input], r, binding.where, problems);
      resolved[input] = r;
    }
    for (const s of searchNames) {
      if (!registered && !(s in decls)) {
        problems.add(
          `search space '${s}' is not an input of the trial`,
          node.sweep!.searchSpace[s].where,
          suggestion(s, Object.keys(decls), "an input of the trial component"),
        );
      } else resolved[s] = { input: { kind: "search", name: s } };
    }
    for (const [input, decl] of Object.entries(decls)) {
      const r = resolved[input];
      if (r && r.input.kind !== "none") continue;
      if (decl.default !== undefined)
        resolved[input] = { input: { kind: "value", value: decl.default }, type: decl.type };
      else if (!decl.optional) {
        problems.add(
          `job '${name}' needs input '${input}' (${decl.type}), which is ${r ? "bound to nothing" : "not given"}`,
          r ? (node.inputs[input]?.where ?? node.where) : node.where,
          `Bind it under \`jobs.${name}.inputs.${input}\`, give it a value in the pipeline's inputs, or mark it \`optional: true\``,
        );
      } else resolved[input] = { input: { kind: "none" } };
    }
    for (const [out, binding] of Object.entries(node.outputs)) {
      if (!registered && !(out in component.outputs)) {
        problems.add(
          `job '${name}' has no output '${out}'`,
          binding.where,
          suggestion(out, Object.keys(component.outputs), "an output of its component"),
        );
      }
      if (binding.parentOutput && !level.parentOutputs.includes(binding.parentOutput)) {
        problems.add(
          `'\${{parent.outputs.${binding.parentOutput}}}' names no output of the ${level.prefix ? "pipeline component" : "pipeline"}`,
          binding.where,
          suggestion(binding.parentOutput, level.parentOutputs, "a declared output"),
        );
      }
    }
    // A registered pipeline component is one step here: its jobs are known only to Azure ML, which
    // runs it; the local backend refuses it (runner/refusals.ts).
    if (node.type === "pipeline" && component.origin.kind !== "registered") {
      planLevel(
        {
          prefix: `${level.prefix}${name}/`,
          jobs: component.jobs ?? {},
          parentInputs: resolved,
          parentOutputs: Object.keys(component.outputs),
        },
        steps,
        problems,
      );
      continue;
    }
    const inputs: Record<string, PlanInput> = {};
    for (const [k, r] of Object.entries(resolved)) inputs[k] = r.input;
    const outputs: Record<string, { type: IoType; mode?: string }> = {};
    for (const [k, decl] of Object.entries(component.outputs)) {
      const b = node.outputs[k];
      outputs[k] = { type: b?.type ?? decl.type, mode: b?.mode ?? decl.mode };
    }
    for (const k of Object.keys(node.outputs))
      if (registered && !outputs[k]) outputs[k] = { type: node.outputs[k].type ?? "uri_folder" };
    const deps = [...new Set(Object.values(inputs).flatMap((i) => (i.kind === "step" ? [i.step] : [])))];
    steps.push({
      id: `${level.prefix}${name}`,
      node:
        node.sweep && (node.sweep.limits.bound || hasExpression(node.sweep.objective.primaryMetric))
          ? withBoundSweep(level, node, problems)
          : node,
      component,
      inputs,
      outputs,
      deps,
      environmentVariables: { ...component.environmentVariables, ...node.environmentVariables },
      timeoutSeconds: node.timeoutSeconds,
    });
  }
}

const LIMIT_FIELDS = {
  max_total_trials: "maxTotalTrials",
  max_concurrent_trials: "maxConcurrentTrials",
  timeout: "timeoutSeconds",
  trial_timeout: "trialTimeoutSeconds",
} as const;

/**
 * A sweep node whose limits or primary metric are written as `${{parent.inputs.x}}`, with the
 * values those inputs have here (what the local runner uses; Azure ML gets the expression as
 * written and resolves it).
 */
function withBoundSweep(level: Level, node: JobNode, problems: Problems): JobNode {
  const sweep = node.sweep!;
  let objective = sweep.objective;
  if (hasExpression(objective.primaryMetric)) {
    const r = resolveTemplate(level, objective.primaryMetric, node.where, problems);
    if (r?.input.kind === "value") objective = { ...objective, primaryMetric: String(r.input.value) };
  }
  const limits = { ...sweep.limits };
  for (const [key, text] of Object.entries(sweep.limits.bound ?? {})) {
    const name = /parent\.inputs\.([A-Za-z0-9_]+)/.exec(text)?.[1] ?? "";
    const where = node.where;
    const p = level.parentInputs[name];
    if (!p) {
      problems.add(
        `'${text}' in limits.${key} names no input of the ${level.prefix ? "pipeline component" : "pipeline"}`,
        where,
        suggestion(name, Object.keys(level.parentInputs), "a declared input"),
      );
      continue;
    }
    const value = p.input.kind === "value" ? Number(p.input.value) : Number.NaN;
    if (!Number.isFinite(value)) {
      problems.add(
        `limits.${key} of job '${node.name}' is bound to '${text}', which is not a number here`,
        where,
        `Give the input '${name}' a number`,
      );
      continue;
    }
    const field = LIMIT_FIELDS[key as keyof typeof LIMIT_FIELDS];
    if (field) limits[field] = value;
    // Without max_concurrent_trials, every trial may run at once (as when max_total_trials is a number).
    const written = node.raw.limits as Record<string, unknown> | undefined;
    if (key === "max_total_trials" && written?.max_concurrent_trials === undefined) limits.maxConcurrentTrials = value;
  }
  return { ...node, sweep: { ...sweep, limits, objective } };
}

function resolveBinding(level: Level, job: string, b: Binding, problems: Problems): Resolved | undefined {
  switch (b.kind) {
    case "literal":
      if (typeof b.value === "string" && hasExpression(b.value))
        return resolveTemplate(level, b.value, b.where, problems);
      return {
        input: { kind: "value", value: b.value },
        type: typeof b.value === "number" ? "number" : typeof b.value === "boolean" ? "boolean" : "string",
      };
    case "data":
      return {
        input: { kind: "data", type: b.type, path: b.path, baseDir: b.baseDir, mode: b.mode, where: b.where },
        type: b.type,
      };
    case "empty":
      return { input: { kind: "none" } };
    case "ref": {
      const ref = b.ref;
      if (ref.scope === "parent.inputs") {
        const p = level.parentInputs[ref.name];
        if (!p) {
          problems.add(
            `'${b.text}' names no input of the ${level.prefix ? "pipeline component" : "pipeline"}`,
            b.where,
            suggestion(ref.name, Object.keys(level.parentInputs), "a declared input"),
          );
          return undefined;
        }
        const input = p.input.kind === "data" && b.mode ? { ...p.input, mode: b.mode } : p.input;
        return { input, type: p.type };
      }
      if (ref.scope === "parent.jobs") {
        if (!(ref.job in level.jobs)) {
          problems.add(
            `'${b.text}' names no job '${ref.job}'`,
            b.where,
            suggestion(
              ref.job,
              Object.keys(level.jobs).filter((j) => j !== job),
              "a job of this pipeline",
            ),
          );
          return undefined;
        }
        if (ref.job === job) {
          problems.add(`job '${job}' reads its own output`, b.where, "A job can only read outputs of other jobs");
          return undefined;
        }
        const source = outputSource(level, ref.job, ref.output, problems, b.where);
        if (!source) return undefined;
        return {
          input: { kind: "step", step: source.step, output: source.output, type: source.type },
          type: source.type,
        };
      }
      problems.add(`'${b.text}' cannot be used as a job input`, b.where, refFix(ref.scope));
      return undefined;
    }
  }
}

/**
 * Text with references in it, as Azure ML resolves it: `extra_${{parent.inputs.s}}` becomes the
 * input's value inside the text; `${{parent.inputs.folder}}/file.csv` a path under that data.
 * Other references (a job's output inside text) only Azure ML resolves: warned, passed as written.
 */
function resolveTemplate(level: Level, text: string, where: ErrorLocation, problems: Problems): Resolved | undefined {
  let out = "";
  let last = 0;
  let data: Extract<PlanInput, { kind: "data" }> | undefined;
  let unresolved = false;
  for (const e of findExpressions(text)) {
    out += text.slice(last, e.index);
    last = e.index + e.text.length;
    const ref = parseRef(e.body);
    if (ref?.scope !== "parent.inputs") {
      unresolved = true;
      out += e.text;
      continue;
    }
    const p = level.parentInputs[ref.name];
    if (!p) {
      problems.add(
        `'${e.text}' names no input of the ${level.prefix ? "pipeline component" : "pipeline"}`,
        where,
        suggestion(ref.name, Object.keys(level.parentInputs), "a declared input"),
      );
      return undefined;
    }
    if (p.input.kind === "value") out += String(p.input.value);
    else if (p.input.kind === "data" && e.index === 0) data = p.input;
    else {
      unresolved = true;
      out += e.text;
    }
  }
  out += text.slice(last);
  if (unresolved)
    problems.warn(
      `'${text}' puts a reference inside text that only Azure ML resolves`,
      where,
      "The local backend passes it as written; bind the whole value to one `${{...}}` to run it here",
    );
  if (unresolved) return { input: { kind: "value", value: data ? text : out }, type: "string" };
  if (data) {
    const rest = out.replace(/^\/+/, "");
    const path = rest ? `${data.path.replace(/\/+$/, "")}/${rest}` : data.path;
    const type = rest ? (rest.endsWith("/") ? "uri_folder" : "uri_file") : data.type;
    return { input: { ...data, path, type }, type };
  }
  return { input: { kind: "value", value: out }, type: "string" };
}

/** The leaf step output behind `${{parent.jobs.<job>.outputs.<output>}}`, through nested pipeline components. */
function outputSource(
  level: Level,
  job: string,
  output: string,
  problems: Problems,
  where: ErrorLocation,
): { step: string; output: string; type: IoType } | undefined {
  const node = level.jobs[job];
  const c = node.component;
  const known = c.origin.kind === "registered" || node.type === "spark";
  if (!known && !(output in c.outputs)) {
    problems.add(
      `job '${job}' has no output '${output}'`,
      where,
      suggestion(output, Object.keys(c.outputs), "an output of its component"),
    );
    return undefined;
  }
  if (node.type !== "pipeline" || c.origin.kind === "registered")
    return {
      step: `${level.prefix}${job}`,
      output,
      type: node.outputs[output]?.type ?? c.outputs[output]?.type ?? "uri_folder",
    };
  const inner = Object.entries(c.jobs ?? {}).find(([, n]) =>
    Object.values(n.outputs).some((o) => o.parentOutput === output),
  );
  if (!inner) {
    problems.add(
      `output '${output}' of pipeline component '${c.name ?? job}' is bound to no job output`,
      c.outputs[output]?.where ?? node.where,
      `Bind a job output to \`\${{parent.outputs.${output}}}\` inside the component`,
    );
    return undefined;
  }
  const [innerName, innerNode] = inner;
  const innerOut = Object.entries(innerNode.outputs).find(([, o]) => o.parentOutput === output)![0];
  const sub: Level = { prefix: `${level.prefix}${job}/`, jobs: c.jobs ?? {}, parentInputs: {}, parentOutputs: [] };
  return outputSource(sub, innerName, innerOut, problems, where);
}

const COMPATIBLE: Record<string, readonly string[]> = {
  uri_file: ["uri_file"],
  uri_folder: ["uri_folder", "mltable", "mlflow_model", "custom_model", "triton_model"],
  mltable: ["mltable", "uri_folder", "uri_file"],
  mlflow_model: ["mlflow_model", "uri_folder", "custom_model"],
  custom_model: ["custom_model", "uri_folder", "mlflow_model"],
  triton_model: ["triton_model", "uri_folder", "custom_model"],
};

function checkType(
  job: string,
  input: string,
  decl: InputDecl,
  r: Resolved,
  where: ErrorLocation,
  problems: Problems,
): void {
  if (decl.inferred || r.input.kind === "none" || r.input.kind === "search") return;
  const gotData = r.input.kind === "data" || r.input.kind === "step";
  const wantData = isDataType(decl.type);
  const label = `job '${job}' input '${input}'`;
  if (wantData && !gotData) {
    problems.add(
      `${label} is ${decl.type} but is given the value '${String((r.input as { value?: unknown }).value)}'`,
      where,
      `Bind it to data: \`{type: ${decl.type}, path: ...}\` or another job's output`,
    );
    return;
  }
  if (!wantData && gotData) {
    problems.add(`${label} is ${decl.type} but is bound to ${r.type ?? "data"}`, where, `Give a ${decl.type} value`);
    return;
  }
  // Azure ML accepts the mismatches below (azureml-examples binds a uri_file to uri_folder inputs and
  // 224 to a string input with enum ['True', 'False'], and the service runs them): warn, so we never
  // refuse what `az ml job create` takes. The step's own code may still reject the value.
  const accepted = ". Azure ML accepts it; the step receives it as written";
  if (wantData && r.type && isDataType(r.type) && !COMPATIBLE[decl.type]?.includes(r.type)) {
    problems.warn(
      `${label} is ${decl.type} but is bound to ${r.type}${accepted}`,
      where,
      `Bind a ${decl.type}, or change the input's type`,
    );
    return;
  }
  if (r.input.kind !== "value") return;
  const v = r.input.value;
  const text = String(v);
  if (decl.type === "integer" && !/^[-+]?\d+$/.test(text.trim()))
    problems.warn(`${label} is an integer but is '${text}'${accepted}`, where, "Give a whole number");
  else if (decl.type === "number" && (text.trim() === "" || !Number.isFinite(Number(text))))
    problems.warn(`${label} is a number but is '${text}'${accepted}`, where, "Give a number such as 0.1");
  else if (decl.type === "boolean" && !["true", "false"].includes(text.toLowerCase()))
    problems.warn(`${label} is a boolean but is '${text}'${accepted}`, where, "Give true or false");
  else if (decl.enum && !decl.enum.map(String).includes(text))
    problems.warn(`${label} is '${text}', not one of its enum${accepted}`, where, enumFix(text, decl.enum));
  else if ((decl.min !== undefined && Number(v) < decl.min) || (decl.max !== undefined && Number(v) > decl.max)) {
    problems.warn(
      `${label} is ${text}, outside [${decl.min ?? "-∞"}, ${decl.max ?? "∞"}]${accepted}`,
      where,
      "Give a value inside the declared range",
    );
  }
}

/** "Did you mean" among an enum's values, or the list of them. */
function enumFix(text: string, values: readonly (string | number)[]): string {
  return suggestion(text, values.map(String), "one of");
}

/** Checks a command's `${{inputs.x}}` / `${{outputs.y}}` against the component's declarations. */
export function checkCommand(component: Component, problems: Problems): void {
  const command = component.command;
  if (!command) return;
  const where = component.commandWhere ?? component.where;
  for (const e of findExpressions(command)) {
    const own = parseOwnRef(e.body);
    const at = positionIn(where, command, e.index);
    if (!own) {
      problems.add(
        `'${e.text}' in the command is not \${{inputs.<name>}} or \${{outputs.<name>}}`,
        at,
        suggestion(e.body.split(".")[0], ["inputs", "outputs"]),
      );
      continue;
    }
    const names = Object.keys(own.kind === "inputs" ? component.inputs : component.outputs);
    if (!names.includes(own.name)) {
      problems.add(
        `'${e.text}' in the command names no declared ${own.kind === "inputs" ? "input" : "output"}`,
        at,
        suggestion(own.name, names, `one of the declared ${own.kind}`),
      );
    }
  }
  // An unclosed `${{` is no expression at all: the step would get the text as written.
  for (let i = command.indexOf("${{"); i >= 0; i = command.indexOf("${{", i + 3)) {
    const close = command.indexOf("}}", i + 3);
    const next = command.indexOf("${{", i + 3);
    if (close < 0 || (next >= 0 && next < close)) {
      const text = command.slice(i, next >= 0 ? next : undefined).split(/\s/)[0];
      problems.add(`'${text}' in the command is not closed`, positionIn(where, command, i), "Close it with }}");
    }
  }
  for (const s of findOptionalSections(command)) {
    if (findExpressions(s.inner).length === 0)
      problems.add(
        `'${s.text}' holds no \${{inputs.<name>}}`,
        positionIn(where, command, s.index),
        "Put the optional input inside $[[...]]",
      );
  }
}

/** The column of a character inside a one-line value; the value's own position otherwise. */
function positionIn(where: ErrorLocation, text: string, index: number): ErrorLocation {
  if (text.includes("\n") || where.column === undefined) return where;
  return { ...where, column: where.column + index };
}

function findCycles(level: Level, problems: Problems): void {
  const deps = (name: string) =>
    Object.values(level.jobs[name].inputs).flatMap((b) =>
      b.kind === "ref" && b.ref.scope === "parent.jobs" && b.ref.job in level.jobs ? [b.ref.job] : [],
    );
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (n: string): boolean => {
    if (state.get(n) === "done") return false;
    if (state.get(n) === "visiting") {
      const cycle = [...stack.slice(stack.indexOf(n)), n];
      problems.add(
        `jobs form a cycle: ${cycle.map((c) => level.prefix + c).join(" → ")}`,
        level.jobs[n].where,
        "Remove one of these references so the jobs can run in order",
      );
      return true;
    }
    state.set(n, "visiting");
    stack.push(n);
    for (const d of deps(n)) if (d !== n && visit(d)) return true;
    stack.pop();
    state.set(n, "done");
    return false;
  };
  for (const n of Object.keys(level.jobs)) if (visit(n)) break;
}

function order(steps: PlanStep[]): PlanStep[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const out: PlanStep[] = [];
  const seen = new Set<string>();
  const visit = (s: PlanStep, path: Set<string>) => {
    if (seen.has(s.id) || path.has(s.id)) return;
    path.add(s.id);
    for (const d of s.deps) {
      const dep = byId.get(d);
      if (dep) visit(dep, path);
    }
    seen.add(s.id);
    out.push(s);
  };
  for (const s of steps) visit(s, new Set());
  return out;
}

function levels(steps: PlanStep[]): string[][] {
  const depth = new Map<string, number>();
  const byId = new Map(steps.map((s) => [s.id, s]));
  const get = (id: string, guard: Set<string>): number => {
    if (depth.has(id)) return depth.get(id)!;
    if (guard.has(id)) return 0;
    guard.add(id);
    const s = byId.get(id);
    const d = s && s.deps.length > 0 ? Math.max(...s.deps.map((x) => get(x, guard))) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  const out: string[][] = [];
  for (const s of steps) {
    const d = get(s.id, new Set());
    if (!out[d]) out[d] = [];
    out[d].push(s.id);
  }
  return out.filter(Boolean);
}
