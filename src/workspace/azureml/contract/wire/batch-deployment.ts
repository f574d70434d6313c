/**
 * The batch deployment PUT in the form azure-ai-ml sends (BatchDeployment._to_rest_object): the
 * compute cluster's ARM id, code configuration, environment id, the model by ARM id (or a
 * registry's asset id) as an `Id` reference, mini-batch size, concurrency per instance, error
 * threshold, `AppendRow` output into one file, retry settings, logging level and instance count.
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
}

/** Azure ML's own defaults (REST spec BatchRetrySettings), written out as the SDK's YAML examples do. */
export const BATCH_RETRY = { maxRetries: 3, timeout: "PT30S" } as const;

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
    retrySettings: { ...BATCH_RETRY },
    loggingLevel: "Info",
    resources: { instanceCount: d.instanceCount ?? 1 },
  };
  if (d.maxConcurrency !== undefined) properties.maxConcurrencyPerInstance = d.maxConcurrency;
  return { tags: {}, location: d.location, properties };
}
