// Bundles each host's entry point into dist/<host>/index.js: tsc compiles src/ to ES modules in
// a scratch folder under build/, then ncc bundles each entry with everything it imports (ESM, a
// package.json marking the folder as ESM, and the third-party licences), so the bundles run with
// no node_modules. A dynamic import() in the sources becomes a chunk file (<id>.index.js) beside
// index.js that loads only when that code runs: the Azure SDKs load only for the azureml backend
// (src/workspace/open.ts), @actions/core only for OIDC (test/e2e-lazy-load.test.ts). Ship the whole
// folder. The output depends only on the sources and package-lock.json: test/dist.test.ts
// rebuilds into a temporary folder and compares with the committed dist/.
//
//   node scripts/build.mjs [--out DIR] [--only github,azure-devops,cli] [--from REV]
//
// --from REV bundles src/ as committed at REV (such as HEAD) instead of the working tree, so
// dist/ can be committed to match the committed sources while others have edits in progress.
//
// Why tsc first: ncc's own TypeScript step takes the project's `module: NodeNext`, which without
// type information (transpile-only) emits CommonJS that cannot hold top-level await, and with
// type information checks every file tsconfig.json includes (tests too). `npm run build` runs the
// type check; this script only needs JavaScript.
import { spawnSync } from "node:child_process";
import { cp, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import ncc from "@vercel/ncc";
import lockfile from "proper-lockfile";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ENTRIES = ["github", "azure-devops", "cli"];

const { values } = parseArgs({
  options: { out: { type: "string" }, only: { type: "string" }, from: { type: "string" } },
});
const out = resolve(values.out ?? join(root, "dist"));
const entries = values.only ? values.only.split(",") : ENTRIES;
for (const e of entries) if (!ENTRIES.includes(e)) throw new Error(`unknown entry '${e}'; use ${ENTRIES.join(", ")}`);

/** Every file under dir, as paths relative to it. */
async function walk(dir, base = dir) {
  const found = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, d.name);
    if (d.isDirectory()) found.push(...(await walk(full, base)));
    else found.push(relative(base, full));
  }
  return found;
}

// Inside the project so that node_modules resolves from the compiled files. Its path names the
// modules inside the bundles, so it is the same for every build; a lock keeps two builds (a test's
// rebuild and a developer's) from sharing it at once, and goes stale if a build is killed.
const scratch = join(root, "build", "bundle");
await mkdir(dirname(scratch), { recursive: true });
const release = await lockfile.lock(dirname(scratch), {
  lockfilePath: `${scratch}.lock`,
  stale: 60_000,
  retries: { retries: 120, minTimeout: 500, maxTimeout: 2000 },
});
await rm(scratch, { recursive: true, force: true });
const snapshot = `${scratch}-src`;
await rm(snapshot, { recursive: true, force: true });
try {
  let src = join(root, "src");
  if (values.from) {
    // Inside the project too, so the snapshot resolves node_modules as src/ does.
    await mkdir(snapshot, { recursive: true });
    const archive = spawnSync("git", ["archive", "--format=tar", values.from, "src"], {
      cwd: root,
      maxBuffer: 1 << 30,
    });
    if (archive.status !== 0) throw new Error(`git archive ${values.from} failed: ${archive.stderr}`);
    const untar = spawnSync("tar", ["-x", "-C", snapshot], { input: archive.stdout });
    if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
    src = join(snapshot, "src");
  }
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const compile = spawnSync(
    process.execPath,
    [
      tsc,
      ...["--outDir", scratch, "--rootDir", src],
      ...["--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022"],
      ...["--esModuleInterop", "--skipLibCheck", "--resolveJsonModule", "--types", "node", "--noCheck"],
      ...ENTRIES.map((e) => join(src, "entry", `${e}.ts`)),
    ],
    { stdio: "inherit" },
  );
  if (compile.status !== 0) throw new Error(`tsc failed (exit ${compile.status})`);
  // Files the sources read beside themselves (anything but TypeScript) travel with the JavaScript.
  for (const file of await walk(src)) {
    if (!file.endsWith(".ts")) await cp(join(src, file), join(scratch, file));
  }

  // The profile worker (src/data/profile-worker.ts) runs in worker threads and is loaded from beside
  // the bundle, so validate-data uses both cores from dist/ too. Bundled once, shipped with each host.
  const worker = await ncc(join(scratch, "data", "profile-worker.js"), {
    cache: false,
    esm: true,
    sourceMapRegister: false,
    filterAssetBase: scratch,
    quiet: true,
  });
  // ncc marks an ES module bundle with a package.json; each host folder has its own already.
  const workerAssets = Object.keys(worker.assets).filter((n) => n !== "package.json");
  if (workerAssets.length > 0) {
    throw new Error(`the profile worker bundle has assets (${workerAssets.join(", ")}); ship them too`);
  }

  for (const entry of entries) {
    const started = Date.now();
    const { code, assets } = await ncc(join(scratch, "entry", `${entry}.js`), {
      // No cache: a warm cache must never make two builds differ.
      cache: false,
      esm: true,
      sourceMapRegister: false,
      filterAssetBase: scratch,
      license: "licenses.txt",
      quiet: true,
    });
    const files = {
      "index.js": code,
      "profile-worker.js": worker.code,
      ...Object.fromEntries(Object.entries(assets).map(([n, a]) => [n, a.source])),
    };
    // Write beside the target, then swap, so an interrupted build never leaves half a bundle.
    const target = join(out, entry);
    const staging = `${target}.tmp-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    for (const [name, source] of Object.entries(files)) {
      await mkdir(dirname(join(staging, name)), { recursive: true });
      await writeFile(join(staging, name), source);
    }
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    const size = Object.values(files).reduce((n, s) => n + Buffer.byteLength(s), 0);
    const shown = relative(process.cwd(), target) || ".";
    process.stdout.write(
      `${shown}/index.js: ${(size / 1024).toFixed(0)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
  await rm(snapshot, { recursive: true, force: true });
  await release();
}
