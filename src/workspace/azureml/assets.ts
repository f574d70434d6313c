/** Helpers shared by data and model versions: version numbering and creation races. */
import { UserError } from "../../errors.js";
import { serviceStatus } from "./contract/errors.js";

/** The next integer version after every numeric version present. */
export function nextVersion(versions: string[]): string {
  const numeric = versions.filter((v) => /^\d+$/.test(v)).map(Number);
  return String((numeric.length > 0 ? Math.max(...numeric) : 0) + 1);
}

/** Newest first by creation time, then by numeric version. */
export function newestFirst<T extends { version: string; createdAt: string }>(items: T[]): T[] {
  return [...items].sort((a, b) =>
    a.createdAt === b.createdAt ? Number(b.version) - Number(a.version) : a.createdAt < b.createdAt ? 1 : -1,
  );
}

/**
 * Tries versions until one is free: two runs registering at once both pick N, one gets 409 from
 * the service (versions are immutable) and moves to N+1.
 */
export async function createWithFreshVersion<T>(first: string, attempt: (version: string) => Promise<T>): Promise<T> {
  let version = Number(first);
  for (let i = 0; i < 5; i++, version++) {
    try {
      return await attempt(String(version));
    } catch (error) {
      if (
        error instanceof UserError &&
        (serviceStatus(error) === 409 || /already exists|immutable|Conflict/i.test(error.message))
      )
        continue;
      throw error;
    }
  }
  throw new UserError(
    `could not find a free version after ${first}`,
    {},
    "Another run keeps registering versions; re-run the task",
  );
}

export { isRemoteUri } from "../../references.js";
