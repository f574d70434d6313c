export const id = 286;
export const ids = [286];
export const modules = {

/***/ 725:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ readRowBatches)
/* harmony export */ });
/* unused harmony export csvCell */
/* harmony import */ var hyparquet__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6367);
/* harmony import */ var hyparquet__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3720);
/* harmony import */ var _data_csv_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6102);
/* harmony import */ var _data_parquet_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3610);
/* harmony import */ var _data_read_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(140);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1746);
/**
 * The evaluation data as batches of rows, streamed: one batch in memory at a time, whatever the
 * size of the data. Reads CSV/TSV, JSON Lines and Parquet (gzip too), a folder or an MLTable's
 * files, with the same parsers validate-data profiles them with. Values arrive as a scoring
 * script gets them from a JSON request: numbers as numbers, text as text, empty as null.
 */





const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// pandas' read_csv treats these as missing too; a score.py written against a DataFrame expects null.
const MISSING = new Set(["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None"]);
/** A CSV field as the JSON value a request carries. */
function csvCell(text) {
    const t = text.trim();
    if (MISSING.has(t))
        return null;
    if (NUMBER.test(t))
        return Number(t);
    // pandas reads these as booleans too, and Parquet and JSON Lines hold them as booleans.
    if (/^(true|false)$/i.test(t))
        return t.toLowerCase() === "true";
    return text;
}
/** A JSON Lines or Parquet value as a JSON value (bigints as numbers, dates as ISO text). */
function jsonCell(v) {
    switch (typeof v) {
        case "number":
            return Number.isFinite(v) ? v : null;
        case "string":
        case "boolean":
            return v;
        case "bigint":
            return Number(v);
        case "undefined":
            return null;
        default:
            if (v === null)
                return null;
            if (v instanceof Date)
                return v.toISOString();
            return JSON.stringify(v, (_, x) => (typeof x === "bigint" ? Number(x) : x));
    }
}
/**
 * Yields the rows of every file in batches of at most `batchSize`. Columns are the first file's;
 * later files are matched by column name (a file missing one of them is an error).
 */
async function* readRowBatches(files, opts) {
    let columns;
    let next = 1;
    for (const file of files) {
        if (file.size === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo("is empty", { file: file.path, input: opts.input }, "Give a file with rows");
        const gzip = await (0,_data_read_js__WEBPACK_IMPORTED_MODULE_2__/* .isGzip */ .bf)(file);
        const format = await (0,_data_read_js__WEBPACK_IMPORTED_MODULE_2__/* .detectFormat */ .Tz)(file, gzip);
        const source = format === "parquet" ? parquetRows(file) : format === "jsonl" ? jsonlRows(file, gzip) : csvRows(file, opts);
        let order;
        let pending = [];
        let any = false;
        for await (const part of source) {
            if (!columns)
                columns = part.columns;
            if (!order)
                order = columnOrder(columns, part, file.path, opts.input);
            for (const row of part.rows) {
                pending.push(order.map((i) => (i < 0 ? null : (row[i] ?? null))));
                any = true;
                if (pending.length === opts.batchSize) {
                    yield { columns, rows: pending, file: file.path, firstRow: next };
                    next += pending.length;
                    pending = [];
                }
            }
        }
        if (!any)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo("holds no data rows", { file: file.path, input: opts.input }, "Give data rows");
        if (pending.length && columns) {
            yield { columns, rows: pending, file: file.path, firstRow: next };
            next += pending.length;
        }
    }
}
/** Where each of the first file's columns is in this file (-1: absent, JSON Lines only). */
function columnOrder(wanted, part, file, input) {
    return wanted.map((name) => {
        const i = part.columns.indexOf(name);
        if (i < 0 && !part.keyed) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`has no column '${name}', which the first file of the evaluation data has`, { file, input }, "Give files with the same columns");
        }
        return i;
    });
}
async function* csvRows(file, opts) {
    const head = await (0,_data_read_js__WEBPACK_IMPORTED_MODULE_2__/* .readCsvHead */ .v3)(file, { badRows: "error", delimiter: opts.delimiter, input: opts.input });
    const width = head.header.length;
    const fail = (bad) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(bad.message, { file: file.path, line: bad.line, column: bad.column }, bad.fix);
    };
    const parser = new _data_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .CsvParser */ .C2(file.path, head.delimiter.charCodeAt(0), fail, head.dataLine);
    let rows = [];
    const sink = {
        row(fields, line) {
            if (fields.length !== width) {
                fail({
                    message: `row has ${fields.length} field(s); the header has ${width}`,
                    line,
                    column: Math.min(fields.length, width) + 1,
                    fix: "Quote fields that contain the delimiter",
                });
            }
            rows.push(fields.map(csvCell));
        },
    };
    for await (const chunk of (0,_data_read_js__WEBPACK_IMPORTED_MODULE_2__/* .byteChunksFrom */ .Xn)(file, head.gzip, head.dataStart)) {
        parser.feed(chunk, false, sink);
        if (rows.length) {
            yield { columns: head.header, rows };
            rows = [];
        }
    }
    parser.feed(Buffer.alloc(0), true, sink);
    if (rows.length)
        yield { columns: head.header, rows };
}
async function* jsonlRows(file, gzip) {
    let columns;
    let line = 0;
    let pending;
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const parse = (buf) => {
        line++;
        let text;
        try {
            text = decoder.decode(buf);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo("is not valid UTF-8", { file: file.path, line }, "Save the file as UTF-8");
        }
        if (line === 1 && text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        if (text.trim() === "")
            return undefined;
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`is not valid JSON (${error.message})`, { file: file.path, line }, "Write one JSON object per line");
        }
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo("is not a JSON object", { file: file.path, line }, 'Write one object per line, {"age": 42}');
        }
        const record = value;
        if (!columns)
            columns = Object.keys(record);
        return columns.map((c) => jsonCell(record[c]));
    };
    let rows = [];
    for await (const chunk of (0,_data_read_js__WEBPACK_IMPORTED_MODULE_2__/* .byteChunks */ .lU)(file, gzip)) {
        const buf = pending ? Buffer.concat([pending, chunk]) : chunk;
        let start = 0;
        for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, start)) {
            const row = parse(buf.subarray(start, nl));
            if (row)
                rows.push(row);
            start = nl + 1;
        }
        pending = buf.subarray(start);
        if (rows.length) {
            yield { columns: columns ?? [], rows, keyed: true };
            rows = [];
        }
    }
    if (pending?.length) {
        const row = parse(pending);
        if (row)
            rows.push(row);
    }
    if (rows.length)
        yield { columns: columns ?? [], rows, keyed: true };
}
async function* parquetRows(src) {
    const file = (0,_data_parquet_js__WEBPACK_IMPORTED_MODULE_1__/* .asyncBuffer */ .jz)(src);
    let metadata;
    try {
        metadata = await (0,hyparquet__WEBPACK_IMPORTED_MODULE_4__/* .parquetMetadataAsync */ .Ei)(file, { parsers: _data_parquet_js__WEBPACK_IMPORTED_MODULE_1__/* .PARSERS */ .nE, initialFetchSize: 1 << 16 });
    }
    catch (error) {
        throw (0,_data_parquet_js__WEBPACK_IMPORTED_MODULE_1__/* .unreadable */ .O$)(src.path, error);
    }
    const columns = (0,hyparquet__WEBPACK_IMPORTED_MODULE_4__/* .parquetSchema */ .YR)(metadata).children.map((c) => c.element.name);
    let rowStart = 0;
    // One row group in memory at a time.
    for (const group of metadata.row_groups) {
        const n = Number(group.num_rows);
        if (n === 0)
            continue;
        let rows = [];
        try {
            await (0,hyparquet__WEBPACK_IMPORTED_MODULE_5__/* .parquetRead */ .bA)({
                file,
                metadata,
                columns,
                rowStart,
                rowEnd: rowStart + n,
                compressors: _data_parquet_js__WEBPACK_IMPORTED_MODULE_1__/* .COMPRESSORS */ .vZ,
                parsers: _data_parquet_js__WEBPACK_IMPORTED_MODULE_1__/* .PARSERS */ .nE,
                onComplete: (out) => {
                    rows = out;
                },
            });
        }
        catch (error) {
            throw (0,_data_parquet_js__WEBPACK_IMPORTED_MODULE_1__/* .unreadable */ .O$)(src.path, error);
        }
        rowStart += n;
        yield { columns, rows: rows.map((r) => r.map(jsonCell)) };
    }
}


/***/ }),

/***/ 5916:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ requestBody),
/* harmony export */   RV: () => (/* binding */ REQUEST_FORMAT_NAMES)
/* harmony export */ });
/* unused harmony export REQUEST_FORMATS */
const REQUEST_FORMATS = {
    rows: {
        shape: '{"data": [[v1, v2, ...], ...]}',
        body: (_columns, rows) => ({ data: rows }),
    },
    records: {
        shape: '{"data": [{"column": value, ...}, ...]}',
        body: (columns, rows) => ({ data: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))) }),
    },
    mlflow: {
        shape: '{"input_data": {"columns": [...], "data": [[...], ...]}}',
        body: (columns, rows) => ({ input_data: { columns, data: rows } }),
    },
};
const REQUEST_FORMAT_NAMES = Object.keys(REQUEST_FORMATS);
/** The request body as one line of JSON (JSON.stringify never writes a raw line break). */
function requestBody(format, columns, rows) {
    return JSON.stringify(REQUEST_FORMATS[format].body(columns, rows));
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


/***/ }),

/***/ 6286:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./build/bundle/errors.js
var errors = __webpack_require__(1746);
// EXTERNAL MODULE: ./build/bundle/names.js
var names = __webpack_require__(8613);
// EXTERNAL MODULE: ./build/bundle/report/markdown.js
var markdown = __webpack_require__(8239);
;// CONCATENATED MODULE: ./build/bundle/report/compare.js

const VERDICT = {
    better: "✅ better",
    worse: "❌ worse",
    "not-enough": "➖ not enough",
    "no-baseline": "✅ no champion value",
};
function change(champion, delta) {
    if (champion === undefined || delta === undefined)
        return "–";
    const sign = delta > 0 ? "+" : "";
    const pct = champion !== 0 ? ` (${sign}${(0,markdown/* num */.bu)((delta / Math.abs(champion)) * 100)} %)` : "";
    return `${sign}${(0,markdown/* num */.bu)(delta)}${pct}`;
}
const PAIRED_VERDICT = {
    better: "✅ better",
    worse: "❌ worse",
    inconclusive: "➖ inconclusive",
    "no-champion": "✅ no champion",
};
function signed(x) {
    if (x === undefined || Number.isNaN(x))
        return "–";
    return `${x > 0 ? "+" : ""}${(0,markdown/* num */.bu)(x)}`;
}
function pValue(p) {
    if (p === undefined || Number.isNaN(p))
        return "–";
    return p < 0.001 ? "< 0.001" : String(Number(p.toPrecision(2)));
}
const CHART_WIDTH = 41;
/**
 * A text chart of each change and its interval, on one scale per metric that holds 0 and the
 * threshold (metrics have different units): `├──●──┤` is the interval and the change, `┊` is 0,
 * `▲` the min_delta the interval must clear. Monospace, so it renders the same in every summary.
 */
function intervalChart(metrics) {
    const rows = metrics.filter((m) => m.delta !== undefined && Number.isFinite(m.ciLow) && Number.isFinite(m.ciHigh));
    if (rows.length === 0)
        return "";
    const label = Math.max(...rows.map((m) => m.metric.length));
    const lines = rows.map((m) => {
        const low = m.ciLow;
        const high = m.ciHigh;
        const delta = m.delta;
        const threshold = m.goal === "higher" ? m.minDelta : -m.minDelta;
        const lo = Math.min(low, 0, threshold);
        const hi = Math.max(high, 0, threshold);
        const pad = (hi - lo) * 0.08 || 1;
        const at = (x) => Math.round(((x - (lo - pad)) / (hi - lo + 2 * pad)) * (CHART_WIDTH - 1));
        const line = Array.from({ length: CHART_WIDTH }, () => " ");
        const [a, b] = [at(low), at(high)];
        for (let i = a; i <= b; i++)
            line[i] = "─";
        line[a] = "├";
        line[b] = "┤";
        if (m.minDelta > 0)
            line[at(threshold)] = "▲";
        if (line[at(0)] === " " || line[at(0)] === "─")
            line[at(0)] = "┊";
        line[at(delta)] = "●";
        const range = `[${signed(low)}, ${signed(high)}]`;
        return `${m.metric.padEnd(label)}  ${line.join("")}  ${signed(delta)} ${range} (${m.goal} is better)`;
    });
    return ["```text", ...lines, "```"].join("\n");
}
function renderEvaluation(view, e) {
    const { candidate, champion } = view;
    const on = `scored on \`${e.data}\` (${e.rows} rows)`;
    const head = !champion
        ? `✅ **Promote \`${candidate}\`**: no champion yet (no version of \`${view.modelName}\` is tagged \`champion=true\`); the candidate was ${on}.`
        : view.better
            ? `✅ **Promote \`${candidate}\`** over champion \`${champion}\`, both ${on}: ${view.reason}.`
            : `➖ **Keep champion \`${champion}\`**: \`${candidate}\`, both ${on}, is ${view.reason}.`;
    const pct = `${Number((e.confidence * 100).toPrecision(4))} %`;
    const rows = e.metrics.map((m) => [
        `\`${m.metric}\``,
        m.minDelta > 0 ? `${m.goal} by > ${(0,markdown/* num */.bu)(m.minDelta)}` : m.goal,
        (0,markdown/* num */.bu)(m.champion),
        (0,markdown/* num */.bu)(m.candidate),
        signed(m.delta),
        m.ciLow === undefined ? "–" : `[${signed(m.ciLow)}, ${signed(m.ciHigh)}]`,
        pValue(m.pValue),
        PAIRED_VERDICT[m.verdict],
    ]);
    const lines = [
        head,
        "",
        `#### Model \`${view.modelName}\`: candidate \`${candidate}\` vs champion ${champion ? `\`${champion}\`` : "(none)"} on the same rows`,
        "",
        (0,markdown/* table */.tp)(["metric", "goal", "champion", "candidate", "change", `${pct} interval`, "p", "verdict"], rows),
        "",
    ];
    const chart = intervalChart(e.metrics);
    if (chart)
        lines.push(`Change (candidate − champion) with its ${pct} interval:`, "", chart, "");
    lines.push(champion
        ? `Both models were scored through the same scoring script on the same ${e.rows} rows of \`${e.data}\` (${e.problemType}); the metrics were computed from their answers, and the intervals come from a paired bootstrap of ${e.samples} seeded samples. A metric is better only when its whole interval clears its min_delta.`
        : `The candidate was scored on ${e.rows} rows of \`${e.data}\` (${e.problemType}); the metrics were computed from its answers.`, "", `Decision: **${view.decision}**`);
    if (view.notes.length)
        lines.push("", ...view.notes.map((n) => `- ${n}`));
    return `${lines.join("\n")}\n`;
}
/** The verdict line first, then the table of each metric: champion, candidate, change, verdict. */
function renderComparison(view) {
    if (view.evaluation)
        return renderEvaluation(view, view.evaluation);
    const { candidate, champion } = view;
    const head = !champion
        ? `✅ **Promote \`${candidate}\`**: no champion yet (no version of \`${view.modelName}\` is tagged \`champion=true\`), so the candidate wins.`
        : view.better
            ? `✅ **Promote \`${candidate}\`**: ${view.reason} than champion \`${champion}\`.`
            : `➖ **Keep champion \`${champion}\`**: \`${candidate}\` is ${view.reason}.`;
    const rows = view.rows.map((r) => [
        `\`${r.metric}\``,
        r.minDelta > 0 ? `${r.goal} by > ${(0,markdown/* num */.bu)(r.minDelta)}` : r.goal,
        (0,markdown/* num */.bu)(r.champion),
        (0,markdown/* num */.bu)(r.candidate),
        change(r.champion, r.change),
        VERDICT[r.verdict],
    ]);
    const lines = [
        head,
        "",
        `#### Model \`${view.modelName}\`: candidate \`${candidate}\` vs champion ${champion ? `\`${champion}\`` : "(none)"}`,
        "",
        (0,markdown/* table */.tp)(["metric", "goal", "champion", "candidate", "change", "verdict"], rows),
        "",
        `Decision: **${view.decision}**`,
    ];
    if (view.notes.length)
        lines.push("", ...view.notes.map((n) => `- ${n}`));
    return `${lines.join("\n")}\n`;
}

// EXTERNAL MODULE: ./build/bundle/util/crash-point.js
var crash_point = __webpack_require__(9050);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/bundle/tasks/model-ref.js
var model_ref = __webpack_require__(4045);
;// CONCATENATED MODULE: ./build/bundle/tasks/compare/candidate.js




/** Reads metrics.json beside a model (the demo pipeline writes r2/rmse/mae there). */
async function metricsFile(folder) {
    const file = (0,external_node_path_.join)(folder, "metrics.json");
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch {
        return undefined;
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`is not valid JSON: ${error.message.split("\n")[0]}`, { file, input: "candidate" }, "Write metrics.json as an object of metric name → number");
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
        throw new errors/* UserError */.yo("is not an object of metric name → number", { file, input: "candidate" }, 'Write it as {"r2": 0.47, "rmse": 54.9}');
    }
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "number"));
}
async function resolveCandidate(workspace, text, options) {
    const value = text.trim();
    if (!value.startsWith("job:")) {
        const model = await (0,model_ref/* resolveModel */.AX)(workspace, (0,model_ref/* parseModelRef */.qV)(value, "candidate"), "candidate");
        if (options.modelName && options.modelName !== model.name) {
            throw new errors/* UserError */.yo(`names model ${model.name} but modelName is ${options.modelName}`, { input: "candidate" }, "Leave modelName empty for a model reference, or make them agree");
        }
        return {
            label: (0,model_ref/* formatModelRef */.Q5)(model),
            modelName: model.name,
            model,
            metrics: model.metrics,
            metricsFrom: `model ${(0,model_ref/* formatModelRef */.Q5)(model)}`,
        };
    }
    const jobName = value.slice(4).trim();
    if (!jobName)
        throw new errors/* UserError */.yo("'job:' names no job", { input: "candidate" }, "Write job:<jobName>, such as the jobName output of submit-pipeline");
    const job = await workspace.jobs.get(jobName);
    if (!job)
        throw new errors/* UserError */.yo(`job ${jobName} does not exist in the workspace`, { input: "candidate" }, "Pass the jobName output of submit-pipeline");
    if (job.status !== "Completed") {
        throw new errors/* UserError */.yo(`job ${jobName} is ${job.status}, not Completed`, { input: "candidate" }, "Compare the model of a completed job");
    }
    if (!options.modelName) {
        throw new errors/* UserError */.yo("is required when the candidate is a job", { input: "modelName" }, "Set modelName to the registered model's name, such as diabetes-model");
    }
    const source = job.outputs[options.jobOutput];
    if (!source) {
        const names = Object.keys(job.outputs);
        throw new errors/* UserError */.yo(`job ${jobName} has no output '${options.jobOutput}'`, { input: "jobOutput" }, names.length ? `Its outputs are: ${names.join(", ")}` : "Declare the model folder as a pipeline output");
    }
    // Metrics written beside the model describe exactly this model; the job's logged ones fill in.
    const isLocalFolder = (await (0,promises_.stat)(source).catch(() => undefined))?.isDirectory() ?? false;
    const beside = isLocalFolder ? await metricsFile(source) : undefined;
    return {
        label: `job:${jobName}`,
        modelName: options.modelName,
        job,
        source,
        metrics: { ...job.metrics, ...beside },
        metricsFrom: beside ? `${(0,external_node_path_.join)(source, "metrics.json")} and job ${jobName}'s metrics` : `job ${jobName}'s metrics`,
    };
}
/** The champion: the given reference, or the latest version of the model tagged champion=true. */
async function resolveChampion(workspace, text, modelName) {
    const value = text?.trim();
    if (value?.startsWith("endpoint:"))
        return servedBy(workspace, value.slice(9).trim());
    if (value)
        return (0,model_ref/* resolveModel */.AX)(workspace, (0,model_ref/* parseModelRef */.qV)(value, "champion"), "champion");
    const tagged = (await workspace.models.list(modelName)).filter((m) => m.tags.champion === "true");
    return tagged.at(-1);
}
/** The model an endpoint serves: the one behind its deployment with the most traffic. */
async function servedBy(workspace, endpoint) {
    const state = await workspace.endpoints.get(endpoint);
    if (!state) {
        throw new errors/* UserError */.yo(`endpoint ${endpoint} does not exist`, { input: "champion" }, "Name an existing endpoint, or a model reference");
    }
    const [top] = Object.entries(state.traffic)
        .filter(([, p]) => p > 0)
        .sort((a, b) => b[1] - a[1]);
    const deployment = state.deployments.find((d) => d.name === top?.[0]);
    if (!deployment)
        return undefined;
    // Local backends say `name:version`; Azure ML an ARM id ending in /models/<name>/versions/<version>.
    const arm = /\/models\/([^/]+)\/versions\/([^/]+)$/.exec(deployment.model);
    const ref = arm ? { name: arm[1], version: arm[2] } : (0,model_ref/* parseModelRef */.qV)(deployment.model, "champion");
    return (0,model_ref/* resolveModel */.AX)(workspace, ref, "champion");
}
/** Every declared metric must be on the candidate, as a finite number. */
function checkCandidateMetrics(candidate, specs) {
    for (const s of specs) {
        const v = candidate.metrics[s.name];
        if (v === undefined || !Number.isFinite(v)) {
            const known = Object.keys(candidate.metrics);
            throw new errors/* UserError */.yo(`the candidate has no value for metric '${s.name}' (looked in ${candidate.metricsFrom})`, { input: "metrics" }, known.length
                ? `Its metrics are: ${known.sort().join(", ")}`
                : "Log the metric in the job (metrics.json or MLflow)");
        }
    }
}

;// CONCATENATED MODULE: ./build/bundle/tasks/compare/champion-tags.js
/**
 * Moving the champion tag takes two writes: tag the winner, then untag the others (so there is
 * never a moment without a champion). A run killed between them leaves two versions tagged. The
 * next run that may write repairs that before it decides anything new: it keeps the version the
 * champion resolves to (the newest one tagged, as `name@champion` reads it) and untags the rest.
 * The same holds in a registry the champion is published to.
 */

async function repairChampionTags(place, log, modelName, notes) {
    const tagged = (await place.models.list(modelName)).filter((m) => m.tags.champion === "true");
    const keep = tagged.at(-1);
    const extra = tagged.slice(0, -1);
    if (!keep || extra.length === 0)
        return;
    for (const m of extra)
        await place.models.setTags(m.name, m.version, { champion: null });
    const names = extra.map((m) => `\`${(0,model_ref/* formatModelRef */.Q5)(m)}\``).join(", ");
    const line = `${tagged.length} versions of ${modelName}${place.where ? ` in ${place.where}` : ""} were tagged champion (an earlier run stopped while moving the tag): kept \`${(0,model_ref/* formatModelRef */.Q5)(keep)}\`, untagged ${names}.`;
    log.warning(line.replaceAll("`", "'"));
    notes.push(line);
}

;// CONCATENATED MODULE: ./build/bundle/tasks/compare/directions.js
const DIRECTIONS = {
    higher: { goal: "higher", improvement: (champion, candidate) => candidate - champion },
    lower: { goal: "lower", improvement: (champion, candidate) => champion - candidate },
};

;// CONCATENATED MODULE: ./build/bundle/tasks/compare/decide.js

// Float noise (0.81 - 0.80 = 0.010000000000000009) must not decide a gate.
const EPSILON = 1e-12;
/**
 * One metric: better when the improvement exceeds min_delta (a tie is not better, so a retrain
 * that changed nothing does not churn the deployment). With no champion value, the candidate
 * passes on that metric.
 */
function decideMetric(spec, champion, candidate) {
    if (champion === undefined)
        return { spec, candidate, verdict: "no-baseline", passes: true };
    const improvement = DIRECTIONS[spec.direction].improvement(champion, candidate);
    const scale = Math.max(1, Math.abs(champion), Math.abs(candidate));
    const verdict = improvement - spec.minDelta > EPSILON * scale ? "better" : improvement < -EPSILON * scale ? "worse" : "not-enough";
    return {
        spec,
        champion,
        candidate,
        change: candidate - champion,
        improvement,
        verdict,
        passes: verdict === "better",
    };
}
/** The candidate is better when it passes on every declared metric; with no champion it wins. */
function decide(specs, champion, candidate) {
    const metrics = specs.map((s) => decideMetric(s, champion?.[s.name], candidate[s.name]));
    if (!champion) {
        return { better: true, decision: "promote", metrics, reason: "there is no champion yet" };
    }
    const failing = metrics.filter((m) => !m.passes);
    const better = failing.length === 0;
    const reason = better
        ? `better on ${metrics.length === 1 ? "the declared metric" : `all ${metrics.length} declared metrics`}`
        : `not better on ${failing.map((m) => m.spec.name).join(", ")}`;
    return { better, decision: better ? "promote" : "keep-champion", metrics, reason };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./build/bundle/evaluation/metrics.js
/**
 * Model-quality metrics computed from predictions, each equal to scikit-learn's for the same
 * inputs (the installed 1.2.1; test/fixtures/evaluation/make_fixture.py records the version and
 * the values the tests compare with to 1e-12).
 *
 * Weights are scikit-learn's `sample_weight`: a bootstrap sample is the original rows with a
 * count each, so no row is copied. Plain weights follow scikit-learn's sample_weight to the
 * letter (its label sets come from every row, zero-weighted ones included); the bootstrap asks
 * for `strict`, which reads the weights as copied rows (see ComputeOptions).
 *
 * Where scikit-learn raises or warns because a metric is not defined (ROC AUC with one class,
 * R² with fewer than two rows), the value is NaN here: a bootstrap sample where that happens is
 * skipped and counted (see bootstrap.ts), never a crash.
 */
const REGRESSION_METRICS = ["rmse", "mae", "r2", "mape"];
const CLASSIFICATION_METRICS = [
    "accuracy",
    "f1",
    "precision",
    "recall",
    "roc_auc",
    "log_loss",
];
const NEED_PROBABILITIES = new Set(["roc_auc", "log_loss"]);
/** Which metrics can be computed for this truth and these answers (roc_auc/log_loss need probabilities). */
function availableMetrics(truth, scored) {
    if (truth.problemType === "regression")
        return [...REGRESSION_METRICS];
    return CLASSIFICATION_METRICS.filter((m) => scored.probabilities !== undefined || !NEED_PROBABILITIES.has(m));
}
/** Metric values; with `weights` (bootstrap counts per row, same length as values) each row counts that many times. */
function computeMetrics(truth, scored, names, weights) {
    return prepareMetrics(truth, scored).compute(names, weights);
}
/** Checks the answers against the truth and precomputes what every weighting shares. */
function prepareMetrics(truth, scored) {
    const n = truth.values.length;
    if (scored.predicted.length !== n) {
        throw new Error(`${scored.predicted.length} predictions for ${n} evaluation rows; they must be aligned`);
    }
    return truth.problemType === "regression"
        ? new RegressionMetrics(truth.values, scored.predicted)
        : new ClassificationMetrics(truth, scored);
}
function unknownMetric(name, allowed) {
    return new Error(`unknown metric '${name}'; one of ${allowed.join(", ")}`);
}
/** Weights must be finite, non-negative counts with a positive total (np.average refuses 0). */
function checkWeights(weights, n) {
    if (weights.length !== n)
        throw new Error(`${weights.length} weights for ${n} rows`);
    let total = 0;
    for (let i = 0; i < n; i++) {
        const w = weights[i];
        if (!(w >= 0) || w === Number.POSITIVE_INFINITY)
            throw new Error(`weight ${w} at evaluation row ${i + 1} is not a count >= 0`);
        total += w;
    }
    if (total === 0)
        throw new Error("the weights sum to 0");
}
let ones = new Float64Array(0);
/** Unweighted means multiply by 1, which is exact: the unweighted and weighted paths are one code. */
function unitWeights(n) {
    if (ones.length < n)
        ones = new Float64Array(n).fill(1);
    return ones.length === n ? ones : ones.subarray(0, n);
}
/** Messages count rows from 1, as a person reading the evaluation data does. */
function checkFinite(values, what) {
    for (let i = 0; i < values.length; i++) {
        if (!Number.isFinite(values[i]))
            throw new Error(`${what(i)} is ${values[i]}, not a finite number`);
    }
}
// ---- regression ----
// mean_absolute_percentage_error divides by max(|y|, eps): a zero target gives a huge, finite error.
const F64_EPS = 2.220446049250313e-16;
class RegressionMetrics {
    truth;
    rows;
    squared;
    absolute;
    percentage;
    constructor(truth, predicted) {
        this.truth = truth;
        checkFinite(truth, (i) => `the true value at evaluation row ${i + 1}`);
        checkFinite(predicted, (i) => `the prediction at evaluation row ${i + 1}`);
        const n = truth.length;
        this.rows = n;
        this.squared = new Float64Array(n);
        this.absolute = new Float64Array(n);
        this.percentage = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            const e = truth[i] - predicted[i];
            this.squared[i] = e * e;
            const a = Math.abs(predicted[i] - truth[i]);
            this.absolute[i] = a;
            this.percentage[i] = a / Math.max(Math.abs(truth[i]), F64_EPS);
        }
    }
    compute(names, weights, options = {}) {
        for (const name of names)
            if (!REGRESSION_METRICS.includes(name))
                throw unknownMetric(name, REGRESSION_METRICS);
        const n = this.rows;
        if (weights && !options.trustedWeights)
            checkWeights(weights, n);
        const w = weights ?? unitWeights(n);
        const { truth: y, squared, absolute, percentage } = this;
        let total = 0;
        let sumSquared = 0;
        let sumAbsolute = 0;
        let sumPercentage = 0;
        let sumY = 0;
        for (let i = 0; i < n; i++) {
            const wi = w[i];
            total += wi;
            sumSquared += wi * squared[i];
            sumAbsolute += wi * absolute[i];
            sumPercentage += wi * percentage[i];
            sumY += wi * y[i];
        }
        const out = {};
        for (const name of names) {
            if (name === "rmse")
                out.rmse = Math.sqrt(sumSquared / total);
            else if (name === "mae")
                out.mae = sumAbsolute / total;
            else if (name === "mape")
                out.mape = sumPercentage / total;
            else
                out.r2 = this.r2(w, total, sumSquared, sumY / total, options.strict === true);
        }
        return out;
    }
    /** r2_score: 1 − Σw(y−ŷ)² / Σw(y−ȳ_w)², with scikit-learn's force_finite answers unless strict. */
    r2(w, total, numerator, mean, strict) {
        // scikit-learn counts rows, not weight, for its "fewer than two samples" rule.
        if (this.rows < 2)
            return Number.NaN;
        let denominator = 0;
        const y = this.truth;
        for (let i = 0; i < this.rows; i++) {
            const d = y[i] - mean;
            denominator += w[i] * (d * d);
        }
        if (strict) {
            // Equal true values can leave a rounding residue in the mean (0.1 summed k times is not
            // k·0.1), so "constant" is a spread below 1e-12 of the values' size, not an exact 0.
            const spread = Math.sqrt(denominator / total);
            if (!(spread > 1e-12 * Math.abs(mean)) || denominator === 0)
                return Number.NaN;
        }
        if (denominator !== 0)
            return numerator === 0 ? 1 : 1 - numerator / denominator;
        return numerator === 0 ? 1 : 0;
    }
}
class ClassificationMetrics {
    rows;
    k;
    labels;
    predicted;
    /** Classes seen in the truth or the predictions of any row: scikit-learn's unique_labels. */
    present;
    probabilities;
    correct;
    logLosses;
    orders;
    constructor(truth, scored) {
        const classes = truth.classes;
        if (!classes || classes.length === 0)
            throw new Error("classification truth needs its classes");
        const n = truth.values.length;
        const k = classes.length;
        this.rows = n;
        this.k = k;
        this.labels = toClassIndexes(truth.values, k, "the true class");
        this.predicted = toClassIndexes(scored.predicted, k, "the predicted class");
        const seen = new Uint8Array(k);
        for (let i = 0; i < n; i++) {
            seen[this.labels[i]] = 1;
            seen[this.predicted[i]] = 1;
        }
        this.present = [];
        for (let c = 0; c < k; c++)
            if (seen[c])
                this.present.push(c);
        if (scored.probabilities) {
            if (scored.probabilities.length !== n * k) {
                throw new Error(`${scored.probabilities.length} probabilities for ${n} rows × ${k} classes`);
            }
            checkFinite(scored.probabilities, (i) => `the probability of class '${classes[i % k]}' at evaluation row ${Math.floor(i / k) + 1}`);
            this.probabilities = scored.probabilities;
        }
    }
    compute(names, weights, options = {}) {
        for (const name of names) {
            if (!CLASSIFICATION_METRICS.includes(name))
                throw unknownMetric(name, CLASSIFICATION_METRICS);
            if (NEED_PROBABILITIES.has(name) && !this.probabilities) {
                throw new Error(`${name} needs class probabilities, and the model answered classes only`);
            }
        }
        const n = this.rows;
        if (weights && !options.trustedWeights)
            checkWeights(weights, n);
        const w = weights ?? unitWeights(n);
        const out = {};
        let prf;
        for (const name of names) {
            if (name === "accuracy")
                out.accuracy = this.accuracy(w);
            else if (name === "f1" || name === "precision" || name === "recall") {
                prf ??= this.macroPrecisionRecallF1(w, options.strict === true);
                out[name] = prf[name];
            }
            else if (name === "log_loss")
                out.log_loss = this.logLoss(w);
            else
                out.roc_auc = this.rocAuc(w);
        }
        return out;
    }
    accuracy(w) {
        if (!this.correct) {
            this.correct = new Float64Array(this.rows);
            for (let i = 0; i < this.rows; i++)
                this.correct[i] = this.labels[i] === this.predicted[i] ? 1 : 0;
        }
        let total = 0;
        let correct = 0;
        for (let i = 0; i < this.rows; i++) {
            total += w[i];
            correct += w[i] * this.correct[i];
        }
        return correct / total;
    }
    /**
     * precision_recall_fscore_support(average="macro") with the default zero_division ("warn",
     * which answers 0): a class never predicted has precision 0, a class never true has recall 0,
     * and F1 is 0 when precision + recall is 0. The mean runs over the classes seen in the truth
     * or the predictions of any row (strict: of any row with weight).
     */
    macroPrecisionRecallF1(w, strict) {
        const tp = new Float64Array(this.k);
        const predictedSum = new Float64Array(this.k);
        const trueSum = new Float64Array(this.k);
        for (let i = 0; i < this.rows; i++) {
            const wi = w[i];
            const t = this.labels[i];
            const p = this.predicted[i];
            trueSum[t] += wi;
            predictedSum[p] += wi;
            if (t === p)
                tp[t] += wi;
        }
        let precision = 0;
        let recall = 0;
        let f1 = 0;
        let m = 0;
        for (const c of this.present) {
            if (strict && trueSum[c] === 0 && predictedSum[c] === 0)
                continue;
            m++;
            const pc = predictedSum[c] === 0 ? 0 : tp[c] / predictedSum[c];
            const rc = trueSum[c] === 0 ? 0 : tp[c] / trueSum[c];
            precision += pc;
            recall += rc;
            f1 += pc + rc === 0 ? 0 : (2 * pc * rc) / (pc + rc);
        }
        return { precision: precision / m, recall: recall / m, f1: f1 / m };
    }
    /**
     * log_loss(labels=classes) as scikit-learn 1.2 computes it: each probability clipped to
     * [eps, 1 − eps] (eps of float64), each row renormalised to sum 1, then the weighted mean of
     * −log p(true class).
     */
    logLoss(w) {
        // scikit-learn refuses a log loss over fewer than two labels.
        if (this.k < 2)
            return Number.NaN;
        if (!this.logLosses) {
            const p = this.probabilities;
            const k = this.k;
            const losses = new Float64Array(this.rows);
            for (let i = 0; i < this.rows; i++) {
                let sum = 0;
                for (let c = 0; c < k; c++)
                    sum += clip(p[i * k + c]);
                losses[i] = -Math.log(clip(p[i * k + this.labels[i]]) / sum);
            }
            this.logLosses = losses;
        }
        let total = 0;
        let loss = 0;
        for (let i = 0; i < this.rows; i++) {
            total += w[i];
            loss += w[i] * this.logLosses[i];
        }
        return loss / total;
    }
    /**
     * roc_auc_score: binary on the probability of classes[1]; more classes one-vs-rest, macro
     * average. Each class's scores are sorted once; a weighting is then one pass adding the
     * trapezoid of each run of tied scores (one threshold), as roc_curve + auc do. NaN when a
     * class has no positive or no negative weight (scikit-learn raises or answers nan there).
     */
    rocAuc(w) {
        if (!this.orders)
            this.orders = this.scoreOrders();
        let sum = 0;
        for (const o of this.orders)
            sum += weightedAuc(o, w);
        return sum / this.orders.length;
    }
    scoreOrders() {
        const p = this.probabilities;
        const k = this.k;
        if (k > 2) {
            // scikit-learn's check for multiclass roc_auc: np.allclose(1, row sums).
            for (let i = 0; i < this.rows; i++) {
                let sum = 0;
                for (let c = 0; c < k; c++)
                    sum += p[i * k + c];
                if (!(Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum))) {
                    throw new Error(`roc_auc for more than two classes needs probabilities that sum to 1 on every row; evaluation row ${i + 1} sums to ${sum}`);
                }
            }
        }
        const columns = k === 2 ? [1] : Array.from({ length: k }, (_, c) => c);
        return columns.map((c) => {
            const score = new Float64Array(this.rows);
            for (let i = 0; i < this.rows; i++)
                score[i] = p[i * k + c];
            const order = new Uint32Array(this.rows);
            for (let i = 0; i < this.rows; i++)
                order[i] = i;
            order.sort((a, b) => score[b] - score[a]);
            const positive = new Uint8Array(this.rows);
            const ends = [];
            for (let j = 0; j < this.rows; j++) {
                positive[j] = this.labels[order[j]] === c ? 1 : 0;
                if (j > 0 && score[order[j]] !== score[order[j - 1]])
                    ends.push(j);
            }
            ends.push(this.rows);
            return { order, positive, runEnds: Uint32Array.from(ends) };
        });
    }
}
function clip(p) {
    return p < F64_EPS ? F64_EPS : p > 1 - F64_EPS ? 1 - F64_EPS : p;
}
/** Area under the ROC curve of one sorted column under a weighting, trapezoids over distinct thresholds. */
function weightedAuc(o, w) {
    let tp = 0;
    let fp = 0;
    let area = 0;
    let start = 0;
    for (let r = 0; r < o.runEnds.length; r++) {
        const end = o.runEnds[r];
        let runTp = 0;
        let runFp = 0;
        // Branch-free (which rows are positive is as unpredictable as the data), and exact: p is 0 or 1.
        for (let j = start; j < end; j++) {
            const wj = w[o.order[j]];
            const p = o.positive[j];
            runTp += wj * p;
            runFp += wj * (1 - p);
        }
        // Tied scores move the curve diagonally: the trapezoid of the run.
        area += runFp * (tp + runTp / 2);
        tp += runTp;
        fp += runFp;
        start = end;
    }
    if (tp === 0 || fp === 0)
        return Number.NaN;
    return area / (tp * fp);
}
function toClassIndexes(values, k, what) {
    const out = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!Number.isInteger(v) || v < 0 || v >= k) {
            throw new Error(`${what} at evaluation row ${i + 1} is ${v}, not an index into the ${k} classes`);
        }
        out[i] = v;
    }
    return out;
}

;// CONCATENATED MODULE: ./build/bundle/evaluation/bootstrap.js
/**
 * The paired bootstrap of candidate − champion: each sample draws the evaluation rows n times
 * with replacement (one count per row, a multinomial draw), and both models are evaluated on
 * that same sample, so what the two share (hard rows, easy rows) cancels in the difference.
 * Rows are never copied: the counts are scikit-learn's sample_weight (see metrics.ts).
 *
 * - Seeded (mulberry32): the same data and seed give the same interval on every runner.
 * - Interval: percentile, with numpy's default (linear) quantile of the sample deltas, as
 *   scipy.stats.bootstrap(method="percentile") computes it.
 * - p-value: two-sided, for "no change", read from the same bootstrap distribution:
 *   p = min(1, 2·min(1 + #{δ* ≤ 0}, 1 + #{δ* ≥ 0}) / (B + 1)). It is the smallest 1 − confidence
 *   at which the percentile interval would leave 0 out, with the +1 correction (Davison &
 *   Hinkley) so it is never 0: with B = 1000 the smallest value is 2/1001 ≈ 0.002. Two models
 *   that answer identically get δ* = 0 in every sample, hence p = 1.
 * - A sample on which a metric is not defined for either model (ROC AUC on a sample holding one
 *   class, R² on a sample whose true values are all equal) is skipped for that metric and
 *   counted in `skipped`; the interval and p-value use the other samples. decide-paired.ts calls
 *   a metric inconclusive when too many were skipped.
 */

const DEFAULT_SAMPLES = 1000;
const DEFAULT_CONFIDENCE = 0.95;
const DEFAULT_SEED = 20261129;
function pairedBootstrap(truth, champion, candidate, metrics, options = {}) {
    const samples = options.samples ?? DEFAULT_SAMPLES;
    const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
    const seed = options.seed ?? DEFAULT_SEED;
    if (!Number.isInteger(samples) || samples < 1)
        throw new Error(`samples must be a whole number >= 1, not ${samples}`);
    if (!(confidence > 0 && confidence < 1))
        throw new Error(`confidence must be between 0 and 1, not ${confidence}`);
    const n = truth.values.length;
    if (n === 0)
        throw new Error("there are no evaluation rows to bootstrap");
    const known = truth.problemType === "regression" ? REGRESSION_METRICS : CLASSIFICATION_METRICS;
    for (const name of metrics) {
        if (!known.includes(name))
            throw new Error(`unknown ${truth.problemType} metric '${name}'; one of ${known.join(", ")}`);
    }
    // Answers that do not fit fail here, once, naming whose they were; the samples cannot fail after.
    const [a, pointA] = prepared("champion", truth, champion, metrics);
    const [b, pointB] = prepared("candidate", truth, candidate, metrics);
    const deltas = metrics.map(() => new Float64Array(samples));
    const used = new Int32Array(metrics.length);
    const counts = new Float64Array(n);
    const draw = rowDrawer(seed, n);
    const perSample = { strict: true, trustedWeights: true };
    for (let s = 0; s < samples; s++) {
        counts.fill(0);
        for (let i = 0; i < n; i++)
            counts[draw()]++;
        const va = a.compute(metrics, counts, perSample);
        const vb = b.compute(metrics, counts, perSample);
        for (let m = 0; m < metrics.length; m++) {
            const d = vb[metrics[m]] - va[metrics[m]];
            if (Number.isFinite(d))
                deltas[m][used[m]++] = d;
        }
    }
    return metrics.map((metric, m) => {
        const sorted = deltas[m].subarray(0, used[m]).sort();
        const tail = (1 - confidence) / 2;
        return {
            metric,
            champion: pointA[metric],
            candidate: pointB[metric],
            delta: pointB[metric] - pointA[metric],
            ciLow: quantile(sorted, tail),
            ciHigh: quantile(sorted, 1 - tail),
            pValue: twoSidedP(sorted),
            rows: n,
            samples: used[m],
            skipped: samples - used[m],
            confidence,
        };
    });
}
function prepared(who, truth, scored, metrics) {
    try {
        const p = prepareMetrics(truth, scored);
        return [p, p.compute(metrics)];
    }
    catch (error) {
        throw new Error(`the ${who}'s answers: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/**
 * Uniform row indexes in [0, n) from mulberry32 (the generator src/data/sketches/random.ts uses),
 * inlined: the draws are the bootstrap's hot loop. 32 bits per draw: the bias of scaling to n is
 * below n / 2^32 (2e-5 at 100,000 rows), far under the Monte Carlo error of the interval.
 */
function rowDrawer(seed, n) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), state | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
}
/** numpy.percentile's default ("linear") quantile of sorted values; NaN when there are none. */
function quantile(sorted, q) {
    const m = sorted.length;
    if (m === 0)
        return Number.NaN;
    const h = (m - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, m - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
/** Two-sided bootstrap p-value of "no change", with the +1 correction (see the header). */
function twoSidedP(sorted) {
    const m = sorted.length;
    if (m === 0)
        return Number.NaN;
    let atMostZero = 0;
    let atLeastZero = 0;
    for (let i = 0; i < m; i++) {
        if (sorted[i] <= 0)
            atMostZero++;
        if (sorted[i] >= 0)
            atLeastZero++;
    }
    return Math.min(1, (2 * (1 + Math.min(atMostZero, atLeastZero))) / (m + 1));
}

;// CONCATENATED MODULE: ./build/bundle/evaluation/decide-paired.js
function decidePaired(rules, results, options = {}) {
    const maxSkipped = options.maxSkippedShare ?? 0.1;
    const metrics = rules.map((rule) => judge(rule, results.find((r) => r.metric === rule.name), maxSkipped));
    const notBetter = metrics.filter((m) => m.verdict !== "better");
    const verdict = metrics.some((m) => m.verdict === "worse")
        ? "worse"
        : notBetter.length > 0 || metrics.length === 0
            ? "inconclusive"
            : "better";
    const reason = metrics.length === 0
        ? "no metric was declared"
        : notBetter.length === 0
            ? metrics.map((m) => m.reason).join("; ")
            : notBetter.map((m) => m.reason).join("; ");
    return { better: verdict === "better", verdict, metrics, reason };
}
function judge(rule, result, maxSkipped) {
    const name = rule.name;
    if (!result)
        return { metric: name, verdict: "inconclusive", reason: `inconclusive on ${name}: it was not evaluated` };
    const base = { metric: name, result };
    if (!Number.isFinite(result.champion) || !Number.isFinite(result.candidate)) {
        return {
            ...base,
            verdict: "inconclusive",
            reason: `inconclusive on ${name}: it is not defined on the evaluation data`,
        };
    }
    const drawn = result.samples + result.skipped;
    if (result.samples === 0 || result.skipped > maxSkipped * drawn) {
        return {
            ...base,
            verdict: "inconclusive",
            reason: `inconclusive on ${name}: it was not defined on ${result.skipped} of ${drawn} bootstrap samples (a sample held one class only, or equal true values)`,
        };
    }
    const interval = `the ${percent(result.confidence)} interval of the change [${num(result.ciLow)}, ${num(result.ciHigh)}]`;
    const higher = rule.direction === "higher";
    // In the improving direction: higher-is-better needs ciLow > minDelta; lower-is-better ciHigh < −minDelta.
    const threshold = higher ? rule.minDelta : -rule.minDelta;
    if (higher ? result.ciLow > threshold : result.ciHigh < threshold) {
        return {
            ...base,
            verdict: "better",
            reason: `better on ${name}: ${interval} lies ${higher ? "above" : "below"} ${minDeltaText(rule)}`,
        };
    }
    if (higher ? result.ciHigh < 0 : result.ciLow > 0) {
        return {
            ...base,
            verdict: "worse",
            reason: `worse on ${name}: ${interval} lies ${higher ? "below" : "above"} 0 (${rule.direction} is better)`,
        };
    }
    return {
        ...base,
        verdict: "inconclusive",
        reason: `inconclusive on ${name}: ${interval} includes values ${higher ? "below" : "above"} ${minDeltaText(rule)}`,
    };
}
function minDeltaText(rule) {
    return rule.direction === "higher"
        ? `min_delta ${num(rule.minDelta)}`
        : `${num(-rule.minDelta)} (min_delta ${num(rule.minDelta)}, lower is better)`;
}
function percent(confidence) {
    return `${Number((confidence * 100).toPrecision(4))}%`;
}
/** Three significant digits, plain: enough to read an interval, not a wall of digits. */
function num(x) {
    if (x === 0)
        return "0";
    return String(Number(x.toPrecision(3)));
}

// EXTERNAL MODULE: ./build/bundle/evaluation/requests.js
var requests = __webpack_require__(5916);
// EXTERNAL MODULE: ./build/bundle/pipeline/suggest.js
var suggest = __webpack_require__(5854);
// EXTERNAL MODULE: ./build/bundle/util/python.js
var util_python = __webpack_require__(5482);
;// CONCATENATED MODULE: ./build/bundle/evaluation/answers.js
/**
 * What run() answered, as predictions for the rows sent: a list of values, a list of
 * class-probability lists, or an object holding them under `predictions` / `probabilities`;
 * a JSON string of any of these (score.py often returns json.dumps(...)) is read the same way.
 */

const SHAPES = 'Return a list with one value per row, a list of class-probability lists, or {"predictions": [...]} / {"probabilities": [[...]]}';
function bad(ctx, why) {
    return new errors/* UserError */.yo(`run() for ${ctx.label} ${why} on ${ctx.rows}`, { input: "scoringScript", file: ctx.script }, SHAPES);
}
function describe(v) {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
/** Reads run()'s answer for `n` rows, strictly: every row answered, every value usable. */
function parseAnswer(result, n, ctx) {
    let value = result;
    if (typeof value === "string") {
        try {
            value = JSON.parse(value);
        }
        catch {
            throw bad(ctx, `answered a string that is not JSON (${describe(result)})`);
        }
    }
    if (Array.isArray(value))
        return fromList(value, n, ctx);
    if (value && typeof value === "object") {
        const record = value;
        const predictions = record.predictions;
        const probabilities = record.probabilities;
        if (predictions === undefined && probabilities === undefined) {
            const keys = Object.keys(record);
            throw bad(ctx, `answered an object without "predictions" or "probabilities" (keys: ${keys.join(", ") || "none"})`);
        }
        const out = {};
        if (predictions !== undefined) {
            if (!Array.isArray(predictions))
                throw bad(ctx, `answered "predictions" that is not a list (${describe(predictions)})`);
            Object.assign(out, fromList(predictions, n, ctx));
        }
        if (probabilities !== undefined) {
            if (!Array.isArray(probabilities))
                throw bad(ctx, `answered "probabilities" that is not a list (${describe(probabilities)})`);
            const p = fromList(probabilities, n, ctx);
            if (!p.probabilities)
                throw bad(ctx, 'answered "probabilities" that are not lists of numbers, one per row');
            out.probabilities = p.probabilities;
        }
        return out;
    }
    throw bad(ctx, `answered ${describe(value)}, not a list`);
}
function fromList(list, n, ctx) {
    if (list.length !== n)
        throw bad(ctx, `answered ${list.length} value(s) for ${n} row(s)`);
    if (n > 0 && Array.isArray(list[0]) && list[0].length !== 1)
        return { probabilities: rowsOf(list, ctx) };
    const values = new Array(n);
    for (let i = 0; i < n; i++) {
        // A one-element list per row ([[3.2], [4.1]], a Keras regression's shape) is that value.
        const v = Array.isArray(list[i]) && list[i].length === 1 ? list[i][0] : list[i];
        if (typeof v === "number" ? !Number.isFinite(v) : typeof v !== "string" && typeof v !== "boolean")
            throw bad(ctx, `answered ${v === null ? "null (or NaN)" : describe(v)} for row ${i + 1} of the batch, not a number or a label`);
        values[i] = v;
    }
    return { values };
}
function rowsOf(list, ctx) {
    const width = list[0].length;
    for (let i = 0; i < list.length; i++) {
        const row = list[i];
        if (!Array.isArray(row) || row.length !== width)
            throw bad(ctx, `answered ${describe(row)} for row ${i + 1} of the batch; rows before it had ${width} class probabilities`);
        for (const p of row)
            if (typeof p !== "number" || !Number.isFinite(p))
                throw bad(ctx, `answered a probability ${describe(p)} for row ${i + 1} of the batch, not a finite number`);
    }
    return list;
}

// EXTERNAL MODULE: ./build/bundle/evaluation/evaluation-data.js
var evaluation_data = __webpack_require__(725);
;// CONCATENATED MODULE: ./build/bundle/evaluation/outcomes.js
/**
 * The true labels and both models' answers, gathered batch by batch as compact arrays (numbers
 * as Float64Array, class labels as codes into one dictionary), then turned into the Truth and
 * Scored that metrics.ts computes from. The rows themselves are never kept.
 */

/** More distinct integer labels than this is a regression target when problemType is not given. */
const MAX_INFERRED_CLASSES = 20;
/** More distinct answers than this cannot be class labels. */
const MAX_CLASSES = 50_000;
class Floats {
    data = new Float64Array(1024);
    length = 0;
    push(v) {
        if (this.length === this.data.length) {
            const next = new Float64Array(this.data.length * 2);
            next.set(this.data);
            this.data = next;
        }
        this.data[this.length++] = v;
    }
    view() {
        return this.data.subarray(0, this.length);
    }
}
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
/** One spelling per label, so the CSV's "1", JSON's 1 and Python's 1.0 are one class. */
function labelKey(v) {
    if (typeof v === "number")
        return String(v);
    if (typeof v === "boolean")
        return v ? "True" : "False";
    if (NUMBER.test(v))
        return String(Number(v));
    if (/^(true|false)$/i.test(v))
        return v.toLowerCase() === "true" ? "True" : "False";
    return v;
}
function numeric(v) {
    if (typeof v === "number")
        return v;
    if (typeof v === "string" && NUMBER.test(v))
        return Number(v);
    return Number.NaN;
}
class Outcomes {
    labelColumn;
    names;
    truth = new Floats();
    truthCodes = new Floats();
    /** Label key → code, in order of first sight; dropped once the target is known to be continuous. */
    dict = new Map();
    truthDistinct = 0;
    labelsNumeric = true;
    labelsIntegral = true;
    models;
    decided;
    why;
    constructor(problemType, labelColumn, 
    /** The models, as messages name them: `champion lin:1`. */
    names) {
        this.labelColumn = labelColumn;
        this.names = names;
        this.decided = problemType;
        const fresh = () => ({
            numbers: new Floats(),
            codes: new Floats(),
            onlyProbabilities: false,
            allIntegral: true,
        });
        this.models = names.map(fresh);
        if (problemType === "regression")
            this.dropClasses();
    }
    get rows() {
        return this.truth.length;
    }
    dropClasses() {
        this.dict = undefined;
        this.truthCodes = undefined;
        for (const m of this.models)
            m.codes = undefined;
    }
    code(key) {
        const dict = this.dict;
        let c = dict.get(key);
        if (c === undefined) {
            c = dict.size;
            dict.set(key, c);
            if (dict.size > MAX_CLASSES)
                this.tooManyClasses();
        }
        return c;
    }
    tooManyClasses() {
        if (this.decided === undefined && this.labelsNumeric) {
            this.decided = "regression";
            this.why = `the answers hold more than ${MAX_CLASSES} distinct values`;
            this.dropClasses();
            return;
        }
        throw new errors/* UserError */.yo(`classification with more than ${MAX_CLASSES} distinct labels and answers`, { input: "problemType" }, "Set problemType: regression for a continuous target, or return class labels from run()");
    }
    /** The label column's values of one batch; `where(i)` names row i for messages. */
    addTruth(labels, where) {
        for (let i = 0; i < labels.length; i++) {
            const v = labels[i];
            if (v === null) {
                throw new errors/* UserError */.yo(`label column '${this.labelColumn}' is empty on ${where(i)}`, { input: "evaluationData" }, "Give every evaluation row a true value, or drop the rows without one");
            }
            const n = numeric(v);
            if (Number.isNaN(n)) {
                this.labelsNumeric = false;
                if (this.decided === "regression") {
                    throw new errors/* UserError */.yo(`label column '${this.labelColumn}' holds ${JSON.stringify(v)} on ${where(i)}, not a number`, { input: "problemType" }, "A regression target must be numeric: use problemType: classification for class labels");
                }
            }
            else if (!Number.isInteger(n)) {
                this.labelsIntegral = false;
                if (this.decided === "classification") {
                    throw new errors/* UserError */.yo(`label column '${this.labelColumn}' holds ${v} on ${where(i)}, a fractional number, but the problem is classification`, { input: "problemType" }, "Classes are labels or whole numbers: for a continuous target use problemType: regression and its metrics (rmse, mae, r2, mape)");
                }
            }
            this.truth.push(n);
            if (this.dict) {
                const before = this.dict.size;
                this.truthCodes?.push(this.code(labelKey(v)));
                if (this.dict && this.dict.size > before)
                    this.truthDistinct++;
                // A numeric target with many distinct values is continuous: class codes are not needed.
                if (this.decided === undefined && this.labelsNumeric && this.truthDistinct > MAX_INFERRED_CLASSES) {
                    this.decided = "regression";
                    this.why = `label '${this.labelColumn}' is numeric with more than ${MAX_INFERRED_CLASSES} distinct values`;
                    this.dropClasses();
                }
            }
        }
    }
    /** One model's parsed answer for the same batch (the same shape for every batch). */
    addAnswer(model, answer) {
        const m = this.models[model];
        const values = answer.values;
        const probs = answer.probabilities;
        const shape = `${values ? "values" : ""}${probs ? "+probabilities" : ""}`;
        if (m.shape === undefined)
            m.shape = shape;
        else if (m.shape !== shape) {
            throw new errors/* UserError */.yo(`${this.names[model]}'s run() answered ${shape.replace(/^\+/, "")} for one batch and ${m.shape.replace(/^\+/, "")} for an earlier one`, { input: "scoringScript" }, "Return the same shape for every request");
        }
        if (probs) {
            const width = probs[0]?.length ?? 0;
            if (m.width === undefined) {
                m.width = width;
                m.probabilities = new Floats();
            }
            else if (width !== m.width) {
                throw new errors/* UserError */.yo(`${this.names[model]}'s run() answered ${width} class probabilities per row for one batch and ${m.width} for an earlier one`, { input: "scoringScript" }, "Return one probability per class of the model for every row");
            }
            for (const row of probs)
                for (const p of row)
                    m.probabilities?.push(p);
        }
        if (values) {
            for (const v of values) {
                const x = numeric(v);
                if (!Number.isInteger(x)) {
                    m.allIntegral = false;
                    // A fractional number is never a class (fractional labels are refused too): most likely the
                    // probability of the positive class, which cannot be matched to a class unambiguously.
                    if (this.decided === "classification" && !Number.isNaN(x)) {
                        throw new errors/* UserError */.yo(`${this.names[model]}'s run() answered ${v}, a fractional number, where a class label is expected`, { input: "scoringScript" }, 'Return the predicted labels, or a list of class probabilities per row ([[p0, p1], ...]) or {"predictions": labels, "probabilities": [[...]]}');
                    }
                }
                m.numbers.push(x);
                if (this.dict && m.codes)
                    m.codes.push(this.code(labelKey(v)));
            }
        }
        else {
            // Probabilities only: the class is the most probable column (decided once the classes are known).
            m.onlyProbabilities = true;
            for (let i = 0; i < (probs?.length ?? 0); i++)
                m.numbers.push(Number.NaN);
        }
    }
    inferProblemType() {
        if (this.decided)
            return this.decided;
        const onlyProbs = this.models.some((m) => m.onlyProbabilities || m.probabilities);
        if (!this.labelsNumeric) {
            this.why = `label '${this.labelColumn}' holds text`;
            return "classification";
        }
        // Few distinct whole numbers, each seen on two rows or more on average, answered in kind: classes.
        const fewClasses = this.truthDistinct * 2 <= this.truth.length;
        if (this.labelsIntegral && fewClasses && (onlyProbs || this.models.every((m) => m.allIntegral))) {
            this.why = `label '${this.labelColumn}' has ${this.truthDistinct} distinct integer values and the answers are ${onlyProbs ? "class probabilities" : "integers"}`;
            return "classification";
        }
        this.why = !this.labelsIntegral
            ? `label '${this.labelColumn}' holds fractional numbers`
            : !fewClasses
                ? `label '${this.labelColumn}' has ${this.truthDistinct} distinct values in ${this.truth.length} rows`
                : "the answers are not whole numbers";
        return "regression";
    }
    /** The Truth and both models' Scored; throws when the answers cannot be read as the problem type. */
    finish() {
        const given = this.decided !== undefined && this.why === undefined;
        const problemType = this.inferProblemType();
        const inferred = given ? undefined : `${problemType} (${this.why})`;
        const notes = [];
        if (problemType === "regression") {
            const scored = this.models.map((m, i) => {
                if (m.onlyProbabilities || m.numbers.view().some((x) => Number.isNaN(x))) {
                    throw new errors/* UserError */.yo(`${this.names[i]}'s run() answered ${m.onlyProbabilities ? "class probabilities" : "text labels"}, but the problem is regression`, { input: "problemType" }, "Set problemType: classification, or return one number per row");
                }
                return { predicted: m.numbers.view() };
            });
            return { truth: { problemType, values: this.truth.view() }, scored, inferred, notes };
        }
        const dict = this.dict;
        const keys = [...dict.keys()];
        // np.unique's order: numeric labels by value, text labels by code point.
        const allNumeric = keys.every((k) => NUMBER.test(k));
        const order = keys
            .map((k, code) => ({ k, code }))
            .sort((a, b) => (allNumeric ? Number(a.k) - Number(b.k) : a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
        const classes = order.map((o) => o.k);
        const remap = new Int32Array(keys.length);
        order.forEach((o, i) => {
            remap[o.code] = i;
        });
        const recode = (codes) => {
            const out = new Float64Array(codes.length);
            for (let i = 0; i < codes.length; i++)
                out[i] = remap[codes[i]];
            return out;
        };
        const truth = { problemType, values: recode(this.truthCodes.view()), classes };
        const scored = this.models.map((m, i) => {
            let probabilities = m.probabilities?.view();
            if (probabilities && m.width !== classes.length) {
                const why = `${this.names[i]} answered ${m.width} class probabilities per row, but the labels and answers hold ${classes.length} classes (${classes.slice(0, 10).join(", ")})`;
                if (m.onlyProbabilities) {
                    throw new errors/* UserError */.yo(why, { input: "scoringScript" }, "Return one probability per class, in sorted class order, or the predicted labels");
                }
                notes.push(`${why}: its probabilities are not used (roc_auc and log_loss need them).`);
                probabilities = undefined;
            }
            let predicted;
            if (m.onlyProbabilities && probabilities) {
                const k = classes.length;
                predicted = new Float64Array(this.truth.length);
                for (let r = 0; r < predicted.length; r++) {
                    let best = 0;
                    for (let c = 1; c < k; c++)
                        if (probabilities[r * k + c] > probabilities[r * k + best])
                            best = c;
                    predicted[r] = best;
                }
            }
            else
                predicted = recode(m.codes.view());
            return probabilities ? { predicted, probabilities } : { predicted };
        });
        return { truth, scored, inferred, notes };
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
// EXTERNAL MODULE: ./build/bundle/util/credential-env.js
var credential_env = __webpack_require__(8063);
;// CONCATENATED MODULE: ./build/bundle/evaluation/score-harness.js
/**
 * The Python side of compare-models' scoring: loads the user's score.py the way Azure ML does
 * (its folder first on sys.path and as the working directory, AZUREML_MODEL_DIR set by the
 * caller), calls init() once, then run(raw_data) once per request line read from stdin, and
 * answers one JSON line per request on the original stdout. The script's own prints go to
 * stderr, so they cannot corrupt the answers. Standard library only; shipped as a string so the
 * dist/ bundles need no extra files, and run with `python -c`.
 */
const SCORE_HARNESS_PY = `# mlops-action: scores evaluation rows through score.py (compare-models).
import importlib.util
import json
import math
import os
import sys
import traceback


def where(error, code_dir):
    # file:line: a syntax error's own position, else the innermost frame in the user's code.
    if isinstance(error, SyntaxError) and error.filename:
        return [error.filename, error.lineno]
    frames = traceback.extract_tb(error.__traceback__)
    mine = [f for f in frames if os.path.abspath(f.filename).startswith(os.path.abspath(code_dir) + os.sep)]
    frame = (mine or frames or [None])[-1]
    return [frame.filename, frame.lineno] if frame else None


def failure(stage, error, code_dir):
    traceback.print_exc()
    sys.stderr.flush()
    detail = error.msg if isinstance(error, SyntaxError) else str(error)
    return {"error": stage, "type": type(error).__name__, "message": detail, "where": where(error, code_dir)}


def encode(value):
    # numpy arrays and scalars answer tolist(); Azure's server encodes them too.
    def default(o):
        if hasattr(o, "tolist"):
            return o.tolist()
        raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)

    try:
        return json.dumps({"ok": value}, default=default, allow_nan=False)
    except ValueError:
        # NaN or infinity is not JSON: sent as null, which the caller reports with its row.
        return json.dumps({"ok": finite(json.loads(json.dumps(value, default=default)))}, allow_nan=False)


def finite(v):
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, list):
        return [finite(x) for x in v]
    if isinstance(v, dict):
        return {k: finite(x) for k, x in v.items()}
    return v


def main():
    script = os.path.abspath(sys.argv[1])
    code_dir = os.path.dirname(script)
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def answer(value):
        answers.write(value + "\\n")
        answers.flush()

    sys.path.insert(0, code_dir)
    os.chdir(code_dir)
    try:
        spec = importlib.util.spec_from_file_location("score", script)
        module = importlib.util.module_from_spec(spec)
        sys.modules["score"] = module
        spec.loader.exec_module(module)
        if not callable(getattr(module, "run", None)):
            raise AttributeError(os.path.basename(script) + " defines no run(raw_data) function")
        if callable(getattr(module, "init", None)):
            module.init()
    except BaseException as error:
        answer(json.dumps(failure("init", error, code_dir)))
        return 3
    answer(json.dumps({"ready": True}))
    for line in sys.stdin:
        try:
            result = module.run(line.rstrip("\\n"))
        except BaseException as error:
            answer(json.dumps(failure("run", error, code_dir)))
            continue
        try:
            answer(encode(result))
        except (TypeError, ValueError) as error:
            answer(json.dumps({"error": "encode", "type": type(error).__name__, "message": str(error), "where": None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;

;// CONCATENATED MODULE: ./build/bundle/evaluation/score-process.js
/**
 * One model's score.py in a child Python process (the harness in score-harness.ts): started with
 * AZUREML_MODEL_DIR at the model's files and no CI credentials, fed one request per line, one
 * answer per line back. Failures become one line naming the script's file:line and the fix.
 */






const DEFAULT_ANSWER_TIMEOUT_MS = 600_000;
const TAIL = 20;
class ScoreProcess {
    options;
    child;
    answers;
    waiting = [];
    queued = [];
    ended = false;
    exit;
    /** The last lines the script printed, for a crash's message. */
    tail = [];
    constructor(options) {
        this.options = options;
        const { python, script, modelDir } = options;
        this.child = (0,external_node_child_process_.spawn)(python, ["-c", SCORE_HARNESS_PY, script], {
            cwd: (0,external_node_path_.dirname)(script),
            // score.py is code from the repository (on a pull request, a stranger's): no CI credentials.
            env: (0,credential_env/* childEnvironment */.Qc)(process.env, {
                AZUREML_MODEL_DIR: modelDir,
                PYTHONUNBUFFERED: "1",
                PYTHONIOENCODING: "utf-8",
            }),
            stdio: ["pipe", "pipe", "pipe"],
        });
        this.child.on("error", (error) => {
            this.exit = error.message;
            this.finish();
        });
        this.child.on("exit", (code, signal) => {
            this.exit = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        });
        // A child that died mid-request must not fail with EPIPE: its exit is reported instead.
        this.child.stdin.on("error", () => { });
        this.answers = (0,external_node_readline_.createInterface)({ input: this.child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
        this.answers.on("line", (line) => {
            const w = this.waiting.shift();
            if (w)
                w(line);
            else
                this.queued.push(line);
        });
        this.answers.on("close", () => this.finish());
        (0,external_node_readline_.createInterface)({ input: this.child.stderr, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
            this.tail.push(line);
            if (this.tail.length > TAIL)
                this.tail.shift();
            options.onOutput?.(line);
        });
    }
    finish() {
        this.ended = true;
        for (const w of this.waiting.splice(0))
            w(undefined);
    }
    next() {
        const line = this.queued.shift();
        if (line !== undefined)
            return Promise.resolve(line);
        if (this.ended)
            return Promise.resolve(undefined);
        return new Promise((resolve) => this.waiting.push(resolve));
    }
    /** Starts the script and waits for init() to return. */
    static async start(options) {
        const p = new ScoreProcess(options);
        const answer = await p.read("init");
        if (!("ready" in answer))
            throw p.failed(answer, "");
        return p;
    }
    /** Sends one request body to run(); resolves with what run() returned. */
    async score(body, rows) {
        this.child.stdin.write(`${body}\n`);
        const answer = await this.read(rows);
        if ("ok" in answer)
            return answer.ok;
        throw this.failed(answer, rows);
    }
    /** The next answer line, unless the timeout or a cancel comes first (the process is then killed). */
    async nextWithin(during) {
        const limit = (during === "init" ? this.options.initTimeoutMs : this.options.answerTimeoutMs) ?? DEFAULT_ANSWER_TIMEOUT_MS;
        const signal = this.options.signal;
        let timer;
        let onAbort;
        const stop = new Promise((_, reject) => {
            timer = setTimeout(() => {
                this.child.kill("SIGKILL");
                reject(new errors/* UserError */.yo(`${during === "init" ? "init()" : "run()"} for ${this.options.label} gave no answer within ${limit < 1000 ? `${limit} ms` : `${Math.round(limit / 1000)} s`}${during === "init" ? "" : ` on ${during}`}`, { input: "scoringScript", file: this.options.script }, "Check that the script does not wait for input or a network resource; large batches of rows need a faster run()"));
            }, limit);
            onAbort = () => {
                this.child.kill("SIGKILL");
                reject(signal?.reason ?? new Error("cancelled"));
            };
            if (signal?.aborted)
                onAbort();
            else
                signal?.addEventListener("abort", onAbort, { once: true });
        });
        try {
            return await Promise.race([this.next(), stop]);
        }
        finally {
            clearTimeout(timer);
            if (onAbort)
                signal?.removeEventListener("abort", onAbort);
        }
    }
    async read(during) {
        const line = await this.nextWithin(during);
        if (line === undefined) {
            // Wait for the exit status, so the message says how it ended.
            await new Promise((r) => this.child.exitCode !== null || this.exit ? r() : this.child.once("exit", () => r()));
            const last = this.tail
                .filter((l) => l.trim())
                .at(-1)
                ?.trim();
            throw new errors/* UserError */.yo(`the scoring process for ${this.options.label} ${this.exit ?? "stopped"} ${during === "init" ? "while loading" : `on ${during}`}${last ? `: ${last.slice(0, 300)}` : ""}`, { input: "scoringScript", file: this.options.script }, "Run score.py locally with the same model files to see why it stops");
        }
        try {
            return JSON.parse(line);
        }
        catch {
            throw new Error(`scoring harness answered a line that is not JSON: ${line.slice(0, 200)}`);
        }
    }
    failed(f, rows) {
        const [file, line] = f.where ?? [this.options.script, undefined];
        const what = `${f.type}: ${f.message}`.slice(0, 500);
        if (f.error === "init") {
            const syntax = f.type === "SyntaxError" || f.type === "IndentationError";
            return new errors/* UserError */.yo(`loading the scoring script for ${this.options.label} failed: ${what}`, { input: "scoringScript", file, line: line ?? undefined }, syntax
                ? "Fix the syntax error"
                : `Make init() load the model from AZUREML_MODEL_DIR (here ${this.options.modelDir})`);
        }
        if (f.error === "encode") {
            return new errors/* UserError */.yo(`run() for ${this.options.label} returned a value JSON cannot encode on ${rows} (${what})`, { input: "scoringScript", file: this.options.script }, "Return lists, numbers and strings (numpy arrays via .tolist())");
        }
        return new errors/* UserError */.yo(`run() raised for ${this.options.label} on ${rows}: ${what}`, { input: "scoringScript", file, line: line ?? undefined }, "Make run(raw_data) accept the request format sent (see requestFormat)");
    }
    /** Ends the process: stdin closed (the harness then exits), killed if it lingers. */
    async close() {
        if (this.child.exitCode !== null || this.child.signalCode !== null)
            return;
        const exited = new Promise((r) => this.child.once("exit", () => r()));
        this.child.stdin.end();
        const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ./build/bundle/evaluation/score-rows.js
/**
 * Scores the evaluation data through score.py for each model (the champion and the candidate),
 * in one streaming pass: each batch of rows is read once, sent to every model's process at the
 * same time, and only the labels and answers are kept.
 */








const DEFAULT_BATCH_ROWS = 1000;
/** Starts every model's process; when one fails to start, the others are stopped. */
async function startAll(options) {
    const { models, script, log } = options;
    const python = await (0,util_python/* resolvePython */.L)();
    const started = await Promise.allSettled(models.map((m) => ScoreProcess.start({
        python,
        script,
        modelDir: m.dir,
        label: m.label,
        onOutput: (line) => log.debug(`[${m.label}] ${line}`),
        answerTimeoutMs: options.answerTimeoutMs,
        signal: options.signal,
    })));
    const failed = started.find((s) => s.status === "rejected");
    if (failed) {
        await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.close() : undefined)));
        throw failed.reason;
    }
    return started.map((s) => s.value);
}
async function scoreRows(options) {
    const { log, labelColumn } = options;
    const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
    const batches = (0,evaluation_data/* readRowBatches */.X)(options.files, { batchSize: batchRows, input: "evaluationData" });
    // The first batch settles the columns before any Python starts: a wrong labelColumn fails fast.
    const first = await batches.next();
    if (first.done)
        throw new errors/* UserError */.yo("holds no rows", { input: "evaluationData" }, "Give evaluation rows");
    const columns = first.value.columns;
    const labelAt = columns.indexOf(labelColumn);
    if (labelAt < 0) {
        throw new errors/* UserError */.yo(`column '${labelColumn}' is not in ${options.dataLabel}`, { input: "labelColumn" }, (0,suggest/* suggestion */.h)(labelColumn, columns, "one of its columns"));
    }
    if (columns.length < 2) {
        throw new errors/* UserError */.yo(`${options.dataLabel} has no column besides the label '${labelColumn}'`, { input: "evaluationData" }, "Give the features the model takes beside the label column");
    }
    const features = columns.filter((_, i) => i !== labelAt);
    log.info(`Scoring ${options.dataLabel} through ${options.script} (${options.requestFormat} requests of up to ${batchRows} rows; label '${labelColumn}', ${features.length} feature column(s)) for ${options.models.map((m) => m.label).join(" and ")}`);
    const outcomes = new Outcomes(options.problemType, labelColumn, options.models.map((m) => m.label));
    const processes = await startAll(options);
    try {
        const score = async (batch) => {
            const labels = new Array(batch.rows.length);
            const rows = batch.rows.map((r, i) => {
                labels[i] = r[labelAt];
                return r.filter((_, j) => j !== labelAt);
            });
            outcomes.addTruth(labels, (i) => `row ${batch.firstRow + i} (${batch.file})`);
            const body = (0,requests/* requestBody */.IO)(options.requestFormat, features, rows);
            const span = `rows ${batch.firstRow}–${batch.firstRow + rows.length - 1} of ${options.dataLabel}`;
            const results = await Promise.all(processes.map((p) => p.score(body, span)));
            results.forEach((result, m) => {
                const answer = parseAnswer(result, rows.length, {
                    label: options.models[m].label,
                    script: options.script,
                    rows: span,
                });
                outcomes.addAnswer(m, answer);
            });
        };
        await score(first.value);
        for await (const batch of batches)
            await score(batch);
    }
    finally {
        await batches.return(undefined);
        await Promise.all(processes.map((p) => p.close()));
    }
    const gathered = outcomes.finish();
    log.info(`Scored ${outcomes.rows} row(s) for each model.`);
    return { ...gathered, rows: outcomes.rows, features };
}

// EXTERNAL MODULE: ./build/bundle/tasks/data-input.js
var data_input = __webpack_require__(1891);
;// CONCATENATED MODULE: ./build/bundle/tasks/compare/evaluate.js
/**
 * compare-models on evidence: champion and candidate scored on the same evaluation rows through
 * the score.py that will serve them, metrics computed here from the answers, and the decision
 * taken on paired bootstrap intervals of candidate − champion.
 */












const EVALUATION_INPUTS = ["labelColumn", "scoringScript", "requestFormat", "problemType"];
/** Reads and checks the evaluation inputs; undefined when evaluationData is not given. */
async function evaluationSettings(ctx, specs) {
    const { inputs } = ctx;
    const data = inputs.string("evaluationData");
    if (!data) {
        // These only mean something with evaluationData: silently ignoring them would hide a typo'd setup.
        for (const name of EVALUATION_INPUTS) {
            if (inputs.string(name) && !(name === "requestFormat" && inputs.string(name) === "rows")) {
                throw new errors/* UserError */.yo("is set but evaluationData is not", { input: name }, "Set evaluationData to the rows to score both models on, or remove this input");
            }
        }
        return undefined;
    }
    const labelColumn = inputs.string("labelColumn");
    if (!labelColumn) {
        throw new errors/* UserError */.yo("is required with evaluationData", { input: "labelColumn" }, "Name the column of evaluationData that holds the true values, such as target");
    }
    const scriptInput = inputs.string("scoringScript");
    if (!scriptInput) {
        throw new errors/* UserError */.yo("is required with evaluationData", { input: "scoringScript" }, "Give the score.py (init() and run(raw_data)) that serves the model");
    }
    const script = (0,external_node_path_.resolve)(ctx.cwd, scriptInput);
    const info = await (0,promises_.stat)(script).catch(() => undefined);
    if (!info?.isFile()) {
        throw new errors/* UserError */.yo(info ? `'${scriptInput}' is a folder` : `'${scriptInput}' does not exist`, { input: "scoringScript" }, "Give the path of the score.py file, relative to the working directory");
    }
    const requestFormat = inputs.choice("requestFormat") ?? "rows";
    if (!requests/* REQUEST_FORMAT_NAMES */.RV.includes(requestFormat)) {
        throw new errors/* UserError */.yo(`'${requestFormat}' is not a request format`, { input: "requestFormat" }, `Use one of: ${requests/* REQUEST_FORMAT_NAMES */.RV.join(", ")}`);
    }
    const problemType = inputs.choice("problemType") ?? problemTypeOf(specs);
    const confidence = inputs.number("confidence") ?? 0.95;
    if (!(confidence >= 0.5 && confidence < 1)) {
        throw new errors/* UserError */.yo(`${confidence} is not a confidence level`, { input: "confidence" }, "Give a number from 0.5 up to (not including) 1, such as 0.95");
    }
    const samples = inputs.number("samples") ?? 1000;
    if (!Number.isInteger(samples) || samples < 100 || samples > 100_000) {
        throw new errors/* UserError */.yo(`${samples} is not a whole number of bootstrap samples from 100 to 100000`, { input: "samples" }, "Use 1000 (the default), or more for steadier intervals");
    }
    checkMetricNames(specs, problemType);
    return {
        data,
        labelColumn,
        script,
        requestFormat,
        problemType,
        problemTypeFrom: inputs.string("problemType") ? undefined : "the declared metrics",
        confidence,
        samples,
    };
}
/**
 * Without problemType, the declared metrics say what the user means to measure (every metric
 * belongs to one problem type); the label column is then checked against it as the rows stream.
 */
function problemTypeOf(specs) {
    const regression = specs.filter((s) => REGRESSION_METRICS.includes(s.name)).map((s) => s.name);
    const classification = specs.filter((s) => CLASSIFICATION_METRICS.includes(s.name)).map((s) => s.name);
    if (regression.length && classification.length) {
        throw new errors/* UserError */.yo(`mixes regression metrics (${regression.join(", ")}) and classification metrics (${classification.join(", ")})`, { input: "metrics" }, "Declare the metrics of one problem type, or set problemType");
    }
    return regression.length ? "regression" : classification.length ? "classification" : undefined;
}
/** The declared metrics must be ones computed here (for the problem type, when known). */
function checkMetricNames(specs, problemType) {
    const valid = problemType === "regression"
        ? REGRESSION_METRICS
        : problemType === "classification"
            ? CLASSIFICATION_METRICS
            : [...REGRESSION_METRICS, ...CLASSIFICATION_METRICS];
    for (const s of specs) {
        if (!valid.includes(s.name)) {
            const near = (0,suggest/* suggestion */.h)(s.name, valid, "one of");
            throw new errors/* UserError */.yo(`metric '${s.name}' is not one compare-models computes from predictions${problemType ? ` for ${problemType}` : ""}`, { input: "metrics" }, `${near.startsWith("Did") ? `${near} ` : ""}Metrics with evaluationData: ${valid.join(", ")}`);
        }
    }
}
/** Scores both models (or the candidate alone) and decides on the declared metrics. */
async function evaluateOnData(ctx, settings, specs, candidate, champion) {
    const { log, workspace } = ctx;
    const data = await (0,data_input/* resolveDataInput */.t0)(ctx, settings.data, "evaluationData");
    const temp = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "mlops-compare-"));
    try {
        const models = [];
        const dir = async (files, sub) => workspace.models.download(files, (0,external_node_path_.join)(temp, sub), log);
        if (champion)
            models.push({ label: `champion ${(0,model_ref/* formatModelRef */.Q5)(champion)}`, dir: await dir(champion, "champion") });
        const candidateFiles = candidate.model ?? {
            name: candidate.modelName,
            version: candidate.label,
            uri: candidate.source ?? "",
        };
        models.push({ label: `candidate ${candidate.label}`, dir: await dir(candidateFiles, "candidate") });
        if (settings.problemType && settings.problemTypeFrom)
            log.info(`problemType not given: ${settings.problemType}, from ${settings.problemTypeFrom} (${specs.map((s) => s.name).join(", ")}); label '${settings.labelColumn}' is checked against it.`);
        const scored = await log.group(`Score ${data.label} through ${settings.script}`, () => scoreRows({
            files: data.files,
            dataLabel: data.label,
            labelColumn: settings.labelColumn,
            script: settings.script,
            requestFormat: settings.requestFormat,
            problemType: settings.problemType,
            models,
            batchRows: settings.batchRows,
            signal: ctx.signal,
            log,
        }));
        if (scored.inferred)
            log.info(`problemType not given: inferred ${scored.inferred}.`);
        for (const note of scored.notes)
            log.warning(note);
        const names = specs.map((s) => s.name);
        checkAvailable(scored, names);
        const base = {
            data: data.label,
            problemType: scored.truth.problemType,
            rows: scored.rows,
            confidence: settings.confidence,
            samples: settings.samples,
        };
        if (!champion)
            return { ...base, candidateOnly: computeMetrics(scored.truth, scored.scored[0], names) };
        const results = pairedBootstrap(scored.truth, scored.scored[0], scored.scored[1], names, {
            samples: settings.samples,
            confidence: settings.confidence,
        });
        const decision = decidePaired(specs.map((s) => ({ name: s.name, direction: s.direction, minDelta: s.minDelta })), results);
        return { ...base, paired: { results, decision } };
    }
    finally {
        await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
}
function checkAvailable(scored, names) {
    const available = scored.scored
        .map((s) => availableMetrics(scored.truth, s))
        .reduce((a, b) => a.filter((m) => b.includes(m)));
    for (const name of names) {
        if (!available.includes(name)) {
            const needsProbabilities = name === "roc_auc" || name === "log_loss";
            throw new errors/* UserError */.yo(needsProbabilities && scored.truth.problemType === "classification"
                ? `metric '${name}' needs class probabilities, and run() did not answer them for every model`
                : `metric '${name}' is not a ${scored.truth.problemType} metric`, { input: "metrics" }, needsProbabilities && scored.truth.problemType === "classification"
                ? `Return {"predictions": [...], "probabilities": [[...]]} from run(), or use: ${available.join(", ")}`
                : `Use one of: ${available.join(", ")}${scored.inferred ? ` (problemType was inferred as ${scored.truth.problemType}; set problemType to change it)` : ""}`);
        }
    }
}
/** The decision compare-models reports and outputs, from the evaluation. */
function evaluatedDecision(outcome, specs) {
    if (!outcome.paired) {
        const values = outcome.candidateOnly ?? {};
        return {
            better: true,
            decision: "promote",
            reason: "there is no champion yet",
            metrics: specs.map((spec) => ({ spec, candidate: values[spec.name], verdict: "no-baseline", passes: true })),
        };
    }
    const { results, decision } = outcome.paired;
    return {
        better: decision.better,
        decision: decision.better ? "promote" : "keep-champion",
        reason: decision.reason,
        metrics: specs.map((spec) => {
            const r = results.find((x) => x.metric === spec.name);
            const v = decision.metrics.find((m) => m.metric === spec.name)?.verdict ?? "inconclusive";
            return {
                spec,
                champion: r.champion,
                candidate: r.candidate,
                change: r.delta,
                verdict: v === "inconclusive" ? "not-enough" : v,
                passes: v === "better",
            };
        }),
    };
}
/** The `evaluation` output: per metric the point values, the interval, the p-value and the rows. */
function evaluationJson(outcome, specs) {
    const metrics = {};
    for (const spec of specs) {
        const r = outcome.paired?.results.find((x) => x.metric === spec.name);
        const verdict = outcome.paired?.decision.metrics.find((m) => m.metric === spec.name)?.verdict;
        metrics[spec.name] = r
            ? {
                champion: finite(r.champion),
                candidate: finite(r.candidate),
                delta: finite(r.delta),
                ciLow: finite(r.ciLow),
                ciHigh: finite(r.ciHigh),
                pValue: finite(r.pValue),
                rows: r.rows,
                verdict,
            }
            : {
                champion: null,
                candidate: finite(outcome.candidateOnly?.[spec.name]),
                delta: null,
                ciLow: null,
                ciHigh: null,
                pValue: null,
                rows: outcome.rows,
                verdict: "no-champion",
            };
    }
    return {
        data: outcome.data,
        problemType: outcome.problemType,
        rows: outcome.rows,
        confidence: outcome.confidence,
        samples: outcome.samples,
        metrics,
    };
}
/** JSON has no NaN: an undefined metric is null. */
function finite(x) {
    return x !== undefined && Number.isFinite(x) ? x : null;
}
/** What the report shows of the evaluation. */
function evaluationView(outcome, specs) {
    return {
        data: outcome.data,
        problemType: outcome.problemType,
        rows: outcome.rows,
        confidence: outcome.confidence,
        samples: outcome.samples,
        metrics: specs.map((spec) => {
            const r = outcome.paired?.results.find((x) => x.metric === spec.name);
            const verdict = outcome.paired?.decision.metrics.find((m) => m.metric === spec.name);
            return {
                metric: spec.name,
                goal: spec.direction,
                minDelta: spec.minDelta,
                champion: r?.champion,
                candidate: r ? r.candidate : (outcome.candidateOnly?.[spec.name] ?? Number.NaN),
                delta: r?.delta,
                ciLow: r?.ciLow,
                ciHigh: r?.ciHigh,
                pValue: r?.pValue,
                verdict: verdict?.verdict ?? "no-champion",
            };
        }),
    };
}
/**
 * Without evaluationData the two sets of numbers were measured by different runs, maybe on
 * different data: said plainly, with the data versions when the lineage tags name them.
 */
function recordedMetricsNote(champion, candidate, dataVersion) {
    const championData = champion.tags.data;
    const candidateData = dataVersion ?? candidate.model?.tags.data;
    const from = championData || candidateData
        ? ` (champion \`${(0,model_ref/* formatModelRef */.Q5)(champion)}\`: data ${championData ? `\`${championData}\`` : "not recorded"}; candidate \`${candidate.label}\`: data ${candidateData ? `\`${candidateData}\`` : "not recorded"}${championData && candidateData && championData !== candidateData ? " — different data" : ""})`
        : " (no `data` lineage tag says on which data)";
    return `These are the metrics recorded by different runs${from}: they may not be comparable. Give \`evaluationData\`, \`labelColumn\` and \`scoringScript\` to score both models on the same rows.`;
}

;// CONCATENATED MODULE: ./build/bundle/tasks/compare/metrics.js


const METRIC_NAME = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/;
/** Parses `name:higher|lower[:min_delta]` items separated by commas or new lines, strictly. */
function parseMetricSpecs(text, input = "metrics") {
    const specs = [];
    const fix = "Write name:higher or name:lower, optionally :min_delta, comma separated, such as r2:higher:0.01,rmse:lower";
    let offset = 0;
    for (const piece of text.split(/(,|\r?\n)/)) {
        const at = offset;
        offset += piece.length;
        if (piece === "," || /^\r?\n$/.test(piece))
            continue;
        const item = piece.trim();
        if (item === "")
            continue;
        const column = at + piece.indexOf(item) + 1;
        const bad = (why) => new errors/* UserError */.yo(`item '${item}' (column ${column}) ${why}`, { input, column }, fix);
        const parts = item.split(":").map((p) => p.trim());
        if (parts.length < 2 || parts.length > 3)
            throw bad("is not name:direction[:min_delta]");
        const [name, direction, delta] = parts;
        if (!METRIC_NAME.test(name))
            throw bad(`has an invalid metric name '${name}'`);
        if (!Object.hasOwn(DIRECTIONS, direction))
            throw bad(`has direction '${direction}'; use higher or lower`);
        let minDelta = 0;
        if (delta !== undefined) {
            minDelta = /^\d+(\.\d+)?([eE][+-]?\d+)?$|^\.\d+$/.test(delta) ? Number(delta) : Number.NaN;
            if (!Number.isFinite(minDelta))
                throw bad(`has min_delta '${delta}', which is not a number >= 0`);
        }
        if (specs.some((s) => s.name === name))
            throw bad(`repeats metric '${name}'`);
        specs.push({ name, direction: direction, minDelta });
    }
    if (specs.length === 0)
        throw new errors/* UserError */.yo("names no metric", { input }, fix);
    return specs;
}

// EXTERNAL MODULE: ./build/bundle/tasks/fork-guard.js
var fork_guard = __webpack_require__(5730);
;// CONCATENATED MODULE: ./build/bundle/tasks/compare-models.js












async function run(ctx) {
    const { inputs, workspace } = ctx;
    // Inputs first, strictly, before anything is read or written.
    const specs = parseMetricSpecs(inputs.requiredString("metrics"));
    const candidateText = inputs.requiredString("candidate");
    const register = inputs.boolean("register");
    const dataVersion = inputs.string("dataVersion");
    const modelName = inputs.string("modelName");
    if (modelName)
        (0,names/* checkName */.I3)("model", modelName, "modelName");
    const registryValue = inputs.string("registry");
    const evaluation = await evaluationSettings(ctx, specs);
    const candidate = await resolveCandidate(workspace, candidateText, {
        modelName,
        jobOutput: inputs.string("jobOutput") || "model",
    });
    // Scored on evaluationData, the candidate's recorded metrics play no part.
    if (!evaluation)
        checkCandidateMetrics(candidate, specs);
    const champion = await resolveChampion(workspace, inputs.string("champion"), candidate.modelName);
    if (champion && champion.name !== candidate.modelName) {
        throw new errors/* UserError */.yo(`champion ${(0,model_ref/* formatModelRef */.Q5)(champion)} is a different model from ${candidate.modelName}`, { input: "champion" }, "Compare versions of the same model");
    }
    // Opened before the slow part (scoring), so a registry that cannot be opened fails at once.
    const registry = register && registryValue ? await openRegistry(ctx, registryValue) : undefined;
    try {
        return await compareAndRecord(ctx, { specs, candidate, champion, evaluation, register, dataVersion, registry });
    }
    finally {
        await registry?.close();
    }
}
async function compareAndRecord(ctx, c) {
    const { inputs, workspace, log } = ctx;
    const { specs, candidate, champion, evaluation, register, dataVersion, registry } = c;
    log.info(`Candidate ${candidate.label} (${evaluation ? `to be scored on ${evaluation.data}` : `metrics from ${candidate.metricsFrom}`}); champion ${champion ? (0,model_ref/* formatModelRef */.Q5)(champion) : "none"}`);
    const sameModel = !!(champion && candidate.model && champion.version === candidate.model.version);
    const notes = [];
    let evaluated;
    if (evaluation && !sameModel)
        evaluated = await evaluateOnData(ctx, evaluation, specs, candidate, champion);
    const decision = evaluated
        ? evaluatedDecision(evaluated, specs)
        : sameModel && champion
            ? {
                ...decide(specs, champion.metrics, candidate.metrics),
                better: false,
                decision: "keep-champion",
                reason: "the champion itself",
            }
            : decide(specs, champion?.metrics, candidate.metrics);
    if (!evaluated) {
        for (const m of decision.metrics) {
            if (m.verdict === "no-baseline" && champion)
                notes.push(`Champion ${(0,model_ref/* formatModelRef */.Q5)(champion)} has no \`${m.spec.name}\`: that metric cannot hold the candidate back.`);
        }
        if (champion && !sameModel)
            notes.push(recordedMetricsNote(champion, candidate, dataVersion));
    }
    let registered = candidate.model;
    let published;
    if (register) {
        if (workspace.capabilities.sharedWrites)
            (0,fork_guard/* refuseForkWrites */.Z)(ctx, `register model '${candidate.modelName}'`);
        await repairChampionTags(workspace, log, candidate.modelName, notes);
        registered = await log.group("Register the candidate", () => registerCandidate(ctx, candidate, dataVersion, notes));
        if (decision.better) {
            await moveChampionTag(ctx, workspace, registered, notes);
        }
        // The workspace's champion goes to the registry: a winner, or a candidate that already is the
        // champion (a re-run finishing a publish that an interrupted run did not get to).
        if (registry && (decision.better || registered.tags.champion === "true")) {
            const winner = registered;
            published = await log.group(`Publish to registry ${registry.name}`, () => publishChampion(ctx, registry, winner, notes));
        }
        else if (registry) {
            notes.push(`The candidate did not win: nothing was published to registry \`${registry.name}\`.`);
        }
    }
    else {
        if (decision.better && candidate.job) {
            notes.push("`register` is false: the candidate was not registered, and the champion tag stays where it is.");
        }
        else if (decision.better) {
            notes.push("`register` is false: the champion tag stays where it is.");
        }
        if (inputs.string("registry"))
            notes.push("`register` is false: nothing was published to the registry.");
    }
    const report = renderComparison({
        modelName: candidate.modelName,
        candidate: registered && candidate.job ? `${(0,model_ref/* formatModelRef */.Q5)(registered)}` : candidate.label,
        champion: champion ? (0,model_ref/* formatModelRef */.Q5)(champion) : undefined,
        better: decision.better,
        decision: decision.decision,
        reason: decision.reason,
        evaluation: evaluated ? evaluationView(evaluated, specs) : undefined,
        rows: decision.metrics.map((m) => ({
            metric: m.spec.name,
            goal: DIRECTIONS[m.spec.direction].goal,
            minDelta: m.spec.minDelta,
            champion: m.champion,
            candidate: m.candidate,
            change: m.change,
            verdict: m.verdict,
        })),
        notes,
    });
    log.info(`Decision: ${decision.decision} (${decision.reason})`);
    return {
        outputs: {
            better: String(decision.better),
            decision: decision.decision,
            report,
            champion: champion ? (0,model_ref/* formatModelRef */.Q5)(champion) : "",
            candidateVersion: registered ? (0,model_ref/* formatModelRef */.Q5)(registered) : "",
            registryModel: published ? (published.assetId ?? (0,model_ref/* formatModelRef */.Q5)(published)) : "",
            evaluation: evaluated ? JSON.stringify(evaluationJson(evaluated, specs)) : "",
        },
        summary: report,
        comment: inputs.boolean("comment") ? report : undefined,
    };
}
/** Registers a job's model with lineage tags; a registered candidate (or an earlier run's) is reused. */
async function registerCandidate(ctx, candidate, dataVersion, notes) {
    const { workspace, log } = ctx;
    if (candidate.model) {
        log.info(`${(0,model_ref/* formatModelRef */.Q5)(candidate.model)} is already registered.`);
        return candidate.model;
    }
    const job = candidate.job;
    if (!job || !candidate.source)
        throw new Error("a job candidate without a model output");
    // A re-run on the same job must not register the same model twice.
    const earlier = (await workspace.models.list(candidate.modelName)).find((m) => m.tags.job === job.name);
    if (earlier) {
        log.info(`Job ${job.name}'s model is already registered as ${(0,model_ref/* formatModelRef */.Q5)(earlier)}.`);
        notes.push(`Already registered as \`${(0,model_ref/* formatModelRef */.Q5)(earlier)}\` from job \`${job.name}\`.`);
        return earlier;
    }
    const tags = { job: job.name };
    if (dataVersion)
        tags.data = dataVersion;
    if (ctx.run.commit)
        tags.commit = ctx.run.commit;
    if (ctx.run.runUrl)
        tags.runUrl = ctx.run.runUrl;
    const model = await workspace.models.register({
        name: candidate.modelName,
        source: candidate.source,
        description: `Model output of job ${job.name}`,
        tags,
        metrics: candidate.metrics,
    }, log);
    const lineage = Object.entries(tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ");
    notes.push(`Registered \`${(0,model_ref/* formatModelRef */.Q5)(model)}\` (${lineage}).`);
    return model;
}
/**
 * Tags the winner champion first, then untags the others, so there is never a moment with none
 * (in the workspace, or in a registry).
 */
async function moveChampionTag(ctx, place, winner, notes) {
    const { models, where } = place;
    await models.setTags(winner.name, winner.version, { champion: "true" });
    (0,crash_point/* crashPoint */.u)(where ? "registry.champion-tagged" : "champion.tagged");
    const previous = (await models.list(winner.name)).filter((m) => m.tags.champion === "true" && m.version !== winner.version);
    for (const m of previous)
        await models.setTags(m.name, m.version, { champion: null });
    const from = previous.map((m) => `\`${(0,model_ref/* formatModelRef */.Q5)(m)}\``).join(", ");
    const there = where ? ` in ${where}` : "";
    if (previous.length > 0 || !where) {
        notes.push(`Champion tag moved to \`${(0,model_ref/* formatModelRef */.Q5)(winner)}\`${there}${from ? ` from ${from}` : ""}.`);
    }
    ctx.log.info(`${(0,model_ref/* formatModelRef */.Q5)(winner)} is now the champion${there}.`);
}
/** Lineage a registry version carries from the workspace version it was published from. */
const LINEAGE_TAGS = ["job", "data", "commit", "runUrl"];
/**
 * Publishes the workspace's champion to the registry with its lineage, then moves the champion
 * tag there. Publishing is idempotent (same files → the version already there), so a re-run after
 * an interruption finishes the move without a second version.
 */
async function publishChampion(ctx, registry, winner, notes) {
    const tags = { sourceWorkspace: ctx.workspace.description, sourceModel: (0,model_ref/* formatModelRef */.Q5)(winner) };
    for (const k of LINEAGE_TAGS)
        if (winner.tags[k] !== undefined)
            tags[k] = winner.tags[k];
    const place = { models: registry.models, where: `registry ${registry.name}` };
    await repairChampionTags(place, ctx.log, winner.name, notes);
    // Asked before publishing: a backend may copy the workspace's own tags (champion included).
    const champions = (await registry.models.list(winner.name)).filter((m) => m.tags.champion === "true");
    const published = await registry.publish(winner, tags, ctx.log);
    (0,crash_point/* crashPoint */.u)("registry.published");
    const wasChampion = champions.some((m) => m.version === published.version);
    await moveChampionTag(ctx, place, published, notes);
    const lineage = Object.entries(tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ");
    const ref = published.assetId ?? (0,model_ref/* formatModelRef */.Q5)(published);
    notes.push(wasChampion
        ? `\`${(0,model_ref/* formatModelRef */.Q5)(winner)}\` is already the champion in registry \`${registry.name}\` as \`${ref}\`.`
        : `Published \`${(0,model_ref/* formatModelRef */.Q5)(winner)}\` to registry \`${registry.name}\` as \`${ref}\`, tagged champion there (${lineage}).`);
    return published;
}
/** Opens the registry input's registry; a host that cannot open one says so. */
async function openRegistry(ctx, value) {
    if (!ctx.openRegistry) {
        throw new errors/* UserError */.yo("registries cannot be opened from here", { input: "registry" }, "Leave registry empty");
    }
    return ctx.openRegistry(value);
}


/***/ }),

/***/ 1891:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a_: () => (/* binding */ isDatasetRef),
/* harmony export */   b2: () => (/* binding */ registeredDataset),
/* harmony export */   t0: () => (/* binding */ resolveDataInput)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _data_dataset_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8256);
/* harmony import */ var _data_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(140);
/* harmony import */ var _data_source_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2881);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1746);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8613);
/* harmony import */ var _references_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3743);
/**
 * Rows a task reads as an input (compare-models' and deploy-endpoint's evaluationData): a local
 * file or folder, else a registered dataset (`name@3`, `name@latest`, `name:3`) read where it lies.
 * One resolver, so both tasks accept the same values.
 */








const DATASET_REF = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,254})(?:@(\d+|latest)|:(\d+|latest))$/;
/**
 * The dataset version a reference (`name@3`, `name@latest`, `name:3`) names, else a UserError on
 * `input` listing the versions there are; `other` says what else the input takes.
 */
async function registeredDataset(ctx, value, input, other) {
    const m = DATASET_REF.exec(value);
    if (!m) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`'${value}' is neither an existing path nor a dataset reference`, { input }, `${other}, or a registered dataset (name@version)`);
    }
    const name = m[1];
    const version = m[2] ?? m[3];
    (0,_names_js__WEBPACK_IMPORTED_MODULE_6__/* .checkName */ .I3)("data asset", name, input);
    const store = ctx.workspace.datasets;
    const ds = await store.get(name, version);
    if (!ds) {
        const versions = (await store.list(name)).map((d) => d.version);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(versions.length === 0
            ? `'${value}' is neither a file nor a dataset in the workspace`
            : `dataset '${name}' has no version ${version}`, { input }, versions.length === 0
            ? `${other}, or register the data with register-dataset`
            : `Use one of: ${versions.join(", ")}, latest`);
    }
    return ds;
}
/** Whether a value has the shape of a dataset reference (`name@3`, `name@latest`, `name:3`). */
const isDatasetRef = (value) => DATASET_REF.test(value);
/** A path that exists, else a dataset reference (`name@3`, `name@latest`, `name:3`) read where it lies. */
async function resolveDataInput(ctx, value, input) {
    if ((0,_references_js__WEBPACK_IMPORTED_MODULE_7__/* .looksLikeUri */ .aB)(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo("is a URL; give a local file or folder, or a registered dataset (name@version)", { input }, "Register the data with register-dataset and give name@version");
    }
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(value) ? value : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(ctx.cwd, value);
    const exists = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).then(() => true, () => false);
    if (exists || !DATASET_REF.test(value)) {
        const files = await Promise.all((await (0,_data_read_js__WEBPACK_IMPORTED_MODULE_3__/* .dataFiles */ .qy)(path, input)).map(_data_source_js__WEBPACK_IMPORTED_MODULE_4__/* .statLocalFile */ .Cg));
        return { files, label: value };
    }
    const ds = await registeredDataset(ctx, value, input, "Give a CSV, JSON Lines or Parquet file or folder");
    const store = ctx.workspace.datasets;
    const label = `${ds.name}@${ds.version}`;
    if (store.openFiles) {
        const entries = (await store.openFiles(ds, ctx.log)).map((f) => ({
            rel: f.path,
            file: {
                path: f.local ?? `${label}/${f.path}`,
                size: f.size,
                local: f.local,
                open: (s, e) => f.open(s, e),
            },
        }));
        return { files: await (0,_data_dataset_files_js__WEBPACK_IMPORTED_MODULE_2__/* .selectDatasetFiles */ .c)(entries, label, input), label };
    }
    const local = await store.localPath(ds, ctx.log);
    return { files: await Promise.all((await (0,_data_read_js__WEBPACK_IMPORTED_MODULE_3__/* .dataFiles */ .qy)(local, input)).map(_data_source_js__WEBPACK_IMPORTED_MODULE_4__/* .statLocalFile */ .Cg)), label };
}


/***/ }),

/***/ 4045:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ resolveModel),
/* harmony export */   Dq: () => (/* binding */ parseModelInput),
/* harmony export */   Q5: () => (/* binding */ formatModelRef),
/* harmony export */   qV: () => (/* binding */ parseModelRef),
/* harmony export */   uC: () => (/* binding */ resolveModelInput)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1746);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8613);


const VERSION = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
function formatModelRef(ref) {
    return ref.version === "latest" || ref.version === "champion"
        ? `${ref.name}@${ref.version}`
        : `${ref.name}:${ref.version}`;
}
/** Parses a model reference; `azureml:` prefixes (as Azure ML YAML writes them) are accepted. */
function parseModelRef(text, input) {
    const raw = text.trim().replace(/^azureml:/, "");
    const at = raw.lastIndexOf("@");
    const colon = raw.lastIndexOf(":");
    const cut = at >= 0 ? at : colon;
    const name = cut > 0 ? raw.slice(0, cut) : "";
    const version = cut > 0 ? raw.slice(cut + 1) : "";
    // The one name check: the rule and its limit, and a long name cut short in the message.
    if (name)
        (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)("model", name, input);
    if (!name || !VERSION.test(version)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`'${text}' is not a model reference`, { input }, "Write name:version (diabetes-model:3), name@3, name@latest or name@champion");
    }
    return { name, version };
}
/** Looks a reference up in the workspace (or a registry); a missing model says which versions exist. */
async function resolveModel(source, ref, input, where = "the workspace") {
    if (ref.version === "champion") {
        const champion = (await source.models.list(ref.name)).filter((m) => m.tags.champion === "true").at(-1);
        if (champion)
            return champion;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`no version of model ${ref.name} in ${where} is tagged champion=true`, { input }, "Run compare-models with register: true first (with registry, to publish it there), or give a version");
    }
    const found = await source.models.get(ref.name, ref.version);
    if (found)
        return found;
    const versions = (await source.models.list(ref.name)).map((m) => m.version);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`model ${formatModelRef(ref)} is not registered in ${where}`, { input }, versions.length
        ? `Registered versions of ${ref.name}: ${versions.join(", ")}`
        : `No version of ${ref.name} is registered; register it first (compare-models with register: true does)`);
}
// Azure ML's registry asset id, by version or by the `latest` label.
const REGISTRY_URI = /^azureml:\/\/registries\/([^/]+)\/models\/([^/]+)\/(?:versions\/([^/]+)|labels\/(latest))$/;
/** Parses `name:version`, `name@latest`, `name@champion`, or `azureml://registries/<r>/models/<m>/versions/<v>`. */
function parseModelInput(text, input) {
    const value = text.trim();
    if (!value.startsWith("azureml://"))
        return parseModelRef(value, input);
    const m = REGISTRY_URI.exec(value);
    const version = m?.[3] ?? m?.[4] ?? "";
    if (!m || !VERSION.test(version)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`'${text}' is not a registry model reference`, { input }, "Write azureml://registries/<registry>/models/<name>/versions/<version>, or name:version");
    }
    (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)("model", m[2], input);
    return { registry: m[1], name: m[2], version };
}
/**
 * Resolves a model where the inputs say: in the registry when `registry` (the input's value) is
 * given or the reference is a registry URI, else in the workspace. A URI naming one registry with
 * the input opening another is refused rather than guessed at.
 */
async function resolveModelInput(ctx, ref, registryValue, input) {
    if (!registryValue && !ref.registry)
        return resolveModel(ctx.workspace, ref, input);
    if (!ctx.openRegistry)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo("registries cannot be opened here", { input: "registry" }, "Leave registry empty");
    const registry = registryValue
        ? await ctx.openRegistry(registryValue)
        : await ctx.openRegistry(ref.registry, { fromUri: true }).catch((error) => {
            // A registry named through the workspace (Azure ML) took its name from this input's URI,
            // not from the registry input; locally the refusal is about the missing registry folder.
            if (ctx.workspace.openRegistry && error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo && error.location.input === "registry") {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(error.message, { ...error.location, input }, error.fix);
            }
            throw error;
        });
    try {
        if (ref.registry && ref.registry !== registry.name) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`model ${ref.name} is named in registry ${ref.registry}, but the registry input opens ${registry.description}`, { input }, `Make them agree: the registry input for ${ref.registry}, or a reference into ${registry.name}`);
        }
        return await resolveModel(registry, ref, input, `registry ${registry.name}`);
    }
    finally {
        await registry.close();
    }
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


/***/ })

};
