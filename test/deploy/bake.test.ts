// The bake window against fake endpoints (counts only, no timing assertions): the runner's own
// measurement with mirror copies sent directly (Azure ML's case), and the router's records, whose
// restart in the middle of a window leaves no evidence.
import { describe, expect, it } from "vitest";
import { bake } from "../../src/tasks/deploy/bake.js";
import type { EndpointService, ScoreResponse, ServedLog, ServedRequest } from "../../src/workspace/workspace.js";

/** Answers every request: `green` when asked by name, else `blue`; every 4th request to green fails. */
function fakeEndpoints(recorder?: (since: number) => ServedLog): {
  endpoints: EndpointService;
  calls: { to?: string; once?: boolean }[];
} {
  const calls: { to?: string; once?: boolean }[] = [];
  let green = 0;
  const endpoints = {
    async invoke(_e: string, _b: string, to?: string, options?: { once?: boolean }): Promise<ScoreResponse> {
      calls.push({ to, once: options?.once });
      if (to === "green") {
        green += 1;
        return green % 4 === 0
          ? { status: 500, body: "boom", deployment: "green" }
          : { status: 200, body: "{}", deployment: "green" };
      }
      return { status: 200, body: "[1]", deployment: "blue" };
    },
    ...(recorder ? { served: async (_e: string, since = 0) => recorder(since) } : {}),
  } as unknown as EndpointService;
  return { endpoints, calls };
}

const signal = new AbortController().signal;

describe("bake window", () => {
  it("without endpoint records: measures its own requests, one attempt each, and sends the mirror share directly", async () => {
    const { endpoints, calls } = fakeEndpoints();
    const result = await bake({
      endpoints,
      endpoint: "e",
      requests: ["{}"],
      rps: 200,
      seconds: 0.1,
      deployment: "green",
      mirrorPercent: 25,
      signal,
    });
    expect(result.source).toBe("runner");
    expect(calls.every((c) => c.once === true)).toBe(true);
    const live = result.samples.filter((s) => s.kind === "live");
    const mirror = result.samples.filter((s) => s.kind === "mirror");
    expect(live).toHaveLength(20);
    expect(live.every((s) => s.deployment === "blue" && s.ok)).toBe(true);
    expect(mirror).toHaveLength(5);
    expect(mirror.filter((s) => !s.ok)).toHaveLength(1);
  });

  it("with endpoint records: the window's records are the evidence, direct requests left out", async () => {
    const records: ServedRequest[] = [];
    let seq = 0;
    const recorder = (since: number): ServedLog => ({
      source: "1",
      seq,
      inflight: 0,
      complete: true,
      records: records.filter((r) => r.seq > since),
    });
    const { endpoints } = fakeEndpoints(recorder);
    // Before the window: requests the bake must not count.
    records.push({ seq: ++seq, deployment: "blue", kind: "live", status: 200, ok: true, ms: 1 });
    const wrapped = {
      ...endpoints,
      served: endpoints.served,
      async invoke(e: string, b: string, to?: string, o?: { once?: boolean }) {
        const answer = await endpoints.invoke(e, b, to, o);
        records.push({ seq: ++seq, deployment: "blue", kind: "live", status: 200, ok: true, ms: 2 });
        records.push({ seq: ++seq, deployment: "green", kind: "mirror", status: 500, ok: false, ms: 3 });
        records.push({ seq: ++seq, deployment: "green", kind: "direct", status: 200, ok: true, ms: 3 });
        return answer;
      },
    } as EndpointService;
    const result = await bake({
      endpoints: wrapped,
      endpoint: "e",
      requests: ["{}"],
      rps: 200,
      seconds: 0.05,
      deployment: "green",
      mirrorPercent: 50,
      signal,
    });
    expect(result.source).toBe("router");
    expect(result.problem).toBeUndefined();
    expect(result.samples.map((s) => s.kind).sort()).toEqual(
      [...Array(10).fill("live"), ...Array(10).fill("mirror")].sort(),
    );
  });

  it("a router that restarted during the window (another recorder) gives no evidence, said plainly", async () => {
    let calls = 0;
    const recorder = (): ServedLog => ({
      source: calls++ === 0 ? "111" : "222",
      seq: 0,
      inflight: 0,
      complete: true,
      records: [],
    });
    const { endpoints } = fakeEndpoints(recorder);
    const result = await bake({
      endpoints,
      endpoint: "e",
      requests: ["{}"],
      rps: 100,
      seconds: 0.02,
      deployment: "green",
      mirrorPercent: 0,
      signal,
    });
    expect(result.samples).toEqual([]);
    expect(result.problem).toMatch(/router restarted during the window/);
  });
});
