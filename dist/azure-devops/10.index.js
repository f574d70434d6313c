export const id = 10;
export const ids = [10];
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

/***/ 2010:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LocalEndpoints: () => (/* binding */ LocalEndpoints),
  formatTraffic: () => (/* binding */ formatTraffic)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/bundle/errors.js
var errors = __webpack_require__(1746);
// EXTERNAL MODULE: ./build/bundle/names.js
var names = __webpack_require__(8613);
// EXTERNAL MODULE: ./build/bundle/util/crash-point.js
var crash_point = __webpack_require__(9050);
// EXTERNAL MODULE: ./build/bundle/util/credential-env.js
var credential_env = __webpack_require__(8063);
// EXTERNAL MODULE: ./build/bundle/workspace/local/endpoint-names.js
var endpoint_names = __webpack_require__(7348);
// EXTERNAL MODULE: ./build/bundle/workspace/local/inside.js
var inside = __webpack_require__(4871);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./build/bundle/util/python.js
var util_python = __webpack_require__(5482);
;// CONCATENATED MODULE: ./build/bundle/workspace/local/serving/process.js





// Moved to src/util/python.ts so compare-models can run scoring scripts with the same interpreter.

function isAlive(pid) {
    if (!pid)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === "EPERM";
    }
}
/**
 * Whether `pid` is still the server we started (its command line names our script), so a pid
 * the system reused for another program is never signalled. Where /proc is missing (macOS),
 * liveness is the best available answer.
 */
async function isOurs(pid, marker) {
    if (!pid || !isAlive(pid))
        return false;
    try {
        return (await (0,promises_.readFile)(`/proc/${pid}/cmdline`, "utf8")).includes(marker);
    }
    catch (error) {
        if (error.code === "ENOENT" && !(await procMounted()))
            return true;
        return false;
    }
}
async function procMounted() {
    try {
        await (0,promises_.readFile)("/proc/self/cmdline");
        return true;
    }
    catch {
        return false;
    }
}
/** One HTTP request to 127.0.0.1 with a bounded wait; rejects on connection errors. */
function request(port, path, options = {}) {
    return new Promise((resolve, reject) => {
        const body = options.body === undefined ? undefined : Buffer.from(options.body);
        const req = external_node_http_.request({
            host: "127.0.0.1",
            port,
            path,
            method: options.method ?? (body ? "POST" : "GET"),
            headers: {
                ...(body ? { "content-type": "application/json", "content-length": body.length } : {}),
                ...options.headers,
            },
            agent: false,
        }, (res) => {
            const chunks = [];
            res.on("data", (c) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
            res.on("error", reject);
        });
        req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 30_000} ms`)));
        req.on("error", reject);
        req.end(body);
    });
}
/** Health of a server we started: alive, answering /health, and the one we think it is. */
async function checkHealth(server, identity) {
    if (!server?.pid || !server.port)
        return "never started";
    if (!isAlive(server.pid))
        return `process ${server.pid} is gone`;
    try {
        const answer = await request(server.port, "/health", { timeoutMs: 3_000 });
        if (answer.status !== 200)
            return `health check on 127.0.0.1:${server.port} answered ${answer.status}`;
        const body = JSON.parse(answer.body);
        // A reused port or pid must not pass for ours.
        if (body.pid !== server.pid || !identity(body))
            return `127.0.0.1:${server.port} is answered by another process`;
        return undefined;
    }
    catch (error) {
        return `health check on 127.0.0.1:${server.port} failed: ${error.message}`;
    }
}
/** The last lines of a log, for failure messages. */
async function logTail(file, lines = 20) {
    try {
        const text = (await (0,promises_.readFile)(file, "utf8")).trimEnd();
        return text.split("\n").slice(-lines).join("\n");
    }
    catch {
        return "(no log)";
    }
}
/**
 * Starts a detached background server (its own process group, output to a log file) and waits
 * until it listens and answers /health. The server chooses a free port and reports it through
 * the port file, so there is no window in which another process can take the port. On an early
 * exit or a timeout, the error carries the tail of the server's log.
 */
async function startServer(options) {
    await (0,promises_.rm)(options.portFile, { force: true });
    const fd = (0,external_node_fs_.openSync)(options.logFile, "a");
    let exited;
    let child;
    try {
        child = (0,external_node_child_process_.spawn)(options.command, options.args, {
            cwd: options.cwd,
            // Servers run user code (score.py) for as long as the endpoint lives: never with CI credentials.
            env: (0,credential_env/* childEnvironment */.Qc)(options.env ?? process.env),
            detached: true,
            stdio: ["ignore", fd, fd],
        });
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    child.on("error", (error) => {
        exited = error.message;
    });
    child.on("exit", (code, signal) => {
        exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    });
    child.unref();
    const pid = child.pid;
    const deadline = Date.now() + options.timeoutMs;
    const fail = async (why) => {
        if (pid && isAlive(pid))
            await stopServer(pid);
        const tail = await logTail(options.logFile);
        // The first line says what went wrong (usually the exception's last line); the tail follows.
        const last = tail
            .split("\n")
            .filter((l) => l.trim() !== "")
            .at(-1)
            ?.trim();
        const cause = last && last !== "(no log)" ? `: ${last.length > 200 ? `${last.slice(0, 200)}…` : last}` : "";
        throw new Error(`${options.what} ${why}${cause} (log: ${options.logFile})\nLast lines of the log:\n${tail}`);
    };
    if (!pid)
        return fail("could not be started");
    let port;
    for (let wait = 20;; wait = Math.min(wait * 1.5, 250)) {
        if (exited)
            return fail(exited);
        if (options.signal?.aborted)
            return fail("start was cancelled");
        if (Date.now() > deadline)
            return fail(`did not become healthy within ${Math.round(options.timeoutMs / 1000)} s`);
        if (port === undefined) {
            try {
                port = JSON.parse(await (0,promises_.readFile)(options.portFile, "utf8")).port;
            }
            catch {
                // not listening yet
            }
        }
        if (port !== undefined && (await checkHealth({ pid, port }, options.identity)) === undefined)
            return { pid, port };
        await new Promise((r) => setTimeout(r, wait));
    }
}
/** Stops a server and everything it started (its process group): TERM, then KILL after a grace period. */
async function stopServer(pid, graceMs = 5_000) {
    if (!pid || !isAlive(pid))
        return;
    const send = (signal) => {
        try {
            process.kill(-pid, signal);
        }
        catch {
            try {
                process.kill(pid, signal);
            }
            catch {
                // already gone
            }
        }
    };
    send("SIGTERM");
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25));
    if (isAlive(pid)) {
        send("SIGKILL");
        const hard = Date.now() + 2_000;
        while (isAlive(pid) && Date.now() < hard)
            await new Promise((r) => setTimeout(r, 25));
    }
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/serving/router.js
/**
 * The local endpoint's router: a small Node HTTP server on 127.0.0.1 that splits scoring
 * requests between deployments by the endpoint's traffic map, and sends a request carrying the
 * `azureml-model-deployment` header to that deployment directly, as Azure ML's endpoints do.
 * It reads the map from the endpoint's JSON record whenever the file changes, so a traffic
 * change is in force for the very next request. Shipped as a string (run with
 * `process.execPath`) so the dist/ bundles need no extra files.
 *
 * It also copies a share of live requests to the deployments named in the record's
 * `mirrorTraffic` (their answers are discarded, as Azure ML's mirrored traffic), and keeps the
 * last requests it served in memory (deployment, kind, status, whether the answer was JSON,
 * milliseconds), numbered, for `GET /stats?since=N`: deploy-endpoint judges a traffic step by
 * them. In memory only: a restarted router starts a new series (its `pid` says so), and the task
 * treats a series it did not start with as no evidence.
 */
const ROUTER_FILE = "router.mjs";
const ROUTER_REVISION = 2;
const ROUTER_JS = `// Written by mlops-action: the local endpoint router (revision ${ROUTER_REVISION}). Do not edit.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";

const [stateFile, portFile, preferred] = process.argv.slice(2);
const HEADER = "azureml-model-deployment";
let seen = "";
let state = { name: "?", traffic: {}, mirrorTraffic: {}, deployments: {} };
let weights = [];
let current = new Map();
// Per mirrored deployment: accumulated percent; a copy goes out each time it reaches 100 (exact shares).
let mirrorCredit = new Map();
// The last requests served, for GET /stats (bounded: old entries fall off).
const KEEP = 100000;
const records = [];
let seq = 0;
let inflight = 0;

function reload() {
  let st;
  try {
    st = statSync(stateFile);
  } catch {
    return;
  }
  const key = st.mtimeMs + ":" + st.size + ":" + st.ino;
  if (key === seen) return;
  try {
    state = JSON.parse(readFileSync(stateFile, "utf8"));
    seen = key;
  } catch {
    return; // replaced mid-read: the next request reads it again
  }
  const next = Object.entries(state.traffic ?? {}).filter(([, p]) => p > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  if (JSON.stringify(next) !== JSON.stringify(weights)) {
    weights = next;
    current = new Map(next.map(([d]) => [d, 0]));
  }
  const mirror = Object.entries(state.mirrorTraffic ?? {}).filter(([, p]) => p > 0);
  if (JSON.stringify(mirror) !== JSON.stringify([...mirrorCredit.keys()].map((d) => [d, state.mirrorTraffic[d]]))) {
    mirrorCredit = new Map(mirror.map(([d]) => [d, 0]));
  }
}

function mirrorTargets(live) {
  const out = [];
  for (const [d, credit] of mirrorCredit) {
    if (d === live) continue;
    const next = credit + (state.mirrorTraffic?.[d] ?? 0);
    if (next >= 100) {
      mirrorCredit.set(d, next - 100);
      out.push(d);
    } else mirrorCredit.set(d, next);
  }
  return out;
}

function record(deployment, kind, status, body, started, error) {
  let json = false;
  if (status >= 200 && status <= 299) {
    try {
      JSON.parse(body);
      json = true;
    } catch {}
  }
  records.push({ seq: ++seq, deployment, kind, status, ok: json, ms: Number(process.hrtime.bigint() - started) / 1e6, ...(error ? { error } : {}) });
  // Trimmed in chunks: one splice per thousand requests, not a shift of the whole array per request.
  if (records.length >= KEEP + 1000) records.splice(0, records.length - KEEP);
}

function portOf(name) {
  const dep = state.deployments?.[name];
  return dep?.status === "Succeeded" ? dep.server?.port : undefined;
}

// A copy of a live request to a mirrored deployment: answer read, recorded, discarded.
function mirrorTo(name, method, url, headers, body) {
  const port = portOf(name);
  const started = process.hrtime.bigint();
  if (!port) {
    record(name, "mirror", 404, "", started, "no running deployment");
    return;
  }
  inflight++;
  let done = false;
  const finish = (status, text, error) => {
    if (done) return;
    done = true;
    inflight--;
    record(name, "mirror", status, text, started, error);
  };
  const req = http.request({ host: "127.0.0.1", port, method, path: url, headers: { ...headers, host: "127.0.0.1:" + port, "content-length": body.length }, agent: false }, (up) => {
    const chunks = [];
    up.on("data", (c) => chunks.push(c));
    up.on("end", () => finish(up.statusCode ?? 0, Buffer.concat(chunks).toString("utf8")));
    up.on("error", (e) => finish(0, "", e.code ?? e.message));
  });
  req.setTimeout(60000, () => req.destroy(new Error("timed out after 60 s")));
  req.on("error", (e) => finish(0, "", e.code ?? e.message));
  req.end(body);
}

// Smooth weighted round robin: exact shares over every window of 100 requests, no randomness.
function pick() {
  if (weights.length === 0) return undefined;
  let total = 0;
  let best;
  for (const [d, w] of weights) {
    current.set(d, current.get(d) + w);
    total += w;
    if (best === undefined || current.get(d) > current.get(best)) best = d;
  }
  current.set(best, current.get(best) - total);
  return best;
}

const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade"];

function withoutHopByHop(headers) {
  const out = { ...headers };
  for (const h of HOP_BY_HOP) delete out[h];
  return out;
}

function reply(res, status, value, deployment) {
  const body = JSON.stringify(value);
  const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
  if (deployment) headers[HEADER] = deployment;
  res.writeHead(status, headers);
  res.end(body);
}

const server = http.createServer((req, res) => {
  reload();
  if (req.method === "GET" && (req.url === "/health" || req.url === "/")) {
    reply(res, 200, { status: "Healthy", endpoint: state.name, pid: process.pid, revision: ${ROUTER_REVISION}, traffic: state.traffic ?? {} });
    return;
  }
  if (req.method === "GET" && req.url.startsWith("/stats")) {
    const since = Number(new URL(req.url, "http://x").searchParams.get("since") ?? 0) || 0;
    const first = records.length ? records[0].seq : seq + 1;
    reply(res, 200, { pid: process.pid, seq, inflight, complete: since + 1 >= first, records: records.filter((r) => r.seq > since) });
    return;
  }
  const started = process.hrtime.bigint();
  const asked = req.headers[HEADER];
  const direct = typeof asked === "string" && asked !== "";
  const name = direct ? asked : pick();
  const kind = direct ? "direct" : "live";
  if (!name) {
    req.resume();
    reply(res, 503, { message: "endpoint " + state.name + " has no deployment with traffic; set traffic first" });
    return;
  }
  const port = portOf(name);
  if (!port) {
    req.resume();
    record(name, kind, 404, "", started, "no running deployment");
    reply(res, 404, { message: "endpoint " + state.name + " has no running deployment '" + name + "'" }, name);
    return;
  }
  const headers = withoutHopByHop(req.headers);
  headers.host = "127.0.0.1:" + port;
  delete headers[HEADER];
  const mirrors = direct ? [] : mirrorTargets(name);
  const sent = [];
  // A fresh connection per request: no pooled socket the server may be closing at that moment.
  const upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers, agent: false }, (up) => {
    res.writeHead(up.statusCode ?? 502, { ...withoutHopByHop(up.headers), [HEADER]: name });
    const answer = [];
    up.on("data", (c) => answer.push(c));
    up.on("end", () => record(name, kind, up.statusCode ?? 0, Buffer.concat(answer).toString("utf8"), started));
    up.pipe(res);
  });
  upstream.setTimeout(60000, () => upstream.destroy(new Error("timed out after 60 s")));
  upstream.on("error", (error) => {
    record(name, kind, 0, "", started, error.code ?? error.message);
    if (res.headersSent) res.destroy();
    else reply(res, 502, { message: "deployment " + name + " did not answer: " + (error.code ?? error.message) }, name);
  });
  if (mirrors.length > 0) {
    // The body is kept to be sent once more to each mirrored deployment, after the live one has it.
    req.on("data", (c) => sent.push(c));
    req.on("end", () => {
      const body = Buffer.concat(sent);
      delete headers["transfer-encoding"];
      for (const m of mirrors) mirrorTo(m, req.method, req.url, headers, body);
    });
  }
  req.pipe(upstream);
});

function listen(port) {
  server.once("error", (error) => {
    if (port !== 0 && error.code === "EADDRINUSE") listen(0);
    else throw error;
  });
  server.listen(port, "127.0.0.1", () => {
    const tmp = portFile + ".tmp-" + process.pid;
    writeFileSync(tmp, JSON.stringify({ pid: process.pid, port: server.address().port }));
    renameSync(tmp, portFile);
    console.log(new Date().toISOString() + " router for " + state.name + " on 127.0.0.1:" + server.address().port);
  });
}

reload();
// Keep serving the previous scoring URI after a restart when its port is still free.
listen(Number(preferred) || 0);

// The router must not outlive its endpoint record (endpoint deleted, workspace folder removed).
setInterval(() => {
  if (!existsSync(stateFile)) {
    console.log(new Date().toISOString() + " exiting: " + stateFile + " is gone");
    process.exit(0);
  }
}, 2000).unref();
process.on("SIGTERM", () => process.exit(0));
`;

;// CONCATENATED MODULE: ./build/bundle/workspace/local/serving/score-server.js
/**
 * The scoring server every local deployment runs: a small Python HTTP server that loads the
 * user's score.py with the contract Azure ML uses (init() once, run(raw_data) per request,
 * AZUREML_MODEL_DIR pointing at the model folder). It ships as a string so the dist/ bundles
 * need no extra files; the backend writes it into the workspace before starting a deployment.
 * Python's standard library only: it must run wherever python3 does.
 */
const SCORE_SERVER_FILE = "score_server.py";
/** Bumped whenever the server text changes, so a workspace rewrites its copy. */
const SCORE_SERVER_REVISION = 2;
const SCORE_SERVER_PY = `# Written by mlops-action: the local scoring server (revision ${SCORE_SERVER_REVISION}). Do not edit.
import argparse
import importlib.util
import json
import os
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def parse_args():
    p = argparse.ArgumentParser(description="mlops-action local scoring server")
    p.add_argument("--code-dir", required=True)
    p.add_argument("--script", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--watch", help="exit when this path disappears (the workspace was removed)")
    return p.parse_args()


def watch(path):
    # A deployment must not outlive its workspace folder (a deleted checkout or temp dir).
    while True:
        time.sleep(2)
        if not os.path.exists(path):
            print("exiting: " + path + " is gone", flush=True)
            os._exit(0)


def load_script(code_dir, script):
    # Azure ML imports the entry script with its code folder first on sys.path.
    sys.path.insert(0, code_dir)
    os.chdir(code_dir)
    spec = importlib.util.spec_from_file_location("score", os.path.join(code_dir, script))
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module
    spec.loader.exec_module(module)
    if not callable(getattr(module, "run", None)):
        raise RuntimeError(script + " defines no run(raw_data) function")
    return module


def where(error, code_dir):
    # file:line of a start failure, for the one line the task reports: a syntax error's own
    # position, else the innermost frame in the user's code (init() raising, a bad import).
    if isinstance(error, SyntaxError) and error.filename:
        return "%s:%s" % (error.filename, error.lineno)
    frames = traceback.extract_tb(error.__traceback__)
    mine = [f for f in frames if os.path.abspath(f.filename).startswith(os.path.abspath(code_dir) + os.sep)]
    frame = (mine or frames or [None])[-1]
    return "%s:%s" % (frame.filename, frame.lineno) if frame else ""


def write_port_file(path, port):
    tmp = path + ".tmp-" + str(os.getpid())
    with open(tmp, "w") as f:
        json.dump({"pid": os.getpid(), "port": port}, f)
    os.replace(tmp, path)


def main():
    args = parse_args()
    print("loading " + args.script + " from " + args.code_dir, flush=True)
    print("AZUREML_MODEL_DIR=" + os.environ.get("AZUREML_MODEL_DIR", ""), flush=True)
    try:
        module = load_script(args.code_dir, args.script)
        if callable(getattr(module, "init", None)):
            module.init()
    except BaseException as error:
        print("init failed:", file=sys.stderr, flush=True)
        traceback.print_exc()
        at = where(error, args.code_dir)
        detail = error.msg if isinstance(error, SyntaxError) else str(error)
        print((at + ": " if at else "") + type(error).__name__ + ": " + detail, file=sys.stderr, flush=True)
        sys.exit(3)
    run = module.run
    # User scripts are rarely thread-safe: one run() at a time, as one worker would.
    run_lock = threading.Lock()
    name = args.name

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def send_json(self, status, value):
            body = json.dumps(value).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("azureml-model-deployment", name)
            self.end_headers()
            self.wfile.write(body)

        def read_body(self):
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                chunks = []
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        # the trailer section ends with an empty line
                        while self.rfile.readline() not in (b"\\r\\n", b"\\n", b""):
                            pass
                        return b"".join(chunks)
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def do_GET(self):
            if self.path in ("/", "/health"):
                self.send_json(200, {"status": "Healthy", "deployment": name, "pid": os.getpid()})
            else:
                self.send_json(404, {"message": "not found: " + self.path})

        def do_POST(self):
            raw = self.read_body()
            if self.path != "/score":
                self.send_json(404, {"message": "not found: " + self.path})
                return
            try:
                data = raw.decode("utf-8")
            except UnicodeDecodeError:
                self.send_json(400, {"message": "request body is not UTF-8"})
                return
            try:
                with run_lock:
                    result = run(data)
                body = json.dumps(result)
            except BaseException as error:
                traceback.print_exc()
                sys.stderr.flush()
                self.send_json(500, {"message": "run() raised " + type(error).__name__ + ": " + str(error)})
                return
            encoded = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(encoded)))
            self.send_header("azureml-model-deployment", name)
            self.end_headers()
            self.wfile.write(encoded)

        def log_message(self, fmt, *a):
            sys.stdout.write("%s %s\\n" % (self.log_date_time_string(), fmt % a))
            sys.stdout.flush()

    if args.watch:
        threading.Thread(target=watch, args=(args.watch,), daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    write_port_file(args.port_file, server.server_address[1])
    print("serving " + name + " on 127.0.0.1:" + str(server.server_address[1]), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
`;

// EXTERNAL MODULE: ./build/bundle/workspace/local/store.js
var store = __webpack_require__(6358);
;// CONCATENATED MODULE: ./build/bundle/workspace/local/endpoints.js



// Endpoint and deployment names as Azure ML accepts them, so a name that works here works there.









// Not copied with a deployment's code: version control, dependencies and the workspace itself.
const SKIPPED_DIRS = new Set([".git", "node_modules", ".mlops", "__pycache__", ".venv"]);
/**
 * Local online endpoints. Each deployment is a detached Python process serving the user's
 * score.py on 127.0.0.1; the endpoint is a detached Node router that splits requests by the
 * traffic map. The record `endpoints/<name>.json` (schema-versioned, written atomically under
 * the workspace lock) holds pids, ports and the traffic map; the router reads it on change.
 */
class LocalEndpoints {
    startTimeoutMs;
    root;
    constructor(root, options = {}) {
        // Servers run in other folders: every path they get must be absolute.
        this.root = (0,external_node_path_.resolve)(root);
        this.startTimeoutMs = options.startTimeoutMs ?? 120_000;
    }
    recordFile(name) {
        return (0,inside/* insideWorkspace */.C)(this.root, "endpoints", `${name}.json`);
    }
    endpointDir(name) {
        return (0,inside/* insideWorkspace */.C)(this.root, "endpoints", name);
    }
    deploymentDir(endpoint, deployment) {
        return (0,inside/* insideWorkspace */.C)(this.endpointDir(endpoint), "deployments", deployment);
    }
    read(name) {
        return (0,store/* readJson */.Vh)(this.recordFile(name));
    }
    /** Read-modify-write of one endpoint record under the workspace lock. */
    update(name, fn) {
        return (0,store/* withLock */.kK)(this.root, async () => {
            const [rec, out] = await fn(await this.read(name));
            await (0,store/* writeJson */.GF)(this.recordFile(name), rec);
            return out;
        });
    }
    /** Writes the shipped server scripts into the workspace (rewritten when this build's text differs). */
    async script(file, text) {
        const path = (0,external_node_path_.join)(this.root, "serving", file);
        const current = await readFileOrEmpty(path);
        if (current !== text)
            await (0,store/* writeAtomic */.vZ)(path, text);
        return path;
    }
    async routerHealth(rec) {
        return checkHealth(rec.router, (b) => b.endpoint === rec.name);
    }
    async deploymentHealth(dep) {
        return checkHealth(dep.server, (b) => b.deployment === dep.name);
    }
    async state(rec) {
        const routerProblem = await this.routerHealth(rec);
        const deployments = await Promise.all(Object.values(rec.deployments).map(async (d) => {
            const state = { name: d.name, model: d.model, status: d.status };
            if (d.server)
                state.url = `http://127.0.0.1:${d.server.port}/score`;
            if (d.status === "Failed")
                state.error = d.error;
            if (d.status === "Succeeded") {
                const problem = await this.deploymentHealth(d);
                if (problem) {
                    state.status = "Failed";
                    state.error = `${problem} (log: ${d.log})`;
                }
            }
            return state;
        }));
        const out = {
            name: rec.name,
            scoringUri: rec.router ? `http://127.0.0.1:${rec.router.port}/score` : "",
            traffic: { ...rec.traffic },
            mirrorTraffic: { ...(rec.mirrorTraffic ?? {}) },
            deployments,
        };
        if (routerProblem)
            out.error = `router ${routerProblem} (log: ${(0,external_node_path_.join)(this.endpointDir(rec.name), "router.log")})`;
        return out;
    }
    async get(name) {
        const rec = await this.read(name);
        return rec ? this.state(rec) : undefined;
    }
    async list() {
        const names = (await (0,store/* listDir */.ol)((0,external_node_path_.join)(this.root, "endpoints")))
            .filter((f) => f.endsWith(".json"))
            .map((f) => f.slice(0, -5));
        const out = [];
        for (const n of names) {
            const state = await this.get(n);
            if (state)
                out.push(state);
        }
        return out;
    }
    async ensure(name, log) {
        (0,names/* checkName */.I3)("endpoint", name, "endpoint");
        const routerScript = await this.script(ROUTER_FILE, ROUTER_JS);
        await (0,promises_.mkdir)(this.endpointDir(name), { recursive: true });
        // The router is started under the lock so two runs never start two routers for one endpoint.
        const rec = await (0,store/* withLock */.kK)(this.root, async () => {
            let rec = await this.read(name);
            if (!rec) {
                await (0,endpoint_names/* refuseOtherKind */.R)(this.root, name, "online");
                rec = { name, createdAt: new Date().toISOString(), traffic: {}, deployments: {} };
                await (0,store/* writeJson */.GF)(this.recordFile(name), rec);
                (0,crash_point/* crashPoint */.u)("endpoint.recorded");
                log.info(`Created local endpoint ${name}`);
            }
            const problem = await this.routerHealth(rec);
            // A router an older build started lacks what this one needs (mirroring, request records).
            const outdated = !problem && (await checkHealth(rec.router, (b) => b.revision === ROUTER_REVISION)) !== undefined;
            if (!problem && !outdated)
                return rec;
            if (rec.router) {
                if (outdated)
                    log.info(`Endpoint ${name}: restarting its router, started by an older mlops-action.`);
                else
                    log.warning(`Endpoint ${name}: router ${problem}; starting it again.`);
                if (await isOurs(rec.router.pid, ROUTER_FILE))
                    await stopServer(rec.router.pid);
            }
            const dir = this.endpointDir(name);
            const server = await startServer({
                command: process.execPath,
                args: [routerScript, this.recordFile(name), (0,external_node_path_.join)(dir, "router.port.json"), String(rec.router?.port ?? 0)],
                cwd: dir,
                logFile: (0,external_node_path_.join)(dir, "router.log"),
                portFile: (0,external_node_path_.join)(dir, "router.port.json"),
                identity: (b) => b.endpoint === name,
                timeoutMs: 30_000,
                what: `the router of endpoint ${name}`,
            });
            rec.router = server;
            await (0,store/* writeJson */.GF)(this.recordFile(name), rec);
            log.info(`Endpoint ${name} listens on http://127.0.0.1:${server.port}/score (router pid ${server.pid})`);
            return rec;
        });
        return this.state(rec);
    }
    async createDeployment(endpoint, deployment, log) {
        const { name } = deployment;
        (0,names/* checkName */.I3)("deployment", name, "deployment");
        const codeDir = (0,external_node_path_.resolve)(deployment.codeDir);
        const script = (0,external_node_path_.relative)(codeDir, (0,external_node_path_.resolve)(deployment.scoringScript));
        if (script.startsWith("..") || (0,external_node_path_.isAbsolute)(script)) {
            throw new errors/* UserError */.yo(`scoring script ${deployment.scoringScript} is outside the code folder ${codeDir}`, { subject: "scoringScript" }, "Put score.py inside the folder shipped with it");
        }
        const modelPath = (0,external_node_path_.resolve)(deployment.model.uri);
        const modelIsFile = (await (0,promises_.stat)(modelPath).catch(() => undefined))?.isFile() ?? false;
        // Azure ML sets AZUREML_MODEL_DIR to the folder holding the model's files.
        const modelDir = modelIsFile ? (0,external_node_path_.dirname)(modelPath) : modelPath;
        const dir = this.deploymentDir(endpoint, name);
        const logFile = (0,external_node_path_.join)(dir, "server.log");
        const modelRef = `${deployment.model.name}:${deployment.model.version}`;
        await this.update(endpoint, async (rec) => {
            if (!rec)
                throw new Error(`endpoint ${endpoint} does not exist; ensure it first`);
            if (rec.deployments[name]) {
                throw new errors/* UserError */.yo(`deployment ${name} already exists on endpoint ${endpoint}`, { subject: "deployment" }, "Choose another deployment name");
            }
            rec.deployments[name] = {
                name,
                model: modelRef,
                status: "Creating",
                script,
                modelDir,
                log: logFile,
                createdAt: new Date().toISOString(),
            };
            return [rec, undefined];
        });
        (0,crash_point/* crashPoint */.u)("deployment.recorded");
        try {
            // The deployment serves a snapshot of the code, so later edits in the checkout cannot change it.
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            await (0,promises_.mkdir)(dir, { recursive: true });
            await copyTree(codeDir, (0,external_node_path_.join)(dir, "code"), (path, name) => SKIPPED_DIRS.has(name) || path === this.root);
            const serverScript = await this.script(SCORE_SERVER_FILE, SCORE_SERVER_PY);
            const python = await (0,util_python/* resolvePython */.L)();
            log.info(`Starting deployment ${name} of ${modelRef} (${python} ${script}, AZUREML_MODEL_DIR=${modelDir})`);
            const started = Date.now();
            // CI credentials must not live on in a background server that runs user code.
            const env = (0,credential_env/* childEnvironment */.Qc)(process.env);
            const server = await startServer({
                command: python,
                args: [
                    serverScript,
                    "--code-dir",
                    (0,external_node_path_.join)(dir, "code"),
                    "--script",
                    script,
                    "--name",
                    name,
                    "--port-file",
                    (0,external_node_path_.join)(dir, "port.json"),
                    "--watch",
                    dir,
                ],
                env: { ...env, AZUREML_MODEL_DIR: modelDir, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" },
                cwd: (0,external_node_path_.join)(dir, "code"),
                logFile,
                portFile: (0,external_node_path_.join)(dir, "port.json"),
                identity: (b) => b.deployment === name,
                timeoutMs: deployment.startTimeoutMs ?? this.startTimeoutMs,
                what: `deployment ${name}`,
            });
            log.info(`Deployment ${name} is healthy on 127.0.0.1:${server.port} (pid ${server.pid}) after ${Date.now() - started} ms`);
            return await this.update(endpoint, async (rec) => {
                if (!rec?.deployments[name])
                    throw new Error(`deployment ${name} was removed while it started`);
                Object.assign(rec.deployments[name], { status: "Succeeded", server });
                return [
                    rec,
                    { name, model: modelRef, status: "Succeeded", url: `http://127.0.0.1:${server.port}/score` },
                ];
            });
        }
        catch (error) {
            // The server runs a copy of the code: report the user's own file (file:line of a syntax error).
            if (error instanceof Error)
                error.message = error.message.split((0,external_node_path_.join)(dir, "code")).join(codeDir);
            const message = error instanceof Error ? error.message : String(error);
            await this.update(endpoint, async (rec) => {
                if (!rec)
                    throw error;
                if (rec.deployments[name])
                    Object.assign(rec.deployments[name], {
                        status: "Failed",
                        error: message.split("\n")[0],
                    });
                return [rec, undefined];
            }).catch(() => { });
            throw error;
        }
    }
    async setTraffic(endpoint, traffic, log) {
        const rec = await this.update(endpoint, async (rec) => {
            if (!rec)
                throw new Error(`endpoint ${endpoint} does not exist`);
            let sum = 0;
            for (const [d, p] of Object.entries(traffic)) {
                if (!rec.deployments[d])
                    throw new Error(`endpoint ${endpoint} has no deployment ${d}`);
                if (p > 0 && rec.deployments[d].status !== "Succeeded") {
                    throw new Error(`deployment ${d} is ${rec.deployments[d].status}: it cannot take traffic`);
                }
                if (!Number.isInteger(p) || p < 0 || p > 100)
                    throw new Error(`traffic for ${d} must be a whole percent, got ${p}`);
                // As Azure ML: a deployment takes live traffic or mirrored traffic, not both.
                if (p > 0 && (rec.mirrorTraffic?.[d] ?? 0) > 0)
                    throw new Error(`deployment ${d} receives mirrored traffic: set its mirror share to 0 first`);
                sum += p;
            }
            if (sum !== 100 && sum !== 0)
                throw new Error(`traffic must add up to 100 (or 0), got ${sum}`);
            rec.traffic = { ...traffic };
            return [rec, rec];
        });
        log.info(`Endpoint ${endpoint} traffic: ${formatTraffic(traffic)}`);
        return this.state(rec);
    }
    async setMirror(endpoint, mirror, log) {
        const rec = await this.update(endpoint, async (rec) => {
            if (!rec)
                throw new Error(`endpoint ${endpoint} does not exist`);
            let sum = 0;
            for (const [d, p] of Object.entries(mirror)) {
                if (!rec.deployments[d])
                    throw new Error(`endpoint ${endpoint} has no deployment ${d}`);
                if (!Number.isInteger(p) || p < 0 || p > 50)
                    throw new Error(`mirror share for ${d} must be 0 to 50, got ${p}`);
                if (p > 0 && (rec.traffic[d] ?? 0) > 0)
                    throw new Error(`deployment ${d} has live traffic: it cannot receive mirrored traffic too`);
                sum += p;
            }
            if (sum > 50)
                throw new Error(`mirrored traffic must add up to at most 50, got ${sum}`);
            rec.mirrorTraffic = Object.fromEntries(Object.entries(mirror).filter(([, p]) => p > 0));
            return [rec, rec];
        });
        log.info(`Endpoint ${endpoint} mirrored traffic: ${formatTraffic(rec.mirrorTraffic ?? {})}`);
        return this.state(rec);
    }
    async served(endpoint, since = 0) {
        const rec = await this.read(endpoint);
        if (!rec?.router)
            throw new Error(`endpoint ${endpoint} has no router`);
        const answer = await request(rec.router.port, `/stats?since=${since}`, { timeoutMs: 10_000 });
        if (answer.status !== 200)
            throw new Error(`the router of ${endpoint} answered ${answer.status} for its records`);
        const body = JSON.parse(answer.body);
        if (body.pid !== rec.router.pid)
            throw new Error(`127.0.0.1:${rec.router.port} is not the router of ${endpoint}`);
        return {
            source: String(body.pid),
            seq: body.seq,
            inflight: body.inflight,
            complete: body.complete,
            records: body.records,
        };
    }
    async deleteDeployment(endpoint, deployment, log) {
        const dep = await (0,store/* withLock */.kK)(this.root, async () => {
            const rec = await this.read(endpoint);
            const dep = rec?.deployments[deployment];
            if (!rec || !dep)
                return undefined;
            if ((rec.traffic[deployment] ?? 0) > 0) {
                throw new Error(`deployment ${deployment} still has ${rec.traffic[deployment]}% of endpoint ${endpoint}'s traffic`);
            }
            dep.status = "Deleting";
            await (0,store/* writeJson */.GF)(this.recordFile(endpoint), rec);
            return dep;
        });
        if (!dep)
            return;
        if (await isOurs(dep.server?.pid, SCORE_SERVER_FILE))
            await stopServer(dep.server?.pid);
        await (0,promises_.rm)(this.deploymentDir(endpoint, deployment), { recursive: true, force: true });
        await this.update(endpoint, async (rec) => {
            if (!rec)
                throw new Error(`endpoint ${endpoint} disappeared`);
            delete rec.deployments[deployment];
            if (rec.traffic[deployment] === 0)
                delete rec.traffic[deployment];
            if (rec.mirrorTraffic)
                delete rec.mirrorTraffic[deployment];
            return [rec, undefined];
        });
        log.info(`Deleted deployment ${deployment} from endpoint ${endpoint}`);
    }
    async invoke(endpoint, body, deployment) {
        const rec = await this.read(endpoint);
        if (!rec)
            throw new Error(`endpoint ${endpoint} does not exist`);
        if (!rec.router)
            throw new Error(`endpoint ${endpoint} has no router; run deploy-endpoint to start it`);
        try {
            const answer = await request(rec.router.port, "/score", {
                body,
                headers: deployment ? { "azureml-model-deployment": deployment } : {},
                timeoutMs: 60_000,
            });
            const by = answer.headers["azureml-model-deployment"];
            return { status: answer.status, body: answer.body, deployment: typeof by === "string" ? by : undefined };
        }
        catch (error) {
            const problem = (await this.routerHealth(rec)) ?? error.message;
            const tail = await logTail((0,external_node_path_.join)(this.endpointDir(endpoint), "router.log"), 5);
            throw new Error(`endpoint ${endpoint} did not answer: router ${problem}. Last lines of its log:\n${tail}`);
        }
    }
    async delete(name, log) {
        const rec = await this.read(name);
        if (!rec)
            return;
        for (const dep of Object.values(rec.deployments)) {
            if (await isOurs(dep.server?.pid, SCORE_SERVER_FILE))
                await stopServer(dep.server?.pid);
        }
        if (await isOurs(rec.router?.pid, ROUTER_FILE))
            await stopServer(rec.router?.pid);
        await (0,store/* withLock */.kK)(this.root, async () => {
            await (0,promises_.rm)(this.recordFile(name), { force: true });
            await (0,promises_.rm)(this.endpointDir(name), { recursive: true, force: true });
        });
        log.info(`Deleted endpoint ${name} and its ${Object.keys(rec.deployments).length} deployment(s)`);
    }
}
function formatTraffic(traffic) {
    const entries = Object.entries(traffic);
    return entries.length ? entries.map(([d, p]) => `${d}=${p}%`).join(", ") : "(none)";
}
/**
 * Copies a code folder, leaving out what `skip` names. Hand-written because fs.cp refuses a
 * destination inside the source, which is the case when score.py sits at the checkout's root
 * beside the workspace folder.
 */
async function copyTree(src, dest, skip) {
    await (0,promises_.mkdir)(dest, { recursive: true });
    for (const entry of await (0,promises_.readdir)(src, { withFileTypes: true })) {
        const from = (0,external_node_path_.join)(src, entry.name);
        const to = (0,external_node_path_.join)(dest, entry.name);
        if (skip(from, entry.name))
            continue;
        if (entry.isDirectory())
            await copyTree(from, to, skip);
        else if (entry.isSymbolicLink())
            await (0,promises_.symlink)(await (0,promises_.readlink)(from), to);
        else if (entry.isFile())
            await (0,promises_.copyFile)(from, to);
    }
}
async function readFileOrEmpty(path) {
    return (await (0,store/* exists */.t2)(path)) ? (0,promises_.readFile)(path, "utf8") : "";
}


/***/ })

};
