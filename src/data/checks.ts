import { num } from "../report/markdown.js";
import type { ColumnJson, ProfileJson } from "./profile.js";
import { type Finding, pct } from "./rules.js";
import { Kll } from "./sketches/kll.js";

/** How far the null share may rise above the baseline's before it is an error. */
export const NULL_SHARE_MARGIN = 0.05;
/** Row count bounds relative to the baseline's (a warning: the rules file sets hard bounds). */
export const ROW_RATIO = { min: 0.5, max: 2 };

const WIDENING: Record<string, string[]> = {
  integer: ["number"],
  boolean: [],
  date: ["string"],
  number: [],
  string: [],
  empty: [],
};

/** The checks of a profile against a baseline profile: schema, nulls, ranges, categories, rows. */
export function checkAgainstBaseline(baseline: ProfileJson, current: ProfileJson, baselineName: string): Finding[] {
  const out: Finding[] = [];
  const cur = new Map(current.columns.map((c) => [c.name, c]));
  const base = new Map(baseline.columns.map((c) => [c.name, c]));
  const dataFile = current.source.files.length === 1 ? current.source.files[0] : undefined;
  for (const b of baseline.columns) {
    const c = cur.get(b.name);
    if (!c) {
      out.push({
        severity: "error",
        column: b.name,
        check: "missing column",
        message: `column '${b.name}' is in the baseline (${baselineName}) but not in the data`,
      });
      continue;
    }
    typeChange(b, c, out, dataFile);
    const ceiling = Math.min(1, b.nullShare + NULL_SHARE_MARGIN);
    if (c.nullShare > ceiling) {
      out.push({
        severity: "error",
        column: b.name,
        check: "null share",
        message: `null share ${pct(c.nullShare)} is above the baseline's ceiling ${pct(ceiling)} (baseline ${pct(b.nullShare)})`,
      });
    }
    if (b.numeric && c.numeric && (c.type === "integer" || c.type === "number")) {
      const below = c.numeric.min < b.numeric.min;
      const above = c.numeric.max > b.numeric.max;
      if (below || above) {
        const kll = Kll.from(c.numeric.kll);
        const [lo, hi] = kll.cdf([
          b.numeric.min - Number.EPSILON * Math.abs(b.numeric.min) - Number.MIN_VALUE,
          b.numeric.max,
        ]);
        const outside = (below ? lo : 0) + (above ? 1 - hi : 0);
        out.push({
          severity: "warning",
          column: b.name,
          check: "range",
          message: `values outside the baseline's range [${num(b.numeric.min)}, ${num(b.numeric.max)}]: now [${num(c.numeric.min)}, ${num(c.numeric.max)}], about ${pct(outside)} of values`,
        });
      }
    }
    if (b.top.error === 0 && b.type !== "integer" && b.type !== "number" && b.distinct.estimate <= 100) {
      const known = new Set(b.top.items.map((i) => i[0]));
      const unseen = c.top.items.filter(([v]) => !known.has(v));
      if (unseen.length > 0) {
        const total = unseen.reduce((a, [, n]) => a + n, 0);
        const shown = unseen
          .slice(0, 5)
          .map(([v, n]) => `${JSON.stringify(v)} (${n})`)
          .join(", ");
        out.push({
          severity: "warning",
          column: b.name,
          check: "unseen categories",
          message: `${unseen.length} value(s) the baseline never had, in ${total} row(s): ${shown}${unseen.length > 5 ? ", …" : ""}`,
        });
      }
    }
  }
  for (const c of current.columns) {
    if (!base.has(c.name))
      out.push({
        severity: "warning",
        column: c.name,
        check: "new column",
        message: `column '${c.name}' is not in the baseline`,
      });
  }
  const lo = Math.floor(baseline.rows * ROW_RATIO.min);
  const hi = Math.ceil(baseline.rows * ROW_RATIO.max);
  if (current.rows < lo || current.rows > hi) {
    out.push({
      severity: "warning",
      check: "row count",
      message: `${current.rows} rows, outside ${lo}–${hi} (${ROW_RATIO.min}× to ${ROW_RATIO.max}× the baseline's ${baseline.rows})`,
    });
  }
  return out;
}

function typeChange(b: ColumnJson, c: ColumnJson, out: Finding[], dataFile: string | undefined): void {
  if (b.type === c.type || c.type === "empty" || b.type === "empty") {
    if (c.violations > 0 && b.violations === 0 && c.type === b.type) {
      const line = firstViolationLine(c);
      out.push({
        severity: "error",
        column: c.name,
        check: "type",
        message: `${c.violations} value(s) are not ${c.type}${line ? ` (first at line ${line})` : ""}`,
        file: dataFile,
        line: dataFile ? line : undefined,
      });
    }
    return;
  }
  if (WIDENING[b.type]?.includes(c.type)) {
    out.push({
      severity: "warning",
      column: c.name,
      check: "type",
      message: `type widened from ${b.type} to ${c.type}`,
    });
    return;
  }
  const line = firstViolationLine({ ...c, type: b.type });
  out.push({
    severity: "error",
    column: c.name,
    check: "type",
    message: `type changed from ${b.type} to ${c.type}${line ? `; first value that is not ${b.type} at line ${line}` : ""}`,
    file: dataFile,
    line: dataFile ? line : undefined,
  });
}

/** The first line holding a value of a kind the column's type does not accept. */
function firstViolationLine(c: Pick<ColumnJson, "type" | "firstLines">): number | undefined {
  const ok: Record<string, string[]> = {
    integer: ["integer"],
    number: ["integer", "number"],
    boolean: ["boolean"],
    date: ["date"],
    string: [],
  };
  const accepted = ok[c.type] ?? [];
  let line: number | undefined;
  for (const [kind, l] of Object.entries(c.firstLines)) {
    if (accepted.includes(kind) || l === undefined) continue;
    if (c.type === "string") continue;
    if (line === undefined || l < line) line = l;
  }
  return line;
}
