/**
 * The wire form of a spark pipeline node, as azure-ai-ml sends it: the node references its
 * (anonymous or file) spark component by id and repeats what the component runs, with the entry
 * typed (`spark_job_entry_type`), and its own identity, resources and compute.
 * Reference: azure-ai-ml tests/dsl/unittests test_dsl_pipeline_with_specific_nodes.py and
 * tests/pipeline_job/unittests (spark nodes: entry, py_files, files, conf, args, identity).
 */
import type { JobNode } from "../../../../pipeline/model.js";
import { SPARK_RUN_FIELDS, sparkEntry } from "../../../../pipeline/parse-spark.js";

type Obj = Record<string, unknown>;

/** `base` holds the fields every node has (name, type, inputs, outputs, identity, computeId). */
export function compileSparkNode(node: JobNode, base: Obj, componentId: string): Obj {
  const own = node.raw;
  const component = node.component.raw;
  const out: Obj = { ...base, componentId };
  for (const k of SPARK_RUN_FIELDS) {
    // A node may override what its component runs; otherwise it carries the component's values.
    const v = own[k] !== undefined ? own[k] : component[k];
    if (v !== undefined) out[k] = k === "entry" ? sparkEntry(v) : v;
  }
  if (node.resources) out.resources = { ...node.resources };
  return out;
}
