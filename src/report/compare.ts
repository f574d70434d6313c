import { num, table } from "./markdown.js";

/** What the comparison report shows; built by compare-models, rendered here. */
export interface ComparisonView {
  modelName: string;
  candidate: string;
  champion?: string;
  better: boolean;
  decision: "promote" | "keep-champion";
  reason: string;
  rows: {
    metric: string;
    goal: string;
    minDelta: number;
    champion?: number;
    candidate: number;
    change?: number;
    verdict: "better" | "worse" | "not-enough" | "no-baseline";
  }[];
  /** Lines about what was registered and tagged. */
  notes: string[];
  /** Set when both models were scored on evaluationData: shown instead of the recorded metrics. */
  evaluation?: EvaluationView;
}

/** Champion and candidate scored on the same rows: point values and the paired interval of the change. */
export interface EvaluationView {
  /** The data as the user named it, or `name@version`. */
  data: string;
  problemType: string;
  rows: number;
  confidence: number;
  samples: number;
  metrics: {
    metric: string;
    goal: "higher" | "lower";
    minDelta: number;
    champion?: number;
    candidate: number;
    /** candidate − champion, and its interval (absent without a champion). */
    delta?: number;
    ciLow?: number;
    ciHigh?: number;
    pValue?: number;
    verdict: "better" | "worse" | "inconclusive" | "no-champion";
  }[];
}

const VERDICT = {
  better: "✅ better",
  worse: "❌ worse",
  "not-enough": "➖ not enough",
  "no-baseline": "✅ no champion value",
} as const;

function change(champion: number | undefined, delta: number | undefined): string {
  if (champion === undefined || delta === undefined) return "–";
  const sign = delta > 0 ? "+" : "";
  const pct = champion !== 0 ? ` (${sign}${num((delta / Math.abs(champion)) * 100)} %)` : "";
  return `${sign}${num(delta)}${pct}`;
}

const PAIRED_VERDICT = {
  better: "✅ better",
  worse: "❌ worse",
  inconclusive: "➖ inconclusive",
  "no-champion": "✅ no champion",
} as const;

function signed(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return "–";
  return `${x > 0 ? "+" : ""}${num(x)}`;
}

function pValue(p: number | undefined): string {
  if (p === undefined || Number.isNaN(p)) return "–";
  return p < 0.001 ? "< 0.001" : String(Number(p.toPrecision(2)));
}

const CHART_WIDTH = 41;

/**
 * A text chart of each change and its interval, on one scale per metric that holds 0 and the
 * threshold (metrics have different units): `├──●──┤` is the interval and the change, `┊` is 0,
 * `▲` the min_delta the interval must clear. Monospace, so it renders the same in every summary.
 */
export function intervalChart(metrics: EvaluationView["metrics"]): string {
  const rows = metrics.filter((m) => m.delta !== undefined && Number.isFinite(m.ciLow) && Number.isFinite(m.ciHigh));
  if (rows.length === 0) return "";
  const label = Math.max(...rows.map((m) => m.metric.length));
  const lines = rows.map((m) => {
    const low = m.ciLow as number;
    const high = m.ciHigh as number;
    const delta = m.delta as number;
    const threshold = m.goal === "higher" ? m.minDelta : -m.minDelta;
    const lo = Math.min(low, 0, threshold);
    const hi = Math.max(high, 0, threshold);
    const pad = (hi - lo) * 0.08 || 1;
    const at = (x: number) => Math.round(((x - (lo - pad)) / (hi - lo + 2 * pad)) * (CHART_WIDTH - 1));
    const line = Array.from({ length: CHART_WIDTH }, () => " ");
    const [a, b] = [at(low), at(high)];
    for (let i = a; i <= b; i++) line[i] = "─";
    line[a] = "├";
    line[b] = "┤";
    if (m.minDelta > 0) line[at(threshold)] = "▲";
    if (line[at(0)] === " " || line[at(0)] === "─") line[at(0)] = "┊";
    line[at(delta)] = "●";
    const range = `[${signed(low)}, ${signed(high)}]`;
    return `${m.metric.padEnd(label)}  ${line.join("")}  ${signed(delta)} ${range} (${m.goal} is better)`;
  });
  return ["```text", ...lines, "```"].join("\n");
}

function renderEvaluation(view: ComparisonView, e: EvaluationView): string {
  const { candidate, champion } = view;
  const on = `scored on \`${e.data}\` (${e.rows} rows)`;
  const head = !champion
    ? `✅ **Promote \`${candidate}\`**: no champion yet (no version of \`${view.modelName}\` is tagged \`champion=true\`); the candidate was ${on}.`
    : view.better
      ? `✅ **Promote \`${candidate}\`** over champion \`${champion}\`, both ${on}: ${view.reason}.`
      : `➖ **Keep champion \`${champion}\`**: \`${candidate}\`, both ${on}, is ${view.reason}.`;
  const pct = `${Number((e.confidence * 100).toPrecision(4))} %`;
  const rows = e.metrics.map((m) => [
    `\`${m.metric}\``,
    m.minDelta > 0 ? `${m.goal} by > ${num(m.minDelta)}` : m.goal,
    num(m.champion),
    num(m.candidate),
    signed(m.delta),
    m.ciLow === undefined ? "–" : `[${signed(m.ciLow)}, ${signed(m.ciHigh)}]`,
    pValue(m.pValue),
    PAIRED_VERDICT[m.verdict],
  ]);
  const lines = [
    head,
    "",
    `#### Model \`${view.modelName}\`: candidate \`${candidate}\` vs champion ${champion ? `\`${champion}\`` : "(none)"} on the same rows`,
    "",
    table(["metric", "goal", "champion", "candidate", "change", `${pct} interval`, "p", "verdict"], rows),
    "",
  ];
  const chart = intervalChart(e.metrics);
  if (chart) lines.push(`Change (candidate − champion) with its ${pct} interval:`, "", chart, "");
  lines.push(
    champion
      ? `Both models were scored through the same scoring script on the same ${e.rows} rows of \`${e.data}\` (${e.problemType}); the metrics were computed from their answers, and the intervals come from a paired bootstrap of ${e.samples} seeded samples. A metric is better only when its whole interval clears its min_delta.`
      : `The candidate was scored on ${e.rows} rows of \`${e.data}\` (${e.problemType}); the metrics were computed from its answers.`,
    "",
    `Decision: **${view.decision}**`,
  );
  if (view.notes.length) lines.push("", ...view.notes.map((n) => `- ${n}`));
  return `${lines.join("\n")}\n`;
}

/** The verdict line first, then the table of each metric: champion, candidate, change, verdict. */
export function renderComparison(view: ComparisonView): string {
  if (view.evaluation) return renderEvaluation(view, view.evaluation);
  const { candidate, champion } = view;
  const head = !champion
    ? `✅ **Promote \`${candidate}\`**: no champion yet (no version of \`${view.modelName}\` is tagged \`champion=true\`), so the candidate wins.`
    : view.better
      ? `✅ **Promote \`${candidate}\`**: ${view.reason} than champion \`${champion}\`.`
      : `➖ **Keep champion \`${champion}\`**: \`${candidate}\` is ${view.reason}.`;
  const rows = view.rows.map((r) => [
    `\`${r.metric}\``,
    r.minDelta > 0 ? `${r.goal} by > ${num(r.minDelta)}` : r.goal,
    num(r.champion),
    num(r.candidate),
    change(r.champion, r.change),
    VERDICT[r.verdict],
  ]);
  const lines = [
    head,
    "",
    `#### Model \`${view.modelName}\`: candidate \`${candidate}\` vs champion ${champion ? `\`${champion}\`` : "(none)"}`,
    "",
    table(["metric", "goal", "champion", "candidate", "change", "verdict"], rows),
    "",
    `Decision: **${view.decision}**`,
  ];
  if (view.notes.length) lines.push("", ...view.notes.map((n) => `- ${n}`));
  return `${lines.join("\n")}\n`;
}
