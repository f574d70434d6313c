export const id = 769;
export const ids = [769];
export const modules = {

/***/ 9769:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openAzureMlRegistry: () => (/* binding */ openAzureMlRegistry)
});

// UNUSED EXPORTS: AzureMlRegistry, FINGERPRINT_PROPERTY, REGISTRY_ROLE, SOURCE_PROPERTY, parseRegistryAssetId, registryAssetId, versionFor

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/bundle/data/fingerprint.js
var fingerprint = __webpack_require__(8630);
// EXTERNAL MODULE: ./build/bundle/errors.js
var errors = __webpack_require__(1746);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/assets.js
var assets = __webpack_require__(5533);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/contract/errors.js
var contract_errors = __webpack_require__(8202);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/contract/routes.js
var routes = __webpack_require__(7939);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/mlflow-flavors.js
var mlflow_flavors = __webpack_require__(1965);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/models.js + 1 modules
var models = __webpack_require__(4686);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/storage-auth.js
var storage_auth = __webpack_require__(2266);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/registry-storage.js
/**
 * A registry's own storage, reached through the container SAS the registry hands out: a pending
 * upload's (read, write, list) to copy a model version's files in, a data reference's (read, list)
 * to read them back. The SAS is a secret: it is registered with the log before the client exists.
 */





/** Metadata key holding a blob's content hash, as the default datastore's uploads do (a re-run skips it). */
const HASH_KEY = "mlopssha256";
/**
 * A container client for a blob reference. The SAS URI names the container (`<service>/<container>?sig`);
 * the blob URI may name a path inside it.
 */
function openBlobReference(ref, what, client, log) {
    const sasUri = ref?.credential?.sasUri;
    const blobUri = ref?.blobUri;
    if (!sasUri || !blobUri) {
        throw new errors/* UserError */.yo(`${what}: the registry answered without a storage location or SAS`, { input: "registry" }, "Check that the registry's storage account exists and the registry is provisioned (az ml registry show), then re-run");
    }
    const sas = new URL(sasUri);
    log.secret(sas.search.replace(/^\?/, ""));
    log.secret(sasUri);
    const parts = sas.pathname.split("/").filter(Boolean);
    const containerName = decodeURIComponent(parts.at(-1) ?? "");
    const serviceUrl = `${sas.origin}/${parts.slice(0, -1).join("/")}`.replace(/\/$/, "");
    const container = (0,storage_auth/* storageContainer */.rn)(serviceUrl, "", containerName, { kind: "Sas", sasToken: sas.search }, {
        scope: client.cloud.storageScope,
        credential: client.credential,
        tlsOptions: client.tlsOptions,
        agents: client.agents,
    });
    const plain = new URL(blobUri);
    plain.search = "";
    const inContainer = decodeURIComponent(plain.pathname).split("/").filter(Boolean);
    const at = inContainer.indexOf(containerName);
    const prefix = at >= 0 ? inContainer.slice(at + 1).join("/") : "";
    return { container, prefix, blobUri: plain.toString().replace(/\/$/, "") };
}
/** Uploads files below `folder`, skipping blobs whose stored hash already matches (a re-run after an interruption). */
async function uploadToRegistry(target, folder, files, log) {
    const existing = new Map();
    try {
        for await (const blob of target.container.listBlobsFlat({ prefix: folder, includeMetadata: true })) {
            const hash = blob.metadata?.[HASH_KEY];
            if (hash)
                existing.set(blob.name, hash);
        }
    }
    catch (error) {
        throw storageError("list the registry's pending upload", error);
    }
    // A file with an empty path is the one blob of a one-file model: the folder's name is its name.
    const blobName = (f) => (f.path ? `${folder}/${f.path}` : folder);
    const todo = files.filter((f) => existing.get(blobName(f)) !== f.sha256);
    const queue = [...todo].sort((a, b) => b.size - a.size);
    const workers = Array.from({ length: Math.min(8, queue.length) }, async () => {
        for (let f = queue.shift(); f; f = queue.shift()) {
            try {
                await target.container.getBlockBlobClient(blobName(f)).uploadFile(f.local, {
                    blockSize: 8 * 1024 * 1024,
                    maxSingleShotSize: 4 * 1024 * 1024,
                    concurrency: 4,
                    metadata: { [HASH_KEY]: f.sha256 },
                });
            }
            catch (error) {
                throw storageError(`upload ${f.path} to the registry`, error);
            }
        }
    });
    await Promise.all(workers);
    const skipped = files.length - todo.length;
    if (skipped > 0)
        log.info(`${skipped} of ${files.length} file(s) already in the registry's storage: not sent again.`);
    return { sent: todo.length, skipped };
}
/** Downloads every blob below `folder` (or the one blob `folder` names) into `dir`, keeping relative paths. */
async function downloadFromRegistry(source, folder, dir) {
    const names = [];
    try {
        for await (const blob of source.container.listBlobsFlat({ prefix: `${folder}/` }))
            names.push(blob.name);
        const base = names.length > 0 ? `${folder}/` : `${(0,external_node_path_.dirname)(folder)}/`;
        if (names.length === 0 && (await source.container.getBlobClient(folder).exists()))
            names.push(folder);
        const out = [];
        for (const name of names) {
            const local = (0,external_node_path_.join)(dir, name.slice(base === "./" ? 0 : base.length));
            if (!(await (0,promises_.stat)(local).catch(() => undefined))) {
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(local), { recursive: true });
                await source.container.getBlobClient(name).downloadToFile(local);
            }
            out.push(local);
        }
        return out;
    }
    catch (error) {
        throw storageError("read the model's files from the registry", error);
    }
}
function storageError(what, error) {
    if (!(0,contract_errors/* isRestError */.T0)(error) || error.statusCode === undefined)
        return error instanceof Error ? error : new Error(String(error));
    if (error.statusCode === 403) {
        return new errors/* UserError */.yo(`${what} failed: the registry's SAS was refused (${error.code ?? "AuthorizationFailure"})`, { input: "registry" }, "Re-run (the SAS may have expired); if it persists, check that the registry's storage account allows shared-key access");
    }
    return new errors/* UserError */.yo(`${what} failed: HTTP ${error.statusCode} ${error.code ?? ""} ${String(error.message ?? "").split("\n")[0]}`.trim(), {}, "Re-run; files already copied are skipped");
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/registry.js
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











/** Azure's rule for registry names (registries.json RegistryNameParameter). */
const REGISTRY_NAME = /^[a-zA-Z0-9][a-zA-Z0-9\-_]{2,32}$/;
/** Immutable properties of a published version: what it was copied from, and its files' fingerprint. */
const SOURCE_PROPERTY = "mlops.source";
const FINGERPRINT_PROPERTY = "mlops.fingerprint";
/** The built-in role that reads and writes a registry's assets (and lets deployments read them). */
const REGISTRY_ROLE = "AzureML Registry User";
/** The asset id a deployment in any workspace names a registry's model version by. */
function registryAssetId(registry, name, version) {
    return `azureml://registries/${registry}/models/${name}/versions/${version}`;
}
/** Splits `azureml://registries/<r>/models/<m>/versions/<v>`; undefined for anything else. */
function parseRegistryAssetId(id) {
    const m = /^azureml:\/\/registries\/([^/]+)\/models\/([^/]+)\/versions\/([^/]+)$/i.exec(id);
    return m ? { registry: m[1], name: m[2], version: m[3] } : undefined;
}
function clean(record) {
    return Object.fromEntries(Object.entries(record ?? {}).filter(([, v]) => v !== null));
}
/**
 * A 403 anywhere, or a 404 when reading the registry itself: one line naming the input and the
 * role to grant. Anything else is the client's line already.
 */
function registryError(where, what, error, missing = false) {
    const status = (0,contract_errors/* serviceStatus */.E6)(error);
    const scope = where.id ?? `<the registry's id: az ml registry show --name ${where.name} --query id>`;
    if (status === 403) {
        const principal = /client '([^']+)'/.exec(String(error.message))?.[1] ?? "<clientId>";
        return new errors/* UserError */.yo(`${what} failed: the signed-in identity may not use registry '${where.name}' (AuthorizationFailed)`, { input: "registry" }, `Grant it the '${REGISTRY_ROLE}' role on the registry: az role assignment create --assignee ${principal} --role "${REGISTRY_ROLE}" --scope ${scope}`);
    }
    if (missing && status === 404)
        return notFound(where.name);
    return error;
}
function notFound(name) {
    return new errors/* UserError */.yo(`registry '${name}' was not found`, { input: "registry" }, "Check the registry's name (az ml registry list shows those the identity can see), or create it (az ml registry create)");
}
/**
 * Finds a registry by name and checks that the signed-in identity can read it, so a wrong name or
 * a missing role fails here, in one line, before any work.
 */
async function openAzureMlRegistry(client, name, source, log) {
    if (!REGISTRY_NAME.test(name)) {
        throw new errors/* UserError */.yo(`'${name}' is not a valid Azure ML registry name`, { input: "registry" }, "Give the registry's name: 3 to 33 letters, digits, '-' and '_', starting with a letter or digit");
    }
    const discovery = await client
        .send("registryDiscovery.get", { registryName: name }, {
        base: source.regionalApi,
        allow404: true,
        what: `find registry '${name}'`,
    })
        .catch((error) => {
        throw registryError({ name }, `find registry '${name}'`, error, true);
    });
    const doc = discovery?.body;
    if (!doc?.subscriptionId || !doc.resourceGroup)
        throw notFound(name);
    const located = {
        name: doc.registryName ?? name,
        subscriptionId: doc.subscriptionId,
        resourceGroup: doc.resourceGroup,
        id: (0,routes/* registryId */.h7)({ subscriptionId: doc.subscriptionId, resourceGroup: doc.resourceGroup, registryName: name }),
    };
    const resource = await client
        .must("registries.get", {}, { base: `${client.cloud.resourceManager}${located.id}`, what: `read registry '${name}'` })
        .catch((error) => {
        throw registryError(located, `read registry '${name}'`, error, true);
    });
    located.location = resource.body?.location;
    log.info(`Registry ${located.name} (resource group ${located.resourceGroup}, subscription ${located.subscriptionId}${located.location ? `, ${located.location}` : ""})`);
    return new AzureMlRegistry(client, located, source);
}
/** A registry's model versions, read and tagged through ARM, files through its storage. */
class RegistryModels {
    client;
    at;
    constructor(client, at) {
        this.client = client;
        this.at = at;
    }
    get base() {
        return `${this.client.cloud.resourceManager}${this.at.id}`;
    }
    toModel(name, v) {
        const p = v.properties;
        const metrics = {};
        for (const [k, value] of Object.entries(clean(p.properties)))
            if (k.startsWith(models/* METRIC */.$))
                metrics[k.slice(models/* METRIC */.$.length)] = Number(value);
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
    async raw(name) {
        const what = `list versions of model '${name}' in registry '${this.at.name}'`;
        const out = [];
        try {
            let page = await this.client.send("registryModelVersions.list", { name }, { base: this.base, allow404: true, what });
            while (page) {
                out.push(...(page.body?.value ?? []));
                const next = page.body?.nextLink;
                page = next ? await this.client.mustUrl("GET", next, { what }) : undefined;
            }
        }
        catch (error) {
            throw registryError(this.at, what, error);
        }
        const byVersion = new Map(out.map((v) => [v.name, v]));
        return (0,assets/* newestFirst */.ll)(out.map((v) => ({ version: v.name, createdAt: v.systemData?.createdAt ?? "" })))
            .reverse()
            .map((v) => byVersion.get(v.version));
    }
    async list(name) {
        return (await this.raw(name)).map((v) => this.toModel(name, v));
    }
    async get(name, version) {
        if (version === "latest")
            return (await this.list(name)).at(-1);
        const r = await this.read(name, version);
        return r ? this.toModel(name, r) : undefined;
    }
    async read(name, version) {
        const what = `read model ${name}:${version} in registry '${this.at.name}'`;
        try {
            const r = await this.client.send("registryModelVersions.get", { name, version }, {
                base: this.base,
                allow404: true,
                what,
            });
            return r?.body;
        }
        catch (error) {
            throw registryError(this.at, what, error);
        }
    }
    /** Creates or updates a version and waits for its long-running operation; answers the version as stored. */
    async put(name, version, properties, what) {
        try {
            const first = await this.client.must("registryModelVersions.createOrUpdate", { name, version }, {
                base: this.base,
                body: { properties },
                what,
            });
            await this.client.waitLro(first, what);
            if (first.headers.get("x-mlops-dry-run"))
                return first.body;
            return (await this.read(name, version)) ?? first.body;
        }
        catch (error) {
            throw registryError(this.at, what, error);
        }
    }
    async setTags(name, version, tags) {
        const current = await this.read(name, version);
        if (!current) {
            throw new errors/* UserError */.yo(`model ${name}:${version} is not in registry '${this.at.name}'`, { input: "registry" }, "Publish the model to the registry first");
        }
        const merged = clean(current.properties.tags);
        for (const [k, v] of Object.entries(tags)) {
            if (v === null)
                delete merged[k];
            else
                merged[k] = v;
        }
        const same = Object.keys(merged).length === Object.keys(clean(current.properties.tags)).length &&
            Object.entries(merged).every(([k, v]) => clean(current.properties.tags)[k] === v);
        if (same)
            return this.toModel(name, current);
        // Versions are immutable but for tags and description: the same body with new tags.
        const properties = { ...current.properties, tags: merged };
        // Read-only: the service ignores it, the spec check warns about it.
        delete properties.provisioningState;
        const updated = await this.put(name, version, properties, `update tags of model ${name}:${version} in registry '${this.at.name}'`);
        return this.toModel(name, updated);
    }
    /** A read SAS for a version's files (a data reference), and the blob path of its files in that container. */
    async files(model, log) {
        const what = `read the files of model ${model.name}:${model.version} in registry '${this.at.name}'`;
        const answer = await this.client
            .must("registryDataReferences.getBlobReferenceSAS", { name: model.name, version: model.version }, {
            base: this.base,
            body: { assetId: registryAssetId(this.at.name, model.name, model.version), blobUri: model.uri },
            what,
        })
            .catch((error) => {
            throw registryError(this.at, what, error);
        });
        return openBlobReference(answer.body?.blobReferenceForConsumption, what, this.client, log);
    }
    async download(model, dir, log) {
        const blobs = await this.files(model, log);
        const files = await downloadFromRegistry(blobs, blobs.prefix, dir);
        if (files.length === 0) {
            throw new errors/* UserError */.yo(`model ${model.name}:${model.version} has no files in registry '${this.at.name}' (${model.uri})`, { input: "registry" }, "Publish the model again");
        }
        log.info(`Downloaded ${files.length} file(s) of model ${model.name}:${model.version} from registry ${this.at.name}`);
        return dir;
    }
    async localPath(model, log) {
        const dir = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "mlops-azureml", `registry-${this.at.name}-${model.name}-${model.version}`);
        const blobs = await this.files(model, log);
        const files = await downloadFromRegistry(blobs, blobs.prefix, dir);
        if (files.length === 0)
            throw new errors/* UserError */.yo(`model ${model.name}:${model.version} has no files in registry '${this.at.name}'`, { input: "registry" }, "Publish the model again");
        // A single-blob model is that file, as the workspace's models answer it.
        const single = files.length === 1 && (0,external_node_path_.basename)(files[0]) === (0,external_node_path_.basename)(blobs.prefix);
        return single ? files[0] : dir;
    }
}
class AzureMlRegistry {
    client;
    at;
    source;
    name;
    description;
    models;
    constructor(client, at, source) {
        this.client = client;
        this.at = at;
        this.source = source;
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
    async publish(model, tags, log) {
        // A workspace's champion tag is its own bookkeeping: the registry's champion is moved by the caller.
        const carried = (t) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== "champion"));
        const label = `${model.name}:${model.version}`;
        const source = this.client.id("modelVersions.get", { name: model.name, version: model.version });
        // The names compare-models gives its lineage tags; its own values (when it passes them) win.
        const lineage = { sourceWorkspace: this.source.workspaceName, sourceModel: label };
        const existing = await this.models.raw(model.name);
        // A workspace version is immutable: published from the same one, it is the same files.
        const bySource = existing.find((v) => clean(v.properties.properties)[SOURCE_PROPERTY] === source);
        // The caller's tags only: the lineage tags keep naming the version the files were first copied from.
        if (bySource)
            return this.answerExisting(model.name, bySource, tags, log, "it was published before");
        if (this.client.dryRun)
            return this.plan(model, existing, { ...carried(model.tags), ...lineage, ...tags }, source, log);
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "mlops-registry-"));
        try {
            await this.source.models.download(model, dir, log);
            const fp = await (0,fingerprint/* fingerprint */.R)(dir, "registry");
            const same = existing.find((v) => clean(v.properties.properties)[FINGERPRINT_PROPERTY] === fp.digest);
            if (same)
                return this.answerExisting(model.name, same, tags, log, "it holds the same files");
            // A one-file model stays one blob, as it was in the workspace (the scoring script sees the same layout).
            const leaf = (0,external_node_path_.basename)(model.uri.replace(/\/+$/, "").replace(/^.*\/paths\//, "")) || "model";
            const single = fp.files.length === 1 && fp.files[0].path === leaf && !model.uri.endsWith("/");
            const files = fp.files.map((f) => ({
                local: (0,external_node_path_.join)(dir, f.path),
                path: single ? "" : f.path,
                size: f.size,
                sha256: f.sha256,
            }));
            const mlmodel = fp.files.some((f) => f.path === "MLmodel");
            const flavors = mlmodel ? (0,mlflow_flavors/* mlflowFlavors */.b)(await (0,promises_.readFile)((0,external_node_path_.join)(dir, "MLmodel"), "utf8")) : undefined;
            const properties = { [SOURCE_PROPERTY]: source, [FINGERPRINT_PROPERTY]: fp.digest };
            for (const [k, v] of Object.entries(model.metrics))
                properties[`${models/* METRIC */.$}${k}`] = String(v);
            const names = existing.map((v) => v.name);
            const first = versionFor(model.version, names);
            // The same files always go to the same pending upload, so a re-run after an interruption sends only what is missing.
            const pendingUploadId = uuidFrom(fp.digest);
            const created = await (0,assets/* createWithFreshVersion */.Hr)(first, async (version) => {
                const what = `copy model ${label} to registry '${this.name}' as ${model.name}:${version}`;
                const pending = await this.client
                    .must("registryModelVersions.startPendingUpload", { name: model.name, version }, {
                    base: `${this.client.cloud.resourceManager}${this.at.id}`,
                    body: { pendingUploadId, pendingUploadType: "TemporaryBlobReference" },
                    what,
                })
                    .catch((error) => {
                    throw registryError(this.at, what, error);
                });
                const target = openBlobReference(pending.body?.blobReferenceForConsumption, what, this.client, log);
                const folder = [target.prefix, leaf].filter(Boolean).join("/");
                log.info(`Copying ${files.length} file(s), ${fp.bytes} bytes, of model ${label} to registry ${this.name}`);
                const stats = await uploadToRegistry(target, folder, files, log);
                return this.models.put(model.name, version, {
                    description: model.description,
                    tags: { ...carried(model.tags), ...lineage, ...tags },
                    properties,
                    modelType: mlmodel ? "mlflow_model" : "custom_model",
                    modelUri: `${target.blobUri}/${leaf}`,
                    ...(flavors ? { flavors } : {}),
                    isAnonymous: false,
                    isArchived: false,
                }, `create model ${model.name}:${version} in registry '${this.name}' (${stats.sent} file(s) sent)`);
            });
            const result = this.models.toModel(model.name, created);
            log.info(`Published model ${label} to registry ${this.name} as ${model.name}:${result.version} (${result.assetId})`);
            return result;
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    async answerExisting(name, v, tags, log, why) {
        log.info(`Model ${name}:${v.name} is already in registry ${this.name} (${why}): not copied again`);
        return this.models.setTags(name, v.name, tags);
    }
    /** Plan mode: the requests a publish would send are recorded (none sent); no file is read or copied. */
    async plan(model, existing, tags, source, log) {
        const names = existing.map((v) => v.name);
        const version = versionFor(model.version, names);
        const base = `${this.client.cloud.resourceManager}${this.at.id}`;
        const what = `copy model ${model.name}:${model.version} to registry '${this.name}'`;
        await this.client.must("registryModelVersions.startPendingUpload", { name: model.name, version }, {
            base,
            body: { pendingUploadType: "TemporaryBlobReference" },
            what,
        });
        this.client.plan.push({
            method: "PUT",
            path: `(registry ${this.name} storage: the files of model ${model.name}:${model.version})`,
        });
        const properties = { [SOURCE_PROPERTY]: source };
        for (const [k, v] of Object.entries(model.metrics))
            properties[`${models/* METRIC */.$}${k}`] = String(v);
        const created = await this.models.put(model.name, version, {
            description: model.description,
            tags,
            properties,
            modelType: "custom_model",
            modelUri: registryAssetId(this.name, model.name, version),
            isAnonymous: false,
            isArchived: false,
        }, `create model ${model.name}:${version} in registry '${this.name}'`);
        log.info(`Plan: would publish model ${model.name}:${model.version} to registry ${this.name} as ${model.name}:${version}`);
        return this.models.toModel(model.name, created);
    }
    async close() { }
}
/**
 * The registry version a publish creates: the workspace version's number when it is above every
 * version there (one number for the model from dev to prod, and `latest` stays the newest, as the
 * local registry does), else the next number.
 */
function versionFor(source, existing) {
    const next = (0,assets/* nextVersion */.yU)(existing);
    return /^\d+$/.test(source) && Number(source) >= Number(next) ? String(Number(source)) : next;
}
/** A GUID-shaped id from a hex digest (pending upload ids are GUIDs when the service picks them). */
function uuidFrom(hex) {
    const h = hex.padEnd(32, "0");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}


/***/ })

};
