/**
 * The parsed form of an Azure ML pipeline job YAML (the file `az ml job create -f` takes).
 * Both backends consume it: the local runner executes it, the Azure backend compiles it to REST
 * (src/workspace/azureml/contract/wire/pipeline-job.ts). Positions point back into the YAML for every error.
 */
import type { ErrorLocation } from "../errors.js";

export type LiteralType = "integer" | "number" | "string" | "boolean";
export type DataInputType = "uri_file" | "uri_folder" | "mltable" | "mlflow_model" | "custom_model" | "triton_model";
export type IoType = LiteralType | DataInputType;

export const LITERAL_TYPES: readonly LiteralType[] = ["integer", "number", "string", "boolean"];
export const DATA_TYPES: readonly DataInputType[] = [
  "uri_file",
  "uri_folder",
  "mltable",
  "mlflow_model",
  "custom_model",
  "triton_model",
];

export function isDataType(t: string | undefined): t is DataInputType {
  return t !== undefined && (DATA_TYPES as readonly string[]).includes(t);
}

/** A component's declared input (`inputs:` of a component file). */
export interface InputDecl {
  type: IoType;
  optional: boolean;
  default?: string | number | boolean;
  description?: string;
  enum?: (string | number)[];
  min?: number;
  max?: number;
  /** Declared implicitly by an inline job binding it to a reference: its type comes from the binding. */
  inferred?: boolean;
  where: ErrorLocation;
}

export interface OutputDecl {
  type: IoType;
  mode?: string;
  description?: string;
  /** An explicit destination (Azure: a datastore URI). */
  path?: string;
  where: ErrorLocation;
}

/** A reference written as `${{...}}`. */
export type Ref =
  | { scope: "parent.inputs"; name: string }
  | { scope: "parent.outputs"; name: string }
  | { scope: "parent.jobs"; job: string; output: string }
  | { scope: "search_space"; name: string };

/** What a job's input is bound to. */
export type Binding =
  | { kind: "literal"; value: string | number | boolean; where: ErrorLocation }
  | {
      kind: "data";
      type: DataInputType;
      /** As written: a local path (resolved against `baseDir`), `azureml:...`, or a web URL. */
      path: string;
      baseDir: string;
      mode?: string;
      where: ErrorLocation;
    }
  | { kind: "ref"; ref: Ref; text: string; type?: IoType; mode?: string; where: ErrorLocation }
  | { kind: "empty"; where: ErrorLocation };

/** What a job's output is bound to: a pipeline output, or its own folder (with optional type/mode/path). */
export interface OutputBinding {
  /** Set when written `${{parent.outputs.<name>}}`. */
  parentOutput?: string;
  type?: IoType;
  mode?: string;
  /** An explicit destination path (Azure: a datastore URI). */
  path?: string;
  where: ErrorLocation;
}

/** A component: a command (with code and environment), or a pipeline of jobs. */
export interface Component {
  /** Where it came from: `inline`, a file, or a registered reference (`azureml:name:version`). */
  origin: { kind: "inline" } | { kind: "file"; file: string } | { kind: "registered"; ref: string };
  type: "command" | "pipeline" | "parallel" | "spark" | "automl";
  name?: string;
  version?: string;
  displayName?: string;
  description?: string;
  command?: string;
  /** Where the command is written, for errors inside it. */
  commandWhere?: ErrorLocation;
  /** Absolute path of the code folder (or file) the command runs in. */
  code?: string;
  environment?: unknown;
  environmentVariables: Record<string, string>;
  inputs: Record<string, InputDecl>;
  outputs: Record<string, OutputDecl>;
  isDeterministic: boolean;
  /** Pipeline components: their jobs. */
  jobs?: Record<string, JobNode>;
  /** Parallel components: the `task` section, `mini_batch_size`, etc. as written. */
  parallel?: Record<string, unknown>;
  /** Parallel components with a `run_function` task, parsed. */
  parallelTask?: ParallelTask;
  /** The component as written (for compilation), with code resolved. */
  raw: Record<string, unknown>;
  where: ErrorLocation;
}

export interface ParallelTask {
  entryScript: string;
  /** The input whose files are split into mini-batches (from `input_data: ${{inputs.<name>}}`). */
  inputData: string;
  /** Files per mini-batch (a number) or bytes per mini-batch (`10kb`, `1mb`). */
  miniBatchSize?: string | number;
  programArguments?: string;
  /** The output a row per `run()` result is appended to (from `append_row_to: ${{outputs.<name>}}`). */
  appendRowTo?: string;
  /** Failed mini-batches tolerated before the step fails (-1: any number). */
  errorThreshold: number;
}

export type Distribution = Record<string, unknown>;

export interface SearchDimension {
  type: string;
  /** `choice` values. */
  values?: unknown[];
  params: Record<string, number>;
  where: ErrorLocation;
}

export interface SweepSpec {
  searchSpace: Record<string, SearchDimension>;
  sampling: { type: "random" | "grid" | "bayesian"; seed?: number; rule?: string };
  objective: { goal: "maximize" | "minimize"; primaryMetric: string };
  limits: {
    maxTotalTrials: number;
    maxConcurrentTrials: number;
    timeoutSeconds?: number;
    trialTimeoutSeconds?: number;
    /** Limits written as `${{parent.inputs.x}}`, by YAML key (`max_total_trials`): the text as written. */
    bound?: Record<string, string>;
  };
  earlyTermination?: {
    type: "bandit" | "median_stopping" | "truncation_selection";
    evaluationInterval: number;
    delayEvaluation: number;
    slackFactor?: number;
    slackAmount?: number;
    truncationPercentage?: number;
  };
}

/** One job of a pipeline (a node of the DAG). */
export interface JobNode {
  name: string;
  type: "command" | "sweep" | "pipeline" | "parallel" | "spark" | "automl";
  displayName?: string;
  /** The component it runs (for sweeps: the trial). */
  component: Component;
  inputs: Record<string, Binding>;
  outputs: Record<string, OutputBinding>;
  environmentVariables: Record<string, string>;
  compute?: string;
  resources?: Record<string, unknown>;
  distribution?: Distribution;
  identity?: Record<string, unknown>;
  timeoutSeconds?: number;
  sweep?: SweepSpec;
  /** The node as written, for compilation. */
  raw: Record<string, unknown>;
  where: ErrorLocation;
}

export interface PipelineSettings {
  defaultCompute?: string;
  defaultDatastore?: string;
  continueOnStepFailure: boolean;
  forceRerun: boolean;
  raw: Record<string, unknown>;
}

/** A pipeline-level input: a literal or data. */
export type PipelineInput =
  | { kind: "literal"; type?: LiteralType; value: string | number | boolean | undefined; where: ErrorLocation }
  | { kind: "data"; type: DataInputType; path?: string; baseDir: string; mode?: string; where: ErrorLocation };

export interface PipelineOutput {
  type: IoType;
  mode?: string;
  path?: string;
  where: ErrorLocation;
}

export interface PipelineJob {
  /** Absolute path of the YAML file it was read from. */
  file: string;
  /** The document as written (after `set` overrides), keys preserved. */
  raw: Record<string, unknown>;
  /** Folder relative paths resolve against (the YAML's folder). */
  baseDir: string;
  displayName?: string;
  experimentName?: string;
  description?: string;
  tags: Record<string, string>;
  inputs: Record<string, PipelineInput>;
  outputs: Record<string, PipelineOutput>;
  settings: PipelineSettings;
  /**
   * A job made of one pipeline component (top-level `component:`). `jobs` then holds the
   * component's jobs (its inputs and outputs are the job's), so the plan and the local runner see
   * them; Azure ML is sent the component's id instead.
   */
  component?: Component;
  jobs: Record<string, JobNode>;
  where: ErrorLocation;
}
