// The scoring server and the router ship as strings inside the bundles: check that the text
// written to a workspace is valid Python and JavaScript before any deployment depends on it.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROUTER_JS } from "../../src/workspace/local/serving/router.js";
import { SCORE_SERVER_PY } from "../../src/workspace/local/serving/score-server.js";
import { tempDir } from "../helpers.js";

describe("the shipped servers", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-servers-"));
  });
  afterEach(() => cleanup());

  it("the scoring server compiles with python3 and imports only the standard library", async () => {
    const file = join(dir, "score_server.py");
    await writeFile(file, SCORE_SERVER_PY);
    execFileSync("python3", ["-m", "py_compile", file]);
    const imported = [...SCORE_SERVER_PY.matchAll(/^(?:import|from) ([\w.]+)/gm)].map((m) => m[1].split(".")[0]);
    expect(new Set(imported)).toEqual(
      new Set(["argparse", "importlib", "json", "os", "sys", "threading", "time", "traceback", "http"]),
    );
  });

  it("the router is valid JavaScript for node and imports only node built-ins", async () => {
    const file = join(dir, "router.mjs");
    await writeFile(file, ROUTER_JS);
    execFileSync(process.execPath, ["--check", file]);
    const imported = [...ROUTER_JS.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imported.every((m) => m.startsWith("node:"))).toBe(true);
  });
});
