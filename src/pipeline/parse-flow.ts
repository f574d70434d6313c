/**
 * Prompt flow components: a parallel node whose `component:` is a flow (`flow.dag.yaml`, Flow
 * schema) or a flow run (`run.yml`, Run schema, naming the flow folder). Azure ML turns the flow
 * into a parallel component itself; azure-ai-ml only uploads the flow folder and registers
 * `{type: promptflow_parallel, code, flow_definition_uri}` (recordings
 * test_pipeline_job_with_flow[dag].json, test_flow_in_dsl_pipeline.json). Here the flow's own
 * inputs and connections are declared so the DAG can be checked before anything is sent.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import type { ErrorLocation } from "../errors.js";
import type { Component, InputDecl, IoType, OutputDecl } from "./model.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const DEFAULT_FLOW_FILE = "flow.dag.yaml";

/** A flow or flow run document: by its promptflow `$schema`, or by the flow file's name. */
export function isFlowDocument(doc: Obj, file: string): boolean {
  const schema = typeof doc.$schema === "string" ? doc.$schema : "";
  return /\/promptflow\/.*\/(Flow|Run)\.schema\.json$/i.test(schema) || basename(file).endsWith(".dag.yaml");
}

/** Where the flow behind a flow or run document is: its folder and the flow file's name. */
async function flowLocation(doc: Obj, file: string): Promise<{ dir: string; fileName: string } | string> {
  const schema = typeof doc.$schema === "string" ? doc.$schema : "";
  if (!/Run\.schema\.json$/i.test(schema)) return { dir: dirname(file), fileName: basename(file) };
  if (typeof doc.flow !== "string") return "the flow run names no `flow:` folder";
  const path = resolve(dirname(file), doc.flow);
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return { dir: path, fileName: DEFAULT_FLOW_FILE };
  if (info?.isFile()) return { dir: dirname(path), fileName: basename(path) };
  return `flow '${doc.flow}' does not exist (looked for ${path})`;
}

const FLOW_TYPES: Record<string, IoType> = { int: "integer", double: "number", bool: "boolean" };

export type ReportProblem = (message: string, fix: string) => void;

/**
 * The component a flow (or flow run) file stands for. Problems the SDK would refuse on (no flow,
 * no `.promptflow/flow.tools.json`) are reported; the component is still returned when usable.
 */
export async function flowComponent(
  doc: Obj,
  file: string,
  where: ErrorLocation,
  report: ReportProblem,
): Promise<Component | undefined> {
  const at = await flowLocation(doc, file);
  if (typeof at === "string") {
    report(at, "Point `flow:` at the folder holding flow.dag.yaml");
    return undefined;
  }
  let flow: Obj = doc;
  if (join(at.dir, at.fileName) !== file) {
    try {
      const parsed = parse(await readFile(join(at.dir, at.fileName), "utf8"));
      flow = isObj(parsed) ? parsed : {};
    } catch {
      report(`flow file ${join(at.dir, at.fileName)} cannot be read`, "Check the flow folder");
      return undefined;
    }
  }
  if (!(await stat(join(at.dir, ".promptflow", "flow.tools.json")).catch(() => undefined))) {
    report(
      `flow ${at.dir} has no .promptflow/flow.tools.json, which Azure ML needs to run it as a component`,
      "Run `pf flow validate` in the flow folder to generate it",
    );
  }
  const inputs: Record<string, InputDecl> = {
    // The flow reads rows from a file or a folder (Azure's example binds a uri_file): no type check.
    data: { type: "uri_folder", optional: false, inferred: true, where },
    run_outputs: { type: "uri_folder", optional: true, where },
  };
  for (const [k, d] of Object.entries(isObj(flow.inputs) ? flow.inputs : {})) {
    const type = isObj(d) && typeof d.type === "string" ? (FLOW_TYPES[d.type] ?? "string") : "string";
    const dflt = isObj(d) ? d.default : undefined;
    inputs[k] = {
      type,
      optional: dflt !== undefined,
      ...(typeof dflt === "string" || typeof dflt === "number" || typeof dflt === "boolean" ? { default: dflt } : {}),
      where,
    };
  }
  // Nodes that call a model take their connection and deployment as `connections.<node>.<key>` inputs.
  for (const n of Array.isArray(flow.nodes) ? flow.nodes : []) {
    if (!isObj(n) || typeof n.name !== "string") continue;
    const ins = isObj(n.inputs) ? n.inputs : {};
    if (n.connection !== undefined || ins.deployment_name !== undefined || n.type === "llm") {
      for (const key of ["connection", "deployment_name"])
        inputs[`connections.${n.name}.${key}`] = { type: "string", optional: true, where };
    }
  }
  const outputs: Record<string, OutputDecl> = {
    flow_outputs: { type: "uri_folder", where },
    debug_info: { type: "uri_folder", where },
  };
  const raw: Obj = {
    type: "promptflow_parallel",
    // The SDK names the component after the flow folder.
    name: typeof doc.name === "string" ? doc.name : basename(at.dir),
    flow_dir: at.dir,
    flow_file_name: at.fileName,
  };
  // A flow run may set these; azure-ai-ml's flow component schema carries them.
  for (const k of ["column_mapping", "variant", "connections", "environment_variables"])
    if (doc !== flow && doc[k] !== undefined) raw[k] = doc[k];
  return {
    origin: { kind: "file", file },
    type: "parallel",
    code: at.dir,
    environmentVariables: {},
    inputs,
    outputs,
    isDeterministic: true,
    raw,
    where,
  };
}

/** Whether a component is a prompt flow (compiled by workspace/azureml/contract/wire/flow-component.ts, refused by the local runner). */
export function isFlowComponent(c: Component): boolean {
  return c.raw.type === "promptflow_parallel";
}
