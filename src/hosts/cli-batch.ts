/**
 * `mlops endpoints invoke <name> --input ...`: scores files with a local batch endpoint's default
 * (or named) deployment, printing the job's progress, its name, where the output is and how many
 * rows it has; and the lines `mlops endpoints list` prints for batch endpoints.
 */
import { UserError } from "../errors.js";
import { parseRegisteredRef } from "../references.js";
import type { Log } from "../run-context.js";
import type { LocalWorkspace } from "../workspace/local/index.js";
import type { BatchEndpointState, BatchInput } from "../workspace/workspace.js";
import type { BatchInvokeArgs } from "./cli-args.js";

/** One line per batch endpoint, then one per deployment. */
export function batchEndpointLines(endpoints: BatchEndpointState[]): string[] {
  const lines: string[] = [];
  for (const e of endpoints) {
    lines.push(
      `${e.name}  batch  ${e.defaultDeployment ? `default ${e.defaultDeployment}` : "(no default deployment)"}`,
    );
    for (const d of e.deployments) lines.push(`  ${d.name}  ${d.model}  ${d.status}${d.error ? `: ${d.error}` : ""}`);
  }
  return lines;
}

/** Runs the invocation to its end. Returns the exit code; `fail` gets the one line of a failure. */
export async function invokeBatchEndpoint(
  ws: LocalWorkspace,
  name: string,
  args: BatchInvokeArgs,
  log: Log,
  fail: (line: string) => void,
): Promise<number> {
  // Ctrl-C (or the runner's SIGTERM) cancels the job: its workers stop and no output is left.
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const input = await batchInput(ws, args.input, log);
    const job = await ws.batchEndpoints.invoke(
      name,
      { input, deployment: args.deployment, outputPath: args.outputPath, outputFile: args.outputFile },
      { log, signal: controller.signal },
    );
    const done = await ws.batchEndpoints.wait(job, { log, signal: controller.signal });
    const output = await ws.batchEndpoints.readOutput(done, "", log);
    if (done.status !== "Completed") {
      const where = done.where;
      const at = where ? `${where.file}${where.line ? `:${where.line}` : ""}: ` : "";
      fail(`${at}batch job ${done.name} ${done.status}: ${done.error ?? "no reason recorded"}`);
      return 1;
    }
    log.info(`Job: ${done.name}`);
    log.info(`Output: ${output ?? `${done.outputPath} (no file written)`}`);
    log.info(`Rows: ${done.rows ?? 0}`);
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      fail(error.describe());
      return 1;
    }
    throw error;
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

/** A path on this disk, or `azureml:<dataset>:<version>` / `azureml:<dataset>@latest` registered here. */
async function batchInput(ws: LocalWorkspace, value: string, log: Log): Promise<BatchInput> {
  const ref = parseRegisteredRef(value);
  if (!ref) return { kind: "path", path: value };
  if (ref.label && ref.label !== "latest") {
    throw new UserError(`dataset label '@${ref.label}' is not known`, {}, "Use azureml:<name>:<version> or @latest");
  }
  const version = ref.version ?? "latest";
  const dataset = await ws.datasets.get(ref.name, version);
  if (!dataset) {
    const known = (await ws.datasets.list(ref.name)).map((d) => d.version);
    throw new UserError(
      `there is no dataset ${ref.name}:${version} in the local workspace`,
      {},
      known.length ? `Use one of its versions: ${known.join(", ")}` : "Register it with mlops register-dataset first",
    );
  }
  log.info(`Input: dataset ${dataset.name}:${dataset.version}`);
  return { kind: "dataset", dataset };
}
