/**
 * The wire form of an AutoML pipeline node, as azure-ai-ml sends it: the node as written in YAML
 * (snake_case), data keys as `${{...}}` strings, AutoML search spaces as distribution strings
 * (`uniform(0.005,0.05)`, `choice('sgd','adam')`), and the defaults the SDK fills in
 * (`log_verbosity: info`, empty `tags`/`properties`, the bandit policy's zero slacks).
 * Reference: azure-sdk-assets recordings test_pipeline_job_with_automl_*.json (jobs.<node>).
 */
import type { Binding, JobNode } from "../../../../pipeline/model.js";
import { AUTOML_DATA_KEYS } from "../../../../pipeline/parse-automl.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export interface AutomlCompileContext {
  /** A local data path as the URI it was uploaded to. */
  dataPath: (path: string, baseDir: string, type?: string) => string;
  /** The wire form of one node output (shared with other node kinds). */
  output: (o: JobNode["outputs"][string]) => Obj;
}

/** Keys handled here or not part of the node's wire form. */
const REPLACED = new Set(["$schema", "inputs", "outputs", "compute", ...AUTOML_DATA_KEYS]);

export function compileAutomlNode(node: JobNode, ctx: AutomlCompileContext): Obj {
  const raw = node.raw;
  const out: Obj = {
    name: node.name,
    type: "automl",
    tags: isObj(raw.tags) ? raw.tags : {},
    properties: isObj(raw.properties) ? raw.properties : {},
    log_verbosity: raw.log_verbosity ?? "info",
  };
  for (const [k, v] of Object.entries(raw)) if (!REPLACED.has(k) && !(k in out)) out[k] = v;
  for (const k of AUTOML_DATA_KEYS) {
    const b = node.inputs[k];
    if (b) out[k] = dataValue(b, ctx);
  }
  // AutoML nodes name their compute `compute` (not `computeId` as component nodes do).
  if (node.compute !== undefined) out.compute = node.compute;
  const outputs: Obj = {};
  for (const [k, o] of Object.entries(node.outputs)) outputs[k] = ctx.output(o);
  out.outputs = outputs;
  if (out.search_space !== undefined) out.search_space = searchSpaces(out.search_space);
  if (isObj(out.sweep)) out.sweep = sweepSettings(out.sweep);
  return out;
}

/** A data key: the binding text, or a data input as `{type, path}` with local paths uploaded. */
function dataValue(b: Binding, ctx: AutomlCompileContext): unknown {
  switch (b.kind) {
    case "ref":
      return b.text.trim();
    case "data":
      return { type: b.type, path: ctx.dataPath(b.path, b.baseDir, b.type), ...(b.mode ? { mode: b.mode } : {}) };
    case "literal":
      return String(b.value);
    case "empty":
      return undefined;
  }
}

/** One search space or a list of them: each dimension as the SDK's distribution string. */
function searchSpaces(v: unknown): unknown {
  const one = (s: unknown) =>
    isObj(s) ? Object.fromEntries(Object.entries(s).map(([k, d]) => [k, distribution(d)])) : s;
  return Array.isArray(v) ? v.map(one) : [one(v)];
}

const DIST_ARGS: Record<string, string[]> = {
  uniform: ["min_value", "max_value"],
  loguniform: ["min_value", "max_value"],
  quniform: ["min_value", "max_value", "q"],
  qloguniform: ["min_value", "max_value", "q"],
  normal: ["mu", "sigma"],
  lognormal: ["mu", "sigma"],
  qnormal: ["mu", "sigma", "q"],
  qlognormal: ["mu", "sigma", "q"],
  randint: ["upper"],
};

/** `{type: uniform, min_value: 0.1, max_value: 1}` → `uniform(0.1,1)`; a plain value as text. */
export function distribution(d: unknown): string {
  if (!isObj(d)) return scalar(d, false);
  const type = String(d.type);
  if (type === "choice") {
    const values = Array.isArray(d.values) ? d.values : [];
    return `choice(${values.map((x) => scalar(x, true)).join(",")})`;
  }
  const args = DIST_ARGS[type] ?? [];
  return `${type}(${args.map((a) => scalar(d[a], false)).join(",")})`;
}

/** Python's `str()` of a value, as the SDK writes it (strings quoted inside `choice`). */
function scalar(x: unknown, quote: boolean): string {
  if (typeof x === "boolean") return x ? "True" : "False";
  if (typeof x === "string") return quote ? `'${x}'` : x;
  return String(x);
}

const BANDIT_DEFAULTS = { evaluation_interval: 0, delay_evaluation: 0, slack_factor: 0, slack_amount: 0 };

/** The sweep settings with the early termination policy's defaults, as the SDK serialises them. */
function sweepSettings(s: Obj): Obj {
  const et = s.early_termination;
  if (!isObj(et) || et.type !== "bandit") return s;
  return { ...s, early_termination: { ...BANDIT_DEFAULTS, ...et } };
}
