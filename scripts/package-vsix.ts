// Packages the Azure DevOps extension (.vsix) with Microsoft's tfx-cli, offline:
//
//   npm run package -- [--out DIR] [--publisher ID]
//
// It lays the extension out in a staging folder (scripts/generate.ts VSIX_LAYOUT: the manifest, its
// README, licence and icon, and the task folder MLOps/ with task.json, icon.png and the Azure DevOps
// bundle), then runs `tfx extension create` on it. Staging is what lets tfx validate task.json: it
// checks a task only in a folder that exists on disk under the root it packages. Any warning from
// tfx fails the packaging, so a task.json that tfx would not validate never ships.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { VSIX_LAYOUT } from "./generate.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface Packaged {
  /** The .vsix written. */
  vsix: string;
  /** What tfx said, for the log. */
  output: string;
}

/** Where each layout source comes from, when it is missing: the command that makes it. */
const MAKERS: Record<string, string> = {
  "dist/azure-devops": "npm run build",
  "task.json": "npm run generate",
  "vss-extension.json": "npm run generate",
  "images/extension-icon.png": "node scripts/make-icons.mjs",
  "images/task-icon.png": "node scripts/make-icons.mjs",
};

export async function packageVsix(
  outDir: string,
  options: { publisher?: string; root?: string } = {},
): Promise<Packaged> {
  const root = options.root ?? ROOT;
  for (const from of Object.keys(VSIX_LAYOUT.copies)) {
    if (!existsSync(join(root, from))) {
      throw new Error(`${from} is missing: ${MAKERS[from] ? `run ${MAKERS[from]}` : "restore it"}, then package again`);
    }
  }
  const staging = await mkdtemp(join(tmpdir(), "mlops-vsix-"));
  try {
    for (const [from, to] of Object.entries(VSIX_LAYOUT.copies)) {
      await mkdir(dirname(join(staging, to)), { recursive: true });
      await cp(join(root, from), join(staging, to), { recursive: true });
    }
    await mkdir(outDir, { recursive: true });
    const before = new Set(await readdir(outDir));
    const tfx = createRequire(import.meta.url).resolve("tfx-cli/_build/tfx-cli.js");
    const run = spawnSync(
      process.execPath,
      [
        tfx,
        ...["extension", "create", "--root", staging, "--manifest-globs", "vss-extension.json"],
        ...["--output-path", outDir, "--no-prompt", "--no-color"],
        ...(options.publisher ? ["--publisher", options.publisher] : []),
      ],
      { encoding: "utf8", cwd: staging },
    );
    const output = `${run.stdout}${run.stderr}`.trim();
    if (run.status !== 0) throw new Error(`tfx extension create failed (exit ${run.status}):\n${output}`);
    // tfx only warns about an invalid task.json or a missing file ("In the future, this warning
    // will be treated as an error"): here it is one already.
    const warnings = output.split(/\r?\n/).filter((l) => /warning/i.test(l));
    if (warnings.length > 0) throw new Error(`tfx extension create warned:\n${output}`);
    const made = (await readdir(outDir)).filter((f) => f.endsWith(".vsix") && !before.has(f));
    const named = /VSIX:\s*(\S+\.vsix)/.exec(output)?.[1];
    const vsix = named ? resolve(named) : made[0] ? join(outDir, made[0]) : undefined;
    if (!vsix || !existsSync(vsix)) throw new Error(`tfx reported success but wrote no .vsix in ${outDir}:\n${output}`);
    return { vsix, output };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" }, publisher: { type: "string" } } });
  try {
    const { vsix } = await packageVsix(resolve(values.out ?? "."), { publisher: values.publisher });
    process.stdout.write(`${vsix}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
