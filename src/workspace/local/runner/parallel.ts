/**
 * Parallel (`run_function`) jobs locally: one worker runs the entry script's init() once, then
 * run(mini_batch) for each mini-batch of the input's files, appending each returned row to the
 * `append_row_to` output, as Azure ML's parallel run step does on one node with one process.
 */
import { UserError } from "../../../errors.js";
import { findExpressions, parseOwnRef } from "../../../pipeline/expressions.js";
import type { ParallelTask } from "../../../pipeline/model.js";
import { splitCommand } from "../../../pipeline/shell-words.js";

/** The worker, run as `python -c DRIVER <entry> <data> <batch> <append-file> <threshold> -- <program arguments>`. */
const DRIVER = `
import importlib.util, os, re, sys, traceback
entry, data, batch, append_to, threshold = sys.argv[1:6]
args = sys.argv[7:]
sys.argv = [entry] + args
sys.path.insert(0, os.getcwd())
spec = importlib.util.spec_from_file_location("entry_script", os.path.join(os.getcwd(), entry))
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
if hasattr(module, "init"):
    module.init()
if os.path.isdir(data):
    files = sorted(os.path.join(root, f) for root, _, names in os.walk(data) for f in names)
else:
    files = [data]
m = re.fullmatch(r"(\\d+(?:\\.\\d+)?)\\s*(kb|mb|gb|b)?", batch.strip().lower()) if batch else None
batches, current, size = [], [], 0
if m and m.group(2):
    limit = float(m.group(1)) * {"b": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3}[m.group(2)]
    for f in files:
        current.append(f)
        size += os.path.getsize(f)
        if size >= limit:
            batches.append(current); current, size = [], 0
else:
    count = max(1, int(float(m.group(1)))) if m else 1
    for f in files:
        current.append(f)
        if len(current) >= count:
            batches.append(current); current = []
if current:
    batches.append(current)
failed, rows = 0, []
for i, mini_batch in enumerate(batches):
    try:
        result = module.run(mini_batch)
        rows.extend(result if isinstance(result, list) else [result])
        print(f"mini-batch {i + 1}/{len(batches)}: {len(mini_batch)} file(s)")
    except Exception:
        failed += 1
        traceback.print_exc()
        print(f"mini-batch {i + 1}/{len(batches)} failed", file=sys.stderr)
        if int(threshold) >= 0 and failed > int(threshold):
            sys.exit(f"{failed} mini-batch(es) failed, more than error_threshold {threshold}")
if append_to:
    with open(os.path.join(append_to, "parallel_run_step.txt"), "a") as f:
        for row in rows:
            f.write(f"{row}\\n")
if hasattr(module, "shutdown"):
    module.shutdown()
print(f"{len(batches)} mini-batch(es), {failed} failed, {len(rows)} row(s)")
`;

/** The argument array that runs a parallel task with the bound inputs and outputs. */
export function parallelArgv(
  task: ParallelTask,
  python: string,
  inputs: Record<string, string | undefined>,
  outputs: Record<string, string>,
  env: Record<string, string | undefined>,
): string[][] {
  const data = inputs[task.inputData];
  if (data === undefined)
    throw new UserError(`the parallel job's input_data '${task.inputData}' has no value`, {}, "Bind that input");
  const args = task.programArguments
    ? (splitCommand(task.programArguments, { env })[0] ?? []).map((word) => {
        let out = word;
        for (const e of findExpressions(word)) {
          const own = parseOwnRef(e.body);
          out = out.replace(
            e.text,
            (own?.kind === "inputs" ? inputs[own.name] : own ? outputs[own.name] : undefined) ?? "",
          );
        }
        return out;
      })
    : [];
  const append = task.appendRowTo ? outputs[task.appendRowTo] : "";
  return [
    [
      python,
      "-c",
      DRIVER,
      task.entryScript,
      data,
      String(task.miniBatchSize ?? 1),
      append,
      String(task.errorThreshold),
      "--",
      ...args,
    ],
  ];
}
