import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { UserError } from "../errors.js";
import { checkWorkspace, formatCheck, repairWorkspace } from "../workspace/local/check.js";
import { LocalWorkspace } from "../workspace/local/index.js";
import type { CliHost, CliOptions } from "./cli.js";
import { parseCli } from "./cli-args.js";
import { batchEndpointLines, invokeBatchEndpoint } from "./cli-batch.js";
import { inert } from "./mask.js";
import { runTask } from "./run-task.js";

/** The CLI: `mlops <task> ...`, `mlops --help`, `mlops endpoints list|stop|invoke`. Returns the exit code. */
export async function runCli(argv: string[], makeHost: (o: CliOptions) => CliHost): Promise<number> {
  let command: ReturnType<typeof parseCli>;
  try {
    command = parseCli(argv);
  } catch (error) {
    // The arguments are echoed: one line, no Azure DevOps logging command (see inert).
    process.stderr.write(`error: ${inert(error instanceof UserError ? error.describe() : String(error))}\n`);
    return 1;
  }
  if (command.kind === "help") {
    process.stdout.write(`${command.text}\n`);
    return 0;
  }
  if (command.kind === "workspace") return workspaceCheck(command.workspaceDir, command.repair);
  if (command.kind === "endpoints") {
    const ws = await LocalWorkspace.open(resolve(command.workspaceDir ?? ".mlops"));
    const host = makeHost({ task: undefined, inputs: {}, json: false, verbose: false });
    const log = host.log;
    if (command.action === "invoke") {
      return invokeBatchEndpoint(ws, command.name, command.invoke, log, (line) => host.fail(line));
    }
    if (command.action === "list") {
      const endpoints = await ws.endpoints.list();
      const batch = await ws.batchEndpoints.list();
      if (endpoints.length === 0 && batch.length === 0) log.info("No local endpoints.");
      for (const e of endpoints) {
        const traffic = Object.entries(e.traffic)
          .map(([d, p]) => `${d}=${p}%`)
          .join(" ");
        const mirror = Object.entries(e.mirrorTraffic ?? {})
          .map(([d, p]) => `${d}=${p}%`)
          .join(" ");
        log.info(`${e.name}  ${e.scoringUri}  ${traffic || "(no traffic)"}${mirror ? `  mirror ${mirror}` : ""}`);
        if (e.error) log.warning(`${e.name}: ${e.error}`);
        for (const d of e.deployments) log.info(`  ${d.name}  ${d.model}  ${d.status}${d.error ? `: ${d.error}` : ""}`);
      }
      for (const line of batchEndpointLines(batch)) log.info(line);
      return 0;
    }
    if (!(await ws.endpoints.get(command.name ?? "")) && (await ws.batchEndpoints.get(command.name ?? ""))) {
      // Nothing of a batch endpoint runs between invocations (a running job stops with its own run).
      log.info(`${command.name} is a batch endpoint: no process of it runs between invocations, nothing to stop.`);
      return 0;
    }
    if (!(await ws.endpoints.get(command.name ?? ""))) {
      process.stderr.write(`error: no local endpoint '${command.name}'. See mlops endpoints list.\n`);
      return 1;
    }
    await ws.endpoints.delete(command.name ?? "", log);
    log.info(`Stopped endpoint ${command.name}.`);
    return 0;
  }
  const host = makeHost({ task: command.task, inputs: command.inputs, json: command.json, verbose: command.verbose });
  const outcome = await runTask(host);
  if (command.json && outcome.exitCode === 0) host.printJson(outcome.outputs);
  return outcome.exitCode;
}

/**
 * `mlops workspace check`: exit 1 when the workspace has problems, each printed with its repair.
 * It reads only (no lock, no cleanup) unless --repair is given; a missing folder is an error.
 */
async function workspaceCheck(dir: string | undefined, repair: boolean): Promise<number> {
  const root = resolve(dir ?? ".mlops");
  if (
    !(await stat(root).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    process.stderr.write(`error: ${root} is not a workspace folder. Give --workspace-dir DIR (default .mlops).\n`);
    return 1;
  }
  if (repair) await repairWorkspace(root, { info: (m) => process.stdout.write(`${m}\n`) });
  const report = await checkWorkspace(root);
  const lines = formatCheck(report);
  for (const line of lines.slice(0, -1)) process.stderr.write(`${line}\n`);
  process.stdout.write(`${lines.at(-1)}\n`);
  return report.problems.length === 0 ? 0 : 1;
}
