import { type ErrorLocation, UserError } from "../errors.js";

export interface Problem {
  message: string;
  where: ErrorLocation;
  fix?: string;
}

/**
 * Everything wrong with a pipeline, collected so the user sees it all before anything runs.
 * `list` holds what Azure ML itself would refuse; `warnings` what it accepts but is likely a
 * mistake (an unknown key, a type that does not match), so we never refuse more than the service.
 */
export class Problems {
  readonly list: Problem[] = [];
  readonly warnings: Problem[] = [];

  add(message: string, where: ErrorLocation, fix?: string): void {
    this.list.push({ message, where, fix });
  }

  warn(message: string, where: ErrorLocation, fix?: string): void {
    this.warnings.push({ message, where, fix });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** A UserError for the first problem (about the pipeline unless it says), saying how many more there are. */
  toError(): UserError {
    const [first] = this.list;
    const more = this.list.length > 1 ? ` (and ${this.list.length - 1} more problem(s) listed above)` : "";
    return new UserError(`${first.message}${more}`, { subject: "pipeline", ...first.where }, first.fix);
  }
}

export function describeProblem(p: Problem): string {
  return new UserError(p.message, p.where, p.fix).describe();
}
