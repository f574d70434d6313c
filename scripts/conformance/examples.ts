/**
 * What the conformance run reads from an azureml-examples checkout: the pipeline JOB files under
 * cli/jobs/ (not pipeline components, which share `type: pipeline`), the `basics` examples, and the
 * compute clusters the examples' own CI provisions for its workspace.
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { parse } from "yaml";

const JOB_SCHEMA = /pipelineJob\.schema\.json$/;

/** Every file under `root` whose name ends in .yml/.yaml, sorted, skipping dot folders. */
async function yamlFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.ya?ml$/.test(entry.name)) out.push(path);
    }
  };
  await walk(root);
  return out.sort();
}

/** Whether a YAML document is a pipeline job: `type: pipeline` and a pipelineJob `$schema`. */
export function isPipelineJob(doc: unknown): boolean {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return false;
  const d = doc as Record<string, unknown>;
  return d.type === "pipeline" && typeof d.$schema === "string" && JOB_SCHEMA.test(d.$schema);
}

/** The pipeline job YAMLs under `<checkout>/cli/jobs`, absolute paths, sorted. */
export async function findPipelineJobs(checkout: string): Promise<string[]> {
  const jobs: string[] = [];
  for (const file of await yamlFiles(join(checkout, "cli", "jobs"))) {
    const text = await readFile(file, "utf8");
    // Cheap pre-filter: most of the tree is not a pipeline job.
    if (!/^type:\s*pipeline\b/m.test(text)) continue;
    let doc: unknown;
    try {
      doc = parse(text, { maxAliasCount: 1000 });
    } catch {
      continue;
    }
    if (isPipelineJob(doc)) jobs.push(file);
  }
  return jobs;
}

/** The pipeline jobs of `cli/jobs/pipelines-with-components/basics/`, among `jobs`. */
export function basicsExamples(checkout: string, jobs: readonly string[]): string[] {
  const basics = join(checkout, "cli", "jobs", "pipelines-with-components", "basics");
  return jobs.filter((f) => !relative(basics, f).startsWith(".."));
}

/**
 * The compute clusters the examples' CI creates in its workspace (infra/bootstrapping/bootstrap.sh
 * calls `ensure_aml_compute "<name>"`; setup/setup-repo/create-compute-extras.sh runs
 * `az ml compute create -n <name>`). The emulated workspace gets the same ones, so a refusal for a
 * missing cluster is one the examples' own workspace would also give.
 */
export async function provisionedComputes(checkout: string): Promise<string[]> {
  const names = new Set<string>();
  const scripts = [
    join(checkout, "infra", "bootstrapping", "bootstrap.sh"),
    join(checkout, "setup", "setup-repo", "create-compute-extras.sh"),
  ];
  for (const script of scripts) {
    const text = await readFile(script, "utf8").catch(() => "");
    for (const m of text.matchAll(/ensure_aml_compute\s+"([A-Za-z0-9_-]+)"/g)) names.add(m[1]);
    for (const m of text.matchAll(/az ml compute create\b[^\n]*?(?:-n|--name)\s+([A-Za-z0-9_-]+)/g)) names.add(m[1]);
  }
  return [...names].sort();
}

export interface DataAssetFile {
  name: string;
  type: string;
  /** Absolute path of the data. */
  path: string;
}

/** Data asset YAMLs (`$schema: ...data.schema.json`) in the folder of a pipeline job, with local paths. */
export async function dataAssetsBeside(jobFile: string): Promise<DataAssetFile[]> {
  const dir = dirname(jobFile);
  const out: DataAssetFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    let doc: unknown;
    try {
      doc = parse(await readFile(join(dir, entry.name), "utf8"));
    } catch {
      continue;
    }
    if (typeof doc !== "object" || doc === null) continue;
    const d = doc as Record<string, unknown>;
    if (typeof d.$schema !== "string" || !/\/data\.schema\.json$/.test(d.$schema)) continue;
    if (typeof d.name !== "string" || typeof d.path !== "string" || /^[a-z]+:/.test(d.path)) continue;
    out.push({ name: d.name, type: typeof d.type === "string" ? d.type : "uri_folder", path: join(dir, d.path) });
  }
  return out;
}
