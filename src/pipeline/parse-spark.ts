/**
 * Spark nodes and components (`type: spark`). They run on Azure ML only (serverless Spark or an
 * attached Synapse pool). A spark job written inline in the pipeline becomes an anonymous spark
 * component, as azure-ai-ml makes it: its code, entry, files, conf and args go into the component,
 * its inputs and outputs are declared from what the node binds them to.
 */
import { resolve } from "node:path";
import type { ErrorLocation } from "../errors.js";
import { isRemoteCode } from "../references.js";
import type { Component, InputDecl, IoType, OutputDecl } from "./model.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** What a spark job or component runs: the fields its component holds and its node repeats. */
export const SPARK_RUN_FIELDS = ["entry", "py_files", "jars", "files", "archives", "conf", "args"] as const;

/** Keys of a spark component file (sparkComponent.schema.json). */
export const SPARK_COMPONENT_KEYS = [
  "$schema",
  "name",
  "version",
  "display_name",
  "description",
  "tags",
  "type",
  "inputs",
  "outputs",
  "code",
  "environment",
  "is_deterministic",
  "properties",
  "additional_includes",
  ...SPARK_RUN_FIELDS,
  "driver_cores",
  "driver_memory",
  "executor_cores",
  "executor_memory",
  "executor_instances",
  "dynamic_allocation_enabled",
  "dynamic_allocation_min_executors",
  "dynamic_allocation_max_executors",
];

/** Keys of a spark node in a pipeline (inline or with `component:`). */
export const SPARK_NODE_KEYS = [
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
  "resources",
  "component",
  "code",
  "environment",
  ...SPARK_RUN_FIELDS,
];

/** The anonymous spark component an inline spark node implies (code resolved against `baseDir`). */
export function inlineSparkComponent(v: Obj, baseDir: string, where: ErrorLocation): Component {
  const raw: Obj = { type: "spark" };
  let code: string | undefined;
  if (typeof v.code === "string") {
    code = isRemoteCode(v.code) ? v.code : resolve(baseDir, v.code.replace(/^file:/, ""));
    raw.code = code;
  }
  for (const k of ["environment", ...SPARK_RUN_FIELDS]) if (v[k] !== undefined) raw[k] = v[k];
  const inputs: Record<string, InputDecl> = {};
  for (const k of Object.keys(isObj(v.inputs) ? v.inputs : {}))
    inputs[k] = { type: "string", optional: false, inferred: true, where };
  const outputs: Record<string, OutputDecl> = {};
  for (const [k, o] of Object.entries(isObj(v.outputs) ? v.outputs : {})) {
    const type = isObj(o) && typeof o.type === "string" ? (o.type as IoType) : "uri_folder";
    outputs[k] = { type, ...(isObj(o) && typeof o.mode === "string" ? { mode: o.mode } : {}), where };
  }
  // Declared inline: the compiler takes the types from the bindings (contract/wire/pipeline-job.ts inferredDecl).
  raw.inputs = Object.fromEntries(Object.keys(inputs).map((k) => [k, {}]));
  raw.outputs = {};
  return {
    origin: { kind: "inline" },
    type: "spark",
    code,
    environment: v.environment,
    environmentVariables: {},
    inputs,
    outputs,
    isDeterministic: true,
    raw,
    where,
  };
}

/** A spark entry as the REST API types it: a Python file or a JVM class. */
export function sparkEntry(entry: unknown): unknown {
  if (!isObj(entry)) return entry;
  if (typeof entry.file === "string") return { file: entry.file, spark_job_entry_type: "SparkJobPythonEntry" };
  if (typeof entry.class_name === "string")
    return { class_name: entry.class_name, spark_job_entry_type: "SparkJobScalaEntry" };
  return entry;
}
