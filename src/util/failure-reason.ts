/**
 * The one line that says why a step failed, read from what it wrote to stderr (or from the error
 * message a service reports, which embeds the same text). A failed step's output ends with the
 * cause, but often behind noise: a Python traceback puts the exception last and the user's frame
 * somewhere above it; other tools end with a banner ("=== FAILED ===") or a pointer to a log file.
 */

export interface FailureReason {
  /** The reason, such as `ValueError: learning rate 3 is out of range`. */
  message: string;
  /** Where in the user's code, when the reason is a Python exception raised there. */
  file?: string;
  line?: number;
}

/**
 * `userFile` maps a path as Python printed it to the user's own file, or undefined for a path
 * outside the user's code (the standard library, site-packages, the runner's wrapper).
 */
export function failureReason(
  text: string,
  userFile: (path: string) => string | undefined = () => undefined,
): FailureReason | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+$/, ""));
  return pythonReason(lines, userFile) ?? errorLine(lines);
}

const FRAME = /^\s+File "(.+)", line (\d+)(?:, in .*)?$/;
/** An exception's first line: a (dotted) class name, then `: message` or nothing. */
const EXCEPTION = /^([A-Za-z_][\w.]*)(?::\s?(.*))?$/;

/**
 * The last exception Python printed, which is the one that ended the process (a chained
 * exception's traceback comes after its cause's). A traceback is indented frame lines above an
 * unindented exception line; a SyntaxError has one frame line without `, in` and no header.
 */
function pythonReason(lines: string[], userFile: (path: string) => string | undefined): FailureReason | undefined {
  for (let i = lines.length - 1; i > 0; i--) {
    const m = EXCEPTION.exec(lines[i]);
    if (!m || !/^\s/.test(lines[i - 1])) continue;
    const frames: { file: string; line: number }[] = [];
    for (let j = i - 1; j >= 0 && /^\s/.test(lines[j]); j--) {
      const f = FRAME.exec(lines[j]);
      if (f) frames.unshift({ file: f[1], line: Number(f[2]) });
    }
    if (frames.length === 0) continue;
    const message = m[2] !== undefined ? `${m[1]}: ${m[2]}` : m[1];
    for (const frame of frames.reverse()) {
      const file = userFile(frame.file);
      if (file) return { message, file, line: frame.line };
    }
    return { message };
  }
  return undefined;
}

const LOOKS_LIKE_ERROR =
  /\b(error|errors|fail|failed|failure|fatal|exception|panic|abort|aborted|denied|refused|invalid|cannot|can't|could not|couldn't|unable|not found|no such|missing|unknown|unrecognized|illegal|killed|segmentation fault|timed out)\b/i;

/**
 * A banner or a header introduces the reason rather than giving it: a rule of `=` or `-`, a line
 * framed in `===`/`***`/`---`, a line that ends with ':' ("Errors:", "A complete log of this run can
 * be found in:"), a "see the log" pointer, or an exit-status summary.
 */
function isHeader(line: string): boolean {
  const t = line.trim();
  return (
    /^[\W_]+$/.test(t) ||
    /^(={2,}|\*{2,}|-{2,}|#{2,}|>{2,}).*(={2,}|\*{2,}|-{2,}|#{2,}|<{2,})$/.test(t) ||
    /:$/.test(t) ||
    /\b(see|check) (the )?(full )?(log|logs|output)\b|complete log of this run/i.test(t) ||
    /\b(exited|returned|failed) with (exit )?(status )?(code|status)\b/i.test(t) ||
    /^Execution halted$/.test(t)
  );
}

/** The last line that looks like an error and is not a header; else the last line that is not a header. */
function errorLine(lines: string[]): FailureReason | undefined {
  const candidates = lines.map((l) => l.trim()).filter((l) => l !== "" && !isHeader(l));
  const found = [...candidates].reverse().find((l) => LOOKS_LIKE_ERROR.test(l)) ?? candidates.at(-1);
  return found ? { message: found.length > 300 ? `${found.slice(0, 300)}…` : found } : undefined;
}
