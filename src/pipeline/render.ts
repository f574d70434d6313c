/** The plan shown by a dry run: text for the log and a mermaid graph for the job summary. */
import type { Plan, PlanInput } from "./plan.js";

function describeInput(i: PlanInput): string {
  switch (i.kind) {
    case "value":
      return JSON.stringify(i.value);
    case "data":
      return `${i.type} ${i.path}`;
    case "step":
      return `${i.step}.${i.output}`;
    case "search":
      return "search space";
    case "none":
      return "(not given)";
  }
}

/** One line per step: its level, kind, inputs and what it waits for. */
export function planLines(plan: Plan, reused: readonly string[] = []): string[] {
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const lines: string[] = [];
  plan.levels.forEach((level, i) => {
    lines.push(`Stage ${i + 1}${level.length > 1 ? ` (${level.length} steps in parallel)` : ""}:`);
    for (const id of level) {
      const s = byId.get(id)!;
      const kind = s.node.type === "sweep" ? `sweep of ${describeSweep(s.node.sweep!)}` : s.node.type;
      const ins = Object.entries(s.inputs)
        .map(([k, v]) => `${k}=${describeInput(v)}`)
        .join(", ");
      lines.push(`  ${id} [${kind}]${reused.includes(id) ? " (would be reused)" : ""}${ins ? ` ← ${ins}` : ""}`);
    }
  });
  for (const [name, src] of Object.entries(plan.outputs)) lines.push(`Output ${name} ← ${src.step}.${src.output}`);
  return lines;
}

function describeSweep(s: NonNullable<Plan["steps"][number]["node"]["sweep"]>): string {
  const total = Number.isFinite(s.limits.maxTotalTrials) ? `${s.limits.maxTotalTrials} trials` : "all grid trials";
  return `${total}, ${s.sampling.type}, ${s.objective.goal} ${s.objective.primaryMetric}`;
}

const nodeId = (id: string) => `s_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;

/** The DAG as a mermaid flowchart: steps as nodes, data edges labelled with output names. */
export function mermaid(plan: Plan, reused: readonly string[] = []): string {
  const lines = ["flowchart LR"];
  for (const s of plan.steps) {
    const label = `${s.id}${s.node.type !== "command" ? ` (${s.node.type})` : ""}${reused.includes(s.id) ? " ♻" : ""}`;
    lines.push(`  ${nodeId(s.id)}["${label.replace(/"/g, "'")}"]`);
  }
  for (const s of plan.steps) {
    for (const i of Object.values(s.inputs)) {
      if (i.kind === "step") lines.push(`  ${nodeId(i.step)} -->|${i.output}| ${nodeId(s.id)}`);
    }
  }
  for (const [name, src] of Object.entries(plan.outputs)) {
    lines.push(`  out_${name.replace(/[^A-Za-z0-9_]/g, "_")}[/"${name}"/]`);
    lines.push(`  ${nodeId(src.step)} -->|${src.output}| out_${name.replace(/[^A-Za-z0-9_]/g, "_")}`);
  }
  return lines.join("\n");
}
