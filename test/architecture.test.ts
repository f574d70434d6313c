import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".ts") ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map(
    (m) => m[1] ?? m[2],
  );
}

const HOST_LIBRARIES = /^(@actions\/|azure-pipelines-task-lib)/;

describe("the folder layout holds the architecture", () => {
  const all = files(SRC).map((f) => ({ file: relative(SRC, f), imports: imports(f) }));

  it("host libraries are imported only under src/hosts/ and src/entry/", () => {
    const offenders = all
      .filter((f) => !f.file.startsWith("hosts/") && !f.file.startsWith("entry/"))
      .flatMap((f) => f.imports.filter((i) => HOST_LIBRARIES.test(i)).map((i) => `${f.file} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it("tasks never import a host or a backend, only the Workspace port", () => {
    const offenders = all
      .filter((f) => f.file.startsWith("tasks/"))
      .flatMap((f) =>
        f.imports
          .filter((i) => /\/hosts\/|workspace\/(local|azureml)\/|\/entry\//.test(i))
          .map((i) => `${f.file} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it("the workspace layer and everything below tasks/ import no task, host or entry point", () => {
    const offenders = all
      .filter((f) => !/^(tasks|hosts|entry)\//.test(f.file))
      .flatMap((f) =>
        f.imports.filter((i) => /(^|\/)(tasks|hosts|entry)\//.test(i)).map((i) => `${f.file} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it("tasks decide on what the workspace can do (capabilities), never on which backend it is", () => {
    const offenders = all
      .filter((f) => f.file.startsWith("tasks/"))
      .flatMap((f) =>
        readFileSync(join(SRC, f.file), "utf8")
          .split("\n")
          .flatMap((line, i) =>
            /\.backend\s*[!=]==|[!=]==\s*\w+\.backend\b/.test(line) ? [`${f.file}:${i + 1}`] : [],
          ),
      );
    expect(offenders).toEqual([]);
  });

  it("one backend never imports another: shared helpers live in the port or in util/", () => {
    const backend = (path: string) => /^workspace\/(local|azureml)\//.exec(path)?.[1];
    const offenders = all
      .filter((f) => backend(f.file))
      .flatMap((f) =>
        f.imports
          .filter((i) => i.startsWith("."))
          .filter((i) => {
            const target = backend(relative(SRC, join(SRC, dirname(f.file), i)));
            return target !== undefined && target !== backend(f.file);
          })
          .map((i) => `${f.file} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });
});
