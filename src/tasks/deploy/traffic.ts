import { UserError } from "../../errors.js";

export type TrafficMap = Record<string, number>;

/**
 * Parses the `traffic` steps: whole percents, strictly increasing, ending at 100 (the rollout
 * ends with the new deployment serving everything, so the old one can be removed).
 */
export function parseTrafficSteps(text: string, input = "traffic"): number[] {
  const items = text.split(/[,\s]+/).filter((s) => s !== "");
  if (items.length === 0) throw new UserError("has no steps", { input }, "Give percents such as 10,50,100");
  const steps: number[] = [];
  let column = 1;
  for (const item of items) {
    column = text.indexOf(item, column - 1) + 1;
    const p = /^\d{1,3}%?$/.test(item) ? Number.parseInt(item, 10) : Number.NaN;
    const where = { input, column };
    if (!Number.isInteger(p) || p < 1 || p > 100) {
      throw new UserError(
        `step '${item}' (column ${column}) is not a whole percent from 1 to 100`,
        where,
        "Give percents such as 10,50,100",
      );
    }
    const previous = steps.at(-1);
    if (previous !== undefined && p <= previous) {
      throw new UserError(
        `step ${p} (column ${column}) does not increase on ${previous}`,
        where,
        "List the steps in increasing order, such as 10,50,100",
      );
    }
    steps.push(p);
    column += item.length;
  }
  if (steps.at(-1) !== 100) {
    throw new UserError(
      `the last step is ${steps.at(-1)}, not 100`,
      { input },
      "End the steps at 100, such as 10,50,100",
    );
  }
  return steps;
}

/**
 * The traffic map with the new deployment at `percent`: the rest is shared by the deployments
 * that had traffic before, in their old proportions (largest remainder, so it adds up to 100).
 * Deployments that had traffic stay in the map at 0 % rather than vanish, as Azure ML shows them.
 */
export function trafficAt(saved: TrafficMap, deployment: string, percent: number): TrafficMap {
  const old = Object.entries(saved).filter(([d, p]) => d !== deployment && p > 0);
  const total = old.reduce((s, [, p]) => s + p, 0);
  const out: TrafficMap = {};
  if (total === 0) return { [deployment]: 100 };
  const rest = 100 - percent;
  const shares = old.map(([d, p]) => ({ d, exact: (rest * p) / total }));
  for (const s of shares) out[s.d] = Math.floor(s.exact);
  let left = rest - shares.reduce((s, x) => s + Math.floor(x.exact), 0);
  const byRemainder = [...shares].sort(
    (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || (a.d < b.d ? -1 : 1),
  );
  for (const s of byRemainder) {
    if (left <= 0) break;
    out[s.d] += 1;
    left -= 1;
  }
  out[deployment] = percent;
  return out;
}

/** Whether the endpoint had any traffic before (else the first deployment takes 100 % at once). */
export function hasTraffic(map: TrafficMap): boolean {
  return Object.values(map).some((p) => p > 0);
}

export function describeTraffic(map: TrafficMap): string {
  const entries = Object.entries(map);
  return entries.length ? entries.map(([d, p]) => `${d} ${p}%`).join(", ") : "no traffic";
}

/** Same deployments with the same percents (order does not matter). */
export function sameTraffic(a: TrafficMap, b: TrafficMap): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}
