import { UserError } from "../errors.js";
import type { TaskContext } from "./context.js";
import type { InputSpec } from "./spec.js";

/** The switch that lets a fork's pull request change a workspace (common to every task). */
export const ALLOW_FORKS_INPUT = {
  name: "allowForks",
  type: "boolean",
  default: "false",
  description:
    "Let a pull request from a fork change the workspace or deploy. Off by default: a fork's code would run with this pipeline's Azure credentials. Read-only work (validate-data, compare-models without `register`, `dryRun`) runs either way.",
  advanced: true,
} as const satisfies InputSpec;

/**
 * Refuses, before anything changes, to let a fork's pull request do `what` (a short phrase such
 * as "deploy to endpoint 'x'"), unless `allowForks` is true. Call it only on the paths that
 * write: read-only work must still run and comment on the PR.
 */
export function refuseForkWrites(ctx: TaskContext, what: string): void {
  const fork = ctx.run.fork;
  if (!fork) return;
  if (ctx.inputs.boolean("allowForks")) {
    ctx.log.warning(`This run is for ${fork}; allowForks is true, so it may ${what}.`);
    return;
  }
  throw new UserError(
    `refused to ${what}: this run is for ${fork}, whose code must not change the workspace with this pipeline's credentials`,
    { input: "allowForks" },
    "Run it from a branch of this repository, use dryRun, or set allowForks: true if you trust the fork",
  );
}
