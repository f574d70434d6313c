import { mkdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fingerprint } from "../../data/fingerprint.js";
import { UserError } from "../../errors.js";
import type { Log } from "../../run-context.js";
import type { ModelFiles, ModelStore, ModelVersion, NewModel } from "../workspace.js";
import { createWithFreshVersion, isRemoteUri, newestFirst, nextVersion } from "./assets.js";
import type { AzureMlClient } from "./client.js";
import { isNotFound } from "./contract/errors.js";
import type { ModelVersionResource } from "./contract/responses.js";
import { jobOutputDatastoreUri } from "./job-output.js";
import { mlflowFlavors } from "./mlflow-flavors.js";
import { type DatastoreAccess, parseDatastoreUri } from "./storage.js";

/** Model metrics live in the version's properties under this prefix (properties are immutable, like the metrics). */
export const METRIC = "mlops.metric.";

function clean(record: Record<string, string | null> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([, v]) => v !== null)) as Record<string, string>;
}

function toModel(name: string, v: ModelVersionResource): ModelVersion {
  const p = v.properties;
  const props = clean(p.properties);
  const metrics: Record<string, number> = {};
  for (const [k, value] of Object.entries(props))
    if (k.startsWith(METRIC)) metrics[k.slice(METRIC.length)] = Number(value);
  return {
    name,
    version: v.name as string,
    uri: p.modelUri ?? "",
    description: p.description,
    tags: clean(p.tags),
    metrics,
    createdAt: v.systemData?.createdAt ? new Date(v.systemData.createdAt).toISOString() : "",
  };
}

/** Model versions on Azure ML; local model files go to the default datastore first. */
export class AzureModels implements ModelStore {
  constructor(
    private readonly client: AzureMlClient,
    private readonly storage: DatastoreAccess,
  ) {}

  private get rg() {
    return this.client.ref.resourceGroup;
  }

  private get ws() {
    return this.client.ref.workspaceName;
  }

  async list(name: string): Promise<ModelVersion[]> {
    const out: ModelVersion[] = [];
    try {
      for await (const v of this.client.sdk.modelVersions.list(this.rg, this.ws, name, { orderBy: "createdtime desc" }))
        out.push(toModel(name, v));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw this.client.toUserError(`list versions of model '${name}'`, error);
    }
    return newestFirst(out).reverse();
  }

  async get(name: string, version: string): Promise<ModelVersion | undefined> {
    if (version === "latest") return (await this.list(name)).at(-1);
    try {
      return toModel(name, await this.client.sdk.modelVersions.get(this.rg, this.ws, name, version));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.client.toUserError(`read model ${name}:${version}`, error);
    }
  }

  async register(model: NewModel, log: Log): Promise<ModelVersion> {
    let modelUri: string;
    let modelType = "custom_model";
    let jobName: string | undefined;
    let flavors: Record<string, { data: Record<string, string> }> | undefined;
    if (isRemoteUri(model.source)) {
      modelUri = model.source;
      jobName = /^azureml:\/\/jobs\/([^/]+)\//.exec(model.source)?.[1];
    } else {
      const info = await stat(model.source).catch(() => undefined);
      if (!info)
        throw new UserError(
          `model path '${model.source}' does not exist`,
          { subject: "modelPath" },
          "Give the folder or file the job wrote the model to",
        );
      const fp = await fingerprint(model.source);
      const isFile = !info.isDirectory();
      if (!isFile && fp.files.some((f) => f.path === "MLmodel")) {
        modelType = "mlflow_model";
        // The SDK sends the MLmodel's flavors with an MLflow model.
        flavors = mlflowFlavors(await readFile(join(model.source, "MLmodel"), "utf8"));
      }
      const prefix = `LocalUpload/${fp.digest.slice(0, 32)}/${basename(model.source)}`;
      await this.storage.upload(
        fp.files.map((f) => ({
          local: isFile ? model.source : join(model.source, f.path),
          blob: isFile ? prefix : `${prefix}/${f.path}`,
          size: f.size,
          sha256: f.sha256,
        })),
        prefix,
        log,
      );
      // The SDK names a model folder without a trailing slash.
      modelUri = await this.storage.uri(prefix);
    }
    const properties: Record<string, string> = {};
    for (const [k, v] of Object.entries(model.metrics)) properties[`${METRIC}${k}`] = String(v);
    const existing = await this.list(model.name);
    const created = await createWithFreshVersion(nextVersion(existing.map((m) => m.version)), async (version) => {
      try {
        return await this.client.sdk.modelVersions.createOrUpdate(this.rg, this.ws, model.name, version, {
          properties: {
            modelUri,
            modelType,
            description: model.description,
            tags: model.tags,
            properties,
            jobName,
            flavors,
            isAnonymous: false,
            isArchived: false,
          },
        });
      } catch (error) {
        throw this.client.toUserError(`register model ${model.name}:${version}`, error);
      }
    });
    const result = toModel(model.name, created);
    log.info(
      `${this.client.dryRun ? "Plan: would register" : "Registered"} model ${model.name}:${result.version} → ${modelUri}`,
    );
    return result;
  }

  async setTags(name: string, version: string, tags: Record<string, string | null>): Promise<ModelVersion> {
    let current: ModelVersionResource;
    try {
      current = await this.client.sdk.modelVersions.get(this.rg, this.ws, name, version);
    } catch (error) {
      throw this.client.toUserError(`read model ${name}:${version}`, error);
    }
    const merged: Record<string, string> = clean(current.properties.tags);
    for (const [k, v] of Object.entries(tags)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    try {
      const updated = await this.client.sdk.modelVersions.createOrUpdate(this.rg, this.ws, name, version, {
        properties: { ...current.properties, tags: merged },
      });
      return toModel(name, updated);
    } catch (error) {
      throw this.client.toUserError(`update tags of model ${name}:${version}`, error);
    }
  }

  async download(model: ModelFiles, dir: string, log: Log): Promise<string> {
    const label = `${model.name}:${model.version}`;
    // A model registered from a job's output is read where that output lives.
    const fromJob = await jobOutputDatastoreUri(
      this.client,
      model.uri,
      async () => (await this.storage.defaultDatastore()).name,
    );
    const uri = fromJob ?? model.uri;
    const parsed = parseDatastoreUri(uri);
    if (!parsed) {
      throw new UserError(
        `model ${label} lives at ${model.uri}, which is not a datastore path and cannot be downloaded here`,
        {},
        "Register the model from a datastore path, or write the job's model output to one",
      );
    }
    const ds = await this.storage.defaultDatastore();
    if (parsed.datastore !== ds.name) {
      throw new UserError(
        `model ${label} is in datastore '${parsed.datastore}'; only the default datastore '${ds.name}' can be read here`,
        {},
        "Register the model in the default datastore",
      );
    }
    // A model is one blob, or the blobs under its folder: the folder's path and a slash (without
    // the slash, "model" would also match a sibling "model2/").
    const path = parsed.path.replace(/\/$/, "");
    await mkdir(dir, { recursive: true });
    const blob = (await this.storage.containerClient()).getBlobClient(path);
    let files: string[];
    if (!parsed.path.endsWith("/") && (await blob.exists())) {
      const local = join(dir, basename(path));
      await blob.downloadToFile(local);
      files = [local];
    } else files = await this.storage.download(`${path}/`, dir);
    if (files.length === 0) {
      throw new UserError(
        `model ${label} has no files at ${uri}${fromJob ? ` (where job output ${model.uri} is written)` : ""}`,
        {},
        fromJob
          ? "Give the pipeline's model output a datastore path (outputs: model: path: azureml://datastores/workspaceblobstore/paths/models/${{name}}/), or register the model from its files"
          : "Register the model again from its files",
      );
    }
    log.info(`Downloaded ${files.length} file(s) of model ${label} to ${dir}`);
    return dir;
  }

  async localPath(model: ModelVersion, _log: Log): Promise<string> {
    const parsed = parseDatastoreUri(model.uri);
    if (!parsed) {
      throw new UserError(
        `model ${model.name}:${model.version} lives at ${model.uri}, which cannot be downloaded here`,
        {},
        "Register models from a datastore path",
      );
    }
    const dir = join(tmpdir(), "mlops-azureml", `model-${model.name}-${model.version}`);
    await mkdir(dir, { recursive: true });
    const files = await this.storage.download(parsed.path, dir);
    return files.length === 1 && !model.uri.endsWith("/") ? files[0] : dir;
  }
}
