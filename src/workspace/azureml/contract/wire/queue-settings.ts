/**
 * `queue_settings` of a pipeline node (serverless compute) in the form azure-ai-ml sends. A command
 * node's settings go through the SDK's QueueSettings, which maps the YAML's words to the service's:
 * job_tier `spot` → `Spot`, priority `medium` → 2 (recording test_pipeline_job_serverless_compute_with_job_tier).
 * A sweep node's are sent as written (recording ..._sweep_in_pipeline_with_job_tier: `job_tier: standard`).
 * Values were checked when parsed (parse.ts checkQueueSettings).
 */
const TIERS: Record<string, string> = { spot: "Spot", basic: "Basic", standard: "Standard", premium: "Premium" };
const PRIORITIES: Record<string, number> = { low: 1, medium: 2, high: 3 };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function nodeQueueSettings(raw: unknown, nodeType: "command" | "sweep"): Obj | undefined {
  if (!isObj(raw)) return undefined;
  if (nodeType === "sweep") return { ...raw };
  const out: Obj = {};
  if (raw.job_tier !== undefined && raw.job_tier !== null) {
    const tier = String(raw.job_tier);
    out.job_tier = TIERS[tier.toLowerCase()] ?? tier;
  }
  if (raw.priority !== undefined && raw.priority !== null) {
    const priority = String(raw.priority);
    out.priority = PRIORITIES[priority.toLowerCase()] ?? priority;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
