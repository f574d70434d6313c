import { UserError } from "../errors.js";
import { findTask, TASKS } from "../tasks/index.js";
import type { TaskSpec } from "../tasks/spec.js";

export type CliCommand =
  | { kind: "help"; text: string }
  | { kind: "task"; task: string; inputs: Record<string, string>; json: boolean; verbose: boolean }
  | { kind: "endpoints"; action: "list" | "stop"; name?: string; workspaceDir?: string }
  | { kind: "endpoints"; action: "invoke"; name: string; workspaceDir?: string; invoke: BatchInvokeArgs }
  | { kind: "workspace"; action: "check"; repair: boolean; workspaceDir?: string };

/** `mlops endpoints invoke <name> --input <path> ...`: score files with a local batch endpoint. */
export interface BatchInvokeArgs {
  /** A file or folder, or a registered dataset as `azureml:<name>:<version>` (or `@latest`). */
  input: string;
  deployment?: string;
  outputPath?: string;
  outputFile?: string;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function mainHelp(): string {
  const lines = [
    "Usage: mlops <task> [--input value ...] [--json]",
    "       mlops endpoints list|stop [name] [--workspace-dir DIR]",
    "       mlops endpoints invoke <batch-endpoint> --input PATH|azureml:DATASET:VERSION [--deployment D]",
    "             [--output-path DIR] [--output-file F] [--workspace-dir DIR]",
    "       mlops workspace check [--repair] [--workspace-dir DIR]",
    "",
    "Tasks:",
  ];
  const width = Math.max(...Object.keys(TASKS).map((n) => n.length));
  for (const t of Object.values(TASKS)) lines.push(`  ${t.spec.name.padEnd(width)}  ${t.spec.summary}`);
  lines.push("", "Run `mlops <task> --help` for a task's inputs and outputs.");
  return lines.join("\n");
}

export function taskHelp(spec: TaskSpec): string {
  const lines = [`Usage: mlops ${spec.name} [options]`, "", spec.summary, "", "Inputs:"];
  for (const i of spec.inputs) {
    const flag = `--${kebab(i.name)}${i.type === "boolean" ? " [true|false]" : " <value>"}`;
    const extra: string[] = [];
    if (i.required) extra.push("required");
    if (i.options) extra.push(`one of: ${i.options.join(", ")}`);
    if (i.default !== undefined) extra.push(`default: ${i.default}`);
    lines.push(`  ${flag}`, `      ${i.description.replace(/`/g, "")}${extra.length ? ` (${extra.join("; ")})` : ""}`);
  }
  lines.push("  --json", "      Print the outputs as one JSON object on the last line of stdout.", "", "Outputs:");
  for (const o of spec.outputs) lines.push(`  ${o.name}: ${o.description.replace(/`/g, "")}`);
  return lines.join("\n");
}

/** Parses `mlops <task> --kebab-input value ...`; also accepts `--camelCase` and `--flag=value`. */
export function parseCli(argv: string[]): CliCommand {
  const [first, ...rest] = argv;
  if (!first || first === "--help" || first === "-h" || first === "help") return { kind: "help", text: mainHelp() };
  if (first === "endpoints") {
    const action = rest[0];
    if (action === "invoke") return parseInvokeCommand(rest.slice(1));
    if (action !== "list" && action !== "stop") {
      throw new UserError(
        `unknown endpoints command '${action ?? ""}'`,
        {},
        "Use `mlops endpoints list`, `mlops endpoints stop <name>` or `mlops endpoints invoke <name> --input <path>`",
      );
    }
    const dirAt = rest.indexOf("--workspace-dir");
    const name = rest[1] && !rest[1].startsWith("--") ? rest[1] : undefined;
    if (action === "stop" && !name) throw new UserError("which endpoint?", {}, "Use `mlops endpoints stop <name>`");
    return { kind: "endpoints", action, name, workspaceDir: dirAt >= 0 ? rest[dirAt + 1] : undefined };
  }
  if (first === "workspace") return parseWorkspaceCommand(rest);
  const task = findTask(first);
  if (!task) {
    throw new UserError(`unknown task '${first}'`, { input: "task" }, `Use one of: ${Object.keys(TASKS).join(", ")}`);
  }
  const inputs: Record<string, string> = {};
  let json = false;
  let verbose = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--help" || arg === "-h") return { kind: "help", text: taskHelp(task.spec) };
    if (arg === "--json") {
      json = true;
      continue;
    }
    if (arg === "--verbose") {
      verbose = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      throw new UserError(`unexpected argument '${arg}'`, {}, `Give inputs as --name value; see mlops ${first} --help`);
    }
    let key = arg.slice(2);
    let value: string | undefined;
    const eq = key.indexOf("=");
    if (eq >= 0) {
      value = key.slice(eq + 1);
      key = key.slice(0, eq);
    }
    const name = camel(key);
    const spec = task.spec.inputs.find((s) => s.name === name);
    if (!spec) {
      throw new UserError(`unknown option '--${key}' for ${first}`, {}, `See mlops ${first} --help for its inputs`);
    }
    if (value === undefined) {
      const next = rest[i + 1];
      if (spec.type === "boolean" && (next === undefined || next.startsWith("--"))) value = "true";
      else if (next === undefined) throw new UserError(`--${key} needs a value`, { input: name });
      else value = rest[++i];
    }
    // A repeated multiline input (--set a=1 --set b=2) collects one line each.
    inputs[name] = inputs[name] !== undefined && spec.type === "multiline" ? `${inputs[name]}\n${value}` : value;
  }
  return { kind: "task", task: first, inputs, json, verbose };
}

const INVOKE_USAGE =
  "Use `mlops endpoints invoke <name> --input <file|folder|azureml:dataset:version> [--deployment D] [--output-path DIR] [--output-file F] [--workspace-dir DIR]`";

/** `mlops endpoints invoke <name> --input PATH [--deployment D] [--output-path DIR] [--output-file F] [--workspace-dir DIR]`. */
function parseInvokeCommand(args: string[]): CliCommand {
  const [name, ...flags] = args;
  if (!name || name.startsWith("--")) throw new UserError("which batch endpoint?", {}, INVOKE_USAGE);
  const values: Record<string, string> = {};
  const known = ["input", "deployment", "output-path", "output-file", "workspace-dir"];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i];
    const eq = flag.indexOf("=");
    const key = flag.startsWith("--") ? flag.slice(2, eq >= 0 ? eq : undefined) : "";
    if (!known.includes(key)) {
      throw new UserError(`unexpected argument '${flag}' for endpoints invoke`, {}, INVOKE_USAGE);
    }
    const value = eq >= 0 ? flag.slice(eq + 1) : flags[++i];
    if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
      throw new UserError(`--${key} needs a value`, {}, INVOKE_USAGE);
    }
    values[key] = value;
  }
  if (!values.input) throw new UserError("--input is required: the file, folder or dataset to score", {}, INVOKE_USAGE);
  return {
    kind: "endpoints",
    action: "invoke",
    name,
    workspaceDir: values["workspace-dir"],
    invoke: {
      input: values.input,
      deployment: values.deployment,
      outputPath: values["output-path"],
      outputFile: values["output-file"],
    },
  };
}

/** `mlops workspace check [--repair] [--workspace-dir DIR]`. */
function parseWorkspaceCommand(rest: string[]): CliCommand {
  const [action, ...flags] = rest;
  if (action !== "check") {
    throw new UserError(
      `unknown workspace command '${action ?? ""}'`,
      {},
      "Use `mlops workspace check` (add --repair to remove what killed runs left)",
    );
  }
  let repair = false;
  let workspaceDir: string | undefined;
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i];
    if (flag === "--repair") repair = true;
    else if (flag === "--workspace-dir" && flags[i + 1] !== undefined) workspaceDir = flags[++i];
    else if (flag.startsWith("--workspace-dir=")) workspaceDir = flag.slice("--workspace-dir=".length);
    else {
      throw new UserError(
        `unexpected argument '${flag}' for workspace check`,
        {},
        "Use `mlops workspace check [--repair] [--workspace-dir DIR]`",
      );
    }
  }
  return { kind: "workspace", action, repair, workspaceDir };
}
