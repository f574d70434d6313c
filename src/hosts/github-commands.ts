/**
 * GitHub Actions workflow commands (`::warning file=…::message` on stdout) and file commands
 * ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY), written here rather than through @actions/core: the
 * protocol is a few lines of text, and @actions/core loads its HTTP client (undici, about a
 * megabyte of code) on every run only to offer OIDC tokens, which is most of a short task's start-up.
 * The host loads @actions/core for OIDC, and where no runner set $GITHUB_OUTPUT. The lines are the
 * ones @actions/core 3 writes for the same calls: test/hosts/github-commands.test.ts compares both.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { EOL } from "node:os";

type Env = Record<string, string | undefined>;

/** Where an annotation points, as GitHub's `file`, `line` and `col` properties. */
export interface AnnotationProperties {
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** %, CR and LF would end or corrupt the command: GitHub decodes these three. */
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** In a property value `:` and `,` separate properties, so they are escaped too. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One workflow command line, without its line end; properties with no value are left out. */
export function workflowCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== "" && v !== 0)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${command}${props.length > 0 ? ` ${props.join(",")}` : ""}::${escapeData(message)}`;
}

/** What the GitHub host writes through: these commands, or @actions/core (see actionsCoreToolkit). */
export interface GitHubToolkit {
  /** The raw value, untrimmed; "" when unset. */
  getInput(name: string): string;
  info(message: string): void;
  debug(message: string): void;
  warning(message: string, where?: AnnotationProperties): void;
  error(message: string, where?: AnnotationProperties): void;
  addMask(secret: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  /** False when there is no job summary to append to. */
  appendSummary(markdown: string): Promise<boolean>;
}

/**
 * The toolkit over @actions/core itself, for where no runner set $GITHUB_OUTPUT: runners older
 * than file commands, and tools that stand in for @actions/core to run an action on a
 * workstation (@github/local-action shows the inputs, outputs and annotations it sees).
 */
export async function actionsCoreToolkit(env: Env = process.env): Promise<GitHubToolkit> {
  const core = await import("@actions/core");
  return {
    getInput: (name) => core.getInput(name, { trimWhitespace: false }),
    info: (message) => core.info(message),
    debug: (message) => core.debug(message),
    warning: (message, where) => core.warning(message, where),
    error: (message, where) => core.error(message, where),
    addMask: (secret) => core.setSecret(secret),
    group: (title, fn) => core.group(title, fn),
    setOutput: (name, value) => core.setOutput(name, value),
    appendSummary: async (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return false;
      await core.summary.addRaw(markdown, true).write();
      return true;
    },
  };
}

/** The workflow and file commands the GitHub host needs; `write` is stdout unless a test says. */
export class GitHubCommands implements GitHubToolkit {
  constructor(
    private readonly env: Env = process.env,
    private readonly write: (text: string) => void = (text) => {
      process.stdout.write(text);
    },
  ) {}

  /** An action input as the runner passes it: INPUT_<NAME>, spaces as underscores; "" when unset. */
  getInput(name: string): string {
    return this.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "";
  }

  info(message: string): void {
    this.write(`${message}${EOL}`);
  }

  debug(message: string): void {
    this.issue("debug", {}, message);
  }

  warning(message: string, where?: AnnotationProperties): void {
    this.issue("warning", annotation(where), message);
  }

  error(message: string, where?: AnnotationProperties): void {
    this.issue("error", annotation(where), message);
  }

  /** The runner replaces the value with *** in every later line of the log. */
  addMask(secret: string): void {
    this.issue("add-mask", {}, secret);
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.issue("group", {}, title);
    try {
      return await fn();
    } finally {
      this.issue("endgroup", {}, "");
    }
  }

  /**
   * Appends `name<<delimiter` … `delimiter` to $GITHUB_OUTPUT: the value may hold any text,
   * line breaks included, and the random delimiter cannot be forged by a value.
   */
  setOutput(name: string, value: string): void {
    const file = this.env.GITHUB_OUTPUT;
    if (!file) {
      // Runners older than $GITHUB_OUTPUT read the deprecated command.
      this.write(EOL);
      this.issue("set-output", { name }, value);
      return;
    }
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
      throw new Error(`Unexpected input: output ${name} contains the delimiter ${delimiter}`);
    }
    if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
    appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: "utf8" });
  }

  /** Appends Markdown to $GITHUB_STEP_SUMMARY; false when the runner gave no summary file. */
  async appendSummary(markdown: string): Promise<boolean> {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) return false;
    await appendFile(file, `${markdown}${EOL}`, { encoding: "utf8" });
    return true;
  }

  private issue(command: string, properties: Record<string, string | number | undefined>, message: string): void {
    this.write(`${workflowCommand(command, properties, message)}${EOL}`);
  }
}

function annotation(where?: AnnotationProperties): Record<string, string | number | undefined> {
  if (!where) return {};
  return { file: where.file, line: where.startLine, col: where.startColumn };
}
