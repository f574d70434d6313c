// Promotion from a dev workspace to a production one through a registry, on the embedded local
// backend, through the built CLI bundle: dev registers, trains and compares, and publishes the
// winner to a registry folder; prod deploys that registry version to a QA endpoint, then to the
// production endpoint, and scores it. Three folders side by side: dev/, mlops-registry/, prod/.
// Needs only Node.js and python3. Run it twice: the second run finds nothing better to promote.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "bin", "mlops.js");
const base = process.env.MLOPS_DEMO_PROMOTE_DIR ?? join(root, ".mlops-promote");
const dev = join(base, "dev");
const prod = join(base, "prod");
const registry = join(base, "mlops-registry");
const keep = process.env.MLOPS_DEMO_KEEP === "1";

function banner(text) {
  process.stdout.write(`\n\x1b[1m━━ ${text}\x1b[0m\n`);
}

/** Runs one task in a workspace through the CLI (arguments as an array, no shell) and returns its outputs. */
function mlops(workspaceDir, task, inputs) {
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

banner("1/5 dev: register-dataset");
const data = mlops(dev, "register-dataset", { name: "diabetes", path: "examples/data/diabetes.csv" });

banner("2/5 dev: submit-pipeline (prepare → train → evaluate)");
const job = mlops(dev, "submit-pipeline", {
  pipeline: "examples/pipelines/demo/pipeline.yml",
  set: `inputs.training_data.path=azureml:diabetes:${data.version}`,
  "experiment-name": "demo-promote",
});

banner("3/5 dev: compare-models, register the winner and publish it to the registry");
const verdict = mlops(dev, "compare-models", {
  candidate: `job:${job.jobName}`,
  "model-name": "diabetes-model",
  metrics: "r2:higher:0.001,rmse:lower",
  register: "true",
  "data-version": `diabetes:${data.version}`,
  registry,
});

if (verdict.registryModel === "") {
  process.stdout.write(
    "\nNothing new was published to the registry: promotion skipped, as a workflow gated on `better` would.\n",
  );
} else {
  const [name, version] = verdict.registryModel.split(":");
  const record = JSON.parse(readFileSync(join(registry, "models", name, `${version}.json`), "utf8"));
  banner(`Registry ${registry}: ${verdict.registryModel}`);
  for (const [k, v] of Object.entries(record.tags)) process.stdout.write(`  ${k}=${v}\n`);

  banner("4/5 prod: deploy the registry version to the QA endpoint");
  const deployInputs = {
    registry,
    model: verdict.registryModel,
    "scoring-script": "examples/pipelines/demo/score.py",
    "smoke-test": "examples/pipelines/demo/sample-request.json",
  };
  mlops(prod, "deploy-endpoint", { ...deployInputs, endpoint: "diabetes-qa" });

  banner("5/5 prod: blue/green rollout of the same version to the production endpoint");
  const deployed = mlops(prod, "deploy-endpoint", { ...deployInputs, endpoint: "diabetes", traffic: "50,100" });
  const request = readFileSync(join(root, "examples/pipelines/demo/sample-request.json"), "utf8");
  const response = await fetch(deployed.scoringUri, {
    method: "POST",
    body: request,
    headers: { "content-type": "application/json" },
  });
  banner(`Scoring production ${deployed.scoringUri}`);
  process.stdout.write(`request:  ${request.trim()}\nresponse: ${response.status} ${(await response.text()).trim()}\n`);
  if (!keep) {
    for (const endpoint of ["diabetes-qa", "diabetes"]) {
      spawnSync(process.execPath, [cli, "endpoints", "stop", endpoint, "--workspace-dir", prod], { stdio: "inherit" });
    }
    process.stdout.write("(Set MLOPS_DEMO_KEEP=1 to keep the endpoints running.)\n");
  }
}
process.stdout.write(`\nDone. Three plain folders: ${dev} (dev), ${registry} (registry), ${prod} (prod)\n`);
