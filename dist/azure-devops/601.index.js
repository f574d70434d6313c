export const id = 601;
export const ids = [601];
export const modules = {

/***/ 8613:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ checkName)
/* harmony export */ });
/* unused harmony exports nameProblem, isValidName, nameRule */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1746);

const ASSET = {
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/,
    max: 255,
    rule: "Use 1 to 255 letters, digits, '-' and '_', starting with a letter or digit (Azure ML's limit)",
};
const ONLINE = {
    pattern: /^[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]$/,
    max: 32,
    rule: "Use 3 to 32 letters, digits and '-', starting with a letter and not ending with '-' (Azure ML's limit for endpoints and deployments, online and batch)",
};
const RULES = {
    "data asset": ASSET,
    model: ASSET,
    environment: ASSET,
    component: ASSET,
    code: ASSET,
    job: ASSET,
    experiment: ASSET,
    endpoint: ONLINE,
    deployment: ONLINE,
};
const ONLINE_MIN = 3;
/** Why `name` is not a valid name of this kind, or undefined when it is. */
function nameProblem(kind, name) {
    const r = RULES[kind];
    const online = r === ONLINE;
    const min = online ? ONLINE_MIN : 1;
    if (name.length === 0)
        return "it is empty";
    if (name.length < min)
        return `it is ${name.length} characters, under the minimum of ${min}`;
    if (name.length > r.max)
        return `it is ${name.length} characters, over the limit of ${r.max}`;
    if (r.pattern.test(name))
        return undefined;
    const first = name[0];
    if (online ? !/[a-zA-Z]/.test(first) : !/[a-zA-Z0-9]/.test(first)) {
        return `it starts with ${JSON.stringify(first)}`;
    }
    const bad = [...name].find((c) => !(online ? /[a-zA-Z0-9-]/ : /[a-zA-Z0-9_-]/).test(c));
    if (bad !== undefined)
        return `it contains ${JSON.stringify(bad)}`;
    return `it ends with ${JSON.stringify(name.at(-1))}`;
}
function isValidName(kind, name) {
    return nameProblem(kind, name) === undefined;
}
/**
 * Throws a UserError naming the input and the limit when `name` is not valid. `input` is the
 * task input the name came from (for the annotation), `kind` picks the service's rule.
 */
function checkName(kind, name, input) {
    const problem = nameProblem(kind, name);
    if (problem) {
        const shown = name.length > 80 ? `${name.slice(0, 77)}...` : name;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`'${shown}' is not a valid ${kind} name: ${problem}`, { input }, RULES[kind].rule);
    }
    return name;
}
/** The rule's wording, for docs and messages that describe the limit without a name at hand. */
function nameRule(kind) {
    return RULES[kind].rule;
}


/***/ }),

/***/ 8063:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qc: () => (/* binding */ childEnvironment)
/* harmony export */ });
/* unused harmony exports CREDENTIAL_VARIABLES, isCredentialVariable */
/**
 * The CI's and Azure's credential variables, in one place, and the environment user code gets
 * without them. Pipeline steps and scoring servers run code from the repository (on a pull
 * request, a stranger's): they must not inherit the job token, the Azure sign-in or service
 * connection secrets this tool was started with. Tests set a canary for every entry here.
 */
const CREDENTIAL_VARIABLES = [
    // GitHub Actions: the job token, the runtime (cache/artifact) token and the OIDC token request;
    // the URLs go with them (with the token they mint credentials). Inputs may hold secrets.
    { name: "GITHUB_TOKEN", from: "GitHub Actions" },
    { name: "GH_TOKEN", from: "GitHub Actions" },
    { name: "ACTIONS_RUNTIME_TOKEN", from: "GitHub Actions" },
    { name: "ACTIONS_RUNTIME_URL", from: "GitHub Actions" },
    { name: "ACTIONS_RESULTS_URL", from: "GitHub Actions" },
    { name: "ACTIONS_CACHE_URL", from: "GitHub Actions" },
    { name: "ACTIONS_ID_TOKEN_REQUEST_TOKEN", from: "GitHub Actions" },
    { name: "ACTIONS_ID_TOKEN_REQUEST_URL", from: "GitHub Actions" },
    { name: "NODE_AUTH_TOKEN", from: "GitHub Actions" },
    { name: "INPUT_", prefix: true, from: "GitHub Actions" },
    // Azure Pipelines: the job's access token, service connections (ENDPOINT_AUTH_*, ENDPOINT_URL_*,
    // ENDPOINT_DATA_*), task inputs and secret variables handed to tasks, the agent's proxy password.
    { name: "SYSTEM_ACCESSTOKEN", from: "Azure Pipelines" },
    { name: "ENDPOINT_", prefix: true, from: "Azure Pipelines" },
    { name: "SECRET_", prefix: true, from: "Azure Pipelines" },
    { name: "AGENT_PROXYPASSWORD", from: "Azure Pipelines" },
    { name: "VSTS_HTTP_PROXY_PASSWORD", from: "Azure Pipelines" },
    { name: "AZURE_DEVOPS_EXT_PAT", from: "Azure Pipelines" },
    { name: "AZURE_DEVOPS_EXT_GITHUB_PAT", from: "Azure Pipelines" },
    // Azure identity (EnvironmentCredential, workload identity, managed identity endpoints, azure/login).
    { name: "AZURE_CLIENT_SECRET", from: "Azure identity" },
    { name: "AZURE_CLIENT_CERTIFICATE_PASSWORD", from: "Azure identity" },
    { name: "AZURE_CLIENT_CERTIFICATE_PATH", from: "Azure identity" },
    { name: "AZURE_FEDERATED_TOKEN", prefix: true, from: "Azure identity" },
    { name: "AZURE_PASSWORD", from: "Azure identity" },
    { name: "AZURE_CREDENTIALS", from: "Azure identity" },
    { name: "IDENTITY_", prefix: true, from: "Azure identity" },
    { name: "MSI_", prefix: true, from: "Azure identity" },
    { name: "IMDS_ENDPOINT", from: "Azure identity" },
    // Storage keys and SAS tokens the Azure CLI and SDKs read.
    { name: "AZURE_STORAGE_KEY", from: "Azure storage" },
    { name: "AZURE_STORAGE_ACCESS_KEY", from: "Azure storage" },
    { name: "AZURE_STORAGE_CONNECTION_STRING", from: "Azure storage" },
    { name: "AZURE_STORAGE_SAS_TOKEN", from: "Azure storage" },
    { name: "ARM_CLIENT_SECRET", from: "Terraform azurerm" },
    { name: "ARM_CLIENT_CERTIFICATE_PASSWORD", from: "Terraform azurerm" },
    { name: "ARM_OIDC_TOKEN", prefix: true, from: "Terraform azurerm" },
    { name: "ARM_OIDC_REQUEST_TOKEN", from: "Terraform azurerm" },
    { name: "ARM_ACCESS_KEY", from: "Terraform azurerm" },
    { name: "ARM_SAS_TOKEN", from: "Terraform azurerm" },
    // This tool's own secrets, should any be passed by environment.
    { name: "MLOPS_SECRET_", prefix: true, from: "mlops" },
    { name: "MLOPS_TOKEN", from: "mlops" },
];
const EXACT = new Set(CREDENTIAL_VARIABLES.filter((v) => !v.prefix).map((v) => v.name));
const PREFIXES = CREDENTIAL_VARIABLES.filter((v) => v.prefix).map((v) => v.name);
/** Whether a variable is one of the credentials above (names compared upper-case: Windows ignores case). */
function isCredentialVariable(name) {
    const upper = name.toUpperCase();
    return EXACT.has(upper) || PREFIXES.some((p) => upper.startsWith(p));
}
/**
 * The environment for a child process that runs user code: `base` without the credential
 * variables, then `explicit` on top. What a pipeline YAML's `environment_variables` names is
 * explicit: the user chose to hand it to the step, so it passes even when it is on the list.
 */
function childEnvironment(base = process.env, explicit = {}) {
    const env = {};
    for (const [k, v] of Object.entries(base))
        if (v !== undefined && !isCredentialVariable(k))
            env[k] = v;
    return { ...env, ...explicit };
}


/***/ }),

/***/ 5482:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ resolvePython)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1746);
/* harmony import */ var _credential_env_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8063);



const pythons = new Map();
/**
 * The Python that runs user scoring code (local deployments, compare-models' evaluation):
 * `MLOPS_PYTHON`, else `python3`, resolved once to the real interpreter (so a pyenv shim is not
 * in the way and a recorded pid is the interpreter's own).
 */
function resolvePython() {
    const wanted = process.env.MLOPS_PYTHON || "python3";
    let found = pythons.get(wanted);
    if (!found) {
        found = new Promise((resolve, reject) => {
            // The interpreter (or a shim in front of it) is the user's choice: no credentials for it either.
            const env = (0,_credential_env_js__WEBPACK_IMPORTED_MODULE_2__/* .childEnvironment */ .Qc)(process.env);
            (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(wanted, ["-c", "import sys; print(sys.executable)"], { timeout: 30_000, env }, (error, stdout) => {
                const exe = stdout.trim();
                if (!error && exe)
                    return resolve(exe);
                pythons.delete(wanted);
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`cannot run '${wanted}' to serve the scoring script (${error?.message.split("\n")[0] ?? "no sys.executable"})`, {}, "Install Python 3, or set MLOPS_PYTHON to a Python 3 interpreter"));
            });
        });
        pythons.set(wanted, found);
    }
    return found;
}


/***/ }),

/***/ 4601:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LocalBatchEndpoints: () => (/* binding */ LocalBatchEndpoints)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./build/bundle/errors.js
var errors = __webpack_require__(1746);
// EXTERNAL MODULE: ./build/bundle/names.js
var names = __webpack_require__(8613);
// EXTERNAL MODULE: ./build/bundle/references.js
var references = __webpack_require__(3743);
// EXTERNAL MODULE: ./build/bundle/util/crash-point.js
var crash_point = __webpack_require__(9050);
// EXTERNAL MODULE: ./build/bundle/util/files.js
var util_files = __webpack_require__(6561);
// EXTERNAL MODULE: ./build/bundle/util/python.js
var util_python = __webpack_require__(5482);
// EXTERNAL MODULE: ./build/bundle/workspace/local/endpoint-names.js
var endpoint_names = __webpack_require__(7348);
// EXTERNAL MODULE: ./build/bundle/workspace/local/lock.js
var lock = __webpack_require__(3728);
// EXTERNAL MODULE: ./build/bundle/workspace/local/store.js
var store = __webpack_require__(6358);
;// CONCATENATED MODULE: ./build/bundle/workspace/local/batch/code-snapshot.js
/**
 * A batch deployment scores with a copy of its code taken when it was created, so edits in the
 * checkout (or a branch switch) cannot change what an existing deployment runs. The copy is made
 * in a staging folder (which the next run removes if this one is killed) and published into the
 * deployment's folder by one rename, under the workspace lock, together with the record that
 * points at it: a snapshot is either complete and recorded, or an orphan the next run removes.
 *
 * A copied folder rather than content-addressed blobs: code folders are small, a deployment is
 * replaced rather than versioned, and Python needs a plain folder to import from (models' blobs
 * are laid out as hard links for the same reason). Nothing is shared between deployments, so
 * deleting one removes its folder and nothing else.
 */




// Not copied: version control, dependencies, caches and the workspace itself.
const SKIPPED_DIRS = new Set([".git", "node_modules", ".mlops", "__pycache__", ".venv"]);
/** A fresh snapshot folder name: sortable by time, unique. */
function snapshotName() {
    return `code-${new Date().toISOString().replace(/[-:.]/g, "").slice(0, 15)}-${(0,external_node_crypto_.randomBytes)(3).toString("hex")}`;
}
/**
 * Copies `src` into `dest` (created), leaving out SKIPPED_DIRS and `workspaceRoot` (which may sit
 * inside the code folder when score.py is at the checkout's root). Returns the number of files.
 * Hand-written because fs.cp refuses a destination inside the source.
 */
async function copyCode(src, dest, workspaceRoot) {
    const root = (0,external_node_path_.resolve)(workspaceRoot);
    let files = 0;
    const walk = async (from, to) => {
        await (0,promises_.mkdir)(to, { recursive: true });
        for (const entry of await (0,promises_.readdir)(from, { withFileTypes: true })) {
            const a = (0,external_node_path_.join)(from, entry.name);
            const b = (0,external_node_path_.join)(to, entry.name);
            if (SKIPPED_DIRS.has(entry.name) || (0,external_node_path_.resolve)(a) === root)
                continue;
            if (entry.isDirectory())
                await walk(a, b);
            else if (entry.isSymbolicLink())
                await (0,promises_.symlink)(await (0,promises_.readlink)(a), b);
            else if (entry.isFile()) {
                await (0,promises_.copyFile)(a, b);
                // Durable before the record names it: a power loss must not leave a recorded, empty file.
                await (0,util_files/* syncFile */.gD)(b);
                files++;
            }
        }
        await (0,util_files/* syncDir */.ty)(to);
    };
    await walk((0,external_node_path_.resolve)(src), dest);
    return files;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/batch/input-files.js
/**
 * What a batch invocation scores, as a list of files, cut into mini-batches. Azure ML batch
 * deployments distribute work at the file level: a folder of 100 files with a mini-batch size of
 * 10 makes 10 mini-batches, whatever the files' sizes. A folder is read recursively and sorted, so
 * the same input always makes the same mini-batches.
 */




async function listInputFiles(input, datasets, log) {
    if (input.kind === "uri" || (input.kind === "path" && (0,references/* isRemoteUri */.DE)(input.path))) {
        const uri = input.kind === "uri" ? input.uri : input.path;
        throw new errors/* UserError */.yo(`'${uri}' is not on this disk; a local batch endpoint scores local files and registered datasets`, { subject: "batchInput" }, "Give a local file or folder, or register the data with register-dataset and pass the dataset");
    }
    if (input.kind === "dataset") {
        const { dataset } = input;
        const path = await datasets.localPath(dataset, log);
        const files = await filesUnder(path, `dataset ${dataset.name}:${dataset.version}`);
        return { files, label: `dataset ${dataset.name}:${dataset.version} (${files.length} file(s))` };
    }
    const path = (0,external_node_path_.resolve)(input.path);
    const files = await filesUnder(path, path);
    return { files, label: `${path} (${files.length} file(s))` };
}
/** The file itself, or every file below a folder, sorted by path. */
async function filesUnder(path, label) {
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (!info) {
        throw new errors/* UserError */.yo(`the batch input ${label} does not exist`, { subject: "batchInput" }, "Give an existing file or folder to score");
    }
    if (info.isFile())
        return [path];
    const out = [];
    const walk = async (dir) => {
        for (const e of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
            const p = (0,external_node_path_.join)(dir, e.name);
            if (e.isDirectory())
                await walk(p);
            else if (e.isFile() || (e.isSymbolicLink() && (await (0,promises_.stat)(p).catch(() => undefined))?.isFile()))
                out.push(p);
        }
    };
    await walk(path);
    out.sort();
    if (out.length === 0) {
        throw new errors/* UserError */.yo(`the batch input ${label} holds no files`, { subject: "batchInput" }, "Give a folder with at least one file to score");
    }
    return out;
}
/** Consecutive slices of at most `size` files. */
function miniBatches(files, size) {
    const out = [];
    for (let i = 0; i < files.length; i += size)
        out.push(files.slice(i, i + size));
    return out;
}

// EXTERNAL MODULE: ./build/bundle/workspace/local/batch/records.js
var records = __webpack_require__(9802);
;// CONCATENATED MODULE: ./build/bundle/workspace/local/batch/output-file.js
/**
 * The job's output file, written the way a killed job can leave no half of: rows go to a temp
 * name beside the final one (`<file>.tmp-<pid>-<random>`, which the next run removes when its
 * process is gone), and the whole file is renamed into place once every mini-batch is scored.
 * Mini-batches finish in any order; their rows are written in input order, so the same input
 * gives the same file (Azure ML appends in completion order, which it does not promise either).
 */



class OrderedOutput {
    file;
    temp;
    handle;
    pending = new Map();
    next = 0;
    chain = Promise.resolve();
    advanced = [];
    constructor(file, temp, handle) {
        this.file = file;
        this.temp = temp;
        this.handle = handle;
    }
    static async create(dir, name) {
        await (0,promises_.mkdir)(dir, { recursive: true });
        const file = (0,external_node_path_.join)(dir, name);
        const temp = (0,util_files/* tempName */.u8)(file);
        // "wx": a fresh file, never written through an existing one or a link.
        return new OrderedOutput(file, temp, await (0,promises_.open)(temp, "wx"));
    }
    /** The rows of mini-batch `index` ("" for a failed one); written once all before it are. */
    put(index, text) {
        this.pending.set(index, text);
        const before = this.next;
        let chunk = "";
        while (this.pending.has(this.next)) {
            chunk += this.pending.get(this.next);
            this.pending.delete(this.next);
            this.next++;
        }
        if (chunk)
            this.chain = this.chain.then(() => this.handle.write(chunk).then(() => undefined));
        if (this.next !== before)
            for (const wake of this.advanced.splice(0))
                wake();
    }
    /** Mini-batches before this one are all written (the ones after it may wait in memory). */
    get written() {
        return this.next;
    }
    /** Resolves the next time `written` moves. */
    advance() {
        return new Promise((resolve) => this.advanced.push(resolve));
    }
    /** All rows written, synced, and the file renamed into place. */
    async commit() {
        await this.chain;
        await this.handle.sync();
        await this.handle.close();
        await (0,promises_.rename)(this.temp, this.file);
        await (0,util_files/* syncDir */.ty)((0,external_node_path_.join)(this.file, ".."));
        return this.file;
    }
    /** Nothing is published: the temp file goes. */
    async discard() {
        await this.chain.catch(() => { });
        await this.handle.close().catch(() => { });
        await (0,promises_.rm)(this.temp, { force: true });
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
// EXTERNAL MODULE: ./build/bundle/util/credential-env.js
var credential_env = __webpack_require__(8063);
// EXTERNAL MODULE: ./build/bundle/workspace/local/runner/watchdog.js
var watchdog = __webpack_require__(9383);
;// CONCATENATED MODULE: ./build/bundle/workspace/local/batch/worker-harness.js
/**
 * The Python side of a local batch job: one worker process. It loads the deployment's scoring
 * script the way Azure ML's batch deployments do (the code folder as working directory and first
 * on sys.path, AZUREML_MODEL_DIR set by the caller), calls init() once, then run(mini_batch) for
 * each mini-batch read from stdin (one JSON line: an id and a list of file paths), and answers one
 * JSON line per mini-batch on the original stdout; the script's own prints go to stderr.
 *
 * The answer carries the rows already formatted as Azure ML's `append_row` output action writes
 * them (https://learn.microsoft.com/azure/machine-learning/how-to-batch-scoring-script, "How to
 * write predictions?"): everything run() returns is appended to the output file; a pandas
 * DataFrame is written without its column names (and without the index), one line per row, its
 * values separated by a space, which is how Azure's own example reads the file back
 * (azureml-examples, sdk/python/endpoints/batch/deploy-models/mnist-classifier/mnist-batch.ipynb:
 * `pd.read_csv("named-outputs/score/predictions.csv", header=None, names=[...], sep=" ")`); a
 * list or array is written one element per line, each as str() makes it: the same page warns that
 * complex elements "are transformed to strings", and Azure's MLflow batch page (an earlier
 * how-to-mlflow-batch.md, whose generated run() returns [file, prediction] lists) reads the file back
 * with `literal_eval` line by line, warning that it "may not be a regular CSV file". Standard library
 * only; shipped as a string so the dist/ bundles need no extra files, and run with `python -c`.
 */
const BATCH_WORKER_PY = `# mlops-action: one local batch scoring worker.
import importlib.util
import json
import os
import sys
import traceback


def where(error, code_dir):
    # file:line: a syntax error's own position, else the innermost frame in the scoring code.
    if isinstance(error, SyntaxError) and error.filename:
        return [error.filename, error.lineno]
    frames = traceback.extract_tb(error.__traceback__)
    mine = [f for f in frames if os.path.abspath(f.filename).startswith(code_dir + os.sep)]
    frame = (mine or frames or [None])[-1]
    return [frame.filename, frame.lineno] if frame else None


def failure(stage, error, code_dir, batch_id=None):
    traceback.print_exc()
    sys.stderr.flush()
    detail = error.msg if isinstance(error, SyntaxError) else str(error)
    out = {"error": stage, "type": type(error).__name__, "message": detail, "where": where(error, code_dir)}
    if batch_id is not None:
        out["id"] = batch_id
    return out


def append_rows(result):
    # A pandas DataFrame: its rows, space-separated, no header, no index (Azure's append_row).
    if type(result).__module__.split(".")[0] == "pandas" and hasattr(result, "to_csv") and hasattr(result, "columns"):
        try:
            text = result.to_csv(sep=" ", header=False, index=False, lineterminator="\\n")
        except TypeError:  # pandas before 1.5 names it line_terminator
            text = result.to_csv(sep=" ", header=False, index=False, line_terminator="\\n")
        return len(result), text
    if result is None or isinstance(result, (str, bytes, dict)) or not hasattr(result, "__iter__"):
        raise TypeError(
            "run() returned %s; return a list (one element per row) or a pandas DataFrame" % type(result).__name__
        )
    rows = [str(x) for x in result]
    return len(rows), "".join(row + "\\n" for row in rows)


def main():
    script = os.path.abspath(sys.argv[1])
    code_dir = os.path.abspath(sys.argv[2])
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def answer(value):
        answers.write(json.dumps(value) + "\\n")
        answers.flush()

    sys.path.insert(0, code_dir)
    os.chdir(code_dir)
    try:
        spec = importlib.util.spec_from_file_location("batch_driver", script)
        module = importlib.util.module_from_spec(spec)
        sys.modules["batch_driver"] = module
        spec.loader.exec_module(module)
        if not callable(getattr(module, "run", None)):
            raise AttributeError(os.path.basename(script) + " defines no run(mini_batch) function")
        if callable(getattr(module, "init", None)):
            module.init()
    except BaseException as error:
        answer(failure("init", error, code_dir))
        return 3
    answer({"ready": True, "pid": os.getpid()})
    for line in sys.stdin:
        request = json.loads(line)
        batch_id = request["id"]
        try:
            result = module.run(list(request["files"]))
            rows, text = append_rows(result)
        except BaseException as error:
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
            answer(failure("run", error, code_dir, batch_id))
            continue
        answer({"id": batch_id, "rows": rows, "text": text})
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;

;// CONCATENATED MODULE: ./build/bundle/workspace/local/batch/worker-process.js
/**
 * One batch worker: a Python process running worker-harness.ts over the deployment's code, fed
 * one mini-batch per line. It runs in its own process group, registered with the run's watchdog
 * (runner/watchdog.ts), so the whole tree ends when the job is cancelled or this process dies,
 * even by SIGKILL. It gets no CI credentials (credential-env.ts): the scoring code is the
 * repository's.
 */






const TAIL = 20;
const live = new Set();
let exitHook = false;
function killGroup(pid) {
    try {
        process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
    }
    catch {
        try {
            process.kill(pid, "SIGKILL");
        }
        catch {
            /* gone already */
        }
    }
}
class BatchWorker {
    child;
    log;
    queued = [];
    waiting = [];
    ended = false;
    exit;
    exited;
    /** The last lines the worker wrote to stderr, for a crash's message. */
    tail = [];
    constructor(options) {
        if (!exitHook) {
            exitHook = true;
            process.on("exit", () => {
                for (const pid of live)
                    killGroup(pid);
            });
        }
        this.log = (0,external_node_fs_.createWriteStream)(options.logFile, { flags: "a" });
        this.child = (0,external_node_child_process_.spawn)(options.python, ["-c", BATCH_WORKER_PY, options.script, options.codeDir], {
            cwd: options.codeDir,
            env: (0,credential_env/* childEnvironment */.Qc)(process.env, {
                AZUREML_MODEL_DIR: options.modelDir,
                PYTHONUNBUFFERED: "1",
                PYTHONIOENCODING: "utf-8",
                PYTHONDONTWRITEBYTECODE: "1",
            }),
            detached: process.platform !== "win32",
            stdio: ["pipe", "pipe", "pipe"],
            windowsHide: true,
        });
        const pid = this.child.pid;
        if (pid !== undefined) {
            live.add(pid);
            if (process.platform !== "win32")
                (0,watchdog/* watchGroup */.P)(pid);
        }
        this.exited = new Promise((resolve) => {
            this.child.on("error", (error) => {
                this.exit = error.message;
                this.finish();
                resolve();
            });
            this.child.on("close", (code, signal) => {
                this.exit ??= signal ? `was killed by ${signal}` : `exited with code ${code}`;
                if (pid !== undefined) {
                    live.delete(pid);
                    if (process.platform !== "win32")
                        (0,watchdog/* unwatchGroup */.E)(pid);
                }
                this.finish();
                this.log.end();
                resolve();
            });
        });
        // A worker that died mid-request must not fail with EPIPE: its exit is reported instead.
        this.child.stdin.on("error", () => { });
        (0,external_node_readline_.createInterface)({ input: this.child.stdout, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
            const w = this.waiting.shift();
            if (w)
                w(line);
            else
                this.queued.push(line);
        });
        this.child.stderr.on("data", (chunk) => {
            this.log.write(chunk);
            for (const line of chunk.toString("utf8").split("\n")) {
                if (!line.trim())
                    continue;
                this.tail.push(line);
                if (this.tail.length > TAIL)
                    this.tail.shift();
            }
        });
    }
    get pid() {
        return this.child.pid;
    }
    /** Starts a worker and waits for init() to return: the worker, or why it could not start. */
    static async start(options) {
        const worker = new BatchWorker(options);
        const answer = await worker.read();
        if (answer && "ready" in answer)
            return worker;
        if (answer && "error" in answer) {
            await worker.kill();
            return { failure: toFailure(answer) };
        }
        await worker.kill();
        return { died: await worker.death() };
    }
    /** Scores one mini-batch. */
    async run(id, files) {
        this.child.stdin.write(`${JSON.stringify({ id, files })}\n`);
        const answer = await this.read();
        if (!answer)
            return { ok: false, died: await this.death() };
        if ("error" in answer)
            return { ok: false, failure: toFailure(answer) };
        if (answer.id !== id || typeof answer.text !== "string") {
            await this.kill();
            return { ok: false, died: "answered out of turn" };
        }
        return { ok: true, rows: answer.rows ?? 0, text: answer.text };
    }
    /** Ends the worker: stdin closed (the harness then returns), killed if it lingers. */
    async close() {
        if (this.ended)
            return this.exited;
        this.child.stdin.end();
        const timer = setTimeout(() => this.kill(), 5_000);
        await this.exited;
        clearTimeout(timer);
    }
    /** Kills the worker's whole process group at once. */
    async kill() {
        if (this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) {
            killGroup(this.child.pid);
        }
        await this.exited;
    }
    async death() {
        await this.exited;
        const last = this.tail.at(-1)?.trim();
        return `the worker (pid ${this.child.pid}) ${this.exit ?? "stopped"}${last ? `: ${last.slice(0, 300)}` : ""}`;
    }
    finish() {
        this.ended = true;
        for (const w of this.waiting.splice(0))
            w(undefined);
    }
    async read() {
        const line = this.queued.shift() ??
            (this.ended ? undefined : await new Promise((r) => this.waiting.push(r)));
        if (line === undefined)
            return undefined;
        try {
            return JSON.parse(line);
        }
        catch {
            await this.kill();
            return undefined;
        }
    }
}
function toFailure(a) {
    return {
        stage: a.error === "init" ? "init" : "run",
        type: a.type ?? "Error",
        message: a.message ?? "",
        ...(a.where ? { where: { file: a.where[0], line: a.where[1] ?? undefined } } : {}),
    };
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/batch/run-job.js
/**
 * Runs one local batch scoring job: the input's files cut into mini-batches, `maxConcurrency`
 * worker processes (worker-process.ts) that each call init() once and then run() per mini-batch,
 * the rows appended to the output file in input order (output-file.ts), a throttled progress
 * line, and Azure ML's retry settings and error threshold: a mini-batch whose run() raises, stops
 * its worker or outlives the timeout (its worker's process group is then killed) is retried on a
 * live worker, a fresh one when its own is gone, up to `maxRetries` times; after that its files
 * count as failed, and more failed files than `errorThreshold` (unless -1) fail the job. That is
 * Azure's rule: retry_settings.max_retries is "the maximum number of retries for a failed or
 * timed-out mini-batch" and timeout the seconds one mini-batch may take (the batch deployment YAML
 * reference, reference-yaml-deployment-batch); a mini-batch whose retries all fail is marked failed
 * and counted against the threshold (how-to-use-parallel-job-in-pipeline, the same settings).
 */






const PROGRESS_MS = 2_000;
/** Mini-batches a worker may run ahead of the first one not yet written. */
const AHEAD_PER_WORKER = 16;
/** Failed mini-batches listed one by one (as warnings); later ones are only counted. */
const LISTED_FAILURES = 5;
/** Retries listed one by one; later ones are only counted. */
const LISTED_RETRIES = 10;
/** Runs the job to its end; the record says how it ended (never throws for the script's faults). */
async function runBatchJob(run) {
    const { record, deployment, log } = run;
    const batches = miniBatches(run.files, record.miniBatchSize);
    const total = run.files.length;
    let scored = 0;
    let failed = 0;
    let rows = 0;
    let firstFailure;
    let stopReason;
    record.files = { total, failed: 0 };
    record.rows = 0;
    const abort = new AbortController();
    const stop = (why) => {
        stopReason ??= why;
        abort.abort();
    };
    const onCancel = () => stop("canceled");
    run.signal.addEventListener("abort", onCancel, { once: true });
    if (run.signal.aborted)
        onCancel();
    let lastProgress = 0;
    const progress = (force = false) => {
        const now = Date.now();
        if (!force && now - lastProgress < PROGRESS_MS)
            return;
        lastProgress = now;
        log.info(`Scored ${scored} of ${total} files (${failed} failed)`);
        record.files = { total, failed };
        record.rows = rows;
        void run.save().catch(() => { });
    };
    const output = await OrderedOutput.create(record.outputPath, record.outputFile);
    const workers = new Set();
    const script = (0,external_node_path_.join)(deployment.codeDir, deployment.script);
    const userWhere = (where) => {
        if (!where)
            return undefined;
        const inside = (0,external_node_path_.relative)(deployment.codeDir, where.file);
        if (inside.startsWith("..") || (0,external_node_path_.isAbsolute)(inside))
            return undefined;
        return { file: (0,external_node_path_.join)(deployment.sourceDir, inside), ...(where.line ? { line: where.line } : {}) };
    };
    const describe = (f) => `${f.type}: ${f.message}`.slice(0, 500);
    let workerCount = 0;
    const startWorker = async () => {
        if (abort.signal.aborted)
            return undefined;
        const n = ++workerCount;
        const started = await BatchWorker.start({
            python: run.python,
            script,
            codeDir: deployment.codeDir,
            modelDir: deployment.modelDir,
            logFile: (0,external_node_path_.join)(run.logDir, `worker-${n}.log`),
        });
        if (!(started instanceof BatchWorker)) {
            // init() fails the same way in every worker: the job cannot score anything.
            const where = userWhere(started.failure?.where);
            firstFailure ??= {
                message: started.failure
                    ? `init() of ${deployment.script} failed: ${describe(started.failure)}`
                    : `a worker could not start: ${started.died}`,
                ...(where ? { where } : {}),
            };
            stop("init");
            return undefined;
        }
        if (abort.signal.aborted) {
            await started.kill();
            return undefined;
        }
        workers.add(started);
        if (started.pid !== undefined)
            record.workers.push(started.pid);
        // Recorded at once: what a later look at a killed job needs to find its workers.
        void run.save();
        return started;
    };
    const onStop = () => {
        for (const w of workers)
            void w.kill();
    };
    abort.signal.addEventListener("abort", onStop, { once: true });
    const retry = deployment.retry ?? records/* DEFAULT_RETRY */.vI;
    /** Runs one attempt; a run() still going after the timeout has its worker's whole process group killed. */
    const attempt = async (worker, index, batch) => {
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            void worker.kill();
        }, retry.timeoutSeconds * 1000);
        try {
            return { answer: await worker.run(index, batch), timedOut };
        }
        finally {
            clearTimeout(timer);
        }
    };
    /** Why an attempt failed, in a job's error: the timeout, the exception (file:line in `where`), or the worker's end. */
    const reasonOf = (a) => {
        if (a.timedOut)
            return { message: `run() timed out after ${retry.timeoutSeconds} s` };
        if ("failure" in a.answer) {
            const where = userWhere(a.answer.failure.where);
            return { message: `run() raised ${describe(a.answer.failure)}`, ...(where ? { where } : {}) };
        }
        return { message: `a mini-batch stopped its worker: ${a.answer.died}` };
    };
    /** The same reason, short, for a warning line. */
    const shortReason = (a) => {
        if (a.timedOut)
            return `timed out after ${retry.timeoutSeconds} s (its worker was stopped)`;
        return firstFailureLine(a.answer);
    };
    let next = 0;
    let failedBatches = 0;
    let retries = 0;
    const aborted = new Promise((resolve) => abort.signal.addEventListener("abort", () => resolve()));
    const lane = async () => {
        let worker = await startWorker();
        while (worker && !abort.signal.aborted && next < batches.length) {
            // Rows wait in memory until every mini-batch before theirs is written: a slow mini-batch
            // holds the others back after a window, so memory stays bounded whatever the input's size.
            while (next >= output.written + ahead && !abort.signal.aborted)
                await Promise.race([output.advance(), aborted]);
            if (abort.signal.aborted || next >= batches.length)
                break;
            const index = next++;
            const batch = batches[index];
            const label = `Mini-batch ${index + 1} of ${batches.length} (${batch.length} file(s) from ${batch[0]}`;
            let tries = 0;
            let result;
            for (;;) {
                result = await attempt(worker, index, batch);
                if (result.timedOut || (!result.answer.ok && "died" in result.answer)) {
                    // The worker is gone: a fresh one takes its place (for a retry, or the mini-batches left).
                    workers.delete(worker);
                    worker = undefined;
                }
                if (abort.signal.aborted || result.answer.ok || tries >= retry.maxRetries)
                    break;
                tries++;
                retries++;
                if (retries <= LISTED_RETRIES) {
                    log.info(`${label}) failed: ${shortReason(result)}; retry ${tries} of ${retry.maxRetries}`);
                }
                else if (retries === LISTED_RETRIES + 1) {
                    log.info("More mini-batches are being retried: they are counted at the end, not listed.");
                }
                worker ??= await startWorker();
                // No worker: the job is stopping (cancelled, or init() failed in the fresh worker).
                if (!worker)
                    break;
            }
            if (abort.signal.aborted)
                break;
            scored += batch.length;
            if (result.answer.ok) {
                rows += result.answer.rows;
                output.put(index, result.answer.text);
                (0,crash_point/* crashPoint */.u)("batch.scored");
            }
            else {
                failed += batch.length;
                output.put(index, "");
                if (!firstFailure) {
                    const reason = reasonOf(result);
                    firstFailure = {
                        ...reason,
                        message: tries > 0 ? `${reason.message}; retried ${tries === 1 ? "once" : `${tries} times`}` : reason.message,
                    };
                }
                // Each warning is an annotation on a CI host: the first few say why, the rest are counted.
                failedBatches++;
                if (failedBatches <= LISTED_FAILURES) {
                    const attempts = tries > 0 ? `, ${tries + 1} attempts` : "";
                    log.warning(`${label}${attempts}) failed: ${shortReason(result)}`);
                }
                else if (failedBatches === LISTED_FAILURES + 1) {
                    log.info("More mini-batches failed: they are counted in the progress line, not listed.");
                }
                if (deployment.errorThreshold >= 0 && failed > deployment.errorThreshold)
                    stop("threshold");
            }
            if (!worker && next < batches.length)
                worker = await startWorker();
            progress();
        }
        if (worker) {
            workers.delete(worker);
            await worker.close();
        }
    };
    const lanes = Math.max(1, Math.min(record.maxConcurrency, batches.length));
    const ahead = AHEAD_PER_WORKER * lanes;
    try {
        await Promise.all(Array.from({ length: lanes }, () => lane()));
        progress(true);
        if (retries > 0)
            log.info(`${retries} mini-batch attempt(s) failed and were retried (maxRetries ${retry.maxRetries})`);
        record.files = { total, failed };
        record.rows = rows;
        if (stopReason === "canceled") {
            await output.discard();
            record.status = "Canceled";
            record.error = run.cancelReason() ?? "canceled";
        }
        else if (stopReason === "init" || stopReason === "threshold") {
            await output.discard();
            record.status = "Failed";
            const head = stopReason === "threshold"
                ? `${failed} of ${total} file(s) failed, more than the errorThreshold of ${deployment.errorThreshold} allows; the first: `
                : "";
            record.error = `${head}${firstFailure?.message ?? "the scoring failed"}`;
            if (firstFailure?.where)
                record.where = firstFailure.where;
            log.info(`The workers' output (prints, tracebacks): ${(0,external_node_path_.join)(run.logDir, "worker-<n>.log")}`);
        }
        else {
            await output.commit();
            record.status = "Completed";
            if (failed > 0 && firstFailure) {
                log.warning(`${failed} of ${total} file(s) failed (errorThreshold ${deployment.errorThreshold}); the first: ${firstFailure.message}`);
            }
        }
    }
    catch (error) {
        await output.discard();
        record.status = "Failed";
        record.error = error instanceof Error ? error.message : String(error);
    }
    finally {
        run.signal.removeEventListener("abort", onCancel);
        for (const w of workers)
            await w.kill();
    }
    return record;
}
function firstFailureLine(answer) {
    return "failure" in answer ? `${answer.failure.type}: ${answer.failure.message}`.slice(0, 300) : answer.died;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/batch/service.js
/**
 * Local batch endpoints (records.ts says what is kept where). A deployment is a record plus a
 * snapshot of its code (code-snapshot.ts) and the folder of its model's files; an invocation is a
 * batch job run by this process with Python worker processes (run-job.ts), recorded in
 * `batch-jobs/<job>.json`. A job whose process dies is marked Failed, and its temp output removed,
 * by the next run (batch/recover.ts).
 */


















const POLL_MS = 500;
class LocalBatchEndpoints {
    datasets;
    options;
    root;
    running = new Map();
    constructor(root, datasets, options = {}) {
        this.datasets = datasets;
        this.options = options;
        // Workers run in other folders: every path they get must be absolute.
        this.root = (0,external_node_path_.resolve)(root);
    }
    read(name) {
        return (0,store/* readJson */.Vh)((0,records/* endpointFile */.KV)(this.root, name));
    }
    async state(rec) {
        const deployments = await Promise.all(Object.values(rec.deployments).map(async (d) => {
            const problem = await deploymentProblem(d);
            return problem
                ? { name: d.name, model: d.model, status: "Failed", error: problem }
                : { name: d.name, model: d.model, status: "Succeeded" };
        }));
        return {
            name: rec.name,
            ...(rec.defaultDeployment ? { defaultDeployment: rec.defaultDeployment } : {}),
            deployments,
            scoringUri: (0,records/* endpointFile */.KV)(this.root, rec.name),
        };
    }
    async get(name) {
        if (!isPlainName(name))
            return undefined;
        const rec = await this.read(name);
        return rec ? this.state(rec) : undefined;
    }
    async list() {
        const out = [];
        for (const f of await (0,store/* listDir */.ol)((0,external_node_path_.join)(this.root, records/* ENDPOINTS_DIR */.p8))) {
            if (!f.endsWith(".json"))
                continue;
            const state = await this.get(f.slice(0, -5));
            if (state)
                out.push(state);
        }
        return out;
    }
    async ensure(name, log) {
        (0,names/* checkName */.I3)("endpoint", name, "endpoint");
        const rec = await (0,store/* withLock */.kK)(this.root, async () => {
            const found = await this.read(name);
            if (found)
                return found;
            await (0,endpoint_names/* refuseOtherKind */.R)(this.root, name, "batch");
            const rec = { name, createdAt: new Date().toISOString(), deployments: {} };
            await (0,store/* writeJson */.GF)((0,records/* endpointFile */.KV)(this.root, name), rec);
            log.info(`Created local batch endpoint ${name}`);
            return rec;
        });
        return this.state(rec);
    }
    async createDeployment(endpoint, deployment, log) {
        const { name } = deployment;
        (0,names/* checkName */.I3)("deployment", name, "deployment");
        const settings = checkSettings(deployment);
        const sourceDir = (0,external_node_path_.resolve)(deployment.codeDir);
        const scriptPath = (0,external_node_path_.resolve)(deployment.scoringScript);
        const script = (0,external_node_path_.relative)(sourceDir, scriptPath);
        if (script.startsWith("..") || (0,external_node_path_.isAbsolute)(script)) {
            throw new errors/* UserError */.yo(`scoring script ${deployment.scoringScript} is outside the code folder ${sourceDir}`, { subject: "scoringScript" }, "Put the scoring script inside the folder shipped with it");
        }
        if (!(await (0,promises_.stat)(scriptPath).catch(() => undefined))?.isFile()) {
            throw new errors/* UserError */.yo(`scoring script ${scriptPath} does not exist`, { subject: "scoringScript" }, "Give the path of a score.py with init() and run(mini_batch)");
        }
        const modelDir = await modelFolder(deployment.model);
        const modelRef = `${deployment.model.name}:${deployment.model.version}`;
        if (!(await this.read(endpoint)))
            throw new Error(`batch endpoint ${endpoint} does not exist; ensure it first`);
        // The copy is made outside the lock (it may be large); publishing it is one rename under it.
        const staged = await (0,store/* newStagingDir */.Ru)(this.root);
        try {
            const copied = await copyCode(sourceDir, (0,external_node_path_.join)(staged, "code"), this.root);
            const snapshot = snapshotName();
            const replaced = await (0,store/* withLock */.kK)(this.root, async () => {
                const rec = await this.read(endpoint);
                if (!rec)
                    throw new Error(`batch endpoint ${endpoint} was deleted while deployment ${name} was created`);
                const dir = (0,records/* deploymentDir */.RU)(this.root, endpoint, name);
                await (0,store/* mkdirDurable */.ld)(dir);
                await (0,promises_.rename)((0,external_node_path_.join)(staged, "code"), (0,external_node_path_.join)(dir, snapshot));
                await (0,util_files/* syncDir */.ty)(dir);
                (0,crash_point/* crashPoint */.u)("batch-deployment.placed");
                const previous = rec.deployments[name];
                rec.deployments[name] = {
                    name,
                    model: modelRef,
                    modelDir,
                    codeDir: (0,external_node_path_.join)(dir, snapshot),
                    script,
                    sourceDir,
                    ...settings,
                    createdAt: new Date().toISOString(),
                };
                await (0,store/* writeJson */.GF)((0,records/* endpointFile */.KV)(this.root, endpoint), rec);
                return previous;
            });
            // The snapshot the replaced deployment used is no longer referenced.
            if (replaced && replaced.codeDir !== (0,external_node_path_.join)((0,records/* deploymentDir */.RU)(this.root, endpoint, name), snapshot)) {
                await (0,promises_.rm)(replaced.codeDir, { recursive: true, force: true });
            }
            log.info(`${replaced ? "Replaced" : "Created"} batch deployment ${name} of ${modelRef} on ${endpoint} (${copied} code file(s) from ${sourceDir}, AZUREML_MODEL_DIR=${modelDir})`);
            return { name, model: modelRef, status: "Succeeded" };
        }
        finally {
            await (0,promises_.rm)(staged, { recursive: true, force: true });
        }
    }
    async setDefault(endpoint, deployment, log) {
        const rec = await (0,store/* withLock */.kK)(this.root, async () => {
            const rec = await this.read(endpoint);
            if (!rec)
                throw new Error(`batch endpoint ${endpoint} does not exist`);
            const dep = rec.deployments[deployment];
            if (!dep)
                throw new Error(`batch endpoint ${endpoint} has no deployment ${deployment}`);
            const problem = await deploymentProblem(dep);
            if (problem)
                throw new Error(`deployment ${deployment} cannot be the default: ${problem}`);
            rec.defaultDeployment = deployment;
            await (0,store/* writeJson */.GF)((0,records/* endpointFile */.KV)(this.root, endpoint), rec);
            return rec;
        });
        log.info(`Batch endpoint ${endpoint}: default deployment is now ${deployment}`);
        return this.state(rec);
    }
    async deleteDeployment(endpoint, deployment, log) {
        const removed = await (0,store/* withLock */.kK)(this.root, async () => {
            const rec = await this.read(endpoint);
            const dep = rec?.deployments[deployment];
            if (!rec || !dep)
                return false;
            if (rec.defaultDeployment === deployment) {
                throw new Error(`deployment ${deployment} is the default of batch endpoint ${endpoint}; make another deployment the default first`);
            }
            delete rec.deployments[deployment];
            await (0,store/* writeJson */.GF)((0,records/* endpointFile */.KV)(this.root, endpoint), rec);
            await (0,promises_.rm)((0,records/* deploymentDir */.RU)(this.root, endpoint, deployment), { recursive: true, force: true });
            return true;
        });
        if (removed)
            log.info(`Deleted batch deployment ${deployment} from ${endpoint}`);
    }
    async delete(name, log) {
        if (!isPlainName(name))
            return;
        const rec = await (0,store/* withLock */.kK)(this.root, async () => {
            const rec = await this.read(name);
            if (!rec)
                return undefined;
            // The record goes first: a folder without its record is an orphan the next run removes.
            await (0,promises_.rm)((0,records/* endpointFile */.KV)(this.root, name), { force: true });
            await (0,promises_.rm)((0,records/* endpointDir */.V$)(this.root, name), { recursive: true, force: true });
            return rec;
        });
        if (rec)
            log.info(`Deleted batch endpoint ${name} and its ${Object.keys(rec.deployments).length} deployment(s)`);
    }
    async invoke(endpoint, invocation, options) {
        const { log } = options;
        const rec = isPlainName(endpoint) ? await this.read(endpoint) : undefined;
        if (!rec) {
            throw new errors/* UserError */.yo(`there is no batch endpoint '${endpoint}' in the local workspace ${this.root}`, { subject: "endpoint" }, "Create it with deploy-endpoint (endpointType: batch); `mlops endpoints list` shows the ones there are");
        }
        const name = invocation.deployment ?? rec.defaultDeployment;
        if (!name) {
            throw new errors/* UserError */.yo(`batch endpoint ${endpoint} has no default deployment`, { subject: "deployment" }, "Name the deployment to run, or make one the default");
        }
        const deployment = rec.deployments[name];
        if (!deployment) {
            throw new errors/* UserError */.yo(`batch endpoint ${endpoint} has no deployment '${name}'`, { subject: "deployment" }, `Use one of: ${Object.keys(rec.deployments).join(", ") || "(none)"}`);
        }
        const problem = await deploymentProblem(deployment);
        if (problem)
            throw new errors/* UserError */.yo(`deployment ${name} of batch endpoint ${endpoint} cannot score: ${problem}`);
        const outputFile = invocation.outputFile ?? deployment.outputFile;
        checkOutputFile(outputFile);
        if (invocation.outputPath && (0,references/* isRemoteUri */.DE)(invocation.outputPath)) {
            throw new errors/* UserError */.yo(`output path '${invocation.outputPath}' is not a folder on this disk`, { subject: "outputPath" }, "Give a local folder for the local backend (azureml:// paths are for Azure ML)");
        }
        const { files, label } = await listInputFiles(invocation.input, this.datasets, log);
        const python = this.options.python ?? (await (0,util_python/* resolvePython */.L)());
        const job = newBatchJobName(endpoint);
        const record = {
            name: job,
            endpoint,
            deployment: name,
            status: "Running",
            outputPath: invocation.outputPath ? (0,external_node_path_.resolve)(invocation.outputPath) : (0,records/* defaultOutputPath */.wN)(this.root, job),
            outputFile,
            files: { total: files.length, failed: 0 },
            rows: 0,
            pid: process.pid,
            host: (0,external_node_os_.hostname)(),
            createdAt: new Date().toISOString(),
            input: label,
            miniBatchSize: deployment.miniBatchSize,
            maxConcurrency: deployment.maxConcurrency ?? (0,external_node_os_.availableParallelism)(),
            retry: deployment.retry ?? records/* DEFAULT_RETRY */.vI,
            workers: [],
            // Its folder holds the workers' logs: what a reader of a failed job opens next.
            studioUrl: (0,external_node_url_.pathToFileURL)((0,records/* jobDir */.jy)(this.root, job)).href,
        };
        const file = (0,records/* jobFile */._h)(this.root, job);
        await (0,store/* withLock */.kK)(this.root, () => (0,store/* writeJson */.GF)(file, record));
        await (0,store/* mkdirDurable */.ld)((0,records/* jobDir */.jy)(this.root, job));
        (0,crash_point/* crashPoint */.u)("batch-job.recorded");
        log.info(`Batch job ${job}: ${deployment.name} of ${endpoint} scores ${label} in mini-batches of ${record.miniBatchSize}, ${record.maxConcurrency} worker(s), ${record.retry?.timeoutSeconds} s and ${record.retry?.maxRetries} retries per mini-batch`);
        const controller = new AbortController();
        const entry = { controller, done: Promise.resolve(record) };
        const onAbort = () => {
            entry.cancelReason ??= "canceled (the run was cancelled)";
            controller.abort();
        };
        options.signal.addEventListener("abort", onAbort, { once: true });
        if (options.signal.aborted)
            onAbort();
        // Progress saves one after another, so an older snapshot never lands after a newer one.
        let saving = Promise.resolve();
        const save = () => {
            saving = saving.then(() => (0,store/* writeJson */.GF)(file, record)).catch(() => { });
            return saving;
        };
        entry.done = (async () => {
            try {
                await runBatchJob({
                    record,
                    deployment,
                    files,
                    python,
                    logDir: (0,records/* jobDir */.jy)(this.root, job),
                    log,
                    signal: controller.signal,
                    cancelReason: () => entry.cancelReason,
                    save,
                });
            }
            catch (error) {
                record.status = "Failed";
                record.error = error instanceof Error ? error.message : String(error);
            }
            finally {
                options.signal.removeEventListener("abort", onAbort);
            }
            record.endedAt = new Date().toISOString();
            await saving;
            await (0,store/* withLock */.kK)(this.root, () => (0,store/* writeJson */.GF)(file, record));
            return record;
        })();
        this.running.set(job, entry);
        return job;
    }
    async wait(job, options) {
        const entry = this.running.get(job);
        if (!entry)
            return this.waitElsewhere(job, options);
        const cancel = (why) => {
            entry.cancelReason ??= why;
            entry.controller.abort();
        };
        const onAbort = () => cancel("canceled (the run was cancelled)");
        options.signal.addEventListener("abort", onAbort, { once: true });
        if (options.signal.aborted)
            onAbort();
        const timer = options.timeoutMs !== undefined
            ? setTimeout(() => {
                options.log.warning(`Batch job ${job} ran longer than ${formatMs(options.timeoutMs ?? 0)}: cancelling it.`);
                cancel(`canceled: the timeout of ${formatMs(options.timeoutMs ?? 0)} was reached`);
            }, options.timeoutMs)
            : undefined;
        try {
            return publicRecord(await entry.done);
        }
        finally {
            if (timer)
                clearTimeout(timer);
            options.signal.removeEventListener("abort", onAbort);
        }
    }
    /** A job another process runs: its record, polled until it ends or its process is gone. */
    async waitElsewhere(job, options) {
        const started = Date.now();
        for (;;) {
            const rec = await this.readJob(job);
            if (!rec) {
                throw new errors/* UserError */.yo(`there is no batch job '${job}' in the local workspace ${this.root}`, { subject: "job" });
            }
            if ((0,records/* isTerminal */.Hd)(rec.status))
                return publicRecord(rec);
            if (rec.host === (0,external_node_os_.hostname)() && rec.pid !== process.pid && !(0,lock/* processAlive */.FN)(rec.pid)) {
                const closed = await (0,store/* withLock */.kK)(this.root, async () => {
                    const now = await this.readJob(job);
                    if (!now || (0,records/* isTerminal */.Hd)(now.status))
                        return now;
                    now.status = "Failed";
                    now.error = `the process running it (pid ${now.pid}) exited before the job finished`;
                    now.endedAt = new Date().toISOString();
                    await (0,store/* writeJson */.GF)((0,records/* jobFile */._h)(this.root, job), now);
                    return now;
                });
                if (closed)
                    return publicRecord(closed);
            }
            const over = options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs;
            if (options.signal.aborted || over) {
                throw new errors/* UserError */.yo(`batch job ${job} runs in another process (pid ${rec.pid}); stopped waiting for it`, { subject: "job" }, "Stop that process to cancel the job");
            }
            await new Promise((r) => setTimeout(r, POLL_MS));
        }
    }
    readJob(job) {
        if (!isPlainName(job))
            return Promise.resolve(undefined);
        return (0,store/* readJson */.Vh)((0,records/* jobFile */._h)(this.root, job));
    }
    async getJob(job) {
        const rec = await this.readJob(job);
        return rec ? publicRecord(rec) : undefined;
    }
    /** The output file where the job wrote it: nothing is copied, `dir` stays empty. */
    async readOutput(job, _dir, _log) {
        const file = (0,external_node_path_.join)(job.outputPath, job.outputFile);
        return (await (0,store/* exists */.t2)(file)) ? file : undefined;
    }
}
/** The port's fields plus what a reader of the local record may use (where, times). */
function publicRecord(rec) {
    const { schemaVersion: _, ...rest } = rec;
    return rest;
}
function isPlainName(name) {
    return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) && !name.includes("..");
}
/** Why a deployment cannot score (its code snapshot or model files are gone), or undefined. */
async function deploymentProblem(d) {
    if (!(await (0,store/* exists */.t2)((0,external_node_path_.join)(d.codeDir, d.script))))
        return `its code snapshot ${d.codeDir} is gone`;
    if (!(await (0,store/* exists */.t2)(d.modelDir)))
        return `the files of model ${d.model} are gone from ${d.modelDir}`;
    return undefined;
}
/** The folder holding a model's files (a file model's parent), as Azure ML's AZUREML_MODEL_DIR. */
async function modelFolder(model) {
    if ((0,references/* isRemoteUri */.DE)(model.uri)) {
        throw new errors/* UserError */.yo(`model ${model.name}:${model.version} is at ${model.uri}, not on this disk`, {}, "Register the model in the local workspace (or a local registry) to deploy it locally");
    }
    const path = (0,external_node_path_.resolve)(model.uri);
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (!info) {
        throw new errors/* UserError */.yo(`the files of model ${model.name}:${model.version} are gone from ${path}`, {}, "Run mlops workspace check, or register the model again");
    }
    return info.isFile() ? (0,external_node_path_.dirname)(path) : path;
}
function checkSettings(d) {
    if (!Number.isInteger(d.miniBatchSize) || d.miniBatchSize < 1) {
        throw new errors/* UserError */.yo(`miniBatchSize must be a whole number of files, 1 or more; got ${d.miniBatchSize}`);
    }
    if (d.maxConcurrency !== undefined && (!Number.isInteger(d.maxConcurrency) || d.maxConcurrency < 1)) {
        throw new errors/* UserError */.yo(`maxConcurrency must be a whole number of workers, 1 or more; got ${d.maxConcurrency}`);
    }
    if (!Number.isInteger(d.errorThreshold) || d.errorThreshold < -1) {
        throw new errors/* UserError */.yo(`errorThreshold must be a whole number of files, or -1 to tolerate any number; got ${d.errorThreshold}`);
    }
    checkOutputFile(d.outputFile);
    const retry = d.retry ?? records/* DEFAULT_RETRY */.vI;
    if (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0) {
        throw new errors/* UserError */.yo(`maxRetries must be a whole number of retries, 0 or more; got ${retry.maxRetries}`);
    }
    if (!Number.isInteger(retry.timeoutSeconds) || retry.timeoutSeconds < 1) {
        throw new errors/* UserError */.yo(`the mini-batch timeout must be a whole number of seconds, 1 or more; got ${retry.timeoutSeconds}`);
    }
    return {
        miniBatchSize: d.miniBatchSize,
        ...(d.maxConcurrency !== undefined ? { maxConcurrency: d.maxConcurrency } : {}),
        errorThreshold: d.errorThreshold,
        outputFile: d.outputFile,
        // Stored, so a later `mlops endpoints invoke` retries as the deployment was told to.
        retry: { maxRetries: retry.maxRetries, timeoutSeconds: retry.timeoutSeconds },
    };
}
function checkOutputFile(name) {
    if (!name || name === "." || name === ".." || /[/\\\0]/.test(name)) {
        throw new errors/* UserError */.yo(`output file '${name}' is not a file name`, {}, "Give a plain file name such as predictions.csv (the folder goes in outputPath)");
    }
}
/** Azure-ML-like job names: the endpoint, a time, a random suffix. */
function newBatchJobName(endpoint) {
    const t = new Date().toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15);
    return `${endpoint.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_${t}_${(0,external_node_crypto_.randomBytes)(3).toString("hex")}`;
}
function formatMs(ms) {
    return ms >= 60_000 ? `${Math.round(ms / 60_000)} minute(s)` : `${Math.round(ms / 1000)} s`;
}


/***/ }),

/***/ 7348:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ refuseOtherKind)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1746);
/* harmony import */ var _inside_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4871);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6358);



/** Where each kind keeps its endpoint records (local/endpoints.ts, local/batch/records.ts). */
const RECORD_DIRS = { online: "endpoints", batch: "batch-endpoints" };
/**
 * Online and batch endpoints share one namespace on Azure ML (each name is unique in the region,
 * and both serve at `<name>.<region>.inference.ml.azure.com`), so a workspace folder — this
 * backend's region — refuses a new endpoint whose name the other kind uses. Called under the lock.
 */
async function refuseOtherKind(root, name, kind) {
    const other = kind === "online" ? "batch" : "online";
    if (await (0,_store_js__WEBPACK_IMPORTED_MODULE_2__/* .exists */ .t2)((0,_inside_js__WEBPACK_IMPORTED_MODULE_1__/* .insideWorkspace */ .C)(root, RECORD_DIRS[other], `${name}.json`))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`'${name}' is already the name of ${other === "online" ? "an" : "a"} ${other} endpoint in this workspace`, { subject: "endpoint" }, `Online and batch endpoints share one set of names (Azure ML requires a name unique in the region): choose another name for the ${kind} endpoint`);
    }
}


/***/ }),

/***/ 9383:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ unwatchGroup),
/* harmony export */   P: () => (/* binding */ watchGroup)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var _util_credential_env_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8063);
/**
 * Steps die with the run. Steps run in their own process groups (so a step's whole tree can be
 * stopped), which also means nothing ends them when this process is killed outright (SIGKILL,
 * OOM killer, a runner tearing the job down): no exit hook runs then. A small watchdog process,
 * started once per run, holds the read end of a pipe from us and a list of the step groups we
 * tell it about; when the pipe closes (we exited or were killed, the kernel closes it either way)
 * it ends those groups: TERM, then KILL after a grace period.
 */


/** Lines on stdin: `+<pid>` a group started, `-<pid>` it ended. EOF: the run is gone. */
const WATCHDOG_JS = `
const groups = new Set();
let pending = "";
const kill = (pid, signal) => {
  try { process.kill(process.platform === "win32" ? pid : -pid, signal); }
  catch { try { process.kill(pid, signal); } catch {} }
};
for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, () => {});
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  pending += chunk;
  const lines = pending.split("\\n");
  pending = lines.pop();
  for (const line of lines) {
    const pid = Number(line.slice(1));
    if (!(pid > 0)) continue;
    if (line[0] === "+") groups.add(pid); else groups.delete(pid);
  }
});
let ending = false;
const end = () => {
  if (ending) return;
  ending = true;
  if (groups.size === 0) process.exit(0);
  for (const pid of groups) kill(pid, "SIGTERM");
  setTimeout(() => { for (const pid of groups) kill(pid, "SIGKILL"); process.exit(0); }, Number(process.argv[1]) || 2000);
};
process.stdin.on("end", end);
process.stdin.on("close", end);
process.stdin.on("error", end);
`;
const GRACE_MS = 2000;
let watchdog;
let failed = false;
function start() {
    if (watchdog || failed)
        return watchdog;
    const env = (0,_util_credential_env_js__WEBPACK_IMPORTED_MODULE_1__/* .childEnvironment */ .Qc)(process.env);
    // The watchdog is ours and tiny: no preloads or loaders the run itself was started with.
    delete env.NODE_OPTIONS;
    try {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, ["-e", WATCHDOG_JS, String(GRACE_MS)], {
            env: env,
            // Its own group: a Ctrl-C or a kill of our group must not take it down before it acts.
            detached: process.platform !== "win32",
            stdio: ["pipe", "ignore", "ignore"],
            windowsHide: true,
        });
        child.on("error", () => {
            // Without a watchdog the next run still ends orphans by their recorded pids.
            failed = true;
            watchdog = undefined;
        });
        child.stdin?.on("error", () => { });
        // Neither the process nor its pipe may keep this process alive.
        child.unref();
        child.stdin?.unref?.();
        watchdog = child;
        return child;
    }
    catch {
        failed = true;
        return undefined;
    }
}
/** Tells the watchdog a step's process group started: it ends the group if this process dies. */
function watchGroup(pid) {
    start()?.stdin?.write(`+${pid}\n`);
}
/** The group ended normally: nothing for the watchdog to do about it any more. */
function unwatchGroup(pid) {
    watchdog?.stdin?.write(`-${pid}\n`);
}


/***/ })

};
