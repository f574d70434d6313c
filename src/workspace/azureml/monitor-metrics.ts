/**
 * An online endpoint's platform metrics from Azure Monitor for a past window, per deployment:
 * what the service itself counted, shown beside what the runner measured. Informational only:
 * Monitor's data has a 1-minute grain and arrives minutes late, so right after a short window it
 * is often empty; a missing permission (403) or no data is an answer with a reason, never an error.
 *
 * Metric names and the `deployment` dimension: "Supported metrics for
 * Microsoft.MachineLearningServices/workspaces/onlineEndpoints" (learn.microsoft.com, Azure Monitor
 * reference): RequestsPerMinute (Count, Average; deployment, statusCode, statusCodeClass,
 * modelStatusCode), RequestLatency_P95 and RequestLatency_P99 (Milliseconds, Average; deployment),
 * all PT1M.
 */
import type { RestError } from "@azure/core-rest-pipeline";
import { errorMessage } from "../../errors.js";
import type { PlatformDeploymentMetrics, PlatformMetrics } from "../workspace.js";
import type { AzureMlClient } from "./client.js";
import type { MetricsResponse } from "./contract/responses.js";

export const ENDPOINT_METRICS = ["RequestsPerMinute", "RequestLatency_P95", "RequestLatency_P99"] as const;

const MINUTE = 60_000;

/** The window widened to whole minutes (the metrics' grain), as Monitor's `start/end` timespan. */
export function minuteTimespan(window: { start: Date; end: Date }): string {
  const start = Math.floor(window.start.getTime() / MINUTE) * MINUTE;
  const end = Math.max(start + MINUTE, Math.ceil(window.end.getTime() / MINUTE) * MINUTE);
  return `${new Date(start).toISOString()}/${new Date(end).toISOString()}`;
}

function statusOf(error: unknown): number | undefined {
  for (let e = error as { statusCode?: number; cause?: unknown } | undefined, i = 0; e && i < 4; i++) {
    if (typeof e.statusCode === "number") return e.statusCode;
    e = e.cause as typeof e;
  }
  return undefined;
}

/**
 * Per deployment: requests = the sum of the per-minute RequestsPerMinute averages (each is that
 * minute's count); p95 / p99 = the worst minute's value.
 */
export function metricsByDeployment(body: MetricsResponse): Record<string, PlatformDeploymentMetrics> {
  const out: Record<string, PlatformDeploymentMetrics> = {};
  for (const metric of body.value ?? []) {
    const name = metric.name?.value;
    for (const series of metric.timeseries ?? []) {
      const points = (series.data ?? []).map((d) => d.average).filter((v): v is number => typeof v === "number");
      if (points.length === 0) continue;
      const deployment =
        series.metadatavalues?.find((m) => m.name?.value?.toLowerCase() === "deployment")?.value ?? "(all)";
      out[deployment] ??= {};
      const entry = out[deployment];
      if (name === "RequestsPerMinute") entry.requests = Math.round(points.reduce((s, v) => s + v, 0));
      else if (name === "RequestLatency_P95") entry.p95 = Math.max(...points);
      else if (name === "RequestLatency_P99") entry.p99 = Math.max(...points);
    }
  }
  return out;
}

export async function readEndpointMetrics(
  client: AzureMlClient,
  endpoint: string,
  window: { start: Date; end: Date },
  signal?: AbortSignal,
): Promise<PlatformMetrics> {
  const timespan = minuteTimespan(window);
  try {
    const r = await client.send(
      "metrics.list",
      { endpoint },
      {
        query: {
          timespan,
          interval: "PT1M",
          metricnames: ENDPOINT_METRICS.join(","),
          aggregation: "Average",
          // One time series per deployment.
          $filter: "deployment eq '*'",
        },
        allow404: true,
        what: `read the Azure Monitor metrics of endpoint ${endpoint}`,
        signal,
      },
    );
    if (!r) return { available: false, reason: `Azure Monitor knows no endpoint ${endpoint} (404)` };
    const deployments = metricsByDeployment(r.body);
    if (Object.keys(deployments).length === 0)
      return {
        available: false,
        reason: `Azure Monitor has no data points for ${timespan} yet (its metrics arrive minutes late)`,
      };
    return { available: true, source: "Azure Monitor", timespan, deployments };
  } catch (error) {
    if ((error as RestError)?.name === "AbortError") throw error;
    if (statusOf(error) === 403)
      return {
        available: false,
        final: true,
        reason:
          "the signed-in identity may not read Azure Monitor metrics (403): the 'Monitoring Reader' role on the endpoint, its workspace or resource group allows it",
      };
    return { available: false, reason: errorMessage(error) };
  }
}
