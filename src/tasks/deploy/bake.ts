/**
 * A bake window: a steady load at `rps` through the endpoint for `seconds`, and the requests of
 * that window as samples. Where the endpoint records what it served (the local router), its
 * records are the evidence, so every request through it in the window counts, mirrored copies
 * included; elsewhere (Azure ML) the task measures its own requests, and for a mirror step it
 * sends the copies itself, to the new deployment directly, because the service discards mirrored
 * answers where nobody can see them.
 */
import type { EndpointService } from "../../workspace/workspace.js";
import type { Sample } from "./analysis.js";
import { answerProblem } from "./checks.js";

export interface BakeOptions {
  endpoints: EndpointService;
  endpoint: string;
  /** The bodies the load cycles through (the smoke-test request, or rows of evaluationData). */
  requests: string[];
  rps: number;
  seconds: number;
  /** The new deployment: where a mirror step's copies go. */
  deployment: string;
  /** The share of requests copied to `deployment` (a mirror step); 0 for a traffic step. */
  mirrorPercent: number;
  signal: AbortSignal;
}

export interface BakeResult {
  samples: Sample[];
  source: "router" | "runner";
  /** Why the window gave no usable evidence (the router restarted), when it did not. */
  problem?: string;
}

/** A request that has not answered after this long counts as an error (a timeout). */
export const REQUEST_TIMEOUT_MS = 30_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

/** One scoring request, timed; never throws (no answer is a failed sample without a deployment). */
async function timed(
  endpoints: EndpointService,
  endpoint: string,
  body: string,
  kind: Sample["kind"],
  to?: string,
): Promise<Sample> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await Promise.race([
      endpoints.invoke(endpoint, body, to, { once: true }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), REQUEST_TIMEOUT_MS);
      }),
    ]);
    return {
      deployment: answer.deployment ?? to,
      kind,
      ok: answerProblem(answer) === undefined,
      ms: performance.now() - started,
    };
  } catch {
    return { deployment: to, kind, ok: false, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Open-loop load: request i leaves at start + i/rps whatever the earlier ones are doing, so a
 * slow deployment cannot slow the load down and hide its latency.
 */
export async function bake(o: BakeOptions): Promise<BakeResult> {
  const recorder = o.endpoints.served?.bind(o.endpoints);
  const start = recorder ? await recorder(o.endpoint, Number.MAX_SAFE_INTEGER) : undefined;
  const count = Math.round(o.rps * o.seconds);
  const pending: Promise<Sample>[] = [];
  const t0 = performance.now();
  let credit = 0;
  for (let i = 0; i < count && !o.signal.aborted; i++) {
    await sleep(t0 + (i * 1000) / o.rps - performance.now(), o.signal);
    if (o.signal.aborted) break;
    const body = o.requests[i % o.requests.length];
    pending.push(timed(o.endpoints, o.endpoint, body, "live"));
    if (!recorder && o.mirrorPercent > 0) {
      credit += o.mirrorPercent;
      if (credit >= 100) {
        credit -= 100;
        pending.push(timed(o.endpoints, o.endpoint, body, "mirror", o.deployment));
      }
    }
  }
  // Whatever was sent is waited for (bounded by the request timeout), then counted.
  await sleep(t0 + o.seconds * 1000 - performance.now(), o.signal);
  const mine = await Promise.all(pending);
  if (o.signal.aborted) throw new Error("cancelled");
  if (!recorder || !start) return { samples: mine, source: "runner" };

  // The router answers the load before it has the mirrored copies' answers: wait for those.
  let log = await recorder(o.endpoint, start.seq);
  for (let waited = 0; log.inflight > 0 && waited < REQUEST_TIMEOUT_MS; waited += 100) {
    await sleep(100, o.signal);
    log = await recorder(o.endpoint, start.seq);
  }
  if (log.source !== start.source || !log.complete) {
    return {
      samples: [],
      source: "router",
      problem:
        log.source !== start.source
          ? "the endpoint's router restarted during the window: its records start again, so there is no evidence"
          : "the router dropped records of the window (more than it keeps): no complete evidence",
    };
  }
  const samples = log.records
    .filter((r) => r.kind !== "direct")
    .map((r): Sample => ({ deployment: r.deployment, kind: r.kind as Sample["kind"], ok: r.ok, ms: r.ms }));
  return { samples, source: "router" };
}
