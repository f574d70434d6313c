/**
 * What Azure ML answers, typed once for the whole backend. Hand-written requests get their body
 * type from `OperationResponses` by operation name; SDK calls return the SDK's own models, named
 * here so every response shape the backend reads is found in one place. Only the fields this
 * backend reads are declared; the service sends more.
 */
import type {
  CodeVersion,
  DataVersionBase,
  EndpointAuthKeys,
  ModelVersion,
  Workspace,
} from "@azure/arm-machinelearning";
import type { JobStatus } from "../../workspace.js";
import type { ArmErrorBody } from "../arm-error.js";
import type { Operation, ROUTES } from "./routes.js";

// --- Through the SDK (api-version SDK_API_VERSION) ---
export type WorkspaceResource = Workspace;
export type DataVersionResource = DataVersionBase;
export type ModelVersionResource = ModelVersion;
export type CodeVersionResource = CodeVersion;
export type EndpointKeys = EndpointAuthKeys;

/**
 * The blob fields of a datastore. The SDK types `properties` as a union of datastore kinds; these
 * are the ones an Azure Blob datastore carries.
 */
export interface BlobDatastoreProperties {
  datastoreType?: string;
  accountName?: string;
  containerName?: string;
  /** The storage suffix (`core.windows.net`), or host:port for Azurite / Azure Stack. */
  endpoint?: string;
  protocol?: string;
  isDefault?: boolean;
  credentials?: { credentialsType?: string };
}

/** `datastores/{name}/listSecrets`: an account key or a SAS; identity-based datastores have none. */
export interface DatastoreSecrets {
  secretsType?: string;
  key?: string;
  sasToken?: string;
}

// --- Hand-written control plane (api-version CONTROL_API_VERSION) ---

/** A page of an ARM list. */
export interface Page<T> {
  value?: T[];
  nextLink?: string | null;
}

export interface JobResource {
  id?: string;
  name: string;
  properties: {
    jobType?: string;
    status?: JobStatus;
    displayName?: string;
    experimentName?: string;
    outputs?: Record<string, { uri?: string; jobOutputType?: string } | null>;
    services?: Record<string, { endpoint?: string } | null>;
    creationContext?: { createdAt?: string };
    error?: { message?: string };
  } & Record<string, unknown>;
  systemData?: { createdAt?: string };
}

export interface ComponentVersionResource {
  id?: string;
  name: string;
  properties: { componentSpec?: Record<string, unknown>; isAnonymous?: boolean } & Record<string, unknown>;
}

export interface EnvironmentVersionResource {
  id?: string;
  name: string;
  properties: {
    image?: string;
    condaFile?: string;
    build?: { contextUri?: string; dockerfilePath?: string };
    isAnonymous?: boolean;
    osType?: string;
    environmentType?: string;
    provisioningState?: string;
  } & Record<string, unknown>;
}

export interface ComputeResource {
  id?: string;
  name: string;
  properties?: { computeType?: string; provisioningState?: string } & Record<string, unknown>;
}

export interface OnlineEndpointResource {
  id?: string;
  name: string;
  location?: string;
  identity?: unknown;
  tags?: Record<string, string>;
  kind?: string;
  properties: {
    scoringUri?: string;
    swaggerUri?: string;
    traffic?: Record<string, number>;
    authMode?: string;
    provisioningState?: string;
    description?: string;
  } & Record<string, unknown>;
}

export interface OnlineDeploymentResource {
  id?: string;
  name: string;
  properties: { model?: string; provisioningState?: string } & Record<string, unknown>;
}

export interface BatchEndpointResource {
  id?: string;
  name: string;
  location?: string;
  tags?: Record<string, string>;
  identity?: unknown;
  properties: {
    authMode?: string;
    description?: string | null;
    properties?: Record<string, string | null> | null;
    scoringUri?: string | null;
    defaults?: { deploymentName?: string | null } | null;
    provisioningState?: string;
  } & Record<string, unknown>;
}

export interface BatchDeploymentResource {
  id?: string;
  name: string;
  properties: {
    model?: { referenceType?: string; assetId?: string } | null;
    compute?: string | null;
    outputFileName?: string | null;
    provisioningState?: string;
  } & Record<string, unknown>;
}

/** The data plane's answer to a batch invocation (BatchJobResource, v2020_09_01_dataplanepreview). */
export interface BatchJobResponse {
  id?: string;
  name: string;
  properties?: { status?: string; outputFileName?: string | null } & Record<string, unknown>;
}

/** The document an Azure-AsyncOperation header points at. */
export interface LroStatus {
  status?: string;
  error?: ArmErrorBody;
}

// --- Data plane ---

/** The workspace's discovery document: base URLs of the regional services. */
export interface DiscoveryDocument {
  api?: string;
  history?: string;
}

/** A run in run history (a pipeline step is a child run of the pipeline job). */
export interface HistoryRun {
  runId: string;
  displayName?: string;
  name?: string;
  status: JobStatus;
  startTimeUtc?: string | null;
  endTimeUtc?: string | null;
  properties?: Record<string, string>;
  error?: { error?: { message?: string; code?: string } } | null;
}

export interface HistoryRunDetails {
  /** File name → SAS URL. */
  logFiles?: Record<string, string>;
}

export interface MlflowRun {
  run?: { data?: { metrics?: { key: string; value: number; step?: number; timestamp?: number }[] } };
}

/** Azure Monitor's metrics answer (metrics_API.json 2018-01-01 `Response`; the fields read here). */
export interface MetricsResponse {
  timespan: string;
  interval?: string;
  value: {
    name: { value: string; localizedValue?: string };
    unit: string;
    errorCode?: string;
    errorMessage?: string;
    timeseries: {
      metadatavalues?: { name?: { value: string }; value?: string }[];
      data?: { timeStamp: string; average?: number; total?: number; count?: number; maximum?: number }[];
    }[];
  }[];
}

/** A registry's discovery document (registrymanagement/v1.0): where the registry lives. */
export interface RegistryDiscovery {
  registryName?: string;
  subscriptionId?: string;
  resourceGroup?: string;
  primaryRegion?: string;
  regions?: string[];
}

/** `registries/{name}` (registries.json RegistryTrackedResource; the fields read here). */
export interface RegistryResource {
  id?: string;
  name?: string;
  location?: string;
  properties?: { discoveryUrl?: string; regionDetails?: { location?: string }[] } & Record<string, unknown>;
}

/** A registry's model version: the workspace's shape below the registry's id. */
export interface RegistryModelVersionResource {
  id?: string;
  name: string;
  properties: {
    modelUri?: string;
    modelType?: string;
    description?: string;
    tags?: Record<string, string | null> | null;
    properties?: Record<string, string | null> | null;
    flavors?: Record<string, unknown> | null;
    provisioningState?: string;
  } & Record<string, unknown>;
  systemData?: { createdAt?: string };
}

/** Where to write or read a registry's files: a blob URI and a container SAS (a secret). */
export interface BlobReference {
  blobUri?: string | null;
  storageAccountArmId?: string | null;
  credential?: { credentialType?: string; sasUri?: string | null } | null;
}

/** The body each hand-written operation answers with. */
export interface OperationResponses {
  "jobs.get": JobResource;
  "jobs.createOrUpdate": JobResource;
  "jobs.cancel": undefined;
  "componentVersions.createOrUpdate": ComponentVersionResource;
  "environmentVersions.get": EnvironmentVersionResource;
  "environmentVersions.createOrUpdate": EnvironmentVersionResource;
  "computes.get": ComputeResource;
  "onlineEndpoints.list": Page<OnlineEndpointResource>;
  "onlineEndpoints.get": OnlineEndpointResource;
  "onlineEndpoints.createOrUpdate": OnlineEndpointResource;
  "onlineEndpoints.delete": undefined;
  "onlineDeployments.list": Page<OnlineDeploymentResource>;
  "onlineDeployments.get": OnlineDeploymentResource;
  "onlineDeployments.createOrUpdate": OnlineDeploymentResource;
  "onlineDeployments.delete": undefined;
  "batchEndpoints.list": Page<BatchEndpointResource>;
  "batchEndpoints.get": BatchEndpointResource;
  "batchEndpoints.createOrUpdate": BatchEndpointResource;
  "batchEndpoints.delete": undefined;
  "batchDeployments.list": Page<BatchDeploymentResource>;
  "batchDeployments.get": BatchDeploymentResource;
  "batchDeployments.createOrUpdate": BatchDeploymentResource;
  "batchDeployments.delete": undefined;
  "metrics.list": MetricsResponse;
  "runHistory.listChildren": Page<HistoryRun>;
  "runHistory.getDetails": HistoryRunDetails;
  "mlflow.getRun": MlflowRun;
  "registryDiscovery.get": RegistryDiscovery;
  "registries.get": RegistryResource;
  "registryModelVersions.list": Page<RegistryModelVersionResource>;
  "registryModelVersions.get": RegistryModelVersionResource;
  "registryModelVersions.createOrUpdate": RegistryModelVersionResource;
  "registryModelVersions.startPendingUpload": {
    blobReferenceForConsumption?: BlobReference | null;
    pendingUploadId?: string | null;
  };
  "registryDataReferences.getBlobReferenceSAS": { blobReferenceForConsumption?: BlobReference | null };
}

type ClientOperation = { [O in Operation]: (typeof ROUTES)[O]["via"] extends "client" ? O : never }[Operation];

/** `true` only when every hand-written operation has its body type above (a test assigns `true` to it). */
export type EveryClientOperationTyped = [Exclude<ClientOperation, keyof OperationResponses>] extends [never]
  ? true
  : { untyped: Exclude<ClientOperation, keyof OperationResponses> };

/** The body type of an operation's answer (`unknown` for SDK operations, which return SDK models). */
export type ResponseOf<O extends Operation> = O extends keyof OperationResponses ? OperationResponses[O] : unknown;
