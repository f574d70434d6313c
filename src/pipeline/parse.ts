/**
 * Reads a pipeline job YAML (and the component files it names) into the model, keeping YAML
 * positions. Structural mistakes are collected as Problems, not thrown, so a user sees them all.
 */
import { dirname, resolve } from "node:path";
import type { ErrorLocation } from "../errors.js";
import { UserError } from "../errors.js";
import { isRemoteCode } from "../references.js";
import { findExpressions, hasExpression, parseOwnRef, parseRef, wholeExpression } from "./expressions.js";
import {
  type Binding,
  type Component,
  DATA_TYPES,
  type DataInputType,
  type InputDecl,
  type IoType,
  isDataType,
  type JobNode,
  LITERAL_TYPES,
  type LiteralType,
  type OutputBinding,
  type OutputDecl,
  type ParallelTask,
  type PipelineInput,
  type PipelineJob,
  type PipelineOutput,
  type SearchDimension,
  type SweepSpec,
} from "./model.js";
import { applyOverrides } from "./overrides.js";
import { AUTOML_DATA_KEYS, automlComponent } from "./parse-automl.js";
import { flowComponent, isFlowDocument } from "./parse-flow.js";
import { inlineSparkComponent, SPARK_COMPONENT_KEYS, SPARK_NODE_KEYS } from "./parse-spark.js";
import { Problems } from "./problems.js";
import { type Path, readYaml, type YamlSource } from "./source.js";
import { closest, suggestion } from "./suggest.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Keys each part of the YAML may hold. How strict each table is follows azure-ai-ml's marshmallow
 * schemas (sdk/ml/azure-ai-ml/azure/ai/ml/_schema/), i.e. what `az ml job create` accepts:
 * - RAISE (an unknown key is refused): the pipeline job's own keys (job/base_job.py,
 *   pipeline/pipeline_job.py), an inline command job (pipeline/pipeline_command_job.py), and nested
 *   mappings: inputs, outputs, limits, objective, sampling, early termination, search space.
 * - INCLUDE (an unknown key is accepted and kept): `settings` (pipeline/settings.py and the
 *   NestedField in pipeline_job.py), every node with a `component:`/`trial:` and inline parallel
 *   nodes (PipelineJobsField in pipeline/pipeline_component.py), and component files and inline
 *   components loaded from a pipeline (ComponentFileRefField and NestedField(..., unknown=INCLUDE)).
 *   For these we warn (see `warnKeys`) instead of refusing.
 */
const COMMON_JOB_KEYS = [
  "$schema",
  "type",
  "name",
  "display_name",
  "description",
  "tags",
  "properties",
  "experiment_name",
  "inputs",
  "outputs",
  "compute",
  "identity",
  "services",
  // Read-only fields azure-ai-ml drops without a word (PathAwareSchema.trim_dump_only).
  "id",
  "creation_context",
  "log_files",
];
const KEYS = {
  pipeline: [...COMMON_JOB_KEYS, "settings", "jobs", "status", "component"],
  settings: [
    "default_compute",
    "default_datastore",
    "continue_on_step_failure",
    "force_rerun",
    "default_environment",
    "on_init",
    "on_finalize",
  ],
  command: [
    ...COMMON_JOB_KEYS,
    "component",
    "command",
    "code",
    "environment",
    "environment_variables",
    "resources",
    "distribution",
    "limits",
    "queue_settings",
    "is_deterministic",
    // CommandJobSchema (job/command_job.py): parent_job_name, and parameters (read-only, dropped).
    "parent_job_name",
    "parameters",
  ],
  sweep: [
    ...COMMON_JOB_KEYS,
    "trial",
    "search_space",
    "sampling_algorithm",
    "objective",
    "limits",
    "early_termination",
    "resources",
    "queue_settings",
  ],
  pipelineNode: [...COMMON_JOB_KEYS, "component", "settings"],
  parallel: [
    ...COMMON_JOB_KEYS,
    "component",
    "task",
    "input_data",
    "mini_batch_size",
    "mini_batch_error_threshold",
    "error_threshold",
    "logging_level",
    "max_concurrency_per_instance",
    "retry_settings",
    "resources",
    "environment_variables",
    "partition_keys",
    "environment",
    "code",
  ],
  commandComponent: [
    "$schema",
    "name",
    "version",
    "display_name",
    "description",
    "tags",
    "type",
    "inputs",
    "outputs",
    "command",
    "code",
    "environment",
    "resources",
    "distribution",
    "is_deterministic",
    "environment_variables",
    "properties",
    "additional_includes",
    "instance_count",
  ],
  pipelineComponent: [
    "$schema",
    "name",
    "version",
    "display_name",
    "description",
    "tags",
    "type",
    "inputs",
    "outputs",
    "jobs",
    "settings",
    "is_deterministic",
  ],
  parallelComponent: [
    "$schema",
    "name",
    "version",
    "display_name",
    "description",
    "tags",
    "type",
    "inputs",
    "outputs",
    "task",
    "input_data",
    "mini_batch_size",
    "mini_batch_error_threshold",
    "error_threshold",
    "logging_level",
    "max_concurrency_per_instance",
    "retry_settings",
    "resources",
    "is_deterministic",
    "partition_keys",
  ],
  inputDecl: ["type", "optional", "default", "description", "enum", "min", "max", "mode", "path"],
  dataBinding: ["type", "path", "mode", "description", "datastore", "optional", "value", "default"],
  outputDecl: ["type", "mode", "path", "description", "name", "version", "datastore", "is_control", "early_available"],
  limits: ["timeout", "max_total_trials", "max_concurrent_trials", "trial_timeout"],
  objective: ["goal", "primary_metric"],
  sampling: ["type", "seed", "rule", "logbase"],
  earlyTermination: [
    "type",
    "evaluation_interval",
    "delay_evaluation",
    "slack_factor",
    "slack_amount",
    "truncation_percentage",
  ],
};

const SEARCH_TYPES: Record<string, string[]> = {
  choice: ["values"],
  uniform: ["min_value", "max_value"],
  loguniform: ["min_value", "max_value"],
  quniform: ["min_value", "max_value", "q"],
  qloguniform: ["min_value", "max_value", "q"],
  randint: ["upper"],
  normal: ["mu", "sigma"],
  lognormal: ["mu", "sigma"],
  qnormal: ["mu", "sigma", "q"],
  qlognormal: ["mu", "sigma", "q"],
};

interface Ctx {
  src: YamlSource;
  baseDir: string;
  problems: Problems;
  /** Component files being loaded, to refuse a pipeline component that includes itself. */
  stack: string[];
  cache: Map<string, Promise<Component | undefined>>;
}

export interface LoadOptions {
  /** `set` overrides, such as `inputs.learning_rate=0.1`. */
  set?: string[];
}

export interface Loaded {
  job: PipelineJob;
  problems: Problems;
}

/** Reads and parses a pipeline job file. Throws only for an unreadable file or malformed YAML. */
export async function loadPipeline(file: string, options: LoadOptions = {}): Promise<Loaded> {
  const path = resolve(file);
  const src = await readYaml(path);
  const problems = new Problems();
  applyOverrides(src, options.set ?? [], problems);
  const value = src.value();
  if (!isObj(value)) {
    throw new UserError(
      "is not a pipeline job (expected a YAML mapping)",
      { subject: "pipeline", file: path, line: 1 },
      "Start the file with `$schema:` and `type: pipeline`",
    );
  }
  const ctx: Ctx = { src, baseDir: dirname(path), problems, stack: [path], cache: new Map() };
  const job = await parsePipelineJob(ctx, value);
  return { job, problems };
}

async function parsePipelineJob(ctx: Ctx, doc: Obj): Promise<PipelineJob> {
  const { src, problems } = ctx;
  checkKeys(ctx, [], doc, KEYS.pipeline, "pipeline job key");
  if (doc.type !== undefined && doc.type !== "pipeline") {
    problems.add(
      `type is '${String(doc.type)}', not 'pipeline'`,
      src.at(["type"]),
      "submit-pipeline takes pipeline jobs: set `type: pipeline`",
    );
  }
  if (doc.component !== undefined && doc.jobs !== undefined) {
    problems.add(
      "a pipeline job has either jobs or a component, not both",
      src.at(["component"]),
      "Remove `component:`, or move the jobs into the pipeline component",
    );
  } else if (doc.component === undefined && (!isObj(doc.jobs) || Object.keys(doc.jobs).length === 0)) {
    problems.add(
      "has no jobs",
      src.at(doc.jobs === undefined ? [] : ["jobs"]),
      "Add a `jobs:` mapping with at least one job",
    );
  }
  const settingsRaw = isObj(doc.settings) ? doc.settings : {};
  if (doc.settings !== undefined) warnKeys(ctx, ["settings"], settingsRaw, KEYS.settings, "setting");
  const inputs: Record<string, PipelineInput> = {};
  for (const [name, v] of Object.entries(isObj(doc.inputs) ? doc.inputs : {})) {
    inputs[name] = parsePipelineInput(ctx, ["inputs", name], v);
  }
  const outputs: Record<string, PipelineOutput> = {};
  for (const [name, v] of Object.entries(isObj(doc.outputs) ? doc.outputs : {})) {
    outputs[name] = parseOutputDecl(ctx, ["outputs", name], v);
  }
  const jobs = await parseJobs(ctx, ["jobs"], isObj(doc.jobs) ? doc.jobs : {});
  // A job made of one pipeline component: its outputs are the component's, unless written here.
  const component =
    doc.component === undefined ? undefined : await loadComponentRef(ctx, ["component"], doc.component, "pipeline");
  for (const [name, d] of Object.entries(component?.outputs ?? {}))
    outputs[name] ??= { type: d.type, ...(d.mode ? { mode: d.mode } : {}), where: d.where };
  return {
    file: src.file,
    raw: doc,
    baseDir: ctx.baseDir,
    displayName: optString(ctx, ["display_name"], doc.display_name),
    experimentName: optString(ctx, ["experiment_name"], doc.experiment_name),
    description: optString(ctx, ["description"], doc.description),
    tags: stringMap(ctx, ["tags"], doc.tags),
    inputs,
    outputs,
    settings: {
      defaultCompute: optString(ctx, ["settings", "default_compute"], settingsRaw.default_compute),
      defaultDatastore: optString(ctx, ["settings", "default_datastore"], settingsRaw.default_datastore),
      continueOnStepFailure:
        optBool(ctx, ["settings", "continue_on_step_failure"], settingsRaw.continue_on_step_failure) ?? false,
      forceRerun: optBool(ctx, ["settings", "force_rerun"], settingsRaw.force_rerun) ?? false,
      raw: settingsRaw,
    },
    ...(component ? { component } : {}),
    jobs: component?.jobs ?? jobs,
    where: src.at([]),
  };
}

async function parseJobs(ctx: Ctx, path: Path, jobs: Obj): Promise<Record<string, JobNode>> {
  const out: Record<string, JobNode> = {};
  for (const [name, v] of Object.entries(jobs)) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
      ctx.problems.add(
        `job name '${name}' is not valid`,
        ctx.src.at([...path, name]),
        "Use letters, digits, '_' and '-', starting with a letter or '_'",
      );
    }
    if (!isObj(v)) {
      ctx.problems.add(
        `job '${name}' is not a mapping`,
        ctx.src.at([...path, name]),
        "Give the job's `type`, `component` and `inputs`",
      );
      continue;
    }
    const node = await parseJobNode(ctx, [...path, name], name, v);
    if (node) out[name] = node;
  }
  return out;
}

const JOB_TYPES = ["command", "sweep", "pipeline", "parallel", "spark", "automl"] as const;

async function parseJobNode(ctx: Ctx, path: Path, name: string, v: Obj): Promise<JobNode | undefined> {
  const { src, problems } = ctx;
  const type = (v.type ?? "command") as string;
  if (!(JOB_TYPES as readonly string[]).includes(type)) {
    problems.add(
      `job '${name}' has unknown type '${type}'`,
      src.valueAt([...path, "type"]),
      suggestion(type, JOB_TYPES),
    );
    return undefined;
  }
  const where = src.at(path);
  const base = {
    name,
    displayName: optString(ctx, [...path, "display_name"], v.display_name),
    environmentVariables: stringMap(ctx, [...path, "environment_variables"], v.environment_variables),
    compute: optString(ctx, [...path, "compute"], v.compute),
    resources: isObj(v.resources) ? v.resources : undefined,
    distribution: isObj(v.distribution) ? v.distribution : undefined,
    identity: isObj(v.identity) ? v.identity : undefined,
    raw: v,
    where,
  };
  if (v.queue_settings !== undefined) checkQueueSettings(ctx, [...path, "queue_settings"], v.queue_settings);
  let component: Component | undefined;
  let sweep: SweepSpec | undefined;
  if (type === "automl") {
    component = automlComponent(v, path, where, (m, p, fix) => problems.add(m, src.at(p), fix));
  } else if (type === "spark" && v.component === undefined) {
    // Spark jobs run only on Azure; the local runner refuses them with one line. An inline spark job
    // is PipelineSparkJobSchema in azure-ai-ml (RAISE): unknown keys are refused there too.
    checkKeys(ctx, path, v, SPARK_NODE_KEYS, "spark job key");
    component = inlineSparkComponent(v, ctx.baseDir, where);
  } else if (type === "sweep") {
    warnKeys(ctx, path, v, KEYS.sweep, "sweep job key");
    if (v.trial === undefined) {
      problems.add(
        `sweep job '${name}' has no trial`,
        where,
        "Set `trial:` to a command component file such as ./train.yml",
      );
      return undefined;
    }
    component = await loadComponentRef(ctx, [...path, "trial"], v.trial, "command");
    sweep = parseSweep(ctx, path, v);
  } else if (v.component !== undefined) {
    warnKeys(
      ctx,
      path,
      v,
      type === "pipeline"
        ? KEYS.pipelineNode
        : type === "parallel"
          ? KEYS.parallel
          : type === "spark"
            ? SPARK_NODE_KEYS
            : KEYS.command,
      `${type} job key`,
    );
    component = await loadComponentRef(ctx, [...path, "component"], v.component, type as Component["type"]);
  } else if (type === "command") {
    checkKeys(ctx, path, v, KEYS.command, "command job key");
    component = inlineCommandJob(ctx, path, v);
  } else if (type === "parallel") {
    warnKeys(ctx, path, v, KEYS.parallel, "parallel job key");
    component = parseComponent(
      ctx,
      path,
      { ...v, type: "parallel", inputs: inferDecls(v.inputs), outputs: inferDecls(v.outputs) },
      "parallel",
      true,
    );
  } else {
    problems.add(
      `pipeline job '${name}' has no component`,
      where,
      "Set `component:` to a pipeline component file such as ./sub-pipeline.yml",
    );
    return undefined;
  }
  if (!component) return undefined;
  const inputs: Record<string, Binding> = {};
  for (const [k, iv] of Object.entries(isObj(v.inputs) ? v.inputs : {}))
    inputs[k] = parseBinding(ctx, [...path, "inputs", k], iv);
  // AutoML takes its data at the node's top level (training_data: ${{...}}), not under inputs.
  if (type === "automl")
    for (const k of AUTOML_DATA_KEYS) if (v[k] !== undefined) inputs[k] = parseBinding(ctx, [...path, k], v[k]);
  const outputs: Record<string, OutputBinding> = {};
  for (const [k, ov] of Object.entries(isObj(v.outputs) ? v.outputs : {}))
    outputs[k] = parseOutputBinding(ctx, [...path, "outputs", k], ov);
  const limits = isObj(v.limits) ? v.limits : {};
  if (type !== "sweep" && type !== "automl" && isObj(v.limits))
    checkKeys(ctx, [...path, "limits"], limits, ["timeout"], "limit");
  return {
    ...base,
    type: type as JobNode["type"],
    component,
    inputs,
    outputs,
    timeoutSeconds:
      type === "sweep" || type === "automl"
        ? undefined
        : optNumber(ctx, [...path, "limits", "timeout"], limits.timeout),
    sweep,
  };
}

/** Declarations a job without a component implies from its own inputs/outputs. */
function inferDecls(v: unknown): Obj {
  const out: Obj = {};
  for (const [k, x] of Object.entries(isObj(v) ? v : {})) {
    if (isObj(x) && typeof x.type === "string") out[k] = { type: x.type, ...(x.mode ? { mode: x.mode } : {}) };
    else if (typeof x === "number") out[k] = { type: Number.isInteger(x) ? "integer" : "number" };
    else if (typeof x === "boolean") out[k] = { type: "boolean" };
    else out[k] = { type: INFERRED };
  }
  return out;
}

/** The type of an inline job's input whose value is a reference: known only once bound. */
const INFERRED = "__inferred__";

function inlineCommandJob(ctx: Ctx, path: Path, v: Obj): Component | undefined {
  if (typeof v.command !== "string") {
    ctx.problems.add(
      `command job '${String(path.at(-1))}' has no command`,
      ctx.src.at(path),
      "Set `command:` or `component:`",
    );
    return undefined;
  }
  const decl = { ...v, type: "command", inputs: inferDecls(v.inputs), outputs: inferDecls(v.outputs) };
  return parseComponent(ctx, path, decl, "command", true);
}

/** A component written inline, in a file, or registered (`azureml:name:version`, `azureml://registries/...`). */
async function loadComponentRef(
  ctx: Ctx,
  path: Path,
  v: unknown,
  expected: Component["type"],
): Promise<Component | undefined> {
  const where = ctx.src.valueAt(path);
  if (isObj(v)) return parseComponentAsync(ctx, path, v, expected);
  if (typeof v !== "string" || v.trim() === "") {
    ctx.problems.add(
      "component is neither a mapping nor a reference",
      where,
      "Write the component inline, or `./component.yml`, or `azureml:name:version`",
    );
    return undefined;
  }
  if (v.startsWith("azureml:")) {
    return {
      origin: { kind: "registered", ref: v },
      type: expected,
      environmentVariables: {},
      inputs: {},
      outputs: {},
      isDeterministic: true,
      raw: {},
      where,
    };
  }
  const file = resolve(ctx.baseDir, v.replace(/^file:/, ""));
  if (ctx.stack.includes(file)) {
    ctx.problems.add(`component '${v}' includes itself`, where, "Break the loop of pipeline components");
    return undefined;
  }
  let pending = ctx.cache.get(file);
  if (!pending) {
    pending = (async () => {
      let sub: YamlSource;
      try {
        sub = await readYaml(file);
      } catch (error) {
        if (error instanceof UserError && error.location.line !== undefined) throw error;
        ctx.problems.add(`component file '${v}' does not exist`, where, `Create ${file} or fix the path`);
        return undefined;
      }
      const value = sub.value();
      if (!isObj(value)) {
        ctx.problems.add(
          "is not a component (expected a YAML mapping)",
          { file, line: 1 },
          "Write the component's type, inputs, outputs and command",
        );
        return undefined;
      }
      // A prompt flow (flow.dag.yaml or a flow run): Azure ML makes the parallel component from it.
      if (isFlowDocument(value, file))
        return flowComponent(value, file, { file, line: 1 }, (m, fix) => ctx.problems.add(m, { file, line: 1 }, fix));
      const subCtx: Ctx = { ...ctx, src: sub, baseDir: dirname(file), stack: [...ctx.stack, file] };
      const c = await parseComponentAsync(subCtx, [], value, expected);
      if (c) c.origin = { kind: "file", file };
      return c;
    })();
    ctx.cache.set(file, pending);
  }
  return pending;
}

async function parseComponentAsync(
  ctx: Ctx,
  path: Path,
  v: Obj,
  expected: Component["type"],
): Promise<Component | undefined> {
  const c = parseComponent(ctx, path, v, expected);
  if (c && c.type === "pipeline") c.jobs = await parseJobs(ctx, [...path, "jobs"], isObj(v.jobs) ? v.jobs : {});
  return c;
}

function parseComponent(
  ctx: Ctx,
  path: Path,
  v: Obj,
  expected: Component["type"],
  inlineJob = false,
): Component | undefined {
  const { src, problems } = ctx;
  const type = (v.type ?? expected) as string;
  const where = src.at(path);
  if (type !== expected && !(expected === "command" && type === "command")) {
    problems.add(
      `component type is '${type}' but the job is a ${expected} job`,
      src.valueAt([...path, "type"]),
      `Use a ${expected} component here`,
    );
    return undefined;
  }
  if (!inlineJob) {
    const keys =
      type === "pipeline"
        ? KEYS.pipelineComponent
        : type === "parallel"
          ? KEYS.parallelComponent
          : type === "spark"
            ? SPARK_COMPONENT_KEYS
            : KEYS.commandComponent;
    warnKeys(ctx, path, v, keys, `${type} component key`);
  }
  const inputs: Record<string, InputDecl> = {};
  for (const [k, d] of Object.entries(isObj(v.inputs) ? v.inputs : {})) {
    const decl = parseInputDecl(ctx, [...path, "inputs", k], d, inlineJob);
    if (decl) inputs[k] = decl;
  }
  const outputs: Record<string, OutputDecl> = {};
  for (const [k, d] of Object.entries(isObj(v.outputs) ? v.outputs : {}))
    outputs[k] = parseOutputDecl(ctx, [...path, "outputs", k], d);
  let code: string | undefined;
  if (typeof v.code === "string") {
    code = isRemoteCode(v.code) ? v.code : resolve(ctx.baseDir, v.code.replace(/^file:/, ""));
  }
  let parallelTask: ParallelTask | undefined;
  let environment = v.environment;
  if (type === "parallel") {
    const task = isObj(v.task) ? v.task : undefined;
    if (!task) {
      problems.add(
        "parallel job has no task",
        where,
        "Add `task: {type: run_function, code: ./src, entry_script: score.py}`",
      );
    } else {
      if (task.type !== undefined && task.type !== "run_function") {
        problems.add(
          `parallel task type '${String(task.type)}' is not known`,
          src.valueAt([...path, "task", "type"]),
          "Use `type: run_function`",
        );
      }
      if (typeof task.code === "string") {
        code = isRemoteCode(task.code) ? task.code : resolve(ctx.baseDir, task.code.replace(/^file:/, ""));
      }
      environment = task.environment ?? environment;
      const own = (key: string, kind: "inputs" | "outputs"): string | undefined => {
        const text = v[key] ?? task[key];
        if (text === undefined) return undefined;
        const body = typeof text === "string" ? wholeExpression(text) : undefined;
        const ref = body === undefined ? undefined : parseOwnRef(body);
        if (!ref || ref.kind !== kind || !(ref.name in (kind === "inputs" ? inputs : outputs))) {
          problems.add(
            `${key} '${String(text)}' names no ${kind === "inputs" ? "input" : "output"} of the job`,
            src.valueAt(v[key] !== undefined ? [...path, key] : [...path, "task", key]),
            `Write \`\${{${kind}.<name>}}\` with a declared ${kind === "inputs" ? "input" : "output"}`,
          );
          return undefined;
        }
        return ref.name;
      };
      const inputData = own("input_data", "inputs");
      if (typeof task.entry_script !== "string") {
        problems.add(
          "parallel task has no entry_script",
          src.at([...path, "task"]),
          "Name the script with init() and run(mini_batch), such as `entry_script: score.py`",
        );
      } else if (inputData === undefined && v.input_data === undefined) {
        problems.add(
          "parallel job has no input_data",
          where,
          "Set `input_data: ${{inputs.<name>}}` to the input to split into mini-batches",
        );
      } else if (inputData !== undefined) {
        parallelTask = {
          entryScript: task.entry_script,
          inputData,
          miniBatchSize:
            typeof v.mini_batch_size === "number" || typeof v.mini_batch_size === "string"
              ? v.mini_batch_size
              : undefined,
          programArguments: typeof task.program_arguments === "string" ? task.program_arguments : undefined,
          appendRowTo: own("append_row_to", "outputs"),
          errorThreshold:
            typeof v.error_threshold === "number"
              ? v.error_threshold
              : typeof v.mini_batch_error_threshold === "number"
                ? v.mini_batch_error_threshold
                : -1,
        };
      }
    }
  }
  if (type === "command" && typeof v.command !== "string") {
    problems.add(
      "command component has no command",
      where,
      "Set `command:` to what the step runs, such as `python train.py --data ${{inputs.data}}`",
    );
  }
  return {
    origin: { kind: "inline" },
    type: type as Component["type"],
    name: optString(ctx, [...path, "name"], inlineJob ? undefined : v.name),
    version: v.version === undefined || inlineJob ? undefined : String(v.version),
    displayName: optString(ctx, [...path, "display_name"], v.display_name),
    description: optString(ctx, [...path, "description"], v.description),
    command: typeof v.command === "string" ? v.command : undefined,
    commandWhere: src.valueAt([...path, "command"]),
    code,
    environment,
    environmentVariables: inlineJob ? {} : stringMap(ctx, [...path, "environment_variables"], v.environment_variables),
    inputs,
    outputs,
    isDeterministic: optBool(ctx, [...path, "is_deterministic"], v.is_deterministic) ?? true,
    parallel: type === "parallel" ? v : undefined,
    parallelTask,
    // An inline job's component is what Azure ML registers for it: only the component's own fields.
    raw: inlineJob ? pick(v, INLINE_COMPONENT_FIELDS) : { ...v, ...(code && !code.includes(":") ? { code } : {}) },
    where,
  };
}

const INLINE_COMPONENT_FIELDS = [
  "type",
  "command",
  "code",
  "environment",
  // The SDK's anonymous component keeps an inline job's resources too (recording
  // test_pipeline_job_serverless_compute_with_job_tier: componentSpec.resources.instance_type).
  "resources",
  "inputs",
  "outputs",
  "task",
  "is_deterministic",
];

function pick(v: Obj, keys: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of keys) if (v[k] !== undefined) out[k] = v[k];
  return out;
}

function parseInputDecl(ctx: Ctx, path: Path, d: unknown, inlineJob: boolean): InputDecl | undefined {
  const where = ctx.src.at(path);
  if (!isObj(d)) {
    ctx.problems.add(
      `input '${String(path.at(-1))}' has no type`,
      where,
      `Declare it as a mapping with \`type:\` (${[...LITERAL_TYPES, ...DATA_TYPES].join(", ")})`,
    );
    return undefined;
  }
  if (!inlineJob) checkKeys(ctx, path, d, KEYS.inputDecl, "input key");
  const type = String(d.type ?? "");
  if (type !== INFERRED && !isIoType(type)) {
    ctx.problems.add(
      `input type '${type}' is not known`,
      ctx.src.valueAt([...path, "type"]),
      suggestion(type, [...LITERAL_TYPES, ...DATA_TYPES]),
    );
    return undefined;
  }
  const dflt = d.default;
  return {
    type: (type === INFERRED ? "string" : type) as IoType,
    optional: d.optional === true || type === INFERRED,
    default: typeof dflt === "string" || typeof dflt === "number" || typeof dflt === "boolean" ? dflt : undefined,
    description: typeof d.description === "string" ? d.description : undefined,
    enum: Array.isArray(d.enum) ? (d.enum as (string | number)[]) : undefined,
    min: typeof d.min === "number" ? d.min : undefined,
    max: typeof d.max === "number" ? d.max : undefined,
    where,
    ...(type === INFERRED ? { inferred: true } : {}),
  };
}

function isIoType(t: string): t is IoType {
  return (LITERAL_TYPES as readonly string[]).includes(t) || isDataType(t);
}

function parseOutputDecl(ctx: Ctx, path: Path, d: unknown): OutputDecl {
  const where = ctx.src.at(path);
  if (d === null || d === undefined) return { type: "uri_folder", where };
  if (typeof d === "string" && wholeExpression(d)) return { type: "uri_folder", where };
  if (!isObj(d)) {
    ctx.problems.add(
      `output '${String(path.at(-1))}' is not a mapping`,
      where,
      "Declare outputs as `name: {type: uri_folder}` (or leave the value empty)",
    );
    return { type: "uri_folder", where };
  }
  checkKeys(ctx, path, d, KEYS.outputDecl, "output key");
  const type = String(d.type ?? "uri_folder");
  if (!isIoType(type) && type !== INFERRED) {
    ctx.problems.add(
      `output type '${type}' is not known`,
      ctx.src.valueAt([...path, "type"]),
      suggestion(type, [...DATA_TYPES, ...LITERAL_TYPES]),
    );
  }
  return {
    type: (isIoType(type) ? type : "uri_folder") as IoType,
    mode: typeof d.mode === "string" ? d.mode : undefined,
    description: typeof d.description === "string" ? d.description : undefined,
    where,
    ...(typeof d.path === "string" ? { path: d.path } : {}),
  };
}

function parsePipelineInput(ctx: Ctx, path: Path, v: unknown): PipelineInput {
  const where = ctx.src.at(path);
  if (v === null || v === undefined) return { kind: "literal", value: undefined, where };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
    if (typeof v === "string" && hasExpression(v)) {
      ctx.problems.add(
        "a pipeline input cannot refer to `${{...}}`",
        ctx.src.valueAt(path),
        "Give a value, or a data input with `type` and `path`",
      );
    }
    return { kind: "literal", value: v, where };
  }
  if (!isObj(v)) {
    ctx.problems.add(
      `input '${String(path.at(-1))}' is not a value or a mapping`,
      where,
      "Give a value, or `type:` and `path:` for data",
    );
    return { kind: "literal", value: undefined, where };
  }
  checkKeys(ctx, path, v, KEYS.dataBinding, "input key");
  const type = String(v.type ?? (v.path !== undefined ? "uri_folder" : "string"));
  if (isDataType(type)) {
    return {
      kind: "data",
      type,
      path: v.path === undefined ? undefined : String(v.path),
      baseDir: ctx.baseDir,
      mode: optString(ctx, [...path, "mode"], v.mode),
      where,
    };
  }
  if ((LITERAL_TYPES as readonly string[]).includes(type)) {
    const value = v.value ?? v.default;
    return {
      kind: "literal",
      type: type as LiteralType,
      value: value === undefined || value === null ? undefined : (value as string | number | boolean),
      where,
    };
  }
  ctx.problems.add(
    `input type '${type}' is not known`,
    ctx.src.valueAt([...path, "type"]),
    suggestion(type, [...LITERAL_TYPES, ...DATA_TYPES]),
  );
  return { kind: "literal", value: undefined, where };
}

function parseBinding(ctx: Ctx, path: Path, v: unknown): Binding {
  const where = ctx.src.valueAt(path);
  if (v === null || v === undefined) return { kind: "empty", where };
  if (typeof v === "string") {
    const body = wholeExpression(v);
    if (body !== undefined) return refBinding(ctx, path, body, v, where);
    // Text around references (`extra_${{parent.inputs.s}}`, `${{parent.inputs.folder}}/file.csv`) is
    // accepted by azure-ai-ml and resolved by the service (its test_configs/dsl_pipeline/
    // data_binding_expression/input_*_concatenate.yml); each reference must still be one we know.
    for (const e of findExpressions(v)) {
      if (!parseRef(e.body) && !isParentMeta(e.body))
        ctx.problems.add(`'${e.text}' is not a reference this format knows`, where, refFix(e.body));
    }
    return { kind: "literal", value: v, where };
  }
  if (typeof v === "number" || typeof v === "boolean") return { kind: "literal", value: v, where };
  if (!isObj(v)) {
    ctx.problems.add(
      `input '${String(path.at(-1))}' is not a value, a reference or a mapping`,
      where,
      "Give a value, `${{parent.inputs.x}}`, or `type:` and `path:`",
    );
    return { kind: "empty", where };
  }
  checkKeys(ctx, path, v, KEYS.dataBinding, "input key");
  const type = v.type === undefined ? undefined : String(v.type);
  if (type !== undefined && !isIoType(type)) {
    ctx.problems.add(
      `input type '${type}' is not known`,
      ctx.src.valueAt([...path, "type"]),
      suggestion(type, [...LITERAL_TYPES, ...DATA_TYPES]),
    );
  }
  const mode = typeof v.mode === "string" ? v.mode : undefined;
  if (typeof v.path === "string") {
    const body = wholeExpression(v.path);
    if (body !== undefined) {
      const b = refBinding(ctx, [...path, "path"], body, v.path, ctx.src.valueAt([...path, "path"]));
      return b.kind === "ref" ? { ...b, type: type as IoType | undefined, mode } : b;
    }
    return {
      kind: "data",
      type: (isDataType(type) ? type : "uri_folder") as DataInputType,
      path: v.path,
      baseDir: ctx.baseDir,
      mode,
      where,
    };
  }
  const value = v.value ?? v.default;
  if (typeof value === "string" && wholeExpression(value))
    return refBinding(ctx, [...path, "value"], wholeExpression(value)!, value, where);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return { kind: "literal", value, where };
  return { kind: "empty", where };
}

/**
 * `${{parent.name}}` and the like: run metadata Azure ML fills in (azure-ai-ml's
 * test_configs/dsl_pipeline/data_binding_expression/input_literal_meta.yml). Kept as text; the plan
 * says the local backend cannot resolve it.
 */
const isParentMeta = (body: string) =>
  /^parent\.[A-Za-z_][A-Za-z0-9_]*$/.test(body) && !/^parent\.(inputs|outputs|jobs)$/.test(body);

function refBinding(ctx: Ctx, _path: Path, body: string, text: string, where: ErrorLocation): Binding {
  const ref = parseRef(body);
  if (!ref && isParentMeta(body)) return { kind: "literal", value: text, where };
  if (!ref) {
    ctx.problems.add(`'${text}' is not a reference this format knows`, where, refFix(body));
    return { kind: "empty", where };
  }
  return { kind: "ref", ref, text, where };
}

/** Fix text for a misspelled `${{...}}`: the corrected reference when the head is close to a known one. */
export function refFix(body: string): string {
  const forms = "${{parent.inputs.<name>}}, ${{parent.jobs.<job>.outputs.<name>}} or ${{parent.outputs.<name>}}";
  const parts = body.split(".");
  const head = parts.slice(0, 2).join(".");
  const near = closest(head, ["parent.inputs", "parent.jobs", "parent.outputs", "search_space"]);
  if (near && near !== head) return `Did you mean '\${{${[near, ...parts.slice(2)].join(".")}}}'?`;
  return `Write ${forms}`;
}

function parseOutputBinding(ctx: Ctx, path: Path, v: unknown): OutputBinding {
  const where = ctx.src.valueAt(path);
  if (v === null || v === undefined) return { where };
  if (typeof v === "string") {
    const body = wholeExpression(v);
    const ref = body === undefined ? undefined : parseRef(body);
    if (ref?.scope === "parent.outputs") return { parentOutput: ref.name, where };
    ctx.problems.add(
      `output '${String(path.at(-1))}' is bound to '${v}'`,
      where,
      "Bind a job output to `${{parent.outputs.<name>}}`, or give `type`/`mode`/`path`",
    );
    return { where };
  }
  if (!isObj(v)) {
    ctx.problems.add(
      `output '${String(path.at(-1))}' is not a mapping`,
      where,
      "Give `type`, `mode` or `path`, or `${{parent.outputs.<name>}}`",
    );
    return { where };
  }
  checkKeys(ctx, path, v, KEYS.outputDecl, "output key");
  const out: OutputBinding = { where };
  if (typeof v.type === "string") out.type = v.type as IoType;
  if (typeof v.mode === "string") out.mode = v.mode;
  if (typeof v.path === "string") {
    const body = wholeExpression(v.path);
    const ref = body === undefined ? undefined : parseRef(body);
    if (ref?.scope === "parent.outputs") out.parentOutput = ref.name;
    else out.path = v.path;
  }
  return out;
}

function parseSweep(ctx: Ctx, path: Path, v: Obj): SweepSpec {
  const { src, problems } = ctx;
  const searchSpace: Record<string, SearchDimension> = {};
  if (!isObj(v.search_space) || Object.keys(v.search_space).length === 0) {
    problems.add(
      "sweep job has no search_space",
      src.at(path),
      "Add `search_space:` with at least one dimension, such as `lr: {type: uniform, min_value: 0.01, max_value: 0.1}`",
    );
  }
  for (const [k, d] of Object.entries(isObj(v.search_space) ? v.search_space : {})) {
    const p = [...path, "search_space", k];
    if (!isObj(d)) {
      problems.add(`search space '${k}' is not a mapping`, src.at(p), "Write `type:` and its parameters");
      continue;
    }
    const type = String(d.type ?? "");
    const params = SEARCH_TYPES[type];
    if (!params) {
      problems.add(
        `search space type '${type}' is not known`,
        src.valueAt([...p, "type"]),
        suggestion(type, Object.keys(SEARCH_TYPES)),
      );
      continue;
    }
    checkKeys(ctx, p, d, ["type", ...params], `${type} parameter`);
    const dim: SearchDimension = { type, params: {}, where: src.at(p) };
    for (const name of params) {
      if (name === "values") {
        if (!Array.isArray(d.values) || d.values.length === 0)
          problems.add(`choice '${k}' has no values`, src.at(p), "Give `values: [...]`");
        else dim.values = d.values;
      } else if (typeof d[name] !== "number") {
        problems.add(`${type} '${k}' needs a number '${name}'`, src.at(p), `Set \`${name}:\``);
      } else dim.params[name] = d[name] as number;
    }
    searchSpace[k] = dim;
  }
  const samplingRaw = v.sampling_algorithm ?? "random";
  const sampling = isObj(samplingRaw) ? samplingRaw : { type: samplingRaw };
  if (isObj(samplingRaw)) checkKeys(ctx, [...path, "sampling_algorithm"], samplingRaw, KEYS.sampling, "sampling key");
  const samplingType = String(sampling.type);
  if (!["random", "grid", "bayesian"].includes(samplingType)) {
    problems.add(
      `sampling algorithm '${samplingType}' is not known`,
      src.valueAt([...path, "sampling_algorithm"]),
      suggestion(samplingType, ["random", "grid", "bayesian"]),
    );
  }
  if (samplingType === "grid") {
    for (const [k, d] of Object.entries(searchSpace)) {
      if (d.type !== "choice")
        problems.add(
          `grid sampling needs choice dimensions; '${k}' is ${d.type}`,
          d.where,
          "Use `type: choice` with `values`, or random sampling",
        );
    }
  }
  const objective = isObj(v.objective) ? v.objective : {};
  if (!isObj(v.objective))
    problems.add(
      "sweep job has no objective",
      src.at(path),
      "Add `objective: {goal: maximize, primary_metric: <metric>}`",
    );
  else checkKeys(ctx, [...path, "objective"], objective, KEYS.objective, "objective key");
  const goal = String(objective.goal ?? "maximize");
  if (goal !== "maximize" && goal !== "minimize") {
    problems.add(
      `objective goal '${goal}' is not known`,
      src.valueAt([...path, "objective", "goal"]),
      suggestion(goal, ["maximize", "minimize"]),
    );
  }
  if (isObj(v.objective) && typeof objective.primary_metric !== "string") {
    problems.add(
      "objective has no primary_metric",
      src.at([...path, "objective"]),
      "Name the metric the trials log, such as `primary_metric: r2`",
    );
  }
  const limits = isObj(v.limits) ? v.limits : {};
  if (isObj(v.limits)) checkKeys(ctx, [...path, "limits"], limits, KEYS.limits, "limit");
  // azure-ai-ml accepts `${{parent.inputs.x}}` in a node's fields (support_data_binding_expression_for_fields
  // in _schema/pipeline/component_job.py): a bound limit is kept as written and resolved when planned.
  const bound: Record<string, string> = {};
  const limit = (key: string): number | undefined => {
    const value = limits[key];
    const body = typeof value === "string" ? wholeExpression(value) : undefined;
    if (body !== undefined && parseRef(body)?.scope === "parent.inputs") {
      bound[key] = value as string;
      return undefined;
    }
    return optNumber(ctx, [...path, "limits", key], value);
  };
  const maxTotal = limit("max_total_trials");
  let earlyTermination: SweepSpec["earlyTermination"];
  if (isObj(v.early_termination)) {
    const e = v.early_termination;
    const ep = [...path, "early_termination"];
    checkKeys(ctx, ep, e, KEYS.earlyTermination, "early termination key");
    const et = String(e.type ?? "");
    if (!["bandit", "median_stopping", "truncation_selection"].includes(et)) {
      problems.add(
        `early termination '${et}' is not known`,
        src.valueAt([...ep, "type"]),
        suggestion(et, ["bandit", "median_stopping", "truncation_selection"]),
      );
    } else {
      if (et === "bandit" && e.slack_factor === undefined && e.slack_amount === undefined) {
        problems.add(
          "bandit policy needs slack_factor or slack_amount",
          src.at(ep),
          "Set `slack_factor: 0.1`, for example",
        );
      }
      earlyTermination = {
        type: et as "bandit",
        evaluationInterval: optNumber(ctx, [...ep, "evaluation_interval"], e.evaluation_interval) ?? 1,
        delayEvaluation: optNumber(ctx, [...ep, "delay_evaluation"], e.delay_evaluation) ?? 0,
        slackFactor: optNumber(ctx, [...ep, "slack_factor"], e.slack_factor),
        slackAmount: optNumber(ctx, [...ep, "slack_amount"], e.slack_amount),
        truncationPercentage: optNumber(ctx, [...ep, "truncation_percentage"], e.truncation_percentage),
      };
    }
  }
  return {
    searchSpace,
    sampling: {
      type: samplingType as "random",
      seed: typeof sampling.seed === "number" ? sampling.seed : undefined,
      rule: typeof sampling.rule === "string" ? sampling.rule : undefined,
    },
    objective: { goal: goal as "maximize", primaryMetric: String(objective.primary_metric ?? "") },
    limits: {
      maxTotalTrials: maxTotal ?? (samplingType === "grid" ? Number.POSITIVE_INFINITY : 1000),
      maxConcurrentTrials: limit("max_concurrent_trials") ?? maxTotal ?? 1,
      timeoutSeconds: limit("timeout"),
      trialTimeoutSeconds: limit("trial_timeout"),
      ...(Object.keys(bound).length > 0 ? { bound } : {}),
    },
    earlyTermination,
  };
}

// ---- small typed readers that record problems at the value's position ----

/** The values azure-ai-ml maps to the service's (constants/_job/job.py JobTierNames, JobPriorityValues). */
const JOB_TIERS = ["spot", "basic", "standard", "premium"] as const;
const JOB_PRIORITIES = ["low", "medium", "high"] as const;

/**
 * `queue_settings` (serverless compute): azure-ai-ml refuses other keys, other values and
 * `${{...}}` bindings here (QueueSettings._validate: the values are mapped before sending).
 */
function checkQueueSettings(ctx: Ctx, path: Path, v: unknown): void {
  if (!isObj(v)) {
    ctx.problems.add("queue_settings is not a mapping", ctx.src.valueAt(path), "Write `job_tier:` and `priority:`");
    return;
  }
  checkKeys(ctx, path, v, ["job_tier", "priority"], "queue setting");
  for (const [key, allowed] of [
    ["job_tier", JOB_TIERS],
    ["priority", JOB_PRIORITIES],
  ] as const) {
    const value = v[key];
    if (value === undefined || value === null) continue;
    const text = String(value);
    if (!(allowed as readonly string[]).includes(text.toLowerCase()))
      ctx.problems.add(
        `queue_settings.${key} is '${text}'${hasExpression(text) ? " (a binding cannot be mapped to the service's value)" : ""}`,
        ctx.src.valueAt([...path, key]),
        suggestion(text, allowed),
      );
  }
}

/** Unknown keys where Azure ML accepts them (marshmallow INCLUDE): a warning with the did-you-mean. */
function warnKeys(ctx: Ctx, path: Path, v: Obj, allowed: readonly string[], what: string): void {
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k))
      ctx.problems.warn(
        `unknown ${what} '${k}' is ignored (Azure ML accepts unknown keys here)`,
        ctx.src.at([...path, k]),
        suggestion(k, allowed),
      );
  }
}

function checkKeys(ctx: Ctx, path: Path, v: Obj, allowed: readonly string[], what: string): void {
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k))
      ctx.problems.add(`unknown ${what} '${k}'`, ctx.src.at([...path, k]), suggestion(k, allowed));
  }
}

function optString(ctx: Ctx, path: Path, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string" || typeof v === "number") return String(v);
  ctx.problems.add(`'${String(path.at(-1))}' must be text`, ctx.src.valueAt(path), "Write it as a string");
  return undefined;
}

function optBool(ctx: Ctx, path: Path, v: unknown): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean") return v;
  ctx.problems.add(`'${String(path.at(-1))}' must be true or false`, ctx.src.valueAt(path), "Write true or false");
  return undefined;
}

function optNumber(ctx: Ctx, path: Path, v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  ctx.problems.add(`'${String(path.at(-1))}' must be a number`, ctx.src.valueAt(path), "Write a number, such as 3600");
  return undefined;
}

function stringMap(ctx: Ctx, path: Path, v: unknown): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) {
    ctx.problems.add(`'${String(path.at(-1))}' must be a mapping`, ctx.src.valueAt(path), "Write `key: value` pairs");
    return {};
  }
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) out[k] = x === null || x === undefined ? "" : String(x);
  return out;
}
