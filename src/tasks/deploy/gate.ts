/**
 * The rollout gate's inputs (bake window, thresholds, mirror step, expected smoke-test answer),
 * parsed and checked before anything changes, including whether the bake can reach
 * `minRequests` at the smallest step at all.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { UserError } from "../../errors.js";
import type { EndpointService } from "../../workspace/workspace.js";
import type { ResolvedData } from "../data-input.js";
import type { Inputs } from "../inputs.js";
import type { InputName } from "../spec.js";
import type { spec } from "../specs/deploy-endpoint.js";
import { bakeNeeded, expectedRequests, type Thresholds } from "./analysis.js";
import { readJsonRequest } from "./checks.js";
import { parseRequestFormat, rowRequests } from "./requests.js";

export interface Gate {
  bake?: { seconds: number; rps: number; thresholds: Thresholds; mirrorPercent: number; requests?: string[] };
  expect?: { value: unknown; tolerance: number; file: string };
}

/** Azure ML's ceiling for mirrored traffic, in percent of live requests. */
export const MAX_MIRROR_PERCENT = 50;

function bounded(
  inputs: Inputs<typeof spec>,
  name: InputName<typeof spec>,
  fallback: number | undefined,
  ok: (n: number) => boolean,
  what: string,
  fix: string,
): number | undefined {
  const n = inputs.has(name) ? inputs.number(name) : fallback;
  if (n !== undefined && !ok(n)) throw new UserError(`'${inputs.string(name)}' is not ${what}`, { input: name }, fix);
  return n;
}

export async function parseGate(
  inputs: Inputs<typeof spec>,
  cwd: string,
  hasSmokeTest: boolean,
  endpoints: EndpointService,
  /** Resolves evaluationData as compare-models does (a file, a folder or a dataset reference). */
  readData: (value: string) => Promise<ResolvedData>,
): Promise<Gate> {
  const seconds = bounded(
    inputs,
    "bakeSeconds",
    0,
    (n) => n >= 0 && n <= 86_400,
    "a number of seconds",
    "Give 0 (the burst only) or the seconds of steady load after each step, such as 60",
  ) as number;
  const rps = bounded(
    inputs,
    "rps",
    5,
    (n) => n > 0 && n <= 1000,
    "a request rate",
    "Give requests per second from more than 0 to 1000, such as 5",
  ) as number;
  const maxErrorRate = bounded(
    inputs,
    "maxErrorRate",
    0.01,
    (n) => n >= 0 && n <= 1,
    "a share of requests",
    "Give a share from 0 to 1, such as 0.01 for 1 %",
  ) as number;
  const maxLatencyMs = bounded(
    inputs,
    "maxLatencyMs",
    undefined,
    (n) => n > 0,
    "a number of milliseconds",
    "Give the p95 latency ceiling in milliseconds, such as 500, or leave it empty for none",
  );
  const minRequests = bounded(
    inputs,
    "minRequests",
    20,
    (n) => Number.isInteger(n) && n >= 0 && n <= 1_000_000,
    "a request count",
    "Give a whole number such as 20 (0 accepts a step with no requests)",
  ) as number;
  const mirrorPercent = bounded(
    inputs,
    "mirrorPercent",
    0,
    (n) => Number.isInteger(n) && n >= 0 && n <= MAX_MIRROR_PERCENT,
    `a whole percent from 0 to ${MAX_MIRROR_PERCENT} (Azure ML mirrors at most ${MAX_MIRROR_PERCENT} % of traffic)`,
    `Give a whole percent from 0 to ${MAX_MIRROR_PERCENT}, such as 10`,
  ) as number;
  const tolerance = bounded(
    inputs,
    "smokeTestTolerance",
    1e-6,
    (n) => n >= 0 && n < 1,
    "a relative tolerance",
    "Give a relative tolerance from 0 to below 1, such as 1e-6",
  ) as number;

  const gate: Gate = {};
  if (inputs.has("smokeTestExpect")) {
    if (!hasSmokeTest) {
      throw new UserError(
        "needs a smoke test to compare with",
        { input: "smokeTestExpect" },
        "Set smokeTest to the request whose answer smokeTestExpect holds",
      );
    }
    const file = resolve(cwd, inputs.requiredString("smokeTestExpect"));
    await readJsonRequest(file, "smokeTestExpect");
    gate.expect = {
      value: JSON.parse(await readFile(file, "utf8")),
      tolerance,
      file: inputs.requiredString("smokeTestExpect"),
    };
  }
  if (mirrorPercent > 0 && seconds === 0) {
    throw new UserError(
      `mirrorPercent ${mirrorPercent} needs a bake window to measure the mirrored copies in`,
      { input: "mirrorPercent" },
      "Set bakeSeconds too, such as 60, or mirrorPercent to 0",
    );
  }
  if (mirrorPercent > 0 && !endpoints.setMirror) {
    throw new UserError(
      "this workspace's endpoints cannot mirror traffic",
      { input: "mirrorPercent" },
      "Set mirrorPercent to 0",
    );
  }
  // requestFormat has a default the hosts fill in: only inputs without one can be told apart as set.
  for (const name of ["evaluationData", "labelColumn"] as const) {
    if (seconds === 0 && inputs.has(name)) {
      throw new UserError(
        "is only used by the bake load, and bakeSeconds is 0",
        { input: name },
        "Set bakeSeconds, or remove this input",
      );
    }
  }
  if (!inputs.has("evaluationData")) {
    for (const name of ["labelColumn"] as const) {
      if (inputs.has(name))
        throw new UserError(
          "is set but evaluationData is not",
          { input: name },
          "Set evaluationData, or remove this input",
        );
    }
  }
  if (seconds === 0) return gate;
  if (!hasSmokeTest) {
    throw new UserError(
      "needs a request to send: the smokeTest request goes first, and is the bake load unless evaluationData is given",
      { input: "bakeSeconds" },
      "Set smokeTest to a JSON request file, or bakeSeconds to 0",
    );
  }
  gate.bake = { seconds, rps, thresholds: { maxErrorRate, maxLatencyMs, minRequests }, mirrorPercent };
  if (inputs.has("evaluationData")) {
    gate.bake.requests = await rowRequests(
      await readData(inputs.requiredString("evaluationData")),
      inputs.string("labelColumn") || undefined,
      parseRequestFormat(inputs.choice("requestFormat")),
    );
  }

  return gate;
}

/**
 * Can the task's own load reach minRequests at the smallest share the new deployment will get?
 * `live`: whether the endpoint serves traffic now (else the rollout goes to 100 % at once and
 * there is nothing to mirror). Throws or warns (see below); returns the warnings.
 */
export function checkBakeSize(gate: Gate, steps: number[], live: boolean, endpoints: EndpointService): string[] {
  if (!gate.bake) return [];
  const { rps, seconds, mirrorPercent: mirror } = gate.bake;
  const { minRequests } = gate.bake.thresholds;
  const mirrorPercent = live ? mirror : 0;
  const smallest = Math.min(live ? steps[0] : 100, ...(mirrorPercent > 0 ? [mirrorPercent] : []));
  const expected = expectedRequests(rps, seconds, smallest);
  if (expected < minRequests) {
    const need = bakeNeeded(rps, smallest, minRequests);
    const where =
      smallest === mirrorPercent && mirrorPercent > 0 ? `the mirror step (${smallest} %)` : `the ${smallest} % step`;
    const text = `at ${rps} request(s)/s for ${seconds} s the new deployment gets about ${expected} request(s) at ${where}, fewer than minRequests ${minRequests}`;
    const fix = `Set bakeSeconds to at least ${need} (minRequests × 100 / (rps × ${smallest})), raise rps, or lower minRequests`;
    // An endpoint that records every request it serves counts its other traffic too: the task's
    // own load is only a floor there, so it is a warning. Elsewhere only the task's requests are
    // measured, so the step would be inconclusive for certain: refused before anything changes.
    if (!endpoints.served) throw new UserError(text, { input: "bakeSeconds" }, fix);
    return [
      `${text}; other traffic through the endpoint counts too, else the step is inconclusive and rolls back. ${fix}.`,
    ];
  }
  return [];
}
