/**
 * Rows a task reads as an input (compare-models' and deploy-endpoint's evaluationData): a local
 * file or folder, else a registered dataset (`name@3`, `name@latest`, `name:3`) read where it lies.
 * One resolver, so both tasks accept the same values.
 */
import { stat } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { selectDatasetFiles } from "../data/dataset-files.js";
import { dataFiles } from "../data/read.js";
import { type DataFile, statLocalFile } from "../data/source.js";
import { UserError } from "../errors.js";
import { checkName } from "../names.js";
import { looksLikeUri } from "../references.js";
import type { Log } from "../run-context.js";
import type { DatasetVersion, Workspace } from "../workspace/workspace.js";

export interface DataInputContext {
  cwd: string;
  workspace: Pick<Workspace, "datasets">;
  log: Log;
}

const DATASET_REF = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,254})(?:@(\d+|latest)|:(\d+|latest))$/;

export interface ResolvedData {
  files: DataFile[];
  label: string;
}

/**
 * The dataset version a reference (`name@3`, `name@latest`, `name:3`) names, else a UserError on
 * `input` listing the versions there are; `other` says what else the input takes.
 */
export async function registeredDataset(
  ctx: Pick<DataInputContext, "workspace">,
  value: string,
  input: string,
  other: string,
): Promise<DatasetVersion> {
  const m = DATASET_REF.exec(value);
  if (!m) {
    throw new UserError(
      `'${value}' is neither an existing path nor a dataset reference`,
      { input },
      `${other}, or a registered dataset (name@version)`,
    );
  }
  const name = m[1];
  const version = m[2] ?? m[3];
  checkName("data asset", name, input);
  const store = ctx.workspace.datasets;
  const ds = await store.get(name, version);
  if (!ds) {
    const versions = (await store.list(name)).map((d) => d.version);
    throw new UserError(
      versions.length === 0
        ? `'${value}' is neither a file nor a dataset in the workspace`
        : `dataset '${name}' has no version ${version}`,
      { input },
      versions.length === 0
        ? `${other}, or register the data with register-dataset`
        : `Use one of: ${versions.join(", ")}, latest`,
    );
  }
  return ds;
}

/** Whether a value has the shape of a dataset reference (`name@3`, `name@latest`, `name:3`). */
export const isDatasetRef = (value: string): boolean => DATASET_REF.test(value);

/** A path that exists, else a dataset reference (`name@3`, `name@latest`, `name:3`) read where it lies. */
export async function resolveDataInput(ctx: DataInputContext, value: string, input: string): Promise<ResolvedData> {
  if (looksLikeUri(value)) {
    throw new UserError(
      "is a URL; give a local file or folder, or a registered dataset (name@version)",
      { input },
      "Register the data with register-dataset and give name@version",
    );
  }
  const path = isAbsolute(value) ? value : resolve(ctx.cwd, value);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (exists || !DATASET_REF.test(value)) {
    const files = await Promise.all((await dataFiles(path, input)).map(statLocalFile));
    return { files, label: value };
  }
  const ds = await registeredDataset(ctx, value, input, "Give a CSV, JSON Lines or Parquet file or folder");
  const store = ctx.workspace.datasets;
  const label = `${ds.name}@${ds.version}`;
  if (store.openFiles) {
    const entries = (await store.openFiles(ds, ctx.log)).map((f) => ({
      rel: f.path,
      file: {
        path: f.local ?? `${label}/${f.path}`,
        size: f.size,
        local: f.local,
        open: (s?: number, e?: number) => f.open(s, e),
      },
    }));
    return { files: await selectDatasetFiles(entries, label, input), label };
  }
  const local = await store.localPath(ds, ctx.log);
  return { files: await Promise.all((await dataFiles(local, input)).map(statLocalFile)), label };
}
