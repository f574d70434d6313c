// dist/ is committed (GitHub runs action.yml's runs.main straight from the repository): rebuild
// into a temporary folder and fail on any difference. One rebuild of all three bundles: about 1 min
// of CPU (15 s on an idle machine, over 2 min on a busy 2-core one).
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..");

function tree(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    return statSync(full).isDirectory() ? tree(full).map((x) => join(f, x)) : [f];
  });
}

describe("dist/", () => {
  let out: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir: out, cleanup } = await tempDir("mlops-dist-"));
    // Asynchronous, so the test runner stays responsive during a long build.
    try {
      await promisify(execFile)(process.execPath, [join(ROOT, "scripts", "build.mjs"), "--out", out], {
        cwd: ROOT,
        maxBuffer: 1 << 24,
      });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`build failed:\n${e.stdout ?? ""}\n${e.stderr ?? String(error)}`);
    }
  }, 600_000);
  afterAll(async () => cleanup());

  it("holds exactly what `npm run build` makes from the current sources", () => {
    const committed = tree(join(ROOT, "dist")).sort();
    const rebuilt = tree(out).sort();
    expect(committed, "files differ: run npm run build").toEqual(rebuilt);
    const stale = rebuilt.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(ROOT, "dist", f))));
    expect(stale, "stale bundles: run npm run build and commit dist/").toEqual([]);
  });

  it("has one ES module bundle per host, with nothing of this machine in it", () => {
    for (const host of ["github", "azure-devops", "cli"]) {
      expect(JSON.parse(readFileSync(join(out, host, "package.json"), "utf8"))).toEqual({ type: "module" });
      const code = readFileSync(join(out, host, "index.js"), "utf8");
      expect(code.includes(ROOT), `${host} bundle holds the path ${ROOT}`).toBe(false);
      expect(relative(out, join(out, host, "index.js"))).toBe(join(host, "index.js"));
    }
  });
});
