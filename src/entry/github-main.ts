import { GitHubHost } from "../hosts/github.js";
import { actionsCoreToolkit } from "../hosts/github-commands.js";
import { runTask } from "../hosts/run-task.js";

/**
 * Runs the task the `task` input names, as the GitHub Actions runner starts the action, and sets
 * the exit code. Exported apart from the entry point (github.ts only calls it), as
 * actions/typescript-action does, so that @github/local-action can import this module and call
 * `run()` to run the action on a workstation (docs/local-runs.md).
 */
export async function run(): Promise<void> {
  // A runner sets GITHUB_OUTPUT. Without it (@github/local-action, or a runner older than file
  // commands) the host writes through @actions/core, which such a tool stands in for.
  const toolkit = process.env.GITHUB_OUTPUT ? undefined : await actionsCoreToolkit(process.env);
  process.exitCode = (await runTask(new GitHubHost(process.env, toolkit))).exitCode;
}
