/**
 * AutoML nodes of a pipeline (`type: automl`). Azure ML runs them itself: there is no component
 * to load and no code. The parser only checks what the service would refuse outright (an unknown
 * task, no training data) and turns the data keys into bindings so the DAG sees the edges; the
 * node is sent as written (src/workspace/azureml/contract/wire/automl-node.ts).
 */
import type { ErrorLocation } from "../errors.js";
import type { Component, InputDecl, OutputDecl } from "./model.js";
import type { Path } from "./source.js";
import { suggestion } from "./suggest.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The node keys that take data: bound like inputs (`${{parent...}}` or `{type, path}`). */
export const AUTOML_DATA_KEYS = ["training_data", "validation_data", "test_data"] as const;

/** The tasks of the AutoML job schemas (azure-ai-ml `TaskType`), as written in YAML. */
export const AUTOML_TASKS = [
  "classification",
  "regression",
  "forecasting",
  "image_classification",
  "image_classification_multilabel",
  "image_object_detection",
  "image_instance_segmentation",
  "text_classification",
  "text_classification_multilabel",
  "text_ner",
] as const;

/** AutoML always produces its best model; pipelines bind it as `outputs.best_model`. */
const BEST_MODEL = "best_model";

export type ReportProblem = (message: string, path: Path, fix?: string) => void;

/**
 * The synthetic component behind an AutoML node: its data keys as inputs, `best_model` (and any
 * declared output) as outputs. `path` is the node's position; `report` records a problem there.
 */
export function automlComponent(v: Obj, path: Path, where: ErrorLocation, report: ReportProblem): Component {
  const name = String(path.at(-1));
  const task = v.task;
  if (typeof task !== "string") {
    report(`automl job '${name}' has no task`, path, `Set \`task:\` to one of ${AUTOML_TASKS.join(", ")}`);
  } else if (!(AUTOML_TASKS as readonly string[]).includes(task)) {
    report(`automl task '${task}' is not known`, [...path, "task"], suggestion(task, AUTOML_TASKS));
  }
  if (v.training_data === undefined) {
    report(
      `automl job '${name}' has no training_data`,
      path,
      "Set `training_data: ${{parent.inputs.<mltable input>}}` (or a job output of type mltable)",
    );
  }
  if (v.search_space !== undefined && !Array.isArray(v.search_space) && !isObj(v.search_space)) {
    report(
      "automl search_space is not a list of mappings",
      [...path, "search_space"],
      "Write `- name: {type: choice, values: [...]}`",
    );
  }
  const inputs: Record<string, InputDecl> = {};
  for (const k of AUTOML_DATA_KEYS) {
    if (v[k] !== undefined) inputs[k] = { type: "mltable", optional: k !== "training_data", inferred: true, where };
  }
  const outputs: Record<string, OutputDecl> = { [BEST_MODEL]: { type: "mlflow_model", where } };
  for (const [k, o] of Object.entries(isObj(v.outputs) ? v.outputs : {})) {
    const type = isObj(o) && typeof o.type === "string" ? o.type : k === BEST_MODEL ? "mlflow_model" : "uri_folder";
    outputs[k] = { type: type as OutputDecl["type"], where };
  }
  return {
    origin: { kind: "inline" },
    type: "automl",
    environmentVariables: {},
    inputs,
    outputs,
    isDeterministic: true,
    raw: v,
    where,
  };
}
