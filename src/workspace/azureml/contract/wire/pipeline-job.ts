/**
 * Compiles a parsed pipeline job to the Azure ML REST request that submits it
 * (PUT .../workspaces/{ws}/jobs/{name}?api-version=2024-04-01, body `{ properties }`).
 *
 * A pure function: it reads no files and calls nothing. The caller (the Azure backend):
 *   1. uploads each of `codeFolders` as a code asset and each of `dataPaths` to the default
 *      datastore, and passes resolvers mapping them to their ARM ids / URIs;
 *   2. registers `components` in order (anonymous component versions, PUT
 *      .../components/{name}/versions/{version} with `{ properties: { componentSpec, isAnonymous } }`);
 *   3. PUTs the job with `{ properties }`.
 * The top-level properties follow the REST spec's JobBase/PipelineJob (camelCase); `jobs` are
 * untyped records in the REST API, written the way the Azure ML SDK serialises nodes
 * (snake_case, `componentId`, `job_input_type`).
 */
import { createHash } from "node:crypto";
import { isAbsolute, resolve } from "node:path";
import type { Binding, Component, JobNode, OutputBinding, PipelineJob, SweepSpec } from "../../../../pipeline/model.js";
import { isRemoteCode, isRemoteUri, parseRegisteredRef } from "../../../../references.js";
import { compileAutomlNode } from "./automl-node.js";
import { flowComponentSpec } from "./flow-component.js";
import { nodeQueueSettings } from "./queue-settings.js";
import { compileSparkNode } from "./spark-node.js";

export interface AzureComponent {
  /** `azureml_anonymous` or the component's own name. */
  name: string;
  /** A content hash: identical components are registered once. */
  version: string;
  /** The component version body's `componentSpec` (the component YAML as data, code as an ARM id). */
  spec: Record<string, unknown>;
  /** The local code folder behind `spec.code`, when it has one. */
  codeFolder?: string;
}

export interface AzurePipelineRequest {
  /** The `properties` of the job PUT body (JobBase with jobType Pipeline). */
  properties: Record<string, unknown>;
  /** Components to register before the job, dependencies first. */
  components: AzureComponent[];
  /** Local code folders to upload (absolute paths), each once. */
  codeFolders: string[];
  /** Local data paths given as inputs (absolute paths), to upload. */
  dataPaths: string[];
  /**
   * Conda files named by inline environments (`environment: {image, conda_file: ./conda.yml}`),
   * absolute paths: the spec holds the path, the caller replaces it with the file's parsed content.
   */
  environmentFiles: string[];
}

export interface CompileOptions {
  /** ARM id of an uploaded code folder. Default: the folder path (a placeholder to replace). */
  codeId?: (folder: string) => string;
  /** URI of an uploaded local data path. Default: the path itself. */
  dataUri?: (path: string) => string;
  /** Id to reference a registered component version by. Default: `azureml:<name>:<version>`. */
  componentId?: (name: string, version: string) => string;
  /** Blob folder URL of an uploaded code folder (prompt flows name their flow file by it). Default: the path. */
  codeUri?: (folder: string) => string;
}

const MODES: Record<string, string> = {
  ro_mount: "ReadOnlyMount",
  rw_mount: "ReadWriteMount",
  download: "Download",
  upload: "Upload",
  direct: "Direct",
  eval_mount: "EvalMount",
  eval_download: "EvalDownload",
};

/** Input delivery modes (InputDeliveryMode): `mount` is read-only, as the SDK reads it. */
const mode = (m: string | undefined) =>
  m === undefined ? undefined : (MODES[m] ?? (m === "mount" ? "ReadOnlyMount" : m));
/** Output delivery modes (OutputDeliveryMode takes ReadWriteMount, Upload, Direct): `mount` is read-write. */
const outputMode = (m: string | undefined) =>
  m === undefined ? undefined : m === "mount" ? "ReadWriteMount" : (MODES[m] ?? m);
const duration = (seconds: number | undefined) => (seconds === undefined ? undefined : `PT${seconds}S`);

/** Drops undefined members so the body holds only what was written. */
function clean<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

export function compileForAzure(job: PipelineJob, options: CompileOptions = {}): AzurePipelineRequest {
  const codeId = options.codeId ?? ((f: string) => f);
  const dataUri = options.dataUri ?? ((p: string) => p);
  const componentId = options.componentId ?? ((n: string, v: string) => `azureml:${n}:${v}`);
  const codeUri = options.codeUri ?? ((f: string) => f);
  const components: AzureComponent[] = [];
  const codeFolders = new Set<string>();
  const dataPaths = new Set<string>();
  const environmentFiles = new Set<string>();
  const registered = new Map<Component, string>();
  const specs = new Map<Component, Record<string, unknown>>();
  /** The spec a registered local component was compiled to (after `reference`). */
  const componentSpecOf = (c: Component) => specs.get(c);

  const dataPath = (path: string, baseDir: string, type?: string) => {
    if (isRemoteUri(path)) return path;
    const abs = isAbsolute(path) ? path : resolve(baseDir, path.replace(/^file:/, ""));
    dataPaths.add(abs);
    // The SDK names an uploaded MLTable by its folder, without the trailing slash a uri_folder has.
    return type === "mltable" ? dataUri(abs).replace(/\/$/, "") : dataUri(abs);
  };

  const nodeInput = (b: Binding): Record<string, unknown> => {
    switch (b.kind) {
      case "literal":
        return { job_input_type: "literal", value: String(b.value) };
      case "ref":
        return clean({ job_input_type: "literal", value: b.text.trim(), mode: mode(b.mode) });
      case "data":
        return clean({ job_input_type: b.type, uri: dataPath(b.path, b.baseDir, b.type), mode: mode(b.mode) });
      case "empty":
        return { job_input_type: "literal", value: "" };
    }
  };

  const nodeOutput = (o: OutputBinding): Record<string, unknown> => {
    if (o.parentOutput) return { type: "literal", value: `\${{parent.outputs.${o.parentOutput}}}` };
    return clean({ job_output_type: o.type ?? "uri_folder", mode: outputMode(o.mode), uri: o.path });
  };
  /** The SDK leaves out a node output written with no value (`score_output:`): the component's declaration holds. */
  const boundOutputs = (outputs: Record<string, OutputBinding>): Record<string, unknown> | undefined => {
    const out: Record<string, unknown> = {};
    for (const [k, o] of Object.entries(outputs)) {
      if (o.parentOutput || o.type !== undefined || o.mode !== undefined || o.path !== undefined)
        out[k] = nodeOutput(o);
    }
    return Object.keys(out).length ? out : undefined;
  };

  /** Registers (once) a component and returns the id nodes reference it by. */
  const reference = (c: Component, node?: JobNode): string => {
    if (c.origin.kind === "registered") {
      // `azureml:<name>:<version>`: the SDK sends its ARM id.
      const ref = parseRegisteredRef(c.origin.ref);
      return ref?.version ? componentId(ref.name, ref.version) : c.origin.ref;
    }
    const known = registered.get(c);
    if (known) return known;
    const spec = componentSpec(c, node);
    const version = createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 32);
    // Like the SDK, a component written in (or beside) the job is registered anonymously, whatever its name.
    const name = "azureml_anonymous";
    const id = componentId(name, version);
    registered.set(c, id);
    specs.set(c, spec);
    if (!components.some((x) => x.name === name && x.version === version)) {
      components.push(clean({ name, version, spec, codeFolder: c.code && !isRemoteCode(c.code) ? c.code : undefined }));
    }
    return id;
  };

  const componentSpec = (c: Component, node?: JobNode): Record<string, unknown> => {
    if (c.raw.type === "promptflow_parallel" && c.code) {
      codeFolders.add(c.code);
      return flowComponentSpec(c, codeId(c.code), codeUri(c.code));
    }
    const spec: Record<string, unknown> = { ...c.raw };
    // The SDK's anonymous form: its own name and version, deterministic unless told, defaults as strings.
    spec.name = "azureml_anonymous";
    spec.version = "1";
    spec.is_deterministic = c.isDeterministic;
    spec.type = c.type;
    spec._source = node ? sourceOf(node) : "YAML.JOB";
    if (isObj(spec.inputs)) spec.inputs = stringDefaults(spec.inputs);
    // An inline job's untyped output is a folder, as the SDK sends it, never the parser's placeholder
    // (the REST spec refuses it: found by the conformance run on azureml-examples' hello-pipeline-io.yml).
    if (isObj(spec.outputs)) {
      const outputs: Record<string, unknown> = { ...spec.outputs };
      for (const [k, o] of Object.entries(outputs))
        if (isObj(o) && o.type === "__inferred__") outputs[k] = { ...o, type: c.outputs[k]?.type ?? "uri_folder" };
      spec.outputs = outputs;
    }
    if (c.type === "command") {
      // The SDK loads these through its schema: known keys only, the distribution type in lower case.
      if (isObj(spec.distribution)) spec.distribution = knownDistribution(spec.distribution);
      if (isObj(spec.resources)) spec.resources = pick(spec.resources, RESOURCE_KEYS);
    }
    if (node && c.raw.inputs !== undefined && Object.values(c.inputs).some((d) => d.inferred)) {
      // An inline job declares no input types: take them from what each input is bound to.
      spec.inputs = Object.fromEntries(Object.keys(c.inputs).map((k) => [k, inferredDecl(job, node.inputs[k])]));
      // An output bound to a pipeline output takes that output's mode, as the SDK writes it (`direct`).
      const parentMode = (k: string) => {
        const to = node.outputs[k]?.parentOutput;
        return to ? job.outputs[to]?.mode : undefined;
      };
      spec.outputs = Object.fromEntries(
        Object.entries(c.outputs).map(([k, d]) => [k, clean({ type: d.type, mode: d.mode ?? parentMode(k) })]),
      );
      // The SDK leaves `outputs` out of a component that has none.
      if (Object.keys(c.outputs).length === 0) delete spec.outputs;
    }
    if (c.code) {
      // The SDK names uploaded code as `azureml:<code version id>`; a parallel component's code sits in its task.
      let code = c.code;
      if (!isRemoteCode(c.code)) {
        codeFolders.add(c.code);
        code = `azureml:${codeId(c.code)}`.replace(/^azureml:azureml:/, "azureml:");
      }
      if (c.type === "parallel" && isObj(spec.task)) {
        spec.task = { ...spec.task, code };
        delete spec.code;
      } else spec.code = code;
    }
    if (c.type === "pipeline") {
      spec.jobs = compileJobs(c.jobs ?? {});
      // The SDK registers a pipeline component as loaded from its YAML, leaving determinism to the service
      // (recording pipeline_job/test_pipeline_component_job).
      spec._source = "YAML.COMPONENT";
      // ...and says it was not made from a job.
      spec.sourceJobId = null;
      delete spec.is_deterministic;
    }
    if (isObj(spec.environment) && typeof spec.environment.conda_file === "string") {
      // Relative to the YAML file the component is written in.
      const conda = resolve(c.where.file ?? job.file, "..", spec.environment.conda_file);
      environmentFiles.add(conda);
      spec.environment = { ...spec.environment, conda_file: conda };
    }
    const env = spec.environment;
    if (isObj(env) && isObj(env.build) && typeof env.build.path === "string" && !isRemoteCode(env.build.path)) {
      // A Docker build context, relative to the component's YAML file; the backend uploads it.
      const path = resolve(c.where.file ?? job.file, "..", env.build.path);
      spec.environment = { ...env, build: { ...env.build, path } };
    }
    return spec;
  };

  const compileNode = (node: JobNode): Record<string, unknown> => {
    // AutoML nodes are not component nodes: the SDK sends them as written (see automl-node.ts).
    if (node.type === "automl") return compileAutomlNode(node, { dataPath, output: nodeOutput });
    const raw = node.raw;
    const inputs: Record<string, unknown> = {};
    for (const [k, b] of Object.entries(node.inputs)) inputs[k] = nodeInput(b);
    const base = clean({
      name: node.name,
      type: node.type,
      display_name: node.displayName,
      computeId: node.compute,
      // Like outputs, a node with no inputs sends none.
      inputs: Object.keys(inputs).length ? inputs : undefined,
      outputs: boundOutputs(node.outputs),
      environment_variables: Object.keys(node.environmentVariables).length ? node.environmentVariables : undefined,
      identity: node.identity ? identity(node.identity) : undefined,
      // The SDK marks where a node's component came from: the YAML, or the workspace.
      _source: sourceOf(node),
    });
    switch (node.type) {
      case "command":
        return clean({
          ...base,
          componentId: reference(node.component, node),
          // The YAML already uses the SDK's snake_case names (instance_type, shm_size, ...): sent as written.
          resources: node.resources ? { ...node.resources } : undefined,
          distribution: node.distribution ? distribution(node.distribution) : undefined,
          queue_settings: nodeQueueSettings(raw.queue_settings, "command"),
          limits:
            node.timeoutSeconds !== undefined
              ? { job_limits_type: "Command", timeout: duration(node.timeoutSeconds) }
              : undefined,
        });
      case "sweep":
        return clean({
          ...base,
          // The SDK's sweep node holds its component under `trial`.
          trial: { componentId: reference(node.component, node) },
          ...sweep(node.sweep!, raw),
          queue_settings: nodeQueueSettings(raw.queue_settings, "sweep"),
          resources: node.resources ? { ...node.resources } : undefined,
        });
      case "pipeline":
        return clean({
          ...base,
          componentId: reference(node.component),
          settings: isObj(raw.settings) ? raw.settings : undefined,
        });
      case "parallel": {
        const extra: Record<string, unknown> = {};
        for (const k of [
          "mini_batch_size",
          "mini_batch_error_threshold",
          "error_threshold",
          "logging_level",
          "max_concurrency_per_instance",
          "retry_settings",
          "input_data",
          "partition_keys",
        ]) {
          if (raw[k] !== undefined) extra[k] = raw[k];
        }
        if (isObj(raw.task))
          extra.task = {
            ...raw.task,
            ...(typeof raw.task.code === "string" && !isRemoteCode(raw.task.code)
              ? { code: codeId(resolve(job.baseDir, raw.task.code)) }
              : {}),
          };
        if (
          typeof raw.task === "object" &&
          isObj(raw.task) &&
          typeof raw.task.code === "string" &&
          !isRemoteCode(raw.task.code)
        )
          codeFolders.add(resolve(job.baseDir, raw.task.code));
        // Like the SDK, a parallel node from a local component carries the component's task, resources and
        // input_data (the task's code as the uploaded code version); a number of files is sent as a number.
        const local = raw.component !== undefined && node.component.origin.kind !== "registered";
        const spec = local ? reference(node.component) && componentSpecOf(node.component) : undefined;
        const fromComponent: Record<string, unknown> = {};
        if (spec) {
          for (const k of ["task", "resources", "input_data"]) if (spec[k] !== undefined) fromComponent[k] = spec[k];
        }
        if (typeof extra.mini_batch_size === "string" && /^\d+$/.test(extra.mini_batch_size))
          extra.mini_batch_size = Number(extra.mini_batch_size);
        return clean({
          ...base,
          ...fromComponent,
          ...extra,
          componentId: raw.component !== undefined ? reference(node.component) : undefined,
          resources: node.resources ? { ...node.resources } : (fromComponent.resources as undefined),
        });
      }
      case "spark":
        // Inline or from a file, the spark job's code lives in its component (uploaded with it).
        return compileSparkNode(node, base, reference(node.component, node));
    }
  };

  const compileJobs = (jobs: Record<string, JobNode>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [name, node] of Object.entries(jobs)) out[name] = compileNode(node);
    return out;
  };

  // A job made of one pipeline component references it; its jobs travel inside the component.
  const pipelineComponentId = job.component ? reference(job.component) : undefined;
  const jobs = job.component ? {} : compileJobs(job.jobs);
  const inputs: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(job.inputs)) {
    if (input.kind === "literal") {
      if (input.value !== undefined) inputs[name] = { jobInputType: "literal", value: String(input.value) };
    } else if (input.path !== undefined) {
      inputs[name] = clean({
        jobInputType: input.type,
        uri: dataPath(input.path, input.baseDir, input.type),
        mode: mode(input.mode),
      });
    }
  }
  const outputs: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(job.outputs)) {
    outputs[name] = clean({ jobOutputType: o.type, mode: outputMode(o.mode), uri: o.path });
  }
  // The SDK marks settings written in a YAML file.
  const settings: Record<string, unknown> = {
    ...job.settings.raw,
    // The SDK's mark for a job made of a component (recording test_pipeline_component_job).
    _source: job.component ? "REMOTE.WORKSPACE.JOB" : "YAML.JOB",
  };
  const properties = clean({
    jobType: "Pipeline",
    displayName: job.displayName ?? job.component?.displayName,
    experimentName: job.experimentName,
    description: job.description,
    // The SDK always sends tags and properties (JobBase.properties: the user's, kept as written).
    tags: job.tags,
    properties: isStringRecord(job.raw.properties) ? job.raw.properties : {},
    isArchived: false,
    computeId: typeof job.raw.compute === "string" ? job.raw.compute : undefined,
    componentId: pipelineComponentId,
    settings,
    inputs,
    outputs,
    jobs,
  });
  return {
    properties,
    components,
    codeFolders: [...codeFolders],
    dataPaths: [...dataPaths],
    environmentFiles: [...environmentFiles],
  };
}

/** The declaration an inline job's input implies: its literal's type, the referenced input's type, or a folder. */
function inferredDecl(job: PipelineJob, b: Binding | undefined): Record<string, unknown> {
  let type = "string";
  if (b?.kind === "literal")
    type =
      typeof b.value === "number"
        ? Number.isInteger(b.value)
          ? "integer"
          : "number"
        : typeof b.value === "boolean"
          ? "boolean"
          : "string";
  else if (b?.kind === "data") type = b.type;
  else if (b?.kind === "ref" && b.type) type = b.type;
  else if (b?.kind === "ref" && b.ref.scope === "parent.jobs") type = "uri_folder";
  else if (b?.kind === "ref" && b.ref.scope === "parent.inputs") {
    const p = job.inputs[b.ref.name];
    type =
      p?.kind === "data"
        ? p.type
        : (p?.type ?? (typeof p?.value === "number" ? "number" : typeof p?.value === "boolean" ? "boolean" : "string"));
  }
  if (b === undefined || b.kind === "empty") return { type, optional: true };
  // An input bound to a pipeline input with a delivery mode keeps that mode, as the SDK writes it (`direct`).
  const bound = b.kind === "ref" && b.ref.scope === "parent.inputs" ? job.inputs[b.ref.name] : undefined;
  const mode = b.kind === "data" ? b.mode : bound?.kind === "data" ? bound.mode : undefined;
  return mode === undefined ? { type } : { type, mode };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function identity(i: Record<string, unknown>): Record<string, unknown> {
  const types: Record<string, string> = {
    aml_token: "AMLToken",
    managed: "Managed",
    managed_identity: "Managed",
    user_identity: "UserIdentity",
  };
  const { type, ...rest } = i;
  return { identity_type: types[String(type)] ?? String(type), ...rest };
}

/** Where the SDK says a node's component came from: the workspace, a component file, or the job's YAML. */
function sourceOf(node: JobNode): string {
  if (node.component.origin.kind === "registered") return "REMOTE.WORKSPACE.COMPONENT";
  const written = node.raw.component ?? node.raw.trial;
  // `component: ./c.yml` is loaded as a component file; `file:./c.yml` and inline jobs as part of the job.
  return node.component.origin.kind === "file" && typeof written === "string" && !written.startsWith("file:")
    ? "YAML.COMPONENT"
    : "YAML.JOB";
}

/** The keys each distribution type has in the SDK's schema (others are dropped with a warning by the SDK). */
const DISTRIBUTION_KEYS: Record<string, string[]> = {
  mpi: ["process_count_per_instance"],
  pytorch: ["process_count_per_instance"],
  tensorflow: ["parameter_server_count", "worker_count"],
  ray: [
    "port",
    "address",
    "include_dashboard",
    "dashboard_port",
    "head_node_additional_args",
    "worker_node_additional_args",
  ],
};
const RESOURCE_KEYS = [
  "instance_count",
  "instance_type",
  "properties",
  "docker_args",
  "shm_size",
  "max_instance_count",
  "locations",
];

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
}

/** A component's distribution as the SDK writes it: lower-case type, its known keys. */
function knownDistribution(d: Record<string, unknown>): Record<string, unknown> {
  const type = String(d.type).toLowerCase();
  const keys = DISTRIBUTION_KEYS[type];
  return keys ? { type, ...pick(d, keys) } : d;
}

/** A node's distribution as the SDK sends it: `distribution_type`, known keys, TensorFlow's parameter servers 0 unless given. */
function distribution(d: Record<string, unknown>): Record<string, unknown> {
  const types: Record<string, string> = { mpi: "Mpi", pytorch: "PyTorch", tensorflow: "TensorFlow", ray: "Ray" };
  const kind = String(d.type).toLowerCase();
  const keys = DISTRIBUTION_KEYS[kind];
  const { type, ...rest } = d;
  const fields = keys ? pick(rest, keys) : rest;
  if (kind === "tensorflow") fields.parameter_server_count ??= 0;
  return { distribution_type: types[kind] ?? String(type), ...fields };
}

const POLICY: Record<string, string> = {
  bandit: "Bandit",
  median_stopping: "MedianStopping",
  truncation_selection: "TruncationSelection",
};

/**
 * A sweep node's settings in the SDK's wire form: `search_space` entries as written
 * (`{type: choice, values: [...]}`, bindings kept), `sampling_algorithm` as its name, goal in lower
 * case, `limits` as written. A sampling algorithm with a seed or rule keeps the object form the
 * REST API also takes.
 */
function sweep(s: SweepSpec, raw: Record<string, unknown>): Record<string, unknown> {
  const searchSpace: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(s.searchSpace)) {
    const written = isObj(raw.search_space) ? raw.search_space[k] : undefined;
    searchSpace[k] = isObj(written) ? { ...written } : clean({ type: d.type, values: d.values, ...d.params });
  }
  const samplingType = { random: "Random", grid: "Grid", bayesian: "Bayesian" }[s.sampling.type];
  const sampling =
    s.sampling.seed === undefined && s.sampling.rule === undefined
      ? s.sampling.type
      : clean({ sampling_algorithm_type: samplingType, seed: s.sampling.seed, rule: s.sampling.rule });
  const et = s.earlyTermination;
  return clean({
    search_space: searchSpace,
    sampling_algorithm: sampling,
    objective: { goal: s.objective.goal, primary_metric: s.objective.primaryMetric },
    limits: isObj(raw.limits)
      ? { ...raw.limits }
      : clean({
          max_total_trials: Number.isFinite(s.limits.maxTotalTrials) ? s.limits.maxTotalTrials : undefined,
          max_concurrent_trials: s.limits.maxConcurrentTrials,
        }),
    early_termination: et
      ? clean({
          policy_type: POLICY[et.type],
          evaluation_interval: et.evaluationInterval,
          delay_evaluation: et.delayEvaluation,
          slack_factor: et.slackFactor,
          slack_amount: et.slackAmount,
          truncation_percentage: et.truncationPercentage,
        })
      : undefined,
  });
}

/** Input defaults as strings, the form the SDK sends (and the service returns). */
function stringDefaults(inputs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(inputs)) {
    out[k] = isObj(d) && d.default !== undefined && d.default !== null ? { ...d, default: String(d.default) } : d;
  }
  return out;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string")
  );
}
