import { WORKSPACE_INPUTS } from "../common.js";
import type { TaskSpec } from "../spec.js";

/** validate-data's declared inputs and outputs: read by the hosts, the generator and the docs without loading the task's code. */
export const spec = {
  name: "validate-data",
  title: "Validate data",
  summary: "Profiles data in one streaming pass, checks it against a baseline profile and rules, and tests drift.",
  inputs: [
    {
      name: "data",
      type: "string",
      required: true,
      description: "A file or folder, or a dataset reference such as `diabetes@3` or `diabetes@latest`.",
      example: "data/diabetes.csv",
    },
    {
      name: "baseline",
      type: "string",
      description: "Baseline: a profile JSON file or a dataset reference. Without one, only rules are checked.",
      example: "baseline/diabetes.profile.json",
    },
    { name: "writeProfile", type: "path", description: "Where to write this data's profile (JSON)." },
    {
      name: "failOn",
      type: "choice",
      options: ["error", "drift", "never"],
      default: "error",
      description:
        "What fails the task: `error` (schema and rule violations), `drift` (errors or dataset drift), `never`.",
    },
    {
      name: "createBaseline",
      type: "boolean",
      default: "false",
      description:
        "Write this (trusted) data's profile to the `baseline` path instead of comparing with it; rules are still checked.",
    },
    {
      name: "rules",
      type: "path",
      description:
        "A YAML file of expectations: per column `min`, `max`, `allowed`, `maxNullShare`, `unique`, `pattern`, `drift: {test, threshold}`; `rows: {min, max}`; `drift: {share}`.",
      example: "data/diabetes.rules.yml",
    },
    {
      name: "labelColumn",
      type: "string",
      description: "The label (target) column: the report shows its class balance against the baseline's.",
    },
    {
      name: "badRows",
      type: "choice",
      options: ["error", "skip"],
      default: "error",
      description:
        "Malformed rows (ragged, unterminated quote, over-long line): `error` stops at the first with its file and line; `skip` counts them and warns.",
    },
    {
      name: "driftShare",
      type: "number",
      description:
        "Share of tested columns that must drift for the dataset to count as drifted (default 0.5, or `drift.share` from the rules file).",
    },
    {
      name: "columnTests",
      type: "multiline",
      description:
        "Per-column drift test overrides, one `column=test[:threshold]` per line; tests: ks, chisquare, ztest, wasserstein, jensenshannon, psi, none.",
      example: "age=psi:0.2",
    },
    {
      name: "delimiter",
      type: "string",
      description: "CSV delimiter; sniffed from the first lines when empty. Write `\\t` for a tab.",
      advanced: true,
    },
    ...WORKSPACE_INPUTS,
  ],
  outputs: [
    { name: "passed", description: "`true` when no check selected by `failOn` failed." },
    { name: "driftedColumns", description: "JSON array of the columns whose distribution drifted." },
    { name: "profile", description: "Path of the profile JSON written for this data." },
    { name: "report", description: "Path of the Markdown report." },
  ],
  example: { data: "diabetes@latest", baseline: "baseline/diabetes.profile.json" },
} as const satisfies TaskSpec;
