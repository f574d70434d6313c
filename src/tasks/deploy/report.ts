/**
 * The rollout's measurements in the job summary: one table row per deployment per step, then a
 * text chart per step (p95 latency bars with error rates), which renders the same on GitHub and
 * Azure DevOps.
 */
import { num, table } from "../../report/markdown.js";
import type { StepAnalysis } from "./analysis.js";
import { describeTraffic } from "./traffic.js";

const VERDICT = { pass: "✅ pass", fail: "❌ fail", inconclusive: "❔ inconclusive" } as const;

const percent = (rate: number) => `${num(rate * 100)} %`;

function traffic(a: StepAnalysis): string {
  const mirror = Object.entries(a.mirrorTraffic ?? {}).filter(([, p]) => p > 0);
  return `${describeTraffic(a.traffic)}${mirror.length ? `; mirror ${mirror.map(([d, p]) => `${d} ${p}%`).join(", ")}` : ""}`;
}

/** A bar per deployment: its p95 latency against the slowest in the step. */
function chart(a: StepAnalysis, width = 30): string {
  const entries = Object.entries(a.deployments);
  const slowest = Math.max(...entries.map(([, n]) => n.p95), 0);
  const label = Math.max(...entries.map(([d]) => d.length), 4);
  const lines = entries.map(([d, n]) => {
    const bar = slowest > 0 ? "█".repeat(Math.max(1, Math.round((n.p95 / slowest) * width))) : "";
    return `${d.padEnd(label)}  p95 ${bar.padEnd(width)} ${num(n.p95)} ms  errors ${percent(n.errorRate)} of ${n.requests}`;
  });
  // Inside a code block only a backtick could end it early; names cannot hold one, but be sure.
  const safe = [`${a.step} (${a.verdict})`, ...lines].map((l) => l.replace(/`/g, "'"));
  return ["```text", ...safe, "```"].join("\n");
}

/**
 * The endpoint's own metrics per step (Azure Monitor), beside the runner's: informational, and
 * why they are absent when they are.
 */
function platformSection(analysis: StepAnalysis[]): string[] {
  const shown = analysis.filter((a) => a.platform);
  if (shown.length === 0) return [];
  const rows = shown.flatMap((a) => {
    const p = a.platform as NonNullable<StepAnalysis["platform"]>;
    if (!p.available) return [[a.step, "", "", "", "", p.reason]];
    return Object.entries(p.deployments).map(([d, n], i) => [
      i === 0 ? a.step : "",
      i === 0 ? p.timespan : "",
      d,
      n.requests ?? "",
      n.p95 === undefined ? "" : num(n.p95),
      n.p99 === undefined ? "" : num(n.p99),
    ]);
  });
  return [
    "",
    "#### The endpoint's own metrics (Azure Monitor) — informational: 1-minute grain over whole minutes, minutes late; the runner's numbers above decide",
    "",
    table(["step", "timespan", "deployment", "requests", "p95 (worst minute)", "p99 (worst minute)"], rows),
  ];
}

export function renderAnalysis(analysis: StepAnalysis[], deployment: string): string {
  const rows = analysis.flatMap((a) =>
    Object.entries(a.deployments).map(([d, n], i) => [
      i === 0 ? a.step : "",
      i === 0 ? traffic(a) : "",
      d === deployment || d === `${deployment} (mirror)` ? `**${d}**` : d,
      n.requests,
      n.errors,
      percent(n.errorRate),
      num(n.p50),
      num(n.p95),
      num(n.p99),
      i === 0 ? `${VERDICT[a.verdict]}${a.reasons.length ? `: ${a.reasons.join("; ")}` : ""}` : "",
    ]),
  );
  const measured = analysis.some((a) => a.source === "router")
    ? "recorded by the endpoint's router: every request through it"
    : "measured by this task from its own requests";
  return [
    `#### Measurements — ${measured}; latency in ms`,
    "",
    table(["step", "traffic", "deployment", "requests", "errors", "error rate", "p50", "p95", "p99", "verdict"], rows),
    "",
    analysis.map((a) => chart(a)).join("\n\n"),
    ...platformSection(analysis),
  ].join("\n");
}
