import type { ErrorLocation } from "../errors.js";
import type { Log, RunContext } from "../run-context.js";

/**
 * Where a task runs: GitHub Actions, Azure DevOps or the command line. A host reads inputs,
 * publishes outputs, summaries and PR comments, masks secrets and reports failure. No ML logic.
 */
export interface Host {
  readonly log: Log;
  readonly run: RunContext;
  /** The name users give the task picker on this host (`task`, or `command` on Azure DevOps). */
  readonly taskInput: string;
  /** The task name chosen by the host's own mechanism (the `task` input, argv, `command`). */
  taskName(): string | undefined;
  /** Raw input value, or undefined when not set. */
  getInput(name: string): string | undefined;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
  /**
   * Creates or updates, in place, the PR comment that carries `marker`. Says what it did, or why
   * it could not, for the log; never throws for a comment it could not post.
   */
  postComment(markdown: string, marker: string, token: string | undefined): Promise<CommentOutcome>;
  /** Reports the failure in the host's format; the caller sets the exit code. */
  fail(message: string, where?: ErrorLocation): void;
}

/** What became of a PR comment the task asked for. */
export interface CommentOutcome {
  /** One line for the log: what was done, or why not and what to change. */
  message: string;
  /**
   * Set when a comment was asked for and could not be posted: the host shows it as a warning
   * annotation (the task's work is done, so it does not fail). Not set when there is no PR.
   */
  warning?: boolean;
}
