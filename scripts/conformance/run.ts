/**
 * The conformance run: every pipeline job YAML of an azureml-examples checkout through
 * submit-pipeline in plan mode on the azureml backend (against the Azure ML emulator and Azurite),
 * then the `basics` examples that need only Python's standard library run on the local backend.
 * Each run goes through the CLI host, so a refusal is the one line a user would read.
 */
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { startCloud } from "../../test/azureml/setup.js";
import { RestSpecs } from "../../test/emulator/spec-validator.js";
import { runCliTask } from "../../test/helpers.js";
import { basicsExamples, dataAssetsBeside, findPipelineJobs, provisionedComputes } from "./examples.js";
import { stdlibVerdict } from "./stdlib.js";

export interface AzureResult {
  /** Path relative to the checkout. */
  file: string;
  compiled: boolean;
  /** The one line the user reads when it is refused. */
  reason?: string;
  /** Set when `az ml job create` refuses the same file in the same checkout: why, with the evidence. */
  sameAsAzure?: string;
  warnings: string[];
}

/**
 * Refusals `az ml job create` makes too, on the same checkout. A missing local input: azure-ai-ml
 * uploads every local input path and raises ValidationException for one that is not there
 * (azure/ai/ml/operations/_job_operations.py, _resolve_job_input). In azureml-examples such data is
 * made by the example's own setup (prepare_data.py downloads the fridge images) or is a large file a
 * partial checkout may lack.
 */
const SAME_AS_AZURE: { pattern: RegExp; why: string }[] = [
  {
    pattern: /input data '[^']*' does not exist/,
    why: "local input missing from this checkout; azure-ai-ml's _resolve_job_input refuses it too",
  },
];

/** A local run that failed only because a web input could not be fetched from this machine. */
const OFFLINE = /downloading '[^']*' failed: (?!HTTP)/;

export type LocalOutcome = "completed" | "refused" | "offline" | "failed";

export interface LocalResult {
  file: string;
  outcome: LocalOutcome;
  /** For refused/failed: the line the user reads. */
  reason?: string;
}

export interface ConformanceReport {
  checkout: string;
  jobs: string[];
  azure: AzureResult[];
  /** Basics examples not run locally, and why. */
  skipped: { file: string; reasons: string[] }[];
  local: LocalResult[];
}

export interface ConformanceOptions {
  /** Print progress as each file is done. */
  progress?: (line: string) => void;
  /** The interpreter local steps and the import scan use. */
  python?: string;
  azure?: boolean;
  local?: boolean;
}

/** Error and warning lines a CLI run wrote, with the checkout's path cut to keep them short. */
function lines(stderr: string[], prefix: string, checkout: string): string[] {
  return stderr.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length).split(`${checkout}/`).join(""));
}

/** submit-pipeline with dryRun on the azureml backend, one file after another, against one emulated workspace. */
export async function compileOnAzure(
  checkout: string,
  files: readonly string[],
  options: ConformanceOptions = {},
): Promise<AzureResult[]> {
  const computes = await provisionedComputes(checkout);
  const cloud = await startCloud(computes.length > 0 ? { computes } : {});
  const plans = join(cloud.dir, "plans");
  await mkdir(plans, { recursive: true });
  const out: AzureResult[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const run = await runCliTask(
        "submit-pipeline",
        { ...cloud.inputs, pipeline: file, dryRun: "true", planFile: join(plans, `plan-${i}.json`) },
        dirname(file),
      );
      const errors = lines(run.stderr, "error: ", checkout);
      // In plan mode nothing that changes the workspace is sent: check what would be sent against the
      // REST spec here, as the emulator checks what it receives, so "compiled" means the service takes it.
      if (run.exitCode === 0) {
        const refused = await specRefusals(join(plans, `plan-${i}.json`));
        if (refused) {
          run.exitCode = 1;
          errors.push(refused);
        }
      }
      const result: AzureResult = {
        file: relative(checkout, file),
        compiled: run.exitCode === 0,
        warnings: lines(run.stderr, "warning: ", checkout),
        // The last error line is the host's verdict; it says how many more were listed.
        ...(run.exitCode === 0 ? {} : { reason: errors.at(-1) ?? "failed without an error line" }),
      };
      const same = result.reason && SAME_AS_AZURE.find((s) => s.pattern.test(result.reason ?? ""));
      if (same) result.sameAsAzure = same.why;
      out.push(result);
      options.progress?.(`${result.compiled ? "compiled" : "refused "} ${result.file}`);
    }
  } finally {
    await cloud.stop();
  }
  return out;
}

const specs = new RestSpecs();

/** The first request of a plan file the vendored REST spec refuses (the service would answer 400), as one line. */
async function specRefusals(planFile: string): Promise<string | undefined> {
  const plan = JSON.parse(await readFile(planFile, "utf8")) as {
    requests: { method: string; path: string; apiVersion?: string; body?: unknown }[];
  };
  for (const r of plan.requests) {
    if (!r.apiVersion || !r.path.startsWith("/subscriptions/")) continue;
    if (!specs.has(r.apiVersion))
      return `${r.method} ${r.path}: no REST spec is vendored for api-version ${r.apiVersion}`;
    const [first] = specs.check({ method: r.method, path: r.path, apiVersion: r.apiVersion, body: r.body }).errors;
    if (first)
      return `the REST spec (${r.apiVersion}) refuses ${r.method} ${r.path.replace(/.*\/workspaces\/[^/]+/, "")}: ${first.target ? `${first.target}: ` : ""}${first.message}`;
  }
  return undefined;
}

/** submit-pipeline on the local backend, each in a fresh workspace folder outside the checkout. */
export async function runLocally(
  checkout: string,
  files: readonly string[],
  options: ConformanceOptions = {},
): Promise<LocalResult[]> {
  const root = await mkdtemp(join(tmpdir(), "mlops-conformance-"));
  const out: LocalResult[] = [];
  const saved = process.env.MLOPS_PYTHON;
  if (options.python) process.env.MLOPS_PYTHON = options.python;
  try {
    for (const [i, file] of files.entries()) {
      const workspaceDir = join(root, `ws-${i}`);
      for (const asset of await dataAssetsBeside(file)) {
        // The examples' READMEs say to create these first (`az ml data create -f data.yml`).
        const reg = await runCliTask(
          "register-dataset",
          { backend: "local", workspaceDir, name: asset.name, path: asset.path, type: asset.type },
          dirname(file),
        );
        if (reg.exitCode !== 0) options.progress?.(`could not register ${asset.name}: ${reg.stderr.at(-1)}`);
      }
      const run = await runCliTask(
        "submit-pipeline",
        { backend: "local", workspaceDir, pipeline: file },
        dirname(file),
      );
      const errors = lines(run.stderr, "error: ", checkout);
      const reason = errors.find((l) => /run it with backend azureml/i.test(l)) ?? errors.at(-1);
      const outcome: LocalOutcome =
        run.exitCode === 0 && run.outputs.status === "Completed"
          ? "completed"
          : reason && /run it with backend azureml/i.test(reason) && !OFFLINE.test(reason)
            ? "refused"
            : reason && OFFLINE.test(reason)
              ? "offline"
              : "failed";
      out.push({ file: relative(checkout, file), outcome, ...(outcome === "completed" ? {} : { reason }) });
      options.progress?.(`${outcome.padEnd(9)} ${relative(checkout, file)}`);
    }
  } finally {
    if (options.python) {
      if (saved === undefined) delete process.env.MLOPS_PYTHON;
      else process.env.MLOPS_PYTHON = saved;
    }
    await rm(root, { recursive: true, force: true });
  }
  return out;
}

/** The whole run over a checkout. */
export async function conformance(checkout: string, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const jobs = await findPipelineJobs(checkout);
  const azure = options.azure === false ? [] : await compileOnAzure(checkout, jobs, options);
  const skipped: ConformanceReport["skipped"] = [];
  const runnable: string[] = [];
  for (const file of options.local === false ? [] : basicsExamples(checkout, jobs)) {
    const verdict = await stdlibVerdict(file, options.python);
    if (verdict.stdlibOnly) runnable.push(file);
    else
      skipped.push({
        file: relative(checkout, file),
        reasons: verdict.reasons.map((r) => r.split(`${checkout}/`).join("")),
      });
  }
  const local = options.local === false ? [] : await runLocally(checkout, runnable, options);
  return { checkout, jobs: jobs.map((f) => relative(checkout, f)), azure, skipped, local };
}

/**
 * What makes the run fail: a refusal on Azure that `az ml job create` would not make, or a local
 * run that failed (a refusal naming Azure, or a web input this machine cannot reach, is expected).
 */
export function unexpected(report: ConformanceReport): string[] {
  return [
    ...(report.jobs.length === 0
      ? ["no pipeline job YAML under cli/jobs (is this an azureml-examples checkout?)"]
      : []),
    ...report.azure.filter((r) => !r.compiled && !r.sameAsAzure).map((r) => `refused for Azure: ${r.file}`),
    ...report.local.filter((r) => r.outcome === "failed").map((r) => `failed locally: ${r.file}`),
  ];
}

/** The report as the command prints it. */
export function formatReport(report: ConformanceReport, verbose = false): string[] {
  const out: string[] = [];
  const { azure, local, skipped } = report;
  if (azure.length > 0) {
    const refused = azure.filter((r) => !r.compiled);
    const warned = azure.filter((r) => r.warnings.length > 0);
    out.push(
      `Azure ML, plan mode (emulator + Azurite): ${azure.length} pipeline job YAMLs: ${azure.length - refused.length} compiled, ${refused.length} refused`,
    );
    const same = refused.filter((r) => r.sameAsAzure).length;
    if (same > 0)
      out.push(
        `  ${same} of the refusals are ones az ml job create makes too on this checkout (marked [same as Azure])`,
      );
    for (const r of refused)
      out.push(`  refused ${r.file}: ${r.reason}${r.sameAsAzure ? ` [same as Azure: ${r.sameAsAzure}]` : ""}`);
    out.push(
      `  ${warned.reduce((n, r) => n + r.warnings.length, 0)} warning(s) in ${warned.length} file(s)${verbose || warned.length === 0 ? "" : " (--verbose lists them)"}`,
    );
    if (verbose) for (const r of warned) for (const w of r.warnings) out.push(`  warning ${w}`);
  }
  const basics = local.length + skipped.length;
  if (basics > 0) {
    const count = (o: LocalOutcome) => local.filter((r) => r.outcome === o).length;
    out.push(
      `Local backend, basics examples needing only Python's standard library: ${local.length} of ${basics}: ${count("completed")} completed, ${count("failed")} failed, ${count("refused")} refused (need Azure), ${count("offline")} could not reach a web input from this machine`,
    );
    for (const r of local) out.push(`  ${r.outcome.padEnd(9)} ${r.file}${r.reason ? `: ${r.reason}` : ""}`);
    for (const s of skipped) out.push(`  not run  ${s.file}: ${s.reasons.join("; ")}`);
  }
  return out;
}
