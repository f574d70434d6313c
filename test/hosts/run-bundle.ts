import { spawn } from "node:child_process";
import { cp } from "node:fs/promises";
import { join } from "node:path";

export const REPO = join(import.meta.dirname, "..", "..");

/**
 * Copies the committed dist/ alone into `dir`: the bundles must run with no node_modules near them.
 * MLOPS_TEST_DIST names other bundles to test instead, such as `node scripts/build.mjs --out DIR`'s.
 */
export async function copyDist(dir: string): Promise<string> {
  const dist = join(dir, "dist");
  await cp(process.env.MLOPS_TEST_DIST || join(REPO, "dist"), dist, { recursive: true });
  return dist;
}

export interface BundleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout lines, without the trailing empty one. */
  lines: string[];
}

/**
 * Runs a bundle as a runner or agent does: `node <bundle>` in the working directory, with only
 * the variables given (plus PATH), so no proxy or CI variable of the machine leaks in.
 */
export function runBundle(
  bundle: string,
  cwd: string,
  env: Record<string, string>,
  args: string[] = [],
  nodeArgs: string[] = [],
): Promise<BundleRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, bundle, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code, stdout, stderr, lines: stdout.split(/\r?\n/).filter((l, i, a) => l !== "" || i < a.length - 1) }),
    );
  });
}

/** Parses a $GITHUB_OUTPUT file (`name<<delimiter` blocks, as @actions/core writes them). */
export function parseGitHubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) {
      const eq = lines[i].indexOf("=");
      if (eq > 0) out[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
      continue;
    }
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join("\n");
  }
  return out;
}
