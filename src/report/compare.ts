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

/** The verdict line first, then the table of each metric: champion, candidate, change, verdict. */
export function renderComparison(view: ComparisonView): string {
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
