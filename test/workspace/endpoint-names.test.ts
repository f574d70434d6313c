// Online and batch endpoints share one set of names, as on Azure ML (a name is unique in the region
// whichever kind it is): the local workspace refuses a new endpoint whose name the other kind has.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { tempDir } from "../helpers.js";

const quiet: Log = {
  info() {},
  warning() {},
  error() {},
  debug() {},
  group: (_t, fn) => fn(),
  secret() {},
};

describe("endpoint names across online and batch endpoints", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-endpoint-names-"));
    ws = await LocalWorkspace.open(join(dir, ".mlops"));
  });
  afterEach(() => cleanup());

  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => "no error",
      (e: unknown) => (e instanceof UserError ? e.describe() : String(e)),
    );

  it("a batch endpoint's name cannot become an online endpoint, nor the other way round", async () => {
    await ws.batchEndpoints.ensure("nightly", quiet);
    expect(await refusal(ws.endpoints.ensure("nightly", quiet))).toBe(
      "'nightly' is already the name of a batch endpoint in this workspace. Online and batch endpoints share one set of names (Azure ML requires a name unique in the region): choose another name for the online endpoint.",
    );
    expect(await ws.endpoints.get("nightly")).toBeUndefined();

    await ws.endpoints.ensure("live", quiet);
    try {
      expect(await refusal(ws.batchEndpoints.ensure("live", quiet))).toMatch(
        /^'live' is already the name of an online endpoint in this workspace\./,
      );
      expect(await ws.batchEndpoints.get("live")).toBeUndefined();
      // The same kind again is the same endpoint, as before.
      expect((await ws.batchEndpoints.ensure("nightly", quiet)).name).toBe("nightly");
    } finally {
      await ws.endpoints.delete("live", quiet);
    }
  });
});
