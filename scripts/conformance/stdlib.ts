/**
 * Which pipelines can run locally with nothing but python3: every step's command runs `python`
 * on a script whose imports (followed into the script's own local modules) are all in Python's
 * standard library, or runs `echo`. python3 itself decides what the standard library is
 * (`sys.stdlib_module_names`) and parses the imports (`ast`), so no guess is made here.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { promisify } from "node:util";
import { loadPipeline } from "../../src/pipeline/parse.js";
import { planPipeline } from "../../src/pipeline/plan.js";
import { splitCommand } from "../../src/pipeline/shell-words.js";

const run = promisify(execFile);

/**
 * Reads each script given on the command line and prints `<file>\t<module>` for every import that
 * is neither standard library nor a module beside the script (those are followed instead).
 */
const SCAN = `
import ast, os, sys
std = set(sys.stdlib_module_names)
todo = list(sys.argv[1:])
seen = set()
while todo:
    path = os.path.abspath(todo.pop())
    if path in seen:
        continue
    seen.add(path)
    try:
        tree = ast.parse(open(path, encoding="utf-8").read(), path)
    except (OSError, SyntaxError, ValueError) as e:
        print(path + "\\t<unreadable: " + type(e).__name__ + ">")
        continue
    here = os.path.dirname(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in std:
                continue
            local = os.path.join(here, top + ".py")
            package = os.path.join(here, top, "__init__.py")
            if os.path.exists(local):
                todo.append(local)
            elif os.path.exists(package):
                todo.append(package)
            else:
                print(path + "\\t" + top)
`;

/** Non-standard-library imports of the given scripts, as `file: module` lines (empty: stdlib only). */
export async function foreignImports(scripts: readonly string[], python = "python3"): Promise<string[]> {
  if (scripts.length === 0) return [];
  const { stdout } = await run(python, ["-c", SCAN, ...scripts], { maxBuffer: 16 * 1024 * 1024 });
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => l.replace("\t", ": "));
}

/** Programs a step may run besides python that need nothing installed. */
const PLAIN_PROGRAMS = new Set(["echo"]);

export interface StdlibVerdict {
  file: string;
  /** True when every step needs only python3's standard library (or no python at all). */
  stdlibOnly: boolean;
  /** Why not, one line per reason. */
  reasons: string[];
}

/**
 * Decides for one pipeline job file whether its steps need only the standard library. A file
 * our parser cannot read is not stdlib-only (the reason says why).
 */
export async function stdlibVerdict(file: string, python = "python3"): Promise<StdlibVerdict> {
  const reasons: string[] = [];
  const { job, problems } = await loadPipeline(file);
  const { plan } = planPipeline(job, problems);
  if (!problems.empty) return { file, stdlibOnly: false, reasons: [problems.toError().describe()] };
  const scripts: string[] = [];
  for (const step of plan.steps) {
    const c = step.component;
    // Registered components have no code here: the local backend refuses them with its own line.
    if (c.origin.kind === "registered") continue;
    if (!c.command) {
      reasons.push(`step ${step.id}: no command we can read (${c.origin.kind} ${step.node.type} component)`);
      continue;
    }
    const cwd = c.code && isAbsolute(c.code) ? c.code : c.where.file ? resolve(c.where.file, "..") : job.baseDir;
    let argvs: string[][];
    try {
      argvs = splitCommand(c.command, { env: {} });
    } catch (error) {
      reasons.push(`step ${step.id}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const argv of argvs) {
      const [program, first] = argv;
      if (PLAIN_PROGRAMS.has(program)) continue;
      if (program !== "python" && program !== "python3") {
        reasons.push(`step ${step.id}: runs ${program}`);
        continue;
      }
      if (!first || first.startsWith("-")) {
        reasons.push(`step ${step.id}: runs python ${first ?? ""} (no script file to scan)`);
        continue;
      }
      const script = resolve(cwd, first);
      if (!existsSync(script)) reasons.push(`step ${step.id}: script ${first} is not in ${cwd}`);
      else scripts.push(script);
    }
  }
  for (const line of await foreignImports([...new Set(scripts)], python)) reasons.push(`imports ${line}`);
  return { file, stdlibOnly: reasons.length === 0, reasons };
}
