import { UserError } from "../../errors.js";
import { DIRECTIONS, type DirectionName } from "./directions.js";

/** One declared comparison: `r2:higher:0.01` → the candidate must raise r2 by more than 0.01. */
export interface MetricSpec {
  name: string;
  direction: DirectionName;
  /** The smallest change that counts as better (absolute, in the metric's units). */
  minDelta: number;
}

const METRIC_NAME = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/;

/** Parses `name:higher|lower[:min_delta]` items separated by commas or new lines, strictly. */
export function parseMetricSpecs(text: string, input = "metrics"): MetricSpec[] {
  const specs: MetricSpec[] = [];
  const fix =
    "Write name:higher or name:lower, optionally :min_delta, comma separated, such as r2:higher:0.01,rmse:lower";
  let offset = 0;
  for (const piece of text.split(/(,|\r?\n)/)) {
    const at = offset;
    offset += piece.length;
    if (piece === "," || /^\r?\n$/.test(piece)) continue;
    const item = piece.trim();
    if (item === "") continue;
    const column = at + piece.indexOf(item) + 1;
    const bad = (why: string) => new UserError(`item '${item}' (column ${column}) ${why}`, { input, column }, fix);
    const parts = item.split(":").map((p) => p.trim());
    if (parts.length < 2 || parts.length > 3) throw bad("is not name:direction[:min_delta]");
    const [name, direction, delta] = parts;
    if (!METRIC_NAME.test(name)) throw bad(`has an invalid metric name '${name}'`);
    if (!Object.hasOwn(DIRECTIONS, direction)) throw bad(`has direction '${direction}'; use higher or lower`);
    let minDelta = 0;
    if (delta !== undefined) {
      minDelta = /^\d+(\.\d+)?([eE][+-]?\d+)?$|^\.\d+$/.test(delta) ? Number(delta) : Number.NaN;
      if (!Number.isFinite(minDelta)) throw bad(`has min_delta '${delta}', which is not a number >= 0`);
    }
    if (specs.some((s) => s.name === name)) throw bad(`repeats metric '${name}'`);
    specs.push({ name, direction: direction as DirectionName, minDelta });
  }
  if (specs.length === 0) throw new UserError("names no metric", { input }, fix);
  return specs;
}
