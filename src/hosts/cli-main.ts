import { resolve } from "node:path";
import { UserError } from "../errors.js";
import { LocalWorkspace } from "../workspace/local/index.js";
import type { CliHost, CliOptions } from "./cli.js";
import { parseCli } from "./cli-args.js";
import { runTask } from "./run-task.js";

/** The CLI: `mlops <task> ...`, `mlops --help`, `mlops endpoints list|stop`. Returns the exit code. */
export async function runCli(argv: string[], makeHost: (o: CliOptions) => CliHost): Promise<number> {
  let command: ReturnType<typeof parseCli>;
  try {
    command = parseCli(argv);
  } catch (error) {
    process.stderr.write(`error: ${error instanceof UserError ? error.describe() : String(error)}\n`);
    return 1;
  }
  if (command.kind === "help") {
    process.stdout.write(`${command.text}\n`);
    return 0;
  }
  if (command.kind === "endpoints") {
    const ws = await LocalWorkspace.open(resolve(command.workspaceDir ?? ".mlops"));
    const log = makeHost({ task: undefined, inputs: {}, json: false, verbose: false }).log;
    if (command.action === "list") {
      const endpoints = await ws.endpoints.list();
      if (endpoints.length === 0) log.info("No local endpoints.");
      for (const e of endpoints) {
        const traffic = Object.entries(e.traffic)
          .map(([d, p]) => `${d}=${p}%`)
          .join(" ");
        log.info(`${e.name}  ${e.scoringUri}  ${traffic || "(no traffic)"}`);
        if (e.error) log.warning(`${e.name}: ${e.error}`);
        for (const d of e.deployments) log.info(`  ${d.name}  ${d.model}  ${d.status}${d.error ? `: ${d.error}` : ""}`);
      }
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
