// The whole MLOps flow on the embedded local workspace, through the built CLI bundle:
// register → validate → train (pipeline YAML) → compare → blue/green deploy → score → batch endpoint rollout.
// Needs only Node.js and python3. Run it twice: the second run finds nothing changed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "bin", "mlops.js");
const workspaceDir = process.env.MLOPS_DEMO_WORKSPACE ?? join(root, ".mlops");
const keep = process.env.MLOPS_DEMO_KEEP === "1";

function banner(text) {
  process.stdout.write(`\n\x1b[1m━━ ${text}\x1b[0m\n`);
}

/**
 * Runs one task through the CLI (arguments as an array, no shell) and returns its outputs. With
 * `mayFail`, a failed run returns undefined instead of ending the demo (its error line is shown).
 */
function mlops(task, inputs, { mayFail = false } = {}) {
  const args = [cli, task, "--workspace-dir", workspaceDir, "--json"];
  for (const [k, v] of Object.entries(inputs)) args.push(`--${k}`, v);
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const lines = run.stdout.trimEnd().split("\n");
  const last = run.status === 0 ? lines.pop() : undefined;
  process.stdout.write(`${lines.join("\n")}\n`);
  if (run.status !== 0 && mayFail) return undefined;
  if (run.status !== 0) {
    process.stderr.write(`\nThe demo stopped: mlops ${task} failed (exit ${run.status}).\n`);
    process.exit(1);
  }
  return JSON.parse(last ?? "{}");
}

if (!existsSync(join(root, "dist", "cli", "index.js"))) {
  process.stderr.write("dist/cli/index.js is missing: run `npm run build` first.\n");
  process.exit(1);
}

banner("1/6 register-dataset: fingerprint the data, register a version only when it changed");
const data = mlops("register-dataset", { name: "diabetes", path: "examples/data/diabetes.csv" });

banner("2/6 validate-data: profile the data and test it against the committed baseline");
mlops("validate-data", { data: `diabetes@${data.version}`, baseline: "examples/data/diabetes.profile.json" });

banner("3/6 submit-pipeline: run the Azure ML pipeline YAML locally (prepare → train → evaluate)");
const job = mlops("submit-pipeline", {
  pipeline: "examples/pipelines/demo/pipeline.yml",
  set: `inputs.training_data.path=azureml:diabetes:${data.version}`,
  "experiment-name": "demo",
});

banner("4/6 compare-models: candidate vs champion on r2 and rmse");
const verdict = mlops("compare-models", {
  candidate: `job:${job.jobName}`,
  "model-name": "diabetes-model",
  metrics: "r2:higher:0.001,rmse:lower",
  register: "true",
  "data-version": `diabetes:${data.version}`,
});

banner("5/6 deploy-endpoint: blue/green rollout to a local online endpoint");
if (verdict.better !== "true") {
  process.stdout.write(
    "The candidate is not better than the champion: deployment skipped, as a workflow gated on `better` would.\n",
  );
} else {
  const deployed = mlops("deploy-endpoint", {
    endpoint: "diabetes",
    model: "diabetes-model@champion",
    "scoring-script": "examples/pipelines/demo/score.py",
    "smoke-test": "examples/pipelines/demo/sample-request.json",
    traffic: "50,100",
  });
  const request = readFileSync(join(root, "examples/pipelines/demo/sample-request.json"), "utf8");
  const response = await fetch(deployed.scoringUri, {
    method: "POST",
    body: request,
    headers: { "content-type": "application/json" },
  });
  banner(`Scoring ${deployed.scoringUri}`);
  process.stdout.write(`request:  ${request.trim()}\nresponse: ${response.status} ${(await response.text()).trim()}\n`);
  batchRollout();
  if (!keep) {
    spawnSync(process.execPath, [cli, "endpoints", "stop", "diabetes", "--workspace-dir", workspaceDir], {
      stdio: "inherit",
    });
    process.stdout.write(
      "(Set MLOPS_DEMO_KEEP=1 to keep the endpoint running; stop it with `npx mlops endpoints stop diabetes`.)\n",
    );
  }
}
/**
 * The same champion on a batch endpoint: the new deployment scores a folder of CSV files as a job
 * and becomes the default only when that job passes. Then a broken scoring script is rolled back,
 * and the default it would have replaced still scores.
 */
function batchRollout() {
  banner("6/6 deploy-endpoint: batch endpoint — score a folder of files, then become the default");
  const batchInputs = {
    endpoint: "diabetes-nightly",
    "endpoint-type": "batch",
    model: "diabetes-model@champion",
    "scoring-script": "examples/pipelines/demo/batch/score.py",
    "batch-input": "examples/data/diabetes-batch",
    "mini-batch-size": "2",
  };
  const batch = mlops("deploy-endpoint", batchInputs);
  const output = readFileSync(join(batch.outputPath, "predictions.csv"), "utf8").split("\n");
  process.stdout.write(
    `Batch job ${batch.jobName}: ${batch.rows} rows in ${join(batch.outputPath, "predictions.csv")}; the first three:\n${output.slice(0, 3).join("\n")}\n`,
  );

  banner("A broken scoring script on the same batch endpoint: rolled back, the default stays");
  const broken = mkdtempSync(join(tmpdir(), "mlops-demo-broken-"));
  try {
    // The demo's script with a bug that shows on one file only (part-05.csv).
    const script = readFileSync(join(root, "examples/pipelines/demo/batch/score.py"), "utf8").replace(
      "    for path in mini_batch:\n",
      '    for path in mini_batch:\n        if path.endswith("part-05.csv"):\n            raise ValueError("demo bug: cannot score part-05.csv")\n',
    );
    writeFileSync(join(broken, "score.py"), script);
    const failed = mlops(
      "deploy-endpoint",
      { ...batchInputs, deployment: "broken-candidate", "scoring-script": join(broken, "score.py") },
      { mayFail: true },
    );
    process.stdout.write(failed ? "The broken deployment was not rolled back!\n" : "Rolled back, as it should be.\n");
  } finally {
    rmSync(broken, { recursive: true, force: true });
  }
  spawnSync(process.execPath, [cli, "endpoints", "list", "--workspace-dir", workspaceDir], { stdio: "inherit" });
}

process.stdout.write(`\nDone. The workspace is a plain folder: ${workspaceDir}\n`);
