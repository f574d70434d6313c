/**
 * The workspace's data plane, where ARM has no API: the discovery document names the regional
 * service; run history gives child runs and log file URLs; MLflow's REST API gives metrics.
 * Requests go through the same credential and retry pipeline as ARM; log files (SAS URLs) go
 * through a pipeline without the bearer token, since storage rejects a token beside a SAS.
 */
import {
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
} from "@azure/core-rest-pipeline";
import type { AzureMlClient } from "./client.js";
import type { DiscoveryDocument, HistoryRun, Page } from "./contract/responses.js";
import { mlflowTrackingBase } from "./contract/routes.js";
import { timedHttpClient } from "./http-timeouts.js";

interface WorkspaceInfo {
  discoveryUrl?: string;
  mlFlowTrackingUri?: string;
}

export class DataPlane {
  private services?: Promise<{ history: string; mlflow: string }>;
  private readonly plain: Pipeline;
  private readonly http: HttpClient;

  constructor(
    private readonly client: AzureMlClient,
    private readonly workspace: () => Promise<WorkspaceInfo>,
  ) {
    this.http = timedHttpClient(client.agents);
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
      const doc = await this.client.mustUrl<DiscoveryDocument>("GET", ws.discoveryUrl, {
        what: "read the workspace discovery document",
      });
      const history = (doc.body.history ?? doc.body.api ?? "").replace(/\/$/, "");
      const mlflow = ws.mlFlowTrackingUri
        ? ws.mlFlowTrackingUri.replace(/^azureml:\/\//, "https://").replace(/\/$/, "")
        : mlflowTrackingBase(String(doc.body.api), this.client.ref);
      return { history, mlflow };
    })();
    return this.services;
  }

  async childRuns(jobName: string, experiment: string, signal?: AbortSignal): Promise<HistoryRun[]> {
    const { history } = await this.endpoints();
    const what = `read the steps of job ${jobName}`;
    const first = await this.client.must(
      "runHistory.listChildren",
      { experiment, run: jobName },
      { base: history, what, signal },
    );
    const out = [...(first.body.value ?? [])];
    // Later pages: the URL the service hands back, as given.
    for (let next = first.body.nextLink; next; ) {
      const page = await this.client.mustUrl<Page<HistoryRun>>("GET", next, { what, signal });
      out.push(...(page.body.value ?? []));
      next = page.body.nextLink;
    }
    return out;
  }

  async logFiles(runId: string, signal?: AbortSignal): Promise<Record<string, string>> {
    const { history } = await this.endpoints();
    const r = await this.client.must(
      "runHistory.getDetails",
      { run: runId },
      { base: history, what: `read the details of run ${runId}`, signal },
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
    const r = await this.client.must(
      "mlflow.getRun",
      {},
      { base: mlflow, query: { run_id: runId }, what: `read the metrics of run ${runId}` },
    );
    const out: Record<string, number> = {};
    for (const m of r.body.run?.data?.metrics ?? []) out[m.key] = m.value;
    return out;
  }

  /** A pipeline without the bearer token, for scoring with endpoint keys. */
  plainPipeline(): { pipeline: Pipeline; http: HttpClient } {
    return { pipeline: this.plain, http: this.http };
  }
}
