/**
 * `npm run conformance -- <azureml-examples checkout> [--verbose] [--azure-only | --local-only]`
 *
 * Compiles every pipeline job YAML under the checkout's cli/jobs/ for Azure ML in plan mode
 * (against the emulator and Azurite) and runs the `basics` examples that need only Python's
 * standard library on the local backend. Exits 1 when a YAML is refused where `az ml job create`
 * would accept it, or a local run fails.
 * The checkout stays where it is: nothing is copied into this project.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { conformance, formatReport, unexpected } from "./conformance/run.js";

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("--")));
const [path] = args.filter((a) => !a.startsWith("--"));
const known = new Set(["--verbose", "--azure-only", "--local-only"]);
const bad = [...flags].filter((f) => !known.has(f));
if (!path || bad.length > 0) {
  if (bad.length > 0) console.error(`error: unknown option ${bad.join(", ")}`);
  console.error("usage: npm run conformance -- <azureml-examples checkout> [--verbose] [--azure-only | --local-only]");
  process.exit(2);
}
const checkout = resolve(path);
if (!existsSync(join(checkout, "cli", "jobs"))) {
  console.error(`error: ${checkout} has no cli/jobs folder. Give the root of an Azure/azureml-examples checkout.`);
  process.exit(2);
}
const verbose = flags.has("--verbose");
const report = await conformance(checkout, {
  azure: !flags.has("--local-only"),
  local: !flags.has("--azure-only"),
  progress: verbose ? (l) => console.error(l) : undefined,
});
for (const line of formatReport(report, verbose)) console.log(line);
const wrong = unexpected(report);
if (wrong.length > 0) {
  for (const w of wrong) console.log(`unexpected: ${w}`);
  console.log(`${wrong.length} unexpected result(s).`);
  process.exit(1);
}
console.log(
  "Nothing unexpected: every YAML compiled or was refused as az ml job create refuses it, and every local run completed, was refused for needing Azure, or could not reach a web input from here.",
);
