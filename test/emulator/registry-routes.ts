/**
 * Azure ML registries in the emulator: the regional registry-management discovery document, the
 * registry's ARM resource, its model containers and versions (PUT as a long-running operation),
 * pending uploads and data references that hand out container SAS URIs to the registry's own
 * storage (a container of its own in Azurite), and the check the service makes when an online or
 * batch deployment names a registry's model version by its `azureml://registries/...` id.
 *
 * One instance may serve several emulators (assign it to each emulator's `registries`), as one
 * registry serves a dev and a prod workspace. The calling emulator's tokens and long-running
 * operations are used, so a registry answers only callers that signed in to that emulator.
 *
 * Shapes: registries.json (Registries_Get) and mfe.json (RegistryModelVersions_*,
 * RegistryDataReferences_GetBlobReferenceSAS) of api-version 2024-04-01; the discovery document
 * as the Python SDK's recordings show it (model/e2etests/test_model.py
 * TestModeltest_create_get_download_model_registry). Request bodies are checked against the spec
 * by the server before they reach these routes.
 */
import { randomUUID } from "node:crypto";
import {
  BlobServiceClient,
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  SASProtocol,
  StorageSharedKeyCredential,
} from "@azure/storage-blob";
import type { RecordedRequest, Reply } from "./server.js";
import type { ArmState, EmulatorConfig } from "./state.js";

const PROVIDER = "Microsoft.MachineLearningServices";
const REGISTRY_PATH =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/registries\/([^/]+)(\/.*)?$/i;
const DISCOVERY_PATH = /^\/registrymanagement\/v1\.0\/registries\/([^/]+)\/discovery$/;
const DEPLOYMENT_PATH =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\/(onlineEndpoints|batchEndpoints)\/[^/]+\/deployments\/[^/]+$/i;
const ASSET_ID = /^azureml:\/\/registries\/([^/]+)\/models\/([^/]+)\/versions\/([^/]+)$/i;

export interface EmulatedRegistry {
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  registryId: string;
  /** ARM path of the registry. */
  path: string;
  /** Its storage: a container in the emulator's Azurite account. */
  container: string;
  /** Client ids that get AuthorizationFailed on everything below the registry. */
  denied: Set<string>;
  /** Client ids that may read but not write (a Reader role): every POST and PUT below it is refused. */
  readOnly: Set<string>;
}

interface Resource {
  id: string;
  name: string;
  type: string;
  properties: Record<string, unknown>;
  systemData: Record<string, string>;
}

function armError(status: number, code: string, message: string, target?: string): Reply {
  return { status, body: { error: { code, message, ...(target ? { target } : {}), details: [], additionalInfo: [] } } };
}

function now(): string {
  return new Date().toISOString();
}

export class RegistryRoutes {
  readonly registries = new Map<string, EmulatedRegistry>();
  /** Model containers and versions, by lower-cased ARM path. */
  readonly resources = new Map<string, Resource>();

  constructor(private readonly config: Pick<EmulatorConfig, "subscriptionId" | "storage" | "location">) {}

  /** The blob container URL of a registry's storage, as clients reach it. */
  containerUrl(r: EmulatedRegistry): string {
    const s = this.config.storage;
    return `${s.protocol ?? "http"}://${s.host}/${s.account}/${r.container}`;
  }

  /** A container client with the account key: the test's (and the service's) own view of a registry's storage. */
  storage(name: string) {
    const r = this.registries.get(name.toLowerCase());
    if (!r) throw new Error(`no registry ${name} in the emulator`);
    const s = this.config.storage;
    return new BlobServiceClient(
      `${s.protocol ?? "http"}://${s.host}/${s.account}`,
      new StorageSharedKeyCredential(s.account, s.key),
    ).getContainerClient(r.container);
  }

  /** Creates a registry (in its own resource group by default) and its storage container. */
  async create(
    name: string,
    options: { resourceGroup?: string; subscriptionId?: string; location?: string } = {},
  ): Promise<EmulatedRegistry> {
    const subscriptionId = options.subscriptionId ?? this.config.subscriptionId;
    const resourceGroup = options.resourceGroup ?? "rg-registries";
    const r: EmulatedRegistry = {
      name,
      subscriptionId,
      resourceGroup,
      location: options.location ?? this.config.location ?? "eastus",
      registryId: randomUUID(),
      path: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${PROVIDER}/registries/${name}`,
      // Blob container rules: lowercase letters, digits and single hyphens, at most 63, no hyphen at the end.
      container: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomUUID()}`.slice(0, 63).replace(/-+$/, ""),
      denied: new Set(),
      readOnly: new Set(),
    };
    this.registries.set(name.toLowerCase(), r);
    await this.storage(name).createIfNotExists();
    return r;
  }

  /** Makes every request of `clientId` below the registry fail with AuthorizationFailed (no role on it). */
  deny(name: string, clientId: string): void {
    this.registries.get(name.toLowerCase())?.denied.add(clientId);
  }

  /** Lets `clientId` read the registry but not write to it (Reader: no registries/assets/write). */
  readOnly(name: string, clientId: string): void {
    this.registries.get(name.toLowerCase())?.readOnly.add(clientId);
  }

  /** Answers a request for a registry (or checks a deployment's registry model); undefined when it is not one. */
  async route(req: RecordedRequest, arm: ArmState): Promise<Reply | undefined> {
    const discovery = DISCOVERY_PATH.exec(req.path);
    const registry = REGISTRY_PATH.exec(req.path);
    const deployment = req.method === "PUT" && DEPLOYMENT_PATH.test(req.path);
    if (!discovery && !registry && !deployment) return undefined;
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const client = arm.tokens.get(token)?.clientId;
    if (client === undefined) {
      return {
        status: 401,
        headers: { "www-authenticate": 'Bearer authorization_uri="https://login.microsoftonline.com/common"' },
        body: { error: { code: "InvalidAuthenticationToken", message: "The access token is invalid." } },
      };
    }
    if (discovery) return this.discovery(decodeURIComponent(discovery[1]));
    if (deployment) return this.checkDeploymentModel(req, client);
    if (!registry) return undefined;
    if (!req.query["api-version"])
      return armError(
        400,
        "MissingApiVersionParameter",
        "The api-version query parameter (?api-version=) is required for all requests.",
      );
    const [, sub, rg, rawName, rest = ""] = registry;
    const name = decodeURIComponent(rawName);
    const r = this.registries.get(name.toLowerCase());
    if (!r || r.subscriptionId !== sub || r.resourceGroup.toLowerCase() !== decodeURIComponent(rg).toLowerCase()) {
      return armError(
        404,
        "ResourceNotFound",
        `The Resource '${PROVIDER}/registries/${name}' under resource group '${decodeURIComponent(rg)}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
      );
    }
    // Reading a data reference's SAS is a read (the action is on the asset's data).
    const write = req.method !== "GET" && !/\/datareferences\//.test(rest);
    if (r.denied.has(client) || (write && r.readOnly.has(client))) {
      const action =
        rest === "" ? "registries/read" : req.method === "GET" ? "registries/assets/read" : "registries/assets/write";
      return armError(
        403,
        "AuthorizationFailed",
        `The client '${client}' with object id '${randomUUID()}' does not have authorization to perform action '${PROVIDER}/${action}' over scope '${r.path}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
    }
    const parts = rest.split("/").filter(Boolean).map(decodeURIComponent);
    if (parts.length === 0)
      return req.method === "GET" ? { status: 200, body: this.resource(r) } : armError(405, "MethodNotAllowed", "");
    if (parts[0] === "models") return this.models(req, r, parts.slice(1), arm);
    if (parts[0] === "datareferences" && parts[2] === "versions" && req.method === "POST")
      return this.dataReference(req, r, parts[1], parts[3]);
    return armError(404, "NoRegisteredProviderFound", `No route for '${req.method} ${req.path}' in the emulator.`);
  }

  private discovery(name: string): Reply {
    const r = this.registries.get(name.toLowerCase());
    if (!r) return armError(404, "NotFound", `Registry ${name} not found.`);
    return {
      status: 200,
      body: {
        registryId: r.registryId,
        registryName: r.name,
        tenantId: "00000000-0000-0000-0000-000000000000",
        primaryRegion: r.location,
        regions: [r.location],
        subscriptionId: r.subscriptionId,
        resourceGroup: r.resourceGroup,
        workspaceName: null,
        primaryRegionResourceProviderUri: "https://emulator.invalid/",
        registryFqdns: {},
        intellectualPropertyPublisher: null,
      },
    };
  }

  /** Registries_Get (registries.json RegistryTrackedResource). */
  private resource(r: EmulatedRegistry): Record<string, unknown> {
    const s = this.config.storage;
    return {
      id: r.path,
      name: r.name,
      type: `${PROVIDER}/registries`,
      location: r.location,
      tags: {},
      identity: { type: "SystemAssigned", principalId: randomUUID(), tenantId: randomUUID() },
      kind: "",
      properties: {
        discoveryUrl: `https://${r.location}.api.azureml.ms/registrymanagement/v1.0/registries/${r.name}/discovery`,
        intellectualPropertyPublisher: "",
        managedResourceGroup: { resourceId: `/subscriptions/${r.subscriptionId}/resourceGroups/azureml-rg-${r.name}` },
        mlFlowRegistryUri: `https://${r.location}.api.azureml.ms/mlflow/v1.0${r.path}`,
        publicNetworkAccess: "Enabled",
        regionDetails: [
          {
            location: r.location,
            storageAccountDetails: [
              {
                systemCreatedStorageAccount: {
                  storageAccountName: s.account,
                  storageAccountType: "Standard_LRS",
                  allowBlobPublicAccess: false,
                  storageAccountHnsEnabled: false,
                },
              },
            ],
          },
        ],
      },
    };
  }

  private put(path: string, type: string, name: string, properties: Record<string, unknown>): Resource {
    const prior = this.resources.get(path.toLowerCase());
    const r: Resource = {
      id: path,
      name,
      type,
      properties,
      systemData: {
        createdAt: prior?.systemData.createdAt ?? now(),
        createdBy: "emulator@example.com",
        createdByType: "User",
        lastModifiedAt: now(),
        lastModifiedBy: "emulator@example.com",
        lastModifiedByType: "User",
      },
    };
    this.resources.set(path.toLowerCase(), r);
    return r;
  }

  private children(prefix: string): Resource[] {
    const p = `${prefix.toLowerCase()}/`;
    return [...this.resources.entries()]
      .filter(([k]) => k.startsWith(p) && !k.slice(p.length).includes("/"))
      .map(([, r]) => r);
  }

  /** A version of a registry's model, if it exists. */
  version(registry: string, model: string, version: string): Resource | undefined {
    const r = this.registries.get(registry.toLowerCase());
    return r ? this.resources.get(`${r.path}/models/${model}/versions/${version}`.toLowerCase()) : undefined;
  }

  private async models(req: RecordedRequest, r: EmulatedRegistry, parts: string[], arm: ArmState): Promise<Reply> {
    const [model, sub, version, action] = parts;
    const m = req.method;
    if (!model)
      return m === "GET"
        ? { status: 200, body: { value: this.children(`${r.path}/models`) } }
        : armError(405, "MethodNotAllowed", "");
    const containerPath = `${r.path}/models/${model}`;
    if (!sub) {
      const c = this.resources.get(containerPath.toLowerCase());
      if (m === "GET")
        return c ? { status: 200, body: c } : armError(404, "UserError", `Model container ${model} not found.`);
      return armError(405, "MethodNotAllowed", "");
    }
    if (sub !== "versions") return armError(404, "NoRegisteredProviderFound", `No route for ${req.path}`);
    if (!version) {
      if (m !== "GET") return armError(405, "MethodNotAllowed", "");
      let items = this.children(`${containerPath}/versions`);
      if (/createdtime desc/i.test(req.query.$orderBy ?? ""))
        items = items.sort((a, b) => (a.systemData.createdAt < b.systemData.createdAt ? 1 : -1));
      const top = Number(req.query.$top ?? 0);
      return { status: 200, body: { value: top > 0 ? items.slice(0, top) : items } };
    }
    const versionPath = `${containerPath}/versions/${version}`;
    if (action === "startPendingUpload" && m === "POST") return this.pendingUpload(req, r);
    if (action) return armError(404, "NoRegisteredProviderFound", `No route for ${req.path}`);
    const prior = this.resources.get(versionPath.toLowerCase());
    if (m === "GET")
      return prior
        ? { status: 200, body: prior }
        : armError(404, "UserError", `Model ${model}:${version} not found in registry ${r.name}.`);
    if (m !== "PUT") return armError(405, "MethodNotAllowed", "");
    const props = (req.body as { properties?: Record<string, unknown> })?.properties ?? {};
    const modelUri = String(props.modelUri ?? "");
    if (prior) {
      // Registry versions are immutable but for tags and description.
      if (prior.properties.modelUri !== modelUri || (prior.properties.modelType ?? "") !== (props.modelType ?? ""))
        return armError(
          409,
          "UserError",
          `Model ${model}:${version} already exists in registry ${r.name} with different content; asset versions are immutable.`,
          version,
        );
    } else {
      const missing = await this.missingFiles(r, modelUri);
      if (missing) return armError(400, "UserError", missing, "properties.modelUri");
    }
    const v = this.put(versionPath, `${PROVIDER}/registries/models/versions`, version, {
      isArchived: false,
      isAnonymous: false,
      ...props,
      provisioningState: prior ? "Updating" : "Creating",
    });
    const container =
      this.resources.get(containerPath.toLowerCase()) ??
      this.put(containerPath, `${PROVIDER}/registries/models`, model, { isArchived: false });
    const numeric = this.children(`${containerPath}/versions`)
      .map((x) => x.name)
      .filter((x) => /^\d+$/.test(x))
      .map(Number);
    container.properties.latestVersion = version;
    container.properties.nextVersion = String((numeric.length ? Math.max(...numeric) : 0) + 1);
    return this.accepted(arm, `rmv:${r.name}:${model}:${version}`, prior ? 200 : 201, v, () => {
      v.properties.provisioningState = "Succeeded";
    });
  }

  /** A new version's files must be in the registry's storage already (the service copies nothing in). */
  private async missingFiles(r: EmulatedRegistry, modelUri: string): Promise<string | undefined> {
    const base = `${this.containerUrl(r)}/`;
    if (!modelUri.startsWith(base))
      return `modelUri '${modelUri}' is not in registry ${r.name}'s storage; upload the files through startPendingUpload first.`;
    if ((this.config.storage.protocol ?? "http") !== "http") return undefined; // the emulator cannot reach HTTPS Azurite
    const path = decodeURIComponent(modelUri.slice(base.length)).replace(/\/+$/, "");
    const container = this.storage(r.name);
    if (await container.getBlobClient(path).exists()) return undefined;
    for await (const _ of container.listBlobsFlat({ prefix: `${path}/` })) return undefined;
    return `No files at modelUri '${modelUri}' in registry ${r.name}'s storage.`;
  }

  private sas(r: EmulatedRegistry, permissions: string): string {
    const s = this.config.storage;
    return generateBlobSASQueryParameters(
      {
        containerName: r.container,
        permissions: ContainerSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + 3600_000),
        protocol: SASProtocol.HttpsAndHttp,
      },
      new StorageSharedKeyCredential(s.account, s.key),
    ).toString();
  }

  private storageAccountArmId(r: EmulatedRegistry): string {
    return `/subscriptions/${r.subscriptionId}/resourceGroups/azureml-rg-${r.name}/providers/Microsoft.Storage/storageAccounts/${this.config.storage.account}`;
  }

  /** RegistryModelVersions_CreateOrGetStartPendingUpload: a folder of the registry's container and a read-write SAS. */
  private pendingUpload(req: RecordedRequest, r: EmulatedRegistry): Reply {
    const body = (req.body ?? {}) as { pendingUploadId?: string | null };
    const id = body.pendingUploadId || randomUUID();
    return {
      status: 200,
      body: {
        blobReferenceForConsumption: {
          blobUri: `${this.containerUrl(r)}/${id}`,
          storageAccountArmId: this.storageAccountArmId(r),
          credential: { credentialType: "SAS", sasUri: `${this.containerUrl(r)}?${this.sas(r, "racwl")}` },
        },
        pendingUploadId: id,
        pendingUploadType: "TemporaryBlobReference",
      },
    };
  }

  /** RegistryDataReferences_GetBlobReferenceSAS: a read SAS for a version's files. */
  private dataReference(req: RecordedRequest, r: EmulatedRegistry, name: string, version: string): Reply {
    const body = (req.body ?? {}) as { assetId?: string; blobUri?: string };
    const v = this.version(r.name, name, version);
    if (!v) return armError(404, "UserError", `Model ${name}:${version} not found in registry ${r.name}.`);
    const blobUri = body.blobUri ?? String(v.properties.modelUri);
    if (blobUri !== v.properties.modelUri)
      return armError(400, "UserError", `blobUri does not belong to ${name}:${version}.`, "blobUri");
    return {
      status: 200,
      body: {
        blobReferenceForConsumption: {
          blobUri,
          storageAccountArmId: this.storageAccountArmId(r),
          credential: { credentialType: "SAS", sasUri: `${this.containerUrl(r)}?${this.sas(r, "rl")}` },
        },
      },
    };
  }

  /**
   * A deployment naming a registry's model: accepted only when that version exists and the caller
   * may read the registry. The service's exact code and message for a missing registry asset are
   * in neither the REST spec nor the recordings; this answers a 400 UserError naming the id.
   */
  private checkDeploymentModel(req: RecordedRequest, client: string): Reply | undefined {
    const props = (req.body as { properties?: { model?: unknown } } | undefined)?.properties;
    const model =
      typeof props?.model === "string" ? props.model : (props?.model as { assetId?: string } | undefined)?.assetId;
    const id = ASSET_ID.exec(model ?? "");
    if (!id) return undefined;
    const [, registry, name, version] = id;
    const r = this.registries.get(registry.toLowerCase());
    if (r?.denied.has(client))
      return armError(
        403,
        "AuthorizationFailed",
        `The client '${client}' with object id '${randomUUID()}' does not have authorization to perform action '${PROVIDER}/registries/assets/read' over scope '${r.path}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
    const v = r ? this.version(r.name, name, version) : undefined;
    if (!v || v.properties.provisioningState !== "Succeeded")
      return armError(400, "UserError", `Could not find asset with ID: ${model}`, "properties.model");
    return undefined;
  }

  /** Starts an operation in the calling emulator and answers with its polling headers. */
  private accepted(arm: ArmState, prefix: string, status: number, body: unknown, done: () => void): Reply {
    const id = `${prefix}:${randomUUID()}`;
    arm.operations.set(id, { id, polls: 0, done, fail: arm.failNextLro });
    arm.failNextLro = undefined;
    const base = `${arm.url}/subscriptions/${arm.config.subscriptionId}/providers/${PROVIDER}/locations/${arm.location}`;
    return {
      status,
      headers: {
        "azure-asyncoperation": `${base}/mfeOperationsStatus/${encodeURIComponent(id)}?api-version=2024-04-01`,
        location: `${base}/mfeOperationResults/${encodeURIComponent(id)}?api-version=2024-04-01`,
        "retry-after": String(arm.config.lroRetryAfter ?? 0),
      },
      body,
    };
  }
}
