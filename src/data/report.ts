import { cell, details, num, sparkline, table } from "../report/markdown.js";
import { type DatasetDrift, SMALL_REFERENCE } from "./drift.js";
import type { ColumnJson, ProfileJson } from "./profile.js";
import { type Finding, pct } from "./rules.js";
import { IS_P_VALUE } from "./stats.js";

export interface ReportInput {
  subject: string;
  passed: boolean;
  failOn: string;
  profile: ProfileJson;
  baseline?: ProfileJson;
  baselineName?: string;
  findings: Finding[];
  drift?: DatasetDrift;
  createdBaseline?: string;
}

/** The Markdown report: the verdict first, then a table per column, then the details. */
export function renderReport(r: ReportInput): string {
  const errors = r.findings.filter((f) => f.severity === "error");
  const warnings = r.findings.filter((f) => f.severity === "warning");
  const lines: string[] = [];
  lines.push(`### ${r.passed ? "✅" : "❌"} validate-data ${r.passed ? "passed" : "failed"}: \`${r.subject}\``);
  lines.push("");
  const verdict: string[] = [`**${errors.length} error(s), ${warnings.length} warning(s)**`];
  if (r.drift) {
    const d = r.drift;
    verdict.push(
      `drift in ${d.driftedColumns.length} of ${d.results.length} tested column(s) (${pct(d.share)}; the dataset counts as drifted at ${pct(d.threshold)}): **${d.drifted ? "dataset drifted" : "no dataset drift"}**`,
    );
  } else if (r.createdBaseline) verdict.push(`baseline written to \`${r.createdBaseline}\``);
  else verdict.push("no baseline: schema and drift not compared");
  verdict.push(`fails on: ${r.failOn}`);
  lines.push(verdict.join(" · "));
  lines.push("");
  const facts = [
    `${r.profile.rows} rows${r.baseline ? ` (baseline ${r.baseline.rows})` : ""}`,
    `${r.profile.columns.length} columns`,
  ];
  if (r.profile.badRows > 0) facts.push(`${r.profile.badRows} bad row(s) skipped`);
  if (r.baselineName) facts.push(`baseline \`${r.baselineName}\``);
  if (r.drift && r.baseline) {
    facts.push(
      r.baseline.rows <= SMALL_REFERENCE
        ? "small reference: KS, chi-square and z-tests at p < 0.05"
        : "large reference: Wasserstein and Jensen–Shannon distances at ≥ 0.1",
    );
  }
  lines.push(facts.join(" · "));
  lines.push("");
  if (errors.length + warnings.length > 0) {
    for (const f of [...errors, ...warnings].slice(0, 50)) {
      const where = f.file ? ` (${f.file}${f.line ? `:${f.line}` : ""})` : "";
      lines.push(
        `- ${f.severity === "error" ? "❌" : "⚠️"} ${f.column ? `\`${cell(f.column)}\` ` : ""}**${f.check}**: ${cell(f.message)}${where}`,
      );
    }
    if (errors.length + warnings.length > 50) lines.push(`- … and ${errors.length + warnings.length - 50} more`);
    lines.push("");
  }
  lines.push(columnTable(r));
  lines.push("");
  const drifted = r.drift?.results.filter((x) => x.drifted) ?? [];
  if (drifted.length > 0) {
    lines.push("**What moved most**");
    lines.push("");
    for (const d of drifted) lines.push(`- \`${cell(d.column)}\`: ${d.message}`);
    lines.push("");
  }
  if (r.profile.labelColumn) lines.push(classBalance(r.profile, r.baseline), "");
  lines.push(details("Profile details", profileTable(r.profile)));
  lines.push("");
  return lines.join("\n");
}

function columnTable(r: ReportInput): string {
  const base = new Map(r.baseline?.columns.map((c) => [c.name, c]) ?? []);
  const drift = new Map(r.drift?.results.map((d) => [d.column, d]) ?? []);
  const skipped = new Map(r.drift?.skipped.map((s) => [s.column, s.reason]) ?? []);
  const problems = new Map<string, Finding[]>();
  for (const f of r.findings) if (f.column) problems.set(f.column, [...(problems.get(f.column) ?? []), f]);
  const names = [...r.profile.columns.map((c) => c.name)];
  for (const b of r.baseline?.columns ?? []) if (!names.includes(b.name)) names.push(b.name);
  const cur = new Map(r.profile.columns.map((c) => [c.name, c]));
  const rows = names.map((name) => {
    const c = cur.get(name);
    const b = base.get(name);
    const d = drift.get(name);
    const fs = problems.get(name) ?? [];
    const verdict = fs.some((f) => f.severity === "error")
      ? "❌ error"
      : d?.drifted
        ? "⚠️ drift"
        : fs.length > 0
          ? "⚠️ warning"
          : "✅";
    const pair = (f: (x: ColumnJson) => string) =>
      b && c ? `${f(b)} → ${f(c)}` : c ? f(c) : b ? `${f(b)} → missing` : "";
    const test = d ? d.test : (skipped.get(name) ?? (b ? "" : "new"));
    const stat = d ? `${num(d.score)} ${IS_P_VALUE[d.test] ? "(p)" : ""}`.trim() : "";
    const threshold = d ? `${IS_P_VALUE[d.test] ? "<" : "≥"} ${num(d.threshold)}` : "";
    const spark = d ? `${sparkline(d.bins.baseline)} / ${sparkline(d.bins.current)}` : c ? sparkline(hist(c)) : "";
    return [
      `\`${name}\``,
      pair((x) => x.type),
      pair((x) => pct(x.nullShare)),
      pair((x) => (x.numeric ? num(x.numeric.mean) : `${num(x.distinct.estimate)} distinct`)),
      test,
      stat,
      threshold,
      d ? num(d.psi) : "",
      verdict,
      spark,
    ];
  });
  return table(
    [
      "column",
      "type",
      "nulls",
      "mean / distinct",
      "test",
      "score",
      "drift when",
      "PSI",
      "verdict",
      r.baseline ? "baseline / now" : "histogram",
    ],
    rows,
  );
}

function hist(c: ColumnJson): number[] {
  if (c.numeric) return c.numeric.histogram.counts;
  return c.top.items.slice(0, 20).map((i) => i[1]);
}

function classBalance(p: ProfileJson, baseline?: ProfileJson): string {
  const label = p.labelColumn as string;
  const c = p.columns.find((x) => x.name === label);
  const b = baseline?.columns.find((x) => x.name === label);
  if (!c) return "";
  const n = c.count - c.nulls;
  const bn = b ? b.count - b.nulls : 0;
  const bmap = new Map(b?.top.items ?? []);
  const rows = c.top.items.slice(0, 20).map(([v, k]) => [v, k, pct(k / n), b ? pct((bmap.get(v) ?? 0) / bn) : "–"]);
  return `**Class balance of \`${label}\`**\n\n${table(["class", "rows", "share", "baseline share"], rows)}`;
}

function profileTable(p: ProfileJson): string {
  const rows = p.columns.map((c) => {
    const q = c.numeric?.quantiles;
    return [
      `\`${c.name}\``,
      c.type,
      c.violations,
      c.count,
      c.nulls,
      num(c.distinct.estimate),
      c.numeric
        ? `${num(c.numeric.min)} / ${num(q?.p25)} / ${num(q?.p50)} / ${num(q?.p75)} / ${num(c.numeric.max)}`
        : c.dates
          ? `${c.dates.min} … ${c.dates.max}`
          : "",
      c.numeric ? `${num(c.numeric.mean)} ± ${num(c.numeric.std)}` : "",
      `${c.lengths.min}–${c.lengths.max} (${num(c.lengths.mean)})`,
      c.top.items
        .slice(0, 3)
        .map(([v, n]) => `${v.length > 20 ? `${v.slice(0, 20)}…` : v} (${n})`)
        .join(", "),
    ];
  });
  return table(
    [
      "column",
      "type",
      "violations",
      "count",
      "nulls",
      "distinct",
      "min / p25 / p50 / p75 / max",
      "mean ± std",
      "length",
      "top values",
    ],
    rows,
  );
}
