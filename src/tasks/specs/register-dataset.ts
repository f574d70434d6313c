import { DRY_RUN_INPUT, WORKSPACE_INPUTS } from "../common.js";
import type { TaskSpec } from "../spec.js";

/** register-dataset's declared inputs and outputs: read by the hosts, the generator and the docs without loading the task's code. */
export const spec = {
  name: "register-dataset",
  title: "Register dataset",
  summary:
    "Fingerprints data, stores it in the workspace and registers a new data-asset version only when the content changed.",
  inputs: [
    {
      name: "name",
      type: "string",
      required: true,
      description: "Data asset name, such as `diabetes`.",
      example: "diabetes",
    },
    {
      name: "path",
      type: "path",
      required: true,
      description:
        "File or folder holding the data, or a URI of data already in storage (`azureml://datastores/...`, `abfss://`, `https://`; backend `azureml`), registered without copying.",
      example: "data/diabetes.csv",
    },
    {
      name: "type",
      type: "choice",
      options: ["uri_file", "uri_folder", "mltable"],
      description: "Data asset type. Default: `uri_file` for a file, `uri_folder` for a folder.",
    },
    { name: "description", type: "string", description: "Description stored with a new version." },
    { name: "tags", type: "multiline", description: "Tags for a new version, `key=value`, one per line." },
    DRY_RUN_INPUT,
    ...WORKSPACE_INPUTS,
  ],
  outputs: [
    { name: "name", description: "Data asset name." },
    { name: "version", description: "The registered version, or the existing one when nothing changed." },
    {
      name: "changed",
      description: "`true` when a new version was registered, `false` when the content was already the latest version.",
    },
    { name: "fingerprint", description: "sha256 over the sorted relative paths and file contents." },
    { name: "uri", description: "Where the version's data lives in the workspace." },
  ],
  example: { name: "diabetes", path: "data/diabetes.csv" },
} as const satisfies TaskSpec;
