/**
 * The smoke test's expected answer (`smokeTestExpect`): the deployment's JSON answer must equal
 * it, numbers within a relative tolerance, so a deployment that starts and answers but predicts
 * something else (a wrong model file, a changed preprocessing) is stopped before any traffic.
 */

/** The first difference between an answer and the expectation, as a JSON path and both values. */
export interface Mismatch {
  path: string;
  expected: string;
  actual: string;
}

const show = (v: unknown): string => {
  if (v === undefined) return "(absent)";
  const text = JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

const kind = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** Whether two numbers agree within `tolerance`, relative to the larger magnitude (exact at 0). */
export function close(expected: number, actual: number, tolerance: number): boolean {
  if (expected === actual) return true;
  return Math.abs(expected - actual) <= tolerance * Math.max(Math.abs(expected), Math.abs(actual));
}

function key(path: string, k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
}

/** Compares recursively; objects must have the same keys, arrays the same length. */
export function firstMismatch(expected: unknown, actual: unknown, tolerance: number, path = "$"): Mismatch | undefined {
  const differ = (): Mismatch => ({ path, expected: show(expected), actual: show(actual) });
  if (typeof expected === "number" && typeof actual === "number") {
    return close(expected, actual, tolerance) ? undefined : differ();
  }
  if (kind(expected) !== kind(actual)) return differ();
  if (Array.isArray(expected)) {
    const a = actual as unknown[];
    if (a.length !== expected.length) {
      return { path: `${path}.length`, expected: String(expected.length), actual: String(a.length) };
    }
    for (let i = 0; i < expected.length; i++) {
      const m = firstMismatch(expected[i], a[i], tolerance, `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === "object") {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const k of Object.keys(e)) {
      if (!(k in a)) return { path: key(path, k), expected: show(e[k]), actual: "(absent)" };
      const m = firstMismatch(e[k], a[k], tolerance, key(path, k));
      if (m) return m;
    }
    for (const k of Object.keys(a)) {
      if (!(k in e)) return { path: key(path, k), expected: "(absent)", actual: show(a[k]) };
    }
    return undefined;
  }
  return expected === actual ? undefined : differ();
}
