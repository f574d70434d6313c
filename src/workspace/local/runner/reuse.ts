/**
 * Step reuse, as Azure ML does it: a step whose component, code, command and input contents are
 * unchanged gets the outputs of the earlier run instead of running again. The key is a sha256 over
 * those; the cache maps it to the earlier step's outputs and metrics.
 */
import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Component } from "../../../pipeline/model.js";
import { exists, readJson, sha256File, writeJson } from "../store.js";

/** sha256 over sorted relative paths and contents; stable for empty folders and missing paths. */
export async function contentDigest(path: string, ignore: (rel: string) => boolean = () => false): Promise<string> {
  const hash = createHash("sha256");
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return "missing";
  }
  if (!info.isDirectory()) return `file:${await sha256File(path)}`;
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      const rel = relative(path, full).split(sep).join("/");
      if (ignore(rel)) continue;
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) files.push(full);
    }
  };
  await walk(path);
  files.sort();
  for (const f of files) hash.update(`${relative(path, f).split(sep).join("/")}\0${await sha256File(f)}\n`);
  return `dir:${hash.digest("hex")}`;
}

/** Files a code snapshot leaves out: caches and VCS folders that change without changing the code. */
export const IGNORED_CODE = (rel: string) =>
  /(^|\/)(__pycache__|\.git|\.ipynb_checkpoints|mlruns)(\/|$)/.test(rel) || rel.endsWith(".pyc");

export interface ReuseKeyParts {
  component: Component;
  codeDigest?: string;
  /** Input name → literal value or content digest. */
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  environmentVariables: Record<string, string>;
  /** Anything else the result depends on (a sweep's search space, sampling and limits). */
  extra?: unknown;
}

export function reuseKey(parts: ReuseKeyParts): string {
  const c = parts.component;
  const canonical = JSON.stringify({
    v: 1,
    type: c.type,
    command: c.command,
    environment: c.environment ?? null,
    code: parts.codeDigest ?? null,
    inputs: sortKeys(parts.inputs),
    outputs: sortKeys(parts.outputs),
    env: sortKeys(parts.environmentVariables),
    extra: parts.extra ?? null,
  });
  return createHash("sha256").update(canonical).digest("hex");
}

function sortKeys(o: Record<string, string>): [string, string][] {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface CachedStep {
  key: string;
  job: string;
  step: string;
  outputs: Record<string, string>;
  metrics: Record<string, number>;
  createdAt: string;
}

export class StepCache {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    return join(this.root, "cache", "steps", key.slice(0, 2), `${key}.json`);
  }

  /** The earlier run with this key, when its outputs are still there. */
  async get(key: string): Promise<CachedStep | undefined> {
    const hit = await readJson<CachedStep>(this.file(key));
    if (!hit) return undefined;
    for (const p of Object.values(hit.outputs)) if (!(await exists(p))) return undefined;
    return hit;
  }

  async put(entry: CachedStep): Promise<void> {
    await writeJson(this.file(entry.key), entry);
  }
}
