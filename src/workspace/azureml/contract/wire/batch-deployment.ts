/**
 * The batch deployment PUT in the form azure-ai-ml sends (BatchDeployment._to_rest_object): the
 * compute cluster's ARM id, code configuration, environment id, the model by ARM id (or a
 * registry's asset id) as an `Id` reference, mini-batch size, concurrency per instance, error
 * threshold, `AppendRow` output into one file, retry settings (the given ones, else Azure's defaults
 * written out), logging level and instance count.
 * Fields the user did not give are left out, so the service's defaults apply.
 */

export interface BatchDeploymentWire {
  location: string;
  description: string;
  /** ARM id of the compute cluster. */
  computeId: string;
  codeId: string;
  /** Relative to the code folder, `/`-separated. */
  scoringScript: string;
  environmentId: string;
  /** ARM id of a workspace model version, or a registry's `azureml://registries/...` asset id. */
  modelId: string;
  miniBatchSize: number;
  maxConcurrency?: number;
  errorThreshold: number;
  outputFile: string;
  instanceCount?: number;
  /** retry_settings: retries of a failed or timed-out mini-batch, and the seconds one may take. */
  retry?: { maxRetries: number; timeoutSeconds: number };
}

/** Azure ML's own defaults (REST spec BatchRetrySettings), written out as the SDK's YAML examples do. */
export const BATCH_RETRY = { maxRetries: 3, timeout: "PT30S" } as const;

/**
 * Whole seconds as the ISO 8601 duration azure-ai-ml sends for retry_settings.timeout
 * (to_iso_duration_format: isodate's duration_isoformat of a timedelta): 30 → PT30S, 90 → PT1M30S,
 * 3600 → PT1H, 86400 → P1D.
 */
export function isoSeconds(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  const s = seconds % 60;
  const time = `${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s ? `${s}S` : ""}`;
  if (!days && !time) return "PT0S";
  return `P${days ? `${days}D` : ""}${time ? `T${time}` : ""}`;
}

export function batchDeploymentBody(d: BatchDeploymentWire): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    description: d.description,
    compute: d.computeId,
    codeConfiguration: { codeId: d.codeId, scoringScript: d.scoringScript },
    environmentId: d.environmentId,
    environmentVariables: {},
    properties: {},
    model: { referenceType: "Id", assetId: d.modelId },
    miniBatchSize: d.miniBatchSize,
    errorThreshold: d.errorThreshold,
    outputAction: "AppendRow",
    outputFileName: d.outputFile,
    retrySettings: d.retry
      ? { maxRetries: d.retry.maxRetries, timeout: isoSeconds(d.retry.timeoutSeconds) }
      : { ...BATCH_RETRY },
    loggingLevel: "Info",
    resources: { instanceCount: d.instanceCount ?? 1 },
  };
  if (d.maxConcurrency !== undefined) properties.maxConcurrencyPerInstance = d.maxConcurrency;
  return { tags: {}, location: d.location, properties };
}
