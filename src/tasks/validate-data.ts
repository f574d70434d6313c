import { stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { checkAgainstBaseline } from "../data/checks.js";
import { selectDatasetFiles } from "../data/dataset-files.js";
import { type DatasetDrift, testDrift } from "../data/drift.js";
import { parseProfile, readProfile, writeFileAtomic } from "../data/files.js";
import type { ProfileJson } from "../data/profile.js";
import { type ProfileOptions, profileData } from "../data/profile-data.js";
import { renderReport } from "../data/report.js";
import { checkRules, type DriftOverride, type Finding, type Rules, readRules } from "../data/rules.js";
import type { DataFile } from "../data/source.js";
import { TEST_NAMES, type TestName } from "../data/stats.js";
import { UserError } from "../errors.js";
import { checkName } from "../names.js";
import { suggestion } from "../pipeline/suggest.js";
import { looksLikeUri } from "../references.js";
import { registerSas, showUri } from "../util/sas.js";
import type { TaskContext, TaskResult } from "./context.js";
import type { spec } from "./specs/validate-data.js";

const REF = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,254})@(\d+|latest)$/;
/** `https://…`, `abfss://…`: a URL where a local file is wanted. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

interface ResolvedData {
  /** A local path, or a registered dataset's files streamed from where they lie. */
  path: string | DataFile[];
  label: string;
  dataset?: { name: string; version: string };
}

/**
 * A URL is neither a local path nor a dataset reference: said at once (resolved as a path it
 * would become a folder named `https:` and echo a SAS into "does not exist"). Data in storage is
 * read through a registered dataset, streamed where it lies.
 */
function refuseUrl(ctx: TaskContext, value: string, input: string): void {
  if (!looksLikeUri(value)) return;
  registerSas(value, (v) => ctx.log.secret(v));
  throw new UserError(
    `'${showUri(value)}' is a URL; ${input} takes a local file or folder, or a registered dataset (name@version)`,
    { input },
    "Register the data with register-dataset (on backend azureml a storage URL is registered in place, a SAS URL as its datastore path) and give name@version, or download it first",
  );
}

/** A path that exists, else a dataset reference `name@version` resolved through the workspace. */
async function resolveData(ctx: TaskContext, value: string, input: string): Promise<ResolvedData> {
  refuseUrl(ctx, value, input);
  const path = resolve(ctx.cwd, value);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  const m = REF.exec(value);
  if (exists || !m) return { path, label: value };
  const [, name, version] = m;
  checkName("data asset", name, input);
  const ds = await ctx.workspace.datasets.get(name, version);
  if (!ds) {
    const versions = (await ctx.workspace.datasets.list(name)).map((d) => d.version);
    throw new UserError(
      versions.length === 0 ? `no dataset '${name}' in the workspace` : `dataset '${name}' has no version ${version}`,
      { input },
      versions.length === 0
        ? "Register it first with register-dataset, or give a file path"
        : `Use one of: ${versions.join(", ")}, latest`,
    );
  }
  const label = `${name}@${ds.version}`;
  const store = ctx.workspace.datasets;
  // Streamed where it lies when the backend can (on Azure: ranged reads of the blobs, no download).
  const files = store.openFiles
    ? await selectDatasetFiles(
        (await store.openFiles(ds, ctx.log)).map((f) => ({
          rel: f.path,
          file: { path: f.local ?? `${label}/${f.path}`, size: f.size, local: f.local, open: (s, e) => f.open(s, e) },
        })),
        label,
        input,
      )
    : await store.localPath(ds, ctx.log);
  return { path: files, label, dataset: { name, version: ds.version } };
}

function parseColumnTests(lines: string[]): Record<string, DriftOverride> {
  const out: Record<string, DriftOverride> = {};
  for (const line of lines) {
    const m = /^([^=]+)=([a-z]+)(?::([0-9.eE+-]+))?$/.exec(line);
    const test = m?.[2];
    const threshold = m?.[3] === undefined ? undefined : Number(m[3]);
    if (
      !m ||
      !(TEST_NAMES.includes(test as TestName) || test === "none") ||
      (threshold !== undefined && !(threshold > 0))
    ) {
      throw new UserError(
        `'${line}' is not column=test[:threshold]`,
        { input: "columnTests" },
        `Write for example age=psi:0.2; tests: ${TEST_NAMES.join(", ")}, none`,
      );
    }
    out[m[1].trim()] = { test: test as TestName | "none", threshold };
  }
  return out;
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

function csvCell(v: string | number | boolean): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const HISTORY = "validations/history.csv";
const HISTORY_HEADER =
  "time,dataset,version,rows,columns,errors,warnings,tested_columns,drifted_columns,drift_share,dataset_drifted,passed,drifted,profile";

export async function run(ctx: TaskContext<typeof spec>): Promise<TaskResult> {
  const { inputs, log, workspace } = ctx;
  const failOn = inputs.choice("failOn") ?? "error";
  const createBaseline = inputs.boolean("createBaseline");
  const badRows = inputs.choice("badRows") ?? "error";
  let delimiter = inputs.string("delimiter");
  if (delimiter === "\\t" || delimiter === "tab") delimiter = "\t";
  if (delimiter !== undefined && delimiter.length !== 1) {
    throw new UserError(
      `'${delimiter}' is not one character`,
      { input: "delimiter" },
      "Use one character such as ; or \\t, or leave it empty to sniff",
    );
  }
  const overrides = parseColumnTests(inputs.list("columnTests"));
  const driftShareInput = inputs.number("driftShare");
  if (driftShareInput !== undefined && !(driftShareInput > 0 && driftShareInput <= 1)) {
    throw new UserError(
      `${driftShareInput} is not a share in (0, 1]`,
      { input: "driftShare" },
      "Use a share such as 0.5",
    );
  }
  const rulesPath = inputs.string("rules");
  if (rulesPath && URL_LIKE.test(rulesPath)) {
    throw new UserError(
      `'${showUri(rulesPath)}' is a URL; rules takes a YAML file in the checkout`,
      { input: "rules" },
      "Commit the rules file with the workflow and give its path, such as data/diabetes.rules.yml",
    );
  }
  const rules: Rules | undefined = rulesPath ? await readRules(resolve(ctx.cwd, rulesPath)) : undefined;
  const baselineInput = inputs.string("baseline");
  if (baselineInput) refuseUrl(ctx, baselineInput, "baseline");
  // Checked before the data is read: a profile path that is a folder would fail only at the end.
  for (const name of ["writeProfile", ...(createBaseline ? (["baseline"] as const) : [])] as const) {
    const target = inputs.string(name);
    // A URL would be written as a local folder named `https:`, its SAS in a file name.
    if (target && URL_LIKE.test(target)) {
      throw new UserError(
        `'${showUri(target)}' is a URL; ${name} writes a local file`,
        { input: name },
        "Give a file path such as profiles/data.profile.json, and upload it in a later step if it must go to storage",
      );
    }
    if (target && (await isFolder(resolve(ctx.cwd, target)))) {
      throw new UserError(
        `'${target}' is a folder`,
        { input: name },
        "Give a file path for the profile JSON, such as profiles/data.profile.json",
      );
    }
    const blocker = target ? await fileOnTheWay(resolve(ctx.cwd, target)) : undefined;
    if (blocker) {
      throw new UserError(
        `'${target}' cannot be written: '${blocker}' is a file, not a folder`,
        { input: name },
        "Give a file path whose folders are folders (missing ones are created)",
      );
    }
  }
  if (createBaseline && !baselineInput && !inputs.has("writeProfile")) {
    throw new UserError(
      "createBaseline needs somewhere to write",
      { input: "baseline" },
      "Set 'baseline' to the profile JSON path to create",
    );
  }
  if (createBaseline && REF.test(baselineInput ?? "")) {
    throw new UserError(
      "createBaseline writes a profile file, not a dataset",
      { input: "baseline" },
      "Give a path such as baseline/data.profile.json",
    );
  }
  const data = await resolveData(ctx, inputs.requiredString("data"), "data");
  const labelColumn = inputs.string("labelColumn");

  let shownBad = 0;
  const options: ProfileOptions = {
    badRows,
    delimiter,
    rules,
    labelColumn,
    dataset: data.dataset,
    signal: ctx.signal,
    onNote: (message) => log.info(message),
    onBadRow: (file, bad) => {
      if (shownBad++ < 5)
        log.warning(`skipped row: ${bad.message}${bad.column ? ` (column ${bad.column})` : ""}`, {
          file,
          line: bad.line,
          column: bad.column,
        });
    },
  };
  const started = Date.now();
  const profile = await log.group(`Profile ${data.label}`, () => profileData(data.path, options));
  log.info(
    `${profile.rows} rows, ${profile.columns.length} columns profiled in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (profile.badRows > 0) log.warning(`${profile.badRows} malformed row(s) skipped (badRows: skip)`);
  // Paths inside the checkout are kept relative: a committed baseline then names the same files on
  // every machine, and annotations point at repository paths.
  const display = (f: string) => {
    const rel = relative(ctx.cwd, f);
    return rel.startsWith("..") || isAbsolute(rel) ? f : rel.split(sep).join("/");
  };
  profile.source.files = profile.source.files.map(display);
  if (rules?.file) rules.file = display(rules.file);

  // The baseline: a profile file, a dataset's stored profile, or the dataset profiled now.
  let baseline: ProfileJson | undefined;
  let baselineName: string | undefined;
  let createdBaseline: string | undefined;
  if (createBaseline) {
    createdBaseline = resolve(ctx.cwd, baselineInput ?? (inputs.string("writeProfile") as string));
    await writeFileAtomic(createdBaseline, `${JSON.stringify(profile)}\n`);
    log.info(`Baseline profile written to ${createdBaseline}`);
  } else if (baselineInput) {
    const asPath = resolve(ctx.cwd, baselineInput);
    const isFile = await stat(asPath).then(
      (s) => s.isFile(),
      () => false,
    );
    if (isFile || !REF.test(baselineInput)) {
      baseline = await readProfile(asPath, "baseline");
      baselineName = baselineInput;
    } else {
      const ref = await resolveData(ctx, baselineInput, "baseline");
      baselineName = ref.label;
      const stored = ref.dataset
        ? await workspace.artifacts.read(`profiles/${ref.dataset.name}/${ref.dataset.version}/profile.json`)
        : undefined;
      if (stored) baseline = parseProfile(stored.toString("utf8"), `profiles/${ref.label}`, "baseline");
      else {
        baseline = await log.group(`Profile baseline ${ref.label}`, () =>
          profileData(ref.path, {
            ...options,
            rules: undefined,
            labelColumn: undefined,
            dataset: ref.dataset,
            input: "baseline",
          }),
        );
        // Kept, so the next run against this version reads the profile instead of the data.
        if (ref.dataset) {
          await workspace.artifacts.write(
            `profiles/${ref.dataset.name}/${ref.dataset.version}/profile.json`,
            `${JSON.stringify(baseline)}\n`,
          );
        }
      }
    }
  }

  // A test override for a column the data does not have would silently test nothing.
  const columnNames = profile.columns.map((c) => c.name);
  for (const column of Object.keys(overrides)) {
    if (!columnNames.includes(column)) {
      throw new UserError(
        `names the column '${column}', which ${data.label} does not have`,
        { input: "columnTests" },
        suggestion(column, columnNames, "one of its columns"),
      );
    }
  }
  const findings: Finding[] = [];
  if (rules) findings.push(...checkRules(rules, profile));
  let drift: DatasetDrift | undefined;
  if (baseline) {
    findings.push(...checkAgainstBaseline(baseline, profile, baselineName ?? "baseline"));
    const ruleOverrides = Object.fromEntries(
      Object.entries(rules?.columns ?? {}).flatMap(([c, r]) => (r.drift ? [[c, r.drift]] : [])),
    );
    drift = testDrift(
      baseline,
      profile,
      { ...ruleOverrides, ...overrides },
      driftShareInput ?? rules?.drift?.share ?? 0.5,
    );
  }
  const errors = findings.filter((f) => f.severity === "error");
  for (const f of findings) {
    const msg = `${f.column ? `${f.column}: ` : ""}${f.check}: ${f.message}`;
    const where = f.file ? { file: f.file, line: f.line } : undefined;
    if (f.severity === "error") log.error(msg, where);
    else log.warning(msg, where);
  }
  for (const d of drift?.results.filter((r) => r.drifted) ?? [])
    log.warning(`${d.column}: drift (${d.test} ${d.score.toPrecision(3)}): ${d.message}`);

  const passed = failOn === "never" || (errors.length === 0 && !(failOn === "drift" && drift?.drifted));
  const report = renderReport({
    subject: data.label,
    passed,
    failOn,
    profile,
    baseline,
    baselineName,
    findings,
    drift,
    createdBaseline,
  });

  // Keep this validation in the workspace: profile and report by dataset, version and time.
  const name =
    data.dataset?.name ??
    basename(data.path as string).replace(/\.(csv|tsv|jsonl|ndjson|json|txt|parquet|pq)(\.gz)?$/i, "");
  const version = data.dataset?.version ?? "file";
  const key = `validations/${name}/${version}/${stamp()}`;
  const profileText = `${JSON.stringify(profile)}\n`;
  const storedProfile = await workspace.artifacts.write(`${key}/profile.json`, profileText);
  const reportPath = await workspace.artifacts.write(`${key}/report.md`, report);
  if (data.dataset)
    await workspace.artifacts.write(`profiles/${data.dataset.name}/${data.dataset.version}/profile.json`, profileText);
  let profilePath = storedProfile;
  if (inputs.has("writeProfile")) {
    profilePath = resolve(ctx.cwd, inputs.string("writeProfile") as string);
    await writeFileAtomic(profilePath, profileText);
  }
  const warnings = findings.length - errors.length;
  await workspace.artifacts.append(
    HISTORY,
    [
      new Date().toISOString(),
      name,
      version,
      profile.rows,
      profile.columns.length,
      errors.length,
      warnings,
      drift?.results.length ?? 0,
      drift?.driftedColumns.length ?? 0,
      drift ? drift.share.toFixed(4) : "",
      drift?.drifted ?? "",
      passed,
      (drift?.driftedColumns ?? []).join(" "),
      storedProfile,
    ]
      .map((v) => csvCell(v))
      .join(","),
    HISTORY_HEADER,
  );

  const outputs = {
    passed: String(passed),
    driftedColumns: JSON.stringify(drift?.driftedColumns ?? []),
    profile: profilePath,
    report: reportPath,
  };
  if (passed) return { outputs, summary: report };
  const why = [
    errors.length > 0
      ? `${errors.length} error(s): ${errors
          .slice(0, 3)
          .map((e) => `${e.column ? `${e.column} ` : ""}${e.check}`)
          .join(", ")}`
      : "",
    drift?.drifted ? `dataset drift in ${drift.driftedColumns.join(", ")}` : "",
  ].filter(Boolean);
  return { outputs, summary: report, failure: `validate-data failed (failOn: ${failOn}): ${why.join("; ")}` };
}

/** The nearest existing folder of `path`'s parents that is a file after all, if any. */
async function fileOnTheWay(path: string): Promise<string | undefined> {
  for (let dir = dirname(path); dirname(dir) !== dir; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => undefined);
    if (info) return info.isDirectory() ? undefined : dir;
  }
  return undefined;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
