/**
 * One HTTP pipeline for everything the backend sends to Azure ML: the SDK client's own pipeline
 * (bearer token policy + the Azure SDK's retry policies: 408, 429, 5xx but 501/505, connection
 * resets; Retry-After, retry-after-ms, x-ms-retry-after-ms) is reused for hand-written requests, so
 * both paths share the credential, the retries and the plan recorder.
 *
 * Through the SDK (`@azure/arm-machinelearning`, api-version 2022-10-01): workspace, datastores and
 * their secrets, data/model/code versions, endpoint keys. Their 2022-10-01 models carry every field
 * this project sends, and the SDK gives typed results.
 * Hand-written: jobs (pipeline job nodes, settings and newer job fields the typed models drop),
 * online endpoints and deployments (newer settings, full-body traffic updates, because the SDK's
 * PATCH model has no `traffic`), cancellation, and the data plane ARM has no API for: run history
 * and MLflow. Each names an operation of the route table (contract/routes.ts), which holds its
 * method, path and api-version; only URLs the service hands back (long-running operation status,
 * next pages, the discovery document) are sent as given.
 */
import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import type { TokenCredential } from "@azure/core-auth";
import {
  createHttpHeaders,
  createPipelineRequest,
  type HttpHeaders,
  type PipelinePolicy,
  type PipelineRequest,
  type PipelineResponse,
  type TlsSettings,
} from "@azure/core-rest-pipeline";
import { UserError } from "../../errors.js";
import { armUserError } from "./arm-error.js";
import type { CloudEndpoints } from "./cloud.js";
import { armErrorOf, isRestError, restErrorFrom } from "./contract/errors.js";
import type { LroStatus, ResponseOf } from "./contract/responses.js";
import {
  type HttpMethod,
  type Operation,
  type ResourceOperation,
  ROUTES,
  type RouteParams,
  resourceId,
  routeUrl,
  workspaceId,
} from "./contract/routes.js";
import {
  DEFAULT_HTTP_TIMEOUTS,
  type HttpTimeouts,
  TIMEOUT_CODES,
  TimedAgents,
  timedHttpClient,
} from "./http-timeouts.js";

export interface WorkspaceRef {
  subscriptionId: string;
  resourceGroup: string;
  workspaceName: string;
}

export interface PlannedRequest {
  method: string;
  /** URL path without the host. */
  path: string;
  apiVersion?: string;
  body?: unknown;
  /** For blob uploads: bytes that would be sent. */
  bytes?: number;
}

export interface Timing {
  /** LRO poll interval when the service sends no Retry-After, and the first job poll. */
  pollMs: number;
  /** Cap for job polling backoff. */
  maxPollMs: number;
  retryDelayMs: number;
  maxRetries: number;
  /** Connect and idle timeouts of every socket (http-timeouts.ts); default 30 s and 120 s. */
  http?: HttpTimeouts;
}

export const DEFAULT_TIMING: Timing = { pollMs: 5000, maxPollMs: 30_000, retryDelayMs: 800, maxRetries: 6 };

export interface JsonResponse<T = unknown> {
  status: number;
  headers: PipelineResponse["headers"];
  body: T;
  text: string;
}

export interface SendOptions {
  /** Base URL of a data-plane route (`history`, `mlflow` planes). */
  base?: string;
  /** Query parameters besides api-version. */
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** 404 gives `undefined` instead of an error. */
  allow404?: boolean;
  /** What this request does, for error lines ("create data version d:3"). */
  what: string;
  signal?: AbortSignal;
}

/** POSTs that only read: secrets, keys, tokens, and a registry's read SAS for a model's files (a data reference). */
const READ_ONLY_POST =
  /\/(listSecrets|listKeys|listkeys|token)$|\/registries\/[^/]+\/datareferences\/[^/]+\/versions\/[^/]+$/;

/** Records and short-circuits every request that would change the workspace (plan mode). */
function planPolicy(plan: PlannedRequest[]): PipelinePolicy {
  return {
    name: "mlopsPlanPolicy",
    async sendRequest(request: PipelineRequest, next): Promise<PipelineResponse> {
      const url = new URL(request.url);
      const mutating = request.method !== "GET" && request.method !== "HEAD" && !READ_ONLY_POST.test(url.pathname);
      if (!mutating) return next(request);
      let body: unknown;
      if (typeof request.body === "string") {
        try {
          body = JSON.parse(request.body);
        } catch {
          body = request.body;
        }
      }
      plan.push({
        method: request.method,
        path: url.pathname,
        apiVersion: url.searchParams.get("api-version") ?? undefined,
        ...(body !== undefined ? { body } : {}),
      });
      // Answer as the service would, with the resource that was asked for.
      const name = decodeURIComponent(url.pathname.split("/").at(-1) ?? "");
      const echoed =
        body && typeof body === "object"
          ? {
              id: url.pathname,
              name,
              ...(body as object),
              properties: {
                ...((body as { properties?: object }).properties ?? {}),
                provisioningState: "Succeeded",
                status: "NotStarted",
              },
            }
          : undefined;
      return {
        request,
        status: request.method === "DELETE" ? 204 : 200,
        headers: createHttpHeaders({ "content-type": "application/json", "x-mlops-dry-run": "true" }),
        bodyAsText: echoed ? JSON.stringify(echoed) : "",
      };
    },
  };
}

export class AzureMlClient {
  readonly sdk: AzureMachineLearningWorkspaces;
  readonly wsPath: string;
  readonly plan: PlannedRequest[] = [];

  constructor(
    readonly ref: WorkspaceRef,
    readonly cloud: CloudEndpoints,
    readonly credential: TokenCredential,
    readonly timing: Timing,
    readonly dryRun: boolean,
    readonly tlsOptions?: TlsSettings,
    /** Timed sockets shared by every client of this workspace (sign-in, ARM, data plane, storage). */
    readonly agents: TimedAgents = new TimedAgents(timing.http ?? DEFAULT_HTTP_TIMEOUTS),
  ) {
    this.sdk = new AzureMachineLearningWorkspaces(credential, ref.subscriptionId, {
      // Every request, typed or hand-written, goes out on a socket with connect and idle timeouts.
      httpClient: timedHttpClient(agents),
      endpoint: cloud.resourceManager,
      credentialScopes: [cloud.armScope],
      retryOptions: { maxRetries: timing.maxRetries, retryDelayInMs: timing.retryDelayMs, maxRetryDelayInMs: 60_000 },
      tlsOptions,
      userAgentOptions: { userAgentPrefix: "mlops-action" },
    });
    // After serialisation (the body is final) and deserialisation (the SDK reads the synthetic answer).
    if (dryRun) this.sdk.pipeline.addPolicy(planPolicy(this.plan), { afterPhase: "Deserialize" });
    this.wsPath = workspaceId(ref);
  }

  get resourceId(): string {
    return this.wsPath;
  }

  /** The ARM id of a resource in this workspace, as request bodies reference it. */
  id<O extends ResourceOperation>(op: O, params: RouteParams<O>): string {
    return resourceId(op, params, this.ref);
  }

  /** The URL of an operation: its path with encoded segments, its api-version, the query asked for. */
  operationUrl<O extends Operation>(
    op: O,
    params: RouteParams<O>,
    options: Pick<SendOptions, "base" | "query"> = {},
  ): string {
    return routeUrl(op, params, this.ref, { resourceManager: this.cloud.resourceManager, ...options });
  }

  /**
   * Sends one JSON request through the shared pipeline, for an operation of the route table (its
   * method, path and api-version); ARM errors become one UserError line.
   */
  send<O extends Operation>(
    op: O,
    params: RouteParams<O>,
    options: SendOptions,
  ): Promise<JsonResponse<ResponseOf<O>> | undefined> {
    return this.sendUrl(ROUTES[op].method, this.operationUrl(op, params, options), options);
  }

  /** Like send, for requests that must succeed and answer. */
  async must<O extends Operation>(
    op: O,
    params: RouteParams<O>,
    options: SendOptions,
  ): Promise<JsonResponse<ResponseOf<O>>> {
    return (await this.send(op, params, options)) as JsonResponse<ResponseOf<O>>;
  }

  /** Like must, for a URL the service handed back (operation status, a next page, a discovery document). */
  async mustUrl<T = unknown>(method: HttpMethod, url: string, options: SendOptions): Promise<JsonResponse<T>> {
    return (await this.sendUrl<T>(method, url, options)) as JsonResponse<T>;
  }

  /** Sends one JSON request to a full URL through the shared pipeline. */
  async sendUrl<T = unknown>(
    method: HttpMethod,
    url: string,
    options: SendOptions,
  ): Promise<JsonResponse<T> | undefined> {
    const request = createPipelineRequest({
      url,
      method,
      headers: createHttpHeaders({ accept: "application/json", ...options.headers }),
      abortSignal: options.signal,
      tlsSettings: this.tlsOptions,
    });
    if (options.body !== undefined) {
      request.headers.set("content-type", "application/json");
      request.body = JSON.stringify(options.body);
    }
    let response: PipelineResponse;
    try {
      response = await this.sdk.sendRequest(request);
    } catch (error) {
      throw this.toUserError(options.what, error);
    }
    if (response.status === 404 && options.allow404) return undefined;
    const text = response.bodyAsText ?? "";
    if (response.status >= 400) throw this.toUserError(options.what, restErrorFrom(request, response));
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: response.status, headers: response.headers, body: body as T, text };
  }

  /**
   * Waits for a long-running operation started by `first`: follows Azure-AsyncOperation (its
   * status document) or else Location (202 until done), sleeping as Retry-After says.
   */
  async waitLro(first: JsonResponse, what: string, signal?: AbortSignal): Promise<void> {
    if (first.headers.get("x-mlops-dry-run")) return;
    const asyncUrl = first.headers.get("azure-asyncoperation");
    const location = first.headers.get("location");
    if (!asyncUrl && !location) return;
    let retryAfter = first.headers.get("retry-after");
    for (;;) {
      await sleep(this.retryAfterMs(retryAfter), signal);
      if (asyncUrl) {
        const r = await this.mustUrl<LroStatus>("GET", asyncUrl, {
          what: `${what} (status)`,
          signal,
        });
        const status = r.body?.status ?? "";
        if (/^(Succeeded)$/i.test(status)) return;
        if (/^(Failed|Canceled|Cancelled)$/i.test(status)) {
          throw armUserError(
            `${what} (long-running operation ended ${status})`,
            undefined,
            r.body?.error,
            this.scope(),
          );
        }
        retryAfter = r.headers.get("retry-after");
      } else if (location) {
        const r = await this.mustUrl("GET", location, { what: `${what} (result)`, signal });
        if (r.status !== 202) return;
        retryAfter = r.headers.get("retry-after");
      }
    }
  }

  private retryAfterMs(header: string | undefined): number {
    if (header !== undefined && header !== "") {
      const seconds = Number(header);
      if (Number.isFinite(seconds)) return Math.min(seconds * 1000, 60_000);
      const date = Date.parse(header);
      if (Number.isFinite(date)) return Math.max(0, Math.min(date - Date.now(), 60_000));
    }
    return this.timing.pollMs;
  }

  scope(): { workspace: string; resourceId: string } {
    return { workspace: this.ref.workspaceName, resourceId: this.resourceId };
  }

  /**
   * Errors thrown by the SDK, our requests (RestError) or the network, as one line for the user;
   * a service error stays reachable as the line's `cause`.
   */
  toUserError(what: string, error: unknown): Error {
    if (error instanceof UserError) return error;
    if (isRestError(error) && error.statusCode !== undefined) {
      const line = armUserError(what, error.statusCode, armErrorOf(error), this.scope(), {
        retryAfterMs: retryAfterOf(error.response?.headers),
        retries: this.timing.maxRetries,
      });
      line.cause = error;
      return line;
    }
    const e = error as { code?: string; message?: string; name?: string };
    if (e?.name === "AbortError") return error as Error;
    if (
      e?.name === "CredentialUnavailableError" ||
      e?.name === "AuthenticationError" ||
      e?.name === "AggregateAuthenticationError"
    ) {
      const text = String(e.message ?? "");
      const reason = /AADSTS\d+:[^.]*\./.exec(text)?.[0] ?? text.split("\n")[0];
      return new UserError(
        `${what} failed: could not sign in to Azure: ${reason}`,
        { input: "clientId" },
        "Check clientId, tenantId and the secret or federated credential (GitHub: permissions: id-token: write), or log in with azure/login, or name an Azure DevOps service connection",
      );
    }
    if (e?.code && TIMEOUT_CODES.has(e.code)) {
      const t = this.agents.timeouts;
      return new UserError(
        `${what} failed: ${e.message} (after ${this.timing.maxRetries} retries)`,
        {},
        `Check the network, proxy and the cloud/endpoint inputs, then re-run; on a slow link raise MLOPS_HTTP_CONNECT_TIMEOUT_MS (now ${t.connectMs}) or MLOPS_HTTP_IDLE_TIMEOUT_MS (now ${t.idleMs})`,
      );
    }
    if (e?.code && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN)$/.test(e.code)) {
      return new UserError(
        `${what} failed: could not reach Azure (${e.code}) after retries`,
        {},
        "Check the network and the cloud/endpoint inputs, then re-run",
      );
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The wait an answer asked for, in ms: retry-after-ms, x-ms-retry-after-ms, or Retry-After (seconds or an HTTP date). */
function retryAfterOf(headers: HttpHeaders | undefined): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const ms = Number(headers?.get(name));
    if (headers?.get(name) && Number.isFinite(ms)) return ms;
  }
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** An abortable sleep. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
