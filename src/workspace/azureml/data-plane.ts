/**
 * The workspace's data plane, where ARM has no API: the discovery document names the regional
 * service; run history gives child runs and log file URLs; MLflow's REST API gives metrics.
 * Requests go through the same credential and retry pipeline as ARM; log files (SAS URLs) go
 * through a pipeline without the bearer token, since storage rejects a token beside a SAS.
 */
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
} from "@azure/core-rest-pipeline";
import type { AzureMlClient } from "./client.js";

interface WorkspaceInfo {
  discoveryUrl?: string;
  mlFlowTrackingUri?: string;
}

export class DataPlane {
  private services?: Promise<{ history: string; mlflow: string }>;
  private readonly plain: Pipeline;
  private readonly http: HttpClient = createDefaultHttpClient();

  constructor(
    private readonly client: AzureMlClient,
    private readonly workspace: () => Promise<WorkspaceInfo>,
  ) {
    this.plain = createPipelineFromOptions({
      retryOptions: { maxRetries: client.timing.maxRetries, retryDelayInMs: client.timing.retryDelayMs },
      tlsOptions: client.tlsOptions,
    });
  }

  /** Base URLs of run history and MLflow, from the discovery document and the tracking URI. */
  private endpoints(): Promise<{ history: string; mlflow: string }> {
    this.services ??= (async () => {
      const ws = await this.workspace();
      if (!ws.discoveryUrl) throw new Error("the workspace has no discoveryUrl");
      const doc = await this.client.must<{ history?: string; api?: string }>("GET", ws.discoveryUrl, {
        what: "read the workspace discovery document",
      });
      const history = (doc.body.history ?? doc.body.api ?? "").replace(/\/$/, "");
      const mlflow = ws.mlFlowTrackingUri
        ? ws.mlFlowTrackingUri.replace(/^azureml:\/\//, "https://").replace(/\/$/, "")
        : `${doc.body.api}/mlflow/v1.0${this.client.wsPath}`;
      return { history, mlflow };
    })();
    return this.services;
  }

  async childRuns<T>(jobName: string, experiment: string, signal?: AbortSignal): Promise<T[]> {
    const { history } = await this.endpoints();
    const out: T[] = [];
    let url: string | undefined =
      `${history}/history/v1.0${this.client.wsPath}/experiments/${encodeURIComponent(experiment)}/runs/${jobName}/children`;
    while (url) {
      const page: { body: { value?: T[]; nextLink?: string | null } } = await this.client.must("GET", url, {
        what: `read the steps of job ${jobName}`,
        signal,
      });
      out.push(...(page.body.value ?? []));
      url = page.body.nextLink ?? undefined;
    }
    return out;
  }

  async logFiles(runId: string, signal?: AbortSignal): Promise<Record<string, string>> {
    const { history } = await this.endpoints();
    const r = await this.client.must<{ logFiles?: Record<string, string> }>(
      "GET",
      `${history}/history/v1.0${this.client.wsPath}/runs/${runId}/details`,
      {
        what: `read the details of run ${runId}`,
        signal,
      },
    );
    return r.body.logFiles ?? {};
  }

  /** Fetches a log file by its SAS URL (no bearer token). */
  async fetchText(url: string, signal?: AbortSignal): Promise<string> {
    const request = createPipelineRequest({
      url,
      method: "GET",
      abortSignal: signal,
      tlsSettings: this.client.tlsOptions,
      headers: createHttpHeaders(),
    });
    const r = await this.plain.sendRequest(this.http, request);
    if (r.status >= 400) throw new Error(`HTTP ${r.status} reading a log file`);
    return r.bodyAsText ?? "";
  }

  /** The latest value of each metric of a run, from MLflow. */
  async runMetrics(runId: string): Promise<Record<string, number>> {
    const { mlflow } = await this.endpoints();
    const r = await this.client.must<{
      run?: { data?: { metrics?: { key: string; value: number; step?: number; timestamp?: number }[] } };
    }>("GET", `${mlflow}/api/2.0/mlflow/runs/get?run_id=${encodeURIComponent(runId)}`, {
      what: `read the metrics of run ${runId}`,
    });
    const out: Record<string, number> = {};
    for (const m of r.body.run?.data?.metrics ?? []) out[m.key] = m.value;
    return out;
  }

  /** A pipeline without the bearer token, for scoring with endpoint keys. */
  plainPipeline(): { pipeline: Pipeline; http: HttpClient } {
    return { pipeline: this.plain, http: this.http };
  }
}
