import { isAbsolute, relative, resolve } from "node:path";
import { UserError } from "../../errors.js";

/**
 * `root/...parts` when it stays inside `root`, else a UserError. The last guard before the local
 * workspace writes: names are validated by src/names.ts first, but a path built from anything a
 * user wrote (a name, a version, an artifact path) is checked here too, so `..` or an absolute
 * segment can never put a file outside the workspace folder.
 */
export function insideWorkspace(root: string, ...parts: string[]): string {
  const base = resolve(root);
  const full = resolve(base, ...parts);
  const rel = relative(base, full);
  if (rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))) return full;
  throw new UserError(
    `'${parts.join("/")}' would be written outside the local workspace ${base}`,
    {},
    "Use a name without '..', '/' or '\\' (letters, digits, '-' and '_')",
  );
}
