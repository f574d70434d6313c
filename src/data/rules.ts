import { readFile } from "node:fs/promises";
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { UserError } from "../errors.js";
import { unreadable } from "../util/files.js";
import type { ColumnJson, ProfileJson, ValueRule } from "./profile.js";
import { TEST_NAMES, type TestName } from "./stats.js";
import { UNIQUE_CAP, UniqueSet } from "./unique-set.js";
import { Kind } from "./values.js";

export interface DriftOverride {
  test?: TestName | "none";
  threshold?: number;
}

export interface ColumnRules {
  min?: number;
  max?: number;
  allowed?: string[];
  maxNullShare?: number;
  unique?: boolean;
  pattern?: string;
  drift?: DriftOverride;
}

/** An expectations file: plain data (it crosses to worker threads), with line numbers for messages. */
export interface Rules {
  file?: string;
  rows?: { min?: number; max?: number };
  columns: Record<string, ColumnRules>;
  drift?: { share?: number };
  /** `rows.min`, `columns.age.max`, ... → line in the YAML file. */
  lines: Record<string, number>;
}

const COLUMN_KEYS = ["min", "max", "allowed", "maxNullShare", "unique", "pattern", "drift"];

/**
 * Reads a rules YAML file:
 *
 * ```yaml
 * rows: { min: 100, max: 1000000 }
 * drift: { share: 0.5 }
 * columns:
 *   age: { min: 0, max: 120, maxNullShare: 0.01 }
 *   sex: { allowed: [M, F] }
 *   id: { unique: true, pattern: "^[A-Z]{2}[0-9]+$" }
 *   bmi: { drift: { test: psi, threshold: 0.2 } }
 * ```
 */
export async function readRules(file: string, input = "rules"): Promise<Rules> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UserError(`'${file}' ${unreadable(error)}`, { input }, "Give the path of a rules YAML file");
  }
  return parseRules(text, file, input);
}

export function parseRules(text: string, file: string, input = "rules"): Rules {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number | undefined =>
    node?.range ? counter.linePos(node.range[0]).line : undefined;
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    // Without prettyErrors the error carries only offsets: the line counter turns them into a position.
    const at = e.linePos?.[0] ?? counter.linePos(e.pos[0]);
    throw new UserError(
      `is not valid YAML: ${e.message.split("\n")[0]}`,
      { input, file, line: at.line, column: at.col },
      "Fix the YAML syntax",
    );
  }
  const rules: Rules = { file, columns: {}, lines: {} };
  const bad = (msg: string, node: YamlNode | null | undefined, fix: string): never => {
    throw new UserError(msg, { input, file, line: lineOf(node) }, fix);
  };
  const root = doc.contents;
  if (root === null || root === undefined) return rules;
  if (!isMap(root))
    bad(
      "the rules file must be a mapping with `columns:`, `rows:` or `drift:`",
      root,
      "See docs/validate-data-details.md for the format",
    );
  const num = (node: unknown, what: string): number => {
    const v = isScalar(node) ? node.value : undefined;
    if (typeof v !== "number" || !Number.isFinite(v))
      bad(`${what} must be a number`, node as YamlNode, `Write a number, such as ${what}: 10`);
    return v as number;
  };
  for (const pair of (root as import("yaml").YAMLMap).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value as YamlNode | null;
    if (key === "rows") {
      if (!isMap(value))
        bad("rows must be a mapping such as { min: 100, max: 100000 }", value, "Write rows: { min: 100 }");
      rules.rows = {};
      for (const p of (value as import("yaml").YAMLMap).items) {
        const k = isScalar(p.key) ? String(p.key.value) : "";
        if (k !== "min" && k !== "max") bad(`unknown key rows.${k}`, p.key as YamlNode, "Use rows.min and rows.max");
        rules.rows[k as "min" | "max"] = num(p.value, `rows.${k}`);
        rules.lines[`rows.${k}`] = lineOf(p.key as YamlNode) ?? 0;
      }
    } else if (key === "drift") {
      if (!isMap(value)) bad("drift must be a mapping such as { share: 0.5 }", value, "Write drift: { share: 0.5 }");
      for (const p of (value as import("yaml").YAMLMap).items) {
        const k = isScalar(p.key) ? String(p.key.value) : "";
        if (k !== "share") bad(`unknown key drift.${k}`, p.key as YamlNode, "Use drift.share");
        const share = num(p.value, "drift.share");
        if (share <= 0 || share > 1)
          bad("drift.share must be in (0, 1]", p.value as YamlNode, "Use a share such as 0.5");
        rules.drift = { share };
      }
    } else if (key === "columns") {
      if (!isMap(value))
        bad("columns must map column names to their rules", value, "Write columns: { age: { min: 0 } }");
      for (const cp of (value as import("yaml").YAMLMap).items) {
        const column = isScalar(cp.key) ? String(cp.key.value) : "";
        const spec = cp.value as YamlNode | null;
        if (!isMap(spec))
          bad(
            `rules of column '${column}' must be a mapping`,
            spec ?? (cp.key as YamlNode),
            "Write for example age: { min: 0, max: 120 }",
          );
        const cr: ColumnRules = {};
        rules.lines[`columns.${column}`] = lineOf(cp.key as YamlNode) ?? 0;
        for (const p of (spec as import("yaml").YAMLMap).items) {
          const k = isScalar(p.key) ? String(p.key.value) : "";
          const v = p.value as YamlNode | null;
          rules.lines[`columns.${column}.${k}`] = lineOf(p.key as YamlNode) ?? 0;
          if (!COLUMN_KEYS.includes(k))
            bad(
              `unknown rule '${k}' for column '${column}'`,
              p.key as YamlNode,
              `Use one of: ${COLUMN_KEYS.join(", ")}`,
            );
          if (k === "min" || k === "max") cr[k] = num(v, k);
          else if (k === "maxNullShare") {
            cr.maxNullShare = num(v, k);
            if (cr.maxNullShare < 0 || cr.maxNullShare > 1)
              bad("maxNullShare must be between 0 and 1", v, "Use a share such as 0.05");
          } else if (k === "unique") {
            if (!isScalar(v) || typeof v.value !== "boolean")
              bad("unique must be true or false", v, "Write unique: true");
            cr.unique = (v as import("yaml").Scalar).value as boolean;
          } else if (k === "allowed") {
            const list = v?.toJSON?.() as unknown;
            if (!Array.isArray(list) || list.length === 0)
              bad("allowed must be a non-empty list", v, "Write allowed: [a, b, c]");
            cr.allowed = (list as unknown[]).map((x) => String(x));
          } else if (k === "pattern") {
            const pat = isScalar(v) ? String(v.value) : "";
            try {
              new RegExp(pat);
            } catch (error) {
              bad(
                `pattern is not a valid regular expression (${(error as Error).message})`,
                v,
                "Fix the regular expression",
              );
            }
            cr.pattern = pat;
          } else if (k === "drift") {
            const d = v?.toJSON?.() as { test?: string; threshold?: number } | undefined;
            if (!d || typeof d !== "object")
              bad(
                "drift must be a mapping such as { test: ks, threshold: 0.05 }",
                v,
                "Write drift: { test: psi, threshold: 0.2 }",
              );
            const dd = d as { test?: string; threshold?: number };
            if (dd.test !== undefined && dd.test !== "none" && !TEST_NAMES.includes(dd.test as TestName)) {
              bad(`unknown drift test '${dd.test}'`, v, `Use one of: ${TEST_NAMES.join(", ")}, none`);
            }
            if (dd.threshold !== undefined && (typeof dd.threshold !== "number" || !(dd.threshold > 0)))
              bad("drift.threshold must be a positive number", v, "Write threshold: 0.1");
            cr.drift = { test: dd.test as TestName | "none" | undefined, threshold: dd.threshold };
          }
        }
        if (cr.min !== undefined && cr.max !== undefined && cr.min > cr.max)
          bad(`min ${cr.min} is above max ${cr.max}`, spec, "Swap min and max");
        rules.columns[column] = cr;
      }
    } else {
      bad(`unknown key '${key}'`, pair.key as YamlNode, "Use columns, rows or drift");
    }
  }
  return rules;
}

/** The rules checked on every value of one column while streaming (the rest use the profile). */
export function valueRules(rules: Rules | undefined, column: string): ValueRule[] {
  const r = rules?.columns[column];
  if (!r) return [];
  const out: ValueRule[] = [];
  const numeric = (k: Kind) => k === Kind.Integer || k === Kind.Number;
  if (r.min !== undefined) {
    const min = r.min;
    out.push({ name: "min", broken: (_s, k, n) => numeric(k) && n < min });
  }
  if (r.max !== undefined) {
    const max = r.max;
    out.push({ name: "max", broken: (_s, k, n) => numeric(k) && n > max });
  }
  if (r.allowed) {
    const allowed = new Set(r.allowed);
    out.push({ name: "allowed", broken: (s) => !allowed.has(s) });
  }
  if (r.pattern !== undefined) {
    const re = new RegExp(r.pattern);
    out.push({ name: "pattern", broken: (s) => !re.test(s) });
  }
  if (r.unique) {
    // Exact, so a repeat is reported with its value and line (see UniqueSet for the memory bound).
    const seen = new UniqueSet();
    out.push({ name: "unique", broken: (s) => seen.add(s) });
  }
  return out;
}

/** True when the rules hold a check that needs every value of a column on one thread. */
export function needsOneThread(rules: Rules | undefined): boolean {
  return Object.values(rules?.columns ?? {}).some((c) => c.unique === true);
}

export interface Finding {
  severity: "error" | "warning";
  column?: string;
  check: string;
  message: string;
  /** Where: the data file and line of a first violating value, or the rules file line. */
  file?: string;
  line?: number;
}

/** Evaluates the rules against a finished profile. */
export function checkRules(rules: Rules, profile: ProfileJson): Finding[] {
  const out: Finding[] = [];
  const ruleLine = (key: string) => rules.lines[key];
  const dataFile = profile.source.files.length === 1 ? profile.source.files[0] : undefined;
  if (rules.rows?.min !== undefined && profile.rows < rules.rows.min) {
    out.push({
      severity: "error",
      check: "rows.min",
      message: `${profile.rows} rows, fewer than the rules' minimum ${rules.rows.min}`,
      file: rules.file,
      line: ruleLine("rows.min"),
    });
  }
  if (rules.rows?.max !== undefined && profile.rows > rules.rows.max) {
    out.push({
      severity: "error",
      check: "rows.max",
      message: `${profile.rows} rows, more than the rules' maximum ${rules.rows.max}`,
      file: rules.file,
      line: ruleLine("rows.max"),
    });
  }
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  for (const [name, r] of Object.entries(rules.columns)) {
    const col = byName.get(name);
    if (!col) {
      out.push({
        severity: "error",
        column: name,
        check: "rules",
        message: `the rules name column '${name}', which the data lacks`,
        file: rules.file,
        line: ruleLine(`columns.${name}`),
      });
      continue;
    }
    for (const rule of ["min", "max", "allowed", "pattern"] as const) {
      const hit = col.rules?.[rule];
      if (!hit) continue;
      const what =
        rule === "min"
          ? `below the minimum ${r.min}`
          : rule === "max"
            ? `above the maximum ${r.max}`
            : rule === "allowed"
              ? "not in the allowed values"
              : `not matching /${r.pattern}/`;
      out.push({
        severity: "error",
        column: name,
        check: rule,
        message: `${hit.count} value(s) ${what}; first ${JSON.stringify(hit.example)} at line ${hit.line}`,
        file: dataFile,
        line: hit.line,
      });
    }
    if (r.maxNullShare !== undefined && col.nullShare > r.maxNullShare) {
      out.push({
        severity: "error",
        column: name,
        check: "maxNullShare",
        message: `null share ${pct(col.nullShare)} is above the maximum ${pct(r.maxNullShare)}`,
        file: rules.file,
        line: ruleLine(`columns.${name}.maxNullShare`),
      });
    }
    const repeat = col.rules?.unique;
    if (r.unique && repeat) {
      out.push({
        severity: "error",
        column: name,
        check: "unique",
        message: `${repeat.count} repeated value(s); first ${JSON.stringify(repeat.example)} at line ${repeat.line}, seen before`,
        file: dataFile,
        line: repeat.line,
      });
    } else if (r.unique && col.count - col.nulls > UNIQUE_CAP) {
      // Past the exact set's capacity, repeats among the later values are estimated.
      const dup = duplicates(col);
      if (dup)
        out.push({
          severity: "error",
          column: name,
          check: "unique",
          message: dup,
          file: rules.file,
          line: ruleLine(`columns.${name}.unique`),
        });
    }
  }
  return out;
}

/**
 * Uniqueness past the exact set's capacity: a value counted twice by the frequent-values sketch is a proven
 * duplicate (exact counts are lower bounds; in a sampled column a count above the stride means two
 * sightings); otherwise the HyperLogLog distinct count, with a 5 % allowance for its error, flags
 * columns with many repeats.
 */
function duplicates(col: ColumnJson): string | undefined {
  const nonNull = col.count - col.nulls;
  const top = col.top.items[0];
  if (top && top[1] > (col.top.stride ?? 1))
    return `values repeat: ${JSON.stringify(top[0])} appears ${top[1]}${col.top.error > 0 ? "+" : ""} times`;
  if (col.top.error > 0 && col.distinct.estimate < nonNull * 0.95) {
    return `about ${nonNull - col.distinct.estimate} repeated values (${col.distinct.estimate} distinct of ${nonNull})`;
  }
  return undefined;
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;
}
