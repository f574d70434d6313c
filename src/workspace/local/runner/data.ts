/**
 * Where a data input's files are, locally: a path in the checkout, a dataset or model registered
 * in the local workspace (`azureml:name:version`, `azureml:name@latest`), or a web URL downloaded
 * once into the workspace cache.
 */
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { UserError } from "../../../errors.js";
import { checkName } from "../../../names.js";
import type { DataInputType } from "../../../pipeline/model.js";
import type { Log } from "../../../run-context.js";
import { LocalDatasets } from "../datasets.js";
import { LocalModels } from "../models.js";
import { exists } from "../store.js";

export interface DataRef {
  type: DataInputType;
  path: string;
  baseDir: string;
}

const MODEL_TYPES = new Set(["mlflow_model", "custom_model", "triton_model"]);

export class DataResolver {
  private readonly datasets: LocalDatasets;
  private readonly models: LocalModels;
  private readonly downloads = new Map<string, Promise<string>>();

  constructor(private readonly root: string) {
    this.datasets = new LocalDatasets(root);
    this.models = new LocalModels(root);
  }

  /** A local path holding the data. */
  async resolve(data: DataRef, log: Log, signal: AbortSignal): Promise<string> {
    const p = data.path;
    if (/^https?:\/\//i.test(p)) {
      const file = await this.download(p, log, signal);
      // A folder input from a URL is the folder the downloaded file sits in (alone).
      return data.type === "uri_file" ? file : dirname(file);
    }
    if (p.startsWith("azureml://")) {
      throw new UserError(
        `data at '${p}' lives in an Azure ML datastore`,
        { subject: "pipeline" },
        "Run with backend azureml, or register the data locally with register-dataset and use `azureml:<name>:<version>`",
      );
    }
    if (p.startsWith("azureml:")) return this.registered(p.slice("azureml:".length), data.type, log);
    const local = resolve(data.baseDir, p.replace(/^file:(\/\/)?/, ""));
    if (!(await exists(local))) {
      throw new UserError(
        `input data '${p}' does not exist (looked for ${local})`,
        { subject: "pipeline" },
        "Fix the path; relative paths resolve against the YAML file's folder",
      );
    }
    return local;
  }

  private async registered(ref: string, type: DataInputType, log: Log): Promise<string> {
    const m = /^([^:@]+)(?::([^:@]+)|@([A-Za-z]+))?$/.exec(ref);
    if (!m)
      throw new UserError(
        `'azureml:${ref}' is not a name:version reference`,
        { subject: "pipeline" },
        "Write azureml:<name>:<version> or azureml:<name>@latest",
      );
    const [, name, version, label] = m;
    // The same name rule (and limit) as everywhere, before the name becomes a path in the workspace.
    checkName(MODEL_TYPES.has(type) ? "model" : "data asset", name, "pipeline");
    const v = version ?? (label === "latest" || label === undefined ? "latest" : label);
    if (MODEL_TYPES.has(type)) {
      const model = await this.models.get(name, v);
      if (!model)
        throw new UserError(
          `model 'azureml:${ref}' is not in the local workspace`,
          { subject: "pipeline" },
          "Register it first (compare-models with register: true), or fix the name and version",
        );
      return this.models.localPath(model);
    }
    const dataset = await this.datasets.get(name, v);
    if (!dataset)
      throw new UserError(
        `dataset 'azureml:${ref}' is not in the local workspace (${this.root})`,
        { subject: "pipeline" },
        "Register it first with register-dataset, or fix the name and version",
      );
    log.debug(`azureml:${ref} → ${dataset.uri}`);
    return this.datasets.localPath(dataset);
  }

  /** Downloads a URL once per workspace; later runs (and parallel steps) reuse the cached file. */
  private download(url: string, log: Log, signal: AbortSignal): Promise<string> {
    let pending = this.downloads.get(url);
    if (!pending) {
      pending = (async () => {
        const digest = createHash("sha256").update(url).digest("hex");
        const name = basename(new URL(url).pathname) || "data";
        const target = join(this.root, "cache", "web", digest.slice(0, 16), name);
        if (await exists(target)) {
          log.info(`Using the cached download of ${url}`);
          return target;
        }
        log.info(`Downloading ${url}`);
        const response = await fetch(url, { signal }).catch((error: unknown) => {
          if (signal.aborted) throw error;
          // fetch says only "fetch failed"; the cause (DNS, refused, TLS) is what the user can act on.
          const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
          throw new UserError(
            `downloading '${url}' failed: ${cause}`,
            { subject: "pipeline" },
            "Check the URL is reachable from this runner (network, proxy), or run it with backend azureml",
          );
        });
        if (!response.ok || !response.body) {
          throw new UserError(
            `downloading '${url}' failed: HTTP ${response.status}`,
            { subject: "pipeline" },
            "Check the URL is reachable from this runner",
          );
        }
        await mkdir(dirname(target), { recursive: true });
        const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
        try {
          await pipeline(
            Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
            createWriteStream(tmp),
          );
          await rename(tmp, target);
        } catch (error) {
          await rm(tmp, { force: true });
          throw error;
        }
        return target;
      })();
      this.downloads.set(url, pending);
      pending.catch(() => this.downloads.delete(url));
    }
    return pending;
  }
}
