import { errorMessage, namingInput, TaskFailure, UserError, withInputs } from "../errors.js";
import type { TaskContext } from "../tasks/context.js";
import { ERROR_INPUTS } from "../tasks/error-inputs.js";
import { findTask } from "../tasks/index.js";
import { parseInputs } from "../tasks/inputs.js";
import { TASK_NAMES } from "../tasks/spec.js";
import { openRegistry, openWorkspace } from "../workspace/open.js";
import type { Host } from "./host.js";

export interface RunOutcome {
  exitCode: 0 | 1;
  outputs: Record<string, string>;
}

/**
 * The one error boundary every host shares: pick the task, parse and validate its inputs, open
 * the workspace, run, publish outputs, summary and comment; turn any error into the host's
 * failure report and exit code 1, never a stack trace.
 */
export async function runTask(host: Host, cwd = process.cwd()): Promise<RunOutcome> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    host.log.warning(`Received ${signal}: cancelling.`);
    controller.abort(new TaskFailure(`cancelled by ${signal}`));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let outputs: Record<string, string> = {};
  try {
    const name = host.taskName();
    if (!name) {
      throw new UserError(
        "no task given",
        { input: host.taskInput },
        `Set '${host.taskInput}' to one of: ${TASK_NAMES.join(", ")}`,
      );
    }
    const task = findTask(name);
    if (!task) {
      throw new UserError(`unknown task '${name}'`, { input: host.taskInput }, `Use one of: ${TASK_NAMES.join(", ")}`);
    }
    const inputs = parseInputs(
      task.spec,
      (n) => host.getInput(n),
      (secret) => host.log.secret(secret),
    );
    const workspace = await openWorkspace(inputs, cwd, host.log, host.run);
    host.log.info(`mlops-action ${task.spec.name} on the ${workspace.description}`);
    const ctx: TaskContext = {
      inputs,
      workspace,
      log: host.log,
      cwd,
      signal: controller.signal,
      run: host.run,
      openRegistry: (value, options) => openRegistry(workspace, value, { cwd, log: host.log, ...options }),
    };
    try {
      const named = ERROR_INPUTS[task.spec.name];
      const result = await withInputs(named, () => task.run(ctx));
      outputs = result.outputs;
      for (const [k, v] of Object.entries(result.outputs)) host.setOutput(k, v);
      // The work is done: a summary or comment that cannot be written is a warning, not a failure.
      const optional = async (what: string, fn: () => Promise<void>) => {
        try {
          await fn();
        } catch (error) {
          host.log.warning(`${what} could not be written (${errorMessage(error)}); the task's work is done.`);
        }
      };
      const plan = workspace.planSummary?.();
      for (const markdown of [result.summary, plan]) {
        if (markdown) await optional("The job summary", () => host.appendSummary(markdown));
      }
      const comment = result.comment;
      if (comment) {
        const marker = `<!-- mlops-action:${task.spec.name}:${host.run.workflow ?? "default"} -->`;
        const token = inputs.has("token") ? inputs.string("token") : undefined;
        await optional("The PR comment", async () => {
          const said = await host.postComment(comment, marker, token);
          if (said.warning) host.log.warning(said.message);
          else host.log.info(said.message);
        });
      }
      if (result.failure)
        throw new TaskFailure(result.failure, result.failureAt && namingInput(result.failureAt, named));
    } finally {
      await workspace.close();
    }
    return { exitCode: 0, outputs };
  } catch (error) {
    if (error instanceof UserError) host.fail(error.describe(), error.location);
    else if (error instanceof TaskFailure) host.fail(error.message, error.location);
    else {
      // An unexpected error is still one line for the user; the stack goes to the debug log.
      host.log.debug(error instanceof Error && error.stack ? error.stack : String(error));
      host.fail(errorMessage(error));
    }
    return { exitCode: 1, outputs };
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}
