export const id = 569;
export const ids = [569];
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

/***/ 9895:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ findOptionalSections),
/* harmony export */   Zx: () => (/* binding */ resolveOptionalSections),
/* harmony export */   rd: () => (/* binding */ parseRef),
/* harmony export */   t: () => (/* binding */ parseOwnRef),
/* harmony export */   wY: () => (/* binding */ wholeExpression),
/* harmony export */   xS: () => (/* binding */ hasExpression),
/* harmony export */   zV: () => (/* binding */ findExpressions)
/* harmony export */ });
const EXPR = /\$\{\{\s*([^}]*?)\s*\}\}/g;
const WHOLE = /^\s*\$\{\{\s*([^}]*?)\s*\}\}\s*$/;
function findExpressions(s) {
    return [...s.matchAll(EXPR)].map((m) => ({ text: m[0], body: m[1], index: m.index ?? 0 }));
}
/** The body when the whole string is one `${{...}}`, else undefined. */
function wholeExpression(s) {
    return WHOLE.exec(s)?.[1];
}
function hasExpression(s) {
    return s.includes("${{");
}
const NAME = "[A-Za-z_][A-Za-z0-9_-]*";
const PARENT_INPUT = new RegExp(`^parent\\.inputs\\.(${NAME})$`);
const PARENT_OUTPUT = new RegExp(`^parent\\.outputs\\.(${NAME})$`);
const PARENT_JOB = new RegExp(`^parent\\.jobs\\.(${NAME})\\.outputs\\.(${NAME})$`);
const SEARCH = new RegExp(`^search_space\\.(${NAME})$`);
const OWN = new RegExp(`^(inputs|outputs)\\.(${NAME})$`);
/** A binding reference (in a job's inputs/outputs); undefined when the text is not one we know. */
function parseRef(body) {
    let m = PARENT_INPUT.exec(body);
    if (m)
        return { scope: "parent.inputs", name: m[1] };
    m = PARENT_OUTPUT.exec(body);
    if (m)
        return { scope: "parent.outputs", name: m[1] };
    m = PARENT_JOB.exec(body);
    if (m)
        return { scope: "parent.jobs", job: m[1], output: m[2] };
    m = SEARCH.exec(body);
    if (m)
        return { scope: "search_space", name: m[1] };
    return undefined;
}
/** A command reference (`inputs.x` / `outputs.y`); undefined when the text is not one. */
function parseOwnRef(body) {
    const m = OWN.exec(body);
    return m ? { kind: m[1], name: m[2] } : undefined;
}
/** `$[[...]]` sections: dropped when an input they use is not given. */
function findOptionalSections(command) {
    const out = [];
    let from = 0;
    for (;;) {
        const start = command.indexOf("$[[", from);
        if (start < 0)
            break;
        const end = command.indexOf("]]", start + 3);
        if (end < 0)
            break;
        out.push({ text: command.slice(start, end + 2), inner: command.slice(start + 3, end), index: start });
        from = end + 2;
    }
    return out;
}
/**
 * Resolves `$[[...]]` sections: each is kept (without brackets) when every input it names has a
 * value, and removed otherwise, as Azure ML does for optional inputs.
 */
function resolveOptionalSections(command, hasValue) {
    let out = "";
    let last = 0;
    for (const section of findOptionalSections(command)) {
        out += command.slice(last, section.index);
        const names = findExpressions(section.inner)
            .map((e) => parseOwnRef(e.body))
            .filter((r) => r?.kind === "inputs")
            .map((r) => r.name);
        if (names.every(hasValue))
            out += section.inner;
        last = section.index + section.text.length;
    }
    return out + command.slice(last);
}


/***/ }),

/***/ 7557:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZM: () => (/* binding */ isDataType),
/* harmony export */   ah: () => (/* binding */ LITERAL_TYPES),
/* harmony export */   hL: () => (/* binding */ DATA_TYPES)
/* harmony export */ });
const LITERAL_TYPES = ["integer", "number", "string", "boolean"];
const DATA_TYPES = [
    "uri_file",
    "uri_folder",
    "mltable",
    "mlflow_model",
    "custom_model",
    "triton_model",
];
function isDataType(t) {
    return t !== undefined && DATA_TYPES.includes(t);
}


/***/ }),

/***/ 6770:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J6: () => (/* binding */ AUTOML_DATA_KEYS),
/* harmony export */   uR: () => (/* binding */ automlComponent)
/* harmony export */ });
/* unused harmony export AUTOML_TASKS */
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5854);

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
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _references_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3743);
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

/***/ 6375:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ loadPipeline),
  f: () => (/* binding */ refFix)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/bundle/errors.js
var errors = __webpack_require__(1746);
// EXTERNAL MODULE: ./build/bundle/references.js
var references = __webpack_require__(3743);
// EXTERNAL MODULE: ./build/bundle/pipeline/expressions.js
var expressions = __webpack_require__(9895);
// EXTERNAL MODULE: ./build/bundle/pipeline/model.js
var model = __webpack_require__(7557);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./build/bundle/pipeline/suggest.js
var suggest = __webpack_require__(5854);
;// CONCATENATED MODULE: ./build/bundle/pipeline/overrides.js
/**
 * `set` overrides (`inputs.learning_rate=0.1`, `jobs.train.compute=gpu`), applied to the YAML
 * document before it is parsed, so everything downstream sees one document.
 */


const TOP = [
    "inputs",
    "outputs",
    "jobs",
    "settings",
    "display_name",
    "experiment_name",
    "description",
    "tags",
    "compute",
    "name",
];
function applyOverrides(src, overrides, problems) {
    for (const entry of overrides) {
        const eq = entry.indexOf("=");
        const where = { subject: "overrides" };
        if (eq <= 0) {
            problems.add(`override '${entry}' is not path=value`, where, "Write one override per line, such as `inputs.learning_rate=0.1`");
            continue;
        }
        const path = entry.slice(0, eq).trim().split(".");
        const text = entry.slice(eq + 1).trim();
        if (!TOP.includes(path[0]) || path.some((p) => p === "")) {
            problems.add(`override '${entry}' names '${path[0]}'`, where, `Start the path with one of: ${TOP.join(", ")}`);
            continue;
        }
        // A misspelt name would add a pipeline input or job nothing uses, and the run would go on silently.
        if ((path[0] === "inputs" || path[0] === "jobs") && path.length > 1 && !src.doc.hasIn(path.slice(0, 2))) {
            const declared = src.doc.getIn([path[0]]);
            const names = (0,dist/* isMap */.jh)(declared) ? declared.items.map((i) => String((0,dist/* isScalar */.jn)(i.key) ? i.key.value : i.key)) : [];
            const what = path[0] === "inputs" ? "input" : "job";
            problems.add(`override '${entry}' names the ${what} '${path[1]}', which the pipeline does not have`, where, (0,suggest/* suggestion */.h)(path[1], names, `one of its ${what}s`));
            continue;
        }
        let value;
        try {
            value = text === "" ? null : (0,dist/* parse */.qg)(text);
        }
        catch {
            value = text;
        }
        // `inputs.x=value` on a data input or a typed literal sets its path or value, as `az ml job create --set` does.
        const current = src.doc.getIn(path);
        const cur = current && typeof current === "object" && "toJSON" in current
            ? current.toJSON()
            : current;
        if (cur && typeof cur === "object" && !Array.isArray(cur) && (typeof value !== "object" || value === null)) {
            const c = cur;
            if ("path" in c)
                path.push("path");
            else if ("value" in c)
                path.push("value");
            else if ("default" in c)
                path.push("default");
        }
        src.doc.setIn(path, value);
    }
}

// EXTERNAL MODULE: ./build/bundle/pipeline/parse-automl.js
var parse_automl = __webpack_require__(6770);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./build/bundle/pipeline/parse-flow.js
/**
 * Prompt flow components: a parallel node whose `component:` is a flow (`flow.dag.yaml`, Flow
 * schema) or a flow run (`run.yml`, Run schema, naming the flow folder). Azure ML turns the flow
 * into a parallel component itself; azure-ai-ml only uploads the flow folder and registers
 * `{type: promptflow_parallel, code, flow_definition_uri}` (recordings
 * test_pipeline_job_with_flow[dag].json, test_flow_in_dsl_pipeline.json). Here the flow's own
 * inputs and connections are declared so the DAG can be checked before anything is sent.
 */



const isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const DEFAULT_FLOW_FILE = "flow.dag.yaml";
/** A flow or flow run document: by its promptflow `$schema`, or by the flow file's name. */
function isFlowDocument(doc, file) {
    const schema = typeof doc.$schema === "string" ? doc.$schema : "";
    return /\/promptflow\/.*\/(Flow|Run)\.schema\.json$/i.test(schema) || (0,external_node_path_.basename)(file).endsWith(".dag.yaml");
}
/** Where the flow behind a flow or run document is: its folder and the flow file's name. */
async function flowLocation(doc, file) {
    const schema = typeof doc.$schema === "string" ? doc.$schema : "";
    if (!/Run\.schema\.json$/i.test(schema))
        return { dir: (0,external_node_path_.dirname)(file), fileName: (0,external_node_path_.basename)(file) };
    if (typeof doc.flow !== "string")
        return "the flow run names no `flow:` folder";
    const path = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(file), doc.flow);
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (info?.isDirectory())
        return { dir: path, fileName: DEFAULT_FLOW_FILE };
    if (info?.isFile())
        return { dir: (0,external_node_path_.dirname)(path), fileName: (0,external_node_path_.basename)(path) };
    return `flow '${doc.flow}' does not exist (looked for ${path})`;
}
const FLOW_TYPES = { int: "integer", double: "number", bool: "boolean" };
/**
 * The component a flow (or flow run) file stands for. Problems the SDK would refuse on (no flow,
 * no `.promptflow/flow.tools.json`) are reported; the component is still returned when usable.
 */
async function flowComponent(doc, file, where, report) {
    const at = await flowLocation(doc, file);
    if (typeof at === "string") {
        report(at, "Point `flow:` at the folder holding flow.dag.yaml");
        return undefined;
    }
    let flow = doc;
    if ((0,external_node_path_.join)(at.dir, at.fileName) !== file) {
        try {
            const parsed = (0,dist/* parse */.qg)(await (0,promises_.readFile)((0,external_node_path_.join)(at.dir, at.fileName), "utf8"));
            flow = isObj(parsed) ? parsed : {};
        }
        catch {
            report(`flow file ${(0,external_node_path_.join)(at.dir, at.fileName)} cannot be read`, "Check the flow folder");
            return undefined;
        }
    }
    if (!(await (0,promises_.stat)((0,external_node_path_.join)(at.dir, ".promptflow", "flow.tools.json")).catch(() => undefined))) {
        report(`flow ${at.dir} has no .promptflow/flow.tools.json, which Azure ML needs to run it as a component`, "Run `pf flow validate` in the flow folder to generate it");
    }
    const inputs = {
        // The flow reads rows from a file or a folder (Azure's example binds a uri_file): no type check.
        data: { type: "uri_folder", optional: false, inferred: true, where },
        run_outputs: { type: "uri_folder", optional: true, where },
    };
    for (const [k, d] of Object.entries(isObj(flow.inputs) ? flow.inputs : {})) {
        const type = isObj(d) && typeof d.type === "string" ? (FLOW_TYPES[d.type] ?? "string") : "string";
        const dflt = isObj(d) ? d.default : undefined;
        inputs[k] = {
            type,
            optional: dflt !== undefined,
            ...(typeof dflt === "string" || typeof dflt === "number" || typeof dflt === "boolean" ? { default: dflt } : {}),
            where,
        };
    }
    // Nodes that call a model take their connection and deployment as `connections.<node>.<key>` inputs.
    for (const n of Array.isArray(flow.nodes) ? flow.nodes : []) {
        if (!isObj(n) || typeof n.name !== "string")
            continue;
        const ins = isObj(n.inputs) ? n.inputs : {};
        if (n.connection !== undefined || ins.deployment_name !== undefined || n.type === "llm") {
            for (const key of ["connection", "deployment_name"])
                inputs[`connections.${n.name}.${key}`] = { type: "string", optional: true, where };
        }
    }
    const outputs = {
        flow_outputs: { type: "uri_folder", where },
        debug_info: { type: "uri_folder", where },
    };
    const raw = {
        type: "promptflow_parallel",
        // The SDK names the component after the flow folder.
        name: typeof doc.name === "string" ? doc.name : (0,external_node_path_.basename)(at.dir),
        flow_dir: at.dir,
        flow_file_name: at.fileName,
    };
    // A flow run may set these; azure-ai-ml's flow component schema carries them.
    for (const k of ["column_mapping", "variant", "connections", "environment_variables"])
        if (doc !== flow && doc[k] !== undefined)
            raw[k] = doc[k];
    return {
        origin: { kind: "file", file },
        type: "parallel",
        code: at.dir,
        environmentVariables: {},
        inputs,
        outputs,
        isDeterministic: true,
        raw,
        where,
    };
}
/** Whether a component is a prompt flow (compiled by workspace/azureml/contract/wire/flow-component.ts, refused by the local runner). */
function isFlowComponent(c) {
    return c.raw.type === "promptflow_parallel";
}

// EXTERNAL MODULE: ./build/bundle/pipeline/parse-spark.js
var parse_spark = __webpack_require__(2919);
// EXTERNAL MODULE: ./build/bundle/pipeline/problems.js
var pipeline_problems = __webpack_require__(8438);
// EXTERNAL MODULE: ./build/bundle/util/files.js
var files = __webpack_require__(6561);
;// CONCATENATED MODULE: ./build/bundle/pipeline/source.js
/**
 * A YAML file read with its positions kept, so every error can name file:line:column.
 * The `yaml` package keeps node ranges; a LineCounter turns offsets into lines and columns.
 */




class YamlSource {
    file;
    doc;
    lines;
    positions = new Map();
    constructor(file, doc, lines) {
        this.file = file;
        this.doc = doc;
        this.lines = lines;
        this.index(doc.contents, []);
    }
    /** The document as plain data. */
    value() {
        return this.doc.toJS({ maxAliasCount: 1000 });
    }
    /** Where `path` is written: the key's position for a map entry, the item's for a list item. */
    at(path) {
        for (let n = path.length; n >= 0; n--) {
            const pos = this.positions.get(key(path.slice(0, n)));
            if (pos)
                return { file: this.file, line: pos.line, column: pos.column };
        }
        return { file: this.file };
    }
    /** Position of the value at `path` (not its key), for errors inside a value such as an expression. */
    valueAt(path) {
        const pos = this.positions.get(`${key(path)}#v`);
        return pos ? { file: this.file, ...pos } : this.at(path);
    }
    mark(path, offset, suffix = "") {
        if (offset === undefined)
            return;
        const { line, col } = this.lines.linePos(offset);
        this.positions.set(key(path) + suffix, { line, column: col });
    }
    index(node, path) {
        if (!node)
            return;
        this.mark(path, node.range?.[0], "#v");
        if ((0,dist/* isMap */.jh)(node)) {
            for (const pair of node.items) {
                const k = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : String(pair.key);
                const child = [...path, k];
                this.mark(child, pair.key?.range?.[0]);
                this.index(pair.value, child);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            node.items.forEach((item, i) => {
                this.mark([...path, i], item?.range?.[0]);
                this.index(item, [...path, i]);
            });
        }
    }
}
function key(path) {
    return path.map(String).join("\u0000");
}
/** Parses YAML text; a syntax error is a UserError at its line and column. */
function parseYaml(file, text) {
    // YAML forbids control characters other than tab and line breaks; the parser lets a NUL through
    // into a command, where it fails the step with a raw system error.
    const bad = /(?![\t\n\r\u0085])\p{Cc}/u.exec(text);
    if (bad) {
        const before = text.slice(0, bad.index).split("\n");
        throw new errors/* UserError */.yo(`contains the control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}, which YAML does not allow`, { subject: "pipeline", file, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }, "Remove it (a binary file, or a copy and paste gone wrong?)");
    }
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const first = doc.errors[0];
    if (first) {
        const { line, col } = lines.linePos(first.pos[0]);
        const what = first.message.split("\n")[0];
        throw new errors/* UserError */.yo(`malformed YAML: ${what}`, { subject: "pipeline", file, line, column: col }, "Fix the YAML syntax at that position");
    }
    return new YamlSource(file, doc, lines);
}
async function readYaml(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch (error) {
        throw new errors/* UserError */.yo(`'${file}' ${(0,files/* unreadable */.O$)(error)}`, { subject: "pipeline" }, "Give the path of a YAML file in the checkout");
    }
    return parseYaml(file, text);
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/parse.js
/**
 * Reads a pipeline job YAML (and the component files it names) into the model, keeping YAML
 * positions. Structural mistakes are collected as Problems, not thrown, so a user sees them all.
 */












const parse_isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/**
 * Keys each part of the YAML may hold. How strict each table is follows azure-ai-ml's marshmallow
 * schemas (sdk/ml/azure-ai-ml/azure/ai/ml/_schema/), i.e. what `az ml job create` accepts:
 * - RAISE (an unknown key is refused): the pipeline job's own keys (job/base_job.py,
 *   pipeline/pipeline_job.py), an inline command job (pipeline/pipeline_command_job.py), and nested
 *   mappings: inputs, outputs, limits, objective, sampling, early termination, search space.
 * - INCLUDE (an unknown key is accepted and kept): `settings` (pipeline/settings.py and the
 *   NestedField in pipeline_job.py), every node with a `component:`/`trial:` and inline parallel
 *   nodes (PipelineJobsField in pipeline/pipeline_component.py), and component files and inline
 *   components loaded from a pipeline (ComponentFileRefField and NestedField(..., unknown=INCLUDE)).
 *   For these we warn (see `warnKeys`) instead of refusing.
 */
const COMMON_JOB_KEYS = [
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
    "services",
    // Read-only fields azure-ai-ml drops without a word (PathAwareSchema.trim_dump_only).
    "id",
    "creation_context",
    "log_files",
];
const KEYS = {
    pipeline: [...COMMON_JOB_KEYS, "settings", "jobs", "status", "component"],
    settings: [
        "default_compute",
        "default_datastore",
        "continue_on_step_failure",
        "force_rerun",
        "default_environment",
        "on_init",
        "on_finalize",
    ],
    command: [
        ...COMMON_JOB_KEYS,
        "component",
        "command",
        "code",
        "environment",
        "environment_variables",
        "resources",
        "distribution",
        "limits",
        "queue_settings",
        "is_deterministic",
        // CommandJobSchema (job/command_job.py): parent_job_name, and parameters (read-only, dropped).
        "parent_job_name",
        "parameters",
    ],
    sweep: [
        ...COMMON_JOB_KEYS,
        "trial",
        "search_space",
        "sampling_algorithm",
        "objective",
        "limits",
        "early_termination",
        "resources",
        "queue_settings",
    ],
    pipelineNode: [...COMMON_JOB_KEYS, "component", "settings"],
    parallel: [
        ...COMMON_JOB_KEYS,
        "component",
        "task",
        "input_data",
        "mini_batch_size",
        "mini_batch_error_threshold",
        "error_threshold",
        "logging_level",
        "max_concurrency_per_instance",
        "retry_settings",
        "resources",
        "environment_variables",
        "partition_keys",
        "environment",
        "code",
    ],
    commandComponent: [
        "$schema",
        "name",
        "version",
        "display_name",
        "description",
        "tags",
        "type",
        "inputs",
        "outputs",
        "command",
        "code",
        "environment",
        "resources",
        "distribution",
        "is_deterministic",
        "environment_variables",
        "properties",
        "additional_includes",
        "instance_count",
    ],
    pipelineComponent: [
        "$schema",
        "name",
        "version",
        "display_name",
        "description",
        "tags",
        "type",
        "inputs",
        "outputs",
        "jobs",
        "settings",
        "is_deterministic",
    ],
    parallelComponent: [
        "$schema",
        "name",
        "version",
        "display_name",
        "description",
        "tags",
        "type",
        "inputs",
        "outputs",
        "task",
        "input_data",
        "mini_batch_size",
        "mini_batch_error_threshold",
        "error_threshold",
        "logging_level",
        "max_concurrency_per_instance",
        "retry_settings",
        "resources",
        "is_deterministic",
        "partition_keys",
    ],
    inputDecl: ["type", "optional", "default", "description", "enum", "min", "max", "mode", "path"],
    dataBinding: ["type", "path", "mode", "description", "datastore", "optional", "value", "default"],
    outputDecl: ["type", "mode", "path", "description", "name", "version", "datastore", "is_control", "early_available"],
    limits: ["timeout", "max_total_trials", "max_concurrent_trials", "trial_timeout"],
    objective: ["goal", "primary_metric"],
    sampling: ["type", "seed", "rule", "logbase"],
    earlyTermination: [
        "type",
        "evaluation_interval",
        "delay_evaluation",
        "slack_factor",
        "slack_amount",
        "truncation_percentage",
    ],
};
const SEARCH_TYPES = {
    choice: ["values"],
    uniform: ["min_value", "max_value"],
    loguniform: ["min_value", "max_value"],
    quniform: ["min_value", "max_value", "q"],
    qloguniform: ["min_value", "max_value", "q"],
    randint: ["upper"],
    normal: ["mu", "sigma"],
    lognormal: ["mu", "sigma"],
    qnormal: ["mu", "sigma", "q"],
    qlognormal: ["mu", "sigma", "q"],
};
/** Reads and parses a pipeline job file. Throws only for an unreadable file or malformed YAML. */
async function loadPipeline(file, options = {}) {
    const path = (0,external_node_path_.resolve)(file);
    const src = await readYaml(path);
    const problems = new pipeline_problems/* Problems */.Z();
    applyOverrides(src, options.set ?? [], problems);
    const value = src.value();
    if (!parse_isObj(value)) {
        throw new errors/* UserError */.yo("is not a pipeline job (expected a YAML mapping)", { subject: "pipeline", file: path, line: 1 }, "Start the file with `$schema:` and `type: pipeline`");
    }
    const ctx = { src, baseDir: (0,external_node_path_.dirname)(path), problems, stack: [path], cache: new Map() };
    const job = await parsePipelineJob(ctx, value);
    return { job, problems };
}
async function parsePipelineJob(ctx, doc) {
    const { src, problems } = ctx;
    checkKeys(ctx, [], doc, KEYS.pipeline, "pipeline job key");
    if (doc.type !== undefined && doc.type !== "pipeline") {
        problems.add(`type is '${String(doc.type)}', not 'pipeline'`, src.at(["type"]), "submit-pipeline takes pipeline jobs: set `type: pipeline`");
    }
    if (doc.component !== undefined && doc.jobs !== undefined) {
        problems.add("a pipeline job has either jobs or a component, not both", src.at(["component"]), "Remove `component:`, or move the jobs into the pipeline component");
    }
    else if (doc.component === undefined && (!parse_isObj(doc.jobs) || Object.keys(doc.jobs).length === 0)) {
        problems.add("has no jobs", src.at(doc.jobs === undefined ? [] : ["jobs"]), "Add a `jobs:` mapping with at least one job");
    }
    const settingsRaw = parse_isObj(doc.settings) ? doc.settings : {};
    if (doc.settings !== undefined)
        warnKeys(ctx, ["settings"], settingsRaw, KEYS.settings, "setting");
    const inputs = {};
    for (const [name, v] of Object.entries(parse_isObj(doc.inputs) ? doc.inputs : {})) {
        inputs[name] = parsePipelineInput(ctx, ["inputs", name], v);
    }
    const outputs = {};
    for (const [name, v] of Object.entries(parse_isObj(doc.outputs) ? doc.outputs : {})) {
        outputs[name] = parseOutputDecl(ctx, ["outputs", name], v);
    }
    const jobs = await parseJobs(ctx, ["jobs"], parse_isObj(doc.jobs) ? doc.jobs : {});
    // A job made of one pipeline component: its outputs are the component's, unless written here.
    const component = doc.component === undefined ? undefined : await loadComponentRef(ctx, ["component"], doc.component, "pipeline");
    for (const [name, d] of Object.entries(component?.outputs ?? {}))
        outputs[name] ??= { type: d.type, ...(d.mode ? { mode: d.mode } : {}), where: d.where };
    return {
        file: src.file,
        raw: doc,
        baseDir: ctx.baseDir,
        displayName: optString(ctx, ["display_name"], doc.display_name),
        experimentName: optString(ctx, ["experiment_name"], doc.experiment_name),
        description: optString(ctx, ["description"], doc.description),
        tags: stringMap(ctx, ["tags"], doc.tags),
        inputs,
        outputs,
        settings: {
            defaultCompute: optString(ctx, ["settings", "default_compute"], settingsRaw.default_compute),
            defaultDatastore: optString(ctx, ["settings", "default_datastore"], settingsRaw.default_datastore),
            continueOnStepFailure: optBool(ctx, ["settings", "continue_on_step_failure"], settingsRaw.continue_on_step_failure) ?? false,
            forceRerun: optBool(ctx, ["settings", "force_rerun"], settingsRaw.force_rerun) ?? false,
            raw: settingsRaw,
        },
        ...(component ? { component } : {}),
        jobs: component?.jobs ?? jobs,
        where: src.at([]),
    };
}
async function parseJobs(ctx, path, jobs) {
    const out = {};
    for (const [name, v] of Object.entries(jobs)) {
        if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
            ctx.problems.add(`job name '${name}' is not valid`, ctx.src.at([...path, name]), "Use letters, digits, '_' and '-', starting with a letter or '_'");
        }
        if (!parse_isObj(v)) {
            ctx.problems.add(`job '${name}' is not a mapping`, ctx.src.at([...path, name]), "Give the job's `type`, `component` and `inputs`");
            continue;
        }
        const node = await parseJobNode(ctx, [...path, name], name, v);
        if (node)
            out[name] = node;
    }
    return out;
}
const JOB_TYPES = ["command", "sweep", "pipeline", "parallel", "spark", "automl"];
async function parseJobNode(ctx, path, name, v) {
    const { src, problems } = ctx;
    const type = (v.type ?? "command");
    if (!JOB_TYPES.includes(type)) {
        problems.add(`job '${name}' has unknown type '${type}'`, src.valueAt([...path, "type"]), (0,suggest/* suggestion */.h)(type, JOB_TYPES));
        return undefined;
    }
    const where = src.at(path);
    const base = {
        name,
        displayName: optString(ctx, [...path, "display_name"], v.display_name),
        environmentVariables: stringMap(ctx, [...path, "environment_variables"], v.environment_variables),
        compute: optString(ctx, [...path, "compute"], v.compute),
        resources: parse_isObj(v.resources) ? v.resources : undefined,
        distribution: parse_isObj(v.distribution) ? v.distribution : undefined,
        identity: parse_isObj(v.identity) ? v.identity : undefined,
        raw: v,
        where,
    };
    if (v.queue_settings !== undefined)
        checkQueueSettings(ctx, [...path, "queue_settings"], v.queue_settings);
    let component;
    let sweep;
    if (type === "automl") {
        component = (0,parse_automl/* automlComponent */.uR)(v, path, where, (m, p, fix) => problems.add(m, src.at(p), fix));
    }
    else if (type === "spark" && v.component === undefined) {
        // Spark jobs run only on Azure; the local runner refuses them with one line. An inline spark job
        // is PipelineSparkJobSchema in azure-ai-ml (RAISE): unknown keys are refused there too.
        checkKeys(ctx, path, v, parse_spark/* SPARK_NODE_KEYS */.iw, "spark job key");
        component = (0,parse_spark/* inlineSparkComponent */.s3)(v, ctx.baseDir, where);
    }
    else if (type === "sweep") {
        warnKeys(ctx, path, v, KEYS.sweep, "sweep job key");
        if (v.trial === undefined) {
            problems.add(`sweep job '${name}' has no trial`, where, "Set `trial:` to a command component file such as ./train.yml");
            return undefined;
        }
        component = await loadComponentRef(ctx, [...path, "trial"], v.trial, "command");
        sweep = parseSweep(ctx, path, v);
    }
    else if (v.component !== undefined) {
        warnKeys(ctx, path, v, type === "pipeline"
            ? KEYS.pipelineNode
            : type === "parallel"
                ? KEYS.parallel
                : type === "spark"
                    ? parse_spark/* SPARK_NODE_KEYS */.iw
                    : KEYS.command, `${type} job key`);
        component = await loadComponentRef(ctx, [...path, "component"], v.component, type);
    }
    else if (type === "command") {
        checkKeys(ctx, path, v, KEYS.command, "command job key");
        component = inlineCommandJob(ctx, path, v);
    }
    else if (type === "parallel") {
        warnKeys(ctx, path, v, KEYS.parallel, "parallel job key");
        component = parseComponent(ctx, path, { ...v, type: "parallel", inputs: inferDecls(v.inputs), outputs: inferDecls(v.outputs) }, "parallel", true);
    }
    else {
        problems.add(`pipeline job '${name}' has no component`, where, "Set `component:` to a pipeline component file such as ./sub-pipeline.yml");
        return undefined;
    }
    if (!component)
        return undefined;
    const inputs = {};
    for (const [k, iv] of Object.entries(parse_isObj(v.inputs) ? v.inputs : {}))
        inputs[k] = parseBinding(ctx, [...path, "inputs", k], iv);
    // AutoML takes its data at the node's top level (training_data: ${{...}}), not under inputs.
    if (type === "automl")
        for (const k of parse_automl/* AUTOML_DATA_KEYS */.J6)
            if (v[k] !== undefined)
                inputs[k] = parseBinding(ctx, [...path, k], v[k]);
    const outputs = {};
    for (const [k, ov] of Object.entries(parse_isObj(v.outputs) ? v.outputs : {}))
        outputs[k] = parseOutputBinding(ctx, [...path, "outputs", k], ov);
    const limits = parse_isObj(v.limits) ? v.limits : {};
    if (type !== "sweep" && type !== "automl" && parse_isObj(v.limits))
        checkKeys(ctx, [...path, "limits"], limits, ["timeout"], "limit");
    return {
        ...base,
        type: type,
        component,
        inputs,
        outputs,
        timeoutSeconds: type === "sweep" || type === "automl"
            ? undefined
            : optNumber(ctx, [...path, "limits", "timeout"], limits.timeout),
        sweep,
    };
}
/** Declarations a job without a component implies from its own inputs/outputs. */
function inferDecls(v) {
    const out = {};
    for (const [k, x] of Object.entries(parse_isObj(v) ? v : {})) {
        if (parse_isObj(x) && typeof x.type === "string")
            out[k] = { type: x.type, ...(x.mode ? { mode: x.mode } : {}) };
        else if (typeof x === "number")
            out[k] = { type: Number.isInteger(x) ? "integer" : "number" };
        else if (typeof x === "boolean")
            out[k] = { type: "boolean" };
        else
            out[k] = { type: INFERRED };
    }
    return out;
}
/** The type of an inline job's input whose value is a reference: known only once bound. */
const INFERRED = "__inferred__";
function inlineCommandJob(ctx, path, v) {
    if (typeof v.command !== "string") {
        ctx.problems.add(`command job '${String(path.at(-1))}' has no command`, ctx.src.at(path), "Set `command:` or `component:`");
        return undefined;
    }
    const decl = { ...v, type: "command", inputs: inferDecls(v.inputs), outputs: inferDecls(v.outputs) };
    return parseComponent(ctx, path, decl, "command", true);
}
/** A component written inline, in a file, or registered (`azureml:name:version`, `azureml://registries/...`). */
async function loadComponentRef(ctx, path, v, expected) {
    const where = ctx.src.valueAt(path);
    if (parse_isObj(v))
        return parseComponentAsync(ctx, path, v, expected);
    if (typeof v !== "string" || v.trim() === "") {
        ctx.problems.add("component is neither a mapping nor a reference", where, "Write the component inline, or `./component.yml`, or `azureml:name:version`");
        return undefined;
    }
    if (v.startsWith("azureml:")) {
        return {
            origin: { kind: "registered", ref: v },
            type: expected,
            environmentVariables: {},
            inputs: {},
            outputs: {},
            isDeterministic: true,
            raw: {},
            where,
        };
    }
    const file = (0,external_node_path_.resolve)(ctx.baseDir, v.replace(/^file:/, ""));
    if (ctx.stack.includes(file)) {
        ctx.problems.add(`component '${v}' includes itself`, where, "Break the loop of pipeline components");
        return undefined;
    }
    let pending = ctx.cache.get(file);
    if (!pending) {
        pending = (async () => {
            let sub;
            try {
                sub = await readYaml(file);
            }
            catch (error) {
                if (error instanceof errors/* UserError */.yo && error.location.line !== undefined)
                    throw error;
                ctx.problems.add(`component file '${v}' does not exist`, where, `Create ${file} or fix the path`);
                return undefined;
            }
            const value = sub.value();
            if (!parse_isObj(value)) {
                ctx.problems.add("is not a component (expected a YAML mapping)", { file, line: 1 }, "Write the component's type, inputs, outputs and command");
                return undefined;
            }
            // A prompt flow (flow.dag.yaml or a flow run): Azure ML makes the parallel component from it.
            if (isFlowDocument(value, file))
                return flowComponent(value, file, { file, line: 1 }, (m, fix) => ctx.problems.add(m, { file, line: 1 }, fix));
            const subCtx = { ...ctx, src: sub, baseDir: (0,external_node_path_.dirname)(file), stack: [...ctx.stack, file] };
            const c = await parseComponentAsync(subCtx, [], value, expected);
            if (c)
                c.origin = { kind: "file", file };
            return c;
        })();
        ctx.cache.set(file, pending);
    }
    return pending;
}
async function parseComponentAsync(ctx, path, v, expected) {
    const c = parseComponent(ctx, path, v, expected);
    if (c && c.type === "pipeline")
        c.jobs = await parseJobs(ctx, [...path, "jobs"], parse_isObj(v.jobs) ? v.jobs : {});
    return c;
}
function parseComponent(ctx, path, v, expected, inlineJob = false) {
    const { src, problems } = ctx;
    const type = (v.type ?? expected);
    const where = src.at(path);
    if (type !== expected && !(expected === "command" && type === "command")) {
        problems.add(`component type is '${type}' but the job is a ${expected} job`, src.valueAt([...path, "type"]), `Use a ${expected} component here`);
        return undefined;
    }
    if (!inlineJob) {
        const keys = type === "pipeline"
            ? KEYS.pipelineComponent
            : type === "parallel"
                ? KEYS.parallelComponent
                : type === "spark"
                    ? parse_spark/* SPARK_COMPONENT_KEYS */.ZF
                    : KEYS.commandComponent;
        warnKeys(ctx, path, v, keys, `${type} component key`);
    }
    const inputs = {};
    for (const [k, d] of Object.entries(parse_isObj(v.inputs) ? v.inputs : {})) {
        const decl = parseInputDecl(ctx, [...path, "inputs", k], d, inlineJob);
        if (decl)
            inputs[k] = decl;
    }
    const outputs = {};
    for (const [k, d] of Object.entries(parse_isObj(v.outputs) ? v.outputs : {}))
        outputs[k] = parseOutputDecl(ctx, [...path, "outputs", k], d);
    let code;
    if (typeof v.code === "string") {
        code = (0,references/* isRemoteCode */.u$)(v.code) ? v.code : (0,external_node_path_.resolve)(ctx.baseDir, v.code.replace(/^file:/, ""));
    }
    let parallelTask;
    let environment = v.environment;
    if (type === "parallel") {
        const task = parse_isObj(v.task) ? v.task : undefined;
        if (!task) {
            problems.add("parallel job has no task", where, "Add `task: {type: run_function, code: ./src, entry_script: score.py}`");
        }
        else {
            if (task.type !== undefined && task.type !== "run_function") {
                problems.add(`parallel task type '${String(task.type)}' is not known`, src.valueAt([...path, "task", "type"]), "Use `type: run_function`");
            }
            if (typeof task.code === "string") {
                code = (0,references/* isRemoteCode */.u$)(task.code) ? task.code : (0,external_node_path_.resolve)(ctx.baseDir, task.code.replace(/^file:/, ""));
            }
            environment = task.environment ?? environment;
            const own = (key, kind) => {
                const text = v[key] ?? task[key];
                if (text === undefined)
                    return undefined;
                const body = typeof text === "string" ? (0,expressions/* wholeExpression */.wY)(text) : undefined;
                const ref = body === undefined ? undefined : (0,expressions/* parseOwnRef */.t)(body);
                if (!ref || ref.kind !== kind || !(ref.name in (kind === "inputs" ? inputs : outputs))) {
                    problems.add(`${key} '${String(text)}' names no ${kind === "inputs" ? "input" : "output"} of the job`, src.valueAt(v[key] !== undefined ? [...path, key] : [...path, "task", key]), `Write \`\${{${kind}.<name>}}\` with a declared ${kind === "inputs" ? "input" : "output"}`);
                    return undefined;
                }
                return ref.name;
            };
            const inputData = own("input_data", "inputs");
            if (typeof task.entry_script !== "string") {
                problems.add("parallel task has no entry_script", src.at([...path, "task"]), "Name the script with init() and run(mini_batch), such as `entry_script: score.py`");
            }
            else if (inputData === undefined && v.input_data === undefined) {
                problems.add("parallel job has no input_data", where, "Set `input_data: ${{inputs.<name>}}` to the input to split into mini-batches");
            }
            else if (inputData !== undefined) {
                parallelTask = {
                    entryScript: task.entry_script,
                    inputData,
                    miniBatchSize: typeof v.mini_batch_size === "number" || typeof v.mini_batch_size === "string"
                        ? v.mini_batch_size
                        : undefined,
                    programArguments: typeof task.program_arguments === "string" ? task.program_arguments : undefined,
                    appendRowTo: own("append_row_to", "outputs"),
                    errorThreshold: typeof v.error_threshold === "number"
                        ? v.error_threshold
                        : typeof v.mini_batch_error_threshold === "number"
                            ? v.mini_batch_error_threshold
                            : -1,
                };
            }
        }
    }
    if (type === "command" && typeof v.command !== "string") {
        problems.add("command component has no command", where, "Set `command:` to what the step runs, such as `python train.py --data ${{inputs.data}}`");
    }
    return {
        origin: { kind: "inline" },
        type: type,
        name: optString(ctx, [...path, "name"], inlineJob ? undefined : v.name),
        version: v.version === undefined || inlineJob ? undefined : String(v.version),
        displayName: optString(ctx, [...path, "display_name"], v.display_name),
        description: optString(ctx, [...path, "description"], v.description),
        command: typeof v.command === "string" ? v.command : undefined,
        commandWhere: src.valueAt([...path, "command"]),
        code,
        environment,
        environmentVariables: inlineJob ? {} : stringMap(ctx, [...path, "environment_variables"], v.environment_variables),
        inputs,
        outputs,
        isDeterministic: optBool(ctx, [...path, "is_deterministic"], v.is_deterministic) ?? true,
        parallel: type === "parallel" ? v : undefined,
        parallelTask,
        // An inline job's component is what Azure ML registers for it: only the component's own fields.
        raw: inlineJob ? pick(v, INLINE_COMPONENT_FIELDS) : { ...v, ...(code && !code.includes(":") ? { code } : {}) },
        where,
    };
}
const INLINE_COMPONENT_FIELDS = [
    "type",
    "command",
    "code",
    "environment",
    // The SDK's anonymous component keeps an inline job's resources too (recording
    // test_pipeline_job_serverless_compute_with_job_tier: componentSpec.resources.instance_type).
    "resources",
    "inputs",
    "outputs",
    "task",
    "is_deterministic",
];
function pick(v, keys) {
    const out = {};
    for (const k of keys)
        if (v[k] !== undefined)
            out[k] = v[k];
    return out;
}
function parseInputDecl(ctx, path, d, inlineJob) {
    const where = ctx.src.at(path);
    if (!parse_isObj(d)) {
        ctx.problems.add(`input '${String(path.at(-1))}' has no type`, where, `Declare it as a mapping with \`type:\` (${[...model/* LITERAL_TYPES */.ah, ...model/* DATA_TYPES */.hL].join(", ")})`);
        return undefined;
    }
    if (!inlineJob)
        checkKeys(ctx, path, d, KEYS.inputDecl, "input key");
    const type = String(d.type ?? "");
    if (type !== INFERRED && !isIoType(type)) {
        ctx.problems.add(`input type '${type}' is not known`, ctx.src.valueAt([...path, "type"]), (0,suggest/* suggestion */.h)(type, [...model/* LITERAL_TYPES */.ah, ...model/* DATA_TYPES */.hL]));
        return undefined;
    }
    const dflt = d.default;
    return {
        type: (type === INFERRED ? "string" : type),
        optional: d.optional === true || type === INFERRED,
        default: typeof dflt === "string" || typeof dflt === "number" || typeof dflt === "boolean" ? dflt : undefined,
        description: typeof d.description === "string" ? d.description : undefined,
        enum: Array.isArray(d.enum) ? d.enum : undefined,
        min: typeof d.min === "number" ? d.min : undefined,
        max: typeof d.max === "number" ? d.max : undefined,
        where,
        ...(type === INFERRED ? { inferred: true } : {}),
    };
}
function isIoType(t) {
    return model/* LITERAL_TYPES */.ah.includes(t) || (0,model/* isDataType */.ZM)(t);
}
function parseOutputDecl(ctx, path, d) {
    const where = ctx.src.at(path);
    if (d === null || d === undefined)
        return { type: "uri_folder", where };
    if (typeof d === "string" && (0,expressions/* wholeExpression */.wY)(d))
        return { type: "uri_folder", where };
    if (!parse_isObj(d)) {
        ctx.problems.add(`output '${String(path.at(-1))}' is not a mapping`, where, "Declare outputs as `name: {type: uri_folder}` (or leave the value empty)");
        return { type: "uri_folder", where };
    }
    checkKeys(ctx, path, d, KEYS.outputDecl, "output key");
    const type = String(d.type ?? "uri_folder");
    if (!isIoType(type) && type !== INFERRED) {
        ctx.problems.add(`output type '${type}' is not known`, ctx.src.valueAt([...path, "type"]), (0,suggest/* suggestion */.h)(type, [...model/* DATA_TYPES */.hL, ...model/* LITERAL_TYPES */.ah]));
    }
    return {
        type: (isIoType(type) ? type : "uri_folder"),
        mode: typeof d.mode === "string" ? d.mode : undefined,
        description: typeof d.description === "string" ? d.description : undefined,
        where,
        ...(typeof d.path === "string" ? { path: d.path } : {}),
    };
}
function parsePipelineInput(ctx, path, v) {
    const where = ctx.src.at(path);
    if (v === null || v === undefined)
        return { kind: "literal", value: undefined, where };
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
        if (typeof v === "string" && (0,expressions/* hasExpression */.xS)(v)) {
            ctx.problems.add("a pipeline input cannot refer to `${{...}}`", ctx.src.valueAt(path), "Give a value, or a data input with `type` and `path`");
        }
        return { kind: "literal", value: v, where };
    }
    if (!parse_isObj(v)) {
        ctx.problems.add(`input '${String(path.at(-1))}' is not a value or a mapping`, where, "Give a value, or `type:` and `path:` for data");
        return { kind: "literal", value: undefined, where };
    }
    checkKeys(ctx, path, v, KEYS.dataBinding, "input key");
    const type = String(v.type ?? (v.path !== undefined ? "uri_folder" : "string"));
    if ((0,model/* isDataType */.ZM)(type)) {
        return {
            kind: "data",
            type,
            path: v.path === undefined ? undefined : String(v.path),
            baseDir: ctx.baseDir,
            mode: optString(ctx, [...path, "mode"], v.mode),
            where,
        };
    }
    if (model/* LITERAL_TYPES */.ah.includes(type)) {
        const value = v.value ?? v.default;
        return {
            kind: "literal",
            type: type,
            value: value === undefined || value === null ? undefined : value,
            where,
        };
    }
    ctx.problems.add(`input type '${type}' is not known`, ctx.src.valueAt([...path, "type"]), (0,suggest/* suggestion */.h)(type, [...model/* LITERAL_TYPES */.ah, ...model/* DATA_TYPES */.hL]));
    return { kind: "literal", value: undefined, where };
}
function parseBinding(ctx, path, v) {
    const where = ctx.src.valueAt(path);
    if (v === null || v === undefined)
        return { kind: "empty", where };
    if (typeof v === "string") {
        const body = (0,expressions/* wholeExpression */.wY)(v);
        if (body !== undefined)
            return refBinding(ctx, path, body, v, where);
        // Text around references (`extra_${{parent.inputs.s}}`, `${{parent.inputs.folder}}/file.csv`) is
        // accepted by azure-ai-ml and resolved by the service (its test_configs/dsl_pipeline/
        // data_binding_expression/input_*_concatenate.yml); each reference must still be one we know.
        for (const e of (0,expressions/* findExpressions */.zV)(v)) {
            if (!(0,expressions/* parseRef */.rd)(e.body) && !isParentMeta(e.body))
                ctx.problems.add(`'${e.text}' is not a reference this format knows`, where, refFix(e.body));
        }
        return { kind: "literal", value: v, where };
    }
    if (typeof v === "number" || typeof v === "boolean")
        return { kind: "literal", value: v, where };
    if (!parse_isObj(v)) {
        ctx.problems.add(`input '${String(path.at(-1))}' is not a value, a reference or a mapping`, where, "Give a value, `${{parent.inputs.x}}`, or `type:` and `path:`");
        return { kind: "empty", where };
    }
    checkKeys(ctx, path, v, KEYS.dataBinding, "input key");
    const type = v.type === undefined ? undefined : String(v.type);
    if (type !== undefined && !isIoType(type)) {
        ctx.problems.add(`input type '${type}' is not known`, ctx.src.valueAt([...path, "type"]), (0,suggest/* suggestion */.h)(type, [...model/* LITERAL_TYPES */.ah, ...model/* DATA_TYPES */.hL]));
    }
    const mode = typeof v.mode === "string" ? v.mode : undefined;
    if (typeof v.path === "string") {
        const body = (0,expressions/* wholeExpression */.wY)(v.path);
        if (body !== undefined) {
            const b = refBinding(ctx, [...path, "path"], body, v.path, ctx.src.valueAt([...path, "path"]));
            return b.kind === "ref" ? { ...b, type: type, mode } : b;
        }
        return {
            kind: "data",
            type: ((0,model/* isDataType */.ZM)(type) ? type : "uri_folder"),
            path: v.path,
            baseDir: ctx.baseDir,
            mode,
            where,
        };
    }
    const value = v.value ?? v.default;
    if (typeof value === "string" && (0,expressions/* wholeExpression */.wY)(value))
        return refBinding(ctx, [...path, "value"], (0,expressions/* wholeExpression */.wY)(value), value, where);
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
        return { kind: "literal", value, where };
    return { kind: "empty", where };
}
/**
 * `${{parent.name}}` and the like: run metadata Azure ML fills in (azure-ai-ml's
 * test_configs/dsl_pipeline/data_binding_expression/input_literal_meta.yml). Kept as text; the plan
 * says the local backend cannot resolve it.
 */
const isParentMeta = (body) => /^parent\.[A-Za-z_][A-Za-z0-9_]*$/.test(body) && !/^parent\.(inputs|outputs|jobs)$/.test(body);
function refBinding(ctx, _path, body, text, where) {
    const ref = (0,expressions/* parseRef */.rd)(body);
    if (!ref && isParentMeta(body))
        return { kind: "literal", value: text, where };
    if (!ref) {
        ctx.problems.add(`'${text}' is not a reference this format knows`, where, refFix(body));
        return { kind: "empty", where };
    }
    return { kind: "ref", ref, text, where };
}
/** Fix text for a misspelled `${{...}}`: the corrected reference when the head is close to a known one. */
function refFix(body) {
    const forms = "${{parent.inputs.<name>}}, ${{parent.jobs.<job>.outputs.<name>}} or ${{parent.outputs.<name>}}";
    const parts = body.split(".");
    const head = parts.slice(0, 2).join(".");
    const near = (0,suggest/* closest */.k)(head, ["parent.inputs", "parent.jobs", "parent.outputs", "search_space"]);
    if (near && near !== head)
        return `Did you mean '\${{${[near, ...parts.slice(2)].join(".")}}}'?`;
    return `Write ${forms}`;
}
function parseOutputBinding(ctx, path, v) {
    const where = ctx.src.valueAt(path);
    if (v === null || v === undefined)
        return { where };
    if (typeof v === "string") {
        const body = (0,expressions/* wholeExpression */.wY)(v);
        const ref = body === undefined ? undefined : (0,expressions/* parseRef */.rd)(body);
        if (ref?.scope === "parent.outputs")
            return { parentOutput: ref.name, where };
        ctx.problems.add(`output '${String(path.at(-1))}' is bound to '${v}'`, where, "Bind a job output to `${{parent.outputs.<name>}}`, or give `type`/`mode`/`path`");
        return { where };
    }
    if (!parse_isObj(v)) {
        ctx.problems.add(`output '${String(path.at(-1))}' is not a mapping`, where, "Give `type`, `mode` or `path`, or `${{parent.outputs.<name>}}`");
        return { where };
    }
    checkKeys(ctx, path, v, KEYS.outputDecl, "output key");
    const out = { where };
    if (typeof v.type === "string")
        out.type = v.type;
    if (typeof v.mode === "string")
        out.mode = v.mode;
    if (typeof v.path === "string") {
        const body = (0,expressions/* wholeExpression */.wY)(v.path);
        const ref = body === undefined ? undefined : (0,expressions/* parseRef */.rd)(body);
        if (ref?.scope === "parent.outputs")
            out.parentOutput = ref.name;
        else
            out.path = v.path;
    }
    return out;
}
function parseSweep(ctx, path, v) {
    const { src, problems } = ctx;
    const searchSpace = {};
    if (!parse_isObj(v.search_space) || Object.keys(v.search_space).length === 0) {
        problems.add("sweep job has no search_space", src.at(path), "Add `search_space:` with at least one dimension, such as `lr: {type: uniform, min_value: 0.01, max_value: 0.1}`");
    }
    for (const [k, d] of Object.entries(parse_isObj(v.search_space) ? v.search_space : {})) {
        const p = [...path, "search_space", k];
        if (!parse_isObj(d)) {
            problems.add(`search space '${k}' is not a mapping`, src.at(p), "Write `type:` and its parameters");
            continue;
        }
        const type = String(d.type ?? "");
        const params = SEARCH_TYPES[type];
        if (!params) {
            problems.add(`search space type '${type}' is not known`, src.valueAt([...p, "type"]), (0,suggest/* suggestion */.h)(type, Object.keys(SEARCH_TYPES)));
            continue;
        }
        checkKeys(ctx, p, d, ["type", ...params], `${type} parameter`);
        const dim = { type, params: {}, where: src.at(p) };
        for (const name of params) {
            if (name === "values") {
                if (!Array.isArray(d.values) || d.values.length === 0)
                    problems.add(`choice '${k}' has no values`, src.at(p), "Give `values: [...]`");
                else
                    dim.values = d.values;
            }
            else if (typeof d[name] !== "number") {
                problems.add(`${type} '${k}' needs a number '${name}'`, src.at(p), `Set \`${name}:\``);
            }
            else
                dim.params[name] = d[name];
        }
        searchSpace[k] = dim;
    }
    const samplingRaw = v.sampling_algorithm ?? "random";
    const sampling = parse_isObj(samplingRaw) ? samplingRaw : { type: samplingRaw };
    if (parse_isObj(samplingRaw))
        checkKeys(ctx, [...path, "sampling_algorithm"], samplingRaw, KEYS.sampling, "sampling key");
    const samplingType = String(sampling.type);
    if (!["random", "grid", "bayesian"].includes(samplingType)) {
        problems.add(`sampling algorithm '${samplingType}' is not known`, src.valueAt([...path, "sampling_algorithm"]), (0,suggest/* suggestion */.h)(samplingType, ["random", "grid", "bayesian"]));
    }
    if (samplingType === "grid") {
        for (const [k, d] of Object.entries(searchSpace)) {
            if (d.type !== "choice")
                problems.add(`grid sampling needs choice dimensions; '${k}' is ${d.type}`, d.where, "Use `type: choice` with `values`, or random sampling");
        }
    }
    const objective = parse_isObj(v.objective) ? v.objective : {};
    if (!parse_isObj(v.objective))
        problems.add("sweep job has no objective", src.at(path), "Add `objective: {goal: maximize, primary_metric: <metric>}`");
    else
        checkKeys(ctx, [...path, "objective"], objective, KEYS.objective, "objective key");
    const goal = String(objective.goal ?? "maximize");
    if (goal !== "maximize" && goal !== "minimize") {
        problems.add(`objective goal '${goal}' is not known`, src.valueAt([...path, "objective", "goal"]), (0,suggest/* suggestion */.h)(goal, ["maximize", "minimize"]));
    }
    if (parse_isObj(v.objective) && typeof objective.primary_metric !== "string") {
        problems.add("objective has no primary_metric", src.at([...path, "objective"]), "Name the metric the trials log, such as `primary_metric: r2`");
    }
    const limits = parse_isObj(v.limits) ? v.limits : {};
    if (parse_isObj(v.limits))
        checkKeys(ctx, [...path, "limits"], limits, KEYS.limits, "limit");
    // azure-ai-ml accepts `${{parent.inputs.x}}` in a node's fields (support_data_binding_expression_for_fields
    // in _schema/pipeline/component_job.py): a bound limit is kept as written and resolved when planned.
    const bound = {};
    const limit = (key) => {
        const value = limits[key];
        const body = typeof value === "string" ? (0,expressions/* wholeExpression */.wY)(value) : undefined;
        if (body !== undefined && (0,expressions/* parseRef */.rd)(body)?.scope === "parent.inputs") {
            bound[key] = value;
            return undefined;
        }
        return optNumber(ctx, [...path, "limits", key], value);
    };
    const maxTotal = limit("max_total_trials");
    let earlyTermination;
    if (parse_isObj(v.early_termination)) {
        const e = v.early_termination;
        const ep = [...path, "early_termination"];
        checkKeys(ctx, ep, e, KEYS.earlyTermination, "early termination key");
        const et = String(e.type ?? "");
        if (!["bandit", "median_stopping", "truncation_selection"].includes(et)) {
            problems.add(`early termination '${et}' is not known`, src.valueAt([...ep, "type"]), (0,suggest/* suggestion */.h)(et, ["bandit", "median_stopping", "truncation_selection"]));
        }
        else {
            if (et === "bandit" && e.slack_factor === undefined && e.slack_amount === undefined) {
                problems.add("bandit policy needs slack_factor or slack_amount", src.at(ep), "Set `slack_factor: 0.1`, for example");
            }
            earlyTermination = {
                type: et,
                evaluationInterval: optNumber(ctx, [...ep, "evaluation_interval"], e.evaluation_interval) ?? 1,
                delayEvaluation: optNumber(ctx, [...ep, "delay_evaluation"], e.delay_evaluation) ?? 0,
                slackFactor: optNumber(ctx, [...ep, "slack_factor"], e.slack_factor),
                slackAmount: optNumber(ctx, [...ep, "slack_amount"], e.slack_amount),
                truncationPercentage: optNumber(ctx, [...ep, "truncation_percentage"], e.truncation_percentage),
            };
        }
    }
    return {
        searchSpace,
        sampling: {
            type: samplingType,
            seed: typeof sampling.seed === "number" ? sampling.seed : undefined,
            rule: typeof sampling.rule === "string" ? sampling.rule : undefined,
        },
        objective: { goal: goal, primaryMetric: String(objective.primary_metric ?? "") },
        limits: {
            maxTotalTrials: maxTotal ?? (samplingType === "grid" ? Number.POSITIVE_INFINITY : 1000),
            maxConcurrentTrials: limit("max_concurrent_trials") ?? maxTotal ?? 1,
            timeoutSeconds: limit("timeout"),
            trialTimeoutSeconds: limit("trial_timeout"),
            ...(Object.keys(bound).length > 0 ? { bound } : {}),
        },
        earlyTermination,
    };
}
// ---- small typed readers that record problems at the value's position ----
/** The values azure-ai-ml maps to the service's (constants/_job/job.py JobTierNames, JobPriorityValues). */
const JOB_TIERS = ["spot", "basic", "standard", "premium"];
const JOB_PRIORITIES = ["low", "medium", "high"];
/**
 * `queue_settings` (serverless compute): azure-ai-ml refuses other keys, other values and
 * `${{...}}` bindings here (QueueSettings._validate: the values are mapped before sending).
 */
function checkQueueSettings(ctx, path, v) {
    if (!parse_isObj(v)) {
        ctx.problems.add("queue_settings is not a mapping", ctx.src.valueAt(path), "Write `job_tier:` and `priority:`");
        return;
    }
    checkKeys(ctx, path, v, ["job_tier", "priority"], "queue setting");
    for (const [key, allowed] of [
        ["job_tier", JOB_TIERS],
        ["priority", JOB_PRIORITIES],
    ]) {
        const value = v[key];
        if (value === undefined || value === null)
            continue;
        const text = String(value);
        if (!allowed.includes(text.toLowerCase()))
            ctx.problems.add(`queue_settings.${key} is '${text}'${(0,expressions/* hasExpression */.xS)(text) ? " (a binding cannot be mapped to the service's value)" : ""}`, ctx.src.valueAt([...path, key]), (0,suggest/* suggestion */.h)(text, allowed));
    }
}
/** Unknown keys where Azure ML accepts them (marshmallow INCLUDE): a warning with the did-you-mean. */
function warnKeys(ctx, path, v, allowed, what) {
    for (const k of Object.keys(v)) {
        if (!allowed.includes(k))
            ctx.problems.warn(`unknown ${what} '${k}' is ignored (Azure ML accepts unknown keys here)`, ctx.src.at([...path, k]), (0,suggest/* suggestion */.h)(k, allowed));
    }
}
function checkKeys(ctx, path, v, allowed, what) {
    for (const k of Object.keys(v)) {
        if (!allowed.includes(k))
            ctx.problems.add(`unknown ${what} '${k}'`, ctx.src.at([...path, k]), (0,suggest/* suggestion */.h)(k, allowed));
    }
}
function optString(ctx, path, v) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v === "string" || typeof v === "number")
        return String(v);
    ctx.problems.add(`'${String(path.at(-1))}' must be text`, ctx.src.valueAt(path), "Write it as a string");
    return undefined;
}
function optBool(ctx, path, v) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v === "boolean")
        return v;
    ctx.problems.add(`'${String(path.at(-1))}' must be true or false`, ctx.src.valueAt(path), "Write true or false");
    return undefined;
}
function optNumber(ctx, path, v) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v === "number" && Number.isFinite(v))
        return v;
    ctx.problems.add(`'${String(path.at(-1))}' must be a number`, ctx.src.valueAt(path), "Write a number, such as 3600");
    return undefined;
}
function stringMap(ctx, path, v) {
    if (v === undefined || v === null)
        return {};
    if (!parse_isObj(v)) {
        ctx.problems.add(`'${String(path.at(-1))}' must be a mapping`, ctx.src.valueAt(path), "Write `key: value` pairs");
        return {};
    }
    const out = {};
    for (const [k, x] of Object.entries(v))
        out[k] = x === null || x === undefined ? "" : String(x);
    return out;
}


/***/ }),

/***/ 9693:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ planPipeline)
/* harmony export */ });
/* unused harmony export checkCommand */
/* harmony import */ var _expressions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9895);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7557);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6375);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8438);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5854);





/** Validates the pipeline and plans it. Problems go to `problems`; the plan is only valid when it is empty. */
function planPipeline(job, problems = new _problems_js__WEBPACK_IMPORTED_MODULE_2__/* .Problems */ .Z()) {
    const steps = [];
    const parentInputs = {};
    for (const [name, input] of Object.entries(job.inputs)) {
        if (input.kind === "literal") {
            parentInputs[name] = {
                input: input.value === undefined ? { kind: "none" } : { kind: "value", value: input.value },
                type: input.type,
            };
        }
        else {
            parentInputs[name] = {
                input: input.path === undefined
                    ? { kind: "none" }
                    : {
                        kind: "data",
                        type: input.type,
                        path: input.path,
                        baseDir: input.baseDir,
                        mode: input.mode,
                        where: input.where,
                    },
                type: input.type,
            };
        }
    }
    const top = { prefix: "", jobs: job.jobs, parentInputs, parentOutputs: Object.keys(job.outputs) };
    planLevel(top, steps, problems);
    for (const c of new Set(steps.map((s) => s.component)))
        checkCommand(c, problems);
    const outputs = {};
    for (const [name, node] of Object.entries(job.jobs)) {
        for (const [out, binding] of Object.entries(node.outputs)) {
            if (!binding.parentOutput || !(binding.parentOutput in job.outputs))
                continue;
            const source = outputSource(top, name, out, problems, binding.where);
            if (source)
                outputs[binding.parentOutput] = { step: source.step, output: source.output };
        }
    }
    for (const [name, out] of Object.entries(job.outputs)) {
        if (!outputs[name])
            problems.add(`pipeline output '${name}' is bound to no job output`, out.where, `Bind a job output to it: \`outputs: {<output>: \${{parent.outputs.${name}}}}\``);
    }
    return { plan: { job, steps: order(steps), levels: levels(steps), outputs }, problems };
}
function planLevel(level, steps, problems) {
    findCycles(level, problems);
    for (const [name, node] of Object.entries(level.jobs)) {
        const component = node.component;
        const registered = component.origin.kind === "registered" || node.type === "spark";
        const decls = component.inputs;
        const resolved = {};
        const searchNames = Object.keys(node.sweep?.searchSpace ?? {});
        for (const [input, binding] of Object.entries(node.inputs)) {
            if (!registered && !(input in decls) && node.type === "pipeline") {
                // Azure ML accepts a pipeline component node input its component does not declare
                // (azureml-examples' nyc_taxi_data_regression_with_pipeline_component does this): nothing reads it.
                problems.warn(`job '${name}' has no input '${input}': it is ignored (Azure ML accepts undeclared inputs of a pipeline component)`, binding.where, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(input, Object.keys(decls), "an input of its component"));
                continue;
            }
            if (!registered && !(input in decls)) {
                problems.add(`job '${name}' has no input '${input}'`, binding.where, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(input, Object.keys(decls), "an input of its component"));
                continue;
            }
            const r = resolveBinding(level, name, binding, problems);
            if (!r)
                continue;
            if (decls[input])
                checkType(name, input, decls[input], r, binding.where, problems);
            resolved[input] = r;
        }
        for (const s of searchNames) {
            if (!registered && !(s in decls)) {
                problems.add(`search space '${s}' is not an input of the trial`, node.sweep.searchSpace[s].where, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(s, Object.keys(decls), "an input of the trial component"));
            }
            else
                resolved[s] = { input: { kind: "search", name: s } };
        }
        for (const [input, decl] of Object.entries(decls)) {
            const r = resolved[input];
            if (r && r.input.kind !== "none")
                continue;
            if (decl.default !== undefined)
                resolved[input] = { input: { kind: "value", value: decl.default }, type: decl.type };
            else if (!decl.optional) {
                problems.add(`job '${name}' needs input '${input}' (${decl.type}), which is ${r ? "bound to nothing" : "not given"}`, r ? (node.inputs[input]?.where ?? node.where) : node.where, `Bind it under \`jobs.${name}.inputs.${input}\`, give it a value in the pipeline's inputs, or mark it \`optional: true\``);
            }
            else
                resolved[input] = { input: { kind: "none" } };
        }
        for (const [out, binding] of Object.entries(node.outputs)) {
            if (!registered && !(out in component.outputs)) {
                problems.add(`job '${name}' has no output '${out}'`, binding.where, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(out, Object.keys(component.outputs), "an output of its component"));
            }
            if (binding.parentOutput && !level.parentOutputs.includes(binding.parentOutput)) {
                problems.add(`'\${{parent.outputs.${binding.parentOutput}}}' names no output of the ${level.prefix ? "pipeline component" : "pipeline"}`, binding.where, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(binding.parentOutput, level.parentOutputs, "a declared output"));
            }
        }
        // A registered pipeline component is one step here: its jobs are known only to Azure ML, which
        // runs it; the local backend refuses it (runner/refusals.ts).
        if (node.type === "pipeline" && component.origin.kind !== "registered") {
            planLevel({
                prefix: `${level.prefix}${name}/`,
                jobs: component.jobs ?? {},
                parentInputs: resolved,
                parentOutputs: Object.keys(component.outputs),
            }, steps, problems);
            continue;
        }
        const inputs = {};
        for (const [k, r] of Object.entries(resolved))
            inputs[k] = r.input;
        const outputs = {};
        for (const [k, decl] of Object.entries(component.outputs)) {
            const b = node.outputs[k];
            outputs[k] = { type: b?.type ?? decl.type, mode: b?.mode ?? decl.mode };
        }
        for (const k of Object.keys(node.outputs))
            if (registered && !outputs[k])
                outputs[k] = { type: node.outputs[k].type ?? "uri_folder" };
        const deps = [...new Set(Object.values(inputs).flatMap((i) => (i.kind === "step" ? [i.step] : [])))];
        steps.push({
            id: `${level.prefix}${name}`,
            node: node.sweep && (node.sweep.limits.bound || (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .hasExpression */ .xS)(node.sweep.objective.primaryMetric))
                ? withBoundSweep(level, node, problems)
                : node,
            component,
            inputs,
            outputs,
            deps,
            environmentVariables: { ...component.environmentVariables, ...node.environmentVariables },
            timeoutSeconds: node.timeoutSeconds,
        });
    }
}
const LIMIT_FIELDS = {
    max_total_trials: "maxTotalTrials",
    max_concurrent_trials: "maxConcurrentTrials",
    timeout: "timeoutSeconds",
    trial_timeout: "trialTimeoutSeconds",
};
/**
 * A sweep node whose limits or primary metric are written as `${{parent.inputs.x}}`, with the
 * values those inputs have here (what the local runner uses; Azure ML gets the expression as
 * written and resolves it).
 */
function withBoundSweep(level, node, problems) {
    const sweep = node.sweep;
    let objective = sweep.objective;
    if ((0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .hasExpression */ .xS)(objective.primaryMetric)) {
        const r = resolveTemplate(level, objective.primaryMetric, node.where, problems);
        if (r?.input.kind === "value")
            objective = { ...objective, primaryMetric: String(r.input.value) };
    }
    const limits = { ...sweep.limits };
    for (const [key, text] of Object.entries(sweep.limits.bound ?? {})) {
        const name = /parent\.inputs\.([A-Za-z0-9_]+)/.exec(text)?.[1] ?? "";
        const where = node.where;
        const p = level.parentInputs[name];
        if (!p) {
            problems.add(`'${text}' in limits.${key} names no input of the ${level.prefix ? "pipeline component" : "pipeline"}`, where, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(name, Object.keys(level.parentInputs), "a declared input"));
            continue;
        }
        const value = p.input.kind === "value" ? Number(p.input.value) : Number.NaN;
        if (!Number.isFinite(value)) {
            problems.add(`limits.${key} of job '${node.name}' is bound to '${text}', which is not a number here`, where, `Give the input '${name}' a number`);
            continue;
        }
        const field = LIMIT_FIELDS[key];
        if (field)
            limits[field] = value;
        // Without max_concurrent_trials, every trial may run at once (as when max_total_trials is a number).
        const written = node.raw.limits;
        if (key === "max_total_trials" && written?.max_concurrent_trials === undefined)
            limits.maxConcurrentTrials = value;
    }
    return { ...node, sweep: { ...sweep, limits, objective } };
}
function resolveBinding(level, job, b, problems) {
    switch (b.kind) {
        case "literal":
            if (typeof b.value === "string" && (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .hasExpression */ .xS)(b.value))
                return resolveTemplate(level, b.value, b.where, problems);
            return {
                input: { kind: "value", value: b.value },
                type: typeof b.value === "number" ? "number" : typeof b.value === "boolean" ? "boolean" : "string",
            };
        case "data":
            return {
                input: { kind: "data", type: b.type, path: b.path, baseDir: b.baseDir, mode: b.mode, where: b.where },
                type: b.type,
            };
        case "empty":
            return { input: { kind: "none" } };
        case "ref": {
            const ref = b.ref;
            if (ref.scope === "parent.inputs") {
                const p = level.parentInputs[ref.name];
                if (!p) {
                    problems.add(`'${b.text}' names no input of the ${level.prefix ? "pipeline component" : "pipeline"}`, b.where, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(ref.name, Object.keys(level.parentInputs), "a declared input"));
                    return undefined;
                }
                const input = p.input.kind === "data" && b.mode ? { ...p.input, mode: b.mode } : p.input;
                return { input, type: p.type };
            }
            if (ref.scope === "parent.jobs") {
                if (!(ref.job in level.jobs)) {
                    problems.add(`'${b.text}' names no job '${ref.job}'`, b.where, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(ref.job, Object.keys(level.jobs).filter((j) => j !== job), "a job of this pipeline"));
                    return undefined;
                }
                if (ref.job === job) {
                    problems.add(`job '${job}' reads its own output`, b.where, "A job can only read outputs of other jobs");
                    return undefined;
                }
                const source = outputSource(level, ref.job, ref.output, problems, b.where);
                if (!source)
                    return undefined;
                return {
                    input: { kind: "step", step: source.step, output: source.output, type: source.type },
                    type: source.type,
                };
            }
            problems.add(`'${b.text}' cannot be used as a job input`, b.where, (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .refFix */ .f)(ref.scope));
            return undefined;
        }
    }
}
/**
 * Text with references in it, as Azure ML resolves it: `extra_${{parent.inputs.s}}` becomes the
 * input's value inside the text; `${{parent.inputs.folder}}/file.csv` a path under that data.
 * Other references (a job's output inside text) only Azure ML resolves: warned, passed as written.
 */
function resolveTemplate(level, text, where, problems) {
    let out = "";
    let last = 0;
    let data;
    let unresolved = false;
    for (const e of (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .findExpressions */ .zV)(text)) {
        out += text.slice(last, e.index);
        last = e.index + e.text.length;
        const ref = (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRef */ .rd)(e.body);
        if (ref?.scope !== "parent.inputs") {
            unresolved = true;
            out += e.text;
            continue;
        }
        const p = level.parentInputs[ref.name];
        if (!p) {
            problems.add(`'${e.text}' names no input of the ${level.prefix ? "pipeline component" : "pipeline"}`, where, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(ref.name, Object.keys(level.parentInputs), "a declared input"));
            return undefined;
        }
        if (p.input.kind === "value")
            out += String(p.input.value);
        else if (p.input.kind === "data" && e.index === 0)
            data = p.input;
        else {
            unresolved = true;
            out += e.text;
        }
    }
    out += text.slice(last);
    if (unresolved)
        problems.warn(`'${text}' puts a reference inside text that only Azure ML resolves`, where, "The local backend passes it as written; bind the whole value to one `${{...}}` to run it here");
    if (unresolved)
        return { input: { kind: "value", value: data ? text : out }, type: "string" };
    if (data) {
        const rest = out.replace(/^\/+/, "");
        const path = rest ? `${data.path.replace(/\/+$/, "")}/${rest}` : data.path;
        const type = rest ? (rest.endsWith("/") ? "uri_folder" : "uri_file") : data.type;
        return { input: { ...data, path, type }, type };
    }
    return { input: { kind: "value", value: out }, type: "string" };
}
/** The leaf step output behind `${{parent.jobs.<job>.outputs.<output>}}`, through nested pipeline components. */
function outputSource(level, job, output, problems, where) {
    const node = level.jobs[job];
    const c = node.component;
    const known = c.origin.kind === "registered" || node.type === "spark";
    if (!known && !(output in c.outputs)) {
        problems.add(`job '${job}' has no output '${output}'`, where, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(output, Object.keys(c.outputs), "an output of its component"));
        return undefined;
    }
    if (node.type !== "pipeline" || c.origin.kind === "registered")
        return {
            step: `${level.prefix}${job}`,
            output,
            type: node.outputs[output]?.type ?? c.outputs[output]?.type ?? "uri_folder",
        };
    const inner = Object.entries(c.jobs ?? {}).find(([, n]) => Object.values(n.outputs).some((o) => o.parentOutput === output));
    if (!inner) {
        problems.add(`output '${output}' of pipeline component '${c.name ?? job}' is bound to no job output`, c.outputs[output]?.where ?? node.where, `Bind a job output to \`\${{parent.outputs.${output}}}\` inside the component`);
        return undefined;
    }
    const [innerName, innerNode] = inner;
    const innerOut = Object.entries(innerNode.outputs).find(([, o]) => o.parentOutput === output)[0];
    const sub = { prefix: `${level.prefix}${job}/`, jobs: c.jobs ?? {}, parentInputs: {}, parentOutputs: [] };
    return outputSource(sub, innerName, innerOut, problems, where);
}
const COMPATIBLE = {
    uri_file: ["uri_file"],
    uri_folder: ["uri_folder", "mltable", "mlflow_model", "custom_model", "triton_model"],
    mltable: ["mltable", "uri_folder", "uri_file"],
    mlflow_model: ["mlflow_model", "uri_folder", "custom_model"],
    custom_model: ["custom_model", "uri_folder", "mlflow_model"],
    triton_model: ["triton_model", "uri_folder", "custom_model"],
};
function checkType(job, input, decl, r, where, problems) {
    if (decl.inferred || r.input.kind === "none" || r.input.kind === "search")
        return;
    const gotData = r.input.kind === "data" || r.input.kind === "step";
    const wantData = (0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .isDataType */ .ZM)(decl.type);
    const label = `job '${job}' input '${input}'`;
    if (wantData && !gotData) {
        problems.add(`${label} is ${decl.type} but is given the value '${String(r.input.value)}'`, where, `Bind it to data: \`{type: ${decl.type}, path: ...}\` or another job's output`);
        return;
    }
    if (!wantData && gotData) {
        problems.add(`${label} is ${decl.type} but is bound to ${r.type ?? "data"}`, where, `Give a ${decl.type} value`);
        return;
    }
    // Azure ML accepts the mismatches below (azureml-examples binds a uri_file to uri_folder inputs and
    // 224 to a string input with enum ['True', 'False'], and the service runs them): warn, so we never
    // refuse what `az ml job create` takes. The step's own code may still reject the value.
    const accepted = ". Azure ML accepts it; the step receives it as written";
    if (wantData && r.type && (0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .isDataType */ .ZM)(r.type) && !COMPATIBLE[decl.type]?.includes(r.type)) {
        problems.warn(`${label} is ${decl.type} but is bound to ${r.type}${accepted}`, where, `Bind a ${decl.type}, or change the input's type`);
        return;
    }
    if (r.input.kind !== "value")
        return;
    const v = r.input.value;
    const text = String(v);
    if (decl.type === "integer" && !/^[-+]?\d+$/.test(text.trim()))
        problems.warn(`${label} is an integer but is '${text}'${accepted}`, where, "Give a whole number");
    else if (decl.type === "number" && (text.trim() === "" || !Number.isFinite(Number(text))))
        problems.warn(`${label} is a number but is '${text}'${accepted}`, where, "Give a number such as 0.1");
    else if (decl.type === "boolean" && !["true", "false"].includes(text.toLowerCase()))
        problems.warn(`${label} is a boolean but is '${text}'${accepted}`, where, "Give true or false");
    else if (decl.enum && !decl.enum.map(String).includes(text))
        problems.warn(`${label} is '${text}', not one of its enum${accepted}`, where, enumFix(text, decl.enum));
    else if ((decl.min !== undefined && Number(v) < decl.min) || (decl.max !== undefined && Number(v) > decl.max)) {
        problems.warn(`${label} is ${text}, outside [${decl.min ?? "-∞"}, ${decl.max ?? "∞"}]${accepted}`, where, "Give a value inside the declared range");
    }
}
/** "Did you mean" among an enum's values, or the list of them. */
function enumFix(text, values) {
    return (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(text, values.map(String), "one of");
}
/** Checks a command's `${{inputs.x}}` / `${{outputs.y}}` against the component's declarations. */
function checkCommand(component, problems) {
    const command = component.command;
    if (!command)
        return;
    const where = component.commandWhere ?? component.where;
    for (const e of (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .findExpressions */ .zV)(command)) {
        const own = (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .parseOwnRef */ .t)(e.body);
        const at = positionIn(where, command, e.index);
        if (!own) {
            problems.add(`'${e.text}' in the command is not \${{inputs.<name>}} or \${{outputs.<name>}}`, at, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(e.body.split(".")[0], ["inputs", "outputs"]));
            continue;
        }
        const names = Object.keys(own.kind === "inputs" ? component.inputs : component.outputs);
        if (!names.includes(own.name)) {
            problems.add(`'${e.text}' in the command names no declared ${own.kind === "inputs" ? "input" : "output"}`, at, (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(own.name, names, `one of the declared ${own.kind}`));
        }
    }
    // An unclosed `${{` is no expression at all: the step would get the text as written.
    for (let i = command.indexOf("${{"); i >= 0; i = command.indexOf("${{", i + 3)) {
        const close = command.indexOf("}}", i + 3);
        const next = command.indexOf("${{", i + 3);
        if (close < 0 || (next >= 0 && next < close)) {
            const text = command.slice(i, next >= 0 ? next : undefined).split(/\s/)[0];
            problems.add(`'${text}' in the command is not closed`, positionIn(where, command, i), "Close it with }}");
        }
    }
    for (const s of (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .findOptionalSections */ .E)(command)) {
        if ((0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .findExpressions */ .zV)(s.inner).length === 0)
            problems.add(`'${s.text}' holds no \${{inputs.<name>}}`, positionIn(where, command, s.index), "Put the optional input inside $[[...]]");
    }
}
/** The column of a character inside a one-line value; the value's own position otherwise. */
function positionIn(where, text, index) {
    if (text.includes("\n") || where.column === undefined)
        return where;
    return { ...where, column: where.column + index };
}
function findCycles(level, problems) {
    const deps = (name) => Object.values(level.jobs[name].inputs).flatMap((b) => b.kind === "ref" && b.ref.scope === "parent.jobs" && b.ref.job in level.jobs ? [b.ref.job] : []);
    const state = new Map();
    const stack = [];
    const visit = (n) => {
        if (state.get(n) === "done")
            return false;
        if (state.get(n) === "visiting") {
            const cycle = [...stack.slice(stack.indexOf(n)), n];
            problems.add(`jobs form a cycle: ${cycle.map((c) => level.prefix + c).join(" → ")}`, level.jobs[n].where, "Remove one of these references so the jobs can run in order");
            return true;
        }
        state.set(n, "visiting");
        stack.push(n);
        for (const d of deps(n))
            if (d !== n && visit(d))
                return true;
        stack.pop();
        state.set(n, "done");
        return false;
    };
    for (const n of Object.keys(level.jobs))
        if (visit(n))
            break;
}
function order(steps) {
    const byId = new Map(steps.map((s) => [s.id, s]));
    const out = [];
    const seen = new Set();
    const visit = (s, path) => {
        if (seen.has(s.id) || path.has(s.id))
            return;
        path.add(s.id);
        for (const d of s.deps) {
            const dep = byId.get(d);
            if (dep)
                visit(dep, path);
        }
        seen.add(s.id);
        out.push(s);
    };
    for (const s of steps)
        visit(s, new Set());
    return out;
}
function levels(steps) {
    const depth = new Map();
    const byId = new Map(steps.map((s) => [s.id, s]));
    const get = (id, guard) => {
        if (depth.has(id))
            return depth.get(id);
        if (guard.has(id))
            return 0;
        guard.add(id);
        const s = byId.get(id);
        const d = s && s.deps.length > 0 ? Math.max(...s.deps.map((x) => get(x, guard))) + 1 : 0;
        depth.set(id, d);
        return d;
    };
    const out = [];
    for (const s of steps) {
        const d = get(s.id, new Set());
        if (!out[d])
            out[d] = [];
        out[d].push(s.id);
    }
    return out.filter(Boolean);
}


/***/ }),

/***/ 8438:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ describeProblem),
/* harmony export */   Z: () => (/* binding */ Problems)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1746);

/**
 * Everything wrong with a pipeline, collected so the user sees it all before anything runs.
 * `list` holds what Azure ML itself would refuse; `warnings` what it accepts but is likely a
 * mistake (an unknown key, a type that does not match), so we never refuse more than the service.
 */
class Problems {
    list = [];
    warnings = [];
    add(message, where, fix) {
        this.list.push({ message, where, fix });
    }
    warn(message, where, fix) {
        this.warnings.push({ message, where, fix });
    }
    get empty() {
        return this.list.length === 0;
    }
    /** A UserError for the first problem (about the pipeline unless it says), saying how many more there are. */
    toError() {
        const [first] = this.list;
        const more = this.list.length > 1 ? ` (and ${this.list.length - 1} more problem(s) listed above)` : "";
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${first.message}${more}`, { subject: "pipeline", ...first.where }, first.fix);
    }
}
function describeProblem(p) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(p.message, p.where, p.fix).describe();
}


/***/ }),

/***/ 5854:
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


/***/ })

};
