export const id = 916;
export const ids = [916,5];
export const modules = {

/***/ 66770:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J6: () => (/* binding */ AUTOML_DATA_KEYS),
/* harmony export */   uR: () => (/* binding */ automlComponent)
/* harmony export */ });
/* unused harmony export AUTOML_TASKS */
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(95854);

const isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/** The node keys that take data: bound like inputs (`${{parent...}}` or `{type, path}`). */
const AUTOML_DATA_KEYS = ["training_data", "validation_data", "test_data"];
/** The tasks of the AutoML job schemas (azure-ai-ml `TaskType`), as written in YAML. */
const AUTOML_TASKS = [
    "classification",
    "regression",
    "forecasting",
    "image_classification",
    "image_classification_multilabel",
    "image_object_detection",
    "image_instance_segmentation",
    "text_classification",
    "text_classification_multilabel",
    "text_ner",
];
/** AutoML always produces its best model; pipelines bind it as `outputs.best_model`. */
const BEST_MODEL = "best_model";
/**
 * The synthetic component behind an AutoML node: its data keys as inputs, `best_model` (and any
 * declared output) as outputs. `path` is the node's position; `report` records a problem there.
 */
function automlComponent(v, path, where, report) {
    const name = String(path.at(-1));
    const task = v.task;
    if (typeof task !== "string") {
        report(`automl job '${name}' has no task`, path, `Set \`task:\` to one of ${AUTOML_TASKS.join(", ")}`);
    }
    else if (!AUTOML_TASKS.includes(task)) {
        report(`automl task '${task}' is not known`, [...path, "task"], (0,_suggest_js__WEBPACK_IMPORTED_MODULE_0__/* .suggestion */ .h)(task, AUTOML_TASKS));
    }
    if (v.training_data === undefined) {
        report(`automl job '${name}' has no training_data`, path, "Set `training_data: ${{parent.inputs.<mltable input>}}` (or a job output of type mltable)");
    }
    if (v.search_space !== undefined && !Array.isArray(v.search_space) && !isObj(v.search_space)) {
        report("automl search_space is not a list of mappings", [...path, "search_space"], "Write `- name: {type: choice, values: [...]}`");
    }
    const inputs = {};
    for (const k of AUTOML_DATA_KEYS) {
        if (v[k] !== undefined)
            inputs[k] = { type: "mltable", optional: k !== "training_data", inferred: true, where };
    }
    const outputs = { [BEST_MODEL]: { type: "mlflow_model", where } };
    for (const [k, o] of Object.entries(isObj(v.outputs) ? v.outputs : {})) {
        const type = isObj(o) && typeof o.type === "string" ? o.type : k === BEST_MODEL ? "mlflow_model" : "uri_folder";
        outputs[k] = { type: type, where };
    }
    return {
        origin: { kind: "inline" },
        type: "automl",
        environmentVariables: {},
        inputs,
        outputs,
        isDeterministic: true,
        raw: v,
        where,
    };
}


/***/ }),

/***/ 2919:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Of: () => (/* binding */ sparkEntry),
/* harmony export */   ZF: () => (/* binding */ SPARK_COMPONENT_KEYS),
/* harmony export */   iw: () => (/* binding */ SPARK_NODE_KEYS),
/* harmony export */   qg: () => (/* binding */ SPARK_RUN_FIELDS),
/* harmony export */   s3: () => (/* binding */ inlineSparkComponent)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _references_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63743);
/**
 * Spark nodes and components (`type: spark`). They run on Azure ML only (serverless Spark or an
 * attached Synapse pool). A spark job written inline in the pipeline becomes an anonymous spark
 * component, as azure-ai-ml makes it: its code, entry, files, conf and args go into the component,
 * its inputs and outputs are declared from what the node binds them to.
 */


const isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/** What a spark job or component runs: the fields its component holds and its node repeats. */
const SPARK_RUN_FIELDS = ["entry", "py_files", "jars", "files", "archives", "conf", "args"];
/** Keys of a spark component file (sparkComponent.schema.json). */
const SPARK_COMPONENT_KEYS = [
    "$schema",
    "name",
    "version",
    "display_name",
    "description",
    "tags",
    "type",
    "inputs",
    "outputs",
    "code",
    "environment",
    "is_deterministic",
    "properties",
    "additional_includes",
    ...SPARK_RUN_FIELDS,
    "driver_cores",
    "driver_memory",
    "executor_cores",
    "executor_memory",
    "executor_instances",
    "dynamic_allocation_enabled",
    "dynamic_allocation_min_executors",
    "dynamic_allocation_max_executors",
];
/** Keys of a spark node in a pipeline (inline or with `component:`). */
const SPARK_NODE_KEYS = [
    "$schema",
    "type",
    "name",
    "display_name",
    "description",
    "tags",
    "properties",
    "experiment_name",
    "inputs",
    "outputs",
    "compute",
    "identity",
    "resources",
    "component",
    "code",
    "environment",
    ...SPARK_RUN_FIELDS,
];
/** The anonymous spark component an inline spark node implies (code resolved against `baseDir`). */
function inlineSparkComponent(v, baseDir, where) {
    const raw = { type: "spark" };
    let code;
    if (typeof v.code === "string") {
        code = (0,_references_js__WEBPACK_IMPORTED_MODULE_1__/* .isRemoteCode */ .u$)(v.code) ? v.code : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(baseDir, v.code.replace(/^file:/, ""));
        raw.code = code;
    }
    for (const k of ["environment", ...SPARK_RUN_FIELDS])
        if (v[k] !== undefined)
            raw[k] = v[k];
    const inputs = {};
    for (const k of Object.keys(isObj(v.inputs) ? v.inputs : {}))
        inputs[k] = { type: "string", optional: false, inferred: true, where };
    const outputs = {};
    for (const [k, o] of Object.entries(isObj(v.outputs) ? v.outputs : {})) {
        const type = isObj(o) && typeof o.type === "string" ? o.type : "uri_folder";
        outputs[k] = { type, ...(isObj(o) && typeof o.mode === "string" ? { mode: o.mode } : {}), where };
    }
    // Declared inline: the compiler takes the types from the bindings (contract/wire/pipeline-job.ts inferredDecl).
    raw.inputs = Object.fromEntries(Object.keys(inputs).map((k) => [k, {}]));
    raw.outputs = {};
    return {
        origin: { kind: "inline" },
        type: "spark",
        code,
        environment: v.environment,
        environmentVariables: {},
        inputs,
        outputs,
        isDeterministic: true,
        raw,
        where,
    };
}
/** A spark entry as the REST API types it: a Python file or a JVM class. */
function sparkEntry(entry) {
    if (!isObj(entry))
        return entry;
    if (typeof entry.file === "string")
        return { file: entry.file, spark_job_entry_type: "SparkJobPythonEntry" };
    if (typeof entry.class_name === "string")
        return { class_name: entry.class_name, spark_job_entry_type: "SparkJobScalaEntry" };
    return entry;
}


/***/ }),

/***/ 95854:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ suggestion),
/* harmony export */   k: () => (/* binding */ closest)
/* harmony export */ });
/** "Did you mean" for misspelled keys, names and references. */
function distance(a, b) {
    const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = up;
        }
    }
    return prev[b.length];
}
/** The closest candidate within a third of the word's length (at least 2 edits), if any. */
function closest(word, candidates) {
    let best;
    let bestD = Number.POSITIVE_INFINITY;
    const lower = word.toLowerCase();
    for (const c of candidates) {
        const d = distance(lower, c.toLowerCase());
        if (d < bestD) {
            best = c;
            bestD = d;
        }
    }
    return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
/** "Did you mean 'x'?" or a list of what is allowed. */
function suggestion(word, candidates, what = "one of") {
    const near = closest(word, candidates);
    if (near)
        return `Did you mean '${near}'?`;
    if (candidates.length === 0)
        return "Remove it";
    return `Use ${what}: ${candidates.join(", ")}`;
}


/***/ }),

/***/ 28239:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   KM: () => (/* binding */ sparkline),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/** Small Markdown builders shared by job summaries and PR comments. */
/**
 * Escapes a cell so data cannot break the table: a backslash first (so `a\|b` does not turn the
 * escape of its pipe into a literal backslash and a bare pipe), then pipes; a line break, which
 * would end the row, becomes `<br>`.
 */
function cell(value) {
    return String(value ?? "")
        .replace(/\\/g, "\\\\")
        .replace(/\|/g, "\\|")
        .replace(/\r\n|\r|\n/g, "<br>");
}
/** A Markdown table; every header and cell goes through `cell`. The one way tables are built. */
function table(header, rows) {
    const lines = [`| ${header.map(cell).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
    for (const row of rows)
        lines.push(`| ${row.map(cell).join(" | ")} |`);
    return lines.join("\n");
}
/** A number for a report: up to 4 significant digits, no exponent for ordinary magnitudes. */
function num(value) {
    if (value === undefined || Number.isNaN(value))
        return "–";
    if (!Number.isFinite(value))
        return value > 0 ? "∞" : "-∞";
    if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3))
        return value.toExponential(2);
    return String(Number(value.toPrecision(4)));
}
const BARS = "▁▂▃▄▅▆▇█";
/** A one-line histogram (sparkline) of counts, for comparing distributions in a table cell. */
function sparkline(counts) {
    const max = Math.max(...counts, 0);
    if (max === 0)
        return "";
    return counts.map((c) => BARS[Math.min(BARS.length - 1, Math.floor((c / max) * (BARS.length - 1)))]).join("");
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}


/***/ }),

/***/ 13693:
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

/***/ 77379:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseArmError),
/* harmony export */   M: () => (/* binding */ armUserError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91746);

/** The `error` object of an ARM error response, or of an MLflow / Entra ID error, when the body holds one. */
function parseArmError(text) {
    if (!text)
        return undefined;
    try {
        const body = JSON.parse(text);
        if (body.error && typeof body.error === "object")
            return body.error;
        if (typeof body.error === "string")
            return { code: body.error, message: body.error_description };
        if (body.error_code)
            return { code: body.error_code, message: body.message };
    }
    catch {
        /* not JSON */
    }
    return undefined;
}
/** The built-in role that grants an ARM action on a workspace, for the AuthorizationFailed hint. */
function roleFor(action) {
    // Creating or deleting the workspace itself, or its computes, is beyond the data scientist role.
    if (/\/workspaces\/(write|delete)$/i.test(action))
        return "Contributor";
    if (/\/computes\//i.test(action))
        return "AzureML Compute Operator";
    // Jobs, data, models, code, environments, endpoints, datastore secrets.
    return "AzureML Data Scientist";
}
/**
 * One line from an ARM error: what was asked, the service's code, message and target, and what
 * the user can do about it.
 */
function armUserError(what, status, error, scope, retry) {
    const code = error?.code ?? (status ? `HTTP ${status}` : "Error");
    const message = (error?.message ?? "no message").replace(/\s+/g, " ").trim();
    const target = error?.target ? ` (target: ${error.target})` : "";
    const detail = error?.details?.[0]?.message ? ` ${error.details[0].message}` : "";
    const text = `${what} failed: ${code}: ${message}${target}${detail}`.replace(/\.\s*$/, "");
    const throttled = throttling(what, code, message, status, retry);
    if (throttled)
        return throttled;
    let fix;
    if (code === "AuthorizationFailed") {
        const action = /action '([^']+)'/.exec(message)?.[1] ?? "";
        const role = roleFor(action);
        const principal = /client '([^']+)'/.exec(message)?.[1] ?? "<clientId>";
        fix = `Grant the signed-in identity the '${role}' role on the workspace: az role assignment create --assignee ${principal} --role "${role}" --scope ${scope.resourceId}`;
    }
    else if (status === 401 || /InvalidAuthenticationToken|ExpiredAuthenticationToken/.test(code)) {
        fix = "Sign in again and check that tenantId and the cloud match the subscription";
    }
    else if (/ResourceGroupNotFound/.test(code)) {
        fix = "Check the input 'resourceGroup'";
    }
    else if (/SubscriptionNotFound|InvalidSubscriptionId/.test(code)) {
        fix = "Check the input 'subscriptionId' and that the identity can see that subscription";
    }
    else if (/ResourceNotFound|WorkspaceNotFound/.test(code) &&
        /workspaces\/[^/]+$/i.test(scope.resourceId) &&
        /workspace/i.test(what)) {
        fix = `Check the inputs 'subscriptionId', 'resourceGroup' and 'workspaceName' (workspace '${scope.workspace}')`;
    }
    else if (/Quota/i.test(code)) {
        fix = "Request more quota for the VM family in this region, or use a smaller instance type or count";
    }
    else if (status === 409) {
        fix = "Another run changed the same resource; re-run the task";
    }
    else if (status !== undefined && status >= 500) {
        fix = "Azure ML had a service error after retries; re-run the task later";
    }
    else {
        fix = "Correct the request described above and re-run";
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(text, {}, fix);
}
/**
 * A 429, or a 503 that came with Retry-After, is the service throttling, not a bad request: the
 * request is right and will pass later or with fewer requests at once. Said so, with the wait
 * the service asked for and the retries already made.
 */
function throttling(what, code, message, status, retry) {
    if (!(status === 429 || (status === 503 && retry?.retryAfterMs !== undefined)))
        return undefined;
    const said = `HTTP ${status} ${code}: ${message.replace(/\.\s*$/, "")}`;
    const n = retry?.retries;
    const tried = n !== undefined ? ` after ${n} ${n === 1 ? "retry" : "retries"}` : " after retries";
    const wait = retry?.retryAfterMs !== undefined ? `; it asked to wait ${seconds(retry.retryAfterMs)} more` : "";
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} failed: the Azure ML service is throttling requests (${said}), still${tried}${wait}`, {}, "This is not a problem with the request: re-run later, or lower the concurrency (fewer jobs, tasks or parallel uploads against this workspace at the same time)");
}
function seconds(ms) {
    if (ms < 1000)
        return `${ms} ms`;
    const s = ms / 1000;
    return s < 120 ? `${Number.isInteger(s) ? s : s.toFixed(1)} s` : `${Math.round(s / 60)} min`;
}


/***/ }),

/***/ 75533:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DE: () => (/* reexport safe */ _references_js__WEBPACK_IMPORTED_MODULE_2__.DE),
/* harmony export */   Hr: () => (/* binding */ createWithFreshVersion),
/* harmony export */   ll: () => (/* binding */ newestFirst),
/* harmony export */   yU: () => (/* binding */ nextVersion)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91746);
/* harmony import */ var _contract_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88202);
/* harmony import */ var _references_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63743);
/** Helpers shared by data and model versions: version numbering and creation races. */


/** The next integer version after every numeric version present. */
function nextVersion(versions) {
    const numeric = versions.filter((v) => /^\d+$/.test(v)).map(Number);
    return String((numeric.length > 0 ? Math.max(...numeric) : 0) + 1);
}
/** Newest first by creation time, then by numeric version. */
function newestFirst(items) {
    return [...items].sort((a, b) => a.createdAt === b.createdAt ? Number(b.version) - Number(a.version) : a.createdAt < b.createdAt ? 1 : -1);
}
/**
 * Tries versions until one is free: two runs registering at once both pick N, one gets 409 from
 * the service (versions are immutable) and moves to N+1.
 */
async function createWithFreshVersion(first, attempt) {
    let version = Number(first);
    for (let i = 0; i < 5; i++, version++) {
        try {
            return await attempt(String(version));
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo &&
                ((0,_contract_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceStatus */ .E6)(error) === 409 || /already exists|immutable|Conflict/i.test(error.message)))
                continue;
            throw error;
        }
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`could not find a free version after ${first}`, {}, "Another run keeps registering versions; re-run the task");
}



/***/ }),

/***/ 88202:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ serviceStatus),
/* harmony export */   Rj: () => (/* binding */ restErrorFrom),
/* harmony export */   T0: () => (/* reexport safe */ _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__.T0),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   ov: () => (/* binding */ armErrorOf)
/* harmony export */ });
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15932);
/* harmony import */ var _arm_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77379);
/**
 * Service errors are `RestError`s (@azure/core-rest-pipeline), the type the SDK, @azure/storage-blob
 * and our hand-written requests all raise: one `isRestError` check reads the status, the code and
 * the response body, instead of guessing at an error's fields. The one-line message a user sees
 * is built from it in ../arm-error.ts.
 */


/** A RestError for an answer of 400 or more, with the service's error code and message when the body has them. */
function restErrorFrom(request, response) {
    const body = (0,_arm_error_js__WEBPACK_IMPORTED_MODULE_1__/* .parseArmError */ .E)(response.bodyAsText ?? undefined);
    return new _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .RestError */ .pj(body?.message ?? bareStatus(response.status), {
        code: body?.code,
        statusCode: response.status,
        request,
        response,
    });
}
/**
 * The HTTP status of a service error: of the error itself, or of the RestError a UserError was
 * built from (its `cause`). Undefined for anything else (network, sign-in, our own errors).
 */
function serviceStatus(error) {
    if ((0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .isRestError */ .T0)(error))
        return error.statusCode;
    const cause = error?.cause;
    return (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .isRestError */ .T0)(cause) ? cause.statusCode : undefined;
}
function isNotFound(error) {
    return serviceStatus(error) === 404;
}
function bareStatus(status) {
    return `HTTP ${status}`;
}
/**
 * The ARM error object of a RestError's response, else its code and message; undefined when the
 * answer had no error body at all (armUserError then says "HTTP <status>: no message").
 */
function armErrorOf(error) {
    const parsed = (0,_arm_error_js__WEBPACK_IMPORTED_MODULE_1__/* .parseArmError */ .E)(error.response?.bodyAsText ?? undefined);
    if (parsed)
        return parsed;
    if (error.code === undefined && error.statusCode !== undefined && error.message === bareStatus(error.statusCode))
        return undefined;
    return { code: error.code, message: error.message };
}



/***/ }),

/***/ 37939:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RX: () => (/* binding */ workspaceId),
/* harmony export */   a: () => (/* binding */ resourceId),
/* harmony export */   bw: () => (/* binding */ ROUTES),
/* harmony export */   h7: () => (/* binding */ registryId),
/* harmony export */   ot: () => (/* binding */ mlflowTrackingBase),
/* harmony export */   zW: () => (/* binding */ studioJobUrl),
/* harmony export */   zo: () => (/* binding */ routeUrl)
/* harmony export */ });
/* unused harmony exports SDK_API_VERSION, CONTROL_API_VERSION, WORKSPACE_SCOPE, REGISTRY_SCOPE, MONITOR_API_VERSION, encodeSegment, fillTemplate, routePath */
/**
 * Every route this backend uses on Azure Machine Learning, in one table: operation name → HTTP
 * method, path template and api-version. A change in the service's contract (a path, an
 * api-version) is one edit here. Operation names follow the REST spec's operationIds
 * (`Jobs_CreateOrUpdate` → `jobs.createOrUpdate`).
 *
 * Paths are built only by `routePath` / `resourceId`, which encode each `{parameter}` as one path
 * segment: a name holding `/`, `?`, `#`, spaces or unicode can never address another resource.
 * The parameter names come from the template's own text (template literal types), so a misspelled
 * operation or a missing parameter does not compile.
 */
/** The api-version @azure/arm-machinelearning 2.1.1 sends on every call (a constant inside the SDK; a test checks it). */
const SDK_API_VERSION = "2022-10-01";
/**
 * The api-version of hand-written control-plane requests: job and component bodies whose nodes and
 * settings the SDK's typed models would drop, endpoint traffic (the SDK's PATCH model has none),
 * anonymous environments and compute lookups.
 */
const CONTROL_API_VERSION = "2024-04-01";
/** The workspace's ARM id; every `workspace` route is below it. */
const WORKSPACE_SCOPE = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}";
/**
 * A registry's ARM id; `registry` routes are below it. Its subscription and group are the
 * registry's own (from its discovery document), not the workspace's.
 */
const REGISTRY_SCOPE = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/registries/{registryName}";
/**
 * Azure Monitor's metrics API, below any ARM resource id (Microsoft.Insights/stable/2018-01-01,
 * metrics_API.json): the version `az monitor metrics list` sends.
 */
const MONITOR_API_VERSION = "2018-01-01";
const SDK = SDK_API_VERSION;
const CONTROL = CONTROL_API_VERSION;
/** A route below the workspace's ARM id. */
function arm(method, path, apiVersion, via) {
    return { method, path, plane: "workspace", apiVersion, via };
}
/** A data-plane route: below a base URL the workspace names, without api-version. */
function dataPlane(plane, method, path) {
    return { method, path, plane, apiVersion: undefined, via: "client" };
}
/** A route below a registry's ARM id (given as the base URL), at the control api-version. */
function registry(method, path) {
    return { method, path, plane: "registry", apiVersion: CONTROL, via: "client" };
}
const ROUTES = {
    // Sent by @azure/arm-machinelearning; listed so their api-version is visible here.
    "workspaces.get": arm("GET", "", SDK, "sdk"),
    "datastores.list": arm("GET", "/datastores", SDK, "sdk"),
    "datastores.get": arm("GET", "/datastores/{name}", SDK, "sdk"),
    "datastores.listSecrets": arm("POST", "/datastores/{name}/listSecrets", SDK, "sdk"),
    "dataVersions.list": arm("GET", "/data/{name}/versions", SDK, "sdk"),
    "dataVersions.get": arm("GET", "/data/{name}/versions/{version}", SDK, "sdk"),
    "dataVersions.createOrUpdate": arm("PUT", "/data/{name}/versions/{version}", SDK, "sdk"),
    "modelVersions.list": arm("GET", "/models/{name}/versions", SDK, "sdk"),
    "modelVersions.get": arm("GET", "/models/{name}/versions/{version}", SDK, "sdk"),
    "modelVersions.createOrUpdate": arm("PUT", "/models/{name}/versions/{version}", SDK, "sdk"),
    "codeVersions.get": arm("GET", "/codes/{name}/versions/{version}", SDK, "sdk"),
    "codeVersions.createOrUpdate": arm("PUT", "/codes/{name}/versions/{version}", SDK, "sdk"),
    "onlineEndpoints.listKeys": arm("POST", "/onlineEndpoints/{endpoint}/listKeys", SDK, "sdk"),
    // Hand-written, through the same pipeline (credential, retries, plan recorder).
    "jobs.get": arm("GET", "/jobs/{name}", CONTROL, "client"),
    "jobs.createOrUpdate": arm("PUT", "/jobs/{name}", CONTROL, "client"),
    "jobs.cancel": arm("POST", "/jobs/{name}/cancel", CONTROL, "client"),
    "componentVersions.createOrUpdate": arm("PUT", "/components/{name}/versions/{version}", CONTROL, "client"),
    "environmentVersions.get": arm("GET", "/environments/{name}/versions/{version}", CONTROL, "client"),
    "environmentVersions.createOrUpdate": arm("PUT", "/environments/{name}/versions/{version}", CONTROL, "client"),
    "computes.get": arm("GET", "/computes/{name}", CONTROL, "client"),
    "onlineEndpoints.list": arm("GET", "/onlineEndpoints", CONTROL, "client"),
    "onlineEndpoints.get": arm("GET", "/onlineEndpoints/{endpoint}", CONTROL, "client"),
    "onlineEndpoints.createOrUpdate": arm("PUT", "/onlineEndpoints/{endpoint}", CONTROL, "client"),
    "onlineEndpoints.delete": arm("DELETE", "/onlineEndpoints/{endpoint}", CONTROL, "client"),
    "onlineDeployments.list": arm("GET", "/onlineEndpoints/{endpoint}/deployments", CONTROL, "client"),
    "onlineDeployments.get": arm("GET", "/onlineEndpoints/{endpoint}/deployments/{deployment}", CONTROL, "client"),
    "onlineDeployments.createOrUpdate": arm("PUT", "/onlineEndpoints/{endpoint}/deployments/{deployment}", CONTROL, "client"),
    "onlineDeployments.delete": arm("DELETE", "/onlineEndpoints/{endpoint}/deployments/{deployment}", CONTROL, "client"),
    // Batch endpoints and deployments (the SDK sends 2023-10-01; the vendored 2024-04-01 spec has the same shapes).
    "batchEndpoints.list": arm("GET", "/batchEndpoints", CONTROL, "client"),
    "batchEndpoints.get": arm("GET", "/batchEndpoints/{endpoint}", CONTROL, "client"),
    "batchEndpoints.createOrUpdate": arm("PUT", "/batchEndpoints/{endpoint}", CONTROL, "client"),
    "batchEndpoints.delete": arm("DELETE", "/batchEndpoints/{endpoint}", CONTROL, "client"),
    "batchDeployments.list": arm("GET", "/batchEndpoints/{endpoint}/deployments", CONTROL, "client"),
    "batchDeployments.get": arm("GET", "/batchEndpoints/{endpoint}/deployments/{deployment}", CONTROL, "client"),
    "batchDeployments.createOrUpdate": arm("PUT", "/batchEndpoints/{endpoint}/deployments/{deployment}", CONTROL, "client"),
    "batchDeployments.delete": arm("DELETE", "/batchEndpoints/{endpoint}/deployments/{deployment}", CONTROL, "client"),
    // Azure Monitor, below the endpoint's ARM id: its platform metrics (informational in a bake window).
    "metrics.list": arm("GET", "/onlineEndpoints/{endpoint}/providers/Microsoft.Insights/metrics", MONITOR_API_VERSION, "client"),
    // Data plane (no ARM API): run history under the discovery document's `history` URL, MLflow
    // under the tracking URI.
    "runHistory.listChildren": dataPlane("history", "GET", `/history/v1.0${WORKSPACE_SCOPE}/experiments/{experiment}/runs/{run}/children`),
    "runHistory.getDetails": dataPlane("history", "GET", `/history/v1.0${WORKSPACE_SCOPE}/runs/{run}/details`),
    "mlflow.getRun": dataPlane("mlflow", "GET", "/api/2.0/mlflow/runs/get"),
    // Azure ML registries (issue 12): found by name through the regional registry-management
    // service (its discovery document names the registry's subscription and group, as the Python
    // SDK asks it), then through ARM below the registry's id. Model files go to the registry's own
    // storage through a pending upload's SAS and are read back through a data reference's SAS.
    "registryDiscovery.get": dataPlane("registryManagement", "GET", "/registrymanagement/v1.0/registries/{registryName}/discovery"),
    "registries.get": registry("GET", ""),
    "registryModelVersions.list": registry("GET", "/models/{name}/versions"),
    "registryModelVersions.get": registry("GET", "/models/{name}/versions/{version}"),
    "registryModelVersions.createOrUpdate": registry("PUT", "/models/{name}/versions/{version}"),
    "registryModelVersions.startPendingUpload": registry("POST", "/models/{name}/versions/{version}/startPendingUpload"),
    "registryDataReferences.getBlobReferenceSAS": registry("POST", "/datareferences/{name}/versions/{version}"),
};
/**
 * One path segment. A value of `.` or `..` is a dot-segment URL parsers remove (it would address
 * the parent), and an empty one would address the collection: both are refused. Dots inside a
 * value (`1.0.2`) are ordinary characters and stay as they are.
 */
function encodeSegment(name, value) {
    if (typeof value !== "string" || value === "" || value === "." || value === "..") {
        throw new Error(`route parameter '${name}' is ${JSON.stringify(value)}: it cannot name a resource`);
    }
    return encodeURIComponent(value);
}
/** Fills a template's `{names}` from `values`, each encoded as one segment. */
function fillTemplate(template, values) {
    return template.replace(/\{([^}]+)\}/g, (_, name) => encodeSegment(name, values[name]));
}
function scopeValues(scope) {
    return {
        subscriptionId: scope.subscriptionId,
        resourceGroupName: scope.resourceGroup,
        workspaceName: scope.workspaceName,
    };
}
/** The workspace's ARM id, its segments encoded. */
function workspaceId(scope) {
    return fillTemplate(WORKSPACE_SCOPE, scopeValues(scope));
}
/**
 * The path of an operation: below the workspace's ARM id for `workspace` routes, below the plane's
 * base URL otherwise (with the workspace scope filled in).
 */
function routePath(op, params, scope) {
    return fillTemplate(ROUTES[op].path, { ...params, ...scopeValues(scope) });
}
/**
 * The URL of an operation: the resource manager and workspace id for `workspace` routes, else the
 * data-plane base URL given; then the encoded path, the query asked for and the route's api-version.
 */
function routeUrl(op, params, scope, where) {
    const route = ROUTES[op];
    let base = `${where.resourceManager}${workspaceId(scope)}`;
    if (route.plane !== "workspace") {
        if (!where.base)
            throw new Error(`operation ${op} needs the base URL of the ${route.plane} service`);
        base = where.base.replace(/\/$/, "");
    }
    const url = new URL(`${base}${routePath(op, params, scope)}`);
    for (const [k, v] of Object.entries(where.query ?? {}))
        url.searchParams.set(k, v);
    if (route.apiVersion)
        url.searchParams.set("api-version", route.apiVersion);
    return url.toString();
}
/** A registry's ARM id, its segments encoded. */
function registryId(scope) {
    return fillTemplate(REGISTRY_SCOPE, {
        subscriptionId: scope.subscriptionId,
        resourceGroupName: scope.resourceGroup,
        registryName: scope.registryName,
    });
}
/** The full ARM id of the resource an operation addresses, as bodies reference it (`…/models/m/versions/3`). */
function resourceId(op, params, scope) {
    return `${workspaceId(scope)}${routePath(op, params, scope)}`;
}
/** The MLflow tracking base when the workspace names none: under the discovery document's `api` URL. */
function mlflowTrackingBase(api, scope) {
    return `${api}/mlflow/v1.0${workspaceId(scope)}`;
}
/** The Studio page of a job (a link for people; the workspace id is a query value, left readable). */
function studioJobUrl(studio, scope, job) {
    return `${studio}/runs/${encodeSegment("job", job)}?wsid=${workspaceId(scope)}`;
}


/***/ }),

/***/ 58005:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_HTTP_TIMEOUTS: () => (/* binding */ DEFAULT_HTTP_TIMEOUTS),
/* harmony export */   TIMEOUT_CODES: () => (/* binding */ TIMEOUT_CODES),
/* harmony export */   TimedAgents: () => (/* binding */ TimedAgents),
/* harmony export */   httpTimeoutsFrom: () => (/* binding */ httpTimeoutsFrom),
/* harmony export */   timedHttpClient: () => (/* binding */ timedHttpClient)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15932);
/**
 * Connect and idle timeouts for every HTTP request the Azure backend sends (ARM, the data plane,
 * blob storage, sign-in). Node's sockets wait forever by default, so a connection that opens and
 * then goes silent (a stalled proxy, a dead load balancer) would hold a CI job until the job's own
 * limit. Here each socket gets two deadlines:
 *
 * - connect: the TCP connection, and for HTTPS the TLS handshake, must complete in `connectMs`;
 * - idle: no byte in either direction for `idleMs` while a request uses the socket ends it.
 *
 * The socket is destroyed with an error whose code the Azure SDK's retry policies treat as a
 * transient network failure (ETIMEDOUT, ESOCKETTIMEDOUT), so the request is retried per the SDK's
 * policy, and after the last retry fails with the message set here.
 */



const DEFAULT_HTTP_TIMEOUTS = { connectMs: 30_000, idleMs: 120_000 };
/** Codes the timeouts raise; the SDK retry strategies retry both. */
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT"]);
/**
 * Timeouts from MLOPS_HTTP_CONNECT_TIMEOUT_MS and MLOPS_HTTP_IDLE_TIMEOUT_MS (milliseconds), for
 * slow networks and for tests; anything not a positive number keeps the default.
 */
function httpTimeoutsFrom(env) {
    const ms = (v, fallback) => {
        const n = Number(v);
        return v && Number.isFinite(n) && n > 0 ? n : fallback;
    };
    return {
        connectMs: ms(env.MLOPS_HTTP_CONNECT_TIMEOUT_MS, DEFAULT_HTTP_TIMEOUTS.connectMs),
        idleMs: ms(env.MLOPS_HTTP_IDLE_TIMEOUT_MS, DEFAULT_HTTP_TIMEOUTS.idleMs),
    };
}
const seconds = (ms) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);
function timeoutError(code, message) {
    return Object.assign(new Error(message), { code });
}
/** Arms both deadlines on a new socket. `secure`: the connection counts once TLS is up. */
function guard(socket, host, t, secure) {
    const connected = () => clearTimeout(timer);
    const timer = setTimeout(() => {
        socket.destroy(timeoutError("ETIMEDOUT", `no ${secure ? "TLS " : ""}connection to ${host} within ${seconds(t.connectMs)}`));
    }, t.connectMs);
    timer.unref();
    socket.once(secure ? "secureConnect" : "connect", connected);
    socket.once("close", connected);
    socket.on("timeout", () => {
        // A socket waiting in the keep-alive pool is the agent's to close; one serving a request has
        // stalled: end it with an error the request sees.
        if (socket._httpMessage) {
            socket.destroy(timeoutError("ESOCKETTIMEDOUT", `${host} sent nothing for ${seconds(t.idleMs)}`));
        }
    });
}
/** An agent whose sockets carry the deadlines; `timeout` keeps the idle deadline on pooled sockets too. */
function timedAgent(secure, t, tls) {
    const Base = secure ? node_https__WEBPACK_IMPORTED_MODULE_1__.Agent : node_http__WEBPACK_IMPORTED_MODULE_0__.Agent;
    const agent = new Base({ keepAlive: true, timeout: t.idleMs, ...(secure ? tls : {}) });
    const create = agent.createConnection.bind(agent);
    agent.createConnection = (options, callback) => {
        const socket = create(options, callback);
        const host = `${options.host ?? options.hostname ?? "?"}:${options.port ?? (secure ? 443 : 80)}`;
        guard(socket, host, t, secure);
        return socket;
    };
    return agent;
}
/**
 * Agents by protocol and TLS settings (the same settings object shares one pool), set on each
 * request that brings none of its own.
 */
class TimedAgents {
    timeouts;
    plain;
    secure = new Map();
    constructor(timeouts) {
        this.timeouts = timeouts;
        this.plain = timedAgent(false, timeouts);
    }
    for(url, tls) {
        if (!url.startsWith("https:"))
            return this.plain;
        let agent = this.secure.get(tls);
        if (!agent) {
            agent = timedAgent(true, this.timeouts, tls);
            this.secure.set(tls, agent);
        }
        return agent;
    }
    /** Sets the agent on a request (core-rest-pipeline's or storage's) that has none. */
    apply(request, tls) {
        request.agent ??= this.for(request.url, request.tlsSettings ?? tls);
    }
}
/** The SDK's default HTTP client, with timed sockets on every request. */
function timedHttpClient(agents) {
    const inner = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_2__/* .createDefaultHttpClient */ .fl)();
    return {
        sendRequest(request) {
            agents.apply(request);
            return inner.sendRequest(request);
        },
    };
}


/***/ }),

/***/ 16916:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AzureMlWorkspace: () => (/* binding */ AzureMlWorkspace),
  requireRef: () => (/* binding */ requireRef)
});

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./build/bundle/errors.js
var errors = __webpack_require__(91746);
// EXTERNAL MODULE: ./build/bundle/report/markdown.js
var markdown = __webpack_require__(28239);
// EXTERNAL MODULE: ./build/bundle/util/files.js
var util_files = __webpack_require__(76561);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/artifacts.js
/** Reports, profiles and histories, kept as blobs under `mlops-artifacts/` in the default datastore. */
class AzureArtifacts {
    storage;
    constructor(storage) {
        this.storage = storage;
    }
    name(path) {
        return `mlops-artifacts/${path.replace(/^\/+/, "")}`;
    }
    async write(path, content) {
        await this.storage.writeBlob(this.name(path), Buffer.from(content));
        return this.storage.uri(this.name(path));
    }
    async read(path) {
        return (await this.storage.readBlob(this.name(path)))?.content;
    }
    /** Read, append, write only if nobody else wrote in between (etag), else try again. */
    async append(path, line, header) {
        const name = this.name(path);
        for (let attempt = 0; attempt < 10; attempt++) {
            const current = await this.storage.readBlob(name);
            // A new blob starts with the header; ifNoneMatch makes only one first writer win.
            const text = current ? current.content.toString("utf8") : header ? header.replace(/\n?$/, "\n") : "";
            const next = Buffer.from(`${text}${text && !text.endsWith("\n") ? "\n" : ""}${line.replace(/\n?$/, "\n")}`);
            const ok = await this.storage.writeBlob(name, next, current?.etag ? { ifMatch: current.etag } : { ifNoneMatch: "*" });
            if (ok)
                return this.storage.uri(name);
        }
        throw new Error(`could not append to ${path}: it kept changing under concurrent writers`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/bundle/references.js
var references = __webpack_require__(63743);
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 32 modules
var esm = __webpack_require__(15932);
// EXTERNAL MODULE: ./build/bundle/data/fingerprint.js
var fingerprint = __webpack_require__(8630);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/local-upload.js
/**
 * A local file or folder sent to the default datastore as the SDK sends job inputs: under
 * `LocalUpload/<content hash>/<name>`, so the same content is never sent twice, and named by the
 * short datastore URI (`azureml://datastores/<name>/paths/...`; a folder's ends in `/`).
 */


async function uploadLocalPath(storage, path, log, signal, 
/** The input a missing path is reported against. */
input = "pipeline") {
    const fp = await (0,fingerprint/* fingerprint */.R)(path, input);
    const prefix = `LocalUpload/${fp.digest.slice(0, 32)}/${(0,external_node_path_.basename)(path)}`;
    await storage.upload(fp.files.map((f) => ({
        local: fp.isFile ? path : (0,external_node_path_.join)(path, f.path),
        blob: fp.isFile ? prefix : `${prefix}/${f.path}`,
        size: f.size,
        sha256: f.sha256,
    })), prefix, log, signal);
    const uri = await storage.uri(fp.isFile ? prefix : `${prefix}/`);
    return {
        uri: uri.replace(/^azureml:\/\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/workspaces\/[^/]+\//i, "azureml://"),
        isFile: fp.isFile,
    };
}

// EXTERNAL MODULE: ./build/bundle/workspace/azureml/storage.js
var azureml_storage = __webpack_require__(66335);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/batch-invocation.js
/**
 * Invoking a batch endpoint as azure-ai-ml does: the input resolved to what the service reads (a
 * local path uploaded to the default datastore, a data asset by its ARM id, a URI as given), the
 * output location checked, and the batch job POSTed to the endpoint's scoring URI, a data-plane
 * URL the service hands back, with a token for Azure ML's audience (not ARM's), a
 * `repeatability_request-id` and, for a named deployment, `azureml-model-deployment`.
 */





/** Entra ID's name for Azure Machine Learning's data plane, by cloud (the SDK's `aml_resource_id`). */
const ML_AUDIENCE = {
    AzureCloud: "https://ml.azure.com",
    AzureChinaCloud: "https://ml.azure.cn",
    AzureUSGovernment: "https://ml.azure.us",
};
function mlScope(cloud) {
    return `${ML_AUDIENCE[cloud] ?? ML_AUDIENCE.AzureCloud}/.default`;
}
/** What the service reads the input from, and whether it is one file or a folder. */
async function resolveBatchInput(client, storage, input, log, signal) {
    switch (input.kind) {
        case "path": {
            const up = await log.group(`Upload ${input.path} to the workspace's default datastore`, () => uploadLocalPath(storage, input.path, log, signal, "batchInput"));
            return { type: up.isFile ? "UriFile" : "UriFolder", uri: up.uri };
        }
        case "dataset": {
            const d = input.dataset;
            if (d.type === "mltable") {
                throw new errors/* UserError */.yo(`data asset ${d.name}:${d.version} is an mltable; a batch deployment scores files`, { subject: "batchInput" }, "Give a uri_folder or uri_file data asset, or its folder");
            }
            // The SDK names a registered data asset by its ARM id (remove_aml_prefix, then get_asset_arm_id).
            return {
                type: d.type === "uri_file" ? "UriFile" : "UriFolder",
                uri: client.id("dataVersions.get", { name: d.name, version: d.version }),
            };
        }
        case "uri": {
            if (!/^(azureml|https?|abfss?|wasbs?):\/\//.test(input.uri)) {
                throw new errors/* UserError */.yo(`'${input.uri}' is not a URI the service can read`, { subject: "batchInput" }, "Give azureml://datastores/<name>/paths/<path>, an https:// URL, a data asset or a local path");
            }
            const last = input.uri
                .replace(/[?#].*$/, "")
                .split("/")
                .at(-1) ?? "";
            return { type: input.uri.endsWith("/") || !last.includes(".") ? "UriFolder" : "UriFile", uri: input.uri };
        }
    }
}
/**
 * `azureml://datastores/<name>/paths/<folder>` (any datastore of the workspace, ADLS Gen2 included)
 * and the file name, as the URI of the one output file.
 */
function outputFileUri(outputPath, outputFile) {
    const parsed = (0,azureml_storage/* parseDatastoreUri */.xW)(outputPath);
    if (!parsed || !/^azureml:\/\/datastores\//i.test(outputPath)) {
        throw new errors/* UserError */.yo(`'${outputPath}' is not a datastore path`, { subject: "outputPath" }, "On Azure ML give azureml://datastores/<name>/paths/<folder>");
    }
    if (!outputFile || /[/\\]/.test(outputFile)) {
        throw new errors/* UserError */.yo(`'${outputFile}' is not a file name`, { subject: "outputPath" }, "Give a file name such as predictions.csv");
    }
    const folder = parsed.path.replace(/\/+$/, "");
    return `azureml://datastores/${parsed.datastore}/paths/${folder ? `${folder}/` : ""}${outputFile}`;
}
/**
 * POSTs the batch job; answers the job's name. In plan mode the request is recorded and not sent,
 * and the answer is a placeholder name.
 */
async function postBatchJob(client, dataPlane, scoringUri, body, deployment, what, signal) {
    if (client.dryRun) {
        const path = URL.canParse(scoringUri) ? new URL(scoringUri).pathname : scoringUri;
        client.plan.push({ method: "POST", path, body });
        return "batch-job-planned";
    }
    let token;
    try {
        token = (await client.credential.getToken(mlScope(client.cloud.name), { abortSignal: signal }))?.token ?? "";
    }
    catch (error) {
        throw client.toUserError(what, error);
    }
    const headers = (0,esm/* createHttpHeaders */.Nc)({
        "content-type": "application/json",
        accept: "application/json",
        authorization: `Bearer ${token}`,
        // One id for every retry of this POST: the service starts one job however often it arrives.
        "repeatability_request-id": (0,external_node_crypto_.randomUUID)(),
    });
    if (deployment)
        headers.set("azureml-model-deployment", deployment);
    const { pipeline, http } = dataPlane.plainPipeline();
    const request = (0,esm/* createPipelineRequest */.G6)({
        url: scoringUri,
        method: "POST",
        headers,
        body: JSON.stringify(body),
        abortSignal: signal,
        tlsSettings: client.tlsOptions,
    });
    let status;
    let text;
    try {
        const r = await pipeline.sendRequest(http, request);
        status = r.status;
        text = r.bodyAsText ?? "";
    }
    catch (error) {
        throw client.toUserError(what, error);
    }
    let answer;
    try {
        answer = text ? JSON.parse(text) : undefined;
    }
    catch {
        answer = undefined;
    }
    if (status >= 400 || !answer?.name) {
        const reason = answer?.error?.message ?? (text.slice(0, 300) || `HTTP ${status}`);
        throw new errors/* UserError */.yo(`${what} failed: HTTP ${status}${answer?.error?.code ? ` ${answer.error.code}` : ""}: ${reason}`, { subject: "endpoint" }, status === 401 || status === 403
            ? "Grant the identity a role that may invoke batch endpoints (AzureML Data Scientist) on the workspace"
            : "Check the endpoint, its default deployment and the input, then re-run");
    }
    return answer.name;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/contract/wire/batch-deployment.js
/**
 * The batch deployment PUT in the form azure-ai-ml sends (BatchDeployment._to_rest_object): the
 * compute cluster's ARM id, code configuration, environment id, the model by ARM id (or a
 * registry's asset id) as an `Id` reference, mini-batch size, concurrency per instance, error
 * threshold, `AppendRow` output into one file, retry settings (the given ones, else Azure's defaults
 * written out), logging level and instance count.
 * Fields the user did not give are left out, so the service's defaults apply.
 */
/** Azure ML's own defaults (REST spec BatchRetrySettings), written out as the SDK's YAML examples do. */
const BATCH_RETRY = { maxRetries: 3, timeout: "PT30S" };
/**
 * Whole seconds as the ISO 8601 duration azure-ai-ml sends for retry_settings.timeout
 * (to_iso_duration_format: isodate's duration_isoformat of a timedelta): 30 → PT30S, 90 → PT1M30S,
 * 3600 → PT1H, 86400 → P1D.
 */
function isoSeconds(seconds) {
    const days = Math.floor(seconds / 86_400);
    const h = Math.floor((seconds % 86_400) / 3_600);
    const m = Math.floor((seconds % 3_600) / 60);
    const s = seconds % 60;
    const time = `${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s ? `${s}S` : ""}`;
    if (!days && !time)
        return "PT0S";
    return `P${days ? `${days}D` : ""}${time ? `T${time}` : ""}`;
}
function batchDeploymentBody(d) {
    const properties = {
        description: d.description,
        compute: d.computeId,
        codeConfiguration: { codeId: d.codeId, scoringScript: d.scoringScript },
        environmentId: d.environmentId,
        environmentVariables: {},
        properties: {},
        model: { referenceType: "Id", assetId: d.modelId },
        miniBatchSize: d.miniBatchSize,
        errorThreshold: d.errorThreshold,
        outputAction: "AppendRow",
        outputFileName: d.outputFile,
        retrySettings: d.retry
            ? { maxRetries: d.retry.maxRetries, timeout: isoSeconds(d.retry.timeoutSeconds) }
            : { ...BATCH_RETRY },
        loggingLevel: "Info",
        resources: { instanceCount: d.instanceCount ?? 1 },
    };
    if (d.maxConcurrency !== undefined)
        properties.maxConcurrencyPerInstance = d.maxConcurrency;
    return { tags: {}, location: d.location, properties };
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/contract/wire/batch-endpoint.js
function batchEndpointBody(endpoint) {
    return {
        tags: {},
        location: endpoint.location,
        properties: { authMode: "aadToken", description: endpoint.description, properties: {} },
    };
}
/**
 * Property keys the service adds to an endpoint (`BatchEndpointCreationApiVersion`,
 * `azureml.onlineendpointid`): not the user's, so not sent back.
 */
function ownProperties(p) {
    return Object.fromEntries(Object.entries(p ?? {}).filter(([k]) => !k.startsWith("azureml.") && k !== "BatchEndpointCreationApiVersion"));
}
/**
 * The endpoint PUT that makes `deployment` the default: what a user can set on the endpoint as it
 * was read (tags, location, auth mode, description, properties) and the new default; nothing the
 * service generated (scoring URI, provisioning state, its own properties).
 */
function batchEndpointDefaultUpdate(ep, deployment) {
    const p = ep.properties;
    const properties = { authMode: camelAuthMode(p.authMode) };
    if (typeof p.description === "string")
        properties.description = p.description;
    properties.properties = ownProperties(p.properties);
    properties.defaults = { deploymentName: deployment };
    return { tags: ep.tags ?? {}, location: ep.location, properties };
}
/** The service answers `AADToken`; the SDK sends its YAML value camel-cased (`aad_token` → `aadToken`). */
function camelAuthMode(mode) {
    if (!mode || /^aadtoken$/i.test(mode))
        return "aadToken";
    if (/^amltoken$/i.test(mode))
        return "amlToken";
    return mode.charAt(0).toLowerCase() + mode.slice(1);
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/contract/wire/batch-job.js
/**
 * The body of a batch endpoint invocation: the data-plane BatchJobResource azure-ai-ml POSTs to
 * the endpoint's scoring URI (BatchEndpointOperations.invoke, BatchJobSchema). With
 * `invoke(input=Input(...))` the one input is keyed by its type, `UriFolder` or `UriFile` ("MFE
 * expects a dictionary as input_data", says the SDK), serialised as a UriFolderJobInput /
 * UriFileJobInput (`jobInputType`, `uri`; no mode). An output location is the model deployment's
 * one output, `score`, as a UriFileJobOutput naming the file the rows are appended to.
 */
/** The name of a model deployment's output (Azure ML's batch endpoint docs: `outputs={"score": ...}`). */
const BATCH_OUTPUT = "score";
function batchInvocationBody(w) {
    const properties = {
        inputData: { [w.input.type]: { jobInputType: w.input.type, uri: w.input.uri } },
    };
    if (w.outputFileUri)
        properties.outputData = { [BATCH_OUTPUT]: { jobOutputType: "UriFile", uri: w.outputFileUri } };
    return { properties };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/environments.js
/**
 * Anonymous environments, as the Azure ML CLI makes them: an inline `environment:` (an image, with
 * an optional conda file) is registered once per content hash as a version of
 * `CliV2AnonymousEnvironment`, and referenced by its ARM id.
 */




const ANONYMOUS_ENVIRONMENT = "CliV2AnonymousEnvironment";
class EnvironmentRegistry {
    client;
    contexts;
    done = new Map();
    constructor(client, contexts) {
        this.client = client;
        this.contexts = contexts;
    }
    /** The ARM id of an anonymous environment for an image (and conda file), registering it once. */
    async register(env, where, log) {
        if (env.build && this.contexts)
            return this.registerBuild(env.build, where, this.contexts, log);
        if (env.build) {
            throw new errors/* UserError */.yo(`${where}: environments built from a Docker context (build:) are not supported by mlops-action`, { subject: "pipeline" }, "Register the environment with az ml environment create and reference it as azureml:<name>:<version>");
        }
        if (!env.image) {
            throw new errors/* UserError */.yo(`${where}: an inline environment needs an image`, { subject: "pipeline" }, "Add image: mcr.microsoft.com/azureml/<image>");
        }
        let conda;
        if (env.conda_file) {
            try {
                conda = await (0,promises_.readFile)(env.conda_file, "utf8");
            }
            catch {
                throw new errors/* UserError */.yo(`${where}: conda file '${env.conda_file}' cannot be read`, { file: env.conda_file }, "Fix the conda_file path");
            }
        }
        const version = (0,external_node_crypto_.createHash)("sha256")
            .update(`${env.image}\0${conda ?? ""}`)
            .digest("hex")
            .slice(0, 32);
        let p = this.done.get(version);
        if (!p) {
            p = (async () => {
                const params = { name: ANONYMOUS_ENVIRONMENT, version };
                await this.client.must("environmentVersions.createOrUpdate", params, {
                    what: `register environment for image ${env.image}`,
                    body: {
                        properties: {
                            image: env.image,
                            ...(conda ? { condaFile: conda } : {}),
                            // The SDK's anonymous environment body: no osType (the service's default is Linux).
                            isAnonymous: true,
                            isArchived: false,
                        },
                    },
                });
                return this.client.id("environmentVersions.get", params);
            })();
            this.done.set(version, p);
        }
        return p;
    }
    /**
     * An anonymous environment built from a Docker context, as the SDK creates it: the context folder
     * uploaded to the default datastore, then `build: {contextUri, dockerfilePath}` (recording
     * environment/test_environment_create_or_update_docker_context). Versioned by the context's content.
     */
    async registerBuild(build, where, contexts, log) {
        const b = (typeof build === "object" && build !== null ? build : {});
        if (typeof b.path !== "string" || b.path === "") {
            throw new errors/* UserError */.yo(`${where}: environment build has no path`, { subject: "pipeline" }, "Set build.path to the folder holding the Dockerfile, such as ./docker-context");
        }
        const path = b.path;
        const dockerfilePath = typeof b.dockerfile_path === "string" ? b.dockerfile_path : "Dockerfile";
        const remote = (0,references/* isRemoteCode */.u$)(path);
        const { uri, hash } = remote ? { uri: path, hash: path } : await contexts(path, log);
        const version = (0,external_node_crypto_.createHash)("sha256").update(`build\0${hash}\0${dockerfilePath}`).digest("hex").slice(0, 32);
        let p = this.done.get(version);
        if (!p) {
            p = (async () => {
                const params = { name: ANONYMOUS_ENVIRONMENT, version };
                await this.client.must("environmentVersions.createOrUpdate", params, {
                    what: `register environment built from ${path}`,
                    body: { properties: { build: { contextUri: uri, dockerfilePath }, isAnonymous: true, isArchived: false } },
                });
                return this.client.id("environmentVersions.get", params);
            })();
            this.done.set(version, p);
        }
        return p;
    }
}
/** The name Azure ML gives its serverless compute (`azureml:serverless`). */
const SERVERLESS = "serverless";
/**
 * A compute named `azureml:<name>` or `<name>` as the ARM id the service expects, after checking
 * that the workspace has it.
 */
class ComputeResolver {
    client;
    known = new Map();
    constructor(client) {
        this.client = client;
    }
    resolve(value, where) {
        const name = /^azureml:([A-Za-z0-9][A-Za-z0-9_-]*)$/.exec(value)?.[1] ??
            (/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value) ? value : undefined);
        if (!name)
            return Promise.resolve(value.replace(/^azureml:(?=\/subscriptions\/)/, ""));
        // Serverless compute is no cluster to look up: the SDK sends its ARM id as is (recorded in
        // test_pipeline_job_serverless_compute_*: settings.default_compute = <workspace>/computes/serverless).
        if (name.toLowerCase() === SERVERLESS)
            return Promise.resolve(this.client.id("computes.get", { name: SERVERLESS }));
        let p = this.known.get(name);
        if (!p) {
            p = (async () => {
                const r = await this.client.send("computes.get", { name }, {
                    allow404: true,
                    what: `read compute ${name}`,
                });
                if (!r) {
                    throw new errors/* UserError */.yo(`${where}: compute '${name}' does not exist in workspace ${this.client.ref.workspaceName}`, { subject: "pipeline" }, "Create it (az ml compute create) or name an existing compute cluster");
                }
                return this.client.id("computes.get", { name });
            })();
            this.known.set(name, p);
        }
        return p;
    }
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/monitor-metrics.js

const ENDPOINT_METRICS = ["RequestsPerMinute", "RequestLatency_P95", "RequestLatency_P99"];
const MINUTE = 60_000;
/** The window widened to whole minutes (the metrics' grain), as Monitor's `start/end` timespan. */
function minuteTimespan(window) {
    const start = Math.floor(window.start.getTime() / MINUTE) * MINUTE;
    const end = Math.max(start + MINUTE, Math.ceil(window.end.getTime() / MINUTE) * MINUTE);
    return `${new Date(start).toISOString()}/${new Date(end).toISOString()}`;
}
function statusOf(error) {
    for (let e = error, i = 0; e && i < 4; i++) {
        if (typeof e.statusCode === "number")
            return e.statusCode;
        e = e.cause;
    }
    return undefined;
}
/**
 * Per deployment: requests = the sum of the per-minute RequestsPerMinute averages (each is that
 * minute's count); p95 / p99 = the worst minute's value.
 */
function metricsByDeployment(body) {
    const out = {};
    for (const metric of body.value ?? []) {
        const name = metric.name?.value;
        for (const series of metric.timeseries ?? []) {
            const points = (series.data ?? []).map((d) => d.average).filter((v) => typeof v === "number");
            if (points.length === 0)
                continue;
            const deployment = series.metadatavalues?.find((m) => m.name?.value?.toLowerCase() === "deployment")?.value ?? "(all)";
            out[deployment] ??= {};
            const entry = out[deployment];
            if (name === "RequestsPerMinute")
                entry.requests = Math.round(points.reduce((s, v) => s + v, 0));
            else if (name === "RequestLatency_P95")
                entry.p95 = Math.max(...points);
            else if (name === "RequestLatency_P99")
                entry.p99 = Math.max(...points);
        }
    }
    return out;
}
async function readEndpointMetrics(client, endpoint, window, signal) {
    const timespan = minuteTimespan(window);
    try {
        const r = await client.send("metrics.list", { endpoint }, {
            query: {
                timespan,
                interval: "PT1M",
                metricnames: ENDPOINT_METRICS.join(","),
                aggregation: "Average",
                // One time series per deployment.
                $filter: "deployment eq '*'",
            },
            allow404: true,
            what: `read the Azure Monitor metrics of endpoint ${endpoint}`,
            signal,
        });
        if (!r)
            return { available: false, reason: `Azure Monitor knows no endpoint ${endpoint} (404)` };
        const deployments = metricsByDeployment(r.body);
        if (Object.keys(deployments).length === 0)
            return {
                available: false,
                reason: `Azure Monitor has no data points for ${timespan} yet (its metrics arrive minutes late)`,
            };
        return { available: true, source: "Azure Monitor", timespan, deployments };
    }
    catch (error) {
        if (error?.name === "AbortError")
            throw error;
        if (statusOf(error) === 403)
            return {
                available: false,
                final: true,
                reason: "the signed-in identity may not read Azure Monitor metrics (403): the 'Monitoring Reader' role on the endpoint, its workspace or resource group allows it",
            };
        return { available: false, reason: (0,errors/* errorMessage */.gJ)(error) };
    }
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/endpoints.js
/**
 * Managed online endpoints: hand-written requests (routes and api-version in contract/routes.ts),
 * because traffic can only be changed by PUTting the whole endpoint (the SDK's PATCH model has no
 * `traffic`) and newer deployment settings would be dropped by the 2022-10-01 models. Every change
 * is a long-running operation that is followed to its end. Keys come through the SDK (listKeys).
 */






/** A deployment's provisioning state (online or batch: the same words) as the port's status. */
function deploymentStatus(state) {
    switch (state) {
        case "Succeeded":
            return "Succeeded";
        case "Failed":
        case "Canceled":
            return "Failed";
        case "Deleting":
            return "Deleting";
        default:
            return "Creating";
    }
}
class AzureEndpoints {
    client;
    code;
    dataPlane;
    location;
    log;
    environments;
    keys = new Map();
    /** For measured requests: one attempt each, so a failure is counted, not retried away. */
    singleAttempt;
    scoringUris = new Map();
    constructor(client, code, dataPlane, location, log, environments = new EnvironmentRegistry(client)) {
        this.client = client;
        this.code = code;
        this.dataPlane = dataPlane;
        this.location = location;
        this.log = log;
        this.environments = environments;
    }
    /** The endpoint, for a change that needs it to exist already. */
    async mustReadEndpoint(name) {
        const ep = await this.readEndpoint(name);
        if (!ep)
            throw new errors/* UserError */.yo(`online endpoint '${name}' does not exist`, { subject: "endpoint" }, "Create it first (deploy-endpoint creates it when absent)");
        return ep;
    }
    async readEndpoint(name) {
        return (await this.client.send("onlineEndpoints.get", { endpoint: name }, {
            allow404: true,
            what: `read online endpoint ${name}`,
        }))?.body;
    }
    async get(name) {
        const ep = await this.readEndpoint(name);
        if (!ep)
            return undefined;
        const deps = await this.client.must("onlineDeployments.list", { endpoint: name }, { what: `list deployments of ${name}` });
        return {
            name: ep.name,
            scoringUri: ep.properties.scoringUri ?? "",
            traffic: { ...(ep.properties.traffic ?? {}) },
            mirrorTraffic: { ...(ep.properties.mirrorTraffic ?? {}) },
            deployments: (deps.body.value ?? []).map((d) => ({
                name: d.name,
                model: String(d.properties.model ?? ""),
                status: deploymentStatus(d.properties.provisioningState),
            })),
        };
    }
    async list() {
        const r = await this.client.must("onlineEndpoints.list", {}, { what: "list online endpoints" });
        const out = [];
        for (const ep of r.body.value ?? []) {
            const state = await this.get(ep.name);
            if (state)
                out.push(state);
        }
        return out;
    }
    async ensure(name, log) {
        const existing = await this.get(name);
        if (existing)
            return existing;
        log.info(`Creating online endpoint ${name}`);
        const r = await this.client.must("onlineEndpoints.createOrUpdate", { endpoint: name }, {
            what: `create online endpoint ${name}`,
            // The SDK's form: empty tags, properties and traffic maps; public access left to the service's default.
            body: {
                tags: {},
                location: await this.location(),
                identity: { type: "SystemAssigned" },
                properties: {
                    authMode: "Key",
                    description: "Managed by mlops-action deploy-endpoint",
                    properties: {},
                    mirrorTraffic: {},
                    traffic: {},
                },
            },
        });
        await this.client.waitLro(r, `create online endpoint ${name}`);
        if (this.client.dryRun)
            return { name, scoringUri: "", traffic: {}, deployments: [] };
        return (await this.get(name));
    }
    /** The ARM id of an environment: registered references pass through, an image becomes an anonymous environment. */
    async environmentId(environment) {
        const env = environment ?? "mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest";
        const registered = (0,references/* parseRegisteredRef */.Xd)(env);
        if (registered && (registered.label ?? "latest") === "latest") {
            return this.client.id("environmentVersions.get", { name: registered.name, version: registered.version ?? "1" });
        }
        if (/^azureml:\/\//.test(env) || env.startsWith("/subscriptions/"))
            return env.replace(/^azureml:/, "");
        return this.environments.register({ image: env }, `environment ${env}`);
    }
    async createDeployment(endpoint, deployment, log) {
        const codeId = await this.code.upload(deployment.codeDir, log);
        const scoringScript = (0,external_node_path_.relative)(deployment.codeDir, deployment.scoringScript).split(external_node_path_.sep).join("/");
        if (scoringScript.startsWith("..")) {
            throw new errors/* UserError */.yo(`scoring script ${deployment.scoringScript} is outside the code folder ${deployment.codeDir}`, { subject: "scoringScript" }, "Put score.py inside the code folder");
        }
        // A registry's version is named by its asset id (azureml://registries/...), a workspace's by its ARM id.
        const model = deployment.model.assetId ??
            this.client.id("modelVersions.get", {
                name: deployment.model.name,
                version: deployment.model.version,
            });
        // The SDK's form: empty tags, environment variables and properties; scale settings left to the service's default.
        const body = {
            tags: {},
            location: await this.location(),
            sku: { name: "Default", capacity: deployment.instanceCount ?? 1 },
            properties: {
                endpointComputeType: "Managed",
                model,
                codeConfiguration: { codeId, scoringScript },
                environmentId: await this.environmentId(deployment.environment),
                environmentVariables: {},
                properties: {},
                instanceType: deployment.instanceType ?? "Standard_DS3_v2",
                appInsightsEnabled: false,
            },
        };
        log.info(`Creating deployment ${endpoint}/${deployment.name} (${deployment.model.name}:${deployment.model.version}, ${body.properties.instanceType} × ${body.sku.capacity})`);
        const r = await this.client.must("onlineDeployments.createOrUpdate", { endpoint, deployment: deployment.name }, {
            body,
            what: `create deployment ${endpoint}/${deployment.name}`,
        });
        try {
            await this.client.waitLro(r, `create deployment ${endpoint}/${deployment.name}`);
        }
        catch (error) {
            if (!(error instanceof errors/* UserError */.yo))
                throw error;
            log.error(error.describe());
            return { name: deployment.name, model, status: "Failed" };
        }
        if (this.client.dryRun)
            return { name: deployment.name, model, status: "Succeeded" };
        const d = await this.client.must("onlineDeployments.get", { endpoint, deployment: deployment.name }, {
            what: `read deployment ${endpoint}/${deployment.name}`,
        });
        return { name: deployment.name, model, status: deploymentStatus(d.body.properties.provisioningState) };
    }
    async setTraffic(endpoint, traffic, log) {
        const ep = await this.mustReadEndpoint(endpoint);
        const body = trafficUpdate(ep, traffic);
        log.info(`Traffic of ${endpoint}: ${shares(traffic)}`);
        const r = await this.client.must("onlineEndpoints.createOrUpdate", { endpoint }, {
            body,
            what: `set traffic of ${endpoint}`,
        });
        await this.client.waitLro(r, `set traffic of ${endpoint}`);
        if (this.client.dryRun)
            return { name: endpoint, scoringUri: ep.properties.scoringUri ?? "", traffic, deployments: [] };
        return (await this.get(endpoint));
    }
    /**
     * Mirrored traffic is a property of the endpoint, like traffic: the whole endpoint is PUT again
     * with the new `mirrorTraffic` map (deployment → percent, at most 50 in all) and its traffic
     * unchanged, as `az ml online-endpoint update --mirror-traffic green=10` does.
     */
    async setMirror(endpoint, mirror, log) {
        const ep = await this.mustReadEndpoint(endpoint);
        const body = trafficUpdate(ep, ep.properties.traffic ?? {}, mirror);
        log.info(`Mirrored traffic of ${endpoint}: ${shares(mirror)}`);
        const r = await this.client.must("onlineEndpoints.createOrUpdate", { endpoint }, { body, what: `set mirrored traffic of ${endpoint}` });
        await this.client.waitLro(r, `set mirrored traffic of ${endpoint}`);
        if (this.client.dryRun)
            return {
                name: endpoint,
                scoringUri: ep.properties.scoringUri ?? "",
                traffic: {},
                mirrorTraffic: mirror,
                deployments: [],
            };
        return (await this.get(endpoint));
    }
    async deleteDeployment(endpoint, deployment, log) {
        log.info(`Deleting deployment ${endpoint}/${deployment}`);
        const r = await this.client.send("onlineDeployments.delete", { endpoint, deployment }, {
            allow404: true,
            what: `delete deployment ${endpoint}/${deployment}`,
        });
        if (r)
            await this.client.waitLro(r, `delete deployment ${endpoint}/${deployment}`);
    }
    async key(endpoint) {
        let key = this.keys.get(endpoint);
        if (!key) {
            try {
                const keys = await this.client.sdk.onlineEndpoints.listKeys(this.client.ref.resourceGroup, this.client.ref.workspaceName, endpoint);
                key = keys.primaryKey ?? "";
            }
            catch (error) {
                throw this.client.toUserError(`read the keys of endpoint ${endpoint}`, error);
            }
            if (!key)
                throw new errors/* UserError */.yo(`endpoint ${endpoint} has no key`, { subject: "endpoint" }, "Use an endpoint with authMode Key");
            this.log.secret(key);
            this.keys.set(endpoint, key);
        }
        return key;
    }
    async invoke(endpoint, body, deployment, options = {}) {
        // An endpoint's scoring URI does not change: read once, so a measured request is only the request.
        let uri = this.scoringUris.get(endpoint);
        if (!uri) {
            uri = (await this.readEndpoint(endpoint))?.properties.scoringUri;
            if (!uri)
                throw new errors/* UserError */.yo(`online endpoint '${endpoint}' has no scoring URI`, { subject: "endpoint" }, "Wait until the endpoint is provisioned");
            this.scoringUris.set(endpoint, uri);
        }
        const key = await this.key(endpoint);
        const headers = (0,esm/* createHttpHeaders */.Nc)({ "content-type": "application/json", authorization: `Bearer ${key}` });
        if (deployment)
            headers.set("azureml-model-deployment", deployment);
        const plain = this.dataPlane.plainPipeline();
        const http = plain.http;
        this.singleAttempt ??= (0,esm/* createPipelineFromOptions */.Fp)({
            retryOptions: { maxRetries: 0 },
            tlsOptions: this.client.tlsOptions,
        });
        const pipeline = options.once ? this.singleAttempt : plain.pipeline;
        const request = (0,esm/* createPipelineRequest */.G6)({
            url: uri,
            method: "POST",
            headers,
            body,
            tlsSettings: this.client.tlsOptions,
            timeout: 90_000,
        });
        const r = await pipeline.sendRequest(http, request);
        return {
            status: r.status,
            body: r.bodyAsText ?? "",
            deployment: r.headers.get("azureml-model-deployment") ?? deployment,
        };
    }
    platformMetrics(endpoint, window, signal) {
        return readEndpointMetrics(this.client, endpoint, window, signal);
    }
    async delete(name, log) {
        log.info(`Deleting online endpoint ${name}`);
        this.scoringUris.delete(name);
        this.keys.delete(name);
        const r = await this.client.send("onlineEndpoints.delete", { endpoint: name }, {
            allow404: true,
            what: `delete online endpoint ${name}`,
        });
        if (r)
            await this.client.waitLro(r, `delete online endpoint ${name}`);
    }
}
/**
 * The endpoint PUT that sets traffic, in the SDK's form: what the user can set on an endpoint (tags,
 * location, identity type, auth mode, description, properties, mirror traffic) and the new traffic;
 * nothing the service generated (identity principal, provisioning state, URIs, its own properties).
 */
function trafficUpdate(ep, traffic, mirror) {
    const p = ep.properties;
    const identity = ep.identity;
    const userAssigned = identity?.userAssignedIdentities
        ? Object.fromEntries(Object.keys(identity.userAssignedIdentities).map((k) => [k, {}]))
        : undefined;
    const own = Object.fromEntries(Object.entries(p.properties ?? {}).filter(([k]) => !k.startsWith("azureml.") && k !== "AzureAsyncOperationUri"));
    const properties = { authMode: p.authMode ?? "Key" };
    if (typeof p.description === "string")
        properties.description = p.description;
    properties.properties = own;
    properties.mirrorTraffic = mirror ?? p.mirrorTraffic ?? {};
    properties.traffic = traffic;
    return {
        tags: ep.tags ?? {},
        location: ep.location,
        identity: identity?.type
            ? { type: identity.type, ...(userAssigned ? { userAssignedIdentities: userAssigned } : {}) }
            : undefined,
        properties,
    };
}
/** `blue 90%, green 10%`, or `none`, for a log line. */
function shares(map) {
    return (Object.entries(map)
        .map(([d, p]) => `${d} ${p}%`)
        .join(", ") || "none");
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/batch-endpoints.js
/**
 * Azure ML batch endpoints: endpoints and deployments through hand-written requests (routes and
 * api-version in contract/routes.ts, bodies in contract/wire/batch-*.ts, in the SDK's form), each
 * change a long-running operation followed to its end; the default deployment set by PUTting the
 * endpoint with `defaults.deploymentName`. An invocation is a batch job POSTed to the endpoint's
 * scoring URI (batch-invocation.ts); the job is then an ordinary workspace job, waited for and
 * its logs streamed as pipeline jobs are (jobs.ts), and its output file read from the datastore.
 */











/** Azure ML's rule for endpoint names (the SDK's EndpointConfigurations). */
const ENDPOINT_NAME = /^[a-zA-Z]([-a-zA-Z0-9]{1,30}[a-zA-Z0-9])$/;
/** The curated image the online deployments default to: Python with the inference server. */
const DEFAULT_IMAGE = "mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest";
/** `name:version` for a workspace model's ARM id; any other id (a registry's) as it is. */
function modelLabel(assetId) {
    const m = /\/models\/([^/]+)\/versions\/([^/]+)$/.exec(assetId ?? "");
    return m && assetId?.startsWith("/subscriptions/")
        ? `${decodeURIComponent(m[1])}:${decodeURIComponent(m[2])}`
        : (assetId ?? "");
}
class AzureBatchEndpoints {
    client;
    code;
    storage;
    jobs;
    dataPlane;
    location;
    log;
    environments;
    computes;
    invoked = new Map();
    constructor(client, code, storage, jobs, dataPlane, location, log, environments = new EnvironmentRegistry(client), computes = new ComputeResolver(client)) {
        this.client = client;
        this.code = code;
        this.storage = storage;
        this.jobs = jobs;
        this.dataPlane = dataPlane;
        this.location = location;
        this.log = log;
        this.environments = environments;
        this.computes = computes;
    }
    async readEndpoint(name) {
        return (await this.client.send("batchEndpoints.get", { endpoint: name }, { allow404: true, what: `read batch endpoint ${name}` }))?.body;
    }
    async mustReadEndpoint(name) {
        const ep = await this.readEndpoint(name);
        if (!ep)
            throw new errors/* UserError */.yo(`batch endpoint '${name}' does not exist`, { subject: "endpoint" }, "Create it first (deploy-endpoint with endpointType: batch creates it when absent)");
        return ep;
    }
    async deployments(endpoint) {
        const what = `list deployments of batch endpoint ${endpoint}`;
        const first = await this.client.must("batchDeployments.list", { endpoint }, { what });
        const out = [...(first.body.value ?? [])];
        for (let next = first.body.nextLink; next;) {
            const page = await this.client.mustUrl("GET", next, { what });
            out.push(...(page.body.value ?? []));
            next = page.body.nextLink;
        }
        return out;
    }
    toState(ep, deps) {
        return {
            name: ep.name,
            defaultDeployment: ep.properties.defaults?.deploymentName ?? undefined,
            scoringUri: ep.properties.scoringUri ?? "",
            deployments: deps.map((d) => ({
                name: d.name,
                model: modelLabel(d.properties.model?.assetId),
                status: deploymentStatus(d.properties.provisioningState),
            })),
        };
    }
    async get(name) {
        const ep = await this.readEndpoint(name);
        return ep ? this.toState(ep, await this.deployments(name)) : undefined;
    }
    async list() {
        const what = "list batch endpoints";
        const first = await this.client.must("batchEndpoints.list", {}, { what });
        const eps = [...(first.body.value ?? [])];
        for (let next = first.body.nextLink; next;) {
            const page = await this.client.mustUrl("GET", next, { what });
            eps.push(...(page.body.value ?? []));
            next = page.body.nextLink;
        }
        const out = [];
        for (const ep of eps)
            out.push(this.toState(ep, await this.deployments(ep.name)));
        return out;
    }
    async ensure(name, log) {
        if (!ENDPOINT_NAME.test(name)) {
            throw new errors/* UserError */.yo(`'${name}' is not a valid batch endpoint name`, { subject: "endpoint" }, "Use 3 to 32 letters, digits and '-', starting with a letter and ending with a letter or digit");
        }
        const existing = await this.get(name);
        if (existing)
            return existing;
        log.info(`Creating batch endpoint ${name}`);
        const what = `create batch endpoint ${name}`;
        const body = batchEndpointBody({
            location: await this.location(),
            description: "Managed by mlops-action deploy-endpoint",
        });
        const r = await this.client.must("batchEndpoints.createOrUpdate", { endpoint: name }, { body, what });
        await this.client.waitLro(r, what);
        if (this.client.dryRun)
            return { name, deployments: [], scoringUri: "" };
        return (await this.get(name));
    }
    /** The ARM id of an environment: registered references pass through, an image becomes an anonymous environment. */
    async environmentId(environment, log) {
        const env = environment ?? DEFAULT_IMAGE;
        const registered = (0,references/* parseRegisteredRef */.Xd)(env);
        if (registered && (registered.label ?? "latest") === "latest") {
            return this.client.id("environmentVersions.get", { name: registered.name, version: registered.version ?? "1" });
        }
        if (/^azureml:\/\//.test(env) || env.startsWith("/subscriptions/"))
            return env.replace(/^azureml:/, "");
        return this.environments.register({ image: env }, `environment ${env}`, log);
    }
    /** The compute cluster's ARM id, after checking that the workspace has it. */
    async computeId(compute) {
        if (!compute) {
            throw new errors/* UserError */.yo("a batch deployment on Azure ML needs a compute cluster", { subject: "compute" }, "Name one of the workspace's compute clusters, such as cpu-cluster");
        }
        try {
            return await this.computes.resolve(compute, "batch deployment");
        }
        catch (error) {
            if (error instanceof errors/* UserError */.yo)
                throw new errors/* UserError */.yo(error.message, { subject: "compute" }, error.fix);
            throw error;
        }
    }
    async createDeployment(endpoint, deployment, log) {
        const computeId = await this.computeId(deployment.compute);
        const scoringScript = (0,external_node_path_.relative)(deployment.codeDir, deployment.scoringScript).split(external_node_path_.sep).join("/");
        if (scoringScript.startsWith("..")) {
            throw new errors/* UserError */.yo(`scoring script ${deployment.scoringScript} is outside the code folder ${deployment.codeDir}`, { subject: "scoringScript" }, "Put score.py inside the code folder");
        }
        const codeId = await this.code.upload(deployment.codeDir, log);
        // A registry's model is named by its asset id; a workspace's own by its ARM id.
        const modelId = deployment.model.assetId ??
            this.client.id("modelVersions.get", { name: deployment.model.name, version: deployment.model.version });
        const body = batchDeploymentBody({
            location: await this.location(),
            description: "Managed by mlops-action deploy-endpoint",
            computeId,
            codeId,
            scoringScript,
            environmentId: await this.environmentId(deployment.environment, log),
            modelId,
            miniBatchSize: deployment.miniBatchSize,
            maxConcurrency: deployment.maxConcurrency,
            errorThreshold: deployment.errorThreshold,
            outputFile: deployment.outputFile,
            instanceCount: deployment.instanceCount,
            retry: deployment.retry,
        });
        const label = modelLabel(modelId);
        log.info(`Creating batch deployment ${endpoint}/${deployment.name} (${label}, ${deployment.compute} × ${deployment.instanceCount ?? 1}, ${deployment.miniBatchSize} file(s) per mini-batch)`);
        const what = `create batch deployment ${endpoint}/${deployment.name}`;
        const r = await this.client.must("batchDeployments.createOrUpdate", { endpoint, deployment: deployment.name }, { body, what });
        try {
            await this.client.waitLro(r, what);
        }
        catch (error) {
            if (!(error instanceof errors/* UserError */.yo))
                throw error;
            log.error(error.describe());
            return { name: deployment.name, model: label, status: "Failed", error: error.message };
        }
        if (this.client.dryRun)
            return { name: deployment.name, model: label, status: "Succeeded" };
        const d = await this.client.must("batchDeployments.get", { endpoint, deployment: deployment.name }, { what: `read batch deployment ${endpoint}/${deployment.name}` });
        return { name: deployment.name, model: label, status: deploymentStatus(d.body.properties.provisioningState) };
    }
    async setDefault(endpoint, deployment, log) {
        // In plan mode the endpoint may itself be planned: the plan then holds its create with the default set.
        const ep = this.client.dryRun ? await this.readEndpoint(endpoint) : await this.mustReadEndpoint(endpoint);
        log.info(`Default deployment of batch endpoint ${endpoint}: ${deployment}`);
        const what = `set the default deployment of ${endpoint}`;
        const body = ep
            ? batchEndpointDefaultUpdate(ep, deployment)
            : batchEndpointDefaultUpdate({
                name: endpoint,
                ...batchEndpointBody({
                    location: await this.location(),
                    description: "Managed by mlops-action deploy-endpoint",
                }),
            }, deployment);
        const r = await this.client.must("batchEndpoints.createOrUpdate", { endpoint }, { body, what });
        await this.client.waitLro(r, what);
        if (this.client.dryRun)
            return {
                name: endpoint,
                defaultDeployment: deployment,
                deployments: [],
                scoringUri: ep?.properties.scoringUri ?? "",
            };
        return (await this.get(endpoint));
    }
    async deleteDeployment(endpoint, deployment, log) {
        log.info(`Deleting batch deployment ${endpoint}/${deployment}`);
        const what = `delete batch deployment ${endpoint}/${deployment}`;
        const r = await this.client.send("batchDeployments.delete", { endpoint, deployment }, { allow404: true, what });
        if (r)
            await this.client.waitLro(r, what);
    }
    async delete(name, log) {
        log.info(`Deleting batch endpoint ${name}`);
        const what = `delete batch endpoint ${name}`;
        const r = await this.client.send("batchEndpoints.delete", { endpoint: name }, { allow404: true, what });
        if (r)
            await this.client.waitLro(r, what);
    }
    async invoke(endpoint, invocation, options) {
        const { log, signal } = options;
        const dryRun = this.client.dryRun;
        // In plan mode the endpoint and deployment may be planned, not made: what exists is checked.
        const ep = dryRun ? await this.readEndpoint(endpoint) : await this.mustReadEndpoint(endpoint);
        const deployment = invocation.deployment ?? ep?.properties.defaults?.deploymentName ?? undefined;
        if (!deployment) {
            throw new errors/* UserError */.yo(`batch endpoint '${endpoint}' has no default deployment`, { subject: "endpoint" }, "Name the deployment to invoke, or make one the default first");
        }
        const dep = ep
            ? (await this.client.send("batchDeployments.get", { endpoint, deployment }, { allow404: true, what: `read batch deployment ${endpoint}/${deployment}` }))?.body
            : undefined;
        if (!dep && !dryRun) {
            throw new errors/* UserError */.yo(`batch endpoint '${endpoint}' has no deployment '${deployment}'`, { subject: "deployment" }, "Create the deployment first");
        }
        const deploymentFile = dep?.properties.outputFileName ?? "predictions.csv";
        const outputFile = invocation.outputFile ?? deploymentFile;
        let outputPath = invocation.outputPath;
        if (!outputPath && outputFile !== deploymentFile) {
            // Another file name than the deployment's needs an output location: a fresh folder of the default datastore.
            const store = (await this.storage.defaultDatastore()).name;
            outputPath = `azureml://datastores/${store}/paths/azureml/batch-outputs/${endpoint}/${(0,external_node_crypto_.randomUUID)()}`;
        }
        const input = await resolveBatchInput(this.client, this.storage, invocation.input, log, signal);
        const fileUri = outputPath ? outputFileUri(outputPath, outputFile) : undefined;
        const scoringUri = ep?.properties.scoringUri;
        if (!scoringUri && !dryRun) {
            throw new errors/* UserError */.yo(`batch endpoint '${endpoint}' has no scoring URI yet`, { subject: "endpoint" }, "Wait until the endpoint is provisioned, then re-run");
        }
        const name = await postBatchJob(this.client, this.dataPlane, 
        // A planned endpoint has no URI yet: the plan names whose it will be.
        scoringUri ?? `<scoring URI of batch endpoint '${endpoint}'>`, batchInvocationBody({ input, outputFileUri: fileUri }), invocation.deployment, `invoke batch endpoint ${endpoint}`, signal);
        this.invoked.set(name, { endpoint, deployment, outputPath, outputFile });
        log.info(`${dryRun ? "Plan: would start" : "Started"} batch scoring job ${name} on ${endpoint}/${deployment} over ${input.uri}`);
        return name;
    }
    /** The batch view of a workspace job: where its output went, from this process's invocation or the job. */
    toRecord(job) {
        const known = this.invoked.get(job.name);
        // Another process's job: where it wrote is its `score` output, a folder (the job's own) or,
        // when the invocation named one, the output file itself.
        const score = job.outputs[BATCH_OUTPUT];
        const fromJob = score && !/^azureml:\/\/jobs\//.test(score) ? score : "";
        const isFile = fromJob !== "" && !fromJob.endsWith("/") && /\.[^/]+$/.test(fromJob);
        const outputPath = known?.outputPath ?? (isFile ? fromJob.slice(0, fromJob.lastIndexOf("/")) : fromJob);
        const outputFile = known?.outputFile ?? (isFile ? fromJob.slice(fromJob.lastIndexOf("/") + 1) : "predictions.csv");
        const failedAt = job.steps.find((st) => st.status === "Failed" && st.where)?.where;
        return {
            name: job.name,
            // Azure ML files a batch job under an experiment named after its endpoint.
            endpoint: known?.endpoint ?? job.experimentName,
            deployment: known?.deployment ?? "",
            status: job.status,
            outputPath,
            outputFile,
            ...(job.error ? { error: job.error } : {}),
            // The user's file:line when the scoring step failed in their script (from its traceback).
            ...(failedAt ? { where: failedAt } : {}),
            ...(job.studioUrl ? { studioUrl: job.studioUrl } : {}),
        };
    }
    async wait(job, options) {
        if (this.client.dryRun) {
            options.log.info(`Plan: would wait for batch scoring job ${job}.`);
            const known = this.invoked.get(job);
            return {
                name: job,
                endpoint: known?.endpoint ?? "",
                deployment: known?.deployment ?? "",
                status: "NotStarted",
                outputPath: known?.outputPath ?? "",
                outputFile: known?.outputFile ?? "predictions.csv",
            };
        }
        return this.toRecord(await this.jobs.wait(job, options));
    }
    async getJob(job) {
        const record = await this.jobs.get(job);
        return record ? this.toRecord(record) : undefined;
    }
    async readOutput(job, dir, log) {
        if (this.client.dryRun || !job.outputPath)
            return undefined;
        const parsed = (0,azureml_storage/* parseDatastoreUri */.xW)(job.outputPath);
        if (!parsed) {
            throw new errors/* UserError */.yo(`the output of batch job ${job.name} is at '${job.outputPath}', not in a datastore`, { subject: "outputPath" }, "Give an azureml://datastores/<name>/paths/<folder> output path");
        }
        const defaultName = (await this.storage.defaultDatastore()).name;
        const store = parsed.datastore === defaultName ? this.storage : new azureml_storage/* DatastoreAccess */.__(this.client, this.log, parsed.datastore);
        const blob = `${parsed.path.replace(/\/+$/, "")}/${job.outputFile}`.replace(/^\/+/, "");
        const local = (0,external_node_path_.join)(dir, job.outputFile);
        if (!(await store.downloadBlob(blob, local)))
            return undefined;
        log.info(`Read ${job.outputFile} of batch job ${job.name} from ${parsed.datastore}/${blob}`);
        return local;
    }
}

// EXTERNAL MODULE: ./node_modules/@azure/arm-machinelearning/dist/index.js
var dist = __webpack_require__(34789);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/arm-error.js
var arm_error = __webpack_require__(77379);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/contract/errors.js
var contract_errors = __webpack_require__(88202);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/contract/routes.js
var routes = __webpack_require__(37939);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/http-timeouts.js
var http_timeouts = __webpack_require__(58005);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/client.js
/**
 * One HTTP pipeline for everything the backend sends to Azure ML: the SDK client's own pipeline
 * (bearer token policy + the Azure SDK's retry policies: 408, 429, 5xx but 501/505, connection
 * resets; Retry-After, retry-after-ms, x-ms-retry-after-ms) is reused for hand-written requests, so
 * both paths share the credential, the retries and the plan recorder.
 *
 * Through the SDK (`@azure/arm-machinelearning`, api-version 2022-10-01): workspace, datastores and
 * their secrets, data/model/code versions, endpoint keys. Their 2022-10-01 models carry every field
 * this project sends, and the SDK gives typed results.
 * Hand-written: jobs (pipeline job nodes, settings and newer job fields the typed models drop),
 * online endpoints and deployments (newer settings, full-body traffic updates, because the SDK's
 * PATCH model has no `traffic`), cancellation, and the data plane ARM has no API for: run history
 * and MLflow. Each names an operation of the route table (contract/routes.ts), which holds its
 * method, path and api-version; only URLs the service hands back (long-running operation status,
 * next pages, the discovery document) are sent as given.
 */







const DEFAULT_TIMING = { pollMs: 5000, maxPollMs: 30_000, retryDelayMs: 800, maxRetries: 6 };
/** POSTs that only read: secrets, keys, tokens, and a registry's read SAS for a model's files (a data reference). */
const READ_ONLY_POST = /\/(listSecrets|listKeys|listkeys|token)$|\/registries\/[^/]+\/datareferences\/[^/]+\/versions\/[^/]+$/;
/** Records and short-circuits every request that would change the workspace (plan mode). */
function planPolicy(plan) {
    return {
        name: "mlopsPlanPolicy",
        async sendRequest(request, next) {
            const url = new URL(request.url);
            const mutating = request.method !== "GET" && request.method !== "HEAD" && !READ_ONLY_POST.test(url.pathname);
            if (!mutating)
                return next(request);
            let body;
            if (typeof request.body === "string") {
                try {
                    body = JSON.parse(request.body);
                }
                catch {
                    body = request.body;
                }
            }
            plan.push({
                method: request.method,
                path: url.pathname,
                apiVersion: url.searchParams.get("api-version") ?? undefined,
                ...(body !== undefined ? { body } : {}),
            });
            // Answer as the service would, with the resource that was asked for.
            const name = decodeURIComponent(url.pathname.split("/").at(-1) ?? "");
            const echoed = body && typeof body === "object"
                ? {
                    id: url.pathname,
                    name,
                    ...body,
                    properties: {
                        ...(body.properties ?? {}),
                        provisioningState: "Succeeded",
                        status: "NotStarted",
                    },
                }
                : undefined;
            return {
                request,
                status: request.method === "DELETE" ? 204 : 200,
                headers: (0,esm/* createHttpHeaders */.Nc)({ "content-type": "application/json", "x-mlops-dry-run": "true" }),
                bodyAsText: echoed ? JSON.stringify(echoed) : "",
            };
        },
    };
}
class AzureMlClient {
    ref;
    cloud;
    credential;
    timing;
    dryRun;
    tlsOptions;
    agents;
    sdk;
    wsPath;
    plan = [];
    constructor(ref, cloud, credential, timing, dryRun, tlsOptions, 
    /** Timed sockets shared by every client of this workspace (sign-in, ARM, data plane, storage). */
    agents = new http_timeouts.TimedAgents(timing.http ?? http_timeouts.DEFAULT_HTTP_TIMEOUTS)) {
        this.ref = ref;
        this.cloud = cloud;
        this.credential = credential;
        this.timing = timing;
        this.dryRun = dryRun;
        this.tlsOptions = tlsOptions;
        this.agents = agents;
        this.sdk = new dist/* AzureMachineLearningWorkspaces */.FQ(credential, ref.subscriptionId, {
            // Every request, typed or hand-written, goes out on a socket with connect and idle timeouts.
            httpClient: (0,http_timeouts.timedHttpClient)(agents),
            endpoint: cloud.resourceManager,
            credentialScopes: [cloud.armScope],
            retryOptions: { maxRetries: timing.maxRetries, retryDelayInMs: timing.retryDelayMs, maxRetryDelayInMs: 60_000 },
            tlsOptions,
            userAgentOptions: { userAgentPrefix: "mlops-action" },
        });
        // After serialisation (the body is final) and deserialisation (the SDK reads the synthetic answer).
        if (dryRun)
            this.sdk.pipeline.addPolicy(planPolicy(this.plan), { afterPhase: "Deserialize" });
        this.wsPath = (0,routes/* workspaceId */.RX)(ref);
    }
    get resourceId() {
        return this.wsPath;
    }
    /** The ARM id of a resource in this workspace, as request bodies reference it. */
    id(op, params) {
        return (0,routes/* resourceId */.a)(op, params, this.ref);
    }
    /** The URL of an operation: its path with encoded segments, its api-version, the query asked for. */
    operationUrl(op, params, options = {}) {
        return (0,routes/* routeUrl */.zo)(op, params, this.ref, { resourceManager: this.cloud.resourceManager, ...options });
    }
    /**
     * Sends one JSON request through the shared pipeline, for an operation of the route table (its
     * method, path and api-version); ARM errors become one UserError line.
     */
    send(op, params, options) {
        return this.sendUrl(routes/* ROUTES */.bw[op].method, this.operationUrl(op, params, options), options);
    }
    /** Like send, for requests that must succeed and answer. */
    async must(op, params, options) {
        return (await this.send(op, params, options));
    }
    /** Like must, for a URL the service handed back (operation status, a next page, a discovery document). */
    async mustUrl(method, url, options) {
        return (await this.sendUrl(method, url, options));
    }
    /** Sends one JSON request to a full URL through the shared pipeline. */
    async sendUrl(method, url, options) {
        const request = (0,esm/* createPipelineRequest */.G6)({
            url,
            method,
            headers: (0,esm/* createHttpHeaders */.Nc)({ accept: "application/json", ...options.headers }),
            abortSignal: options.signal,
            tlsSettings: this.tlsOptions,
        });
        if (options.body !== undefined) {
            request.headers.set("content-type", "application/json");
            request.body = JSON.stringify(options.body);
        }
        let response;
        try {
            response = await this.sdk.sendRequest(request);
        }
        catch (error) {
            throw this.toUserError(options.what, error);
        }
        if (response.status === 404 && options.allow404)
            return undefined;
        const text = response.bodyAsText ?? "";
        if (response.status >= 400)
            throw this.toUserError(options.what, (0,contract_errors/* restErrorFrom */.Rj)(request, response));
        let body;
        try {
            body = text ? JSON.parse(text) : undefined;
        }
        catch {
            body = text;
        }
        return { status: response.status, headers: response.headers, body: body, text };
    }
    /**
     * Waits for a long-running operation started by `first`: follows Azure-AsyncOperation (its
     * status document) or else Location (202 until done), sleeping as Retry-After says.
     */
    async waitLro(first, what, signal) {
        if (first.headers.get("x-mlops-dry-run"))
            return;
        const asyncUrl = first.headers.get("azure-asyncoperation");
        const location = first.headers.get("location");
        if (!asyncUrl && !location)
            return;
        let retryAfter = first.headers.get("retry-after");
        for (;;) {
            await sleep(this.retryAfterMs(retryAfter), signal);
            if (asyncUrl) {
                const r = await this.mustUrl("GET", asyncUrl, {
                    what: `${what} (status)`,
                    signal,
                });
                const status = r.body?.status ?? "";
                if (/^(Succeeded)$/i.test(status))
                    return;
                if (/^(Failed|Canceled|Cancelled)$/i.test(status)) {
                    throw (0,arm_error/* armUserError */.M)(`${what} (long-running operation ended ${status})`, undefined, r.body?.error, this.scope());
                }
                retryAfter = r.headers.get("retry-after");
            }
            else if (location) {
                const r = await this.mustUrl("GET", location, { what: `${what} (result)`, signal });
                if (r.status !== 202)
                    return;
                retryAfter = r.headers.get("retry-after");
            }
        }
    }
    retryAfterMs(header) {
        if (header !== undefined && header !== "") {
            const seconds = Number(header);
            if (Number.isFinite(seconds))
                return Math.min(seconds * 1000, 60_000);
            const date = Date.parse(header);
            if (Number.isFinite(date))
                return Math.max(0, Math.min(date - Date.now(), 60_000));
        }
        return this.timing.pollMs;
    }
    scope() {
        return { workspace: this.ref.workspaceName, resourceId: this.resourceId };
    }
    /**
     * Errors thrown by the SDK, our requests (RestError) or the network, as one line for the user;
     * a service error stays reachable as the line's `cause`.
     */
    toUserError(what, error) {
        if (error instanceof errors/* UserError */.yo)
            return error;
        if ((0,contract_errors/* isRestError */.T0)(error) && error.statusCode !== undefined) {
            const line = (0,arm_error/* armUserError */.M)(what, error.statusCode, (0,contract_errors/* armErrorOf */.ov)(error), this.scope(), {
                retryAfterMs: retryAfterOf(error.response?.headers),
                retries: this.timing.maxRetries,
            });
            line.cause = error;
            return line;
        }
        const e = error;
        if (e?.name === "AbortError")
            return error;
        if (e?.name === "CredentialUnavailableError" ||
            e?.name === "AuthenticationError" ||
            e?.name === "AggregateAuthenticationError") {
            const text = String(e.message ?? "");
            const reason = /AADSTS\d+:[^.]*\./.exec(text)?.[0] ?? text.split("\n")[0];
            return new errors/* UserError */.yo(`${what} failed: could not sign in to Azure: ${reason}`, { input: "clientId" }, "Check clientId, tenantId and the secret or federated credential (GitHub: permissions: id-token: write), or log in with azure/login, or name an Azure DevOps service connection");
        }
        if (e?.code && http_timeouts.TIMEOUT_CODES.has(e.code)) {
            const t = this.agents.timeouts;
            return new errors/* UserError */.yo(`${what} failed: ${e.message} (after ${this.timing.maxRetries} retries)`, {}, `Check the network, proxy and the cloud/endpoint inputs, then re-run; on a slow link raise MLOPS_HTTP_CONNECT_TIMEOUT_MS (now ${t.connectMs}) or MLOPS_HTTP_IDLE_TIMEOUT_MS (now ${t.idleMs})`);
        }
        if (e?.code && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN)$/.test(e.code)) {
            return new errors/* UserError */.yo(`${what} failed: could not reach Azure (${e.code}) after retries`, {}, "Check the network and the cloud/endpoint inputs, then re-run");
        }
        return error instanceof Error ? error : new Error(String(error));
    }
}
/** The wait an answer asked for, in ms: retry-after-ms, x-ms-retry-after-ms, or Retry-After (seconds or an HTTP date). */
function retryAfterOf(headers) {
    for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
        const ms = Number(headers?.get(name));
        if (headers?.get(name) && Number.isFinite(ms))
            return ms;
    }
    const value = headers?.get("retry-after");
    if (!value)
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return seconds * 1000;
    const date = Date.parse(value);
    return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
/** An abortable sleep. */
function sleep(ms, signal) {
    if (signal?.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/cloud.js

/** Azure Storage's resource in Entra ID, the default scope of @azure/storage-blob and `az storage --auth-mode login`. */
const STORAGE_SCOPE = "https://storage.azure.com/.default";
const CLOUDS = {
    AzureCloud: {
        name: "AzureCloud",
        resourceManager: "https://management.azure.com",
        authorityHost: "https://login.microsoftonline.com",
        armScope: "https://management.azure.com/.default",
        storageSuffix: "core.windows.net",
        storageScope: STORAGE_SCOPE,
        studio: "https://ml.azure.com",
    },
    AzureChinaCloud: {
        name: "AzureChinaCloud",
        resourceManager: "https://management.chinacloudapi.cn",
        authorityHost: "https://login.chinacloudapi.cn",
        armScope: "https://management.chinacloudapi.cn/.default",
        storageSuffix: "core.chinacloudapi.cn",
        storageScope: STORAGE_SCOPE,
        studio: "https://studio.ml.azure.cn",
    },
    AzureUSGovernment: {
        name: "AzureUSGovernment",
        resourceManager: "https://management.usgovcloudapi.net",
        authorityHost: "https://login.microsoftonline.us",
        armScope: "https://management.usgovcloudapi.net/.default",
        storageSuffix: "core.usgovcloudapi.net",
        storageScope: STORAGE_SCOPE,
        studio: "https://ml.azure.us",
    },
};
function httpsUrl(value, input) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* UserError */.yo(`'${value}' is not a URL`, { input }, "Give an https:// URL such as https://management.azure.com");
    }
    if (url.protocol !== "https:") {
        throw new errors/* UserError */.yo(`'${value}' is not https`, { input }, "Azure sends tokens over https only: give an https:// URL");
    }
    return url.origin;
}
/**
 * The cloud the inputs name, with explicit endpoints (sovereign or private clouds, emulators)
 * overriding the named cloud's.
 */
function selectCloud(cloud, resourceManager, authorityHost) {
    const name = cloud || "AzureCloud";
    const base = CLOUDS[name];
    if (!base) {
        throw new errors/* UserError */.yo(`unknown cloud '${name}'`, { input: "cloud" }, `Use one of: ${Object.keys(CLOUDS).join(", ")}, or set resourceManagerEndpoint and authorityHost`);
    }
    if (!resourceManager && !authorityHost)
        return base;
    const rm = resourceManager ? httpsUrl(resourceManager, "resourceManagerEndpoint") : base.resourceManager;
    return {
        ...base,
        name: resourceManager ? "custom" : base.name,
        resourceManager: rm,
        authorityHost: authorityHost ? httpsUrl(authorityHost, "authorityHost") : base.authorityHost,
        armScope: `${rm}/.default`,
    };
}
/** True for the public Entra ID hosts MSAL knows; anything else skips instance discovery. */
function isKnownAuthority(host) {
    return Object.values(CLOUDS).some((c) => c.authorityHost === host);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/code-hash.js
/**
 * The content hash azure-ai-ml records on a code version (`hash_sha256`, `hash_version` 202208), so that a
 * code version we upload is recognised by the SDK and the CLI as the same snapshot (and the other way round).
 *
 * SHA-256 over: the number of files; then, for each file in order of its lower-cased relative path,
 * `#<relative path>#` and its size in bytes; then every file's bytes in that same order. Checked against
 * the hash in a recorded SDK session (test/fixtures/sdk-recordings, code/train_src).
 */


const SDK_HASH_VERSION = "202208";
async function sdkContentHash(files) {
    const ordered = [...files].sort((a, b) => {
        const x = a.path.toLowerCase();
        const y = b.path.toLowerCase();
        return x < y ? -1 : x > y ? 1 : 0;
    });
    const hash = (0,external_node_crypto_.createHash)("sha256");
    hash.update(String(ordered.length));
    for (const f of ordered)
        hash.update(`#${f.path}#${f.size}`);
    for (const f of ordered) {
        for await (const chunk of (0,external_node_fs_.createReadStream)(f.local))
            hash.update(chunk);
    }
    return hash.digest("hex");
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/code.js
/**
 * Code folders for jobs and deployments: the files a component ships (honouring `.amlignore`, or
 * `.gitignore` when there is none, as the Azure ML CLI does), hashed, uploaded once per content hash
 * to the default datastore, and registered as an anonymous code version named by that hash.
 */








/** Compiles one .gitignore line (the common subset: *, **, ?, leading /, trailing /, !). */
function compile(line) {
    let p = line.replace(/\s+$/, "");
    if (!p || p.startsWith("#"))
        return undefined;
    const negate = p.startsWith("!");
    if (negate)
        p = p.slice(1);
    const dirOnly = p.endsWith("/");
    if (dirOnly)
        p = p.slice(0, -1);
    const anchored = p.includes("/");
    if (p.startsWith("/"))
        p = p.slice(1);
    let re = "";
    for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === "*" && p[i + 1] === "*") {
            re += p[i + 2] === "/" ? "(?:.*/)?" : ".*";
            i += p[i + 2] === "/" ? 2 : 1;
        }
        else if (c === "*")
            re += "[^/]*";
        else if (c === "?")
            re += "[^/]";
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
    return { negate, dirOnly, regex: new RegExp(`${anchored ? "^" : "(?:^|/)"}${re}(?:/.*)?$`) };
}
class IgnoreRules {
    rules;
    constructor(rules) {
        this.rules = rules;
    }
    static async forFolder(dir) {
        for (const name of [".amlignore", ".gitignore"]) {
            const text = await (0,promises_.readFile)((0,external_node_path_.join)(dir, name), "utf8").catch(() => undefined);
            if (text !== undefined) {
                return {
                    rules: new IgnoreRules(text
                        .split(/\r?\n/)
                        .map(compile)
                        .filter((r) => r !== undefined)),
                    file: name,
                };
            }
        }
        return { rules: new IgnoreRules([]) };
    }
    /** Whether a relative path (forward slashes) is ignored; the last matching rule wins. */
    ignores(path, isDir) {
        let ignored = false;
        for (const r of this.rules) {
            if (r.dirOnly && !isDir && !r.regex.test(path.split("/").slice(0, -1).join("/")))
                continue;
            if (r.regex.test(path))
                ignored = !r.negate;
        }
        return ignored;
    }
}
/** The files of a code folder after ignore rules, sorted, with the folder's content hash. */
async function snapshot(dir) {
    const info = await (0,promises_.stat)(dir).catch(() => undefined);
    if (!info)
        throw new errors/* UserError */.yo(`code folder '${dir}' does not exist`, { file: dir }, "Fix the component's `code:` path");
    if (!info.isDirectory()) {
        const sha256 = await (0,util_files/* sha256File */.Q3)(dir);
        const files = [{ path: (0,external_node_path_.basename)(dir), local: dir, size: info.size, sha256 }];
        return {
            files,
            hash: (0,external_node_crypto_.createHash)("sha256")
                .update(`${(0,external_node_path_.basename)(dir)}\0${sha256}\n`)
                .digest("hex"),
        };
    }
    const { rules, file } = await IgnoreRules.forFolder(dir);
    const files = [];
    const walk = async (d) => {
        for (const e of await (0,promises_.readdir)(d, { withFileTypes: true })) {
            const full = (0,external_node_path_.join)(d, e.name);
            const rel = (0,external_node_path_.relative)(dir, full).split(external_node_path_.sep).join("/");
            if (e.name === ".git" || rules.ignores(rel, e.isDirectory()))
                continue;
            if (e.isDirectory())
                await walk(full);
            else if (e.isFile())
                files.push({ path: rel, local: full, size: (await (0,promises_.stat)(full)).size, sha256: await (0,util_files/* sha256File */.Q3)(full) });
        }
    };
    await walk(dir);
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const hash = (0,external_node_crypto_.createHash)("sha256");
    for (const f of files)
        hash.update(`${f.path}\0${f.sha256}\n`);
    return { files, hash: hash.digest("hex"), ignoreFile: file };
}
/** Uploads code folders once per content hash and returns their ARM code version ids. */
class CodeUploader {
    client;
    storage;
    done = new Map();
    contexts = new Map();
    /** Blob folder URL of each uploaded (or found) code folder, for prompt flows' flow_definition_uri. */
    uris = new Map();
    constructor(client, storage) {
        this.client = client;
        this.storage = storage;
    }
    /** The ARM id of the code version holding `dir`, uploading it if the service has no such hash. */
    upload(dir, log) {
        let p = this.done.get(dir);
        if (!p) {
            p = this.uploadOnce(dir, log);
            this.done.set(dir, p);
        }
        return p;
    }
    /** The blob folder URL of a code folder `upload` has handled. */
    uriOf(dir) {
        return this.uris.get(dir);
    }
    /**
     * A Docker build context (`environment: {build: {path: ...}}`): its files uploaded under their
     * content hash, as the SDK does, and the folder's blob URL (ending in `/`) that
     * `build.contextUri` names. Same content, same URL: nothing is sent twice.
     */
    uploadContext(dir, log) {
        const key = `context:${dir}`;
        let p = this.contexts.get(key);
        if (!p) {
            p = (async () => {
                const snap = await snapshot(dir);
                const prefix = `LocalUpload/${snap.hash.slice(0, 32)}/${(0,external_node_path_.basename)(dir)}`;
                log.info(`Docker build context ${dir}: ${snap.files.length} file(s), content hash ${snap.hash.slice(0, 12)}`);
                await this.storage.upload(snap.files.map((f) => ({ local: f.local, blob: `${prefix}/${f.path}`, size: f.size, sha256: f.sha256 })), prefix, log);
                const ds = await this.storage.defaultDatastore();
                return { uri: `${(0,azureml_storage/* blobServiceUrl */._t)(ds)}/${ds.containerName}/${prefix}/`, hash: snap.hash };
            })();
            this.contexts.set(key, p);
        }
        return p;
    }
    async uploadOnce(dir, log) {
        const snap = await snapshot(dir);
        const name = snap.hash.slice(0, 36);
        const id = this.client.id("codeVersions.get", { name, version: "1" });
        const { resourceGroup, workspaceName } = this.client.ref;
        try {
            const found = await this.client.sdk.codeVersions.get(resourceGroup, workspaceName, name, "1");
            if (found.properties.codeUri)
                this.uris.set(dir, found.properties.codeUri.replace(/:443\//, "/"));
            log.info(`Code ${(0,external_node_path_.relative)(process.cwd(), dir) || "."}: unchanged (content hash ${name.slice(0, 12)}), already in the workspace.`);
            return id;
        }
        catch (error) {
            if (!(0,contract_errors/* isNotFound */.c4)(error))
                throw this.client.toUserError(`read code version ${name}`, error);
        }
        const prefix = `LocalUpload/${name}/${(0,external_node_path_.basename)(dir)}`;
        log.info(`Code ${dir}: ${snap.files.length} file(s)${snap.ignoreFile ? ` after ${snap.ignoreFile}` : ""}, content hash ${name.slice(0, 12)}`);
        await this.storage.upload(snap.files.map((f) => ({ local: f.local, blob: `${prefix}/${f.path}`, size: f.size, sha256: f.sha256 })), prefix, log);
        const ds = await this.storage.defaultDatastore();
        const codeUri = `${(0,azureml_storage/* blobServiceUrl */._t)(ds)}/${ds.containerName}/${prefix}`;
        this.uris.set(dir, codeUri);
        try {
            await this.client.sdk.codeVersions.createOrUpdate(resourceGroup, workspaceName, name, "1", {
                // The SDK's content hash, so the SDK and the CLI recognise this snapshot too.
                properties: {
                    codeUri,
                    isAnonymous: true,
                    properties: { hash_sha256: await sdkContentHash(snap.files), hash_version: SDK_HASH_VERSION },
                },
            });
        }
        catch (error) {
            throw this.client.toUserError(`register code version ${name}`, error);
        }
        return id;
    }
}

// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 149 modules
var dist_esm = __webpack_require__(28503);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/sign-in-errors.js

function guardSignIn(credential, source) {
    return {
        async getToken(scopes, options) {
            try {
                return await credential.getToken(scopes, options);
            }
            catch (error) {
                throw signInError(error, source);
            }
        },
    };
}
const SIGN_IN_ERRORS = new Set([
    "CredentialUnavailableError",
    "AuthenticationError",
    "AuthenticationRequiredError",
    "AggregateAuthenticationError",
]);
/** One line for a sign-in failure; other errors (an abort, a network error) pass through. */
function signInError(error, source) {
    if (error instanceof errors/* UserError */.yo)
        return error;
    const e = error;
    if (!SIGN_IN_ERRORS.has(e?.name ?? "") && !/\bAADSTS\d+/.test(String(e?.message ?? "")))
        return error;
    const text = String(e.message ?? "");
    const code = /AADSTS(\d+)/.exec(text)?.[1];
    // The service's reason without its trace and correlation ids (and the stack, which is never shown).
    const reason = (/AADSTS\d+:[^\r\n]*?(?:\.(?=\s|$)|$)/m.exec(text)?.[0] ?? text.split("\n")[0])
        .replace(/\s+Trace ID:.*$/, "")
        .replace(/\.+$/, "");
    const app = source.clientId ? ` ${source.clientId}` : "";
    const where = source.env ? `${source.env}: ` : "";
    const message = `${where}could not sign in to Azure as ${source.what}: ${reason}`;
    const input = source.env ? undefined : source.input;
    return new errors/* UserError */.yo(message, input ? { input } : {}, fixFor(code, source, app));
}
function fixFor(code, source, app) {
    const secretHome = source.env
        ? `store it in the CI secret ${source.env} is set from`
        : "update the secret where it is stored (the service connection or the CI secret)";
    switch (code) {
        case "7000215":
            return `The client secret is not one of application${app}'s: create a new one (az ad app credential reset --id${app || " <clientId>"} --append) and ${secretHome}`;
        case "7000222":
            return `The client secret of application${app} has expired: create a new one (az ad app credential reset --id${app || " <clientId>"} --append) and ${secretHome}`;
        case "700016":
            return `No application${app} in tenant ${source.tenantId ?? "<tenantId>"}: check the clientId (the application's client id, not its object id) and the tenantId`;
        case "90002":
        case "900023":
            return `Check the tenantId (${source.tenantId ?? "not set"}): it must be the directory (tenant) id of the application`;
        case "70021":
        case "700211":
        case "700212":
        case "700213":
            return `No federated credential of application${app} matches this run: add one whose issuer and subject match the run (the subject is in the message above)`;
        default:
            return "Check clientId, tenantId and the secret or federated credential (GitHub: permissions: id-token: write), or log in with azure/login, or name an Azure DevOps service connection";
    }
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/credential.js





/** The audience GitHub's OIDC tokens must carry for Entra ID workload identity federation. */
const FEDERATION_AUDIENCE = "api://AzureADTokenExchange";
/**
 * The chosen credential, its sign-in failures turned into one line naming the input or variable
 * the failing secret comes from (sign-in-errors.ts). A secret found in the environment is
 * registered with the host before anything can print it.
 */
function chooseCredential(req, log) {
    for (const name of ["AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PASSWORD"]) {
        const value = req.env[name];
        if (value)
            log.secret(value);
    }
    const chosen = pickCredential(req, log);
    return { credential: guardSignIn(chosen.credential, chosen.source), description: chosen.description };
}
/**
 * GitHub Actions exposes its OIDC token service through two variables when the workflow has
 * `permissions: id-token: write`. Asking it directly (what core.getIDToken does) keeps this module
 * free of host libraries and works when a host passed no callback.
 */
function githubOidcFromEnv(env, tlsOptions) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !token)
        return undefined;
    const pipeline = (0,esm/* createPipelineFromOptions */.Fp)({ retryOptions: { maxRetries: 3 }, tlsOptions });
    const http = (0,esm/* createDefaultHttpClient */.fl)();
    return async (audience) => {
        const u = new URL(url);
        u.searchParams.set("audience", audience);
        const request = (0,esm/* createPipelineRequest */.G6)({
            url: u.toString(),
            method: "GET",
            headers: (0,esm/* createHttpHeaders */.Nc)({ authorization: `Bearer ${token}`, accept: "application/json" }),
        });
        const res = await pipeline.sendRequest(http, request);
        if (res.status !== 200)
            throw new Error(`GitHub's OIDC token service answered HTTP ${res.status}`);
        const value = JSON.parse(res.bodyAsText ?? "{}").value;
        if (!value)
            throw new Error("GitHub's OIDC token service returned no token");
        return value;
    };
}
/**
 * Chooses the credential, in this order:
 * 1. an Azure DevOps service connection (workload identity federation or service principal);
 * 2. clientId + tenantId with an OIDC token source: a federated credential whose assertion callback
 *    asks for a fresh token every time, so a wait of many hours never presents an expired one;
 * 3. clientId + tenantId with AZURE_FEDERATED_TOKEN_FILE or AZURE_CLIENT_SECRET in the environment;
 * 4. otherwise an `az login` / `azure/login` session, then the environment's service principal,
 *    then a managed identity (self-hosted runners).
 */
function pickCredential(req, log) {
    const authorityHost = req.cloud.authorityHost;
    const common = {
        authorityHost,
        tlsOptions: req.tlsOptions,
        disableInstanceDiscovery: !isKnownAuthority(authorityHost),
        httpClient: req.httpClient,
    };
    const conn = req.host?.azureServiceConnection;
    if (conn) {
        if (/^WorkloadIdentityFederation$/i.test(conn.scheme)) {
            if (!conn.systemAccessToken) {
                throw new errors/* UserError */.yo(`service connection '${conn.id}' uses workload identity federation but System.AccessToken is not available`, { input: "azureSubscription" }, "Map it into the task: env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)");
            }
            log.secret(conn.systemAccessToken);
            let credential;
            try {
                credential = new dist_esm/* AzurePipelinesCredential */.QW(conn.tenantId, conn.clientId, conn.id, conn.systemAccessToken, common);
            }
            catch (error) {
                throw new errors/* UserError */.yo(`service connection '${conn.id}': ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, { input: "azureSubscription" }, "Run on an Azure Pipelines agent, where SYSTEM_OIDCREQUESTURI is set");
            }
            const description = `Azure DevOps service connection ${conn.id} (workload identity federation)`;
            const source = {
                what: description,
                input: "azureSubscription",
                clientId: conn.clientId,
                tenantId: conn.tenantId,
            };
            return { credential, description, source };
        }
        if (conn.clientSecret) {
            log.secret(conn.clientSecret);
            return {
                credential: new dist_esm/* ClientSecretCredential */.HC(conn.tenantId, conn.clientId, conn.clientSecret, common),
                description: `Azure DevOps service connection ${conn.id} (service principal ${conn.clientId})`,
                source: {
                    what: `service connection ${conn.id} (service principal ${conn.clientId})`,
                    input: "azureSubscription",
                    clientId: conn.clientId,
                    tenantId: conn.tenantId,
                },
            };
        }
        throw new errors/* UserError */.yo(`service connection '${conn.id}' uses scheme '${conn.scheme}', which this task cannot sign in with`, { input: "azureSubscription" }, "Use a workload identity federation or service principal (secret) connection");
    }
    if (req.azureSubscription) {
        throw new errors/* UserError */.yo(`service connection '${req.azureSubscription}' was named but the host passed no connection details`, { input: "azureSubscription" }, "Run this task as the Azure DevOps task (MLOps@1), where the connection is resolved");
    }
    const { clientId, tenantId, env } = req;
    if (clientId || tenantId) {
        if (!clientId || !tenantId) {
            const missing = clientId ? "tenantId" : "clientId";
            throw new errors/* UserError */.yo(`is required with ${clientId ? "clientId" : "tenantId"}`, { input: missing }, "Set both clientId and tenantId for federated sign-in");
        }
        const getIdToken = req.host?.getIdToken ?? githubOidcFromEnv(env, req.tlsOptions);
        if (getIdToken) {
            return {
                credential: new dist_esm/* ClientAssertionCredential */.XI(tenantId, clientId, async () => {
                    try {
                        const token = await getIdToken(FEDERATION_AUDIENCE);
                        log.secret(token);
                        return token;
                    }
                    catch (error) {
                        throw new errors/* UserError */.yo(`could not get an OIDC token for ${FEDERATION_AUDIENCE}: ${error instanceof Error ? error.message : String(error)}`, { input: "clientId" }, "Grant the workflow `permissions: id-token: write`");
                    }
                }, common),
                description: `federated credential for client ${clientId} in tenant ${tenantId}`,
                source: { what: `client ${clientId} (federated credential)`, input: "clientId", clientId, tenantId },
            };
        }
        if (env.AZURE_FEDERATED_TOKEN_FILE) {
            return {
                credential: new dist_esm/* WorkloadIdentityCredential */.R9({
                    ...common,
                    clientId,
                    tenantId,
                    tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE,
                }),
                description: `workload identity for client ${clientId} (token file)`,
                source: {
                    what: `client ${clientId} (federated token file)`,
                    env: "AZURE_FEDERATED_TOKEN_FILE",
                    clientId,
                    tenantId,
                },
            };
        }
        if (env.AZURE_CLIENT_SECRET) {
            return {
                credential: new dist_esm/* ClientSecretCredential */.HC(tenantId, clientId, env.AZURE_CLIENT_SECRET, common),
                description: `service principal ${clientId} (AZURE_CLIENT_SECRET)`,
                source: { what: `service principal ${clientId}`, env: "AZURE_CLIENT_SECRET", clientId, tenantId },
            };
        }
        throw new errors/* UserError */.yo("clientId and tenantId are set but there is no OIDC token to exchange", { input: "clientId" }, "On GitHub grant the workflow `permissions: id-token: write`; elsewhere set AZURE_CLIENT_SECRET or AZURE_FEDERATED_TOKEN_FILE");
    }
    if (env.AZURE_CLIENT_ID && env.AZURE_TENANT_ID && (env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH)) {
        return {
            credential: new dist_esm/* EnvironmentCredential */.lp(common),
            description: `service principal ${env.AZURE_CLIENT_ID} from the environment`,
            source: {
                what: `service principal ${env.AZURE_CLIENT_ID}`,
                env: env.AZURE_CLIENT_SECRET ? "AZURE_CLIENT_SECRET" : "AZURE_CLIENT_CERTIFICATE_PATH",
                clientId: env.AZURE_CLIENT_ID,
                tenantId: env.AZURE_TENANT_ID,
            },
        };
    }
    return {
        credential: new dist_esm/* ChainedTokenCredential */.Rk(new dist_esm/* AzureCliCredential */.nG({ tenantId: env.AZURE_TENANT_ID }), new dist_esm/* EnvironmentCredential */.lp(common), new dist_esm/* ManagedIdentityCredential */.NC(env.AZURE_CLIENT_ID ? { clientId: env.AZURE_CLIENT_ID } : {})),
        description: "the azure/login (az CLI) session, else the environment's service principal, else a managed identity",
        source: { what: "the az CLI session, the environment or a managed identity", clientId: env.AZURE_CLIENT_ID },
    };
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/data-plane.js
/**
 * The workspace's data plane, where ARM has no API: the discovery document names the regional
 * service; run history gives child runs and log file URLs; MLflow's REST API gives metrics.
 * Requests go through the same credential and retry pipeline as ARM; log files (SAS URLs) go
 * through a pipeline without the bearer token, since storage rejects a token beside a SAS.
 */



class DataPlane {
    client;
    workspace;
    services;
    plain;
    http;
    constructor(client, workspace) {
        this.client = client;
        this.workspace = workspace;
        this.http = (0,http_timeouts.timedHttpClient)(client.agents);
        this.plain = (0,esm/* createPipelineFromOptions */.Fp)({
            retryOptions: { maxRetries: client.timing.maxRetries, retryDelayInMs: client.timing.retryDelayMs },
            tlsOptions: client.tlsOptions,
        });
    }
    /** Base URLs of run history and MLflow, from the discovery document and the tracking URI. */
    endpoints() {
        this.services ??= (async () => {
            const ws = await this.workspace();
            if (!ws.discoveryUrl)
                throw new Error("the workspace has no discoveryUrl");
            const doc = await this.client.mustUrl("GET", ws.discoveryUrl, {
                what: "read the workspace discovery document",
            });
            const history = (doc.body.history ?? doc.body.api ?? "").replace(/\/$/, "");
            const mlflow = ws.mlFlowTrackingUri
                ? ws.mlFlowTrackingUri.replace(/^azureml:\/\//, "https://").replace(/\/$/, "")
                : (0,routes/* mlflowTrackingBase */.ot)(String(doc.body.api), this.client.ref);
            return { history, mlflow };
        })();
        return this.services;
    }
    async childRuns(jobName, experiment, signal) {
        const { history } = await this.endpoints();
        const what = `read the steps of job ${jobName}`;
        const first = await this.client.must("runHistory.listChildren", { experiment, run: jobName }, { base: history, what, signal });
        const out = [...(first.body.value ?? [])];
        // Later pages: the URL the service hands back, as given.
        for (let next = first.body.nextLink; next;) {
            const page = await this.client.mustUrl("GET", next, { what, signal });
            out.push(...(page.body.value ?? []));
            next = page.body.nextLink;
        }
        return out;
    }
    async logFiles(runId, signal) {
        const { history } = await this.endpoints();
        const r = await this.client.must("runHistory.getDetails", { run: runId }, { base: history, what: `read the details of run ${runId}`, signal });
        return r.body.logFiles ?? {};
    }
    /** Fetches a log file by its SAS URL (no bearer token). */
    async fetchText(url, signal) {
        const request = (0,esm/* createPipelineRequest */.G6)({
            url,
            method: "GET",
            abortSignal: signal,
            tlsSettings: this.client.tlsOptions,
            headers: (0,esm/* createHttpHeaders */.Nc)(),
        });
        const r = await this.plain.sendRequest(this.http, request);
        if (r.status >= 400)
            throw new Error(`HTTP ${r.status} reading a log file`);
        return r.bodyAsText ?? "";
    }
    /** The latest value of each metric of a run, from MLflow. */
    async runMetrics(runId) {
        const { mlflow } = await this.endpoints();
        const r = await this.client.must("mlflow.getRun", {}, { base: mlflow, query: { run_id: runId }, what: `read the metrics of run ${runId}` });
        const out = {};
        for (const m of r.body.run?.data?.metrics ?? [])
            out[m.key] = m.value;
        return out;
    }
    /** A pipeline without the bearer token, for scoring with endpoint keys. */
    plainPipeline() {
        return { pipeline: this.plain, http: this.http };
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./build/bundle/util/sas.js
var sas = __webpack_require__(3043);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/assets.js
var assets = __webpack_require__(75533);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/sas-datastore.js
/**
 * A storage URL with a SAS token is never stored in a data asset: `dataUri` is readable by anyone
 * who can read the workspace and lives on after the token should have been revoked. Instead the
 * URL is registered as the path in the workspace's datastore for that account and container (the
 * datastore holds its own credentials, managed and rotated in one place), as Azure ML itself
 * prefers (`azureml://datastores/<name>/paths/<path>`). Without such a datastore we refuse and say
 * how to create one, rather than silently registering a URL that leaks or stops working.
 */


/** Account, container and path of a blob or ADLS Gen2 URL; undefined for anything else. */
function parseStorageUrl(uri) {
    let url;
    try {
        url = new URL((0,sas/* withoutSas */.W4)(uri));
    }
    catch {
        return undefined;
    }
    const segments = url.pathname.split("/").slice(1);
    const decode = (parts) => parts.map((p) => decodeURIComponent(p)).join("/");
    const virtual = /^([a-z0-9]{3,24})\.(?:blob|dfs)\.(.+)$/i.exec(url.hostname);
    if (virtual && !url.port) {
        const [container, ...rest] = segments;
        if (!container)
            return undefined;
        return { account: virtual[1], container, path: decode(rest), endpoint: virtual[2], pathStyle: false };
    }
    const [account, container, ...rest] = segments;
    if (!account || !container)
        return undefined;
    return { account, container, path: decode(rest), endpoint: url.host, pathStyle: true };
}
/**
 * The `azureml://datastores/<name>/paths/<path>` URI for a SAS URL, from the workspace's
 * datastores; a UserError naming the fix when none points at that account and container.
 */
async function datastorePathForSasUrl(client, uri, log, 
/** What the URL came in (the task names the input), and what would keep it (for the refusal). */
context = {
    subject: "dataPath",
    keptBy: "a data asset would keep in plain text (its dataUri, readable by anyone who can read the workspace)",
}) {
    const shown = (0,sas/* showUri */.qZ)(uri);
    const loc = parseStorageUrl(uri);
    const refuse = (why) => {
        throw new errors/* UserError */.yo(`'${shown}' carries a SAS token, which ${context.keptBy}; ${why}`, { subject: context.subject }, loc
            ? `Create a datastore for account '${loc.account}' container '${loc.container}' (az ml datastore create --file datastore.yml; give it the SAS or an identity there), then register azureml://datastores/<datastore>/paths/${loc.path}`
            : "Register the data from a datastore (azureml://datastores/<datastore>/paths/<path>) or give a local path to upload");
    };
    if (!loc)
        return refuse("it is not an Azure Storage blob or Data Lake URL this workspace could reach through a datastore");
    const { resourceGroup, workspaceName } = client.ref;
    const suffix = client.cloud.storageSuffix;
    try {
        for await (const ds of client.sdk.datastores.list(resourceGroup, workspaceName)) {
            const p = ds.properties;
            if (p.datastoreType !== "AzureBlob" && p.datastoreType !== "AzureDataLakeGen2")
                continue;
            const container = p.datastoreType === "AzureBlob" ? p.containerName : p.filesystem;
            const endpoint = String(p.endpoint ?? suffix);
            if (String(p.accountName).toLowerCase() !== loc.account.toLowerCase() || container !== loc.container)
                continue;
            if (endpoint.toLowerCase() !== loc.endpoint.toLowerCase())
                continue;
            const target = `azureml://datastores/${ds.name}/paths/${loc.path}`;
            log.info(`${shown} is in datastore '${ds.name}': ${context.subject === "dataPath" ? "registered" : "passed"} as ${target}; the SAS token is not stored (the datastore's own credentials read the data).`);
            return target;
        }
    }
    catch (error) {
        throw client.toUserError("list the workspace's datastores", error);
    }
    return refuse(`no datastore of workspace '${workspaceName}' points at account '${loc.account}' container '${loc.container}'`);
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/datasets.js











function toDataset(name, v) {
    const p = v.properties;
    return {
        name,
        version: v.name,
        type: p.dataType,
        uri: p.dataUri,
        fingerprint: p.tags?.fingerprint ?? "",
        description: p.description,
        tags: Object.fromEntries(Object.entries(p.tags ?? {}).filter(([, x]) => x !== null)),
        createdAt: v.systemData?.createdAt ? new Date(v.systemData.createdAt).toISOString() : "",
    };
}
/**
 * Data assets on Azure ML: local files go to the default datastore under a folder named by their
 * fingerprint, then a data version points at them; URIs already in storage are registered as given.
 */
class AzureDatasets {
    client;
    storage;
    constructor(client, storage) {
        this.client = client;
        this.storage = storage;
    }
    get rg() {
        return this.client.ref.resourceGroup;
    }
    get ws() {
        return this.client.ref.workspaceName;
    }
    async list(name) {
        const out = [];
        try {
            for await (const v of this.client.sdk.dataVersions.list(this.rg, this.ws, name, {
                orderBy: "createdtime desc",
            })) {
                out.push(toDataset(name, v));
            }
        }
        catch (error) {
            if ((0,contract_errors/* isNotFound */.c4)(error))
                return [];
            throw this.client.toUserError(`list versions of data asset '${name}'`, error);
        }
        return (0,assets/* newestFirst */.ll)(out).reverse();
    }
    async get(name, version) {
        if (version === "latest")
            return (await this.list(name)).at(-1);
        try {
            return toDataset(name, await this.client.sdk.dataVersions.get(this.rg, this.ws, name, version));
        }
        catch (error) {
            if ((0,contract_errors/* isNotFound */.c4)(error))
                return undefined;
            throw this.client.toUserError(`read data asset ${name}:${version}`, error);
        }
    }
    async create(dataset, log) {
        const existing = await this.list(dataset.name);
        const latest = existing.at(-1);
        if (latest && dataset.fingerprint && latest.fingerprint === dataset.fingerprint) {
            log.info(`Unchanged: ${dataset.name}:${latest.version} already holds this content.`);
            return latest;
        }
        let dataUri;
        if ((0,sas/* sasQuery */.wW)(dataset.source) !== undefined) {
            dataUri = await datastorePathForSasUrl(this.client, dataset.source, log);
        }
        else if ((0,assets/* isRemoteUri */.DE)(dataset.source)) {
            dataUri = dataset.source;
            log.info(`Registering ${dataUri} in place (already in storage: nothing copied).`);
        }
        else {
            dataUri = await this.uploadLocal(dataset, log);
        }
        const created = await (0,assets/* createWithFreshVersion */.Hr)((0,assets/* nextVersion */.yU)(existing.map((d) => d.version)), async (version) => {
            try {
                return await this.client.sdk.dataVersions.createOrUpdate(this.rg, this.ws, dataset.name, version, {
                    properties: {
                        dataType: dataset.type,
                        dataUri,
                        description: dataset.description,
                        tags: dataset.tags,
                        properties: {},
                        isAnonymous: false,
                        isArchived: false,
                    },
                });
            }
            catch (error) {
                throw this.client.toUserError(`create data asset ${dataset.name}:${version}`, error);
            }
        });
        const result = toDataset(dataset.name, created);
        log.info(`${this.client.dryRun ? "Plan: would register" : "Registered"} data asset ${dataset.name}:${result.version} → ${dataUri}`);
        return result;
    }
    /** Uploads a local file or folder under LocalUpload/<fingerprint>/ and returns its azureml:// URI. */
    async uploadLocal(dataset, log) {
        const fp = dataset.files
            ? { files: dataset.files, digest: dataset.fingerprint }
            : await (0,fingerprint/* fingerprint */.R)(dataset.source);
        const isFile = dataset.type === "uri_file";
        const top = (0,external_node_path_.basename)(dataset.source);
        const prefix = `LocalUpload/${fp.digest.slice(0, 32)}/${top}`;
        const files = fp.files.map((f) => ({
            local: isFile ? dataset.source : (0,external_node_path_.join)(dataset.source, f.path),
            blob: isFile ? prefix : `${prefix}/${f.path}`,
            size: f.size,
            sha256: f.sha256,
        }));
        const stats = await log.group(`Upload ${dataset.source} to the workspace's default datastore`, () => this.storage.upload(files, prefix, log));
        if (!this.client.dryRun)
            log.info(`Sent ${stats.sent} file(s) (${(0,azureml_storage/* formatBytes */.z3)(stats.bytesSent)}), skipped ${stats.skipped} already there.`);
        // A data asset names its datastore path in the short form the SDK sends (azureml://datastores/<name>/paths/...).
        const uri = await this.storage.uri(isFile ? prefix : `${prefix}/`);
        return uri.replace(/^azureml:\/\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/workspaces\/[^/]+\//i, "azureml://");
    }
    /**
     * The version's blobs, each read by ranged GETs as a stream: readers profile the data where it
     * lies, with nothing written to this disk.
     */
    async openFiles(dataset, _log) {
        const prefix = await this.blobPath(dataset);
        const container = await this.storage.containerClient();
        const single = dataset.type === "uri_file" && !prefix.endsWith("/");
        const base = single ? `${external_node_path_.posix.dirname(prefix)}/` : prefix.replace(/\/?$/, "/");
        const out = [];
        try {
            for await (const blob of container.listBlobsFlat({ prefix: single ? prefix : base })) {
                if (single && blob.name !== prefix)
                    continue;
                const size = blob.properties.contentLength ?? 0;
                const client = container.getBlobClient(blob.name);
                out.push({
                    path: blob.name.slice(base.length),
                    size,
                    open: async (start = 0, end) => {
                        const count = end === undefined ? undefined : Math.max(0, end - start);
                        if (count === 0 || start >= size)
                            return external_node_stream_.Readable.from([]);
                        const res = await client.download(start, count, { maxRetryRequests: 5 });
                        return res.readableStreamBody;
                    },
                });
            }
        }
        catch (error) {
            throw this.client.toUserError(`list the files of data asset ${dataset.name}:${dataset.version}`, error);
        }
        return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
    /** The blob path (in the default datastore) a data version points at. */
    async blobPath(dataset) {
        const parsed = (0,azureml_storage/* parseDatastoreUri */.xW)(dataset.uri);
        if (!parsed) {
            throw new errors/* UserError */.yo(`data asset ${dataset.name}:${dataset.version} lives at ${dataset.uri}, outside a datastore`, { subject: "dataPath" }, "Register the data from a datastore path to read it here");
        }
        const ds = await this.storage.defaultDatastore();
        if (parsed.datastore !== ds.name) {
            throw new errors/* UserError */.yo(`data asset ${dataset.name}:${dataset.version} is in datastore '${parsed.datastore}'; only the default datastore '${ds.name}' can be read here`, {}, "Register the data in the default datastore");
        }
        return parsed.path;
    }
    async localPath(dataset, _log) {
        const path = await this.blobPath(dataset);
        const dir = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "mlops-azureml", `${dataset.name}-${dataset.version}`);
        await (0,promises_.mkdir)(dir, { recursive: true });
        const files = await this.storage.download(path, dir);
        return dataset.type === "uri_file" && files.length === 1 ? files[0] : dir;
    }
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/local-data.js
/**
 * Local data a pipeline names that is not there, found before anything is uploaded, at the YAML
 * line that names it. `az ml job create` refuses the same (azure-ai-ml uploads every local input
 * path and stops at one that is missing), so both backends say it the same way.
 */


const REMOTE = /^[a-z][a-z0-9+.-]*:/i;
async function missingDataPaths(job) {
    const wanted = [];
    for (const input of Object.values(job.inputs))
        if (input.kind === "data" && input.path !== undefined)
            wanted.push({ ...input, path: input.path });
    const walk = (jobs, seen) => {
        if (seen.has(jobs))
            return;
        seen.add(jobs);
        for (const node of Object.values(jobs)) {
            for (const b of Object.values(node.inputs))
                if (b.kind === "data")
                    wanted.push(b);
            if (node.component.jobs)
                walk(node.component.jobs, seen);
        }
    };
    walk(job.jobs, new Set());
    const out = [];
    const checked = new Set();
    for (const w of wanted) {
        if (REMOTE.test(w.path))
            continue;
        const abs = (0,external_node_path_.resolve)(w.baseDir, w.path);
        if (checked.has(abs))
            continue;
        checked.add(abs);
        if (!(await (0,promises_.stat)(abs).catch(() => undefined))) {
            out.push({
                message: `input data '${w.path}' does not exist (looked for ${abs})`,
                where: w.where,
                fix: "Fix the path, or create the data first; relative paths resolve against the folder of the YAML file that names them",
            });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./build/bundle/util/failure-reason.js
var failure_reason = __webpack_require__(13693);
// EXTERNAL MODULE: ./build/bundle/workspace/workspace.js
var workspace = __webpack_require__(53526);
// EXTERNAL MODULE: ./build/bundle/pipeline/parse-automl.js
var parse_automl = __webpack_require__(66770);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/contract/wire/automl-node.js

const isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/** Keys handled here or not part of the node's wire form. */
const REPLACED = new Set(["$schema", "inputs", "outputs", "compute", ...parse_automl/* AUTOML_DATA_KEYS */.J6]);
function compileAutomlNode(node, ctx) {
    const raw = node.raw;
    const out = {
        name: node.name,
        type: "automl",
        tags: isObj(raw.tags) ? raw.tags : {},
        properties: isObj(raw.properties) ? raw.properties : {},
        log_verbosity: raw.log_verbosity ?? "info",
    };
    for (const [k, v] of Object.entries(raw))
        if (!REPLACED.has(k) && !(k in out))
            out[k] = v;
    for (const k of parse_automl/* AUTOML_DATA_KEYS */.J6) {
        const b = node.inputs[k];
        if (b)
            out[k] = dataValue(b, ctx);
    }
    // AutoML nodes name their compute `compute` (not `computeId` as component nodes do).
    if (node.compute !== undefined)
        out.compute = node.compute;
    const outputs = {};
    for (const [k, o] of Object.entries(node.outputs))
        outputs[k] = ctx.output(o);
    out.outputs = outputs;
    if (out.search_space !== undefined)
        out.search_space = searchSpaces(out.search_space);
    if (isObj(out.sweep))
        out.sweep = sweepSettings(out.sweep);
    return out;
}
/** A data key: the binding text, or a data input as `{type, path}` with local paths uploaded. */
function dataValue(b, ctx) {
    switch (b.kind) {
        case "ref":
            return b.text.trim();
        case "data":
            return { type: b.type, path: ctx.dataPath(b.path, b.baseDir, b.type), ...(b.mode ? { mode: b.mode } : {}) };
        case "literal":
            return String(b.value);
        case "empty":
            return undefined;
    }
}
/** One search space or a list of them: each dimension as the SDK's distribution string. */
function searchSpaces(v) {
    const one = (s) => isObj(s) ? Object.fromEntries(Object.entries(s).map(([k, d]) => [k, distribution(d)])) : s;
    return Array.isArray(v) ? v.map(one) : [one(v)];
}
const DIST_ARGS = {
    uniform: ["min_value", "max_value"],
    loguniform: ["min_value", "max_value"],
    quniform: ["min_value", "max_value", "q"],
    qloguniform: ["min_value", "max_value", "q"],
    normal: ["mu", "sigma"],
    lognormal: ["mu", "sigma"],
    qnormal: ["mu", "sigma", "q"],
    qlognormal: ["mu", "sigma", "q"],
    randint: ["upper"],
};
/** `{type: uniform, min_value: 0.1, max_value: 1}` → `uniform(0.1,1)`; a plain value as text. */
function distribution(d) {
    if (!isObj(d))
        return scalar(d, false);
    const type = String(d.type);
    if (type === "choice") {
        const values = Array.isArray(d.values) ? d.values : [];
        return `choice(${values.map((x) => scalar(x, true)).join(",")})`;
    }
    const args = DIST_ARGS[type] ?? [];
    return `${type}(${args.map((a) => scalar(d[a], false)).join(",")})`;
}
/** Python's `str()` of a value, as the SDK writes it (strings quoted inside `choice`). */
function scalar(x, quote) {
    if (typeof x === "boolean")
        return x ? "True" : "False";
    if (typeof x === "string")
        return quote ? `'${x}'` : x;
    return String(x);
}
const BANDIT_DEFAULTS = { evaluation_interval: 0, delay_evaluation: 0, slack_factor: 0, slack_amount: 0 };
/** The sweep settings with the early termination policy's defaults, as the SDK serialises them. */
function sweepSettings(s) {
    const et = s.early_termination;
    if (!isObj(et) || et.type !== "bandit")
        return s;
    return { ...s, early_termination: { ...BANDIT_DEFAULTS, ...et } };
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/contract/wire/flow-component.js
/** `codeId`: the code version holding the flow folder; `codeUri`: that folder's blob URL. */
function flowComponentSpec(c, codeId, codeUri) {
    const raw = c.raw;
    const spec = {
        name: raw.name,
        version: "1",
        is_deterministic: c.isDeterministic,
        type: "promptflow_parallel",
        _source: "YAML.COMPONENT",
        code: codeId,
        flow_definition_uri: `${codeUri.replace(/\/+$/, "")}/${String(raw.flow_file_name)}`,
    };
    for (const k of ["column_mapping", "variant", "connections", "environment_variables"])
        if (raw[k] !== undefined)
            spec[k] = raw[k];
    return spec;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/contract/wire/queue-settings.js
/**
 * `queue_settings` of a pipeline node (serverless compute) in the form azure-ai-ml sends. A command
 * node's settings go through the SDK's QueueSettings, which maps the YAML's words to the service's:
 * job_tier `spot` → `Spot`, priority `medium` → 2 (recording test_pipeline_job_serverless_compute_with_job_tier).
 * A sweep node's are sent as written (recording ..._sweep_in_pipeline_with_job_tier: `job_tier: standard`).
 * Values were checked when parsed (parse.ts checkQueueSettings).
 */
const TIERS = { spot: "Spot", basic: "Basic", standard: "Standard", premium: "Premium" };
const PRIORITIES = { low: 1, medium: 2, high: 3 };
const queue_settings_isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function nodeQueueSettings(raw, nodeType) {
    if (!queue_settings_isObj(raw))
        return undefined;
    if (nodeType === "sweep")
        return { ...raw };
    const out = {};
    if (raw.job_tier !== undefined && raw.job_tier !== null) {
        const tier = String(raw.job_tier);
        out.job_tier = TIERS[tier.toLowerCase()] ?? tier;
    }
    if (raw.priority !== undefined && raw.priority !== null) {
        const priority = String(raw.priority);
        out.priority = PRIORITIES[priority.toLowerCase()] ?? priority;
    }
    return Object.keys(out).length > 0 ? out : undefined;
}

// EXTERNAL MODULE: ./build/bundle/pipeline/parse-spark.js
var parse_spark = __webpack_require__(2919);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/contract/wire/spark-node.js

/** `base` holds the fields every node has (name, type, inputs, outputs, identity, computeId). */
function compileSparkNode(node, base, componentId) {
    const own = node.raw;
    const component = node.component.raw;
    const out = { ...base, componentId };
    for (const k of parse_spark/* SPARK_RUN_FIELDS */.qg) {
        // A node may override what its component runs; otherwise it carries the component's values.
        const v = own[k] !== undefined ? own[k] : component[k];
        if (v !== undefined)
            out[k] = k === "entry" ? (0,parse_spark/* sparkEntry */.Of)(v) : v;
    }
    if (node.resources)
        out.resources = { ...node.resources };
    return out;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/contract/wire/pipeline-job.js
/**
 * Compiles a parsed pipeline job to the Azure ML REST request that submits it
 * (PUT .../workspaces/{ws}/jobs/{name}?api-version=2024-04-01, body `{ properties }`).
 *
 * A pure function: it reads no files and calls nothing. The caller (the Azure backend):
 *   1. uploads each of `codeFolders` as a code asset and each of `dataPaths` to the default
 *      datastore, and passes resolvers mapping them to their ARM ids / URIs;
 *   2. registers `components` in order (anonymous component versions, PUT
 *      .../components/{name}/versions/{version} with `{ properties: { componentSpec, isAnonymous } }`);
 *   3. PUTs the job with `{ properties }`.
 * The top-level properties follow the REST spec's JobBase/PipelineJob (camelCase); `jobs` are
 * untyped records in the REST API, written the way the Azure ML SDK serialises nodes
 * (snake_case, `componentId`, `job_input_type`).
 */







const MODES = {
    ro_mount: "ReadOnlyMount",
    rw_mount: "ReadWriteMount",
    download: "Download",
    upload: "Upload",
    direct: "Direct",
    eval_mount: "EvalMount",
    eval_download: "EvalDownload",
};
/** Input delivery modes (InputDeliveryMode): `mount` is read-only, as the SDK reads it. */
const mode = (m) => m === undefined ? undefined : (MODES[m] ?? (m === "mount" ? "ReadOnlyMount" : m));
/** Output delivery modes (OutputDeliveryMode takes ReadWriteMount, Upload, Direct): `mount` is read-write. */
const outputMode = (m) => m === undefined ? undefined : m === "mount" ? "ReadWriteMount" : (MODES[m] ?? m);
const duration = (seconds) => (seconds === undefined ? undefined : `PT${seconds}S`);
/** Drops undefined members so the body holds only what was written. */
function clean(o) {
    for (const k of Object.keys(o))
        if (o[k] === undefined)
            delete o[k];
    return o;
}
function compileForAzure(job, options = {}) {
    const codeId = options.codeId ?? ((f) => f);
    const dataUri = options.dataUri ?? ((p) => p);
    const componentId = options.componentId ?? ((n, v) => `azureml:${n}:${v}`);
    const codeUri = options.codeUri ?? ((f) => f);
    const components = [];
    const codeFolders = new Set();
    const dataPaths = new Set();
    const environmentFiles = new Set();
    const registered = new Map();
    const specs = new Map();
    /** The spec a registered local component was compiled to (after `reference`). */
    const componentSpecOf = (c) => specs.get(c);
    const dataPath = (path, baseDir, type) => {
        if ((0,references/* isRemoteUri */.DE)(path))
            return path;
        const abs = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(baseDir, path.replace(/^file:/, ""));
        dataPaths.add(abs);
        // The SDK names an uploaded MLTable by its folder, without the trailing slash a uri_folder has.
        return type === "mltable" ? dataUri(abs).replace(/\/$/, "") : dataUri(abs);
    };
    const nodeInput = (b) => {
        switch (b.kind) {
            case "literal":
                return { job_input_type: "literal", value: String(b.value) };
            case "ref":
                return clean({ job_input_type: "literal", value: b.text.trim(), mode: mode(b.mode) });
            case "data":
                return clean({ job_input_type: b.type, uri: dataPath(b.path, b.baseDir, b.type), mode: mode(b.mode) });
            case "empty":
                return { job_input_type: "literal", value: "" };
        }
    };
    const nodeOutput = (o) => {
        if (o.parentOutput)
            return { type: "literal", value: `\${{parent.outputs.${o.parentOutput}}}` };
        return clean({ job_output_type: o.type ?? "uri_folder", mode: outputMode(o.mode), uri: o.path });
    };
    /** The SDK leaves out a node output written with no value (`score_output:`): the component's declaration holds. */
    const boundOutputs = (outputs) => {
        const out = {};
        for (const [k, o] of Object.entries(outputs)) {
            if (o.parentOutput || o.type !== undefined || o.mode !== undefined || o.path !== undefined)
                out[k] = nodeOutput(o);
        }
        return Object.keys(out).length ? out : undefined;
    };
    /** Registers (once) a component and returns the id nodes reference it by. */
    const reference = (c, node) => {
        if (c.origin.kind === "registered") {
            // `azureml:<name>:<version>`: the SDK sends its ARM id.
            const ref = (0,references/* parseRegisteredRef */.Xd)(c.origin.ref);
            return ref?.version ? componentId(ref.name, ref.version) : c.origin.ref;
        }
        const known = registered.get(c);
        if (known)
            return known;
        const spec = componentSpec(c, node);
        const version = (0,external_node_crypto_.createHash)("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 32);
        // Like the SDK, a component written in (or beside) the job is registered anonymously, whatever its name.
        const name = "azureml_anonymous";
        const id = componentId(name, version);
        registered.set(c, id);
        specs.set(c, spec);
        if (!components.some((x) => x.name === name && x.version === version)) {
            components.push(clean({ name, version, spec, codeFolder: c.code && !(0,references/* isRemoteCode */.u$)(c.code) ? c.code : undefined }));
        }
        return id;
    };
    const componentSpec = (c, node) => {
        if (c.raw.type === "promptflow_parallel" && c.code) {
            codeFolders.add(c.code);
            return flowComponentSpec(c, codeId(c.code), codeUri(c.code));
        }
        const spec = { ...c.raw };
        // The SDK's anonymous form: its own name and version, deterministic unless told, defaults as strings.
        spec.name = "azureml_anonymous";
        spec.version = "1";
        spec.is_deterministic = c.isDeterministic;
        spec.type = c.type;
        spec._source = node ? sourceOf(node) : "YAML.JOB";
        if (pipeline_job_isObj(spec.inputs))
            spec.inputs = stringDefaults(spec.inputs);
        // An inline job's untyped output is a folder, as the SDK sends it, never the parser's placeholder
        // (the REST spec refuses it: found by the conformance run on azureml-examples' hello-pipeline-io.yml).
        if (pipeline_job_isObj(spec.outputs)) {
            const outputs = { ...spec.outputs };
            for (const [k, o] of Object.entries(outputs))
                if (pipeline_job_isObj(o) && o.type === "__inferred__")
                    outputs[k] = { ...o, type: c.outputs[k]?.type ?? "uri_folder" };
            spec.outputs = outputs;
        }
        if (c.type === "command") {
            // The SDK loads these through its schema: known keys only, the distribution type in lower case.
            if (pipeline_job_isObj(spec.distribution))
                spec.distribution = knownDistribution(spec.distribution);
            if (pipeline_job_isObj(spec.resources))
                spec.resources = pick(spec.resources, RESOURCE_KEYS);
        }
        if (node && c.raw.inputs !== undefined && Object.values(c.inputs).some((d) => d.inferred)) {
            // An inline job declares no input types: take them from what each input is bound to.
            spec.inputs = Object.fromEntries(Object.keys(c.inputs).map((k) => [k, inferredDecl(job, node.inputs[k])]));
            // An output bound to a pipeline output takes that output's mode, as the SDK writes it (`direct`).
            const parentMode = (k) => {
                const to = node.outputs[k]?.parentOutput;
                return to ? job.outputs[to]?.mode : undefined;
            };
            spec.outputs = Object.fromEntries(Object.entries(c.outputs).map(([k, d]) => [k, clean({ type: d.type, mode: d.mode ?? parentMode(k) })]));
            // The SDK leaves `outputs` out of a component that has none.
            if (Object.keys(c.outputs).length === 0)
                delete spec.outputs;
        }
        if (c.code) {
            // The SDK names uploaded code as `azureml:<code version id>`; a parallel component's code sits in its task.
            let code = c.code;
            if (!(0,references/* isRemoteCode */.u$)(c.code)) {
                codeFolders.add(c.code);
                code = `azureml:${codeId(c.code)}`.replace(/^azureml:azureml:/, "azureml:");
            }
            if (c.type === "parallel" && pipeline_job_isObj(spec.task)) {
                spec.task = { ...spec.task, code };
                delete spec.code;
            }
            else
                spec.code = code;
        }
        if (c.type === "pipeline") {
            spec.jobs = compileJobs(c.jobs ?? {});
            // The SDK registers a pipeline component as loaded from its YAML, leaving determinism to the service
            // (recording pipeline_job/test_pipeline_component_job).
            spec._source = "YAML.COMPONENT";
            // ...and says it was not made from a job.
            spec.sourceJobId = null;
            delete spec.is_deterministic;
        }
        if (pipeline_job_isObj(spec.environment) && typeof spec.environment.conda_file === "string") {
            // Relative to the YAML file the component is written in.
            const conda = (0,external_node_path_.resolve)(c.where.file ?? job.file, "..", spec.environment.conda_file);
            environmentFiles.add(conda);
            spec.environment = { ...spec.environment, conda_file: conda };
        }
        const env = spec.environment;
        if (pipeline_job_isObj(env) && pipeline_job_isObj(env.build) && typeof env.build.path === "string" && !(0,references/* isRemoteCode */.u$)(env.build.path)) {
            // A Docker build context, relative to the component's YAML file; the backend uploads it.
            const path = (0,external_node_path_.resolve)(c.where.file ?? job.file, "..", env.build.path);
            spec.environment = { ...env, build: { ...env.build, path } };
        }
        return spec;
    };
    const compileNode = (node) => {
        // AutoML nodes are not component nodes: the SDK sends them as written (see automl-node.ts).
        if (node.type === "automl")
            return compileAutomlNode(node, { dataPath, output: nodeOutput });
        const raw = node.raw;
        const inputs = {};
        for (const [k, b] of Object.entries(node.inputs))
            inputs[k] = nodeInput(b);
        const base = clean({
            name: node.name,
            type: node.type,
            display_name: node.displayName,
            computeId: node.compute,
            // Like outputs, a node with no inputs sends none.
            inputs: Object.keys(inputs).length ? inputs : undefined,
            outputs: boundOutputs(node.outputs),
            environment_variables: Object.keys(node.environmentVariables).length ? node.environmentVariables : undefined,
            identity: node.identity ? identity(node.identity) : undefined,
            // The SDK marks where a node's component came from: the YAML, or the workspace.
            _source: sourceOf(node),
        });
        switch (node.type) {
            case "command":
                return clean({
                    ...base,
                    componentId: reference(node.component, node),
                    // The YAML already uses the SDK's snake_case names (instance_type, shm_size, ...): sent as written.
                    resources: node.resources ? { ...node.resources } : undefined,
                    distribution: node.distribution ? pipeline_job_distribution(node.distribution) : undefined,
                    queue_settings: nodeQueueSettings(raw.queue_settings, "command"),
                    limits: node.timeoutSeconds !== undefined
                        ? { job_limits_type: "Command", timeout: duration(node.timeoutSeconds) }
                        : undefined,
                });
            case "sweep":
                return clean({
                    ...base,
                    // The SDK's sweep node holds its component under `trial`.
                    trial: { componentId: reference(node.component, node) },
                    ...sweep(node.sweep, raw),
                    queue_settings: nodeQueueSettings(raw.queue_settings, "sweep"),
                    resources: node.resources ? { ...node.resources } : undefined,
                });
            case "pipeline":
                return clean({
                    ...base,
                    componentId: reference(node.component),
                    settings: pipeline_job_isObj(raw.settings) ? raw.settings : undefined,
                });
            case "parallel": {
                const extra = {};
                for (const k of [
                    "mini_batch_size",
                    "mini_batch_error_threshold",
                    "error_threshold",
                    "logging_level",
                    "max_concurrency_per_instance",
                    "retry_settings",
                    "input_data",
                    "partition_keys",
                ]) {
                    if (raw[k] !== undefined)
                        extra[k] = raw[k];
                }
                if (pipeline_job_isObj(raw.task))
                    extra.task = {
                        ...raw.task,
                        ...(typeof raw.task.code === "string" && !(0,references/* isRemoteCode */.u$)(raw.task.code)
                            ? { code: codeId((0,external_node_path_.resolve)(job.baseDir, raw.task.code)) }
                            : {}),
                    };
                if (typeof raw.task === "object" &&
                    pipeline_job_isObj(raw.task) &&
                    typeof raw.task.code === "string" &&
                    !(0,references/* isRemoteCode */.u$)(raw.task.code))
                    codeFolders.add((0,external_node_path_.resolve)(job.baseDir, raw.task.code));
                // Like the SDK, a parallel node from a local component carries the component's task, resources and
                // input_data (the task's code as the uploaded code version); a number of files is sent as a number.
                const local = raw.component !== undefined && node.component.origin.kind !== "registered";
                const spec = local ? reference(node.component) && componentSpecOf(node.component) : undefined;
                const fromComponent = {};
                if (spec) {
                    for (const k of ["task", "resources", "input_data"])
                        if (spec[k] !== undefined)
                            fromComponent[k] = spec[k];
                }
                if (typeof extra.mini_batch_size === "string" && /^\d+$/.test(extra.mini_batch_size))
                    extra.mini_batch_size = Number(extra.mini_batch_size);
                return clean({
                    ...base,
                    ...fromComponent,
                    ...extra,
                    componentId: raw.component !== undefined ? reference(node.component) : undefined,
                    resources: node.resources ? { ...node.resources } : fromComponent.resources,
                });
            }
            case "spark":
                // Inline or from a file, the spark job's code lives in its component (uploaded with it).
                return compileSparkNode(node, base, reference(node.component, node));
        }
    };
    const compileJobs = (jobs) => {
        const out = {};
        for (const [name, node] of Object.entries(jobs))
            out[name] = compileNode(node);
        return out;
    };
    // A job made of one pipeline component references it; its jobs travel inside the component.
    const pipelineComponentId = job.component ? reference(job.component) : undefined;
    const jobs = job.component ? {} : compileJobs(job.jobs);
    const inputs = {};
    for (const [name, input] of Object.entries(job.inputs)) {
        if (input.kind === "literal") {
            if (input.value !== undefined)
                inputs[name] = { jobInputType: "literal", value: String(input.value) };
        }
        else if (input.path !== undefined) {
            inputs[name] = clean({
                jobInputType: input.type,
                uri: dataPath(input.path, input.baseDir, input.type),
                mode: mode(input.mode),
            });
        }
    }
    const outputs = {};
    for (const [name, o] of Object.entries(job.outputs)) {
        outputs[name] = clean({ jobOutputType: o.type, mode: outputMode(o.mode), uri: o.path });
    }
    // The SDK marks settings written in a YAML file.
    const settings = {
        ...job.settings.raw,
        // The SDK's mark for a job made of a component (recording test_pipeline_component_job).
        _source: job.component ? "REMOTE.WORKSPACE.JOB" : "YAML.JOB",
    };
    const properties = clean({
        jobType: "Pipeline",
        displayName: job.displayName ?? job.component?.displayName,
        experimentName: job.experimentName,
        description: job.description,
        // The SDK always sends tags and properties (JobBase.properties: the user's, kept as written).
        tags: job.tags,
        properties: isStringRecord(job.raw.properties) ? job.raw.properties : {},
        isArchived: false,
        computeId: typeof job.raw.compute === "string" ? job.raw.compute : undefined,
        componentId: pipelineComponentId,
        settings,
        inputs,
        outputs,
        jobs,
    });
    return {
        properties,
        components,
        codeFolders: [...codeFolders],
        dataPaths: [...dataPaths],
        environmentFiles: [...environmentFiles],
    };
}
/** The declaration an inline job's input implies: its literal's type, the referenced input's type, or a folder. */
function inferredDecl(job, b) {
    let type = "string";
    if (b?.kind === "literal")
        type =
            typeof b.value === "number"
                ? Number.isInteger(b.value)
                    ? "integer"
                    : "number"
                : typeof b.value === "boolean"
                    ? "boolean"
                    : "string";
    else if (b?.kind === "data")
        type = b.type;
    else if (b?.kind === "ref" && b.type)
        type = b.type;
    else if (b?.kind === "ref" && b.ref.scope === "parent.jobs")
        type = "uri_folder";
    else if (b?.kind === "ref" && b.ref.scope === "parent.inputs") {
        const p = job.inputs[b.ref.name];
        type =
            p?.kind === "data"
                ? p.type
                : (p?.type ?? (typeof p?.value === "number" ? "number" : typeof p?.value === "boolean" ? "boolean" : "string"));
    }
    if (b === undefined || b.kind === "empty")
        return { type, optional: true };
    // An input bound to a pipeline input with a delivery mode keeps that mode, as the SDK writes it (`direct`).
    const bound = b.kind === "ref" && b.ref.scope === "parent.inputs" ? job.inputs[b.ref.name] : undefined;
    const mode = b.kind === "data" ? b.mode : bound?.kind === "data" ? bound.mode : undefined;
    return mode === undefined ? { type } : { type, mode };
}
function pipeline_job_isObj(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
function identity(i) {
    const types = {
        aml_token: "AMLToken",
        managed: "Managed",
        managed_identity: "Managed",
        user_identity: "UserIdentity",
    };
    const { type, ...rest } = i;
    return { identity_type: types[String(type)] ?? String(type), ...rest };
}
/** Where the SDK says a node's component came from: the workspace, a component file, or the job's YAML. */
function sourceOf(node) {
    if (node.component.origin.kind === "registered")
        return "REMOTE.WORKSPACE.COMPONENT";
    const written = node.raw.component ?? node.raw.trial;
    // `component: ./c.yml` is loaded as a component file; `file:./c.yml` and inline jobs as part of the job.
    return node.component.origin.kind === "file" && typeof written === "string" && !written.startsWith("file:")
        ? "YAML.COMPONENT"
        : "YAML.JOB";
}
/** The keys each distribution type has in the SDK's schema (others are dropped with a warning by the SDK). */
const DISTRIBUTION_KEYS = {
    mpi: ["process_count_per_instance"],
    pytorch: ["process_count_per_instance"],
    tensorflow: ["parameter_server_count", "worker_count"],
    ray: [
        "port",
        "address",
        "include_dashboard",
        "dashboard_port",
        "head_node_additional_args",
        "worker_node_additional_args",
    ],
};
const RESOURCE_KEYS = [
    "instance_count",
    "instance_type",
    "properties",
    "docker_args",
    "shm_size",
    "max_instance_count",
    "locations",
];
function pick(o, keys) {
    return Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
}
/** A component's distribution as the SDK writes it: lower-case type, its known keys. */
function knownDistribution(d) {
    const type = String(d.type).toLowerCase();
    const keys = DISTRIBUTION_KEYS[type];
    return keys ? { type, ...pick(d, keys) } : d;
}
/** A node's distribution as the SDK sends it: `distribution_type`, known keys, TensorFlow's parameter servers 0 unless given. */
function pipeline_job_distribution(d) {
    const types = { mpi: "Mpi", pytorch: "PyTorch", tensorflow: "TensorFlow", ray: "Ray" };
    const kind = String(d.type).toLowerCase();
    const keys = DISTRIBUTION_KEYS[kind];
    const { type, ...rest } = d;
    const fields = keys ? pick(rest, keys) : rest;
    if (kind === "tensorflow")
        fields.parameter_server_count ??= 0;
    return { distribution_type: types[kind] ?? String(type), ...fields };
}
const POLICY = {
    bandit: "Bandit",
    median_stopping: "MedianStopping",
    truncation_selection: "TruncationSelection",
};
/**
 * A sweep node's settings in the SDK's wire form: `search_space` entries as written
 * (`{type: choice, values: [...]}`, bindings kept), `sampling_algorithm` as its name, goal in lower
 * case, `limits` as written. A sampling algorithm with a seed or rule keeps the object form the
 * REST API also takes.
 */
function sweep(s, raw) {
    const searchSpace = {};
    for (const [k, d] of Object.entries(s.searchSpace)) {
        const written = pipeline_job_isObj(raw.search_space) ? raw.search_space[k] : undefined;
        searchSpace[k] = pipeline_job_isObj(written) ? { ...written } : clean({ type: d.type, values: d.values, ...d.params });
    }
    const samplingType = { random: "Random", grid: "Grid", bayesian: "Bayesian" }[s.sampling.type];
    const sampling = s.sampling.seed === undefined && s.sampling.rule === undefined
        ? s.sampling.type
        : clean({ sampling_algorithm_type: samplingType, seed: s.sampling.seed, rule: s.sampling.rule });
    const et = s.earlyTermination;
    return clean({
        search_space: searchSpace,
        sampling_algorithm: sampling,
        objective: { goal: s.objective.goal, primary_metric: s.objective.primaryMetric },
        limits: pipeline_job_isObj(raw.limits)
            ? { ...raw.limits }
            : clean({
                max_total_trials: Number.isFinite(s.limits.maxTotalTrials) ? s.limits.maxTotalTrials : undefined,
                max_concurrent_trials: s.limits.maxConcurrentTrials,
            }),
        early_termination: et
            ? clean({
                policy_type: POLICY[et.type],
                evaluation_interval: et.evaluationInterval,
                delay_evaluation: et.delayEvaluation,
                slack_factor: et.slackFactor,
                slack_amount: et.slackAmount,
                truncation_percentage: et.truncationPercentage,
            })
            : undefined,
    });
}
/** Input defaults as strings, the form the SDK sends (and the service returns). */
function stringDefaults(inputs) {
    const out = {};
    for (const [k, d] of Object.entries(inputs)) {
        out[k] = pipeline_job_isObj(d) && d.default !== undefined && d.default !== null ? { ...d, default: String(d.default) } : d;
    }
    return out;
}
function isStringRecord(value) {
    return (typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((v) => typeof v === "string"));
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/sas-inputs.js
/**
 * A SAS URL given as a pipeline input (in the YAML, or by `set: inputs.x=https://…?…&sig=…`) must
 * not reach the job: the job body is kept by the service and shown to anyone who can read the
 * workspace, for as long as the job exists. A data input or output whose `uri` carries a SAS becomes
 * the path in the workspace's datastore for that account and container (sas-datastore.ts), so the
 * datastore's own credentials read the data; a SAS anywhere else in the body (a literal input, an
 * environment variable, a component default) is refused. Every SAS found is registered as a
 * secret first, so no log line can show it.
 */


const IO_TYPE_KEYS = ["jobInputType", "job_input_type", "jobOutputType", "job_output_type"];
/**
 * Rewrites, in place, every data input or output `uri` with a SAS in the given job body parts
 * (the job's properties, the specs of the components it registers) to `toDatastore(uri)`.
 */
async function replaceSasUris(parts, toDatastore, secret) {
    for (const { value } of parts)
        forEachString(value, [], (s) => registerSasIn(s, secret));
    for (const { label, value } of parts)
        await visit(value, [label], toDatastore);
}
/** Registers every SAS in a text (a URL may sit inside a longer string, such as a command). */
function registerSasIn(text, secret) {
    if (!/sig=/i.test(text))
        return;
    for (const m of text.matchAll(/https?:\/\/[^\s'"`<>]+/gi))
        (0,sas/* registerSas */.$D)(m[0], secret);
}
async function visit(value, where, toDatastore) {
    if (Array.isArray(value)) {
        for (const [i, v] of value.entries())
            await visit(v, [...where, String(i)], toDatastore);
        return;
    }
    if (!value || typeof value !== "object")
        return;
    const record = value;
    const isData = IO_TYPE_KEYS.some((k) => typeof record[k] === "string" && record[k] !== "literal");
    for (const [key, v] of Object.entries(record)) {
        const here = [...where, key];
        if (typeof v === "string") {
            if (isData && key === "uri" && (0,sas/* sasQuery */.wW)(v) !== undefined) {
                record[key] = await toDatastore(v, here.join("."));
            }
            else if ((0,sas/* redactSas */.nL)(v) !== v) {
                throw new errors/* UserError */.yo(`${here.join(".")} holds a SAS URL ('${(0,sas/* redactSas */.nL)(v)}'), which the job would keep in plain text for anyone who can read the workspace`, { subject: "pipeline" }, "Pass the data as a uri_file or uri_folder input (it is then read through the workspace's datastore for that account and container), not as text");
            }
        }
        else {
            await visit(v, here, toDatastore);
        }
    }
}
function forEachString(value, where, fn) {
    if (typeof value === "string")
        fn(value);
    else if (Array.isArray(value))
        for (const v of value)
            forEachString(v, where, fn);
    else if (value && typeof value === "object")
        for (const v of Object.values(value))
            forEachString(v, where, fn);
}

;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/jobs.js
/**
 * Pipeline jobs on Azure ML: code folders uploaded once per content hash, the job PUT as written
 * (hand-written request, newer api-version, so no node or setting is dropped), then a wait that
 * polls with backoff, prints each step's status changes and new log lines, reads metrics through
 * MLflow, and cancels the job on timeout or when the CI run is cancelled.
 */














const silentLog = { info() { }, warning() { }, error() { }, debug() { }, group: (_t, fn) => fn(), secret() { } };
function isLocalPath(code) {
    return typeof code === "string" && !(0,references/* isRemoteCode */.u$)(code);
}
class AzureJobs {
    client;
    code;
    dataPlane;
    storage;
    studio;
    environments;
    computes;
    constructor(client, code, dataPlane, storage, studio, environments = new EnvironmentRegistry(client, (dir, log) => code.uploadContext(dir, log ?? silentLog)), computes = new ComputeResolver(client)) {
        this.client = client;
        this.code = code;
        this.dataPlane = dataPlane;
        this.storage = storage;
        this.studio = studio;
        this.environments = environments;
        this.computes = computes;
    }
    /**
     * Compiles the parsed YAML (contract/wire/pipeline-job.ts, a pure function) once to learn the
     * local code folders and data paths, uploads them (code once per content hash), compiles again
     * with their ids, registers the components the job references, then PUTs the job.
     */
    async submit(job, options) {
        const [missing] = await missingDataPaths(job);
        if (missing)
            throw new errors/* UserError */.yo(missing.message, { subject: "pipeline", ...missing.where }, missing.fix);
        const first = compileForAzure(job);
        const codeIds = new Map();
        for (const folder of first.codeFolders)
            codeIds.set(folder, await this.code.upload(folder, options.log));
        const dataUris = new Map();
        for (const path of first.dataPaths)
            dataUris.set(path, await this.uploadData(path, options.log, options.signal));
        const compiled = compileForAzure(job, {
            codeId: (folder) => codeIds.get(folder) ?? folder,
            codeUri: (folder) => this.code.uriOf(folder) ?? folder,
            dataUri: (path) => dataUris.get(path) ?? path,
            componentId: (name, version) => this.client.id("componentVersions.createOrUpdate", { name, version }),
        });
        // A SAS URL never reaches the job body: its datastore path instead, or a refusal naming the datastore to create.
        await replaceSasUris([
            { label: "job", value: compiled.properties },
            ...compiled.components.map((c) => ({ label: `component ${c.name}`, value: c.spec })),
        ], (uri, where) => datastorePathForSasUrl(this.client, uri, options.log, {
            subject: "pipeline",
            keptBy: `the job would keep in plain text (${where}, readable by anyone who can read the workspace)`,
        }), (value) => options.log.secret(value));
        for (const c of compiled.components) {
            if (c.spec.environment && typeof c.spec.environment === "object") {
                c.spec.environment = `azureml:${await this.environments.register(c.spec.environment, `component ${c.name}`, options.log)}`;
            }
        }
        await this.resolveComputes(compiled.properties);
        // Nodes inside pipeline components name computes too; the SDK sends them as ARM ids.
        for (const c of compiled.components) {
            for (const [name, node] of Object.entries((c.spec.jobs ?? {}))) {
                if (typeof node.computeId === "string")
                    node.computeId = await this.computes.resolve(node.computeId, `job ${name} of a pipeline component`);
            }
        }
        // AutoML nodes name theirs `compute` (the SDK's AutoML schema), resolved the same way.
        for (const [name, node] of Object.entries((compiled.properties.jobs ?? {}))) {
            if (node.type === "automl" && typeof node.compute === "string")
                node.compute = await this.computes.resolve(node.compute, `job ${name}`);
        }
        for (const c of compiled.components) {
            await this.client.must("componentVersions.createOrUpdate", { name: c.name, version: c.version }, {
                // The SDK's component version body: description and tags beside the spec, nothing archived.
                body: {
                    properties: jobs_clean({
                        description: typeof c.spec.description === "string" ? c.spec.description : undefined,
                        properties: {},
                        tags: isRecord(c.spec.tags) ? c.spec.tags : {},
                        isAnonymous: c.name === "azureml_anonymous",
                        isArchived: false,
                        componentSpec: c.spec,
                    }),
                },
                what: `register component ${c.name}:${c.version.slice(0, 12)}`,
                signal: options.signal,
            });
        }
        return this.submitCompiled({ body: { properties: compiled.properties } }, options);
    }
    /**
     * Dry run: what submit would upload. In plan mode the whole submission runs with every change
     * recorded instead of sent, so the plan file holds the component, code and job requests.
     */
    async preview(job, options) {
        const first = compileForAzure(job);
        if (this.client.dryRun)
            await this.submit(job, options);
        return { reused: [], refused: [], uploads: [...first.codeFolders, ...first.dataPaths] };
    }
    /** `azureml:<name>` computes (job default and per node) become checked ARM ids. */
    async resolveComputes(props) {
        if (typeof props.computeId === "string")
            props.computeId = await this.computes.resolve(props.computeId, "the pipeline's compute");
        const settings = props.settings;
        if (settings && typeof settings.default_compute === "string") {
            settings.default_compute = await this.computes.resolve(settings.default_compute, "settings.default_compute");
        }
        for (const [name, node] of Object.entries((props.jobs ?? {}))) {
            if (typeof node.computeId === "string")
                node.computeId = await this.computes.resolve(node.computeId, `job ${name}`);
        }
    }
    /** A local data input: uploaded under its fingerprint; the same content is not sent twice. */
    async uploadData(path, log, signal) {
        // Job inputs name the datastore path in the short form the SDK sends (azureml://datastores/<name>/paths/...).
        return (await uploadLocalPath(this.storage, path, log, signal)).uri;
    }
    /**
     * Uploads the local code folders the body names (`code:` of nodes and of inline components),
     * replaces them with code version ids, and PUTs the job. Nothing else in the body is touched.
     */
    async submitCompiled(compiled, options) {
        const body = structuredClone(compiled.body);
        const props = body.properties;
        props.experimentName ??= options.experimentName;
        props.jobType ??= "Pipeline";
        for (const node of Object.values(props.jobs ?? {})) {
            for (const holder of [
                node,
                node.component,
                node.trial,
            ]) {
                if (holder && typeof holder === "object" && isLocalPath(holder.code)) {
                    const dir = (0,external_node_path_.isAbsolute)(holder.code) ? holder.code : (0,external_node_path_.resolve)(options.baseDir, holder.code);
                    holder.code = await this.code.upload(dir, options.log);
                }
            }
        }
        if (options.forceRerun) {
            const settings = { ...(props.settings ?? {}) };
            settings.force_rerun ??= true;
            props.settings = settings;
        }
        const slug = String(props.displayName ?? props.experimentName ?? "pipeline")
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "_")
            .replace(/^_+|_+$/g, "")
            .slice(0, 30);
        const name = `${slug || "pipeline"}_${(0,external_node_crypto_.randomBytes)(5).toString("hex")}`;
        // Like the SDK, a job with no display name is shown by its generated name.
        props.displayName ??= name;
        const r = await this.client.must("jobs.createOrUpdate", { name }, {
            body,
            what: `submit pipeline job ${name}`,
            signal: options.signal,
            // A client request id lets Azure support trace one submission.
            headers: { "x-ms-client-request-id": (0,external_node_crypto_.randomBytes)(16).toString("hex") },
        });
        const studio = r.body?.properties?.services?.Studio?.endpoint ?? this.studioUrl(name);
        options.log.info(`${this.client.dryRun ? "Plan: would submit" : "Submitted"} pipeline job ${name}: ${studio}`);
        return name;
    }
    studioUrl(name) {
        return (0,routes/* studioJobUrl */.zW)(this.studio, this.client.ref, name);
    }
    async read(name, signal) {
        return (await this.client.send("jobs.get", { name }, {
            allow404: true,
            what: `read job ${name}`,
            signal,
        }))?.body;
    }
    async get(name) {
        const job = await this.read(name);
        if (!job)
            return undefined;
        const { steps, runs } = await this.steps(job).catch(() => ({ steps: [], runs: [] }));
        // A finished job's metrics are final: read them, so a later task (compare-models) can use them.
        const done = workspace/* TERMINAL_STATUSES */.C.includes(job.properties.status ?? "NotStarted");
        return this.record(job, steps, done ? await this.metrics(runs, silentLog) : {});
    }
    async steps(job, signal) {
        const runs = await this.dataPlane.childRuns(job.name, job.properties.experimentName ?? "Default", signal);
        const steps = runs.map((r) => ({
            name: r.properties?.["azureml.nodeid"] ?? r.displayName ?? r.name ?? r.runId,
            status: r.status,
            startedAt: r.startTimeUtc ?? undefined,
            endedAt: r.endTimeUtc ?? undefined,
            reused: r.properties?.["azureml.isreused"] === "true" || undefined,
            ...serviceReason(r.error?.error?.message),
        }));
        return { steps, runs };
    }
    record(job, s, metrics) {
        const steps = Array.isArray(s) ? s : (s.steps ?? []);
        const outputs = {};
        for (const [k, v] of Object.entries(job.properties.outputs ?? {}))
            outputs[k] = v?.uri ?? `azureml://jobs/${job.name}/outputs/${k}`;
        const status = job.properties.status ?? "NotStarted";
        const failed = steps.find((st) => st.status === "Failed");
        return {
            name: job.name,
            displayName: job.properties.displayName,
            experimentName: job.properties.experimentName ?? "Default",
            status,
            createdAt: job.systemData?.createdAt ?? "",
            endedAt: workspace/* TERMINAL_STATUSES */.C.includes(status) ? new Date().toISOString() : undefined,
            metrics,
            outputs,
            steps,
            studioUrl: job.properties.services?.Studio?.endpoint ?? this.studioUrl(job.name),
            error: status === "Failed"
                ? failed
                    ? `step ${failed.name} failed: ${failed.error ?? "see its logs"}`
                    : (job.properties.error?.message ?? "the job failed")
                : undefined,
        };
    }
    async wait(name, options) {
        const { log, signal } = options;
        if (this.client.dryRun) {
            log.info(`Plan: would wait for job ${name}.`);
            return { name, experimentName: "", status: "NotStarted", createdAt: "", metrics: {}, outputs: {}, steps: [] };
        }
        const started = Date.now();
        let interval = this.client.timing.pollMs;
        const seen = new Map();
        const logOffsets = new Map();
        let lastParent;
        let timedOut = false;
        for (;;) {
            if (signal.aborted) {
                await this.cancelQuietly(name, log, "the CI run was cancelled");
                throw signal.reason instanceof Error ? signal.reason : new errors/* TaskFailure */.Eg("cancelled");
            }
            if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs && !timedOut) {
                timedOut = true;
                log.warning(`Job ${name} ran longer than ${Math.round(options.timeoutMs / 60000)} minute(s): cancelling it.`);
                await this.cancelQuietly(name, log, "timeout");
            }
            const job = await this.read(name, signal);
            if (!job)
                throw new errors/* UserError */.yo(`no job '${name}' in workspace ${this.client.ref.workspaceName}`, { subject: "job" }, "Give the jobName a previous submit-pipeline printed");
            const status = job.properties.status ?? "NotStarted";
            if (status !== lastParent) {
                log.info(`Job ${name}: ${status}`);
                lastParent = status;
            }
            const { steps, runs } = await this.steps(job, signal).catch((error) => {
                log.debug(`run history unavailable: ${error instanceof Error ? error.message : String(error)}`);
                return { steps: [], runs: [] };
            });
            for (const st of steps) {
                if (seen.get(st.name) !== st.status) {
                    log.info(`  step ${st.name}: ${st.status}${st.error ? ` (${st.error})` : ""}`);
                    seen.set(st.name, st.status);
                }
            }
            for (const run of runs.filter((r) => r.status !== "NotStarted")) {
                await this.streamLogs(run, logOffsets, log, signal);
            }
            if (workspace/* TERMINAL_STATUSES */.C.includes(status)) {
                const metrics = await this.metrics(runs, log);
                const record = this.record(job, steps, metrics);
                if (timedOut && status === "Canceled")
                    record.error = `canceled: the timeout of ${Math.round((options.timeoutMs ?? 0) / 60000)} minute(s) was reached`;
                return record;
            }
            await sleep(interval, signal).catch(() => { });
            interval = Math.min(interval * 1.5, this.client.timing.maxPollMs);
        }
    }
    async streamLogs(run, offsets, log, signal) {
        const step = run.properties?.["azureml.nodeid"] ?? run.displayName ?? run.runId;
        try {
            const files = await this.dataPlane.logFiles(run.runId, signal);
            for (const [file, url] of Object.entries(files)) {
                if (!/std_log|stdout|stderr/.test(file))
                    continue;
                const key = `${run.runId}/${file}`;
                const text = await this.dataPlane.fetchText(url, signal);
                const from = offsets.get(key) ?? 0;
                if (text.length <= from)
                    continue;
                for (const line of text.slice(from).split(/\r?\n/))
                    if (line)
                        log.info(`  [${step}] ${line}`);
                offsets.set(key, text.length);
            }
        }
        catch (error) {
            log.debug(`logs of ${step} unavailable: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    /** Every step's latest metrics from MLflow, as `step.metric`, and `metric` when only one step logs it. */
    async metrics(runs, log) {
        const out = {};
        const count = new Map();
        const plain = {};
        for (const run of runs) {
            const step = run.properties?.["azureml.nodeid"] ?? run.displayName ?? run.runId;
            try {
                for (const [k, v] of Object.entries(await this.dataPlane.runMetrics(run.runId))) {
                    out[`${step}.${k}`] = v;
                    plain[k] = v;
                    count.set(k, (count.get(k) ?? 0) + 1);
                }
            }
            catch (error) {
                log.warning(`Could not read the metrics of step ${step}: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
        for (const [k, n] of count)
            if (n === 1)
                out[k] = plain[k];
        return out;
    }
    async cancelQuietly(name, log, why) {
        try {
            await this.cancel(name);
            log.info(`Cancelled job ${name} (${why}).`);
        }
        catch (error) {
            log.warning(`Could not cancel job ${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    async cancel(name) {
        const r = await this.client.must("jobs.cancel", { name }, {
            what: `cancel job ${name}`,
        });
        await this.client.waitLro(r, `cancel job ${name}`);
    }
}
function isRecord(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
/** Drops undefined members so the body holds only what is known. */
function jobs_clean(o) {
    for (const k of Object.keys(o))
        if (o[k] === undefined)
            delete o[k];
    return o;
}
/**
 * The reason inside a failed step's service error: Azure ML wraps the user's stderr in a header
 * ("Execution failed. User process 'python' exited with status code 1. Please check log file
 * ..."). The step's code runs in the job's working folder (`.../exe/wd/`), so a frame there is the
 * user's file, named relative to the step's code folder.
 */
function serviceReason(message) {
    if (!message)
        return {};
    const stderr = message.replace(/^[^\n]*?for error details\.\s*(?:Error:\s*)?/, "");
    const reason = (0,failure_reason/* failureReason */.H)(stderr, (path) => /(?:^|\/)wd\/(.+)$/.exec(path)?.[1]);
    if (!reason)
        return { error: message };
    return { error: reason.message, ...(reason.file ? { where: { file: reason.file, line: reason.line } } : {}) };
}

// EXTERNAL MODULE: ./build/bundle/workspace/azureml/models.js + 1 modules
var models = __webpack_require__(74686);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/index.js
/**
 * The Azure Machine Learning backend: one signed-in client (SDK + hand-written requests over the
 * same pipeline), the default datastore through @azure/storage-blob, and the stores the Workspace
 * port asks for. In plan mode every request that would change the workspace is recorded instead
 * of sent, and written to the plan file on close.
 */

















class AzureMlWorkspace {
    client;
    cloud;
    options;
    backend = "azureml";
    capabilities = {
        sharedWrites: true,
        plansDryRun: true,
        detachedJobs: true,
        managedCompute: true,
    };
    description;
    datasets;
    models;
    jobs;
    endpoints;
    batchEndpoints;
    artifacts;
    info;
    constructor(client, cloud, options, signIn) {
        this.client = client;
        this.cloud = cloud;
        this.options = options;
        const { ref } = options;
        this.description = `Azure ML workspace ${ref.workspaceName} (resource group ${ref.resourceGroup}, subscription ${ref.subscriptionId}, ${cloud.name}) as ${signIn}${client.dryRun ? " — plan mode: nothing that changes the workspace is sent" : ""}`;
        const storage = new azureml_storage/* DatastoreAccess */.__(client, () => options.log);
        const code = new CodeUploader(client, storage);
        const dataPlane = new DataPlane(client, () => this.workspaceInfo());
        this.datasets = new AzureDatasets(client, storage);
        this.models = new models/* AzureModels */.y(client, storage);
        this.jobs = new AzureJobs(client, code, dataPlane, storage, cloud.studio);
        this.endpoints = new AzureEndpoints(client, code, dataPlane, async () => (await this.workspaceInfo()).location, options.log);
        this.batchEndpoints = new AzureBatchEndpoints(client, code, storage, this.jobs, dataPlane, async () => (await this.workspaceInfo()).location, () => options.log);
        this.artifacts = new AzureArtifacts(storage);
    }
    static async open(options) {
        const env = options.env ?? process.env;
        const cloud = selectCloud(options.cloud, options.resourceManagerEndpoint, options.authorityHost);
        const tlsOptions = options.extraCaCerts
            ? { ca: [...external_node_tls_.rootCertificates, options.extraCaCerts] }
            : undefined;
        const timing = { ...DEFAULT_TIMING, ...options.timing };
        // One set of timed sockets for sign-in, ARM, the data plane and storage.
        const agents = new http_timeouts.TimedAgents(timing.http ?? http_timeouts.DEFAULT_HTTP_TIMEOUTS);
        const chosen = chooseCredential({
            httpClient: (0,http_timeouts.timedHttpClient)(agents),
            clientId: options.clientId,
            tenantId: options.tenantId,
            azureSubscription: options.azureSubscription,
            cloud,
            host: options.run?.azure,
            env,
            tlsOptions,
        }, options.log);
        const client = new AzureMlClient(options.ref, cloud, chosen.credential, timing, options.dryRun ?? false, tlsOptions, agents);
        const ws = new AzureMlWorkspace(client, cloud, options, chosen.description);
        // Read the workspace now: a wrong name, a missing role or a failed sign-in shows up first, in one line.
        await ws.workspaceInfo();
        return ws;
    }
    workspaceInfo() {
        this.info ??= (async () => {
            const { resourceGroup, workspaceName } = this.options.ref;
            try {
                const w = await this.client.sdk.workspaces.get(resourceGroup, workspaceName);
                return { location: w.location ?? "", discoveryUrl: w.discoveryUrl, mlFlowTrackingUri: w.mlFlowTrackingUri };
            }
            catch (error) {
                throw this.client.toUserError(`read workspace ${workspaceName}`, error);
            }
        })();
        return this.info;
    }
    /**
     * An Azure ML registry by name, with this workspace's sign-in and cloud; publishing copies this
     * workspace's model versions into it. Loaded on first use (registry.ts and its storage code).
     */
    async openRegistry(name, log) {
        const { discoveryUrl } = await this.workspaceInfo();
        if (!discoveryUrl) {
            throw new errors/* UserError */.yo(`workspace '${this.options.ref.workspaceName}' names no discovery URL, so registry '${name}' cannot be found`, { input: "registry" }, "Check that the workspace is fully provisioned (az ml workspace show), then re-run");
        }
        const { openAzureMlRegistry } = await __webpack_require__.e(/* import() */ 769).then(__webpack_require__.bind(__webpack_require__, 79769));
        return openAzureMlRegistry(this.client, name, { workspaceName: this.options.ref.workspaceName, regionalApi: new URL(discoveryUrl).origin, models: this.models }, log);
    }
    /** The requests plan mode recorded. */
    get plan() {
        return this.client.plan;
    }
    planSummary() {
        if (!this.client.dryRun)
            return undefined;
        const rows = this.client.plan.map((r) => {
            const path = r.path.startsWith(this.client.wsPath) ? r.path.slice(this.client.wsPath.length) || "/" : r.path;
            const what = r.bytes !== undefined
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
            ...(rows.length ? [(0,markdown/* table */.tp)(["method", "path (under the workspace)", "api-version", "body"], rows)] : []),
            "",
        ].join("\n");
    }
    async close() {
        if (!this.client.dryRun)
            return;
        const plan = this.client.plan;
        const file = this.options.planFile;
        if (file) {
            await (0,util_files/* writeAtomic */.vZ)(file, `${JSON.stringify({ workspace: this.client.resourceId, generatedAt: new Date().toISOString(), requests: plan }, null, 2)}\n`);
        }
        const log = this.options.log;
        log.info(`Plan mode: ${plan.length} request(s) would change the workspace${file ? `; written to ${file}` : ""}:`);
        for (const r of plan)
            log.info(`  ${r.method} ${r.path}${r.apiVersion ? `?api-version=${r.apiVersion}` : ""}${r.bytes !== undefined ? ` (${r.bytes} bytes)` : ""}`);
    }
}
function requireRef(values) {
    const missing = ["subscriptionId", "resourceGroup", "workspaceName"].filter((k) => !values[k]);
    if (missing.length > 0) {
        throw new errors/* UserError */.yo("is required for backend azureml", { input: missing[0] }, `Set ${missing.map((m) => `'${m}'`).join(", ")} (or AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP, AZUREML_WORKSPACE_NAME)`);
    }
    // Checked before signing in: a typo would otherwise surface as a sign-in or 404 error.
    const checks = [
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
            throw new errors/* UserError */.yo(`'${shown}' is not a valid ${key === "workspaceName" ? "workspace name" : key === "resourceGroup" ? "resource group name" : "subscription id"}`, { input: key }, fix);
        }
    }
    return values;
}


/***/ }),

/***/ 11965:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ mlflowFlavors)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/**
 * The flavors of an MLflow model (its MLmodel file) in the form a model version carries them:
 * `{ <flavor>: { data: { <key>: <string> } } }`, values as strings, nested values as JSON.
 */

function mlflowFlavors(mlmodel) {
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(mlmodel);
    }
    catch {
        // An unreadable MLmodel still registers; the service reads the file itself when it needs to.
        return undefined;
    }
    const flavors = doc?.flavors;
    if (typeof flavors !== "object" || flavors === null || Array.isArray(flavors))
        return undefined;
    const out = {};
    for (const [name, fields] of Object.entries(flavors)) {
        const data = {};
        if (typeof fields === "object" && fields !== null && !Array.isArray(fields)) {
            for (const [k, v] of Object.entries(fields)) {
                if (v === null || v === undefined)
                    continue;
                data[k] = typeof v === "object" ? JSON.stringify(v) : String(v);
            }
        }
        out[name] = { data };
    }
    return out;
}


/***/ }),

/***/ 74686:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ AzureModels),
  $: () => (/* binding */ METRIC)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/bundle/data/fingerprint.js
var fingerprint = __webpack_require__(8630);
// EXTERNAL MODULE: ./build/bundle/errors.js
var errors = __webpack_require__(91746);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/assets.js
var assets = __webpack_require__(75533);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/contract/errors.js
var contract_errors = __webpack_require__(88202);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/job-output.js
const JOB_OUTPUT = /^azureml:\/\/jobs\/([^/]+)\/outputs\/([^/]+)(?:\/paths\/(.*))?$/;
function isJobOutputUri(uri) {
    return JOB_OUTPUT.test(uri);
}
/** The datastore URI of a job output, or undefined when `uri` is not one. */
async function jobOutputDatastoreUri(client, uri, defaultDatastore) {
    const m = JOB_OUTPUT.exec(uri);
    if (!m)
        return undefined;
    const [, job, output, inner] = m;
    const record = await client.send("jobs.get", { name: job }, { allow404: true, what: `read job ${job}` });
    const given = record?.body?.properties.outputs?.[output]?.uri;
    const base = given?.startsWith("azureml://")
        ? given.replace(/\/+$/, "")
        : `azureml://datastores/${await defaultDatastore()}/paths/azureml/${job}/${output}`;
    return inner ? `${base}/${inner}` : `${base}/`;
}

// EXTERNAL MODULE: ./build/bundle/workspace/azureml/mlflow-flavors.js
var mlflow_flavors = __webpack_require__(11965);
// EXTERNAL MODULE: ./build/bundle/workspace/azureml/storage.js
var storage = __webpack_require__(66335);
;// CONCATENATED MODULE: ./build/bundle/workspace/azureml/models.js










/** Model metrics live in the version's properties under this prefix (properties are immutable, like the metrics). */
const METRIC = "mlops.metric.";
function clean(record) {
    return Object.fromEntries(Object.entries(record ?? {}).filter(([, v]) => v !== null));
}
function toModel(name, v) {
    const p = v.properties;
    const props = clean(p.properties);
    const metrics = {};
    for (const [k, value] of Object.entries(props))
        if (k.startsWith(METRIC))
            metrics[k.slice(METRIC.length)] = Number(value);
    return {
        name,
        version: v.name,
        uri: p.modelUri ?? "",
        description: p.description,
        tags: clean(p.tags),
        metrics,
        createdAt: v.systemData?.createdAt ? new Date(v.systemData.createdAt).toISOString() : "",
    };
}
/** Model versions on Azure ML; local model files go to the default datastore first. */
class AzureModels {
    client;
    storage;
    constructor(client, storage) {
        this.client = client;
        this.storage = storage;
    }
    get rg() {
        return this.client.ref.resourceGroup;
    }
    get ws() {
        return this.client.ref.workspaceName;
    }
    async list(name) {
        const out = [];
        try {
            for await (const v of this.client.sdk.modelVersions.list(this.rg, this.ws, name, { orderBy: "createdtime desc" }))
                out.push(toModel(name, v));
        }
        catch (error) {
            if ((0,contract_errors/* isNotFound */.c4)(error))
                return [];
            throw this.client.toUserError(`list versions of model '${name}'`, error);
        }
        return (0,assets/* newestFirst */.ll)(out).reverse();
    }
    async get(name, version) {
        if (version === "latest")
            return (await this.list(name)).at(-1);
        try {
            return toModel(name, await this.client.sdk.modelVersions.get(this.rg, this.ws, name, version));
        }
        catch (error) {
            if ((0,contract_errors/* isNotFound */.c4)(error))
                return undefined;
            throw this.client.toUserError(`read model ${name}:${version}`, error);
        }
    }
    async register(model, log) {
        let modelUri;
        let modelType = "custom_model";
        let jobName;
        let flavors;
        if ((0,assets/* isRemoteUri */.DE)(model.source)) {
            modelUri = model.source;
            jobName = /^azureml:\/\/jobs\/([^/]+)\//.exec(model.source)?.[1];
        }
        else {
            const info = await (0,promises_.stat)(model.source).catch(() => undefined);
            if (!info)
                throw new errors/* UserError */.yo(`model path '${model.source}' does not exist`, { subject: "modelPath" }, "Give the folder or file the job wrote the model to");
            const fp = await (0,fingerprint/* fingerprint */.R)(model.source);
            const isFile = !info.isDirectory();
            if (!isFile && fp.files.some((f) => f.path === "MLmodel")) {
                modelType = "mlflow_model";
                // The SDK sends the MLmodel's flavors with an MLflow model.
                flavors = (0,mlflow_flavors/* mlflowFlavors */.b)(await (0,promises_.readFile)((0,external_node_path_.join)(model.source, "MLmodel"), "utf8"));
            }
            const prefix = `LocalUpload/${fp.digest.slice(0, 32)}/${(0,external_node_path_.basename)(model.source)}`;
            await this.storage.upload(fp.files.map((f) => ({
                local: isFile ? model.source : (0,external_node_path_.join)(model.source, f.path),
                blob: isFile ? prefix : `${prefix}/${f.path}`,
                size: f.size,
                sha256: f.sha256,
            })), prefix, log);
            // The SDK names a model folder without a trailing slash.
            modelUri = await this.storage.uri(prefix);
        }
        const properties = {};
        for (const [k, v] of Object.entries(model.metrics))
            properties[`${METRIC}${k}`] = String(v);
        const existing = await this.list(model.name);
        const created = await (0,assets/* createWithFreshVersion */.Hr)((0,assets/* nextVersion */.yU)(existing.map((m) => m.version)), async (version) => {
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
            }
            catch (error) {
                throw this.client.toUserError(`register model ${model.name}:${version}`, error);
            }
        });
        const result = toModel(model.name, created);
        log.info(`${this.client.dryRun ? "Plan: would register" : "Registered"} model ${model.name}:${result.version} → ${modelUri}`);
        return result;
    }
    async setTags(name, version, tags) {
        let current;
        try {
            current = await this.client.sdk.modelVersions.get(this.rg, this.ws, name, version);
        }
        catch (error) {
            throw this.client.toUserError(`read model ${name}:${version}`, error);
        }
        const merged = clean(current.properties.tags);
        for (const [k, v] of Object.entries(tags)) {
            if (v === null)
                delete merged[k];
            else
                merged[k] = v;
        }
        try {
            const updated = await this.client.sdk.modelVersions.createOrUpdate(this.rg, this.ws, name, version, {
                properties: { ...current.properties, tags: merged },
            });
            return toModel(name, updated);
        }
        catch (error) {
            throw this.client.toUserError(`update tags of model ${name}:${version}`, error);
        }
    }
    async download(model, dir, log) {
        const label = `${model.name}:${model.version}`;
        // A model registered from a job's output is read where that output lives.
        const fromJob = await jobOutputDatastoreUri(this.client, model.uri, async () => (await this.storage.defaultDatastore()).name);
        const uri = fromJob ?? model.uri;
        const parsed = (0,storage/* parseDatastoreUri */.xW)(uri);
        if (!parsed) {
            throw new errors/* UserError */.yo(`model ${label} lives at ${model.uri}, which is not a datastore path and cannot be downloaded here`, {}, "Register the model from a datastore path, or write the job's model output to one");
        }
        const ds = await this.storage.defaultDatastore();
        if (parsed.datastore !== ds.name) {
            throw new errors/* UserError */.yo(`model ${label} is in datastore '${parsed.datastore}'; only the default datastore '${ds.name}' can be read here`, {}, "Register the model in the default datastore");
        }
        // A model is one blob, or the blobs under its folder: the folder's path and a slash (without
        // the slash, "model" would also match a sibling "model2/").
        const path = parsed.path.replace(/\/$/, "");
        await (0,promises_.mkdir)(dir, { recursive: true });
        const blob = (await this.storage.containerClient()).getBlobClient(path);
        let files;
        if (!parsed.path.endsWith("/") && (await blob.exists())) {
            const local = (0,external_node_path_.join)(dir, (0,external_node_path_.basename)(path));
            await blob.downloadToFile(local);
            files = [local];
        }
        else
            files = await this.storage.download(`${path}/`, dir);
        if (files.length === 0) {
            throw new errors/* UserError */.yo(`model ${label} has no files at ${uri}${fromJob ? ` (where job output ${model.uri} is written)` : ""}`, {}, fromJob
                ? "Give the pipeline's model output a datastore path (outputs: model: path: azureml://datastores/workspaceblobstore/paths/models/${{name}}/), or register the model from its files"
                : "Register the model again from its files");
        }
        log.info(`Downloaded ${files.length} file(s) of model ${label} to ${dir}`);
        return dir;
    }
    async localPath(model, _log) {
        const parsed = (0,storage/* parseDatastoreUri */.xW)(model.uri);
        if (!parsed) {
            throw new errors/* UserError */.yo(`model ${model.name}:${model.version} lives at ${model.uri}, which cannot be downloaded here`, {}, "Register models from a datastore path");
        }
        const dir = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "mlops-azureml", `model-${model.name}-${model.version}`);
        await (0,promises_.mkdir)(dir, { recursive: true });
        const files = await this.storage.download(parsed.path, dir);
        return files.length === 1 && !model.uri.endsWith("/") ? files[0] : dir;
    }
}


/***/ }),

/***/ 62266:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nn: () => (/* binding */ describeStorageAccess),
/* harmony export */   Qi: () => (/* binding */ refusesSharedKey),
/* harmony export */   Zb: () => (/* binding */ SHARED_KEY_REFUSED),
/* harmony export */   ds: () => (/* binding */ storageRefusalFix),
/* harmony export */   nW: () => (/* binding */ chooseStorageAccess),
/* harmony export */   rn: () => (/* binding */ storageContainer)
/* harmony export */ });
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44708);
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57006);
/* harmony import */ var _contract_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88202);
/**
 * How the default datastore is signed. A datastore with an account key or a SAS token is signed with
 * it; an identity-based one (credentialsType None: the default in secured workspaces, the only kind
 * when the storage account disallows shared keys) is reached with the signed-in identity's Entra ID
 * token for storage, as the Azure ML SDK does. Nothing here logs a secret.
 */



/** Storage's error code when the account has `allowSharedKeyAccess: false` (keys and SAS alike). */
const SHARED_KEY_REFUSED = "KeyBasedAuthenticationNotPermitted";
function firstLine(error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.split("\n")[0].trim();
}
/**
 * True when listSecrets said the datastore has no secrets: the service answers 400 for an
 * identity-based datastore ("No secrets for credentials of type None").
 */
function hasNoSecrets(error) {
    return (0,_contract_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceStatus */ .E6)(error) === 400 || /no secrets for credentials/i.test(firstLine(error));
}
/**
 * Chooses how to sign, asking for secrets only when the datastore has some (the SDK skips
 * listSecrets for credentialsType None too). Other listSecrets failures (403, 404, ...) are thrown.
 */
async function chooseStorageAccess(ds, listSecrets) {
    if (/^none$/i.test(ds.credentialsType ?? "")) {
        return { kind: "Identity", reason: `datastore '${ds.name}' is identity-based (credentialsType None)` };
    }
    let secrets;
    try {
        secrets = await listSecrets();
    }
    catch (error) {
        if (!hasNoSecrets(error))
            throw error;
        return {
            kind: "Identity",
            reason: `the workspace holds no secrets for datastore '${ds.name}' (listSecrets: ${firstLine(error)})`,
        };
    }
    if (secrets.secretsType === "AccountKey" && secrets.key)
        return { kind: "AccountKey", key: secrets.key };
    if (secrets.secretsType === "Sas" && secrets.sasToken)
        return { kind: "Sas", sasToken: secrets.sasToken };
    return {
        kind: "Identity",
        reason: `datastore '${ds.name}' has secrets of type '${secrets.secretsType ?? "none"}', not an account key or SAS token`,
    };
}
/** The log line that says which way storage is reached (never the secret itself). */
function describeStorageAccess(access, ds, scope) {
    const where = `datastore '${ds.name}' (storage account '${ds.accountName}')`;
    switch (access.kind) {
        case "AccountKey":
            return `Storage: ${where} is reached with its account key.`;
        case "Sas":
            return `Storage: ${where} is reached with its SAS token.`;
        case "Identity":
            return `Storage: ${where} is reached with the signed-in identity's Entra ID token (scope ${scope}), because ${access.reason}.`;
    }
}
/**
 * Makes requests trust the extra CA (MLOPS_EXTRA_CA_CERTS: private clouds, emulators). The storage
 * pipeline has no TLS option; a core-http style policy may set the request's agent.
 */
function trustPolicy(tls) {
    const agent = new node_https__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: true, ca: tls.ca, cert: tls.cert, key: tls.key });
    return {
        create: (next) => ({
            sendRequest: (request) => {
                if (request.url.startsWith("https:"))
                    request.agent = agent;
                return next.sendRequest(request);
            },
        }),
    };
}
/** Puts every blob request on a timed socket (http-timeouts.ts); the agent carries the TLS settings. */
function timedPolicy(agents, tls) {
    return {
        create: (next) => ({
            sendRequest: (request) => {
                request.agent = agents.for(request.url, tls);
                return next.sendRequest(request);
            },
        }),
    };
}
/** A container client signed the way `access` says. */
function storageContainer(serviceUrl, accountName, containerName, access, options) {
    const pipelineOptions = { retryOptions: { maxTries: 5 }, audience: options.scope };
    let url = serviceUrl;
    let pipeline;
    if (access.kind === "AccountKey") {
        pipeline = (0,_azure_storage_blob__WEBPACK_IMPORTED_MODULE_1__/* .newPipeline */ .vC)(new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_1__/* .StorageSharedKeyCredential */ .Z3(accountName, access.key), pipelineOptions);
    }
    else if (access.kind === "Sas") {
        url = `${serviceUrl}?${access.sasToken.replace(/^\?/, "")}`;
        pipeline = (0,_azure_storage_blob__WEBPACK_IMPORTED_MODULE_1__/* .newPipeline */ .vC)(new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_1__/* .AnonymousCredential */ .tv(), pipelineOptions);
    }
    else {
        // The identity needs a data role on the account (Storage Blob Data Contributor).
        pipeline = (0,_azure_storage_blob__WEBPACK_IMPORTED_MODULE_1__/* .newPipeline */ .vC)(options.credential, pipelineOptions);
    }
    if (options.agents)
        pipeline.factories.push(timedPolicy(options.agents, options.tlsOptions));
    else if (options.tlsOptions?.ca)
        pipeline.factories.push(trustPolicy(options.tlsOptions));
    return new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_1__/* .BlobServiceClient */ .wS(url, pipeline).getContainerClient(containerName);
}
/**
 * True when the account refuses shared-key and SAS requests (allowSharedKeyAccess: false). Found
 * with one listing of at most one blob, made once per run before any upload or download.
 */
async function refusesSharedKey(container) {
    try {
        await container.listBlobsFlat().byPage({ maxPageSize: 1 }).next();
        return false;
    }
    catch (error) {
        if (!(0,_contract_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isRestError */ .T0)(error) || error.statusCode !== 403)
            return false;
        return (error.code ?? error.details?.errorCode) === SHARED_KEY_REFUSED;
    }
}
/** What to do about a 403 from storage, by how it was reached and what storage said. */
function storageRefusalFix(code, keyless, scope) {
    if (!keyless) {
        return "The datastore's key or SAS token was refused: update the datastore's credentials (az ml datastore update), or make it identity-based and grant the identity 'Storage Blob Data Contributor'";
    }
    if (code === "AuthenticationFailed" || code === "InvalidAuthenticationInfo") {
        return `Storage did not accept the identity's token for ${scope}: check that the inputs 'cloud' and 'tenantId' match the workspace's cloud and tenant`;
    }
    return "Grant the signed-in identity 'Storage Blob Data Contributor' on the workspace's storage account (az role assignment create --role \"Storage Blob Data Contributor\" --assignee <clientId> --scope <storage account id>), or give the datastore an account key";
}


/***/ }),

/***/ 66335:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   __: () => (/* binding */ DatastoreAccess),
/* harmony export */   _t: () => (/* binding */ blobServiceUrl),
/* harmony export */   xW: () => (/* binding */ parseDatastoreUri),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91746);
/* harmony import */ var _contract_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88202);
/* harmony import */ var _storage_auth_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62266);
/**
 * The workspace's default datastore, reached with @azure/storage-blob: uploads in parallel blocks
 * with progress, content hashes in blob metadata so files already there are not sent again, and
 * downloads for readers.
 */





/** Metadata key holding a blob's content hash (what lets a re-run skip it). */
const HASH_KEY = "mlopssha256";
/** Files up to this size go in one request; bigger ones in parallel blocks. */
const SINGLE_SHOT = 4 * 1024 * 1024;
const BLOCK = 8 * 1024 * 1024;
/**
 * The blob endpoint of a datastore. Azure stores `endpoint` as the storage suffix
 * (`core.windows.net`); an endpoint with a port or an IP (Azurite, Azure Stack) is path-style.
 */
function blobServiceUrl(ds) {
    const protocol = ds.protocol || "https";
    if (/:\d+$/.test(ds.endpoint) || /^\d+\.\d+\.\d+\.\d+/.test(ds.endpoint) || ds.endpoint.startsWith("localhost")) {
        return `${protocol}://${ds.endpoint}/${ds.accountName}`;
    }
    return `${protocol}://${ds.accountName}.blob.${ds.endpoint}`;
}
class DatastoreAccess {
    client;
    log;
    named;
    datastore;
    container;
    /** True once storage is reached with the identity's token (changes the hint on a 403). */
    keyless = false;
    constructor(client, log, 
    /** A named datastore (Azure Blob or ADLS Gen2) instead of the workspace's default one. */
    named) {
        this.client = client;
        this.log = log;
        this.named = named;
    }
    /** The datastore this access is for: the workspace's default, or the one named. */
    defaultDatastore() {
        this.datastore ??= (async () => {
            const { resourceGroup, workspaceName } = this.client.ref;
            if (this.named)
                return this.namedDatastore(this.named);
            try {
                for await (const ds of this.client.sdk.datastores.list(resourceGroup, workspaceName, { isDefault: true })) {
                    // The SDK types properties as a union of datastore kinds; a blob datastore carries these.
                    const p = ds.properties;
                    if (p.datastoreType !== "AzureBlob")
                        continue;
                    return {
                        name: ds.name,
                        accountName: String(p.accountName),
                        containerName: String(p.containerName),
                        endpoint: String(p.endpoint ?? this.client.cloud.storageSuffix),
                        protocol: String(p.protocol ?? "https"),
                        credentialsType: p.credentials?.credentialsType,
                    };
                }
            }
            catch (error) {
                throw this.client.toUserError("list the workspace's datastores", error);
            }
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`workspace '${workspaceName}' has no default Azure Blob datastore`, {}, "Set a blob datastore as the workspace default (az ml datastore update --set is_default=true)");
        })();
        return this.datastore;
    }
    /**
     * A named datastore: Azure Blob, or ADLS Gen2, whose filesystem is a blob container of the same
     * name behind the account's blob endpoint (so the same client reads and writes it).
     */
    async namedDatastore(name) {
        const { resourceGroup, workspaceName } = this.client.ref;
        let ds;
        try {
            ds = await this.client.sdk.datastores.get(resourceGroup, workspaceName, name);
        }
        catch (error) {
            throw this.client.toUserError(`read datastore '${name}'`, error);
        }
        const p = ds.properties;
        const container = p.datastoreType === "AzureDataLakeGen2" ? p.filesystem : p.containerName;
        if ((p.datastoreType !== "AzureBlob" && p.datastoreType !== "AzureDataLakeGen2") || !container) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`datastore '${name}' is of type ${p.datastoreType ?? "unknown"}`, {}, "Name an Azure Blob or Azure Data Lake Gen2 datastore");
        }
        return {
            name,
            accountName: String(p.accountName),
            containerName: String(container),
            endpoint: String(p.endpoint ?? this.client.cloud.storageSuffix),
            protocol: String(p.protocol ?? "https"),
            credentialsType: p.credentials?.credentialsType,
        };
    }
    /** A container client for the default datastore, signed the way the datastore says. */
    containerClient() {
        this.container ??= (async () => {
            const ds = await this.defaultDatastore();
            const { resourceGroup, workspaceName } = this.client.ref;
            let access;
            try {
                access = await (0,_storage_auth_js__WEBPACK_IMPORTED_MODULE_4__/* .chooseStorageAccess */ .nW)(ds, async () => (await this.client.sdk.datastores.listSecrets(resourceGroup, workspaceName, ds.name)));
            }
            catch (error) {
                throw this.client.toUserError(`read the credentials of datastore '${ds.name}'`, error);
            }
            if (access.kind === "AccountKey")
                this.log().secret(access.key);
            if (access.kind === "Sas")
                this.log().secret(access.sasToken);
            const scope = this.client.cloud.storageScope;
            const options = {
                scope,
                credential: this.client.credential,
                tlsOptions: this.client.tlsOptions,
                agents: this.client.agents,
            };
            const url = blobServiceUrl(ds);
            let container = (0,_storage_auth_js__WEBPACK_IMPORTED_MODULE_4__/* .storageContainer */ .rn)(url, ds.accountName, ds.containerName, access, options);
            // An account that disallows shared keys refuses the key and the SAS alike: go keyless.
            if (access.kind !== "Identity" && (await (0,_storage_auth_js__WEBPACK_IMPORTED_MODULE_4__/* .refusesSharedKey */ .Qi)(container))) {
                access = {
                    kind: "Identity",
                    reason: `storage account '${ds.accountName}' refuses shared keys (${_storage_auth_js__WEBPACK_IMPORTED_MODULE_4__/* .SHARED_KEY_REFUSED */ .Zb})`,
                };
                container = (0,_storage_auth_js__WEBPACK_IMPORTED_MODULE_4__/* .storageContainer */ .rn)(url, ds.accountName, ds.containerName, access, options);
            }
            this.keyless = access.kind === "Identity";
            this.log().info((0,_storage_auth_js__WEBPACK_IMPORTED_MODULE_4__/* .describeStorageAccess */ .Nn)(access, ds, scope));
            return container;
        })();
        return this.container;
    }
    /** The azureml:// URI of a path in the default datastore. */
    async uri(path) {
        const ds = await this.defaultDatastore();
        const { subscriptionId, resourceGroup, workspaceName } = this.client.ref;
        return `azureml://subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}/workspaces/${workspaceName}/datastores/${ds.name}/paths/${path}`;
    }
    /**
     * Uploads files, skipping every blob whose stored content hash already matches (one listing per
     * prefix, not one request per file). Small files go several at a time; big ones in parallel blocks.
     */
    async upload(files, prefix, log, signal) {
        const total = files.reduce((n, f) => n + f.size, 0);
        if (this.client.dryRun) {
            const ds = await this.defaultDatastore();
            for (const f of files) {
                this.client.plan.push({
                    method: "PUT",
                    path: `/${ds.accountName}/${ds.containerName}/${f.blob}`,
                    bytes: f.size,
                });
            }
            log.info(`Plan: would upload ${files.length} file(s), ${total} bytes, to ${ds.name}/${prefix}`);
            return { sent: 0, skipped: 0, bytesSent: 0 };
        }
        const container = await this.containerClient();
        const existing = new Map();
        try {
            for await (const blob of container.listBlobsFlat({ prefix, includeMetadata: true })) {
                const hash = blob.metadata?.[HASH_KEY];
                if (hash)
                    existing.set(blob.name, hash);
            }
        }
        catch (error) {
            throw this.storageError("list blobs", error);
        }
        const todo = files.filter((f) => existing.get(f.blob) !== f.sha256);
        const skipped = files.length - todo.length;
        const bytes = todo.reduce((n, f) => n + f.size, 0);
        if (skipped > 0)
            log.info(`${skipped} of ${files.length} file(s) already in the datastore with the same content: not sent again.`);
        if (todo.length === 0)
            return { sent: 0, skipped, bytesSent: 0 };
        log.info(`Uploading ${todo.length} file(s), ${formatBytes(bytes)}, to ${container.containerName}/${prefix}`);
        let done = 0;
        let lastReport = 0;
        let lastTime = Date.now();
        const progress = (delta) => {
            done += delta;
            const pct = bytes === 0 ? 100 : Math.floor((done / bytes) * 100);
            if (pct >= lastReport + 10 || (Date.now() - lastTime > 5000 && pct > lastReport)) {
                lastReport = pct;
                lastTime = Date.now();
                log.info(`  uploaded ${formatBytes(done)} of ${formatBytes(bytes)} (${pct}%)`);
            }
        };
        const queue = [...todo].sort((a, b) => b.size - a.size);
        const workers = Array.from({ length: Math.min(16, queue.length) }, async () => {
            for (let f = queue.shift(); f; f = queue.shift()) {
                const blob = container.getBlockBlobClient(f.blob);
                let reported = 0;
                try {
                    await blob.uploadFile(f.local, {
                        blockSize: BLOCK,
                        maxSingleShotSize: SINGLE_SHOT,
                        concurrency: f.size > SINGLE_SHOT ? 8 : 1,
                        metadata: { [HASH_KEY]: f.sha256 },
                        abortSignal: signal,
                        onProgress: (p) => {
                            progress(p.loadedBytes - reported);
                            reported = p.loadedBytes;
                        },
                    });
                }
                catch (error) {
                    throw this.storageError(`upload ${f.local}`, error);
                }
                if (reported < f.size)
                    progress(f.size - reported);
            }
        });
        await Promise.all(workers);
        return { sent: todo.length, skipped, bytesSent: bytes };
    }
    /** Downloads every blob under `prefix` into `dir`, keeping relative paths. */
    async download(prefix, dir, signal) {
        const container = await this.containerClient();
        const names = [];
        for await (const blob of container.listBlobsFlat({ prefix }))
            names.push(blob.name);
        const base = prefix.endsWith("/") || names.length !== 1 || names[0] !== prefix
            ? prefix.replace(/\/?$/, "/")
            : `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(prefix)}/`;
        const out = [];
        for (const name of names) {
            const local = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name.slice(base.length));
            const known = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(local).catch(() => undefined);
            if (!known) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(local), { recursive: true });
                await container.getBlobClient(name).downloadToFile(local, 0, undefined, { abortSignal: signal });
            }
            out.push(local);
        }
        return out;
    }
    /** Downloads one blob to a local file (its folder created); false when there is no such blob. */
    async downloadBlob(name, local, signal) {
        const container = await this.containerClient();
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(local), { recursive: true });
            await container.getBlobClient(name).downloadToFile(local, 0, undefined, { abortSignal: signal });
            return true;
        }
        catch (error) {
            if ((0,_contract_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isRestError */ .T0)(error) && error.statusCode === 404)
                return false;
            throw this.storageError(`read ${name}`, error);
        }
    }
    async readBlob(name) {
        const container = await this.containerClient();
        try {
            const blob = container.getBlobClient(name);
            const props = await blob.getProperties();
            return { content: await blob.downloadToBuffer(), etag: props.etag };
        }
        catch (error) {
            if ((0,_contract_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isRestError */ .T0)(error) && error.statusCode === 404)
                return undefined;
            throw this.storageError(`read ${name}`, error);
        }
    }
    /** Writes a blob; with `ifMatch` only when nobody changed it since (an etag), else returns false. */
    async writeBlob(name, content, condition) {
        if (this.client.dryRun) {
            const ds = await this.defaultDatastore();
            this.client.plan.push({
                method: "PUT",
                path: `/${ds.accountName}/${ds.containerName}/${name}`,
                bytes: content.length,
            });
            return true;
        }
        const container = await this.containerClient();
        try {
            await container.getBlockBlobClient(name).uploadData(content, { conditions: condition });
            return true;
        }
        catch (error) {
            if ((0,_contract_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isRestError */ .T0)(error) && (error.statusCode === 412 || error.statusCode === 409))
                return false;
            throw this.storageError(`write ${name}`, error);
        }
    }
    storageError(what, error) {
        if (error?.name === "AbortError")
            return error;
        if (!(0,_contract_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isRestError */ .T0)(error) || error.statusCode === undefined)
            return error instanceof Error ? error : new Error(String(error));
        const e = error;
        if (e.statusCode === 403) {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what} in the default datastore failed: ${e.code ?? "AuthorizationPermissionMismatch"}`, {}, (0,_storage_auth_js__WEBPACK_IMPORTED_MODULE_4__/* .storageRefusalFix */ .ds)(e.code, this.keyless, this.client.cloud.storageScope));
        }
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what} in the default datastore failed: HTTP ${e.statusCode} ${e.code ?? ""} ${String(e.message ?? "").split("\n")[0]}`.trim(), {}, "Re-run; files already uploaded are skipped");
    }
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    if (n < 1024 ** 2)
        return `${(n / 1024).toFixed(1)} KiB`;
    if (n < 1024 ** 3)
        return `${(n / 1024 ** 2).toFixed(1)} MiB`;
    return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
/** Splits `azureml://.../datastores/<ds>/paths/<path>` into its datastore and path. */
function parseDatastoreUri(uri) {
    const m = /^azureml:\/\/(?:subscriptions\/[^/]+\/resourcegroups\/[^/]+\/workspaces\/[^/]+\/)?datastores\/([^/]+)\/paths\/(.*)$/i.exec(uri);
    return m ? { datastore: m[1], path: m[2] } : undefined;
}


/***/ })

};
