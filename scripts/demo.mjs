// The whole MLOps flow on the embedded local workspace, through the built CLI bundle:
// register → validate → train (pipeline YAML) → compare → blue/green deploy → score.
// Needs only Node.js and python3. Run it twice: the second run finds nothing changed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "bin", "mlops.js");
const workspaceDir = process.env.MLOPS_DEMO_WORKSPACE ?? join(root, ".mlops");
const keep = process.env.MLOPS_DEMO_KEEP === "1";

function banner(text) {
  process.stdout.write(`\n\x1b[1m━━ ${text}\x1b[0m\n`);
}

/** Runs one task through the CLI (arguments as an array, no shell) and returns its outputs. */
function mlops(task, inputs) {
  const args = [cli, task, "--workspace-dir", workspaceDir, "--json"];
  for (const [k, v] of Object.entries(inputs)) args.push(`--${k}`, v);
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const lines = run.stdout.trimEnd().split("\n");
  const last = run.status === 0 ? lines.pop() : undefined;
  process.stdout.write(`${lines.join("\n")}\n`);
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

banner("1/5 register-dataset: fingerprint the data, register a version only when it changed");
const data = mlops("register-dataset", { name: "diabetes", path: "examples/data/diabetes.csv" });

banner("2/5 validate-data: profile the data and test it against the committed baseline");
mlops("validate-data", { data: `diabetes@${data.version}`, baseline: "examples/data/diabetes.profile.json" });

banner("3/5 submit-pipeline: run the Azure ML pipeline YAML locally (prepare → train → evaluate)");
const job = mlops("submit-pipeline", {
  pipeline: "examples/pipelines/demo/pipeline.yml",
  set: `inputs.training_data.path=azureml:diabetes:${data.version}`,
  "experiment-name": "demo",
});

banner("4/5 compare-models: candidate vs champion on r2 and rmse");
const verdict = mlops("compare-models", {
  candidate: `job:${job.jobName}`,
  "model-name": "diabetes-model",
  metrics: "r2:higher:0.001,rmse:lower",
  register: "true",
  "data-version": `diabetes:${data.version}`,
});

banner("5/5 deploy-endpoint: blue/green rollout to a local online endpoint");
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
  if (!keep) {
    spawnSync(process.execPath, [cli, "endpoints", "stop", "diabetes", "--workspace-dir", workspaceDir], {
      stdio: "inherit",
    });
    process.stdout.write(
      "(Set MLOPS_DEMO_KEEP=1 to keep the endpoint running; stop it with `npx mlops endpoints stop diabetes`.)\n",
    );
  }
}
process.stdout.write(`\nDone. The workspace is a plain folder: ${workspaceDir}\n`);
