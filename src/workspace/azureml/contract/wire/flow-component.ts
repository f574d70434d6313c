/**
 * The component body of a prompt flow, as azure-ai-ml registers it: the flow folder uploaded as
 * code, and `{name, version, is_deterministic, type: promptflow_parallel, _source, code,
 * flow_definition_uri}`; Azure ML expands it into a parallel component (recordings
 * pipeline_job/test_pipeline_job_with_flow[dag].json and dsl/test_flow_in_dsl_pipeline.json).
 */
import type { Component } from "../../../../pipeline/model.js";

/** `codeId`: the code version holding the flow folder; `codeUri`: that folder's blob URL. */
export function flowComponentSpec(c: Component, codeId: string, codeUri: string): Record<string, unknown> {
  const raw = c.raw;
  const spec: Record<string, unknown> = {
    name: raw.name,
    version: "1",
    is_deterministic: c.isDeterministic,
    type: "promptflow_parallel",
    _source: "YAML.COMPONENT",
    code: codeId,
    flow_definition_uri: `${codeUri.replace(/\/+$/, "")}/${String(raw.flow_file_name)}`,
  };
  for (const k of ["column_mapping", "variant", "connections", "environment_variables"])
    if (raw[k] !== undefined) spec[k] = raw[k];
  return spec;
}
