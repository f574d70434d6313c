import type { ErrorLocation } from "../errors.js";
import type { Log, RunContext } from "../run-context.js";
import type { CommentOutcome, Host } from "./host.js";
import { inert, Masker } from "./mask.js";

export interface CliOptions {
  task: string | undefined;
  inputs: Record<string, string>;
  json: boolean;
  verbose: boolean;
}

/**
 * Errors and warnings echo input values. Run in an Azure DevOps script step, the agent would take a
 * `##vso[` anywhere in a line for a logging command (`task.setvariable`...), so it is broken up.
 */
const unCommand = (line: string) => line.replaceAll("##vso[", "##vso\\[");

/** The command line: inputs from flags, logs to stdout, errors to stderr. */
export class CliHost implements Host {
  readonly taskInput = "task";
  readonly log: Log;
  readonly run: RunContext = { host: "cli" };
  private readonly masker = new Masker();
  private readonly summaries: string[] = [];

  constructor(
    private readonly options: CliOptions,
    private readonly out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
    private readonly err: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  ) {
    const mask = (s: string) => this.masker.mask(s);
    const where = (w?: ErrorLocation) => (w?.file ? `${w.file}${w.line ? `:${w.line}` : ""}: ` : "");
    this.log = {
      info: (m) => this.out(mask(m)),
      warning: (m, w) => this.err(unCommand(mask(`warning: ${where(w)}${m}`))),
      error: (m, w) => this.err(unCommand(mask(`error: ${where(w)}${m}`))),
      debug: (m) => {
        if (this.options.verbose) this.err(mask(`debug: ${m}`));
      },
      group: async (title, fn) => {
        this.out(inert(mask(`▸ ${title}`)));
        return fn();
      },
      secret: (v) => this.masker.add(v),
    };
  }

  taskName(): string | undefined {
    return this.options.task;
  }

  getInput(name: string): string | undefined {
    return this.options.inputs[name];
  }

  setOutput(name: string, value: string): void {
    if (!this.options.json) this.out(this.masker.mask(`${name}=${value}`));
  }

  async appendSummary(markdown: string): Promise<void> {
    this.summaries.push(markdown);
    if (!this.options.json) this.out(this.masker.mask(`\n${markdown}`));
  }

  async postComment(_markdown: string, _marker: string): Promise<CommentOutcome> {
    return { message: "Not on a pull request: the comment is the summary printed above." };
  }

  fail(message: string): void {
    this.err(unCommand(this.masker.mask(`error: ${message}`)));
  }

  /** The last stdout line in --json mode. */
  printJson(outputs: Record<string, string>): void {
    this.out(this.masker.mask(JSON.stringify(outputs)));
  }
}
