// One module decides what a reference string is; every caller (parser, local runner, Azure
// compiler, tasks) asks it, so they cannot disagree.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../src/pipeline/parse.js";
import { isRegisteredRef, isRemoteCode, isRemoteUri, looksLikeUri, parseRegisteredRef } from "../src/references.js";
import { compileForAzure } from "../src/workspace/azureml/contract/wire/pipeline-job.js";
import { tempDir } from "./helpers.js";

// value, registered, remote data/model, remote code, any URI
const CASES: [string, boolean, boolean, boolean, boolean][] = [
  ["azureml:diabetes", true, true, true, true],
  ["azureml:diabetes:3", true, true, true, true],
  ["azureml:diabetes@latest", true, true, true, true],
  ["azureml://datastores/workspaceblobstore/paths/data/x.csv", false, true, true, true],
  ["azureml://jobs/abc/outputs/model", false, true, true, true],
  [
    "azureml:/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w/environments/e/versions/1",
    false,
    true,
    true,
    true,
  ],
  ["AZUREML://datastores/d/paths/p", false, true, true, true],
  ["https://account.blob.core.windows.net/c/x.csv", false, true, true, true],
  ["HTTPS://example.com/x.csv", false, true, true, true],
  ["wasbs://c@account.blob.core.windows.net/x", false, true, true, true],
  ["abfss://fs@account.dfs.core.windows.net/x", false, true, true, true],
  ["adl://account.azuredatalakestore.net/x", false, true, true, true],
  ["s3://bucket/x", false, true, true, true],
  ["gs://bucket/x", false, true, true, true],
  ["git+https://github.com/org/repo#main:src", false, false, true, true],
  ["git+ssh://git@github.com/org/repo", false, false, true, true],
  ["ftp://host/x", false, false, false, true],
  ["./src", false, false, false, false],
  ["src/train", false, false, false, false],
  ["file:./data", false, false, false, false],
  ["/abs/path/data.csv", false, false, false, false],
  ["C:\\data\\x.csv", false, false, false, false],
  ["https:relative", false, false, false, false],
  ["git+notaurl", false, false, false, false],
  ["azureml-data/x.csv", false, false, false, false],
];

describe("what a reference string is", () => {
  it.each(CASES)("%s", (value, registered, remote, remoteCode, uri) => {
    expect({
      registered: isRegisteredRef(value),
      remote: isRemoteUri(value),
      remoteCode: isRemoteCode(value),
      uri: looksLikeUri(value),
    }).toEqual({ registered, remote, remoteCode, uri });
  });

  it("a registered reference splits into name, version or label", () => {
    expect(parseRegisteredRef("azureml:diabetes")).toEqual({ name: "diabetes" });
    expect(parseRegisteredRef("azureml:diabetes:3")).toEqual({ name: "diabetes", version: "3" });
    expect(parseRegisteredRef("azureml:diabetes@latest")).toEqual({ name: "diabetes", label: "latest" });
    expect(parseRegisteredRef("azureml:a:1:2")).toBeUndefined();
    expect(parseRegisteredRef("diabetes:3")).toBeUndefined();
  });
});

describe("the parser and the Azure compiler agree on code", () => {
  it("code: git+https://… stays a URL (nothing uploaded); code: ./src is a folder to upload", async () => {
    const { dir, cleanup } = await tempDir("mlops-refs-");
    try {
      const yaml = (code: string) =>
        `type: pipeline\njobs:\n  train:\n    type: command\n    code: ${code}\n    command: python train.py\n    environment: azureml:sklearn:1\n`;
      await writeFile(join(dir, "git.yml"), yaml("git+https://github.com/org/repo#main:src"));
      await writeFile(join(dir, "local.yml"), yaml("./src"));
      const git = compileForAzure((await loadPipeline(join(dir, "git.yml"))).job);
      expect(git.codeFolders).toEqual([]);
      expect(git.components[0].codeFolder).toBeUndefined();
      expect(git.components[0].spec.code).toBe("git+https://github.com/org/repo#main:src");
      const local = compileForAzure((await loadPipeline(join(dir, "local.yml"))).job);
      expect(local.codeFolders).toEqual([join(dir, "src")]);
    } finally {
      await cleanup();
    }
  });
});
