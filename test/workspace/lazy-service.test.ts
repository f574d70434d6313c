// The local workspace loads its job runner and its endpoints on first use (lazy-service.ts). What
// a task sees must not change: the same methods, optional ones (capabilities) included, and one
// service instance whose state lasts across calls.
import { describe, expect, it } from "vitest";
import { LocalBatchEndpoints } from "../../src/workspace/local/batch/service.js";
import { LocalEndpoints } from "../../src/workspace/local/endpoints.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { LocalJobs } from "../../src/workspace/local/jobs.js";
import { lazyService } from "../../src/workspace/local/lazy-service.js";
import { tempDir } from "../helpers.js";

/**
 * Every method a class's instances have but its private helpers (TypeScript keeps those on the
 * prototype, so they are listed: a new public method must be added to local/index.ts's list).
 */
function methods(proto: object, privates: string[]): string[] {
  return Object.getOwnPropertyNames(proto)
    .filter((n) => n !== "constructor" && !privates.includes(n))
    .sort();
}

describe("the local workspace's lazily loaded services", () => {
  it("offer every public method of LocalJobs, LocalEndpoints and LocalBatchEndpoints, so no capability is hidden", async () => {
    const { dir, cleanup } = await tempDir("mlops-lazy-service-");
    try {
      const ws = await LocalWorkspace.open(dir);
      const jobPrivates = ["dir", "waitHere", "waitElsewhere", "plan", "save"];
      expect(Object.keys(ws.jobs).sort()).toEqual(methods(LocalJobs.prototype, jobPrivates));
      const endpointPrivates = ["recordFile", "endpointDir", "deploymentDir", "read", "update", "script"];
      endpointPrivates.push("routerHealth", "deploymentHealth", "state");
      expect(Object.keys(ws.endpoints).sort()).toEqual(methods(LocalEndpoints.prototype, endpointPrivates));
      expect(await ws.endpoints.list()).toEqual([]);
      expect(Object.keys(ws.batchEndpoints).sort()).toEqual(
        methods(LocalBatchEndpoints.prototype, ["read", "state", "waitElsewhere", "readJob"]),
      );
      expect(await ws.batchEndpoints.list()).toEqual([]);
      expect(await ws.jobs.get("nothing")).toBeUndefined();
    } finally {
      await cleanup();
    }
  });

  it("loads once, on the first call, and keeps one instance", async () => {
    let loads = 0;
    class Counter {
      n = 0;
      async add(k: number): Promise<number> {
        this.n += k;
        return this.n;
      }
    }
    const service = lazyService(
      async () => {
        loads++;
        return new Counter();
      },
      ["add"] as const,
    );
    expect(loads).toBe(0);
    expect(await Promise.all([service.add(1), service.add(2)])).toEqual([1, 3]);
    expect(await service.add(3)).toBe(6);
    expect(loads).toBe(1);
  });
});
