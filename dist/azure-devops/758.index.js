export const id = 758;
export const ids = [758];
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

/***/ 8239:
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

/***/ 9758:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _data_fingerprint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8630);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1746);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8613);
/* harmony import */ var _references_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3743);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8239);
/* harmony import */ var _util_sas_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3043);
/* harmony import */ var _fork_guard_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5730);









async function run(ctx) {
    const { inputs, workspace, log } = ctx;
    const name = inputs.requiredString("name");
    (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .checkName */ .I3)("data asset", name, "name");
    const given = inputs.requiredString("path");
    // A SAS is a credential: masked before anything can log it, shown as `?<SAS redacted>`.
    (0,_util_sas_js__WEBPACK_IMPORTED_MODULE_6__/* .registerSas */ .$D)(given, (v) => log.secret(v));
    const remote = (0,_references_js__WEBPACK_IMPORTED_MODULE_7__/* .isRemoteUri */ .DE)(given);
    const path = remote ? given : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(ctx.cwd, given);
    const shown = remote ? (0,_util_sas_js__WEBPACK_IMPORTED_MODULE_6__/* .showUri */ .qZ)(given) : path;
    const tags = inputs.map("tags");
    const dryRun = inputs.boolean("dryRun");
    if (!dryRun && workspace.capabilities.sharedWrites)
        (0,_fork_guard_js__WEBPACK_IMPORTED_MODULE_5__/* .refuseForkWrites */ .Z)(ctx, `register data asset '${name}'`);
    const fp = remote
        ? remoteFingerprint((0,_util_sas_js__WEBPACK_IMPORTED_MODULE_6__/* .withoutSas */ .W4)(given))
        : await log.group(`Fingerprint ${path}`, () => (0,_data_fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .fingerprint */ .R)(path));
    const type = inputs.choice("type") ?? (fp.isFile ? "uri_file" : "uri_folder");
    if (type === "uri_file" && !fp.isFile) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`'${shown}' is a folder but type is uri_file`, { input: "type" }, "Use uri_folder or mltable for a folder");
    }
    if (type !== "uri_file" && fp.isFile) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`'${shown}' is a file but type is ${type}`, { input: "type" }, "Use uri_file for a single file");
    }
    if (remote)
        log.info(`${shown} is already in storage: registered in place; its fingerprint is the URI's.`);
    else
        log.info(`${fp.files.length} file(s), ${fp.bytes} bytes, fingerprint ${fp.digest}`);
    const latest = await workspace.datasets.get(name, "latest");
    let changed = false;
    let version = latest;
    if (latest && latest.fingerprint === fp.digest) {
        log.info(`Unchanged: ${name}:${latest.version} already holds this content; nothing registered.`);
    }
    else if (dryRun && !workspace.capabilities.plansDryRun) {
        log.info(`Plan: would register ${name}:${latest ? Number(latest.version) + 1 : 1} from ${shown}; nothing written.`);
        return {
            outputs: { name, version: "", changed: "true", fingerprint: fp.digest, uri: "" },
            summary: `### Dataset \`${name}\` (plan)\n\nWould register a new version from \`${remote ? shown : given}\` (fingerprint \`${fp.digest.slice(0, 12)}\`).\n`,
        };
    }
    else {
        if (ctx.run.commit)
            tags.commit ??= ctx.run.commit;
        if (ctx.run.runUrl)
            tags.runUrl ??= ctx.run.runUrl;
        tags.fingerprint = fp.digest;
        version = await workspace.datasets.create({
            name,
            type,
            source: path,
            fingerprint: fp.digest,
            files: remote ? undefined : fp.files,
            description: inputs.string("description"),
            tags,
        }, log);
        changed = version.version !== latest?.version;
    }
    if (!version)
        throw new Error("registration returned no version");
    const summary = [
        `### Dataset \`${name}\``,
        "",
        (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .table */ .tp)(["version", "changed", "files", "bytes", "fingerprint"], [[version.version, changed, fp.files.length, fp.bytes, `\`${fp.digest.slice(0, 12)}\``]]),
        "",
    ].join("\n");
    return {
        outputs: {
            name,
            version: version.version,
            changed: String(changed),
            fingerprint: fp.digest,
            uri: (0,_util_sas_js__WEBPACK_IMPORTED_MODULE_6__/* .showUri */ .qZ)(version.uri),
        },
        summary,
    };
}
/**
 * Data already in storage is not read: the same URI registered again counts as unchanged (a SAS
 * is left out: it changes with every token, the data does not). Its type defaults to a folder
 * when the URI ends with a slash.
 */
function remoteFingerprint(uri) {
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(`uri\0${uri}`).digest("hex");
    return { digest, files: [], isFile: !uri.endsWith("/"), bytes: 0 };
}


/***/ })

};
