export const id = 864;
export const ids = [864];
export const modules = {

/***/ 864:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LocalRegistry: () => (/* binding */ LocalRegistry)
/* harmony export */ });
/* unused harmony export REGISTRY_RECORD */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1746);
/* harmony import */ var _util_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6561);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3728);
/* harmony import */ var _models_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4265);
/* harmony import */ var _recover_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5608);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6358);
/**
 * A local registry: a folder through which local workspaces share model versions, laid out and
 * written like a workspace (models/<name>/<version>.json records, content-addressed blobs, the
 * same lock, staging and recovery), with a `registry.json` naming it. Two workspaces promote
 * through it: one publishes, the other deploys what it finds there.
 */








const REGISTRY_RECORD = "registry.json";
const KIND = "mlops-action local registry";
class LocalRegistry {
    root;
    name;
    description;
    models;
    constructor(root, name) {
        this.root = root;
        this.name = name;
        this.description = `local registry ${name} at ${root}`;
        this.models = new _models_js__WEBPACK_IMPORTED_MODULE_5__/* .LocalModels */ .e(root);
    }
    /**
     * Opens the registry in `folder`, creating it when missing (its name: the folder's name). A
     * folder that is a local workspace, or any other non-empty folder without a registry record, is
     * refused: publishing into it would mix a registry with what is already there.
     */
    static async open(folder, log) {
        const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(folder);
        refuseFileOnPath(root);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(root, { recursive: true });
        const meta = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, REGISTRY_RECORD);
        const record = await (0,_store_js__WEBPACK_IMPORTED_MODULE_7__/* .withLock */ .kK)(root, async () => {
            let rec = await (0,_store_js__WEBPACK_IMPORTED_MODULE_7__/* .readJson */ .Vh)(meta);
            if (!rec) {
                if (await exists((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, "workspace.json"))) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`'${root}' is a local workspace, not a registry`, { input: "registry" }, "Give a folder of its own for the registry (created if missing), such as ../registry");
                }
                // Only the lock this run holds may be there: a registry never moves into a folder in use.
                const others = (await (0,_store_js__WEBPACK_IMPORTED_MODULE_7__/* .listDir */ .ol)(root)).filter((n) => !n.startsWith(_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .LOCK_DIR */ .UE));
                if (others.length > 0) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`'${root}' holds other files (${others.slice(0, 3).join(", ")}${others.length > 3 ? ", ..." : ""}) and is not a registry`, { input: "registry" }, "Give a new folder for the registry (created if missing), or an existing registry's folder");
                }
                rec = { kind: KIND, name: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(root), createdAt: new Date().toISOString() };
                await (0,_store_js__WEBPACK_IMPORTED_MODULE_7__/* .writeJson */ .GF)(meta, rec);
                log?.info(`Created local registry ${rec.name} at ${root}`);
            }
            // A publish a killed run left half made goes before anyone reads or writes.
            await (0,_recover_js__WEBPACK_IMPORTED_MODULE_6__/* .recoverWorkspace */ .Wi)(root, log);
            return rec;
        }, log);
        if (record.kind !== KIND || typeof record.name !== "string") {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`'${meta}' is not a local registry record`, { input: "registry" }, "Point registry at a registry folder, or at a new folder");
        }
        return new LocalRegistry(root, record.name);
    }
    async publish(model, tags, log) {
        // A local workspace's model: its uri is its files on this disk.
        const source = model.uri;
        if (!(await exists(source))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`the files of model ${model.name}:${model.version} are gone from ${source}`, {}, "Run mlops workspace check on the source workspace, or register the model again");
        }
        const { model: published, existed } = await this.models.registerOnce({
            name: model.name,
            source,
            description: model.description,
            // The caller's tags (its lineage): a workspace's own bookkeeping (champion) stays there.
            tags,
            metrics: model.metrics,
        }, log, model.version);
        log.info(existed
            ? `${model.name}:${model.version} is already in registry ${this.name} as ${published.name}:${published.version} (same files); tags updated`
            : `Published ${model.name}:${model.version} to registry ${this.name} as ${published.name}:${published.version}`);
        return published;
    }
    async close() { }
}
async function exists(path) {
    return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => undefined)) !== undefined;
}
/** A file where the folder or one of its parents should be fails with a line, not ENOTDIR. */
function refuseFileOnPath(root) {
    const existing = (0,_util_files_js__WEBPACK_IMPORTED_MODULE_3__/* .fileOnPath */ .jX)(root);
    if (existing) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(existing === root ? `'${root}' is a file, not a registry folder` : `'${existing}' in '${root}' is a file`, { input: "registry" }, "Give a folder for the registry (it is created if missing)");
    }
}


/***/ })

};
