/**
 * Azure ML registries: model versions shared between workspaces. A registry is found by name
 * through the regional registry-management service (its discovery document names the registry's
 * own subscription and resource group, which need not be the workspace's), then read and written
 * through ARM below the registry's id, with the workspace's sign-in.
 *
 * Publishing copies a workspace model version's files into the registry's storage (a pending
 * upload's SAS) and creates the version there, as the Python SDK creates a registry model from
 * local files; every version answered carries its `azureml://registries/...` asset id, the id a
 * deployment in any workspace names it by.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fingerprint } from "../../data/fingerprint.js";
import { UserError } from "../../errors.js";
import type { Log } from "../../run-context.js";
import type { ModelFiles, ModelRegistry, ModelStore, ModelVersion, Tags } from "../workspace.js";
import { createWithFreshVersion, newestFirst, nextVersion } from "./assets.js";
import type { AzureMlClient, JsonResponse } from "./client.js";
import { serviceStatus } from "./contract/errors.js";
import type { Page, RegistryModelVersionResource } from "./contract/responses.js";
import { registryId } from "./contract/routes.js";
import { mlflowFlavors } from "./mlflow-flavors.js";
import { METRIC } from "./models.js";
import { downloadFromRegistry, openBlobReference, uploadToRegistry } from "./registry-storage.js";

/** Azure's rule for registry names (registries.json RegistryNameParameter). */
const REGISTRY_NAME = /^[a-zA-Z0-9][a-zA-Z0-9\-_]{2,32}$/;
/** Immutable properties of a published version: what it was copied from, and its files' fingerprint. */
export const SOURCE_PROPERTY = "mlops.source";
export const FINGERPRINT_PROPERTY = "mlops.fingerprint";
/** The built-in role that reads and writes a registry's assets (and lets deployments read them). */
export const REGISTRY_ROLE = "AzureML Registry User";

/** What a registry needs of the workspace it was opened from. */
export interface RegistrySource {
  workspaceName: string;
  /** Origin of the workspace's discovery URL: the regional service that also answers registry discovery. */
  regionalApi: string;
  /** The workspace's models, to read a version's files when publishing. */
  models: Pick<ModelStore, "download">;
}

interface Located {
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  /** ARM id of the registry. */
  id: string;
  location?: string;
}

/** The asset id a deployment in any workspace names a registry's model version by. */
export function registryAssetId(registry: string, name: string, version: string): string {
  return `azureml://registries/${registry}/models/${name}/versions/${version}`;
}

/** Splits `azureml://registries/<r>/models/<m>/versions/<v>`; undefined for anything else. */
export function parseRegistryAssetId(id: string): { registry: string; name: string; version: string } | undefined {
  const m = /^azureml:\/\/registries\/([^/]+)\/models\/([^/]+)\/versions\/([^/]+)$/i.exec(id);
  return m ? { registry: m[1], name: m[2], version: m[3] } : undefined;
}

function clean(record: Record<string, string | null> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([, v]) => v !== null)) as Record<string, string>;
}

/**
 * A 403 anywhere, or a 404 when reading the registry itself: one line naming the input and the
 * role to grant. Anything else is the client's line already.
 */
function registryError(where: Located | { name: string; id?: string }, what: string, error: unknown, missing = false) {
  const status = serviceStatus(error);
  const scope = where.id ?? `<the registry's id: az ml registry show --name ${where.name} --query id>`;
  if (status === 403) {
    const principal = /client '([^']+)'/.exec(String((error as Error).message))?.[1] ?? "<clientId>";
    return new UserError(
      `${what} failed: the signed-in identity may not use registry '${where.name}' (AuthorizationFailed)`,
      { input: "registry" },
      `Grant it the '${REGISTRY_ROLE}' role on the registry: az role assignment create --assignee ${principal} --role "${REGISTRY_ROLE}" --scope ${scope}`,
    );
  }
  if (missing && status === 404) return notFound(where.name);
  return error;
}

function notFound(name: string): UserError {
  return new UserError(
    `registry '${name}' was not found`,
    { input: "registry" },
    "Check the registry's name (az ml registry list shows those the identity can see), or create it (az ml registry create)",
  );
}

/**
 * Finds a registry by name and checks that the signed-in identity can read it, so a wrong name or
 * a missing role fails here, in one line, before any work.
 */
export async function openAzureMlRegistry(
  client: AzureMlClient,
  name: string,
  source: RegistrySource,
  log: Log,
): Promise<AzureMlRegistry> {
  if (!REGISTRY_NAME.test(name)) {
    throw new UserError(
      `'${name}' is not a valid Azure ML registry name`,
      { input: "registry" },
      "Give the registry's name: 3 to 33 letters, digits, '-' and '_', starting with a letter or digit",
    );
  }
  const discovery = await client
    .send(
      "registryDiscovery.get",
      { registryName: name },
      {
        base: source.regionalApi,
        allow404: true,
        what: `find registry '${name}'`,
      },
    )
    .catch((error) => {
      throw registryError({ name }, `find registry '${name}'`, error, true);
    });
  const doc = discovery?.body;
  if (!doc?.subscriptionId || !doc.resourceGroup) throw notFound(name);
  const located: Located = {
    name: doc.registryName ?? name,
    subscriptionId: doc.subscriptionId,
    resourceGroup: doc.resourceGroup,
    id: registryId({ subscriptionId: doc.subscriptionId, resourceGroup: doc.resourceGroup, registryName: name }),
  };
  const resource = await client
    .must(
      "registries.get",
      {},
      { base: `${client.cloud.resourceManager}${located.id}`, what: `read registry '${name}'` },
    )
    .catch((error) => {
      throw registryError(located, `read registry '${name}'`, error, true);
    });
  located.location = resource.body?.location;
  log.info(
    `Registry ${located.name} (resource group ${located.resourceGroup}, subscription ${located.subscriptionId}${located.location ? `, ${located.location}` : ""})`,
  );
  return new AzureMlRegistry(client, located, source);
}

/** A registry's model versions, read and tagged through ARM, files through its storage. */
class RegistryModels implements Pick<ModelStore, "get" | "list" | "setTags" | "localPath" | "download"> {
  constructor(
    private readonly client: AzureMlClient,
    private readonly at: Located,
  ) {}

  private get base(): string {
    return `${this.client.cloud.resourceManager}${this.at.id}`;
  }

  toModel(name: string, v: RegistryModelVersionResource): ModelVersion {
    const p = v.properties;
    const metrics: Record<string, number> = {};
    for (const [k, value] of Object.entries(clean(p.properties)))
      if (k.startsWith(METRIC)) metrics[k.slice(METRIC.length)] = Number(value);
    return {
      name,
      version: v.name,
      uri: p.modelUri ?? "",
      description: p.description,
      tags: clean(p.tags),
      metrics,
      createdAt: v.systemData?.createdAt ? new Date(v.systemData.createdAt).toISOString() : "",
      assetId: registryAssetId(this.at.name, name, v.name),
    };
  }

  /** Every version of a model as the service answers it, oldest first; [] when there is no such model. */
  async raw(name: string): Promise<RegistryModelVersionResource[]> {
    const what = `list versions of model '${name}' in registry '${this.at.name}'`;
    const out: RegistryModelVersionResource[] = [];
    try {
      let page: JsonResponse<Page<RegistryModelVersionResource>> | undefined = await this.client.send(
        "registryModelVersions.list",
        { name },
        { base: this.base, allow404: true, what },
      );
      while (page) {
        out.push(...(page.body?.value ?? []));
        const next = page.body?.nextLink;
        page = next ? await this.client.mustUrl<Page<RegistryModelVersionResource>>("GET", next, { what }) : undefined;
      }
    } catch (error) {
      throw registryError(this.at, what, error);
    }
    const byVersion = new Map(out.map((v) => [v.name, v]));
    return newestFirst(out.map((v) => ({ version: v.name, createdAt: v.systemData?.createdAt ?? "" })))
      .reverse()
      .map((v) => byVersion.get(v.version) as RegistryModelVersionResource);
  }

  async list(name: string): Promise<ModelVersion[]> {
    return (await this.raw(name)).map((v) => this.toModel(name, v));
  }

  async get(name: string, version: string): Promise<ModelVersion | undefined> {
    if (version === "latest") return (await this.list(name)).at(-1);
    const r = await this.read(name, version);
    return r ? this.toModel(name, r) : undefined;
  }

  async read(name: string, version: string): Promise<RegistryModelVersionResource | undefined> {
    const what = `read model ${name}:${version} in registry '${this.at.name}'`;
    try {
      const r = await this.client.send(
        "registryModelVersions.get",
        { name, version },
        {
          base: this.base,
          allow404: true,
          what,
        },
      );
      return r?.body;
    } catch (error) {
      throw registryError(this.at, what, error);
    }
  }

  /** Creates or updates a version and waits for its long-running operation; answers the version as stored. */
  async put(
    name: string,
    version: string,
    properties: RegistryModelVersionResource["properties"],
    what: string,
  ): Promise<RegistryModelVersionResource> {
    try {
      const first = await this.client.must(
        "registryModelVersions.createOrUpdate",
        { name, version },
        {
          base: this.base,
          body: { properties },
          what,
        },
      );
      await this.client.waitLro(first, what);
      if (first.headers.get("x-mlops-dry-run")) return first.body;
      return (await this.read(name, version)) ?? first.body;
    } catch (error) {
      throw registryError(this.at, what, error);
    }
  }

  async setTags(name: string, version: string, tags: Record<string, string | null>): Promise<ModelVersion> {
    const current = await this.read(name, version);
    if (!current) {
      throw new UserError(
        `model ${name}:${version} is not in registry '${this.at.name}'`,
        { input: "registry" },
        "Publish the model to the registry first",
      );
    }
    const merged = clean(current.properties.tags);
    for (const [k, v] of Object.entries(tags)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    const same =
      Object.keys(merged).length === Object.keys(clean(current.properties.tags)).length &&
      Object.entries(merged).every(([k, v]) => clean(current.properties.tags)[k] === v);
    if (same) return this.toModel(name, current);
    // Versions are immutable but for tags and description: the same body with new tags.
    const properties = { ...current.properties, tags: merged };
    // Read-only: the service ignores it, the spec check warns about it.
    delete properties.provisioningState;
    const updated = await this.put(
      name,
      version,
      properties,
      `update tags of model ${name}:${version} in registry '${this.at.name}'`,
    );
    return this.toModel(name, updated);
  }

  /** A read SAS for a version's files (a data reference), and the blob path of its files in that container. */
  private async files(model: ModelFiles, log: Log) {
    const what = `read the files of model ${model.name}:${model.version} in registry '${this.at.name}'`;
    const answer = await this.client
      .must(
        "registryDataReferences.getBlobReferenceSAS",
        { name: model.name, version: model.version },
        {
          base: this.base,
          body: { assetId: registryAssetId(this.at.name, model.name, model.version), blobUri: model.uri },
          what,
        },
      )
      .catch((error) => {
        throw registryError(this.at, what, error);
      });
    return openBlobReference(answer.body?.blobReferenceForConsumption, what, this.client, log);
  }

  async download(model: ModelFiles, dir: string, log: Log): Promise<string> {
    const blobs = await this.files(model, log);
    const files = await downloadFromRegistry(blobs, blobs.prefix, dir);
    if (files.length === 0) {
      throw new UserError(
        `model ${model.name}:${model.version} has no files in registry '${this.at.name}' (${model.uri})`,
        { input: "registry" },
        "Publish the model again",
      );
    }
    log.info(
      `Downloaded ${files.length} file(s) of model ${model.name}:${model.version} from registry ${this.at.name}`,
    );
    return dir;
  }

  async localPath(model: ModelVersion, log: Log): Promise<string> {
    const dir = join(tmpdir(), "mlops-azureml", `registry-${this.at.name}-${model.name}-${model.version}`);
    const blobs = await this.files(model, log);
    const files = await downloadFromRegistry(blobs, blobs.prefix, dir);
    if (files.length === 0)
      throw new UserError(
        `model ${model.name}:${model.version} has no files in registry '${this.at.name}'`,
        { input: "registry" },
        "Publish the model again",
      );
    // A single-blob model is that file, as the workspace's models answer it.
    const single = files.length === 1 && basename(files[0]) === basename(blobs.prefix);
    return single ? files[0] : dir;
  }
}

export class AzureMlRegistry implements ModelRegistry {
  readonly name: string;
  readonly description: string;
  readonly models: RegistryModels;

  constructor(
    private readonly client: AzureMlClient,
    private readonly at: Located,
    private readonly source: RegistrySource,
  ) {
    this.name = at.name;
    this.description = `Azure ML registry ${at.name} (resource group ${at.resourceGroup}, subscription ${at.subscriptionId})`;
    this.models = new RegistryModels(client, at);
  }

  /**
   * Publishes a workspace model version. Already there (same source version, or same files): that
   * version, its tags updated. Else its files are copied into the registry's storage and a version
   * created with the source's number when it is above every version there (versionFor), else the
   * next one; the source is recorded in tags and immutable properties.
   */
  async publish(model: ModelVersion, tags: Tags, log: Log): Promise<ModelVersion> {
    // A workspace's champion tag is its own bookkeeping: the registry's champion is moved by the caller.
    const carried = (t: Tags): Tags => Object.fromEntries(Object.entries(t).filter(([k]) => k !== "champion"));
    const label = `${model.name}:${model.version}`;
    const source = this.client.id("modelVersions.get", { name: model.name, version: model.version });
    // The names compare-models gives its lineage tags; its own values (when it passes them) win.
    const lineage: Tags = { sourceWorkspace: this.source.workspaceName, sourceModel: label };
    const existing = await this.models.raw(model.name);
    // A workspace version is immutable: published from the same one, it is the same files.
    const bySource = existing.find((v) => clean(v.properties.properties)[SOURCE_PROPERTY] === source);
    // The caller's tags only: the lineage tags keep naming the version the files were first copied from.
    if (bySource) return this.answerExisting(model.name, bySource, tags, log, "it was published before");
    if (this.client.dryRun)
      return this.plan(model, existing, { ...carried(model.tags), ...lineage, ...tags }, source, log);

    const dir = await mkdtemp(join(tmpdir(), "mlops-registry-"));
    try {
      await this.source.models.download(model, dir, log);
      const fp = await fingerprint(dir, "registry");
      const same = existing.find((v) => clean(v.properties.properties)[FINGERPRINT_PROPERTY] === fp.digest);
      if (same) return this.answerExisting(model.name, same, tags, log, "it holds the same files");

      // A one-file model stays one blob, as it was in the workspace (the scoring script sees the same layout).
      const leaf = basename(model.uri.replace(/\/+$/, "").replace(/^.*\/paths\//, "")) || "model";
      const single = fp.files.length === 1 && fp.files[0].path === leaf && !model.uri.endsWith("/");
      const files = fp.files.map((f) => ({
        local: join(dir, f.path),
        path: single ? "" : f.path,
        size: f.size,
        sha256: f.sha256,
      }));
      const mlmodel = fp.files.some((f) => f.path === "MLmodel");
      const flavors = mlmodel ? mlflowFlavors(await readFile(join(dir, "MLmodel"), "utf8")) : undefined;
      const properties: Record<string, string> = { [SOURCE_PROPERTY]: source, [FINGERPRINT_PROPERTY]: fp.digest };
      for (const [k, v] of Object.entries(model.metrics)) properties[`${METRIC}${k}`] = String(v);
      const names = existing.map((v) => v.name);
      const first = versionFor(model.version, names);
      // The same files always go to the same pending upload, so a re-run after an interruption sends only what is missing.
      const pendingUploadId = uuidFrom(fp.digest);

      const created = await createWithFreshVersion(first, async (version) => {
        const what = `copy model ${label} to registry '${this.name}' as ${model.name}:${version}`;
        const pending = await this.client
          .must(
            "registryModelVersions.startPendingUpload",
            { name: model.name, version },
            {
              base: `${this.client.cloud.resourceManager}${this.at.id}`,
              body: { pendingUploadId, pendingUploadType: "TemporaryBlobReference" },
              what,
            },
          )
          .catch((error) => {
            throw registryError(this.at, what, error);
          });
        const target = openBlobReference(pending.body?.blobReferenceForConsumption, what, this.client, log);
        const folder = [target.prefix, leaf].filter(Boolean).join("/");
        log.info(`Copying ${files.length} file(s), ${fp.bytes} bytes, of model ${label} to registry ${this.name}`);
        const stats = await uploadToRegistry(target, folder, files, log);
        return this.models.put(
          model.name,
          version,
          {
            description: model.description,
            tags: { ...carried(model.tags), ...lineage, ...tags },
            properties,
            modelType: mlmodel ? "mlflow_model" : "custom_model",
            modelUri: `${target.blobUri}/${leaf}`,
            ...(flavors ? { flavors } : {}),
            isAnonymous: false,
            isArchived: false,
          },
          `create model ${model.name}:${version} in registry '${this.name}' (${stats.sent} file(s) sent)`,
        );
      });
      const result = this.models.toModel(model.name, created);
      log.info(
        `Published model ${label} to registry ${this.name} as ${model.name}:${result.version} (${result.assetId})`,
      );
      return result;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async answerExisting(
    name: string,
    v: RegistryModelVersionResource,
    tags: Tags,
    log: Log,
    why: string,
  ): Promise<ModelVersion> {
    log.info(`Model ${name}:${v.name} is already in registry ${this.name} (${why}): not copied again`);
    return this.models.setTags(name, v.name, tags);
  }

  /** Plan mode: the requests a publish would send are recorded (none sent); no file is read or copied. */
  private async plan(
    model: ModelVersion,
    existing: RegistryModelVersionResource[],
    tags: Tags,
    source: string,
    log: Log,
  ): Promise<ModelVersion> {
    const names = existing.map((v) => v.name);
    const version = versionFor(model.version, names);
    const base = `${this.client.cloud.resourceManager}${this.at.id}`;
    const what = `copy model ${model.name}:${model.version} to registry '${this.name}'`;
    await this.client.must(
      "registryModelVersions.startPendingUpload",
      { name: model.name, version },
      {
        base,
        body: { pendingUploadType: "TemporaryBlobReference" },
        what,
      },
    );
    this.client.plan.push({
      method: "PUT",
      path: `(registry ${this.name} storage: the files of model ${model.name}:${model.version})`,
    });
    const properties: Record<string, string> = { [SOURCE_PROPERTY]: source };
    for (const [k, v] of Object.entries(model.metrics)) properties[`${METRIC}${k}`] = String(v);
    const created = await this.models.put(
      model.name,
      version,
      {
        description: model.description,
        tags,
        properties,
        modelType: "custom_model",
        modelUri: registryAssetId(this.name, model.name, version),
        isAnonymous: false,
        isArchived: false,
      },
      `create model ${model.name}:${version} in registry '${this.name}'`,
    );
    log.info(
      `Plan: would publish model ${model.name}:${model.version} to registry ${this.name} as ${model.name}:${version}`,
    );
    return this.models.toModel(model.name, created);
  }

  async close(): Promise<void> {}
}

/**
 * The registry version a publish creates: the workspace version's number when it is above every
 * version there (one number for the model from dev to prod, and `latest` stays the newest, as the
 * local registry does), else the next number.
 */
export function versionFor(source: string, existing: string[]): string {
  const next = nextVersion(existing);
  return /^\d+$/.test(source) && Number(source) >= Number(next) ? String(Number(source)) : next;
}

/** A GUID-shaped id from a hex digest (pending upload ids are GUIDs when the service picks them). */
function uuidFrom(hex: string): string {
  const h = hex.padEnd(32, "0");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
