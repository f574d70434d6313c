export const id = 571;
export const ids = [571];
export const modules = {

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

/***/ 8571:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/bundle/errors.js
var errors = __webpack_require__(1746);
// EXTERNAL MODULE: ./build/bundle/names.js
var names = __webpack_require__(8613);
// EXTERNAL MODULE: ./build/bundle/pipeline/parse.js + 3 modules
var parse = __webpack_require__(6375);
// EXTERNAL MODULE: ./build/bundle/pipeline/plan.js
var pipeline_plan = __webpack_require__(9693);
// EXTERNAL MODULE: ./build/bundle/pipeline/problems.js
var pipeline_problems = __webpack_require__(8438);
;// CONCATENATED MODULE: ./build/bundle/pipeline/index.js
/** Load, validate and plan a pipeline job YAML: what a task needs before any backend acts. */




/**
 * Reads the YAML (with `set` overrides), validates it and plans it. Every warning (what Azure ML
 * accepts but looks wrong) and every problem is logged at its file:line:column, naming the task's
 * input from `inputs`; the first problem is thrown as a UserError saying how many there are (the
 * task names its input: withInputs).
 */
async function preparePipeline(file, set, log, inputs = {}) {
    const { job, problems } = await (0,parse/* loadPipeline */.B)(file, { set });
    const { plan } = (0,pipeline_plan/* planPipeline */.a)(job, problems);
    const describe = (p) => (0,pipeline_problems/* describeProblem */.B)({ ...p, where: (0,errors/* namingInput */.nm)(p.where, inputs) });
    for (const w of problems.warnings)
        log.warning(describe(w));
    if (!problems.empty) {
        if (problems.list.length > 1)
            for (const p of problems.list)
                log.error(describe(p));
        throw problems.toError();
    }
    return { job, plan };
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/render.js
function describeInput(i) {
    switch (i.kind) {
        case "value":
            return JSON.stringify(i.value);
        case "data":
            return `${i.type} ${i.path}`;
        case "step":
            return `${i.step}.${i.output}`;
        case "search":
            return "search space";
        case "none":
            return "(not given)";
    }
}
/** One line per step: its level, kind, inputs and what it waits for. */
function planLines(plan, reused = []) {
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    const lines = [];
    plan.levels.forEach((level, i) => {
        lines.push(`Stage ${i + 1}${level.length > 1 ? ` (${level.length} steps in parallel)` : ""}:`);
        for (const id of level) {
            const s = byId.get(id);
            const kind = s.node.type === "sweep" ? `sweep of ${describeSweep(s.node.sweep)}` : s.node.type;
            const ins = Object.entries(s.inputs)
                .map(([k, v]) => `${k}=${describeInput(v)}`)
                .join(", ");
            lines.push(`  ${id} [${kind}]${reused.includes(id) ? " (would be reused)" : ""}${ins ? ` ← ${ins}` : ""}`);
        }
    });
    for (const [name, src] of Object.entries(plan.outputs))
        lines.push(`Output ${name} ← ${src.step}.${src.output}`);
    return lines;
}
function describeSweep(s) {
    const total = Number.isFinite(s.limits.maxTotalTrials) ? `${s.limits.maxTotalTrials} trials` : "all grid trials";
    return `${total}, ${s.sampling.type}, ${s.objective.goal} ${s.objective.primaryMetric}`;
}
const nodeId = (id) => `s_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;
/** The DAG as a mermaid flowchart: steps as nodes, data edges labelled with output names. */
function mermaid(plan, reused = []) {
    const lines = ["flowchart LR"];
    for (const s of plan.steps) {
        const label = `${s.id}${s.node.type !== "command" ? ` (${s.node.type})` : ""}${reused.includes(s.id) ? " ♻" : ""}`;
        lines.push(`  ${nodeId(s.id)}["${label.replace(/"/g, "'")}"]`);
    }
    for (const s of plan.steps) {
        for (const i of Object.values(s.inputs)) {
            if (i.kind === "step")
                lines.push(`  ${nodeId(i.step)} -->|${i.output}| ${nodeId(s.id)}`);
        }
    }
    for (const [name, src] of Object.entries(plan.outputs)) {
        lines.push(`  out_${name.replace(/[^A-Za-z0-9_]/g, "_")}[/"${name}"/]`);
        lines.push(`  ${nodeId(src.step)} -->|${src.output}| out_${name.replace(/[^A-Za-z0-9_]/g, "_")}`);
    }
    return lines.join("\n");
}

// EXTERNAL MODULE: ./build/bundle/report/markdown.js
var markdown = __webpack_require__(8239);
// EXTERNAL MODULE: ./build/bundle/util/sas.js
var sas = __webpack_require__(3043);
// EXTERNAL MODULE: ./build/bundle/tasks/error-inputs.js
var error_inputs = __webpack_require__(5386);
// EXTERNAL MODULE: ./build/bundle/tasks/fork-guard.js
var fork_guard = __webpack_require__(5730);
;// CONCATENATED MODULE: ./build/bundle/tasks/submit-pipeline.js










async function run(ctx) {
    const { inputs, workspace, log } = ctx;
    const attach = inputs.string("jobName");
    const timeout = inputs.number("timeoutMinutes");
    if (timeout !== undefined && !(timeout > 0)) {
        throw new errors/* UserError */.yo(`'${timeout}' is not a positive number of minutes`, { input: "timeoutMinutes" }, "Give a number of minutes such as 60");
    }
    const maxParallel = inputs.number("maxParallel");
    if (maxParallel !== undefined && !(Number.isInteger(maxParallel) && maxParallel >= 1)) {
        throw new errors/* UserError */.yo(`'${maxParallel}' is not a whole number of processes`, { input: "maxParallel" }, "Give 1 or more");
    }
    const waitOptions = { log, signal: ctx.signal, timeoutMs: timeout !== undefined ? timeout * 60_000 : undefined };
    if (attach) {
        (0,names/* checkName */.I3)("job", attach, "jobName");
        if (!(await workspace.jobs.get(attach))) {
            throw new errors/* UserError */.yo(`no job '${attach}' on the ${workspace.description}`, { input: "jobName" }, "Give the jobName a previous submit-pipeline printed");
        }
        log.info(`Attaching to job ${attach}`);
        return report(await workspace.jobs.wait(attach, waitOptions), ctx);
    }
    const given = inputs.requiredString("pipeline");
    // Resolved as a path, a URL would become a folder named `https:` and "does not exist".
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(given)) {
        throw new errors/* UserError */.yo(`'${(0,sas/* showUri */.qZ)(given)}' is a URL, not a file`, { input: "pipeline" }, "Give the path of the pipeline YAML in the checkout");
    }
    const file = (0,external_node_path_.resolve)(ctx.cwd, given);
    const set = inputs.list("set");
    const { job, plan } = await log.group(`Validate ${file}`, () => preparePipeline(file, set, log, error_inputs/* ERROR_INPUTS */.j["submit-pipeline"]));
    const experimentName = job.experimentName ?? inputs.string("experimentName") ?? "mlops-action";
    // From the YAML's experiment_name or the input; either way the service's limit applies.
    (0,names/* checkName */.I3)("experiment", experimentName, job.experimentName ? "pipeline" : "experimentName");
    const submitOptions = {
        experimentName,
        baseDir: job.baseDir,
        maxParallel,
        forceRerun: inputs.boolean("forceRerun"),
        log,
        signal: ctx.signal,
    };
    log.info(`${plan.steps.length} step(s) in ${plan.levels.length} stage(s): ${plan.steps.map((s) => s.id).join(", ")}`);
    if (inputs.boolean("dryRun")) {
        const preview = workspace.jobs.preview
            ? await workspace.jobs.preview(job, submitOptions)
            : { reused: [], refused: [], uploads: [] };
        const reused = submitOptions.forceRerun ? [] : preview.reused;
        const lines = planLines(plan, reused);
        for (const l of lines)
            log.info(l);
        for (const u of preview.uploads)
            log.info(`Would upload: ${u}`);
        for (const r of preview.refused)
            log.error(r);
        const summary = [
            `### Pipeline plan: \`${job.displayName ?? file}\` (dry run)`,
            "",
            "```mermaid",
            mermaid(plan, reused),
            "```",
            "",
            ...(preview.uploads.length ? ["Would upload:", "", ...preview.uploads.map((u) => `- \`${u}\``), ""] : []),
            reused.length ? `Would reuse: ${reused.map((r) => `\`${r}\``).join(", ")}` : "No step would be reused.",
            "",
            ...(preview.refused.length
                ? ["**Cannot run on this backend:**", "", ...preview.refused.map((r) => `- ${r}`), ""]
                : []),
        ].join("\n");
        return {
            outputs: {
                jobName: "",
                status: preview.refused.length ? "Failed" : "NotStarted",
                metrics: "{}",
                outputs: "{}",
                studioUrl: "",
            },
            summary,
            failure: preview.refused.length
                ? `the ${workspace.backend} backend cannot run this pipeline: ${preview.refused[0]}`
                : undefined,
        };
    }
    // A local job runs the fork's code on this runner only; on Azure ML it runs with the workspace's identity.
    if (workspace.capabilities.sharedWrites)
        (0,fork_guard/* refuseForkWrites */.Z)(ctx, `submit pipeline job '${job.displayName ?? file}'`);
    const name = await workspace.jobs.submit(job, submitOptions);
    log.info(`Submitted job ${name} (experiment ${experimentName})`);
    if (!inputs.boolean("wait") && workspace.capabilities.detachedJobs) {
        const record = await workspace.jobs.get(name);
        return {
            outputs: {
                jobName: name,
                status: record?.status ?? "NotStarted",
                metrics: "{}",
                outputs: "{}",
                studioUrl: record?.studioUrl ?? "",
            },
        };
    }
    if (!inputs.boolean("wait"))
        log.info("The local runner runs the job in this process: waiting for it anyway.");
    const result = report(await workspace.jobs.wait(name, waitOptions), ctx, plan);
    result.summary = `${result.summary}\n\`\`\`mermaid\n${mermaid(plan, result.reused)}\n\`\`\`\n`;
    return result;
}
function report(record, ctx, plan) {
    const outputs = {
        jobName: record.name,
        status: record.status,
        metrics: JSON.stringify(record.metrics),
        outputs: JSON.stringify(record.outputs),
        studioUrl: record.studioUrl ?? "",
    };
    const rows = record.steps.map((s) => [s.name, `${s.status}${s.reused ? " (reused)" : ""}`, s.error ?? ""]);
    const metricRows = Object.entries(record.metrics).filter(([k]) => !k.includes("."));
    const summary = [
        `### Pipeline job \`${record.name}\`: ${record.status}`,
        "",
        (0,markdown/* table */.tp)(["step", "status", "note"], rows),
        "",
        ...(metricRows.length ? [(0,markdown/* table */.tp)(["metric", "value"], metricRows), ""] : []),
        ...record.steps.flatMap(trialTable),
    ].join("\n");
    const reused = record.steps.filter((s) => s.reused).map((s) => s.name);
    if (ctx && reused.length > 0)
        ctx.log.info(`Reused ${reused.length} step(s): ${reused.join(", ")}`);
    if (record.status === "Completed")
        return { outputs, summary, reused };
    // A failed step: the end of its log as context, then one error line that gives the reason
    // (the exception, with the user's file:line), never a header such as "Last lines of ...".
    const failedSteps = record.steps.filter((s) => s.status === "Failed");
    const failed = (failedSteps.find((s) => record.error?.includes(`step '${s.name}'`)) ??
        failedSteps[0]);
    if (failed?.logTail?.length) {
        ctx?.log.info(`Last lines of step '${failed.name}' (full log: ${failed.log ?? "in the job folder"}):`);
        for (const line of failed.logTail)
            ctx?.log.info(`[${failed.name}] ${line}`);
    }
    const where = failed?.where && { ...failed.where, file: userPath(failed.where.file, failed.name, plan) };
    const shown = where && ctx ? shownPath(where.file, ctx.cwd) : where?.file;
    const at = where ? ` (${shown}${where.line !== undefined ? `:${where.line}` : ""})` : "";
    const failure = `Pipeline job ${record.name} ${record.status}${record.error ? `: ${record.error}` : ""}${at}`;
    return { outputs, summary, failure, failureAt: where ? { file: where.file, line: where.line } : undefined, reused };
}
/**
 * A backend that runs the code elsewhere (Azure ML) names the file relative to the step's code
 * folder; the plan knows which local folder that was.
 */
function userPath(file, step, plan) {
    const code = plan?.steps.find((s) => s.id === step)?.component.code;
    if ((0,external_node_path_.isAbsolute)(file) || !code)
        return file;
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(code, file)))
        return (0,external_node_path_.join)(code, file);
    return (0,external_node_path_.basename)(code) === file ? code : file;
}
/** A path relative to the working folder when it is inside it (as a user would type it), else as given. */
function shownPath(file, cwd) {
    const rel = (0,external_node_path_.relative)(cwd, file);
    return rel && !rel.startsWith("..") && !(0,external_node_path_.isAbsolute)(rel) ? rel : file;
}
/** A sweep step's trials as a table (backends that report trials add `trials` to the step record). */
function trialTable(step) {
    const { trials, bestTrial } = step;
    if (!trials?.length)
        return [];
    const names = Object.keys(trials[0].params);
    return [
        `Trials of \`${step.name}\`:`,
        "",
        (0,markdown/* table */.tp)(["trial", ...names, "status", "metric"], trials.map((t) => [
            `${t.index}${t.index === bestTrial ? " (best)" : ""}`,
            ...names.map((n) => String(t.params[n])),
            `${t.status}${t.earlyTerminated ? " (early termination)" : ""}`,
            t.metric ?? "",
        ])),
        "",
    ];
}


/***/ })

};
