export const id = 527;
export const ids = [527];
export const modules = {

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

/***/ 3693:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ failureReason)
/* harmony export */ });
/**
 * The one line that says why a step failed, read from what it wrote to stderr (or from the error
 * message a service reports, which embeds the same text). A failed step's output ends with the
 * cause, but often behind noise: a Python traceback puts the exception last and the user's frame
 * somewhere above it; other tools end with a banner ("=== FAILED ===") or a pointer to a log file.
 */
/**
 * `userFile` maps a path as Python printed it to the user's own file, or undefined for a path
 * outside the user's code (the standard library, site-packages, the runner's wrapper).
 */
function failureReason(text, userFile = () => undefined) {
    const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+$/, ""));
    return pythonReason(lines, userFile) ?? errorLine(lines);
}
const FRAME = /^\s+File "(.+)", line (\d+)(?:, in .*)?$/;
/** An exception's first line: a (dotted) class name, then `: message` or nothing. */
const EXCEPTION = /^([A-Za-z_][\w.]*)(?::\s?(.*))?$/;
/**
 * The last exception Python printed, which is the one that ended the process (a chained
 * exception's traceback comes after its cause's). A traceback is indented frame lines above an
 * unindented exception line; a SyntaxError has one frame line without `, in` and no header.
 */
function pythonReason(lines, userFile) {
    for (let i = lines.length - 1; i > 0; i--) {
        const m = EXCEPTION.exec(lines[i]);
        if (!m || !/^\s/.test(lines[i - 1]))
            continue;
        const frames = [];
        for (let j = i - 1; j >= 0 && /^\s/.test(lines[j]); j--) {
            const f = FRAME.exec(lines[j]);
            if (f)
                frames.unshift({ file: f[1], line: Number(f[2]) });
        }
        if (frames.length === 0)
            continue;
        const message = m[2] !== undefined ? `${m[1]}: ${m[2]}` : m[1];
        for (const frame of frames.reverse()) {
            const file = userFile(frame.file);
            if (file)
                return { message, file, line: frame.line };
        }
        return { message };
    }
    return undefined;
}
const LOOKS_LIKE_ERROR = /\b(error|errors|fail|failed|failure|fatal|exception|panic|abort|aborted|denied|refused|invalid|cannot|can't|could not|couldn't|unable|not found|no such|missing|unknown|unrecognized|illegal|killed|segmentation fault|timed out)\b/i;
/**
 * A banner or a header introduces the reason rather than giving it: a rule of `=` or `-`, a line
 * framed in `===`/`***`/`---`, a line that ends with ':' ("Errors:", "A complete log of this run can
 * be found in:"), a "see the log" pointer, or an exit-status summary.
 */
function isHeader(line) {
    const t = line.trim();
    return (/^[\W_]+$/.test(t) ||
        /^(={2,}|\*{2,}|-{2,}|#{2,}|>{2,}).*(={2,}|\*{2,}|-{2,}|#{2,}|<{2,})$/.test(t) ||
        /:$/.test(t) ||
        /\b(see|check) (the )?(full )?(log|logs|output)\b|complete log of this run/i.test(t) ||
        /\b(exited|returned|failed) with (exit )?(status )?(code|status)\b/i.test(t) ||
        /^Execution halted$/.test(t));
}
/** The last line that looks like an error and is not a header; else the last line that is not a header. */
function errorLine(lines) {
    const candidates = lines.map((l) => l.trim()).filter((l) => l !== "" && !isHeader(l));
    const found = [...candidates].reverse().find((l) => LOOKS_LIKE_ERROR.test(l)) ?? candidates.at(-1);
    return found ? { message: found.length > 300 ? `${found.slice(0, 300)}…` : found } : undefined;
}


/***/ }),

/***/ 6527:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LocalJobs: () => (/* binding */ LocalJobs),
  newJobName: () => (/* binding */ newJobName)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./build/bundle/errors.js
var errors = __webpack_require__(1746);
// EXTERNAL MODULE: ./build/bundle/pipeline/plan.js
var pipeline_plan = __webpack_require__(9693);
// EXTERNAL MODULE: ./build/bundle/util/crash-point.js
var crash_point = __webpack_require__(9050);
// EXTERNAL MODULE: ./build/bundle/workspace/workspace.js
var workspace = __webpack_require__(3526);
// EXTERNAL MODULE: ./build/bundle/workspace/local/inside.js
var inside = __webpack_require__(4871);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./build/bundle/names.js
var names = __webpack_require__(8613);
// EXTERNAL MODULE: ./build/bundle/workspace/local/datasets.js
var datasets = __webpack_require__(5654);
// EXTERNAL MODULE: ./build/bundle/workspace/local/models.js
var models = __webpack_require__(4265);
// EXTERNAL MODULE: ./build/bundle/workspace/local/store.js
var store = __webpack_require__(6358);
;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/data.js
/**
 * Where a data input's files are, locally: a path in the checkout, a dataset or model registered
 * in the local workspace (`azureml:name:version`, `azureml:name@latest`), or a web URL downloaded
 * once into the workspace cache.
 */











const MODEL_TYPES = new Set(["mlflow_model", "custom_model", "triton_model"]);
class DataResolver {
    root;
    datasets;
    models;
    downloads = new Map();
    constructor(root) {
        this.root = root;
        this.datasets = new datasets/* LocalDatasets */.f(root);
        this.models = new models/* LocalModels */.e(root);
    }
    /** A local path holding the data. */
    async resolve(data, log, signal) {
        const p = data.path;
        if (/^https?:\/\//i.test(p)) {
            const file = await this.download(p, log, signal);
            // A folder input from a URL is the folder the downloaded file sits in (alone).
            return data.type === "uri_file" ? file : (0,external_node_path_.dirname)(file);
        }
        if (p.startsWith("azureml://")) {
            throw new errors/* UserError */.yo(`data at '${p}' lives in an Azure ML datastore`, { subject: "pipeline" }, "Run with backend azureml, or register the data locally with register-dataset and use `azureml:<name>:<version>`");
        }
        if (p.startsWith("azureml:"))
            return this.registered(p.slice("azureml:".length), data.type, log);
        const local = (0,external_node_path_.resolve)(data.baseDir, p.replace(/^file:(\/\/)?/, ""));
        if (!(await (0,store/* exists */.t2)(local))) {
            throw new errors/* UserError */.yo(`input data '${p}' does not exist (looked for ${local})`, { subject: "pipeline" }, "Fix the path; relative paths resolve against the YAML file's folder");
        }
        return local;
    }
    async registered(ref, type, log) {
        const m = /^([^:@]+)(?::([^:@]+)|@([A-Za-z]+))?$/.exec(ref);
        if (!m)
            throw new errors/* UserError */.yo(`'azureml:${ref}' is not a name:version reference`, { subject: "pipeline" }, "Write azureml:<name>:<version> or azureml:<name>@latest");
        const [, name, version, label] = m;
        // The same name rule (and limit) as everywhere, before the name becomes a path in the workspace.
        (0,names/* checkName */.I3)(MODEL_TYPES.has(type) ? "model" : "data asset", name, "pipeline");
        const v = version ?? (label === "latest" || label === undefined ? "latest" : label);
        if (MODEL_TYPES.has(type)) {
            const model = await this.models.get(name, v);
            if (!model)
                throw new errors/* UserError */.yo(`model 'azureml:${ref}' is not in the local workspace`, { subject: "pipeline" }, "Register it first (compare-models with register: true), or fix the name and version");
            return this.models.localPath(model);
        }
        const dataset = await this.datasets.get(name, v);
        if (!dataset)
            throw new errors/* UserError */.yo(`dataset 'azureml:${ref}' is not in the local workspace (${this.root})`, { subject: "pipeline" }, "Register it first with register-dataset, or fix the name and version");
        log.debug(`azureml:${ref} → ${dataset.uri}`);
        return this.datasets.localPath(dataset);
    }
    /** Downloads a URL once per workspace; later runs (and parallel steps) reuse the cached file. */
    download(url, log, signal) {
        let pending = this.downloads.get(url);
        if (!pending) {
            pending = (async () => {
                const digest = (0,external_node_crypto_.createHash)("sha256").update(url).digest("hex");
                const name = (0,external_node_path_.basename)(new URL(url).pathname) || "data";
                const target = (0,external_node_path_.join)(this.root, "cache", "web", digest.slice(0, 16), name);
                if (await (0,store/* exists */.t2)(target)) {
                    log.info(`Using the cached download of ${url}`);
                    return target;
                }
                log.info(`Downloading ${url}`);
                const response = await fetch(url, { signal }).catch((error) => {
                    if (signal.aborted)
                        throw error;
                    // fetch says only "fetch failed"; the cause (DNS, refused, TLS) is what the user can act on.
                    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
                    throw new errors/* UserError */.yo(`downloading '${url}' failed: ${cause}`, { subject: "pipeline" }, "Check the URL is reachable from this runner (network, proxy), or run it with backend azureml");
                });
                if (!response.ok || !response.body) {
                    throw new errors/* UserError */.yo(`downloading '${url}' failed: HTTP ${response.status}`, { subject: "pipeline" }, "Check the URL is reachable from this runner");
                }
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
                const tmp = `${target}.tmp-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
                try {
                    await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(response.body), (0,external_node_fs_.createWriteStream)(tmp));
                    await (0,promises_.rename)(tmp, target);
                }
                catch (error) {
                    await (0,promises_.rm)(tmp, { force: true });
                    throw error;
                }
                return target;
            })();
            this.downloads.set(url, pending);
            pending.catch(() => this.downloads.delete(url));
        }
        return pending;
    }
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/sweep.js
/** A small seeded generator (mulberry32): deterministic trials for a given seed. */
function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function gaussian(rand) {
    const u = Math.max(rand(), Number.EPSILON);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}
const roundTo = (x, q) => Math.round(x / q) * q;
/** One value from one dimension, with Azure ML's meaning of each distribution's parameters. */
function sampleDimension(d, rand) {
    const p = d.params;
    const uniform = () => p.min_value + rand() * (p.max_value - p.min_value);
    const normal = () => p.mu + p.sigma * gaussian(rand);
    switch (d.type) {
        case "choice": {
            const values = d.values ?? [];
            return values[Math.floor(rand() * values.length)];
        }
        case "uniform":
            return uniform();
        case "loguniform":
            // Azure ML: exp(uniform(min_value, max_value)): the bounds are exponents.
            return Math.exp(uniform());
        case "quniform":
            return roundTo(uniform(), p.q);
        case "qloguniform":
            return roundTo(Math.exp(uniform()), p.q);
        case "randint":
            return Math.floor(rand() * p.upper);
        case "normal":
            return normal();
        case "lognormal":
            return Math.exp(normal());
        case "qnormal":
            return roundTo(normal(), p.q);
        case "qlognormal":
            return roundTo(Math.exp(normal()), p.q);
        default:
            throw new Error(`unknown search space type ${d.type}`);
    }
}
/**
 * The trials to run. Grid: every combination of the choice values (up to max_total_trials).
 * Random: independent samples from a seeded generator. Bayesian needs Azure's model-based
 * sampler; locally it samples like random (the runner says so in the log).
 */
function sampleTrials(spec, fallbackSeed) {
    const names = Object.keys(spec.searchSpace);
    const max = spec.limits.maxTotalTrials;
    if (spec.sampling.type === "grid") {
        let grid = [{}];
        for (const n of names) {
            const values = (spec.searchSpace[n].values ?? []);
            grid = grid.flatMap((a) => values.map((v) => ({ ...a, [n]: v })));
        }
        return grid.slice(0, Number.isFinite(max) ? max : grid.length);
    }
    const rand = seededRandom(spec.sampling.seed ?? fallbackSeed);
    const out = [];
    const seen = new Set();
    const onlyChoices = names.every((n) => spec.searchSpace[n].type === "choice");
    const space = onlyChoices
        ? names.reduce((acc, n) => acc * (spec.searchSpace[n].values?.length ?? 1), 1)
        : Number.POSITIVE_INFINITY;
    const count = Math.min(Number.isFinite(max) ? max : 1000, space);
    for (let guard = 0; out.length < count && guard < count * 50; guard++) {
        const a = {};
        for (const n of names)
            a[n] = sampleDimension(spec.searchSpace[n], rand);
        const key = JSON.stringify(a);
        // With a finite space, do not spend trials on a combination already tried.
        if (onlyChoices && seen.has(key))
            continue;
        seen.add(key);
        out.push(a);
    }
    return out;
}
/** Is `a` better than `b` for this goal? */
function better(goal, a, b) {
    return goal === "maximize" ? a > b : a < b;
}
/**
 * Early termination: should the trial whose primary-metric history is `mine` stop, given the
 * histories of all trials (including itself)? Evaluated when `mine` reaches an evaluation
 * point (every `evaluation_interval` reports, after `delay_evaluation`), as Azure ML does.
 */
function shouldTerminate(spec, mine, all) {
    const policy = spec.earlyTermination;
    if (!policy)
        return false;
    const n = mine.length;
    const interval = Math.max(1, policy.evaluationInterval);
    if (n === 0 || n <= policy.delayEvaluation || n % interval !== 0)
        return false;
    const goal = spec.objective.goal;
    const at = (h) => h[Math.min(n, h.length) - 1];
    const peers = all.filter((h) => h.length > 0);
    const current = mine[n - 1];
    switch (policy.type) {
        case "bandit": {
            const best = peers.map(at).reduce((b, v) => (better(goal, v, b) ? v : b));
            let bound;
            if (policy.slackAmount !== undefined)
                bound = goal === "maximize" ? best - policy.slackAmount : best + policy.slackAmount;
            else {
                const f = policy.slackFactor ?? 0;
                bound = goal === "maximize" ? best / (1 + f) : best * (1 + f);
            }
            return goal === "maximize" ? current < bound : current > bound;
        }
        case "median_stopping": {
            // The trial's best so far against the median of the running averages of all trials.
            const averages = peers.map((h) => {
                const part = h.slice(0, Math.min(n, h.length));
                return part.reduce((s, v) => s + v, 0) / part.length;
            });
            averages.sort((a, b) => a - b);
            const mid = averages.length % 2
                ? averages[(averages.length - 1) / 2]
                : (averages[averages.length / 2 - 1] + averages[averages.length / 2]) / 2;
            const bestSoFar = mine.reduce((b, v) => (better(goal, v, b) ? v : b));
            return better(goal, mid, bestSoFar);
        }
        case "truncation_selection": {
            // Cancel the lowest-performing percentage of trials at this interval.
            const pct = policy.truncationPercentage ?? 0;
            const ranked = peers.map(at).sort((a, b) => (goal === "maximize" ? a - b : b - a));
            const cut = Math.floor((ranked.length * pct) / 100);
            return cut > 0 && ranked.indexOf(current) < cut && peers.length > 1;
        }
    }
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/metrics.js
/**
 * Metrics a step logged: MLflow's file store (`mlruns/<experiment>/<run>/metrics/<name>`, one
 * `timestamp value step` line per logged value; the last line wins) and `metrics.json` files.
 */



/** All metrics in an MLflow file store, last value of each. Later runs win on a name clash. */
async function readMlflowMetrics(mlruns) {
    const out = {};
    for (const runDir of await mlflowRunDirs(mlruns)) {
        for (const [name, values] of Object.entries(await readRunMetricHistory(runDir))) {
            const last = values.at(-1);
            if (last !== undefined)
                out[name] = last.value;
        }
    }
    return out;
}
/** Every run folder of a file store: `<root>/<experiment>/<run>` with a `metrics` folder. */
async function mlflowRunDirs(mlruns) {
    const out = [];
    for (const experiment of await subdirs(mlruns)) {
        if (experiment.startsWith(".") || experiment === "models" || experiment === ".trash")
            continue;
        for (const run of await subdirs((0,external_node_path_.join)(mlruns, experiment)))
            out.push((0,external_node_path_.join)(mlruns, experiment, run));
    }
    return out;
}
async function subdirs(dir) {
    try {
        return (await (0,promises_.readdir)(dir, { withFileTypes: true }))
            .filter((e) => e.isDirectory())
            .map((e) => e.name)
            .sort();
    }
    catch {
        return [];
    }
}
/** Every value of every metric of one run folder, in logged order. Metric names may contain `/`. */
async function readRunMetricHistory(runDir) {
    const out = {};
    const walk = async (dir, prefix) => {
        for (const entry of await (0,store/* listDir */.ol)(dir).catch(() => [])) {
            const file = (0,external_node_path_.join)(dir, entry);
            let text;
            try {
                text = await (0,promises_.readFile)(file, "utf8");
            }
            catch (error) {
                if (error.code === "EISDIR")
                    await walk(file, `${prefix}${entry}/`);
                continue;
            }
            const points = [];
            for (const line of text.split("\n")) {
                const [, value, step] = line.trim().split(/\s+/);
                const v = Number(value);
                if (value !== undefined && Number.isFinite(v))
                    points.push({ value: v, step: Number(step) || 0 });
            }
            if (points.length > 0)
                out[prefix + entry] = points;
        }
    };
    await walk((0,external_node_path_.join)(runDir, "metrics"), "");
    return out;
}
/** Numeric entries of a `metrics.json` (nested objects flattened with `.`); empty when absent or unreadable. */
async function readMetricsJson(file) {
    let value;
    try {
        value = JSON.parse(await (0,promises_.readFile)(file, "utf8"));
    }
    catch {
        return {};
    }
    const out = {};
    const walk = (v, prefix) => {
        if (typeof v === "number" && Number.isFinite(v))
            out[prefix] = v;
        else if (v && typeof v === "object" && !Array.isArray(v)) {
            for (const [k, x] of Object.entries(v))
                walk(x, prefix ? `${prefix}.${k}` : k);
        }
    };
    walk(value, "");
    return out;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/orphans.js
/**
 * The backstop for steps that outlived their runner (the watchdog could not act: it was killed
 * too, or the machine rebooted between): the next run finds each job still marked running whose
 * runner process is gone, ends the step processes it recorded — only those it can prove are that
 * job's steps, so a pid the system reused is never signalled — and marks the job Failed.
 */




function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === "EPERM";
    }
}
/**
 * Whether `pid` is a step of job `job` labelled `label`: its initial environment (as the runner
 * set it) names the step and the job's MLflow folder. Where /proc is missing, nothing is proven.
 */
async function isStepOf(pid, job, label) {
    try {
        const environ = (await (0,promises_.readFile)(`/proc/${pid}/environ`, "utf8")).split("\0");
        return (environ.includes(`AZUREML_RUN_ID=${label}`) &&
            environ.some((e) => e.startsWith("MLFLOW_TRACKING_URI=file:") && e.includes(`/jobs/${job}/`)));
    }
    catch {
        return false;
    }
}
function killGroup(pid) {
    try {
        process.kill(-pid, "SIGKILL");
    }
    catch {
        try {
            process.kill(pid, "SIGKILL");
        }
        catch {
            // already gone
        }
    }
}
/** Running processes a job recorded: each running step's, and each running sweep trial's. */
function recordedProcesses(steps) {
    const out = [];
    for (const s of steps) {
        if (s.pid && s.status === "Running")
            out.push({ pid: s.pid, label: s.name });
        for (const t of s.trials ?? [])
            if (t.pid && t.status === "Running")
                out.push({ pid: t.pid, label: `${s.name}#${t.index}` });
    }
    return out;
}
/**
 * Ends the orphaned steps of every job whose runner died and marks them Failed; marks the job
 * Failed too unless the workspace's recovery already has (it closes such records but cannot tell
 * which processes were steps). Returns the names of the jobs it changed.
 */
async function endOrphanedJobs(root, log) {
    const ended = [];
    const needsWork = (r) => !!r &&
        !!r.pid &&
        r.pid !== process.pid &&
        !alive(r.pid) &&
        (!workspace/* TERMINAL_STATUSES */.C.includes(r.status) ||
            (r.steps ?? []).some((s) => !workspace/* TERMINAL_STATUSES */.C.includes(s.status)));
    for (const name of await (0,store/* listDir */.ol)((0,external_node_path_.join)(root, "jobs"))) {
        const file = (0,external_node_path_.join)(root, "jobs", name, "job.json");
        if (!needsWork(await (0,store/* readJson */.Vh)(file).catch(() => undefined)))
            continue;
        await (0,store/* withLock */.kK)(root, async () => {
            // Read again under the lock: another run may have settled it meanwhile.
            const record = await (0,store/* readJson */.Vh)(file).catch(() => undefined);
            if (!needsWork(record))
                return;
            const killed = [];
            for (const p of recordedProcesses(record.steps ?? [])) {
                if (alive(p.pid) && (await isStepOf(p.pid, name, p.label))) {
                    killGroup(p.pid);
                    killed.push(p.pid);
                }
            }
            const now = new Date().toISOString();
            for (const s of record.steps ?? []) {
                if (workspace/* TERMINAL_STATUSES */.C.includes(s.status))
                    continue;
                s.error = s.status === "Running" ? "the runner process died while the step ran" : "not run: the runner died";
                s.status = s.status === "Running" ? "Failed" : "Canceled";
                s.endedAt = now;
                for (const t of s.trials ?? [])
                    if (!workspace/* TERMINAL_STATUSES */.C.includes(t.status))
                        t.status = "Failed";
            }
            const endedNote = killed.length ? `; its orphaned step process(es) ${killed.join(", ")} were ended` : "";
            if (!workspace/* TERMINAL_STATUSES */.C.includes(record.status)) {
                record.status = "Failed";
                record.error = `the runner process (pid ${record.pid}) died before the job finished${endedNote}`;
                record.endedAt = now;
            }
            else {
                record.error = `${record.error ?? `the runner process (pid ${record.pid}) died before the job finished`}${endedNote}`;
            }
            await (0,store/* writeJson */.GF)(file, record);
            log.warning(`Job ${name}: ${record.error}. Marked Failed.`);
            ended.push(name);
        });
    }
    return ended;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/reuse.js
/**
 * Step reuse, as Azure ML does it: a step whose component, code, command and input contents are
 * unchanged gets the outputs of the earlier run instead of running again. The key is a sha256 over
 * those; the cache maps it to the earlier step's outputs and metrics.
 */




/** sha256 over sorted relative paths and contents; stable for empty folders and missing paths. */
async function contentDigest(path, ignore = () => false) {
    const hash = (0,external_node_crypto_.createHash)("sha256");
    let info;
    try {
        info = await (0,promises_.stat)(path);
    }
    catch {
        return "missing";
    }
    if (!info.isDirectory())
        return `file:${await (0,store/* sha256File */.Q3)(path)}`;
    const files = [];
    const walk = async (dir) => {
        for (const e of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
            const full = (0,external_node_path_.join)(dir, e.name);
            const rel = (0,external_node_path_.relative)(path, full).split(external_node_path_.sep).join("/");
            if (ignore(rel))
                continue;
            if (e.isDirectory())
                await walk(full);
            else if (e.isFile())
                files.push(full);
        }
    };
    await walk(path);
    files.sort();
    for (const f of files)
        hash.update(`${(0,external_node_path_.relative)(path, f).split(external_node_path_.sep).join("/")}\0${await (0,store/* sha256File */.Q3)(f)}\n`);
    return `dir:${hash.digest("hex")}`;
}
/** Files a code snapshot leaves out: caches and VCS folders that change without changing the code. */
const IGNORED_CODE = (rel) => /(^|\/)(__pycache__|\.git|\.ipynb_checkpoints|mlruns)(\/|$)/.test(rel) || rel.endsWith(".pyc");
function reuseKey(parts) {
    const c = parts.component;
    const canonical = JSON.stringify({
        v: 1,
        type: c.type,
        command: c.command,
        environment: c.environment ?? null,
        code: parts.codeDigest ?? null,
        inputs: sortKeys(parts.inputs),
        outputs: sortKeys(parts.outputs),
        env: sortKeys(parts.environmentVariables),
        extra: parts.extra ?? null,
    });
    return (0,external_node_crypto_.createHash)("sha256").update(canonical).digest("hex");
}
function sortKeys(o) {
    return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
class StepCache {
    root;
    constructor(root) {
        this.root = root;
    }
    file(key) {
        return (0,external_node_path_.join)(this.root, "cache", "steps", key.slice(0, 2), `${key}.json`);
    }
    /** The earlier run with this key, when its outputs are still there. */
    async get(key) {
        const hit = await (0,store/* readJson */.Vh)(this.file(key));
        if (!hit)
            return undefined;
        for (const p of Object.values(hit.outputs))
            if (!(await (0,store/* exists */.t2)(p)))
                return undefined;
        return hit;
    }
    async put(entry) {
        await (0,store/* writeJson */.GF)(this.file(entry.key), entry);
    }
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/slots.js
/** A counting semaphore: at most `size` holders at once, served in arrival order. */
class Slots {
    size;
    used = 0;
    waiting = [];
    constructor(size) {
        this.size = size;
    }
    async acquire(signal) {
        if (this.used >= this.size) {
            await new Promise((resolve, reject) => {
                const go = () => {
                    signal?.removeEventListener("abort", onAbort);
                    resolve();
                };
                const onAbort = () => {
                    const i = this.waiting.indexOf(go);
                    if (i >= 0)
                        this.waiting.splice(i, 1);
                    reject(signal?.reason ?? new Error("aborted"));
                };
                signal?.addEventListener("abort", onAbort, { once: true });
                this.waiting.push(go);
            });
        }
        this.used++;
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            this.used--;
            this.waiting.shift()?.();
        };
    }
}

// EXTERNAL MODULE: ./build/bundle/pipeline/expressions.js
var expressions = __webpack_require__(9895);
;// CONCATENATED MODULE: ./build/bundle/pipeline/shell-words.js
/**
 * Splits a component's command into argument arrays the way a POSIX shell would split words,
 * so steps run without a shell: quotes, backslashes, `$VAR` from the step's environment, and
 * `&&` / `;` / newlines between commands. Pipes, redirections and command substitution need a
 * real shell and are refused with the reason.
 */

/** One argv per command; `${{...}}` references are kept whole inside words for later substitution. */
function splitCommand(command, options = {}) {
    const env = options.env ?? {};
    const commands = [];
    let argv = [];
    let word = "";
    let inWord = false;
    const refuse = (what) => {
        throw new errors/* UserError */.yo(`the command uses ${what}, which needs a shell`, options.where ?? {}, "Local steps run without a shell: move that logic into the step's script, or use `&&` between plain commands");
    };
    const endWord = () => {
        if (inWord)
            argv.push(word);
        word = "";
        inWord = false;
    };
    const endCommand = () => {
        endWord();
        if (argv.length > 0)
            commands.push(argv);
        argv = [];
    };
    const expand = (i) => {
        // At `$`: `${{...}}` is kept as written; `${NAME}` and `$NAME` expand from the environment.
        if (command.startsWith("${{", i)) {
            const end = command.indexOf("}}", i);
            if (end < 0)
                return ["${{", i + 3];
            return [command.slice(i, end + 2), end + 2];
        }
        if (command[i + 1] === "(")
            refuse("command substitution `$(...)`");
        if (command[i + 1] === "{") {
            const end = command.indexOf("}", i);
            const name = command.slice(i + 2, end);
            if (end < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
                refuse(`the expansion '${command.slice(i, end + 1)}'`);
            return [env[name] ?? "", end + 1];
        }
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(command.slice(i + 1));
        if (!m)
            return ["$", i + 1];
        return [env[m[0]] ?? "", i + 1 + m[0].length];
    };
    let i = 0;
    while (i < command.length) {
        const c = command[i];
        if (c === "\\" && command[i + 1] === "\n") {
            i += 2;
        }
        else if (c === " " || c === "\t" || c === "\r") {
            endWord();
            i++;
        }
        else if (c === "\n" || c === ";") {
            endCommand();
            i++;
        }
        else if (c === "&" && command[i + 1] === "&") {
            if (argv.length === 0 && !inWord)
                refuse("`&&` with no command before it");
            endCommand();
            i += 2;
        }
        else if (c === "#" && !inWord) {
            while (i < command.length && command[i] !== "\n")
                i++;
        }
        else if (c === "|") {
            refuse(command[i + 1] === "|" ? "`||`" : "a pipe `|`");
        }
        else if (c === ">" || c === "<") {
            refuse(`a redirection \`${c}\``);
        }
        else if (c === "&") {
            refuse("a background `&`");
        }
        else if (c === "`") {
            refuse("command substitution with backquotes");
        }
        else if (c === "'") {
            const end = command.indexOf("'", i + 1);
            if (end < 0)
                throw new errors/* UserError */.yo("the command has an unclosed single quote", options.where ?? {}, "Close the quote");
            word += command.slice(i + 1, end);
            inWord = true;
            i = end + 1;
        }
        else if (c === '"') {
            inWord = true;
            i++;
            for (;;) {
                if (i >= command.length)
                    throw new errors/* UserError */.yo("the command has an unclosed double quote", options.where ?? {}, "Close the quote");
                const d = command[i];
                if (d === '"') {
                    i++;
                    break;
                }
                if (d === "\\" && '"\\$`\n'.includes(command[i + 1] ?? "")) {
                    if (command[i + 1] !== "\n")
                        word += command[i + 1];
                    i += 2;
                }
                else if (d === "$") {
                    const [text, next] = expand(i);
                    word += text;
                    i = next;
                }
                else if (d === "`") {
                    refuse("command substitution with backquotes");
                }
                else {
                    word += d;
                    i++;
                }
            }
        }
        else if (c === "\\") {
            word += command[i + 1] ?? "";
            inWord = true;
            i += 2;
        }
        else if (c === "$") {
            const [text, next] = expand(i);
            word += text;
            // An unquoted expansion to nothing is no word at all, as in a shell.
            inWord = inWord || text !== "" || command.startsWith("${{", i);
            i = next;
        }
        else {
            word += c;
            inWord = true;
            i++;
        }
    }
    endCommand();
    return commands;
}

// EXTERNAL MODULE: ./build/bundle/util/credential-env.js
var credential_env = __webpack_require__(8063);
// EXTERNAL MODULE: ./build/bundle/util/failure-reason.js
var failure_reason = __webpack_require__(3693);
;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/parallel.js
/**
 * Parallel (`run_function`) jobs locally: one worker runs the entry script's init() once, then
 * run(mini_batch) for each mini-batch of the input's files, appending each returned row to the
 * `append_row_to` output, as Azure ML's parallel run step does on one node with one process.
 */



/** The worker, run as `python -c DRIVER <entry> <data> <batch> <append-file> <threshold> -- <program arguments>`. */
const DRIVER = `
import importlib.util, os, re, sys, traceback
entry, data, batch, append_to, threshold = sys.argv[1:6]
args = sys.argv[7:]
sys.argv = [entry] + args
sys.path.insert(0, os.getcwd())
spec = importlib.util.spec_from_file_location("entry_script", os.path.join(os.getcwd(), entry))
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
if hasattr(module, "init"):
    module.init()
if os.path.isdir(data):
    files = sorted(os.path.join(root, f) for root, _, names in os.walk(data) for f in names)
else:
    files = [data]
m = re.fullmatch(r"(\\d+(?:\\.\\d+)?)\\s*(kb|mb|gb|b)?", batch.strip().lower()) if batch else None
batches, current, size = [], [], 0
if m and m.group(2):
    limit = float(m.group(1)) * {"b": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3}[m.group(2)]
    for f in files:
        current.append(f)
        size += os.path.getsize(f)
        if size >= limit:
            batches.append(current); current, size = [], 0
else:
    count = max(1, int(float(m.group(1)))) if m else 1
    for f in files:
        current.append(f)
        if len(current) >= count:
            batches.append(current); current = []
if current:
    batches.append(current)
failed, rows = 0, []
for i, mini_batch in enumerate(batches):
    try:
        result = module.run(mini_batch)
        rows.extend(result if isinstance(result, list) else [result])
        print(f"mini-batch {i + 1}/{len(batches)}: {len(mini_batch)} file(s)")
    except Exception:
        failed += 1
        traceback.print_exc()
        print(f"mini-batch {i + 1}/{len(batches)} failed", file=sys.stderr)
        if int(threshold) >= 0 and failed > int(threshold):
            sys.exit(f"{failed} mini-batch(es) failed, more than error_threshold {threshold}")
if append_to:
    with open(os.path.join(append_to, "parallel_run_step.txt"), "a") as f:
        for row in rows:
            f.write(f"{row}\\n")
if hasattr(module, "shutdown"):
    module.shutdown()
print(f"{len(batches)} mini-batch(es), {failed} failed, {len(rows)} row(s)")
`;
/** The argument array that runs a parallel task with the bound inputs and outputs. */
function parallelArgv(task, python, inputs, outputs, env) {
    const data = inputs[task.inputData];
    if (data === undefined)
        throw new errors/* UserError */.yo(`the parallel job's input_data '${task.inputData}' has no value`, {}, "Bind that input");
    const args = task.programArguments
        ? (splitCommand(task.programArguments, { env })[0] ?? []).map((word) => {
            let out = word;
            for (const e of (0,expressions/* findExpressions */.zV)(word)) {
                const own = (0,expressions/* parseOwnRef */.t)(e.body);
                out = out.replace(e.text, (own?.kind === "inputs" ? inputs[own.name] : own ? outputs[own.name] : undefined) ?? "");
            }
            return out;
        })
        : [];
    const append = task.appendRowTo ? outputs[task.appendRowTo] : "";
    return [
        [
            python,
            "-c",
            DRIVER,
            task.entryScript,
            data,
            String(task.miniBatchSize ?? 1),
            append,
            String(task.errorThreshold),
            "--",
            ...args,
        ],
    ];
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./build/bundle/workspace/local/runner/watchdog.js
var watchdog = __webpack_require__(9383);
;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/process.js
/**
 * Runs one step command as a child process: argument array, no shell, its own process group so
 * the whole tree can be stopped, output streamed line by line and kept in a log file.
 */



const STDERR_TAIL_LINES = 200;
const live = new Set();
let exitHookInstalled = false;
let signalsSeen = 0;
/**
 * Stops every process group we started if this process exits first, so no step outlives the
 * runner. The first SIGINT/SIGTERM is the task's to handle (it cancels the job gracefully); a
 * second one while steps still run kills their groups at once and exits, as a user pressing
 * Ctrl-C twice expects — without this, the second signal would kill only this process.
 */
function installExitHook() {
    if (exitHookInstalled)
        return;
    exitHookInstalled = true;
    process.on("exit", () => {
        for (const pid of live)
            process_killGroup(pid, "SIGKILL");
    });
}
function onSignal(signal) {
    signalsSeen++;
    if (signalsSeen < 2)
        return;
    for (const pid of live)
        process_killGroup(pid, "SIGKILL");
    process.exit(signal === "SIGINT" ? 130 : 143);
}
function watchSignals(on) {
    for (const s of ["SIGINT", "SIGTERM"]) {
        if (on && !process.listeners(s).includes(onSignal))
            process.on(s, onSignal);
        if (!on)
            process.removeListener(s, onSignal);
    }
    if (!on)
        signalsSeen = 0;
}
function process_killGroup(pid, signal) {
    try {
        // A negative pid signals the whole process group: the step and everything it started.
        process.kill(process.platform === "win32" ? pid : -pid, signal);
    }
    catch {
        try {
            process.kill(pid, signal);
        }
        catch {
            /* already gone */
        }
    }
}
const GRACE_MS = 3000;
function runProcess(argv, options) {
    installExitHook();
    return new Promise((resolve) => {
        const log = (0,external_node_fs_.createWriteStream)(options.logFile, { flags: "a" });
        const finish = (result) => {
            log.end(() => resolve(result));
        };
        if (options.signal.aborted) {
            finish({ exitCode: null, stopped: "aborted" });
            return;
        }
        const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
            cwd: options.cwd,
            env: options.env,
            detached: process.platform !== "win32",
            stdio: ["ignore", "pipe", "pipe"],
            windowsHide: true,
        });
        let stopped;
        let killTimer;
        const stop = (why) => {
            if (stopped || child.pid === undefined)
                return;
            stopped = why;
            process_killGroup(child.pid, "SIGTERM");
            killTimer = setTimeout(() => child.pid !== undefined && process_killGroup(child.pid, "SIGKILL"), GRACE_MS);
            killTimer.unref();
        };
        const onAbort = () => stop("aborted");
        options.signal.addEventListener("abort", onAbort, { once: true });
        const timer = options.timeoutMs !== undefined ? setTimeout(() => stop("timeout"), options.timeoutMs) : undefined;
        if (child.pid !== undefined) {
            live.add(child.pid);
            watchSignals(true);
            // The exit hook cannot run on SIGKILL: the watchdog ends the group then.
            if (process.platform !== "win32")
                (0,watchdog/* watchGroup */.P)(child.pid);
            options.onStart?.(child.pid);
        }
        const pending = { out: "", err: "" };
        const onData = (which) => (chunk) => {
            log.write(chunk);
            const text = pending[which] + chunk.toString("utf8");
            const lines = text.split("\n");
            pending[which] = lines.pop() ?? "";
            for (const line of lines) {
                options.onLine(line.replace(/\r$/, ""));
                if (which === "err")
                    keepStderr(line.replace(/\r$/, ""));
            }
        };
        const stderrTail = [];
        const keepStderr = (line) => {
            stderrTail.push(line);
            if (stderrTail.length > STDERR_TAIL_LINES)
                stderrTail.shift();
        };
        child.stdout?.on("data", onData("out"));
        child.stderr?.on("data", onData("err"));
        let spawnError;
        child.on("error", (error) => {
            spawnError = error.code === "ENOENT" ? `'${argv[0]}' was not found` : error.message;
        });
        child.on("close", (code) => {
            if (child.pid !== undefined) {
                live.delete(child.pid);
                if (process.platform !== "win32")
                    (0,watchdog/* unwatchGroup */.E)(child.pid);
            }
            if (live.size === 0)
                watchSignals(false);
            if (timer)
                clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            options.signal.removeEventListener("abort", onAbort);
            for (const which of ["out", "err"])
                if (pending[which])
                    options.onLine(pending[which]);
            if (pending.err)
                keepStderr(pending.err);
            if (spawnError)
                log.write(`${spawnError}\n`);
            finish({ exitCode: code, stopped, spawnError, stderrTail });
        });
    });
}
/** The last `n` lines of a log, for a failed step. */
function tail(text, n = 20) {
    const lines = text.replace(/\n+$/, "").split("\n");
    return lines.slice(Math.max(0, lines.length - n));
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/step.js
/**
 * Runs one command (a step, or one sweep trial) locally: a snapshot of its code as the working
 * folder, outputs as folders, `${{inputs.*}}`/`${{outputs.*}}` bound into an argument array, and
 * the metrics it logged collected afterwards.
 */












/** Where the interpreter for `python` / `python3` commands is: MLOPS_PYTHON, else python3 on PATH. */
function runnerPython(env = process.env) {
    return env.MLOPS_PYTHON || (process.platform === "win32" ? "python" : "python3");
}
async function runCommand(run) {
    const { component, dir } = run;
    const log = (0,external_node_path_.join)(dir, "std_log.txt");
    const work = (0,external_node_path_.join)(dir, "code");
    await (0,promises_.mkdir)(work, { recursive: true });
    if (component.code) {
        const single = !(await isDir(component.code));
        // A snapshot of the code, as Azure ML uploads one: the step may write beside its files without touching the checkout.
        await (0,promises_.cp)(component.code, single ? (0,external_node_path_.join)(work, (0,external_node_path_.basename)(component.code)) : work, {
            recursive: true,
            filter: (src) => !IGNORED_CODE(src.replaceAll("\\", "/")) &&
                !(run.exclude && (src === run.exclude || src.startsWith(`${run.exclude}/`))),
        });
    }
    const outputs = {};
    for (const [name, o] of Object.entries(run.outputs)) {
        const folder = o.path ?? (0,external_node_path_.join)(dir, "outputs", name);
        await (0,promises_.mkdir)(folder, { recursive: true });
        // A uri_file output is a file path inside its own folder.
        outputs[name] = o.type === "uri_file" ? (0,external_node_path_.join)(folder, name) : folder;
    }
    const mlruns = (0,external_node_path_.join)(dir, "mlruns");
    // User code runs without the CI's and Azure's credentials; what the YAML names is passed as set.
    const env = {
        ...(0,credential_env/* childEnvironment */.Qc)(process.env, run.environmentVariables),
        MLFLOW_TRACKING_URI: `file:${mlruns}`,
        AZUREML_RUN_ID: run.label,
        PYTHONUNBUFFERED: "1",
        PYTHONDONTWRITEBYTECODE: "1",
    };
    for (const [name, path] of Object.entries(outputs))
        env[`AZUREML_OUTPUT_${name}`] = path;
    const python = runnerPython(env);
    const argvs = component.parallelTask
        ? parallelArgv(component.parallelTask, python, run.inputs, outputs, env)
        : buildArgv(component, run.inputs, outputs, env);
    let result = { exitCode: 0 };
    for (const argv of argvs) {
        if (argv[0] === "python" || argv[0] === "python3")
            argv[0] = python;
        run.onLine(`$ ${(component.parallelTask ? [argv[0], "<parallel worker>", ...argv.slice(3)] : argv).map(quoteForLog).join(" ")}`);
        result = await runProcess(argv, {
            cwd: work,
            env,
            logFile: log,
            onLine: run.onLine,
            signal: run.signal,
            timeoutMs: run.timeoutMs,
            onStart: run.onStart,
        });
        if (result.exitCode !== 0 || result.stopped || result.spawnError)
            break;
    }
    const text = await (0,promises_.readFile)(log, "utf8").catch(() => "");
    const metrics = { ...(await readMlflowMetrics(mlruns)), ...(await readMetricsJson((0,external_node_path_.join)(work, "metrics.json"))) };
    for (const path of Object.values(outputs))
        Object.assign(metrics, await readMetricsJson((0,external_node_path_.join)(path, "metrics.json")));
    if (result.stopped === "aborted")
        return { status: "Canceled", outputs, metrics, error: "canceled", log };
    if (result.stopped === "timeout") {
        return {
            status: "Failed",
            outputs,
            metrics,
            error: `timed out after ${Math.round((run.timeoutMs ?? 0) / 1000)} s (limits.timeout)`,
            logTail: tail(text),
            log,
        };
    }
    if (result.spawnError)
        return { status: "Failed", outputs, metrics, error: result.spawnError, logTail: tail(text), log };
    if (result.exitCode !== 0) {
        // The reason, not a header: the exception (with the user's file:line) or the last error-like stderr line.
        const reason = (0,failure_reason/* failureReason */.H)((result.stderrTail ?? []).join("\n"), (p) => userFile(p, work, component.code));
        return {
            status: "Failed",
            outputs,
            metrics,
            error: `exited with code ${result.exitCode}${reason ? `: ${reason.message}` : ""}`,
            ...(reason?.file ? { where: { file: reason.file, line: reason.line } } : {}),
            logTail: tail(text),
            log,
        };
    }
    return { status: "Completed", outputs, metrics, log };
}
/** The argument arrays for a component's command: optional sections resolved, words split, then references bound. */
function buildArgv(component, inputs, outputs, env) {
    const where = component.commandWhere ?? component.where;
    if (!component.command)
        throw new errors/* UserError */.yo("the component has no command", where, "Set `command:`");
    const template = (0,expressions/* resolveOptionalSections */.Zx)(component.command, (n) => inputs[n] !== undefined && inputs[n] !== "");
    const commands = splitCommand(template, { env, where });
    return commands.map((argv) => argv.map((word) => {
        let out = word;
        for (const e of (0,expressions/* findExpressions */.zV)(word)) {
            const own = (0,expressions/* parseOwnRef */.t)(e.body);
            if (!own)
                throw new errors/* UserError */.yo(`'${e.text}' cannot be bound in a command`, where, "Use ${{inputs.<name>}} or ${{outputs.<name>}}");
            const value = own.kind === "inputs" ? inputs[own.name] : outputs[own.name];
            out = out.replace(e.text, value ?? "");
        }
        return out;
    }));
}
/**
 * The user's own file for a path in a traceback: the step runs a snapshot of its code folder, so a
 * frame in `<step>/code/x.py` is the user's `<code>/x.py` (or the code file itself when `code:`
 * names one file). Frames elsewhere (the standard library, site-packages) are not the user's.
 */
function userFile(path, work, code) {
    if (!code)
        return undefined;
    const inside = (0,external_node_path_.relative)(work, (0,external_node_path_.resolve)(work, path));
    if (inside === "" || inside.startsWith("..") || (0,external_node_path_.isAbsolute)(inside))
        return undefined;
    return (0,external_node_path_.basename)(code) === inside && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(code, inside)) ? code : (0,external_node_path_.join)(code, inside);
}
async function isDir(p) {
    try {
        return (await (0,promises_.stat)(p)).isDirectory();
    }
    catch {
        throw new errors/* UserError */.yo(`code '${p}' does not exist`, { subject: "pipeline" }, "Fix the component's `code:` path (relative to the component's YAML file)");
    }
}
/** An argument as a reader would retype it in a shell (for the log only; nothing runs through a shell). */
function quoteForLog(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/execute.js
/**
 * Executes a planned pipeline locally: steps in dependency order, independent ones in parallel
 * up to `maxParallel` processes, reuse of unchanged steps, sweeps, failure and cancellation.
 */








async function executePlan(o) {
    const { plan, log } = o;
    const settings = plan.job.settings;
    const slots = new Slots(Math.max(1, o.maxParallel));
    const failFast = new AbortController();
    const signal = AbortSignal.any([o.signal, failFast.signal]);
    const records = new Map(plan.steps.map((s) => [s.id, { name: s.id, status: "NotStarted" }]));
    const update = (id, patch) => {
        Object.assign(records.get(id), patch);
        o.onChange([...records.values()]);
    };
    const outcomes = new Map();
    let firstError;
    // Steps a killed run left behind are ended before this run starts its own.
    await endOrphanedJobs(o.root, log).catch((error) => log.warning(`Could not check for steps a killed run left running: ${error.message}`));
    if (plan.steps.some((s) => s.component.environment !== undefined)) {
        log.info(`Steps run with this runner's interpreter (${runnerPython()}); their \`environment\` is used on Azure ML only. Set MLOPS_PYTHON to pick another python.`);
    }
    const runStep = async (step) => {
        const upstream = await Promise.all(step.deps.map((d) => outcomes.get(d)));
        const failedDep = step.deps.find((_, i) => upstream[i].status !== "Completed");
        if (failedDep || signal.aborted) {
            const why = failedDep ? `not run: step '${failedDep}' did not complete` : "canceled";
            update(step.id, { status: "Canceled", error: why });
            return { status: "Canceled", outputs: {}, metrics: {} };
        }
        const depOutputs = new Map(step.deps.map((d, i) => [d, upstream[i].outputs]));
        try {
            const outcome = await executeStep(o, step, depOutputs, slots, signal, (patch) => update(step.id, patch));
            if (outcome.status === "Failed") {
                const rec = records.get(step.id);
                firstError ??= `step '${step.id}' ${rec.error ?? "failed"}`;
                if (!settings.continueOnStepFailure)
                    failFast.abort();
            }
            return outcome;
        }
        catch (error) {
            // A step that cannot even start (bad data reference, a command needing a shell) fails the job.
            const message = error instanceof errors/* UserError */.yo ? error.describe() : error instanceof Error ? error.message : String(error);
            update(step.id, { status: "Failed", error: message, endedAt: new Date().toISOString() });
            firstError ??= `step '${step.id}': ${message}`;
            if (!settings.continueOnStepFailure)
                failFast.abort();
            return { status: "Failed", outputs: {}, metrics: {} };
        }
    };
    for (const step of plan.steps)
        outcomes.set(step.id, runStep(step));
    const done = await Promise.all(plan.steps.map((s) => outcomes.get(s.id)));
    const metrics = {};
    const counts = new Map();
    plan.steps.forEach((s, i) => {
        for (const [k, v] of Object.entries(done[i].metrics)) {
            metrics[`${s.id}.${k}`] = v;
            counts.set(k, (counts.get(k) ?? 0) + 1);
        }
    });
    plan.steps.forEach((_, i) => {
        for (const [k, v] of Object.entries(done[i].metrics))
            if (counts.get(k) === 1)
                metrics[k] = v;
    });
    const outputs = {};
    plan.steps.forEach((s, i) => {
        for (const [k, v] of Object.entries(done[i].outputs))
            outputs[`${s.id}.${k}`] = v;
    });
    const byId = new Map(plan.steps.map((s, i) => [s.id, done[i]]));
    for (const [name, src] of Object.entries(plan.outputs)) {
        const path = byId.get(src.step)?.outputs[src.output];
        if (path)
            outputs[name] = path;
    }
    const statuses = done.map((d) => d.status);
    const status = o.signal.aborted
        ? "Canceled"
        : statuses.includes("Failed")
            ? "Failed"
            : statuses.every((s) => s === "Completed")
                ? "Completed"
                : "Failed";
    return {
        status,
        steps: [...records.values()],
        metrics,
        outputs,
        error: status === "Canceled" ? "canceled" : firstError,
    };
}
async function executeStep(o, step, depOutputs, slots, signal, update) {
    const { log } = o;
    const dir = (0,external_node_path_.join)(o.jobDir, "steps", ...step.id.split("/"));
    const inputs = {};
    for (const [name, input] of Object.entries(step.inputs))
        inputs[name] = await bindInput(o, input, depOutputs, signal);
    const outputsDecl = outputLocations(o.plan, step);
    const c = step.component;
    const key = await stepReuseKey(o.root, step, inputs);
    const reuseAllowed = !o.forceRerun && !o.plan.job.settings.forceRerun && c.isDeterministic;
    if (reuseAllowed) {
        const hit = await o.cache.get(key);
        if (hit) {
            log.info(`[${step.id}] reused: unchanged since job ${hit.job} (component, code, command and inputs identical)`);
            const now = new Date().toISOString();
            update({
                status: "Completed",
                reused: true,
                reusedFrom: hit.job,
                outputs: hit.outputs,
                metrics: hit.metrics,
                startedAt: now,
                endedAt: now,
            });
            return { status: "Completed", outputs: hit.outputs, metrics: hit.metrics };
        }
    }
    update({ status: "Queued" });
    const onLine = (label) => (line) => log.info(`[${label}] ${line}`);
    let outcome;
    if (step.node.type === "sweep") {
        outcome = await runSweep(o, step, dir, inputs, outputsDecl, slots, signal, update, onLine);
    }
    else {
        const release = await slots.acquire(signal).catch(() => undefined);
        if (!release) {
            update({ status: "Canceled", error: "canceled" });
            return { status: "Canceled", outputs: {}, metrics: {} };
        }
        try {
            update({ status: "Running", startedAt: new Date().toISOString() });
            const r = await runCommand({
                label: step.id,
                component: c,
                dir,
                inputs,
                outputs: outputsDecl,
                environmentVariables: step.environmentVariables,
                timeoutMs: step.timeoutSeconds !== undefined ? step.timeoutSeconds * 1000 : undefined,
                exclude: o.root,
                signal,
                onLine: onLine(step.id),
                onStart: (pid) => update({ pid }),
            });
            update({
                status: r.status,
                endedAt: new Date().toISOString(),
                outputs: r.outputs,
                metrics: r.metrics,
                error: r.error,
                where: r.where,
                logTail: r.logTail,
                log: r.log,
            });
            log.info(`[${step.id}] ${r.status}${r.error ? `: ${r.error}` : ""}`);
            outcome = r;
        }
        finally {
            release();
        }
    }
    if (outcome.status === "Completed") {
        await o.cache.put({
            key,
            job: o.jobName,
            step: step.id,
            outputs: outcome.outputs,
            metrics: outcome.metrics,
            createdAt: new Date().toISOString(),
        });
    }
    return outcome;
}
/** Where each output of a step goes: its folder in the job, or an explicit local `path`. */
function outputLocations(plan, step) {
    const out = {};
    for (const [name, o] of Object.entries(step.outputs)) {
        const explicit = step.node.outputs[name]?.path;
        out[name] = {
            type: o.type,
            path: explicit && !/^(azureml|https?):/.test(explicit) ? (0,external_node_path_.join)(plan.job.baseDir, explicit) : undefined,
        };
    }
    return out;
}
/** The reuse key of a step given its bound inputs: component, code, command, input contents. */
async function stepReuseKey(root, step, inputs) {
    const digests = {};
    for (const [name, input] of Object.entries(step.inputs)) {
        const value = inputs[name];
        if (input.kind === "value")
            digests[name] = `value:${value}`;
        else if (input.kind === "data" || input.kind === "step")
            digests[name] = value === undefined ? "none" : await contentDigest(value);
        else
            digests[name] = input.kind;
    }
    const c = step.component;
    const skip = (rel) => IGNORED_CODE(rel) || (c.code !== undefined && isInside(root, c.code, rel));
    return reuseKey({
        component: c,
        codeDigest: c.code ? await contentDigest(c.code, skip) : undefined,
        inputs: digests,
        outputs: Object.fromEntries(Object.entries(step.outputs).map(([k, v]) => [k, `${v.type}:${step.node.outputs[k]?.path ?? ""}`])),
        environmentVariables: step.environmentVariables,
        // The interpreter is part of the environment locally: another python may give another result.
        extra: { sweep: step.node.sweep ?? null, python: runnerPython({ ...process.env, ...step.environmentVariables }) },
    });
}
function isInside(root, base, rel) {
    const r = (0,external_node_path_.relative)(base, root).split(external_node_path_.sep).join("/");
    return !r.startsWith("..") && r !== "" && (rel === r || rel.startsWith(`${r}/`));
}
async function bindInput(o, input, depOutputs, signal) {
    switch (input.kind) {
        case "value":
            return String(input.value);
        case "data":
            return o.data.resolve(input, o.log, signal);
        case "step":
            return depOutputs.get(input.step)?.[input.output];
        default:
            return undefined;
    }
}
async function runSweep(o, step, dir, inputs, outputsDecl, slots, signal, update, onLine) {
    const spec = step.node.sweep;
    const { log } = o;
    if (spec.sampling.type === "bayesian")
        log.info(`[${step.id}] bayesian sampling needs Azure ML's sampler: locally the trials are sampled at random`);
    const seed = spec.sampling.seed ?? [...o.jobName].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
    const assignments = sampleTrials(spec, seed);
    const trials = assignments.map((params, index) => ({ index, params, status: "NotStarted" }));
    const metric = spec.objective.primaryMetric;
    log.info(`[${step.id}] sweep: ${trials.length} trial(s), at most ${spec.limits.maxConcurrentTrials} at once, ${spec.objective.goal} ${metric}`);
    update({ status: "Running", startedAt: new Date().toISOString(), trials });
    const sweepStop = new AbortController();
    const sweepSignal = AbortSignal.any([signal, sweepStop.signal]);
    const deadline = spec.limits.timeoutSeconds !== undefined
        ? setTimeout(() => sweepStop.abort(), spec.limits.timeoutSeconds * 1000)
        : undefined;
    const concurrency = new Slots(Math.max(1, spec.limits.maxConcurrentTrials));
    const histories = trials.map(() => []);
    const stops = trials.map(() => new AbortController());
    const running = new Set();
    // Early termination reads each running trial's primary metric from its MLflow file store.
    const poll = spec.earlyTermination
        ? setInterval(async () => {
            for (const i of running) {
                const history = [];
                for (const run of await mlflowRunDirs((0,external_node_path_.join)(dir, "trials", String(i), "mlruns"))) {
                    history.push(...((await readRunMetricHistory(run))[metric] ?? []).map((p) => p.value));
                }
                histories[i] = history;
            }
            for (const i of running) {
                if (!stops[i].signal.aborted && shouldTerminate(spec, histories[i], histories)) {
                    log.info(`[${step.id}#${i}] early termination (${spec.earlyTermination.type}): ${metric} ${histories[i].at(-1)} at report ${histories[i].length}`);
                    trials[i].earlyTerminated = true;
                    stops[i].abort();
                }
            }
        }, 250)
        : undefined;
    const results = await Promise.all(trials.map(async (trial, i) => {
        const releaseTrial = await concurrency.acquire(sweepSignal).catch(() => undefined);
        if (!releaseTrial)
            return undefined;
        const release = await slots.acquire(sweepSignal).catch(() => undefined);
        if (!release) {
            releaseTrial();
            return undefined;
        }
        running.add(i);
        trial.status = "Running";
        update({ trials });
        try {
            const values = { ...inputs };
            for (const [k, v] of Object.entries(trial.params))
                values[k] = String(v);
            log.info(`[${step.id}#${i}] trial ${Object.entries(trial.params)
                .map(([k, v]) => `${k}=${v}`)
                .join(" ")}`);
            const r = await runCommand({
                label: `${step.id}#${i}`,
                component: step.component,
                dir: (0,external_node_path_.join)(dir, "trials", String(i)),
                inputs: values,
                // Each trial writes its own outputs; the best trial's become the sweep's.
                outputs: Object.fromEntries(Object.entries(outputsDecl).map(([k, v]) => [k, { type: v.type }])),
                environmentVariables: step.environmentVariables,
                timeoutMs: spec.limits.trialTimeoutSeconds !== undefined ? spec.limits.trialTimeoutSeconds * 1000 : undefined,
                exclude: o.root,
                signal: AbortSignal.any([sweepSignal, stops[i].signal]),
                onLine: onLine(`${step.id}#${i}`),
                onStart: (pid) => {
                    trial.pid = pid;
                    update({ trials });
                },
            });
            trial.status = r.status;
            trial.metric = r.metrics[metric];
            update({ trials });
            return r;
        }
        finally {
            running.delete(i);
            release();
            releaseTrial();
        }
    }));
    if (deadline)
        clearTimeout(deadline);
    if (poll)
        clearInterval(poll);
    if (signal.aborted) {
        update({ status: "Canceled", endedAt: new Date().toISOString(), error: "canceled", trials });
        return { status: "Canceled", outputs: {}, metrics: {} };
    }
    let best;
    results.forEach((r, i) => {
        const m = r?.metrics[metric];
        if (r?.status !== "Completed" || m === undefined)
            return;
        if (best === undefined || better(spec.objective.goal, m, results[best].metrics[metric]))
            best = i;
    });
    if (best === undefined) {
        const failed = results.find((r) => r?.status === "Failed");
        const error = `no trial completed with a '${metric}' metric${failed?.error ? ` (a trial ${failed.error})` : ""}`;
        update({ status: "Failed", endedAt: new Date().toISOString(), error, trials, logTail: failed?.logTail });
        return { status: "Failed", outputs: {}, metrics: {} };
    }
    const winner = results[best];
    const metrics = { ...winner.metrics, best_trial: best };
    log.info(`[${step.id}] best trial #${best}: ${metric}=${winner.metrics[metric]} with ${Object.entries(trials[best].params)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")}`);
    update({
        status: "Completed",
        endedAt: new Date().toISOString(),
        outputs: winner.outputs,
        metrics,
        trials,
        bestTrial: best,
    });
    return { status: "Completed", outputs: winner.outputs, metrics };
}

// EXTERNAL MODULE: ./build/bundle/references.js
var references = __webpack_require__(3743);
;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/refusals.js
/**
 * What the local runner cannot run, each as one line naming the feature and where it is
 * written, and saying to run it with backend azureml: only what needs Azure ML itself (AutoML,
 * spark, prompt flow, registered components and cloud data the local workspace does not hold).
 * Such pipelines still validate and compile for Azure ML.
 */



function localRefusals(plan) {
    const out = [];
    for (const step of plan.steps) {
        const c = step.component;
        const fix = "Run it with backend azureml";
        if (step.node.type === "automl") {
            out.push({
                message: `job '${step.id}' is an AutoML job: AutoML runs on Azure ML only`,
                where: step.node.where,
                fix,
            });
        }
        else if (isPromptFlow(c)) {
            out.push({
                message: `job '${step.id}' runs a prompt flow: prompt flow components run on Azure ML only`,
                where: step.node.where,
                fix,
            });
        }
        else if (step.node.type === "spark") {
            out.push({
                message: `job '${step.id}' is a spark job: spark runs on Azure ML only`,
                where: step.node.where,
                fix,
            });
        }
        else if (step.node.type === "parallel" && !c.parallelTask) {
            out.push({
                message: `job '${step.id}' is a parallel job: parallel (mini-batch) jobs run on Azure ML only`,
                where: step.node.where,
                fix,
            });
        }
        else if (c.parallelTask && isTabular(step, c.parallelTask.inputData)) {
            out.push({
                message: `job '${step.id}' is a parallel job over an mltable: tabular mini-batches run on Azure ML only`,
                where: step.node.where,
                fix: `${fix}, or give input_data as a uri_folder of files`,
            });
        }
        else if (c.origin.kind === "registered") {
            out.push({
                message: `job '${step.id}' uses the registered component '${c.origin.ref}', which the local workspace does not hold`,
                where: c.where,
                fix: `${fix}, or point \`component:\` at the component's YAML file`,
            });
        }
        else if (c.code && (0,references/* isRemoteCode */.u$)(c.code)) {
            out.push({
                message: `job '${step.id}' takes its code from '${c.code}'`,
                where: c.where,
                fix: `${fix}, or point \`code:\` at a local folder`,
            });
        }
        for (const [name, input] of Object.entries(step.inputs)) {
            if (input.kind !== "data" || !/^[a-z][a-z0-9+.-]*:\/\//i.test(input.path) || /^https?:/i.test(input.path))
                continue;
            const what = input.path.startsWith("azureml://") ? "the Azure ML URI" : "the cloud storage URI";
            out.push({
                message: `job '${step.id}' input '${name}' reads ${what} '${input.path}', which only Azure ML resolves`,
                where: step.node.inputs[name]?.where ?? step.node.where,
                fix: `${fix}, or register the data locally (register-dataset) and use azureml:<name>:<version>`,
            });
        }
    }
    return out;
}
/**
 * A prompt flow used as a component: its flow.dag.yaml (Flow schema) or a run.yml naming a `flow:`
 * (Run schema), which the parser turns into a `promptflow_parallel` component (parse-flow.ts).
 * Only Azure ML executes them.
 */
function isPromptFlow(c) {
    const schema = typeof c.raw.$schema === "string" ? c.raw.$schema : "";
    const file = c.origin.kind === "file" ? c.origin.file : "";
    return (c.raw.type === "promptflow_parallel" ||
        /\/promptflow\/|\/(Flow|Run)\.schema\.json$/i.test(schema) ||
        /(^|[\\/])flow\.dag\.ya?ml$/i.test(file) ||
        (c.type === "parallel" && c.raw.flow !== undefined));
}
function isTabular(step, input) {
    const b = step.node.inputs[input];
    const i = step.inputs[input];
    return ((b?.kind === "ref" && b.type === "mltable") ||
        (i?.kind === "data" && i.type === "mltable") ||
        (i?.kind === "step" && i.type === "mltable"));
}
/** Local data inputs that do not exist: found before anything runs, at the line that names them. */
async function missingLocalData(plan) {
    const out = [];
    const seen = new Set();
    for (const step of plan.steps) {
        for (const input of Object.values(step.inputs)) {
            if (input.kind !== "data" || /^[a-z][a-z0-9+.-]*:/i.test(input.path))
                continue;
            const path = (0,external_node_path_.resolve)(input.baseDir, input.path);
            if (seen.has(path))
                continue;
            seen.add(path);
            if (!(await (0,store/* exists */.t2)(path))) {
                out.push({
                    message: `input data '${input.path}' does not exist (looked for ${path})`,
                    where: input.where ?? step.node.where,
                    fix: "Fix the path; relative paths resolve against the folder of the YAML file that names them",
                });
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/jobs.js
/**
 * Pipeline jobs on the local workspace: planned from the parsed YAML, run by the local runner
 * (runner/), recorded as JSON in `jobs/<name>/job.json` (atomic writes under the workspace lock),
 * with each step's log, outputs and metrics in `jobs/<name>/steps/<step>/`.
 */














const POLL_MS = 500;
class LocalJobs {
    root;
    running = new Map();
    data;
    cache;
    constructor(root) {
        this.root = root;
        this.data = new DataResolver(root);
        this.cache = new StepCache(root);
    }
    dir(name) {
        return (0,inside/* insideWorkspace */.C)(this.root, "jobs", name);
    }
    /** Validates and plans the job, refuses what cannot run locally, then starts it in this process. */
    async submit(job, options) {
        const plan = this.plan(job);
        const [missing] = await missingLocalData(plan);
        if (missing)
            throw new errors/* UserError */.yo(missing.message, { subject: "pipeline", ...missing.where }, missing.fix);
        const name = newJobName(job.displayName ?? job.experimentName ?? options.experimentName);
        const dir = this.dir(name);
        const record = {
            name,
            displayName: job.displayName,
            experimentName: job.experimentName ?? options.experimentName,
            status: "Running",
            createdAt: new Date().toISOString(),
            metrics: {},
            outputs: {},
            steps: plan.steps.map((s) => ({ name: s.id, status: "NotStarted" })),
            studioUrl: (0,external_node_url_.pathToFileURL)(dir).href,
            file: job.file,
            pid: process.pid,
        };
        await this.save(record);
        (0,crash_point/* crashPoint */.u)("job.recorded");
        const save = coalescingWriter(() => this.save(record, false));
        const controller = new AbortController();
        const entry = { controller, done: Promise.resolve(record) };
        // A cancel request from another process (`cancel()` there) arrives as a file.
        const watcher = setInterval(async () => {
            if (await (0,store/* exists */.t2)((0,external_node_path_.join)(dir, "cancel-requested"))) {
                entry.cancelReason ??= "cancel requested";
                controller.abort();
            }
        }, POLL_MS);
        watcher.unref();
        entry.done = (async () => {
            try {
                const result = await executePlan({
                    root: this.root,
                    jobName: name,
                    jobDir: dir,
                    plan,
                    maxParallel: options.maxParallel ?? (0,external_node_os_.availableParallelism)(),
                    forceRerun: options.forceRerun ?? false,
                    log: options.log,
                    signal: controller.signal,
                    data: this.data,
                    cache: this.cache,
                    onChange: (steps) => {
                        record.steps = steps;
                        void save();
                    },
                });
                Object.assign(record, {
                    status: result.status,
                    steps: result.steps,
                    metrics: result.metrics,
                    outputs: result.outputs,
                    error: result.status === "Canceled" ? (entry.cancelReason ?? "canceled") : result.error,
                });
            }
            catch (error) {
                record.status = "Failed";
                record.error =
                    error instanceof errors/* UserError */.yo ? error.describe() : error instanceof Error ? error.message : String(error);
            }
            finally {
                clearInterval(watcher);
            }
            record.endedAt = new Date().toISOString();
            (0,crash_point/* crashPoint */.u)("job.finished");
            await save();
            await this.save(record);
            return record;
        })();
        this.running.set(name, entry);
        return name;
    }
    async preview(job, _options) {
        const { plan } = (0,pipeline_plan/* planPipeline */.a)(job);
        const refused = [...localRefusals(plan), ...(await missingLocalData(plan))].map((p) => new errors/* UserError */.yo(p.message, p.where, p.fix).describe());
        const uploads = new Set();
        for (const s of plan.steps) {
            if (s.component.code && !s.component.code.includes(":"))
                uploads.add(s.component.code);
            for (const i of Object.values(s.inputs))
                if (i.kind === "data" && !/^[a-z][a-z0-9+.-]*:/i.test(i.path))
                    uploads.add((0,external_node_path_.join)(i.baseDir, i.path));
        }
        const reused = [];
        if (refused.length === 0 && !job.settings.forceRerun) {
            // A step would be reused when its key hits the cache and every step it reads would be reused too.
            const known = new Map();
            const never = new AbortController().signal;
            for (const step of plan.steps) {
                if (!step.component.isDeterministic || step.deps.some((d) => !known.has(d)))
                    continue;
                if (Object.values(step.inputs).some((i) => i.kind === "data" && /^https?:/.test(i.path)))
                    continue;
                const inputs = {};
                try {
                    for (const [n, i] of Object.entries(step.inputs))
                        inputs[n] = await bindInput({ data: this.data, log: silent }, i, known, never);
                }
                catch {
                    continue;
                }
                const hit = await this.cache.get(await stepReuseKey(this.root, step, inputs));
                if (hit) {
                    known.set(step.id, hit.outputs);
                    reused.push(step.id);
                }
            }
        }
        return { reused, refused, uploads: [...uploads] };
    }
    async wait(name, options) {
        const entry = this.running.get(name);
        if (entry)
            return this.waitHere(name, entry, options);
        return this.waitElsewhere(name, options);
    }
    async waitHere(name, entry, options) {
        const onAbort = () => {
            entry.cancelReason ??= "canceled (the run was cancelled)";
            entry.controller.abort();
        };
        options.signal.addEventListener("abort", onAbort, { once: true });
        if (options.signal.aborted)
            onAbort();
        const timer = options.timeoutMs !== undefined
            ? setTimeout(() => {
                options.log.warning(`Job ${name} ran longer than ${Math.round(options.timeoutMs / 60000)} minute(s): cancelling it.`);
                entry.cancelReason ??= `canceled: the timeout of ${options.timeoutMs / 60000} minute(s) was reached`;
                entry.controller.abort();
            }, options.timeoutMs)
            : undefined;
        try {
            return await entry.done;
        }
        finally {
            if (timer)
                clearTimeout(timer);
            options.signal.removeEventListener("abort", onAbort);
            this.running.delete(name);
        }
    }
    /** Attaches to a job started by another process: polls its record until it ends. */
    async waitElsewhere(name, options) {
        const started = Date.now();
        let lastStatus;
        let cancelSent = false;
        for (;;) {
            const record = await this.get(name);
            if (!record) {
                throw new errors/* UserError */.yo(`no job '${name}' in the local workspace (${this.root})`, { subject: "job" }, "Give the jobName a previous submit-pipeline printed");
            }
            if (workspace/* TERMINAL_STATUSES */.C.includes(record.status))
                return record;
            if (record.pid !== process.pid && !jobs_alive(record.pid)) {
                record.status = "Failed";
                record.error = `the runner process (pid ${record.pid}) exited before the job finished`;
                record.endedAt = new Date().toISOString();
                await this.save(record);
                return record;
            }
            const summary = record.steps.map((s) => `${s.name}:${s.status}`).join(" ");
            if (summary !== lastStatus)
                options.log.info(`Job ${name}: ${summary}`);
            lastStatus = summary;
            const timedOut = options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs;
            if ((options.signal.aborted || timedOut) && !cancelSent) {
                await this.cancel(name);
                cancelSent = true;
            }
            await new Promise((r) => setTimeout(r, POLL_MS));
        }
    }
    async get(name) {
        if (!/^[A-Za-z0-9_.-]+$/.test(name))
            return undefined;
        return (0,store/* readJson */.Vh)((0,external_node_path_.join)(this.dir(name), "job.json"));
    }
    async cancel(name) {
        const entry = this.running.get(name);
        if (entry) {
            entry.cancelReason ??= "canceled";
            entry.controller.abort();
            return;
        }
        if (await this.get(name))
            await (0,store/* writeAtomic */.vZ)((0,external_node_path_.join)(this.dir(name), "cancel-requested"), new Date().toISOString());
    }
    /** The plan, or the first problem as a UserError (every problem is in the task's log before that). */
    plan(job) {
        const { plan, problems } = (0,pipeline_plan/* planPipeline */.a)(job);
        if (!problems.empty)
            throw problems.toError();
        const refused = localRefusals(plan);
        if (refused.length > 0) {
            const [first] = refused;
            throw new errors/* UserError */.yo(first.message, { subject: "pipeline", ...first.where }, first.fix);
        }
        return plan;
    }
    /**
     * Writes the job record atomically. The first and last writes take the workspace lock; the
     * status updates in between need only the atomic rename, since a job's folder has exactly one
     * writer (its runner) and the lock costs ~15 ms a write on a busy runner.
     */
    save(record, locked = true) {
        const write = () => (0,store/* writeJson */.GF)((0,external_node_path_.join)(this.dir(record.name), "job.json"), record);
        return locked ? (0,store/* withLock */.kK)(this.root, write) : write();
    }
}
const silent = {
    info() { },
    warning() { },
    error() { },
    debug() { },
    group: (_, fn) => fn(),
    secret() { },
};
/** Serialises writes of a changing record and coalesces bursts: at most one write waiting. */
function coalescingWriter(write) {
    let current;
    let queued;
    return () => {
        if (queued)
            return queued;
        if (!current) {
            current = write().finally(() => {
                current = undefined;
            });
            return current;
        }
        queued = current.then(() => {
            queued = undefined;
            current = write().finally(() => {
                current = undefined;
            });
            return current;
        });
        return queued;
    };
}
function jobs_alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
/** Azure-ML-like job names: readable, sortable by time, unique. */
function newJobName(base) {
    const slug = base
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "_")
        .replace(/^_+|_+$/g, "")
        .slice(0, 40) || "job";
    const t = new Date().toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15);
    return `${slug}_${t}_${(0,external_node_crypto_.randomBytes)(3).toString("hex")}`;
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
