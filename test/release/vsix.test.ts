// The Azure DevOps extension as a user installs it: `npm run package` (tfx extension create, offline)
// writes the .vsix into a temporary folder; this reads it back and checks that it holds task.json,
// the icons and every file of the Azure DevOps bundle, then runs the packaged task's handler from
// an extracted copy, with nothing else near it, the way the agent runs it.
import { readFileSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import AdmZip from "adm-zip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADO_TASK, VSIX_LAYOUT } from "../../scripts/generate.js";
import { packageVsix } from "../../scripts/package-vsix.js";
import { tempDir } from "../helpers.js";
import { REPO, runBundle } from "../hosts/run-bundle.js";

interface TaskJson {
  id: string;
  inputs: { name: string; defaultValue: string }[];
  execution: Record<string, { target: string }>;
}

let dir: string;
let cleanup: () => Promise<void>;
let zip: AdmZip;
let tfxOutput: string;
const entry = (path: string) => zip.getEntry(path)?.getData();

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer | undefined): [number, number] | undefined {
  if (!png || png.subarray(1, 4).toString("latin1") !== "PNG") return undefined;
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

async function filesUnder(folder: string, base = folder): Promise<string[]> {
  const found: string[] = [];
  for (const d of await readdir(folder, { withFileTypes: true })) {
    const full = join(folder, d.name);
    if (d.isDirectory()) found.push(...(await filesUnder(full, base)));
    else found.push(full.slice(base.length + 1));
  }
  return found;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-vsix-test-"));
  const packaged = await packageVsix(join(dir, "out"));
  tfxOutput = packaged.output;
  zip = new AdmZip(packaged.vsix);
}, 120_000);
afterAll(async () => cleanup());

describe("the packaged .vsix", () => {
  it("was written by tfx without a warning, its task.json validated on the way", () => {
    expect(tfxOutput).toContain("Completed operation: create extension");
    expect(tfxOutput).not.toMatch(/warning/i);
  });

  it("holds the task folder: the committed task.json and a 32×32 icon.png", () => {
    expect(entry(`${ADO_TASK}/task.json`)?.toString("utf8")).toBe(readFileSync(join(REPO, "task.json"), "utf8"));
    expect(pngSize(entry(`${ADO_TASK}/icon.png`))).toEqual([32, 32]);
  });

  it("holds every file of dist/azure-devops unchanged, an ES module package", async () => {
    const bundle = join(REPO, "dist", "azure-devops");
    const files = await filesUnder(bundle);
    expect(files).toEqual(expect.arrayContaining(["index.js", "package.json", "profile-worker.js"]));
    for (const f of files) {
      expect(entry(`${ADO_TASK}/dist/azure-devops/${f}`)?.equals(await readFile(join(bundle, f))), f).toBe(true);
    }
    expect(JSON.parse(entry(`${ADO_TASK}/dist/azure-devops/package.json`)?.toString("utf8") ?? "{}").type).toBe(
      "module",
    );
  });

  it("has a file for every execution handler's target", () => {
    const task = JSON.parse(entry(`${ADO_TASK}/task.json`)?.toString("utf8") ?? "{}") as TaskJson;
    expect(Object.keys(task.execution).sort()).toEqual(["Node20_1", "Node24"]);
    for (const [handler, { target }] of Object.entries(task.execution)) {
      expect(entry(`${ADO_TASK}/${target}`), `${handler} → ${target}`).toBeDefined();
    }
  });

  it("names the 128×128 extension icon, the task contribution and the details page it holds", () => {
    const manifest = entry("extension.vsixmanifest")?.toString("utf8") ?? "";
    const icon = VSIX_LAYOUT.copies["images/extension-icon.png"];
    expect(manifest).toContain(`<Icon>${icon}</Icon>`);
    expect(pngSize(entry(icon))).toEqual([128, 128]);
    const contributions = JSON.parse(entry("extension.vsomanifest")?.toString("utf8") ?? "{}").contributions;
    expect(contributions).toEqual([expect.objectContaining({ properties: { name: ADO_TASK } })]);
    expect(entry("README.md")).toBeDefined();
    expect(entry("LICENSE")).toBeDefined();
  });

  it("runs: the handler from an extracted copy registers a dataset, with no node_modules near it", async () => {
    const extracted = join(dir, "extracted");
    zip.extractAllTo(extracted, true);
    const task = JSON.parse(await readFile(join(extracted, ADO_TASK, "task.json"), "utf8")) as TaskJson;
    const work = join(dir, "work");
    await mkdir(join(work, "agent-temp"), { recursive: true });
    await writeFile(join(work, "data.csv"), "age,bmi,target\n59,32.1,151\n48,21.6,75\n");
    // As the agent does: every input with its default, then the step's own.
    const env: Record<string, string> = { AGENT_TEMPDIRECTORY: join(work, "agent-temp") };
    for (const i of task.inputs) if (i.defaultValue) env[`INPUT_${i.name.toUpperCase()}`] = i.defaultValue;
    Object.assign(env, { INPUT_COMMAND: "register-dataset", INPUT_NAME: "diabetes", INPUT_PATH: "data.csv" });
    const run = await runBundle(join(extracted, ADO_TASK, task.execution.Node24.target), work, env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.lines).toContain("##vso[task.setvariable variable=version;isOutput=true;issecret=false;]1");
  });
});

describe("packaging refuses", () => {
  /** A copy of everything the package is made from, with one file changed. */
  async function rootWith(path: string, change: (text: string) => string): Promise<string> {
    const root = join(dir, `broken-${path.replace(/\W/g, "-")}`);
    for (const from of Object.keys(VSIX_LAYOUT.copies)) {
      await cp(join(REPO, from), join(root, from), { recursive: true });
    }
    await writeFile(join(root, path), change(await readFile(join(root, path), "utf8")));
    return root;
  }

  it("a task.json that Microsoft's validation rejects (tfx only warns; packaging fails)", async () => {
    const root = await rootWith("task.json", (t) => {
      const json = JSON.parse(t);
      delete json.instanceNameFormat;
      json.execution.Node24.target = "dist/azure-devops/missing.js";
      return JSON.stringify(json);
    });
    const refused = packageVsix(join(dir, "out-broken"), { root });
    await expect(refused).rejects.toThrow(/instanceNameFormat is required/);
    await expect(refused).rejects.toThrow(/Node24\.target references file that does not exist/);
  }, 120_000);

  it("a missing bundle, naming the command that builds it", async () => {
    const root = await rootWith("task.json", (t) => t);
    await rm(join(root, "dist"), { recursive: true });
    await expect(packageVsix(join(dir, "out-nodist"), { root })).rejects.toThrow(
      "dist/azure-devops is missing: run npm run build, then package again",
    );
  });
});
