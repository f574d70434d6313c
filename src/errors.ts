/**
 * What a backend's or parser's error is about, when a task input supplied it. Code below tasks/
 * names the subject, never the input: the task maps subjects to its inputs (withInputs), so a
 * renamed input cannot leave an error pointing at nothing.
 */
export type ErrorSubject =
  | "pipeline"
  | "overrides"
  | "job"
  | "endpoint"
  | "deployment"
  | "scoringScript"
  | "dataPath"
  | "modelPath"
  | "compute"
  | "batchInput"
  | "outputPath";

/** Where a user error applies: the input, and the file position when one is known. */
export interface ErrorLocation {
  input?: string;
  /** Set below tasks/ instead of `input`; the task turns it into its input's name. */
  subject?: ErrorSubject;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * An error the user can act on: bad input, bad data, a failed step. Hosts print it as one line
 * (an annotation on GitHub, a logged issue on Azure DevOps) and exit 1, never with a stack trace.
 */
export class UserError extends Error {
  readonly location: ErrorLocation;
  readonly fix?: string;

  constructor(message: string, location: ErrorLocation = {}, fix?: string) {
    super(message);
    this.name = "UserError";
    this.location = location;
    this.fix = fix;
  }

  /** One line: where, what, and what to do. */
  describe(): string {
    const where: string[] = [];
    if (this.location.input) where.push(`input '${this.location.input}'`);
    if (this.location.file) {
      let pos = this.location.file;
      if (this.location.line !== undefined) pos += `:${this.location.line}`;
      if (this.location.column !== undefined) pos += `:${this.location.column}`;
      where.push(pos);
    }
    const prefix = where.length > 0 ? `${where.join(", ")}: ` : "";
    if (!this.fix) return oneLine(`${prefix}${this.message}`);
    const fix = /[.?!]$/.test(this.fix) ? this.fix : `${this.fix}.`;
    return oneLine(`${prefix}${this.message}. ${fix}`);
  }
}

/**
 * The line as a log may show it: control characters a value brought in are written as escapes (a
 * newline would start a second line, which a runner may read as a command of its own), and a
 * huge word (a 100 kB value echoed back) keeps its start and end.
 */
export function oneLine(text: string): string {
  return text
    .replace(/(?!\t)\p{Cc}/gu, (c) =>
      c === "\n" ? "\\n" : c === "\r" ? "\\r" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
    )
    .replace(/\S{301,}/g, (w) => `${w.slice(0, 200)}…(${w.length} characters)…${w.slice(-60)}`);
}

/** A task that ran and reached a failing verdict (failed step, failed gate, rolled back). */
export class TaskFailure extends Error {
  constructor(
    message: string,
    readonly location?: ErrorLocation,
  ) {
    super(message);
    this.name = "TaskFailure";
  }
}

/** Which input of a task supplies each subject. */
export type SubjectInputs = Partial<Record<ErrorSubject, string>>;

/**
 * Runs `fn`; a UserError or TaskFailure it throws about a subject in `inputs`, naming no input yet,
 * is rethrown naming that input.
 */
export async function withInputs<T>(inputs: SubjectInputs, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if ((error instanceof UserError || error instanceof TaskFailure) && error.location) {
      Object.assign(error.location, namingInput(error.location, inputs));
    }
    throw error;
  }
}

/** `where`, naming the input that supplies its subject when it names none yet. */
export function namingInput(where: ErrorLocation, inputs: SubjectInputs): ErrorLocation {
  const input = where.subject && inputs[where.subject];
  return input && !where.input ? { ...where, input } : where;
}

export function errorMessage(error: unknown): string {
  if (error instanceof UserError) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}
