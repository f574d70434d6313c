/**
 * The Azure Machine Learning backend: one signed-in client (SDK + hand-written requests over the
 * same pipeline), the default datastore through @azure/storage-blob, and the stores the Workspace
 * port asks for. In plan mode every request that would change the workspace is recorded instead
 * of sent, and written to the plan file on close.
 */
import { rootCertificates } from "node:tls";
import type { TlsSettings } from "@azure/core-rest-pipeline";
import { UserError } from "../../errors.js";
import { table } from "../../report/markdown.js";
import type { Log, RunContext } from "../../run-context.js";
import { writeAtomic } from "../../util/files.js";
import type { ModelRegistry, Workspace, WorkspaceCapabilities } from "../workspace.js";
import { AzureArtifacts } from "./artifacts.js";
import { AzureBatchEndpoints } from "./batch-endpoints.js";
import { AzureMlClient, DEFAULT_TIMING, type PlannedRequest, type Timing, type WorkspaceRef } from "./client.js";
import { type CloudEndpoints, selectCloud } from "./cloud.js";
import { CodeUploader } from "./code.js";
import { chooseCredential } from "./credential.js";
import { DataPlane } from "./data-plane.js";
import { AzureDatasets } from "./datasets.js";
import { AzureEndpoints } from "./endpoints.js";
import { DEFAULT_HTTP_TIMEOUTS, TimedAgents, timedHttpClient } from "./http-timeouts.js";
import { AzureJobs } from "./jobs.js";
import { AzureModels } from "./models.js";
import { DatastoreAccess } from "./storage.js";

export interface AzureMlOptions {
  ref: WorkspaceRef;
  cloud?: string;
  resourceManagerEndpoint?: string;
  authorityHost?: string;
  clientId?: string;
  tenantId?: string;
  azureSubscription?: string;
  run?: RunContext;
  env?: NodeJS.ProcessEnv;
  log: Log;
  dryRun?: boolean;
  /** Absolute path of the plan file (plan mode). */
  planFile?: string;
  timing?: Partial<Timing>;
  /** Extra PEM certificates to trust (TLS-inspecting proxies, Azure Stack, the test emulator). */
  extraCaCerts?: string;
}

interface WorkspaceInfo {
  location: string;
  discoveryUrl?: string;
  mlFlowTrackingUri?: string;
}

export class AzureMlWorkspace implements Workspace {
  readonly backend = "azureml" as const;
  readonly capabilities: WorkspaceCapabilities = {
    sharedWrites: true,
    plansDryRun: true,
    detachedJobs: true,
    managedCompute: true,
  };
  readonly description: string;
  readonly datasets: AzureDatasets;
  readonly models: AzureModels;
  readonly jobs: AzureJobs;
  readonly endpoints: AzureEndpoints;
  readonly batchEndpoints: AzureBatchEndpoints;
  readonly artifacts: AzureArtifacts;
  private info?: Promise<WorkspaceInfo>;

  private constructor(
    readonly client: AzureMlClient,
    readonly cloud: CloudEndpoints,
    private readonly options: AzureMlOptions,
    signIn: string,
  ) {
    const { ref } = options;
    this.description = `Azure ML workspace ${ref.workspaceName} (resource group ${ref.resourceGroup}, subscription ${ref.subscriptionId}, ${cloud.name}) as ${signIn}${client.dryRun ? " — plan mode: nothing that changes the workspace is sent" : ""}`;
    const storage = new DatastoreAccess(client, () => options.log);
    const code = new CodeUploader(client, storage);
    const dataPlane = new DataPlane(client, () => this.workspaceInfo());
    this.datasets = new AzureDatasets(client, storage);
    this.models = new AzureModels(client, storage);
    this.jobs = new AzureJobs(client, code, dataPlane, storage, cloud.studio);
    this.endpoints = new AzureEndpoints(
      client,
      code,
      dataPlane,
      async () => (await this.workspaceInfo()).location,
      options.log,
    );
    this.batchEndpoints = new AzureBatchEndpoints(
      client,
      code,
      storage,
      this.jobs,
      dataPlane,
      async () => (await this.workspaceInfo()).location,
      () => options.log,
    );
    this.artifacts = new AzureArtifacts(storage);
  }

  static async open(options: AzureMlOptions): Promise<AzureMlWorkspace> {
    const env = options.env ?? process.env;
    const cloud = selectCloud(options.cloud, options.resourceManagerEndpoint, options.authorityHost);
    const tlsOptions: TlsSettings | undefined = options.extraCaCerts
      ? { ca: [...rootCertificates, options.extraCaCerts] }
      : undefined;
    const timing = { ...DEFAULT_TIMING, ...options.timing };
    // One set of timed sockets for sign-in, ARM, the data plane and storage.
    const agents = new TimedAgents(timing.http ?? DEFAULT_HTTP_TIMEOUTS);
    const chosen = chooseCredential(
      {
        httpClient: timedHttpClient(agents),
        clientId: options.clientId,
        tenantId: options.tenantId,
        azureSubscription: options.azureSubscription,
        cloud,
        host: options.run?.azure,
        env,
        tlsOptions,
      },
      options.log,
    );
    const client = new AzureMlClient(
      options.ref,
      cloud,
      chosen.credential,
      timing,
      options.dryRun ?? false,
      tlsOptions,
      agents,
    );
    const ws = new AzureMlWorkspace(client, cloud, options, chosen.description);
    // Read the workspace now: a wrong name, a missing role or a failed sign-in shows up first, in one line.
    await ws.workspaceInfo();
    return ws;
  }

  workspaceInfo(): Promise<WorkspaceInfo> {
    this.info ??= (async () => {
      const { resourceGroup, workspaceName } = this.options.ref;
      try {
        const w = await this.client.sdk.workspaces.get(resourceGroup, workspaceName);
        return { location: w.location ?? "", discoveryUrl: w.discoveryUrl, mlFlowTrackingUri: w.mlFlowTrackingUri };
      } catch (error) {
        throw this.client.toUserError(`read workspace ${workspaceName}`, error);
      }
    })();
    return this.info;
  }

  /**
   * An Azure ML registry by name, with this workspace's sign-in and cloud; publishing copies this
   * workspace's model versions into it. Loaded on first use (registry.ts and its storage code).
   */
  async openRegistry(name: string, log: Log): Promise<ModelRegistry> {
    const { discoveryUrl } = await this.workspaceInfo();
    if (!discoveryUrl) {
      throw new UserError(
        `workspace '${this.options.ref.workspaceName}' names no discovery URL, so registry '${name}' cannot be found`,
        { input: "registry" },
        "Check that the workspace is fully provisioned (az ml workspace show), then re-run",
      );
    }
    const { openAzureMlRegistry } = await import("./registry.js");
    return openAzureMlRegistry(
      this.client,
      name,
      { workspaceName: this.options.ref.workspaceName, regionalApi: new URL(discoveryUrl).origin, models: this.models },
      log,
    );
  }

  /** The requests plan mode recorded. */
  get plan(): readonly PlannedRequest[] {
    return this.client.plan;
  }

  planSummary(): string | undefined {
    if (!this.client.dryRun) return undefined;
    const rows = this.client.plan.map((r) => {
      const path = r.path.startsWith(this.client.wsPath) ? r.path.slice(this.client.wsPath.length) || "/" : r.path;
      const what =
        r.bytes !== undefined
          ? `${r.bytes} bytes`
          : r.body !== undefined
            ? `${JSON.stringify(r.body).length} bytes of JSON`
            : "";
      return [r.method, `\`${path}\``, r.apiVersion ?? "", what];
    });
    const file = this.options.planFile ? ` The exact requests are in \`${this.options.planFile}\`.` : "";
    return [
      `### Plan (dry run): ${rows.length} request(s) would change workspace \`${this.options.ref.workspaceName}\``,
      "",
      `Nothing was sent that changes the workspace.${file}`,
      "",
      ...(rows.length ? [table(["method", "path (under the workspace)", "api-version", "body"], rows)] : []),
      "",
    ].join("\n");
  }

  async close(): Promise<void> {
    if (!this.client.dryRun) return;
    const plan = this.client.plan;
    const file = this.options.planFile;
    if (file) {
      await writeAtomic(
        file,
        `${JSON.stringify({ workspace: this.client.resourceId, generatedAt: new Date().toISOString(), requests: plan }, null, 2)}\n`,
      );
    }
    const log = this.options.log;
    log.info(`Plan mode: ${plan.length} request(s) would change the workspace${file ? `; written to ${file}` : ""}:`);
    for (const r of plan)
      log.info(
        `  ${r.method} ${r.path}${r.apiVersion ? `?api-version=${r.apiVersion}` : ""}${r.bytes !== undefined ? ` (${r.bytes} bytes)` : ""}`,
      );
  }
}

export function requireRef(values: Partial<WorkspaceRef>): WorkspaceRef {
  const missing = (["subscriptionId", "resourceGroup", "workspaceName"] as const).filter((k) => !values[k]);
  if (missing.length > 0) {
    throw new UserError(
      "is required for backend azureml",
      { input: missing[0] },
      `Set ${missing.map((m) => `'${m}'`).join(", ")} (or AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP, AZUREML_WORKSPACE_NAME)`,
    );
  }
  // Checked before signing in: a typo would otherwise surface as a sign-in or 404 error.
  const checks: [keyof WorkspaceRef, RegExp, string][] = [
    [
      "subscriptionId",
      /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      "Give the subscription's id, a GUID such as 00000000-0000-0000-0000-000000000000",
    ],
    [
      "resourceGroup",
      /^[-\w.()]{1,90}$/,
      "Use 1 to 90 letters, digits, '-', '_', '.', '(' and ')' (Azure's limit for resource group names)",
    ],
    [
      "workspaceName",
      /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/,
      "Use 3 to 33 letters, digits, '-' and '_', starting with a letter or digit (Azure ML's limit for workspace names)",
    ],
  ];
  for (const [key, pattern, fix] of checks) {
    const value = String(values[key]);
    if (!pattern.test(value) || (key === "resourceGroup" && value.endsWith("."))) {
      const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
      throw new UserError(
        `'${shown}' is not a valid ${key === "workspaceName" ? "workspace name" : key === "resourceGroup" ? "resource group name" : "subscription id"}`,
        { input: key },
        fix,
      );
    }
  }
  return values as WorkspaceRef;
}
