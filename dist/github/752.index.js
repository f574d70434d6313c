export const id = 752;
export const ids = [752];
export const modules = {

/***/ 10725:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ readRowBatches)
/* harmony export */ });
/* unused harmony export csvCell */
/* harmony import */ var hyparquet__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96367);
/* harmony import */ var hyparquet__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(43720);
/* harmony import */ var _data_csv_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96102);
/* harmony import */ var _data_parquet_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73610);
/* harmony import */ var _data_read_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60140);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91746);
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

/***/ 55916:
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

/***/ 11891:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a_: () => (/* binding */ isDatasetRef),
/* harmony export */   b2: () => (/* binding */ registeredDataset),
/* harmony export */   t0: () => (/* binding */ resolveDataInput)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _data_dataset_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88256);
/* harmony import */ var _data_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60140);
/* harmony import */ var _data_source_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82881);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(91746);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(28613);
/* harmony import */ var _references_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(63743);
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

/***/ 64752:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploymentNameFor: () => (/* binding */ deploymentNameFor),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/bundle/errors.js
var errors = __webpack_require__(91746);
// EXTERNAL MODULE: ./build/bundle/names.js
var names = __webpack_require__(28613);
// EXTERNAL MODULE: ./build/bundle/report/markdown.js
var markdown = __webpack_require__(28239);
// EXTERNAL MODULE: ./build/bundle/tasks/data-input.js
var data_input = __webpack_require__(11891);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./build/bundle/references.js
var references = __webpack_require__(63743);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/expect.js
/**
 * The smoke test's expected answer (`smokeTestExpect`): the deployment's JSON answer must equal
 * it, numbers within a relative tolerance, so a deployment that starts and answers but predicts
 * something else (a wrong model file, a changed preprocessing) is stopped before any traffic.
 */
const show = (v) => {
    if (v === undefined)
        return "(absent)";
    const text = JSON.stringify(v);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};
const kind = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
/** Whether two numbers agree within `tolerance`, relative to the larger magnitude (exact at 0). */
function expect_close(expected, actual, tolerance) {
    if (expected === actual)
        return true;
    return Math.abs(expected - actual) <= tolerance * Math.max(Math.abs(expected), Math.abs(actual));
}
function key(path, k) {
    return /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
}
/** Compares recursively; objects must have the same keys, arrays the same length. */
function firstMismatch(expected, actual, tolerance, path = "$") {
    const differ = () => ({ path, expected: show(expected), actual: show(actual) });
    if (typeof expected === "number" && typeof actual === "number") {
        return expect_close(expected, actual, tolerance) ? undefined : differ();
    }
    if (kind(expected) !== kind(actual))
        return differ();
    if (Array.isArray(expected)) {
        const a = actual;
        if (a.length !== expected.length) {
            return { path: `${path}.length`, expected: String(expected.length), actual: String(a.length) };
        }
        for (let i = 0; i < expected.length; i++) {
            const m = firstMismatch(expected[i], a[i], tolerance, `${path}[${i}]`);
            if (m)
                return m;
        }
        return undefined;
    }
    if (expected !== null && typeof expected === "object") {
        const e = expected;
        const a = actual;
        for (const k of Object.keys(e)) {
            if (!(k in a))
                return { path: key(path, k), expected: show(e[k]), actual: "(absent)" };
            const m = firstMismatch(e[k], a[k], tolerance, key(path, k));
            if (m)
                return m;
        }
        for (const k of Object.keys(a)) {
            if (!(k in e))
                return { path: key(path, k), expected: "(absent)", actual: show(a[k]) };
        }
        return undefined;
    }
    return expected === actual ? undefined : differ();
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/batch-expect.js
/**
 * The batch smoke test's expected output (`smokeTestExpect` with endpointType batch): a text file
 * holding the rows the scoring job's output file must hold, one per line, fields separated by
 * commas or white space (the output is what `run()` returned, appended a row per line).
 *
 * Rows are compared as a multiset, not in file order: Azure ML appends each mini-batch's rows
 * when that mini-batch finishes, and parallel workers finish in any order, so two healthy runs on
 * the same data can write the same rows in different orders. Both sides are sorted by their
 * fields (numbers by value, text as text) and paired in that order; numbers then agree within
 * the relative tolerance. A key field in each row (the scored file's name, a row id) makes the
 * pairing exact; for rows of one number, sorted pairing is the closest pairing there is.
 */





const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** A row's fields: split at commas and white space, brackets and quotes around each dropped (`str()` of a tuple or list). */
function fields(text) {
    return text
        .trim()
        .split(/\s*,\s*|\s+/)
        .map((f) => f.replace(/^[[({'"]+|[\])}'"]+$/g, ""))
        .filter((f) => f !== "")
        .map((f) => (NUMBER.test(f) ? Number(f) : f));
}
/** Non-blank lines as rows. */
function parseRows(text) {
    const rows = [];
    text.split(/\r?\n/).forEach((line, i) => {
        if (line.trim() !== "")
            rows.push({ line: i + 1, text: line.trim(), fields: fields(line) });
    });
    return rows;
}
function compareFields(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const x = a[i];
        const y = b[i];
        if (typeof x === "number" && typeof y === "number") {
            if (x !== y)
                return x < y ? -1 : 1;
        }
        else if (typeof x !== typeof y) {
            return typeof x === "number" ? -1 : 1;
        }
        else if (x !== y) {
            return x < y ? -1 : 1;
        }
    }
    return a.length - b.length;
}
const sorted = (rows) => [...rows].sort((a, b) => compareFields(a.fields, b.fields));
/** Reads `smokeTestExpect` for a batch rollout; a missing or empty file is a UserError on `input`. */
async function readExpectedRows(path, shown, input) {
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (!info?.isFile()) {
        throw new errors/* UserError */.yo(`'${shown}' is not an existing file`, { input }, "Give a text file with the rows the batch output must hold, one per line");
    }
    const rows = parseRows(await (0,promises_.readFile)(path, "utf8"));
    if (rows.length === 0) {
        throw new errors/* UserError */.yo("holds no rows", { input, file: shown }, "Write the rows the batch output must hold, one per line, such as `part-01.csv,151.2`");
    }
    return { file: shown, rows };
}
/**
 * The first difference between the output's rows and the expected ones, as one sentence naming
 * the expected file's line; undefined when they agree.
 */
function firstRowMismatch(expected, actualText, outputName, tolerance) {
    const actual = parseRows(actualText);
    const e = sorted(expected.rows);
    const a = sorted(actual);
    if (a.length !== e.length) {
        // Name a row that is missing (or extra), not only the counts (a pairwise search: small files only).
        if (a.length * e.length > 10_000_000)
            return `${outputName} has ${a.length} row(s) where ${expected.file} expects ${e.length}`;
        const missing = e.find((r) => !actual.some((x) => sameRow(r.fields, x.fields, tolerance)));
        const extra = a.find((r) => !expected.rows.some((x) => sameRow(x.fields, r.fields, tolerance)));
        const which = missing
            ? `; ${expected.file}:${missing.line} '${missing.text}' has no match`
            : extra
                ? `; '${extra.text}' (line ${extra.line}) is not expected`
                : "";
        return `${outputName} has ${a.length} row(s) where ${expected.file} expects ${e.length}${which}`;
    }
    for (let i = 0; i < e.length; i++) {
        const diff = fieldDifference(e[i].fields, a[i].fields, tolerance);
        if (diff !== undefined) {
            return `${outputName} has '${a[i].text}' where ${expected.file}:${e[i].line} expects '${e[i].text}' (${diff}; rows compared in sorted order, relative tolerance ${tolerance})`;
        }
    }
    return undefined;
}
function sameRow(e, a, tolerance) {
    return fieldDifference(e, a, tolerance) === undefined;
}
function fieldDifference(e, a, tolerance) {
    if (e.length !== a.length)
        return `${a.length} field(s), not ${e.length}`;
    for (let i = 0; i < e.length; i++) {
        const x = e[i];
        const y = a[i];
        const same = typeof x === "number" && typeof y === "number" ? expect_close(x, y, tolerance) : x === y;
        if (!same)
            return `field ${i + 1}`;
    }
    return undefined;
}
/** Lines that hold something, counted as the file streams by (an output may be large). */
async function countRows(path) {
    let n = 0;
    const lines = (0,external_node_readline_.createInterface)({ input: (0,external_node_fs_.createReadStream)(path), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines)
        if (line.trim() !== "")
            n += 1;
    return n;
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/batch-settings.js
/**
 * deploy-endpoint's batch inputs, parsed and checked before anything changes: the data the new
 * deployment scores, how it is cut into mini-batches, what it may get wrong, and where its rows
 * go. Inputs that only mean something to the other endpoint type are warned about, not refused,
 * since a runner sends their defaults whether the step sets them or not.
 */







/** Inputs only an online rollout reads: a value other than the default is ignored with a warning under batch. */
const ONLINE_ONLY = [
    "traffic",
    "burst",
    "smokeTest",
    "bakeSeconds",
    "evaluationData",
    "labelColumn",
    "requestFormat",
    "rps",
    "maxErrorRate",
    "maxLatencyMs",
    "minRequests",
    "mirrorPercent",
    "startTimeout",
    "instanceType",
];
/** Inputs only a batch rollout reads. */
const BATCH_ONLY = [
    "batchInput",
    "miniBatchSize",
    "maxConcurrency",
    "errorThreshold",
    "miniBatchTimeout",
    "maxRetries",
    "outputPath",
    "outputFile",
    "compute",
];
/** The inputs of `names` the step set to something other than their declared default. */
function setOtherThanDefault(ctx, names) {
    return names.filter((name) => {
        if (!ctx.inputs.has(name))
            return false;
        const declared = ctx.inputs.spec.inputs.find((i) => i.name === name);
        const value = ctx.inputs.string(name);
        if (declared?.default === undefined)
            return true;
        return value !== declared.default && !(Number(value) === Number(declared.default) && value?.trim() !== "");
    });
}
/** One warning listing the inputs of the other endpoint type that this rollout ignores. */
function ignoredInputsWarning(ctx, type) {
    const ignored = setOtherThanDefault(ctx, type === "batch" ? ONLINE_ONLY : BATCH_ONLY);
    if (ignored.length === 0)
        return undefined;
    const other = type === "batch" ? "online" : "batch";
    return `${ignored.map((n) => `'${n}'`).join(", ")} appl${ignored.length === 1 ? "ies" : "y"} to ${other} endpoints only; endpointType is ${type}, so ${ignored.length === 1 ? "it is" : "they are"} ignored`;
}
const AZUREML_DATASTORE = /^azureml:\/\/datastores\/[^/\s]+\/paths\/\S*$/i;
const COMPUTE = /^[a-zA-Z][a-zA-Z0-9-]{1,15}$/;
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,254}$/;
function wholeNumber(ctx, name, min, max, what) {
    const value = ctx.inputs.number(name);
    if (value === undefined)
        return undefined;
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new errors/* UserError */.yo(`'${ctx.inputs.string(name)}' is not ${what}`, { input: name }, `Give a whole number from ${min} to ${max}`);
    }
    return value;
}
/** Where the data is: an existing file or folder, a dataset reference, or (where the backend reads them) a storage URI. */
async function batchInput(ctx, value) {
    const remote = ctx.workspace.capabilities.managedCompute;
    if ((0,references/* looksLikeUri */.aB)(value)) {
        // Only a job on managed compute reads a datastore or URL where it lies; local workers read this disk.
        if (remote && (AZUREML_DATASTORE.test(value) || /^https:\/\//i.test(value))) {
            return { input: { kind: "uri", uri: value }, label: value };
        }
        throw new errors/* UserError */.yo(remote ? "is a URI the scoring job cannot read" : "is a URI; a local batch endpoint scores files on this disk", { input: "batchInput" }, remote
            ? "Give azureml://datastores/<name>/paths/<path>, an https:// URL, a local file or folder, or a registered dataset (name@version)"
            : "Give a local file or folder, or a registered dataset (name@version)");
    }
    const path = (0,external_node_path_.isAbsolute)(value) ? value : (0,external_node_path_.resolve)(ctx.cwd, value);
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (info?.isFile() || info?.isDirectory())
        return { input: { kind: "path", path }, label: value };
    if (!(0,data_input/* isDatasetRef */.a_)(value)) {
        throw new errors/* UserError */.yo(`'${value}' is not an existing file or folder`, { input: "batchInput" }, "Give a file or folder relative to the working directory, or a registered dataset (name@version)");
    }
    const dataset = await (0,data_input/* registeredDataset */.b2)(ctx, value, "batchInput", "Give a file or folder");
    return { input: { kind: "dataset", dataset }, label: `${dataset.name}@${dataset.version}` };
}
async function outputPath(ctx, value, input) {
    if (value === undefined || value === "")
        return undefined;
    const remote = ctx.workspace.capabilities.managedCompute;
    if ((0,references/* looksLikeUri */.aB)(value)) {
        if (remote && AZUREML_DATASTORE.test(value))
            return value;
        throw new errors/* UserError */.yo(remote ? "is not a datastore path" : "is a URI; a local batch endpoint writes to a folder on this disk", { input: "outputPath" }, remote ? "Give azureml://datastores/<name>/paths/<path>" : "Give a folder relative to the working directory");
    }
    const path = (0,external_node_path_.isAbsolute)(value) ? value : (0,external_node_path_.resolve)(ctx.cwd, value);
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (info && !info.isDirectory()) {
        throw new errors/* UserError */.yo(`'${value}' is a file`, { input: "outputPath" }, "Give a folder (it is created when absent)");
    }
    // Rows written into the scored folder would be scored as input by the next run.
    if (input.kind === "path") {
        const inside = (0,external_node_path_.relative)(input.path, path);
        if (inside === "" || (!inside.startsWith("..") && !(0,external_node_path_.isAbsolute)(inside))) {
            throw new errors/* UserError */.yo(`'${value}' is inside batchInput`, { input: "outputPath" }, "Give a folder outside the scored data, or the next run scores the predictions too");
        }
    }
    return path;
}
/** Every batch input, checked; throws a UserError naming the first bad one. */
async function parseBatchSettings(ctx) {
    const { inputs } = ctx;
    if (!ctx.workspace.batchEndpoints) {
        throw new errors/* UserError */.yo(`the ${ctx.workspace.backend} backend has no batch endpoints`, { input: "endpointType" }, "Use endpointType: online, or a backend with batch endpoints");
    }
    const raw = inputs.string("batchInput");
    if (!raw) {
        throw new errors/* UserError */.yo("is required with endpointType: batch", { input: "batchInput" }, "Set 'batchInput' to the file, folder or dataset (name@version) the new deployment scores before it becomes the default");
    }
    const { input, label } = await batchInput(ctx, raw);
    const miniBatchSize = wholeNumber(ctx, "miniBatchSize", 1, 100_000, "a number of files per mini-batch") ?? 10;
    const maxConcurrency = wholeNumber(ctx, "maxConcurrency", 1, Math.max(1024, (0,external_node_os_.availableParallelism)()), "a number of parallel workers");
    const errorThreshold = wholeNumber(ctx, "errorThreshold", -1, 1_000_000_000, "a number of files") ?? 0;
    // Azure ML's defaults and bounds: retry_settings 3 retries, 30 s (batch deployment YAML reference);
    // a mini-batch timeout of at most 259200 s (3 days), as its parallel jobs allow.
    const timeoutSeconds = wholeNumber(ctx, "miniBatchTimeout", 1, 259_200, "a number of seconds") ?? 30;
    const maxRetries = wholeNumber(ctx, "maxRetries", 0, 100, "a number of retries") ?? 3;
    const outputFile = inputs.string("outputFile") || "predictions.csv";
    if (!FILE_NAME.test(outputFile) || outputFile === "." || outputFile === "..") {
        throw new errors/* UserError */.yo(`'${outputFile}' is not a file name`, { input: "outputFile" }, "Give a plain file name such as predictions.csv (letters, digits, '.', '-' and '_'; no folders)");
    }
    let compute = inputs.string("compute")?.replace(/^azureml:/i, "");
    if (compute && !COMPUTE.test(compute)) {
        throw new errors/* UserError */.yo(`'${compute}' is not a compute cluster name`, { input: "compute" }, "Give the cluster's name: 2 to 16 letters, digits and '-', starting with a letter");
    }
    if (!compute && ctx.workspace.capabilities.managedCompute) {
        // Checked here, before the endpoint is created: Azure ML's batch deployments run on a cluster.
        throw new errors/* UserError */.yo("a batch deployment on managed compute needs a compute cluster", { input: "compute" }, "Set compute to one of the workspace's compute clusters, such as cpu-cluster");
    }
    if (compute && !ctx.workspace.capabilities.managedCompute) {
        ctx.log.warning(`compute '${compute}' applies to Azure ML; the local backend scores with local worker processes`);
        compute = undefined;
    }
    const tolerance = inputs.number("smokeTestTolerance") ?? 1e-6;
    if (!(tolerance >= 0 && tolerance < 1)) {
        throw new errors/* UserError */.yo(`'${inputs.string("smokeTestTolerance")}' is not a relative tolerance`, { input: "smokeTestTolerance" }, "Give a number from 0 up to 1, such as 1e-6");
    }
    const expectFile = inputs.string("smokeTestExpect");
    const expect = expectFile
        ? { ...(await readExpectedRows((0,external_node_path_.resolve)(ctx.cwd, expectFile), expectFile, "smokeTestExpect")), tolerance }
        : undefined;
    return {
        input,
        inputLabel: label,
        miniBatchSize,
        maxConcurrency,
        errorThreshold,
        retry: { maxRetries, timeoutSeconds },
        outputPath: await outputPath(ctx, inputs.string("outputPath"), input),
        outputFile,
        compute,
        expect,
    };
}

// EXTERNAL MODULE: ./build/bundle/tasks/fork-guard.js
var fork_guard = __webpack_require__(45730);
// EXTERNAL MODULE: ./build/bundle/tasks/model-ref.js
var model_ref = __webpack_require__(14045);
// EXTERNAL MODULE: ./build/bundle/util/crash-point.js
var crash_point = __webpack_require__(59050);
;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/batch-rollout.js
/**
 * A batch endpoint's rollout: the new deployment is created beside the default (never made the
 * default by creating it), scores `batchInput` as a job, and becomes the default only when that
 * job completes within `errorThreshold` (and its output matches `smokeTestExpect`, when given).
 * Any failure leaves the previous default as it was and removes the new deployment. Written
 * against the BatchEndpointService port only, so every backend gets the same rollout.
 *
 * After a success the previous default is kept, not deleted: an idle batch deployment costs
 * nothing (its cluster scales to zero; locally it is a record), and it is the one-step way back
 * if tonight's scores look wrong. Deployments older than that are removed, so an endpoint holds
 * at most two.
 */






const batchJournalPath = (endpoint) => `rollouts/batch-${endpoint}.json`;
async function readBatchJournal(artifacts, endpoint) {
    const raw = await artifacts.read(batchJournalPath(endpoint));
    return raw ? JSON.parse(raw.toString("utf8")) : undefined;
}
async function writeJournal(artifacts, journal) {
    await artifacts.write(batchJournalPath(journal.endpoint), `${JSON.stringify(journal, null, 2)}\n`);
}
/** A failed check of the rollout, as opposed to a backend call that threw. */
class BatchRolloutError extends Error {
}
/**
 * Undoes a rollout: the previous default restored if the new deployment had become it, the new
 * deployment deleted, and an endpoint the rollout created deleted whole. Throws when the
 * previous default cannot be restored (the endpoint needs a person then).
 */
async function undoBatch(deps, journal) {
    const { batch, log } = deps;
    const state = await batch.get(journal.endpoint);
    let endpointRemoved = false;
    if (state) {
        const has = (d) => d !== undefined && state.deployments.some((x) => x.name === d);
        if (journal.createdEndpoint) {
            await batch.delete(journal.endpoint, log);
            log.info(`Removed endpoint ${journal.endpoint}: this rollout created it.`);
            endpointRemoved = true;
        }
        else {
            if (state.defaultDeployment === journal.deployment && has(journal.previousDefault)) {
                await batch.setDefault(journal.endpoint, journal.previousDefault, log);
                log.info(`Restored the default deployment: ${journal.previousDefault}`);
            }
            if (has(journal.deployment) && journal.deployment !== journal.previousDefault) {
                await batch.deleteDeployment(journal.endpoint, journal.deployment, log);
                log.info(`Removed deployment ${journal.deployment}.`);
            }
        }
    }
    await writeJournal(deps.artifacts, { ...journal, state: "rolled-back" });
    return { endpointRemoved };
}
/**
 * Deletes the endpoint's deployments other than the default and `keep` (the previous default).
 * A failure is a warning: the new default already scores.
 */
async function removeOlderDeployments(deps, endpoint, keep) {
    const state = await deps.batch.get(endpoint);
    const removed = [];
    for (const d of state?.deployments ?? []) {
        if (d.name === state?.defaultDeployment || d.name === keep)
            continue;
        try {
            await deps.batch.deleteDeployment(endpoint, d.name, deps.log);
            removed.push(d.name);
        }
        catch (error) {
            deps.log.warning(`Could not remove old deployment ${d.name}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    return removed;
}
/** Finishes a rollout whose job passed: the new deployment made the default, older ones removed. */
async function finishBatch(deps, journal) {
    await deps.batch.setDefault(journal.endpoint, journal.deployment, deps.log);
    deps.log.info(`${journal.deployment} is the default deployment of ${journal.endpoint}.`);
    const removed = await removeOlderDeployments(deps, journal.endpoint, journal.previousDefault);
    await writeJournal(deps.artifacts, { ...journal, reached: "passed", state: "succeeded" });
    return removed;
}
/** Why the job does not pass, or undefined when it does. */
function jobProblem(record, errorThreshold) {
    const files = record.files;
    const failedFiles = files ? `${files.failed} of ${files.total} file(s) failed` : undefined;
    if (record.status !== "Completed") {
        const why = record.error ?? failedFiles;
        return `scoring job ${record.name} ended ${record.status}${why ? `: ${why}` : ""}`;
    }
    if (files && files.total === 0)
        return `scoring job ${record.name} scored no files`;
    if (files && errorThreshold >= 0 && files.failed > errorThreshold) {
        return `scoring job ${record.name}: ${failedFiles}, over errorThreshold ${errorThreshold}${record.error ? `: ${record.error}` : ""}`;
    }
    return undefined;
}
const describeFiles = (r) => r.files ? `${r.files.total} file(s), ${r.files.failed} failed` : "files not reported";
/** The job's output file read into a fresh folder (a download on Azure ML), removed afterwards. */
async function withOutput(deps, record, fn) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "mlops-batch-output-"));
    try {
        return await fn(await deps.batch.readOutput(record, dir, deps.log));
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/**
 * Scores the batch input with one deployment and checks the job: completed, failed files within
 * errorThreshold, and the rows smokeTestExpect names. A failed check throws BatchRolloutError;
 * `seen` keeps what was learnt either way. `started` runs once the job has a name, before the wait.
 */
async function scoreAndCheck(deps, endpoint, name, s, seen, started) {
    const { batch, log } = deps;
    const steps = seen.steps;
    const job = await log.group(`Score ${s.inputLabel} with ${name}`, async () => {
        const started_ = await batch.invoke(endpoint, {
            deployment: name,
            input: s.input,
            ...(s.outputPath ? { outputPath: s.outputPath } : {}),
            outputFile: s.outputFile,
        }, { log, signal: deps.signal });
        log.info(`Scoring job ${started_} started on ${s.inputLabel}`);
        await started?.(started_);
        return batch.wait(started_, { log, signal: deps.signal });
    });
    seen.job = job;
    const problem = jobProblem(job, s.errorThreshold);
    steps.push({
        step: `score ${s.inputLabel}`,
        detail: `job ${job.name}: ${job.status}, ${describeFiles(job)}`,
        ok: problem === undefined,
    });
    if (problem)
        throw new BatchRolloutError(problem);
    if (job.files && job.files.failed > 0) {
        log.warning(`${job.files.failed} of ${job.files.total} file(s) failed, within errorThreshold ${s.errorThreshold === -1 ? "-1 (any)" : s.errorThreshold}${job.error ? `: ${job.error}` : ""}`);
    }
    seen.rows = job.rows;
    if (seen.rows === undefined || s.expect) {
        const mismatch = await withOutput(deps, job, async (path) => {
            if (path === undefined) {
                if (s.expect)
                    throw new BatchRolloutError(`scoring job ${job.name} wrote no ${s.outputFile}`);
                return undefined;
            }
            seen.rows ??= await countRows(path);
            if (!s.expect)
                return undefined;
            const m = firstRowMismatch(s.expect, await (0,promises_.readFile)(path, "utf8"), s.outputFile, s.expect.tolerance);
            steps.push({
                step: `compare with ${s.expect.file}`,
                detail: m ?? `${s.expect.rows.length} row(s) match (relative tolerance ${s.expect.tolerance})`,
                ok: m === undefined,
            });
            return m;
        });
        if (mismatch)
            throw new BatchRolloutError(`the output of ${name} differs: ${mismatch}`);
    }
}
/**
 * The deployment asked for is already the endpoint's default: nothing to roll out, so the run
 * scores batchInput with it (a nightly job's scoring) and reports the job like a rollout's.
 */
async function scoreWithDefault(deps, endpoint, name, s) {
    const seen = { steps: [] };
    try {
        await scoreAndCheck(deps, endpoint, name, s, seen);
    }
    catch (error) {
        const message = (0,errors/* errorMessage */.gJ)(error);
        const line = message.split("\n")[0];
        // Logged as information: the task's own failure line says it as the error.
        deps.log.info(`Scoring with ${name} failed: ${line}`);
        if (!(error instanceof BatchRolloutError))
            deps.log.info(message);
        seen.steps.push({ step: "failed", detail: line, ok: false });
        return {
            status: "Failed",
            unchanged: true,
            steps: seen.steps,
            job: seen.job,
            rows: seen.rows,
            error: line,
            removed: [],
            endpoint: await deps.batch.get(endpoint),
        };
    }
    return {
        status: "Succeeded",
        unchanged: true,
        steps: seen.steps,
        job: seen.job,
        rows: seen.rows,
        removed: [],
        endpoint: await deps.batch.get(endpoint),
    };
}
async function batchRollout(deps, plan) {
    const { batch, log } = deps;
    const name = plan.deployment.name;
    const s = plan.settings;
    const journal = {
        kind: "batch",
        endpoint: plan.endpoint,
        deployment: name,
        model: plan.modelRef,
        ...(plan.previousDefault ? { previousDefault: plan.previousDefault } : {}),
        createdEndpoint: plan.createdEndpoint,
        reached: "started",
        state: "running",
        startedAt: new Date().toISOString(),
        host: (0,external_node_os_.hostname)(),
        pid: process.pid,
    };
    await writeJournal(deps.artifacts, journal);
    const steps = [];
    // What the scoring showed, kept for the outcome whether it passed or not.
    const seen = { steps };
    try {
        const created = await log.group(`Create deployment ${name} (not the default)`, () => batch.createDeployment(plan.endpoint, plan.deployment, log));
        // A backend may report a failed provisioning as a state rather than an error.
        if (created.status !== "Succeeded") {
            throw new BatchRolloutError(`deployment ${name} ended ${created.status}${created.error ? `: ${created.error}` : ""}`);
        }
        steps.push({ step: `create deployment ${name}`, detail: `${plan.modelRef}, not the default`, ok: true });
        journal.reached = "created";
        await writeJournal(deps.artifacts, journal);
        await scoreAndCheck(deps, plan.endpoint, name, s, seen, async (job) => {
            journal.reached = "scoring";
            journal.job = job;
            await writeJournal(deps.artifacts, journal);
            (0,crash_point/* crashPoint */.u)("batch-rollout.scoring");
        });
        const job = seen.job;
        log.info(`Scoring job ${job.name} passed: ${describeFiles(job)}, ${seen.rows ?? "?"} row(s) in ${job.outputFile}`);
        journal.reached = "passed";
        await writeJournal(deps.artifacts, journal);
        (0,crash_point/* crashPoint */.u)("batch-rollout.passed");
    }
    catch (error) {
        const message = (0,errors/* errorMessage */.gJ)(error);
        const line = message.split("\n")[0];
        // Logged as information: the task's own failure line (one per run) says it as the error.
        log.info(`Rollout of ${name} failed: ${line}`);
        if (!(error instanceof BatchRolloutError))
            log.info(message);
        steps.push({ step: "failed", detail: line, ok: false });
        const what = plan.previousDefault
            ? `Roll back: ${plan.previousDefault} stays the default`
            : `Roll back: remove ${plan.createdEndpoint ? `endpoint ${plan.endpoint}` : name}`;
        const { endpointRemoved } = await log.group(what, () => undoBatch(deps, journal));
        steps.push({
            step: "roll back",
            detail: endpointRemoved
                ? `endpoint ${plan.endpoint} (created by this run) removed`
                : `${name} removed${plan.previousDefault ? `; ${plan.previousDefault} is still the default` : ""}`,
            ok: true,
        });
        return {
            status: "RolledBack",
            steps,
            job: seen.job,
            rows: seen.rows,
            error: line,
            removed: [],
            endpointRemoved,
            endpoint: await batch.get(plan.endpoint),
        };
    }
    const removed = await log.group(`Make ${name} the default`, () => finishBatch(deps, journal));
    steps.push({
        step: `make ${name} the default`,
        detail: plan.previousDefault ? `was ${plan.previousDefault} (kept for a switch back)` : "first deployment",
        ok: true,
    });
    if (removed.length)
        steps.push({ step: "remove older deployments", detail: removed.join(", "), ok: true });
    return {
        status: "Succeeded",
        steps,
        job: seen.job,
        rows: seen.rows,
        removed,
        endpoint: await batch.get(plan.endpoint),
    };
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/analysis.js
const NO_ANSWER = "(no answer)";
/** Nearest-rank percentile of ascending values (0 for none). */
function percentile(sorted, q) {
    if (sorted.length === 0)
        return 0;
    const rank = Math.max(1, Math.ceil(q * sorted.length));
    return sorted[Math.min(sorted.length, rank) - 1];
}
const round = (ms) => Math.round(ms * 10) / 10;
/** Groups samples by deployment (and by kind: a deployment's mirrored copies are its own entry). */
function summarize(samples) {
    const groups = new Map();
    for (const s of samples) {
        const name = s.deployment ?? NO_ANSWER;
        const key = s.kind === "mirror" ? `${name} (mirror)` : name;
        let g = groups.get(key);
        if (!g) {
            g = { kind: s.kind, ms: [], errors: 0 };
            groups.set(key, g);
        }
        g.ms.push(s.ms);
        if (!s.ok)
            g.errors += 1;
    }
    const out = {};
    for (const key of [...groups.keys()].sort()) {
        const g = groups.get(key);
        const sorted = [...g.ms].sort((a, b) => a - b);
        out[key] = {
            kind: g.kind,
            requests: sorted.length,
            errors: g.errors,
            errorRate: sorted.length ? g.errors / sorted.length : 0,
            p50: round(percentile(sorted, 0.5)),
            p95: round(percentile(sorted, 0.95)),
            p99: round(percentile(sorted, 0.99)),
        };
    }
    return out;
}
const pct = (rate) => `${Number((rate * 100).toPrecision(3))} %`;
/**
 * A step's verdict for the new deployment (its live answers, or its mirrored copies in a mirror
 * step): any breach fails; fewer requests than `minRequests` is inconclusive, which rolls back
 * too (as Argo Rollouts and Flagger treat it). Requests no deployment answered count against the
 * step as well, by the same error-rate ceiling over all the step's requests.
 */
function judge(numbers, deployment, kind, t) {
    const key = kind === "mirror" ? `${deployment} (mirror)` : deployment;
    const mine = numbers[key];
    const breaches = [];
    const thin = [];
    const requests = mine?.requests ?? 0;
    if (mine && mine.errorRate > t.maxErrorRate) {
        breaches.push(`${key}: error rate ${pct(mine.errorRate)} (${mine.errors} of ${mine.requests}) is above maxErrorRate ${pct(t.maxErrorRate)}`);
    }
    if (mine && t.maxLatencyMs !== undefined && mine.p95 > t.maxLatencyMs) {
        breaches.push(`${key}: p95 latency ${mine.p95} ms is above maxLatencyMs ${t.maxLatencyMs} ms`);
    }
    const lost = numbers[NO_ANSWER];
    if (lost && lost.errors > 0) {
        const total = Object.values(numbers).reduce((s, n) => s + (n.kind === "live" ? n.requests : 0), 0);
        const rate = total ? lost.errors / total : 1;
        if (rate > t.maxErrorRate) {
            breaches.push(`${lost.errors} of ${total} requests got no answer (${pct(rate)}), above maxErrorRate`);
        }
    }
    if (requests < t.minRequests) {
        thin.push(`${key} served ${requests} request(s), fewer than minRequests ${t.minRequests}: inconclusive`);
    }
    if (breaches.length)
        return { verdict: "fail", reasons: [...breaches, ...thin] };
    if (thin.length)
        return { verdict: "inconclusive", reasons: thin };
    return { verdict: "pass", reasons: [] };
}
/**
 * Requests the new deployment can expect from the task's own load in a window: the load's
 * requests times its share. The local router splits and mirrors in exact shares; Azure ML's split
 * is random, so there this is the expected value.
 */
function expectedRequests(rps, seconds, percent) {
    return Math.floor((rps * seconds * percent) / 100 + 1e-9);
}
/** The shortest bake that lets `percent` of the load reach `minRequests`. */
function bakeNeeded(rps, percent, minRequests) {
    return Math.ceil((minRequests * 100) / (rps * percent) - 1e-9);
}

// EXTERNAL MODULE: ./build/bundle/util/files.js
var files = __webpack_require__(76561);
;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/checks.js



/** Why a scoring answer is not acceptable (non-2xx, or a body that is not JSON), or undefined. */
function answerProblem(answer) {
    const body = answer.body.length > 300 ? `${answer.body.slice(0, 300)}…` : answer.body;
    if (answer.status < 200 || answer.status > 299)
        return `HTTP ${answer.status}: ${body}`;
    try {
        JSON.parse(answer.body);
        return undefined;
    }
    catch {
        return `HTTP ${answer.status} with a body that is not JSON: ${body}`;
    }
}
/** Reads a JSON request file; a syntax error names the file, line and column. */
async function readJsonRequest(path, input) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, "utf8");
    }
    catch (error) {
        // A folder is not "does not exist".
        throw new errors/* UserError */.yo(`'${path}' ${(0,files/* unreadable */.O$)(error)}`, { input }, "Give a JSON request file in the checkout");
    }
    try {
        JSON.parse(text);
    }
    catch (error) {
        const offset = jsonErrorOffset(text);
        const where = { input, file: path };
        if (offset !== undefined) {
            const before = text.slice(0, offset);
            where.line = before.split("\n").length;
            where.column = offset - before.lastIndexOf("\n");
        }
        throw new errors/* UserError */.yo(`is not valid JSON (${firstLine(error.message)})`, where, "Fix the request so it parses as JSON");
    }
    return text;
}
function firstLine(message) {
    const line = message.split("\n")[0].replace(/ in JSON at position.*$/, "");
    return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}
/**
 * Where a JSON text first goes wrong (a character offset), or undefined when it parses. Node
 * 20's JSON.parse does not always say, and a user needs the line and column.
 */
function jsonErrorOffset(text) {
    let i = 0;
    const ws = () => {
        while (i < text.length && " \t\r\n".includes(text[i]))
            i++;
    };
    const fail = () => {
        throw i;
    };
    const literal = (word) => {
        if (text.startsWith(word, i))
            i += word.length;
        else
            fail();
    };
    const string = () => {
        i++;
        while (i < text.length && text[i] !== '"') {
            if (text.charCodeAt(i) < 0x20)
                fail();
            if (text[i] === "\\") {
                i++;
                if (text[i] === "u") {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)))
                        fail();
                    i += 4;
                }
                else if (!'"\\/bfnrt'.includes(text[i] ?? "x"))
                    fail();
            }
            i++;
        }
        if (text[i] !== '"')
            fail();
        i++;
    };
    const number = () => {
        const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
        if (!m)
            fail();
        i += m[0].length;
    };
    const value = () => {
        ws();
        const c = text[i];
        if (c === "{") {
            i++;
            ws();
            if (text[i] === "}") {
                i++;
                return;
            }
            for (;;) {
                ws();
                if (text[i] !== '"')
                    fail();
                string();
                ws();
                if (text[i] !== ":")
                    fail();
                i++;
                value();
                ws();
                if (text[i] === ",")
                    i++;
                else if (text[i] === "}") {
                    i++;
                    return;
                }
                else
                    fail();
            }
        }
        if (c === "[") {
            i++;
            ws();
            if (text[i] === "]") {
                i++;
                return;
            }
            for (;;) {
                value();
                ws();
                if (text[i] === ",")
                    i++;
                else if (text[i] === "]") {
                    i++;
                    return;
                }
                else
                    fail();
            }
        }
        if (c === '"')
            string();
        else if (c === "t")
            literal("true");
        else if (c === "f")
            literal("false");
        else if (c === "n")
            literal("null");
        else
            number();
    };
    try {
        value();
        ws();
        if (i < text.length)
            fail();
        return undefined;
    }
    catch (offset) {
        if (typeof offset === "number")
            return Math.min(offset, text.length);
        throw offset;
    }
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/bake.js

/** A request that has not answered after this long counts as an error (a timeout). */
const REQUEST_TIMEOUT_MS = 30_000;
const sleep = (ms, signal) => new Promise((resolve) => {
    if (ms <= 0 || signal.aborted)
        return resolve();
    const timer = setTimeout(done, ms);
    function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
    }
    signal.addEventListener("abort", done, { once: true });
});
/** One scoring request, timed; never throws (no answer is a failed sample without a deployment). */
async function timed(endpoints, endpoint, body, kind, to) {
    const started = performance.now();
    let timer;
    try {
        const answer = await Promise.race([
            endpoints.invoke(endpoint, body, to, { once: true }),
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error("timeout")), REQUEST_TIMEOUT_MS);
            }),
        ]);
        return {
            deployment: answer.deployment ?? to,
            kind,
            ok: answerProblem(answer) === undefined,
            ms: performance.now() - started,
        };
    }
    catch {
        return { deployment: to, kind, ok: false, ms: performance.now() - started };
    }
    finally {
        clearTimeout(timer);
    }
}
/**
 * Open-loop load: request i leaves at start + i/rps whatever the earlier ones are doing, so a
 * slow deployment cannot slow the load down and hide its latency.
 */
async function bake(o) {
    const recorder = o.endpoints.served?.bind(o.endpoints);
    const start = recorder ? await recorder(o.endpoint, Number.MAX_SAFE_INTEGER) : undefined;
    const count = Math.round(o.rps * o.seconds);
    const pending = [];
    const t0 = performance.now();
    let credit = 0;
    for (let i = 0; i < count && !o.signal.aborted; i++) {
        await sleep(t0 + (i * 1000) / o.rps - performance.now(), o.signal);
        if (o.signal.aborted)
            break;
        const body = o.requests[i % o.requests.length];
        pending.push(timed(o.endpoints, o.endpoint, body, "live"));
        if (!recorder && o.mirrorPercent > 0) {
            credit += o.mirrorPercent;
            if (credit >= 100) {
                credit -= 100;
                pending.push(timed(o.endpoints, o.endpoint, body, "mirror", o.deployment));
            }
        }
    }
    // Whatever was sent is waited for (bounded by the request timeout), then counted.
    await sleep(t0 + o.seconds * 1000 - performance.now(), o.signal);
    const mine = await Promise.all(pending);
    if (o.signal.aborted)
        throw new Error("cancelled");
    if (!recorder || !start)
        return { samples: mine, source: "runner" };
    // The router answers the load before it has the mirrored copies' answers: wait for those.
    let log = await recorder(o.endpoint, start.seq);
    for (let waited = 0; log.inflight > 0 && waited < REQUEST_TIMEOUT_MS; waited += 100) {
        await sleep(100, o.signal);
        log = await recorder(o.endpoint, start.seq);
    }
    if (log.source !== start.source || !log.complete) {
        return {
            samples: [],
            source: "router",
            problem: log.source !== start.source
                ? "the endpoint's router restarted during the window: its records start again, so there is no evidence"
                : "the router dropped records of the window (more than it keeps): no complete evidence",
        };
    }
    const samples = log.records
        .filter((r) => r.kind !== "direct")
        .map((r) => ({ deployment: r.deployment, kind: r.kind, ok: r.ok, ms: r.ms }));
    return { samples, source: "router" };
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/traffic.js

/**
 * Parses the `traffic` steps: whole percents, strictly increasing, ending at 100 (the rollout
 * ends with the new deployment serving everything, so the old one can be removed).
 */
function parseTrafficSteps(text, input = "traffic") {
    const items = text.split(/[,\s]+/).filter((s) => s !== "");
    if (items.length === 0)
        throw new errors/* UserError */.yo("has no steps", { input }, "Give percents such as 10,50,100");
    const steps = [];
    let column = 1;
    for (const item of items) {
        column = text.indexOf(item, column - 1) + 1;
        const p = /^\d{1,3}%?$/.test(item) ? Number.parseInt(item, 10) : Number.NaN;
        const where = { input, column };
        if (!Number.isInteger(p) || p < 1 || p > 100) {
            throw new errors/* UserError */.yo(`step '${item}' (column ${column}) is not a whole percent from 1 to 100`, where, "Give percents such as 10,50,100");
        }
        const previous = steps.at(-1);
        if (previous !== undefined && p <= previous) {
            throw new errors/* UserError */.yo(`step ${p} (column ${column}) does not increase on ${previous}`, where, "List the steps in increasing order, such as 10,50,100");
        }
        steps.push(p);
        column += item.length;
    }
    if (steps.at(-1) !== 100) {
        throw new errors/* UserError */.yo(`the last step is ${steps.at(-1)}, not 100`, { input }, "End the steps at 100, such as 10,50,100");
    }
    return steps;
}
/**
 * The traffic map with the new deployment at `percent`: the rest is shared by the deployments
 * that had traffic before, in their old proportions (largest remainder, so it adds up to 100).
 * Deployments that had traffic stay in the map at 0 % rather than vanish, as Azure ML shows them.
 */
function trafficAt(saved, deployment, percent) {
    const old = Object.entries(saved).filter(([d, p]) => d !== deployment && p > 0);
    const total = old.reduce((s, [, p]) => s + p, 0);
    const out = {};
    if (total === 0)
        return { [deployment]: 100 };
    const rest = 100 - percent;
    const shares = old.map(([d, p]) => ({ d, exact: (rest * p) / total }));
    for (const s of shares)
        out[s.d] = Math.floor(s.exact);
    let left = rest - shares.reduce((s, x) => s + Math.floor(x.exact), 0);
    const byRemainder = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || (a.d < b.d ? -1 : 1));
    for (const s of byRemainder) {
        if (left <= 0)
            break;
        out[s.d] += 1;
        left -= 1;
    }
    out[deployment] = percent;
    return out;
}
/** Whether the endpoint had any traffic before (else the first deployment takes 100 % at once). */
function hasTraffic(map) {
    return Object.values(map).some((p) => p > 0);
}
function describeTraffic(map) {
    const entries = Object.entries(map);
    return entries.length ? entries.map(([d, p]) => `${d} ${p}%`).join(", ") : "no traffic";
}
/** Same deployments with the same percents (order does not matter). */
function sameTraffic(a, b) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/rollout.js







const journalPath = (endpoint) => `rollouts/${endpoint}.json`;
async function readJournal(artifacts, endpoint) {
    const raw = await artifacts.read(journalPath(endpoint));
    return raw ? JSON.parse(raw.toString("utf8")) : undefined;
}
async function rollout_writeJournal(artifacts, journal) {
    await artifacts.write(journalPath(journal.endpoint), `${JSON.stringify(journal, null, 2)}\n`);
}
class RolloutError extends Error {
}
/** A journal still marked running by another live process on this machine: a rollout in progress, not an interrupted one. */
function inProgressElsewhere(journal) {
    if (journal.state !== "running" || journal.host !== (0,external_node_os_.hostname)() || journal.pid === process.pid || !journal.pid)
        return false;
    try {
        process.kill(journal.pid, 0);
        return true;
    }
    catch (error) {
        return error.code === "EPERM";
    }
}
/** Sends `count` requests through the endpoint's router; every answer must be 2xx JSON. */
async function burst(deps, plan, count, label, samples = []) {
    let byNew = 0;
    let excused = 0;
    const failing = new Set(plan.alreadyFailing ?? []);
    for (let i = 0; i < count; i++) {
        if (deps.signal.aborted)
            throw new RolloutError("cancelled");
        const started = performance.now();
        const answer = await deps.endpoints.invoke(plan.endpoint, plan.request ?? "");
        const problem = answerProblem(answer);
        samples.push({ deployment: answer.deployment, kind: "live", ok: !problem, ms: performance.now() - started });
        if (problem && answer.deployment && failing.has(answer.deployment)) {
            excused += 1;
            continue;
        }
        if (problem) {
            throw new RolloutError(`request ${i + 1} of ${count} at ${label}${answer.deployment ? ` (answered by ${answer.deployment})` : ""} failed: ${problem}`);
        }
        if (answer.deployment === plan.deployment.name)
            byNew += 1;
    }
    if (excused > 0) {
        deps.log.warning(`${excused} request(s) at ${label} failed on deployment(s) already failing before this rollout: ${[...failing].join(", ")}`);
    }
    const note = excused > 0 ? `${excused} failed on already-failing ${[...failing].join(", ")}` : undefined;
    return { step: label, traffic: "", requests: count, byNew, ok: true, note };
}
/**
 * Removes deployments that no longer have traffic (after a rollout reached 100 %). A failure
 * here is a warning: the new deployment already serves everything.
 */
async function removeOldDeployments(deps, endpoint, keep) {
    const state = await deps.endpoints.get(endpoint);
    for (const d of state?.deployments ?? []) {
        if (d.name === keep || (state?.traffic[d.name] ?? 0) > 0)
            continue;
        try {
            await deps.endpoints.deleteDeployment(endpoint, d.name, deps.log);
        }
        catch (error) {
            deps.log.warning(`Could not remove old deployment ${d.name}: ${error.message}`);
        }
    }
}
/**
 * Undoes a rollout: the saved traffic map exactly as it was, then the new deployment deleted.
 * Throws when the traffic cannot be restored (the endpoint needs a person then).
 */
async function undo(deps, journal) {
    const state = await deps.endpoints.get(journal.endpoint);
    const existing = new Set(state?.deployments.map((d) => d.name));
    const missing = Object.keys(journal.saved).filter((d) => !existing.has(d));
    if (missing.length > 0)
        deps.log.warning(`Saved traffic names deployment(s) that no longer exist: ${missing.join(", ")}`);
    const restore = Object.fromEntries(Object.entries(journal.saved).filter(([d]) => existing.has(d)));
    // Mirrored traffic first: the new deployment must not keep receiving copies, nor be deleted while it does.
    const mirrorNow = state?.mirrorTraffic ?? {};
    if (journal.savedMirror && deps.endpoints.setMirror && !sameMap(mirrorNow, journal.savedMirror)) {
        const mirror = Object.fromEntries(Object.entries(journal.savedMirror).filter(([d]) => existing.has(d)));
        await deps.endpoints.setMirror(journal.endpoint, mirror, deps.log);
        deps.log.info(`Restored mirrored traffic: ${describeTraffic(mirror)}`);
    }
    await deps.endpoints.setTraffic(journal.endpoint, restore, deps.log);
    deps.log.info(`Restored traffic: ${describeTraffic(restore)}`);
    if (existing.has(journal.deployment) && !(journal.deployment in journal.saved)) {
        await deps.endpoints.deleteDeployment(journal.endpoint, journal.deployment, deps.log);
    }
    await rollout_writeJournal(deps.artifacts, { ...journal, state: "rolled-back" });
}
function sameMap(a, b) {
    const live = (m) => Object.entries(m)
        .filter(([, p]) => p > 0)
        .sort(([x], [y]) => (x < y ? -1 : 1));
    return JSON.stringify(live(a)) === JSON.stringify(live(b));
}
const ms = (n) => (n ? `p50 ${n.p50} / p95 ${n.p95} / p99 ${n.p99} ms` : "");
/** Logs a step's numbers, one line per deployment, then the verdict. */
function logAnalysis(log, a) {
    for (const [d, n] of Object.entries(a.deployments)) {
        log.info(`  ${d}: ${n.requests} request(s), ${n.errors} error(s), ${ms(n)}`);
    }
    const line = `${a.step}: ${a.verdict}${a.reasons.length ? ` — ${a.reasons.join("; ")}` : ""}`;
    if (a.verdict === "pass")
        log.info(line);
    else
        log.error(line);
}
/**
 * A bake window judged: the steady load, its numbers per deployment, and the verdict for the new
 * deployment (its live answers, or its mirrored copies in the mirror step).
 */
async function bakeStep(deps, plan, step, kind, traffic, mirrorTraffic) {
    const b = plan.bake;
    deps.log.info(`Baking for ${b.seconds} s at ${b.rps} request(s)/s`);
    const start = new Date();
    const measured = await bake({
        endpoints: deps.endpoints,
        endpoint: plan.endpoint,
        requests: b.requests ?? [plan.request ?? ""],
        rps: b.rps,
        seconds: b.seconds,
        deployment: plan.deployment.name,
        mirrorPercent: kind === "mirror" ? b.mirrorPercent : 0,
        signal: deps.signal,
    });
    if (deps.signal.aborted)
        throw new RolloutError("cancelled");
    const deployments = summarize(measured.samples);
    const { verdict, reasons } = measured.problem
        ? { verdict: "inconclusive", reasons: [measured.problem] }
        : judge(deployments, plan.deployment.name, kind, b.thresholds);
    const analysis = {
        step,
        kind,
        traffic,
        ...(mirrorTraffic ? { mirrorTraffic } : {}),
        seconds: b.seconds,
        source: measured.source,
        deployments,
        verdict,
        reasons,
    };
    logAnalysis(deps.log, analysis);
    const platform = await platformMetrics(deps, plan.endpoint, { start, end: new Date() });
    if (platform)
        analysis.platform = platform;
    return analysis;
}
/** Per rollout: a reason already logged, and whether asking again is pointless (no permission). */
const platformSeen = new WeakMap();
/**
 * The endpoint's own metrics for a bake window, where the backend has them: logged beside the
 * runner's numbers, which alone decide. Never fails the step; a reason they are absent is logged
 * once, and after a refusal (no permission) they are not asked for again.
 */
async function platformMetrics(deps, endpoint, window) {
    if (!deps.endpoints.platformMetrics)
        return undefined;
    const seen = platformSeen.get(deps) ?? {};
    platformSeen.set(deps, seen);
    if (seen.final)
        return undefined;
    let m;
    try {
        m = await deps.endpoints.platformMetrics(endpoint, window, deps.signal);
    }
    catch (error) {
        if (deps.signal.aborted)
            throw new RolloutError("cancelled");
        m = { available: false, reason: (0,errors/* errorMessage */.gJ)(error) };
    }
    if (!m.available) {
        if (m.reason !== seen.reason)
            deps.log.info(`Platform metrics are not shown beside the runner's numbers: ${m.reason}`);
        seen.reason = m.reason;
        seen.final = m.final;
        return m;
    }
    for (const [d, n] of Object.entries(m.deployments)) {
        deps.log.info(`  ${d} (${m.source}, ${m.timespan}, informational): ${n.requests ?? "?"} request(s), p95 ${n.p95 ?? "?"} / p99 ${n.p99 ?? "?"} ms`);
    }
    return m;
}
/**
 * Blue/green: the new deployment at 0 %, a smoke test sent to it directly, traffic shifted in
 * steps with a burst of requests through the endpoint after each, old deployments removed once
 * at 0 %. Any failure restores the saved traffic map exactly and deletes the new deployment.
 * Written against the EndpointService port only, so every backend gets the same rollout.
 */
async function blueGreen(deps, plan, before) {
    const { endpoints, log } = deps;
    const name = plan.deployment.name;
    const journal = {
        endpoint: plan.endpoint,
        deployment: name,
        model: plan.modelRef,
        saved: { ...before.traffic },
        savedMirror: { ...(before.mirrorTraffic ?? {}) },
        reached: 0,
        state: "running",
        startedAt: new Date().toISOString(),
        host: (0,external_node_os_.hostname)(),
        pid: process.pid,
    };
    await rollout_writeJournal(deps.artifacts, journal);
    // The first deployment of an endpoint has nobody to share traffic with.
    const steps = hasTraffic(journal.saved) ? plan.steps : [100];
    const reports = [];
    const analysis = [];
    const baking = plan.bake !== undefined && plan.bake.seconds > 0 && plan.request !== undefined;
    try {
        const created = await log.group(`Create deployment ${name} at 0 %`, () => endpoints.createDeployment(plan.endpoint, plan.deployment, log));
        // A backend may report a failed provisioning as a state rather than an error.
        if (created.status !== "Succeeded") {
            throw new RolloutError(`deployment ${name} ended ${created.status}${created.error ? `: ${created.error}` : ""}`);
        }
        if (plan.request !== undefined) {
            await log.group(`Smoke test ${name}`, async () => {
                const answer = await endpoints.invoke(plan.endpoint, plan.request ?? "", name);
                const problem = answerProblem(answer);
                if (problem)
                    throw new RolloutError(`smoke test of ${name} failed: ${problem}`);
                log.info(`Smoke test answered HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
                if (plan.expect) {
                    const m = firstMismatch(plan.expect.value, JSON.parse(answer.body), plan.expect.tolerance);
                    if (m) {
                        throw new RolloutError(`smoke test of ${name} answered ${m.actual} at ${m.path} where ${plan.expect.file} expects ${m.expected} (relative tolerance ${plan.expect.tolerance})`);
                    }
                    log.info(`Smoke test answer matches ${plan.expect.file} (relative tolerance ${plan.expect.tolerance})`);
                }
                reports.push({ step: "smoke test", traffic: "direct", requests: 1, byNew: 1, ok: true });
            });
        }
        else {
            log.warning("No smokeTest request: the new deployment is only checked for health, and no requests are sent after each step.");
        }
        const mirrorPercent = baking ? (plan.bake?.mirrorPercent ?? 0) : 0;
        if (mirrorPercent > 0 && !hasTraffic(journal.saved)) {
            log.warning(`mirrorPercent ${mirrorPercent}: the endpoint has no live traffic to mirror yet; skipping the mirror step.`);
        }
        else if (mirrorPercent > 0 && endpoints.setMirror) {
            const setMirror = endpoints.setMirror.bind(endpoints);
            const mirror = { ...journal.savedMirror, [name]: mirrorPercent };
            const step = `mirror ${mirrorPercent} %`;
            const a = await log.group(`Mirror ${mirrorPercent} % of traffic to ${name} (answers discarded)`, async () => {
                await setMirror(plan.endpoint, mirror, log);
                try {
                    return await bakeStep(deps, plan, step, "mirror", journal.saved, mirror);
                }
                finally {
                    // The mirror ends before any live step (a deployment takes live or mirrored traffic, not both).
                    await setMirror(plan.endpoint, journal.savedMirror ?? {}, log);
                }
            });
            analysis.push(a);
            const n = a.deployments[`${name} (mirror)`];
            reports.push({
                step,
                traffic: `${describeTraffic(journal.saved)}; mirror ${name} ${mirrorPercent}%`,
                requests: Object.values(a.deployments).reduce((s, x) => s + x.requests, 0),
                byNew: n?.requests ?? 0,
                ok: a.verdict === "pass",
                note: a.reasons.join("; ") || undefined,
            });
            if (a.verdict !== "pass")
                throw new RolloutError(`${step}: ${a.verdict}: ${a.reasons.join("; ")}`);
        }
        for (const percent of steps) {
            if (deps.signal.aborted)
                throw new RolloutError("cancelled");
            const map = trafficAt(journal.saved, name, percent);
            const step = `${percent} %`;
            await log.group(`Traffic ${percent} % to ${name}`, async () => {
                await endpoints.setTraffic(plan.endpoint, map, log);
                const samples = [];
                let report;
                try {
                    report =
                        plan.request !== undefined && plan.burst > 0
                            ? await burst(deps, plan, plan.burst, step, samples)
                            : { step, traffic: "", requests: 0, byNew: 0, ok: true };
                }
                catch (error) {
                    // The burst's numbers go into the analysis even when it stopped the rollout.
                    if (!baking && samples.length)
                        analysis.push(burstAnalysis(step, map, samples, "fail", [(0,errors/* errorMessage */.gJ)(error)]));
                    throw error;
                }
                report.traffic = describeTraffic(map);
                reports.push(report);
                if (report.requests)
                    log.info(`${report.requests} request(s) answered, ${report.byNew} by ${name}`);
                if (!baking) {
                    if (samples.length)
                        analysis.push(burstAnalysis(step, map, samples, "pass", []));
                    return;
                }
                const a = await bakeStep(deps, plan, `${step} bake`, "live", map, undefined);
                analysis.push(a);
                reports.push({
                    step: `${step} bake`,
                    traffic: report.traffic,
                    requests: Object.values(a.deployments).reduce((s, x) => s + x.requests, 0),
                    byNew: a.deployments[name]?.requests ?? 0,
                    ok: a.verdict === "pass",
                    note: a.reasons.join("; ") || undefined,
                });
                if (a.verdict !== "pass")
                    throw new RolloutError(`${step} bake: ${a.verdict}: ${a.reasons.join("; ")}`);
            });
            journal.reached = percent;
            await rollout_writeJournal(deps.artifacts, journal);
        }
    }
    catch (error) {
        const message = (0,errors/* errorMessage */.gJ)(error);
        log.error(`Rollout of ${name} failed: ${message.split("\n")[0]}`);
        if (!(error instanceof RolloutError))
            log.info(message);
        reports.push({ step: "failed", traffic: "", requests: 0, byNew: 0, ok: false, note: message.split("\n")[0] });
        await log.group(`Roll back to ${describeTraffic(journal.saved)}`, () => undo(deps, journal));
        const after = (await endpoints.get(plan.endpoint)) ?? before;
        return { status: "RolledBack", rolledBack: true, steps: reports, analysis, error: message, endpoint: after };
    }
    await log.group("Remove old deployments", () => removeOldDeployments(deps, plan.endpoint, name));
    await rollout_writeJournal(deps.artifacts, { ...journal, state: "succeeded" });
    const after = (await endpoints.get(plan.endpoint)) ?? before;
    return { status: "Succeeded", rolledBack: false, steps: reports, analysis, endpoint: after };
}
/** A step without a bake window: the burst's numbers, judged by the burst's rule (every answer 2xx JSON). */
function burstAnalysis(step, traffic, samples, verdict, reasons) {
    return {
        step,
        kind: "burst",
        traffic,
        seconds: 0,
        source: "runner",
        deployments: summarize(samples),
        verdict,
        reasons,
    };
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/serves-model.js
const REGISTRY_ID = /^azureml:\/\/registries\//i;
/**
 * Whether a deployment's model (`name:version`, `azureml:name:version`, a workspace's ARM id or
 * a registry's `azureml://registries/...` id) is this version. A registry's version and a
 * workspace's version of the same name and number are different models: only the asset id tells
 * them apart, so a registry model matches its own id and nothing else.
 */
function servesModel(deployed, model) {
    if (model.assetId)
        return deployed.toLowerCase() === model.assetId.toLowerCase();
    if (REGISTRY_ID.test(deployed))
        return false;
    const plain = deployed.replace(/^azureml:/, "");
    return (plain === `${model.name}:${model.version}` ||
        (deployed.startsWith("/subscriptions/") && deployed.endsWith(`/models/${model.name}/versions/${model.version}`)));
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/batch-task.js
/**
 * deploy-endpoint with `endpointType: batch`: inputs checked, an interrupted rollout finished or
 * undone, the endpoint ensured, the rollout run (batch-rollout.ts), and its outputs and summary.
 */









/**
 * The user's scoring-script line in a job's error (`File ".../score.py", line 12` or
 * `score.py:12`), as the failure's location.
 */
function scriptLocation(error, scoringScript, cwd) {
    if (!error)
        return undefined;
    const name = (0,external_node_path_.basename)(scoringScript).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const m = new RegExp(`File "[^"]*\\b${name}", line (\\d+)`).exec(error) ?? new RegExp(`\\b${name}:(\\d+)`).exec(error);
    if (!m)
        return undefined;
    const rel = (0,external_node_path_.relative)(cwd, scoringScript);
    return { file: rel.startsWith("..") ? scoringScript : rel, line: Number(m[1]) };
}
/** Where a rollback points the user: the backend's file:line for the first failure, else one read from the error. */
function failureLocation(cwd, scoringScript, job, error) {
    if (job?.where) {
        const rel = (0,external_node_path_.relative)(cwd, job.where.file);
        return {
            file: rel.startsWith("..") || (0,external_node_path_.isAbsolute)(rel) ? job.where.file : rel,
            ...(job.where.line ? { line: job.where.line } : {}),
        };
    }
    return scriptLocation(job?.error ?? error, scoringScript, cwd);
}
async function runBatch(ctx, target) {
    const { workspace, log, inputs } = ctx;
    // The deployment ships codeDir and runs the script from inside it, on every backend.
    const inside = (0,external_node_path_.relative)(target.codeDir, target.scoringScript);
    if (inside.startsWith("..") || (0,external_node_path_.isAbsolute)(inside)) {
        throw new errors/* UserError */.yo(`'${inputs.string("codeDir")}' does not hold the scoring script ${inputs.string("scoringScript")}`, { input: "codeDir" }, "Give the folder the scoring script is in, or a folder above it");
    }
    const settings = await parseBatchSettings(ctx);
    const batch = workspace.batchEndpoints;
    const ignored = ignoredInputsWarning(ctx, "batch");
    if (ignored)
        log.warning(ignored);
    if (!workspace.capabilities.managedCompute && inputs.has("environment")) {
        log.debug("environment applies to Azure ML deployments; the local backend runs the script with python3");
    }
    const { endpoint, name, model } = target;
    const modelRef = (0,model_ref/* formatModelRef */.Q5)(model);
    const deployment = {
        name,
        model,
        scoringScript: target.scoringScript,
        codeDir: target.codeDir,
        miniBatchSize: settings.miniBatchSize,
        ...(settings.maxConcurrency !== undefined ? { maxConcurrency: settings.maxConcurrency } : {}),
        errorThreshold: settings.errorThreshold,
        outputFile: settings.outputFile,
        retry: settings.retry,
        environment: inputs.string("environment"),
        compute: settings.compute,
        instanceCount: inputs.number("instanceCount"),
    };
    const current = await batch.get(endpoint);
    if (inputs.boolean("dryRun"))
        return planOnly(ctx, batch, current, target, settings, modelRef);
    (0,fork_guard/* refuseForkWrites */.Z)(ctx, `deploy to batch endpoint '${endpoint}'`);
    const deps = { batch, artifacts: workspace.artifacts, log, signal: ctx.signal };
    // A rollout a killed runner left half done: finished when its job had passed, else undone.
    const journal = await readBatchJournal(workspace.artifacts, endpoint);
    if (journal && inProgressElsewhere(journal)) {
        throw new errors/* UserError */.yo(`another rollout (${journal.deployment}, process ${journal.pid}, started ${journal.startedAt}) is in progress on batch endpoint ${endpoint}`, { input: "endpoint" }, "Wait for it to finish, or serialise deployments of one endpoint (a GitHub concurrency group, an Azure DevOps exclusive lock)");
    }
    // The job of an interrupted rollout this run finished, when it rolled out what this run asks for.
    let finishedJob;
    if (journal?.state === "running") {
        try {
            const there = (await batch.get(endpoint))?.deployments.some((d) => d.name === journal.deployment);
            if (journal.reached === "passed" && there) {
                log.warning(`The rollout of ${journal.deployment} (started ${journal.startedAt}) passed its scoring job but did not finish: making it the default.`);
                await log.group(`Finish the rollout of ${journal.deployment}`, () => finishBatch(deps, journal));
                if (journal.deployment === name && journal.model === modelRef)
                    finishedJob = journal.job;
            }
            else {
                log.warning(`The rollout of ${journal.deployment} (started ${journal.startedAt}) was interrupted (${journal.reached}${journal.job ? `, job ${journal.job}` : ""}${there ? "" : `; ${journal.deployment} is gone`}): undoing it.`);
                await log.group(`Undo the rollout of ${journal.deployment}`, () => undoBatch(deps, journal));
            }
        }
        catch (error) {
            throw new errors/* TaskFailure */.Eg(`could not ${journal.reached === "passed" ? "finish" : "undo"} the interrupted rollout of ${journal.deployment}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    let before = await batch.get(endpoint);
    const createdHere = before === undefined;
    before = await log.group(`Batch endpoint ${endpoint}`, async () => {
        try {
            return await batch.ensure(endpoint, log);
        }
        catch (error) {
            if (createdHere)
                await batch.delete(endpoint, log).catch(() => { });
            throw error;
        }
    });
    log.info(`Batch endpoint ${endpoint}: ${before.scoringUri}; default deployment ${before.defaultDeployment ?? "(none)"}`);
    const existing = before.deployments.find((d) => d.name === name);
    if (existing && before.defaultDeployment === name) {
        if (servesModel(existing.model, model) && existing.status === "Succeeded" && !existing.error) {
            // Its scoring job passed in the interrupted run: that job is this rollout's, not scored again.
            const finished = finishedJob ? await batch.getJob(finishedJob) : undefined;
            if (finished?.status === "Completed") {
                return result(ctx, target, modelRef, {
                    status: "Succeeded",
                    steps: [
                        {
                            step: `make ${name} the default`,
                            detail: `finished the interrupted rollout, whose scoring job ${finished.name} had passed`,
                            ok: true,
                        },
                    ],
                    job: finished,
                    rows: finished.rows,
                    removed: [],
                    endpoint: before,
                });
            }
            log.info(`Deployment ${name} is already the default and scores with ${modelRef}: nothing to roll out; scoring ${settings.inputLabel} with it.`);
            return result(ctx, target, modelRef, await scoreWithDefault(deps, endpoint, name, settings));
        }
        throw new errors/* UserError */.yo(`deployment ${name} is the default of batch endpoint ${endpoint} (scoring with ${existing.model})`, { input: "deployment" }, "Set 'deployment' to a new name");
    }
    if (existing) {
        log.warning(`Deployment ${name} exists and is not the default (${existing.status}): replacing it with a fresh one.`);
        await batch.deleteDeployment(endpoint, name, log);
    }
    const plan = {
        endpoint,
        deployment,
        modelRef,
        settings,
        createdEndpoint: createdHere,
        ...(before.defaultDeployment ? { previousDefault: before.defaultDeployment } : {}),
    };
    let outcome;
    try {
        outcome = await batchRollout(deps, plan);
    }
    catch (error) {
        // A failed check is rolled back inside; what gets here is a backend call failing during the
        // rollback or the switch of the default. The journal stays running: the next run repairs it.
        throw new errors/* TaskFailure */.Eg(`the rollout of ${name} stopped and could not be completed or rolled back cleanly: ${(0,errors/* errorMessage */.gJ)(error)}. Re-run deploy-endpoint to finish or undo it`);
    }
    return result(ctx, target, modelRef, outcome);
}
/** dryRun: the rollout's changes in order; no scoring job is started. */
async function planOnly(ctx, batch, current, target, s, modelRef) {
    const { workspace, log } = ctx;
    const { endpoint, name } = target;
    const previous = current?.defaultDeployment;
    const older = (current?.deployments ?? []).map((d) => d.name).filter((d) => d !== name && d !== previous);
    const where = `${s.outputPath ?? "the job's output folder"}/${s.outputFile}`;
    const rows = [
        [current ? `use batch endpoint ${endpoint}` : `create batch endpoint ${endpoint}`, ""],
        [`create deployment ${name} (not the default)`, `${modelRef}, ${target.scoringScript}`],
        [
            `score ${s.inputLabel} with ${name}`,
            `mini-batches of ${s.miniBatchSize} file(s), ${s.maxConcurrency ?? "default"} worker(s), ${s.retry.timeoutSeconds} s and ${s.retry.maxRetries} retries each, errorThreshold ${s.errorThreshold}; rows to ${where}`,
        ],
        ...(s.expect ? [[`compare the rows with ${s.expect.file}`, `relative tolerance ${s.expect.tolerance}`]] : []),
        [`make ${name} the default`, previous ? `was ${previous}, kept for a switch back` : "first deployment"],
        ...older.map((d) => [`delete deployment ${d}`, "older than the previous default"]),
    ];
    if (!workspace.capabilities.plansDryRun) {
        log.info("dryRun on the local workspace: nothing is started or changed.");
    }
    else {
        await batch.ensure(endpoint, log);
        await batch.createDeployment(endpoint, {
            name,
            model: target.model,
            scoringScript: target.scoringScript,
            codeDir: target.codeDir,
            miniBatchSize: s.miniBatchSize,
            ...(s.maxConcurrency !== undefined ? { maxConcurrency: s.maxConcurrency } : {}),
            errorThreshold: s.errorThreshold,
            outputFile: s.outputFile,
            retry: s.retry,
            environment: ctx.inputs.string("environment"),
            compute: s.compute,
            instanceCount: ctx.inputs.number("instanceCount"),
        }, log);
        await batch.setDefault(endpoint, name, log);
        for (const d of older)
            await batch.deleteDeployment(endpoint, d, log);
    }
    const summary = [
        `### Deploy batch endpoint \`${endpoint}\` (dry run)`,
        "",
        `**Planned**: ${name} scores ${s.inputLabel} and becomes the default if the job passes; no scoring job is started in a dry run.`,
        "",
        (0,markdown/* table */.tp)(["change", "detail"], rows),
        "",
    ].join("\n");
    return {
        outputs: {
            deployment: name,
            scoringUri: current?.scoringUri ?? "",
            status: "Planned",
            rolledBack: "false",
            analysis: "[]",
            jobName: "",
            outputPath: s.outputPath ?? "",
            rows: "",
        },
        summary,
    };
}
function result(ctx, target, modelRef, outcome) {
    const { endpoint, name } = target;
    const job = outcome.job;
    const rolledBack = outcome.status === "RolledBack";
    const previous = outcome.endpoint?.defaultDeployment;
    const verdict = rolledBack
        ? `**Rolled back**: ${name} (${modelRef}) did not become the default; ${outcome.endpointRemoved
            ? `endpoint ${endpoint} was created by this run and has been removed`
            : previous
                ? `${previous} is still the default`
                : "the endpoint has no default deployment"}.`
        : outcome.unchanged
            ? `**Unchanged**: ${name} (${modelRef}) is already the default deployment of batch endpoint ${endpoint}; ${outcome.status === "Failed" ? "its scoring job failed" : "it scored the input"}.`
            : `**Deployed** ${name} (${modelRef}): the default deployment of batch endpoint ${endpoint}.`;
    const rows = outcome.rows ?? job?.rows;
    const facts = job
        ? [
            ["scoring job", job.studioUrl ? `[${job.name}](${job.studioUrl})` : job.name],
            ["status", job.status],
            ["files", job.files ? String(job.files.total) : "not reported"],
            ["failed files", job.files ? String(job.files.failed) : "not reported"],
            ["rows", rows === undefined ? "not reported" : String(rows)],
            // A failed job's output is not there to read (locally it is never published).
            ...(job.status === "Completed" ? [["output", `${job.outputPath}/${job.outputFile}`]] : []),
            ...(job.error ? [["error", job.error.split("\n")[0]]] : []),
        ]
        : [];
    const summary = [
        `### Deploy batch endpoint \`${endpoint}\``,
        "",
        verdict,
        "",
        ...(outcome.steps.length
            ? [
                (0,markdown/* table */.tp)(["step", "detail", "result"], outcome.steps.map((s) => [s.step, s.detail, s.ok ? "✅" : "❌"])),
                "",
            ]
            : []),
        ...(facts.length ? [(0,markdown/* table */.tp)(["", ""], facts), ""] : []),
    ].join("\n");
    const removed = outcome.endpointRemoved ? `; endpoint ${endpoint}, created by this run, has been removed` : "";
    // The location goes into the line itself too: not every host shows an annotation's file.
    const failed = rolledBack || outcome.status === "Failed";
    const at = failed ? failureLocation(ctx.cwd, target.scoringScript, job, outcome.error) : undefined;
    const shown = at?.file && !(outcome.error ?? "").includes(`${at.file}:`) ? ` (${at.file}${at.line ? `:${at.line}` : ""})` : "";
    return {
        outputs: {
            deployment: name,
            scoringUri: outcome.endpointRemoved ? "" : (outcome.endpoint?.scoringUri ?? ""),
            status: outcome.status,
            rolledBack: String(rolledBack),
            analysis: "[]",
            jobName: job?.name ?? "",
            outputPath: job?.outputPath ?? "",
            rows: rows === undefined ? "" : String(rows),
        },
        summary,
        failure: rolledBack
            ? `rollout of ${name} rolled back: ${outcome.error ?? ""}${shown}${removed}`
            : outcome.status === "Failed"
                ? `scoring with ${name}, the unchanged default, failed: ${outcome.error ?? ""}${shown}`
                : undefined,
        failureAt: at,
    };
}

// EXTERNAL MODULE: ./build/bundle/evaluation/evaluation-data.js
var evaluation_data = __webpack_require__(10725);
// EXTERNAL MODULE: ./build/bundle/evaluation/requests.js
var requests = __webpack_require__(55916);
;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/requests.js
/**
 * The bake load's requests from `evaluationData`: one request per row (the label column left
 * out), encoded in `requestFormat` by the same encoder compare-models scores with, so a bake sends
 * what users send: many different rows, not one request over and over. The first rows only
 * (MAX_ROWS), read streaming: a large file is not read whole.
 */



/** Rows kept for the load; it cycles through them. */
const MAX_ROWS = 1000;
const input = "evaluationData";
function parseRequestFormat(value) {
    const format = value || "rows";
    if (!requests/* REQUEST_FORMAT_NAMES */.RV.includes(format)) {
        throw new errors/* UserError */.yo(`'${format}' is not a request format`, { input: "requestFormat" }, `Use one of: ${requests/* REQUEST_FORMAT_NAMES */.RV.join(", ")}`);
    }
    return format;
}
/** One request body per row of the first MAX_ROWS rows, the label column dropped. */
async function rowRequests(data, labelColumn, format) {
    const { files, label: value } = data;
    const batches = (0,evaluation_data/* readRowBatches */.X)(files, { batchSize: MAX_ROWS, input });
    const first = await batches.next();
    await batches.return(undefined);
    if (first.done || first.value.rows.length === 0) {
        throw new errors/* UserError */.yo("holds no rows", { input }, "Give rows to send during the bake");
    }
    const { columns, rows } = first.value;
    const drop = labelColumn === undefined ? -1 : columns.indexOf(labelColumn);
    if (labelColumn !== undefined && drop < 0) {
        throw new errors/* UserError */.yo(`'${labelColumn}' is not a column of ${value}`, { input: "labelColumn" }, `Use one of: ${columns.join(", ")}`);
    }
    const features = columns.filter((_, i) => i !== drop);
    return rows.map((row) => (0,requests/* requestBody */.IO)(format, features, [row.filter((_, i) => i !== drop)]));
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/gate.js
/**
 * The rollout gate's inputs (bake window, thresholds, mirror step, expected smoke-test answer),
 * parsed and checked before anything changes, including whether the bake can reach
 * `minRequests` at the smallest step at all.
 */






/** Azure ML's ceiling for mirrored traffic, in percent of live requests. */
const MAX_MIRROR_PERCENT = 50;
function bounded(inputs, name, fallback, ok, what, fix) {
    const n = inputs.has(name) ? inputs.number(name) : fallback;
    if (n !== undefined && !ok(n))
        throw new errors/* UserError */.yo(`'${inputs.string(name)}' is not ${what}`, { input: name }, fix);
    return n;
}
async function parseGate(inputs, cwd, hasSmokeTest, endpoints, 
/** Resolves evaluationData as compare-models does (a file, a folder or a dataset reference). */
readData) {
    const seconds = bounded(inputs, "bakeSeconds", 0, (n) => n >= 0 && n <= 86_400, "a number of seconds", "Give 0 (the burst only) or the seconds of steady load after each step, such as 60");
    const rps = bounded(inputs, "rps", 5, (n) => n > 0 && n <= 1000, "a request rate", "Give requests per second from more than 0 to 1000, such as 5");
    const maxErrorRate = bounded(inputs, "maxErrorRate", 0.01, (n) => n >= 0 && n <= 1, "a share of requests", "Give a share from 0 to 1, such as 0.01 for 1 %");
    const maxLatencyMs = bounded(inputs, "maxLatencyMs", undefined, (n) => n > 0, "a number of milliseconds", "Give the p95 latency ceiling in milliseconds, such as 500, or leave it empty for none");
    const minRequests = bounded(inputs, "minRequests", 20, (n) => Number.isInteger(n) && n >= 0 && n <= 1_000_000, "a request count", "Give a whole number such as 20 (0 accepts a step with no requests)");
    const mirrorPercent = bounded(inputs, "mirrorPercent", 0, (n) => Number.isInteger(n) && n >= 0 && n <= MAX_MIRROR_PERCENT, `a whole percent from 0 to ${MAX_MIRROR_PERCENT} (Azure ML mirrors at most ${MAX_MIRROR_PERCENT} % of traffic)`, `Give a whole percent from 0 to ${MAX_MIRROR_PERCENT}, such as 10`);
    const tolerance = bounded(inputs, "smokeTestTolerance", 1e-6, (n) => n >= 0 && n < 1, "a relative tolerance", "Give a relative tolerance from 0 to below 1, such as 1e-6");
    const gate = {};
    if (inputs.has("smokeTestExpect")) {
        if (!hasSmokeTest) {
            throw new errors/* UserError */.yo("needs a smoke test to compare with", { input: "smokeTestExpect" }, "Set smokeTest to the request whose answer smokeTestExpect holds");
        }
        const file = (0,external_node_path_.resolve)(cwd, inputs.requiredString("smokeTestExpect"));
        await readJsonRequest(file, "smokeTestExpect");
        gate.expect = {
            value: JSON.parse(await (0,promises_.readFile)(file, "utf8")),
            tolerance,
            file: inputs.requiredString("smokeTestExpect"),
        };
    }
    if (mirrorPercent > 0 && seconds === 0) {
        throw new errors/* UserError */.yo(`mirrorPercent ${mirrorPercent} needs a bake window to measure the mirrored copies in`, { input: "mirrorPercent" }, "Set bakeSeconds too, such as 60, or mirrorPercent to 0");
    }
    if (mirrorPercent > 0 && !endpoints.setMirror) {
        throw new errors/* UserError */.yo("this workspace's endpoints cannot mirror traffic", { input: "mirrorPercent" }, "Set mirrorPercent to 0");
    }
    // requestFormat has a default the hosts fill in: only inputs without one can be told apart as set.
    for (const name of ["evaluationData", "labelColumn"]) {
        if (seconds === 0 && inputs.has(name)) {
            throw new errors/* UserError */.yo("is only used by the bake load, and bakeSeconds is 0", { input: name }, "Set bakeSeconds, or remove this input");
        }
    }
    if (!inputs.has("evaluationData")) {
        for (const name of ["labelColumn"]) {
            if (inputs.has(name))
                throw new errors/* UserError */.yo("is set but evaluationData is not", { input: name }, "Set evaluationData, or remove this input");
        }
    }
    if (seconds === 0)
        return gate;
    if (!hasSmokeTest) {
        throw new errors/* UserError */.yo("needs a request to send: the smokeTest request goes first, and is the bake load unless evaluationData is given", { input: "bakeSeconds" }, "Set smokeTest to a JSON request file, or bakeSeconds to 0");
    }
    gate.bake = { seconds, rps, thresholds: { maxErrorRate, maxLatencyMs, minRequests }, mirrorPercent };
    if (inputs.has("evaluationData")) {
        gate.bake.requests = await rowRequests(await readData(inputs.requiredString("evaluationData")), inputs.string("labelColumn") || undefined, parseRequestFormat(inputs.choice("requestFormat")));
    }
    return gate;
}
/**
 * Can the task's own load reach minRequests at the smallest share the new deployment will get?
 * `live`: whether the endpoint serves traffic now (else the rollout goes to 100 % at once and
 * there is nothing to mirror). Throws or warns (see below); returns the warnings.
 */
function checkBakeSize(gate, steps, live, endpoints) {
    if (!gate.bake)
        return [];
    const { rps, seconds, mirrorPercent: mirror } = gate.bake;
    const { minRequests } = gate.bake.thresholds;
    const mirrorPercent = live ? mirror : 0;
    const smallest = Math.min(live ? steps[0] : 100, ...(mirrorPercent > 0 ? [mirrorPercent] : []));
    const expected = expectedRequests(rps, seconds, smallest);
    if (expected < minRequests) {
        const need = bakeNeeded(rps, smallest, minRequests);
        const where = smallest === mirrorPercent && mirrorPercent > 0 ? `the mirror step (${smallest} %)` : `the ${smallest} % step`;
        const text = `at ${rps} request(s)/s for ${seconds} s the new deployment gets about ${expected} request(s) at ${where}, fewer than minRequests ${minRequests}`;
        const fix = `Set bakeSeconds to at least ${need} (minRequests × 100 / (rps × ${smallest})), raise rps, or lower minRequests`;
        // An endpoint that records every request it serves counts its other traffic too: the task's
        // own load is only a floor there, so it is a warning. Elsewhere only the task's requests are
        // measured, so the step would be inconclusive for certain: refused before anything changes.
        if (!endpoints.served)
            throw new errors/* UserError */.yo(text, { input: "bakeSeconds" }, fix);
        return [
            `${text}; other traffic through the endpoint counts too, else the step is inconclusive and rolls back. ${fix}.`,
        ];
    }
    return [];
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/report.js
/**
 * The rollout's measurements in the job summary: one table row per deployment per step, then a
 * text chart per step (p95 latency bars with error rates), which renders the same on GitHub and
 * Azure DevOps.
 */


const VERDICT = { pass: "✅ pass", fail: "❌ fail", inconclusive: "❔ inconclusive" };
const percent = (rate) => `${(0,markdown/* num */.bu)(rate * 100)} %`;
function traffic(a) {
    const mirror = Object.entries(a.mirrorTraffic ?? {}).filter(([, p]) => p > 0);
    return `${describeTraffic(a.traffic)}${mirror.length ? `; mirror ${mirror.map(([d, p]) => `${d} ${p}%`).join(", ")}` : ""}`;
}
/** A bar per deployment: its p95 latency against the slowest in the step. */
function chart(a, width = 30) {
    const entries = Object.entries(a.deployments);
    const slowest = Math.max(...entries.map(([, n]) => n.p95), 0);
    const label = Math.max(...entries.map(([d]) => d.length), 4);
    const lines = entries.map(([d, n]) => {
        const bar = slowest > 0 ? "█".repeat(Math.max(1, Math.round((n.p95 / slowest) * width))) : "";
        return `${d.padEnd(label)}  p95 ${bar.padEnd(width)} ${(0,markdown/* num */.bu)(n.p95)} ms  errors ${percent(n.errorRate)} of ${n.requests}`;
    });
    // Inside a code block only a backtick could end it early; names cannot hold one, but be sure.
    const safe = [`${a.step} (${a.verdict})`, ...lines].map((l) => l.replace(/`/g, "'"));
    return ["```text", ...safe, "```"].join("\n");
}
/**
 * The endpoint's own metrics per step (Azure Monitor), beside the runner's: informational, and
 * why they are absent when they are.
 */
function platformSection(analysis) {
    const shown = analysis.filter((a) => a.platform);
    if (shown.length === 0)
        return [];
    const rows = shown.flatMap((a) => {
        const p = a.platform;
        if (!p.available)
            return [[a.step, "", "", "", "", p.reason]];
        return Object.entries(p.deployments).map(([d, n], i) => [
            i === 0 ? a.step : "",
            i === 0 ? p.timespan : "",
            d,
            n.requests ?? "",
            n.p95 === undefined ? "" : (0,markdown/* num */.bu)(n.p95),
            n.p99 === undefined ? "" : (0,markdown/* num */.bu)(n.p99),
        ]);
    });
    return [
        "",
        "#### The endpoint's own metrics (Azure Monitor) — informational: 1-minute grain over whole minutes, minutes late; the runner's numbers above decide",
        "",
        (0,markdown/* table */.tp)(["step", "timespan", "deployment", "requests", "p95 (worst minute)", "p99 (worst minute)"], rows),
    ];
}
function renderAnalysis(analysis, deployment) {
    const rows = analysis.flatMap((a) => Object.entries(a.deployments).map(([d, n], i) => [
        i === 0 ? a.step : "",
        i === 0 ? traffic(a) : "",
        d === deployment || d === `${deployment} (mirror)` ? `**${d}**` : d,
        n.requests,
        n.errors,
        percent(n.errorRate),
        (0,markdown/* num */.bu)(n.p50),
        (0,markdown/* num */.bu)(n.p95),
        (0,markdown/* num */.bu)(n.p99),
        i === 0 ? `${VERDICT[a.verdict]}${a.reasons.length ? `: ${a.reasons.join("; ")}` : ""}` : "",
    ]));
    const measured = analysis.some((a) => a.source === "router")
        ? "recorded by the endpoint's router: every request through it"
        : "measured by this task from its own requests";
    return [
        `#### Measurements — ${measured}; latency in ms`,
        "",
        (0,markdown/* table */.tp)(["step", "traffic", "deployment", "requests", "errors", "error rate", "p50", "p95", "p99", "verdict"], rows),
        "",
        analysis.map((a) => chart(a)).join("\n\n"),
        ...platformSection(analysis),
    ].join("\n");
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy-endpoint.js
















/** `diabetes-model` version 3 → `diabetes-model-v3`, cut to Azure ML's 32 characters. */
function deploymentNameFor(model, version) {
    const suffix = `-v${version.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 12);
    let base = model
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/^[^a-z]+/, "");
    base = (base || "model").slice(0, 32 - suffix.length).replace(/-+$/, "");
    return `${base}${suffix}`.replace(/-+$/, "");
}
async function existingPath(cwd, value, input, kind) {
    const path = (0,external_node_path_.resolve)(cwd, value);
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (!info || (kind === "file" ? !info.isFile() : !info.isDirectory())) {
        throw new errors/* UserError */.yo(`'${value}' is not an existing ${kind}`, { input }, `Give a ${kind} path relative to the working directory`);
    }
    return path;
}
async function run(ctx) {
    const { inputs, workspace, log } = ctx;
    // Every input is checked before anything changes.
    const endpoint = inputs.requiredString("endpoint");
    (0,names/* checkName */.I3)("endpoint", endpoint, "endpoint");
    const ref = (0,model_ref/* parseModelInput */.Dq)(inputs.requiredString("model"), "model");
    const scoringScript = await existingPath(ctx.cwd, inputs.requiredString("scoringScript"), "scoringScript", "file");
    const codeDir = inputs.has("codeDir")
        ? await existingPath(ctx.cwd, inputs.requiredString("codeDir"), "codeDir", "folder")
        : (0,external_node_path_.dirname)(scoringScript);
    const model = await (0,model_ref/* resolveModelInput */.uC)(ctx, ref, inputs.string("registry"), "model");
    const modelRef = (0,model_ref/* formatModelRef */.Q5)(model);
    const name = inputs.string("deployment") || deploymentNameFor(model.name, model.version);
    (0,names/* checkName */.I3)("deployment", name, "deployment");
    // Batch branches off here: none of the online inputs below apply to it.
    if (inputs.choice("endpointType") === "batch") {
        return runBatch(ctx, { endpoint, name, model, scoringScript, codeDir });
    }
    const ignored = ignoredInputsWarning(ctx, "online");
    if (ignored)
        log.warning(ignored);
    const steps = parseTrafficSteps(inputs.string("traffic") ?? "100");
    const burst = inputs.number("burst") ?? 20;
    if (!Number.isInteger(burst) || burst < 0 || burst > 10_000) {
        throw new errors/* UserError */.yo(`'${burst}' is not a request count`, { input: "burst" }, "Give a whole number from 0 to 10000");
    }
    const startTimeout = inputs.number("startTimeout") ?? 120;
    if (!(Number.isFinite(startTimeout) && startTimeout > 0 && startTimeout <= 86_400)) {
        throw new errors/* UserError */.yo(`'${inputs.string("startTimeout")}' is not a number of seconds`, { input: "startTimeout" }, "Give the seconds a deployment may take to start, such as 120 (at most 86400)");
    }
    const request = inputs.has("smokeTest")
        ? await readJsonRequest((0,external_node_path_.resolve)(ctx.cwd, inputs.requiredString("smokeTest")), "smokeTest")
        : undefined;
    const gate = await parseGate(inputs, ctx.cwd, request !== undefined, workspace.endpoints, (value) => (0,data_input/* resolveDataInput */.t0)(ctx, value, "evaluationData"));
    if (!workspace.capabilities.managedCompute && (inputs.has("environment") || inputs.has("instanceType"))) {
        log.debug("environment and instanceType apply to Azure ML deployments; the local backend ignores them");
    }
    const deployment = {
        name,
        model,
        scoringScript,
        codeDir,
        environment: inputs.string("environment"),
        instanceType: inputs.string("instanceType"),
        instanceCount: inputs.number("instanceCount"),
        startTimeoutMs: Math.round(startTimeout * 1000),
    };
    // The bake is sized against the endpoint as it is: its first deployment goes to 100 % at once.
    const current = await workspace.endpoints.get(endpoint);
    const sizing = checkBakeSize(gate, steps, hasTraffic(current?.traffic ?? {}), workspace.endpoints);
    if (inputs.boolean("dryRun")) {
        for (const w of sizing)
            log.warning(w);
        return deploy_endpoint_planOnly(ctx, endpoint, steps, deployment, gate.bake);
    }
    // On any backend: a deployment serves (and a local one runs) the fork's scoring code.
    (0,fork_guard/* refuseForkWrites */.Z)(ctx, `deploy to endpoint '${endpoint}'`);
    const deps = { endpoints: workspace.endpoints, artifacts: workspace.artifacts, log, signal: ctx.signal };
    // An endpoint this run creates is removed again if its first rollout fails: nothing is left running.
    const createdHere = current === undefined;
    let before = await log.group(`Endpoint ${endpoint}`, async () => {
        try {
            return await workspace.endpoints.ensure(endpoint, log);
        }
        catch (error) {
            // Created but not started (its router, its provisioning): not left behind either.
            if (createdHere)
                await workspace.endpoints.delete(endpoint, log).catch(() => { });
            throw error;
        }
    });
    log.info(`Endpoint ${endpoint}: ${before.scoringUri}; traffic ${describeTraffic(before.traffic)}`);
    for (const w of sizing)
        log.warning(w);
    for (const d of before.deployments) {
        if (d.error)
            log.warning(`Deployment ${d.name} is not serving: ${d.error}`);
    }
    // A rollout that a killed runner left half done is finished (it had passed 100 %) or undone.
    const journal = await readJournal(workspace.artifacts, endpoint);
    if (journal && inProgressElsewhere(journal)) {
        throw new errors/* UserError */.yo(`another rollout (${journal.deployment}, process ${journal.pid}, started ${journal.startedAt}) is in progress on endpoint ${endpoint}`, { input: "endpoint" }, "Wait for it to finish, or serialise deployments of one endpoint (a GitHub concurrency group, an Azure DevOps exclusive lock)");
    }
    if (journal?.state === "running") {
        if (journal.reached === 100) {
            log.warning(`The rollout of ${journal.deployment} (started ${journal.startedAt}) reached 100 % but did not finish: finishing it.`);
            await removeOldDeployments(deps, endpoint, journal.deployment);
        }
        else {
            log.warning(`The rollout of ${journal.deployment} (started ${journal.startedAt}) was interrupted at ${journal.reached} %: undoing it.`);
            try {
                await undo(deps, journal);
            }
            catch (error) {
                throw new errors/* TaskFailure */.Eg(`could not undo the interrupted rollout of ${journal.deployment}: ${error.message}`);
            }
        }
        before = (await workspace.endpoints.get(endpoint)) ?? before;
    }
    const existing = before.deployments.find((d) => d.name === name);
    if (existing) {
        const share = before.traffic[name] ?? 0;
        if (share === 100 && servesModel(existing.model, model) && !existing.error) {
            log.info(`Deployment ${name} already serves ${modelRef} with all traffic: nothing to roll out.`);
            await removeOldDeployments(deps, endpoint, name);
            const now = (await workspace.endpoints.get(endpoint)) ?? before;
            return deploy_endpoint_result(name, now.scoringUri, { status: "Succeeded", rolledBack: false, steps: [], analysis: [], endpoint: now }, modelRef, before.traffic);
        }
        if (share > 0) {
            throw new errors/* UserError */.yo(`deployment ${name} already exists on endpoint ${endpoint} with ${share} % of the traffic (serving ${existing.model})`, { input: "deployment" }, "Set 'deployment' to a new name");
        }
        log.warning(`Removing leftover deployment ${name} (0 % traffic, ${existing.status}) from an earlier run.`);
        await workspace.endpoints.deleteDeployment(endpoint, name, log);
        before = (await workspace.endpoints.get(endpoint)) ?? before;
    }
    let outcome;
    const removeIfCreated = async () => {
        if (!createdHere)
            return undefined;
        try {
            await log.group(`Remove endpoint ${endpoint} (created by this run)`, () => workspace.endpoints.delete(endpoint, log));
            return `endpoint ${endpoint} was created by this run and has been removed`;
        }
        catch (error) {
            log.warning(`Could not remove endpoint ${endpoint}, created by this run: ${(0,errors/* errorMessage */.gJ)(error)}`);
            return `endpoint ${endpoint} was created by this run but could not be removed: ${(0,errors/* errorMessage */.gJ)(error)}`;
        }
    };
    try {
        outcome = await blueGreen(deps, {
            endpoint,
            deployment,
            modelRef,
            steps,
            request,
            burst,
            bake: gate.bake,
            expect: gate.expect,
            alreadyFailing: before.deployments.filter((d) => d.error || d.status === "Failed").map((d) => d.name),
        }, before);
    }
    catch (error) {
        // A failed step is rolled back inside; what gets here is a rollback (or its journal) failing.
        // The journal stays "running", so the next run undoes what is left; an endpoint this run
        // created is removed whole instead.
        const removed = await removeIfCreated();
        throw new errors/* TaskFailure */.Eg(removed?.endsWith("removed")
            ? `the rollout of ${name} failed and its rollback too (${(0,errors/* errorMessage */.gJ)(error)}); ${removed}`
            : `the rollout of ${name} stopped and could not be rolled back cleanly: ${(0,errors/* errorMessage */.gJ)(error)}. Re-run deploy-endpoint to undo it`);
    }
    const removed = outcome.rolledBack ? await removeIfCreated() : undefined;
    return deploy_endpoint_result(name, removed ? "" : outcome.endpoint.scoringUri, outcome, modelRef, before.traffic, removed);
}
/**
 * Plan mode: the rollout's changes, in order, with no scoring request. The Azure ML backend
 * records the requests these calls would send (its plan file); the local backend has no such
 * recorder, so there the plan is only shown and nothing is called.
 */
async function deploy_endpoint_planOnly(ctx, endpoint, steps, deployment, bake) {
    const { workspace, log } = ctx;
    const current = await workspace.endpoints.get(endpoint);
    const saved = current?.traffic ?? {};
    const effective = hasTraffic(saved) ? steps : [100];
    const mirror = bake && bake.mirrorPercent > 0 && hasTraffic(saved) ? bake.mirrorPercent : 0;
    const savedMirror = current?.mirrorTraffic ?? {};
    const baking = bake ? ` (then ${bake.seconds} s of load at ${bake.rps}/s, judged)` : "";
    const old = (current?.deployments ?? []).map((d) => d.name).filter((d) => d !== deployment.name);
    const rows = [
        [current ? `use endpoint ${endpoint}` : `create endpoint ${endpoint}`, ""],
        [`create deployment ${deployment.name} at 0 %`, `${(0,model_ref/* formatModelRef */.Q5)(deployment.model)}, ${deployment.scoringScript}`],
        ...(mirror
            ? [
                [`mirror ${mirror} % to ${deployment.name}`, `for ${bake?.seconds} s, answers discarded, judged`],
                [`end the mirror`, describeTraffic(savedMirror)],
            ]
            : []),
        ...effective.map((p) => [
            `traffic ${p} % to ${deployment.name}`,
            `${describeTraffic(trafficAt(saved, deployment.name, p))}${baking}`,
        ]),
        ...old.map((d) => [`delete deployment ${d}`, "once at 0 %"]),
    ];
    if (!workspace.capabilities.plansDryRun) {
        log.info("dryRun on the local workspace: nothing is started or changed.");
    }
    else {
        await workspace.endpoints.ensure(endpoint, log);
        await workspace.endpoints.createDeployment(endpoint, deployment, log);
        if (mirror && workspace.endpoints.setMirror) {
            await workspace.endpoints.setMirror(endpoint, { ...savedMirror, [deployment.name]: mirror }, log);
            await workspace.endpoints.setMirror(endpoint, savedMirror, log);
        }
        for (const p of effective)
            await workspace.endpoints.setTraffic(endpoint, trafficAt(saved, deployment.name, p), log);
        for (const d of old)
            await workspace.endpoints.deleteDeployment(endpoint, d, log);
    }
    const summary = [
        `### Deploy endpoint \`${endpoint}\` (dry run)`,
        "",
        `**Planned**: blue/green rollout of ${deployment.name}; no smoke test or scoring request is sent in a dry run.`,
        "",
        (0,markdown/* table */.tp)(["change", "detail"], rows),
        "",
    ].join("\n");
    return {
        outputs: {
            deployment: deployment.name,
            scoringUri: current?.scoringUri ?? "",
            status: "Planned",
            rolledBack: "false",
            analysis: "[]",
        },
        summary,
    };
}
function deploy_endpoint_result(name, scoringUri, outcome, modelRef, saved, removed) {
    const verdict = outcome.rolledBack
        ? removed
            ? `**Rolled back**: ${name} (${modelRef}) did not go live; ${removed}.`
            : `**Rolled back**: ${name} (${modelRef}) did not go live; traffic restored to ${describeTraffic(saved)}.`
        : `**Deployed** ${name} (${modelRef}): it serves all traffic at ${scoringUri}.`;
    const rows = outcome.steps.map((s) => [
        s.step,
        s.traffic,
        s.requests,
        s.byNew,
        s.ok ? `✅${s.note ? ` (${s.note})` : ""}` : `❌ ${s.note ?? ""}`,
    ]);
    const summary = [
        `### Deploy endpoint \`${outcome.endpoint.name}\``,
        "",
        verdict,
        "",
        ...(rows.length ? [(0,markdown/* table */.tp)(["step", "traffic", "requests", `answered by ${name}`, "result"], rows), ""] : []),
        ...(outcome.analysis.length ? [renderAnalysis(outcome.analysis, name), ""] : []),
    ].join("\n");
    return {
        outputs: {
            deployment: name,
            scoringUri,
            status: outcome.status,
            rolledBack: String(outcome.rolledBack),
            analysis: JSON.stringify(outcome.analysis),
        },
        summary,
        failure: outcome.rolledBack
            ? `rollout of ${name} rolled back: ${(outcome.error ?? "").split("\n")[0]}${removed ? `; ${removed}` : ""}`
            : undefined,
    };
}


/***/ }),

/***/ 14045:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ resolveModel),
/* harmony export */   Dq: () => (/* binding */ parseModelInput),
/* harmony export */   Q5: () => (/* binding */ formatModelRef),
/* harmony export */   qV: () => (/* binding */ parseModelRef),
/* harmony export */   uC: () => (/* binding */ resolveModelInput)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91746);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28613);


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


/***/ })

};
