/**
 * Anonymous environments, as the Azure ML CLI makes them: an inline `environment:` (an image, with
 * an optional conda file) is registered once per content hash as a version of
 * `CliV2AnonymousEnvironment`, and referenced by its ARM id.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { UserError } from "../../errors.js";
import { isRemoteCode } from "../../references.js";
import type { Log } from "../../run-context.js";
import type { AzureMlClient } from "./client.js";

export interface InlineEnvironment {
  image?: string;
  /** Absolute path of a conda file. */
  conda_file?: string;
  /** A Docker build context: `path` (absolute once compiled, or a URL) and `dockerfile_path`. */
  build?: unknown;
  description?: string;
}

/** Uploads a local Docker build context and gives the blob folder URL `build.contextUri` names. */
export type ContextUploader = (dir: string, log?: Log) => Promise<{ uri: string; hash: string }>;

export const ANONYMOUS_ENVIRONMENT = "CliV2AnonymousEnvironment";

export class EnvironmentRegistry {
  private readonly done = new Map<string, Promise<string>>();

  constructor(
    private readonly client: AzureMlClient,
    private readonly contexts?: ContextUploader,
  ) {}

  /** The ARM id of an anonymous environment for an image (and conda file), registering it once. */
  async register(env: InlineEnvironment, where: string, log?: Log): Promise<string> {
    if (env.build && this.contexts) return this.registerBuild(env.build, where, this.contexts, log);
    if (env.build) {
      throw new UserError(
        `${where}: environments built from a Docker context (build:) are not supported by mlops-action`,
        { subject: "pipeline" },
        "Register the environment with az ml environment create and reference it as azureml:<name>:<version>",
      );
    }
    if (!env.image) {
      throw new UserError(
        `${where}: an inline environment needs an image`,
        { subject: "pipeline" },
        "Add image: mcr.microsoft.com/azureml/<image>",
      );
    }
    let conda: string | undefined;
    if (env.conda_file) {
      try {
        conda = await readFile(env.conda_file, "utf8");
      } catch {
        throw new UserError(
          `${where}: conda file '${env.conda_file}' cannot be read`,
          { file: env.conda_file },
          "Fix the conda_file path",
        );
      }
    }
    const version = createHash("sha256")
      .update(`${env.image}\0${conda ?? ""}`)
      .digest("hex")
      .slice(0, 32);
    let p = this.done.get(version);
    if (!p) {
      p = (async () => {
        const params = { name: ANONYMOUS_ENVIRONMENT, version };
        await this.client.must("environmentVersions.createOrUpdate", params, {
          what: `register environment for image ${env.image}`,
          body: {
            properties: {
              image: env.image,
              ...(conda ? { condaFile: conda } : {}),
              // The SDK's anonymous environment body: no osType (the service's default is Linux).
              isAnonymous: true,
              isArchived: false,
            },
          },
        });
        return this.client.id("environmentVersions.get", params);
      })();
      this.done.set(version, p);
    }
    return p;
  }

  /**
   * An anonymous environment built from a Docker context, as the SDK creates it: the context folder
   * uploaded to the default datastore, then `build: {contextUri, dockerfilePath}` (recording
   * environment/test_environment_create_or_update_docker_context). Versioned by the context's content.
   */
  private async registerBuild(build: unknown, where: string, contexts: ContextUploader, log?: Log): Promise<string> {
    const b = (typeof build === "object" && build !== null ? build : {}) as {
      path?: unknown;
      dockerfile_path?: unknown;
    };
    if (typeof b.path !== "string" || b.path === "") {
      throw new UserError(
        `${where}: environment build has no path`,
        { subject: "pipeline" },
        "Set build.path to the folder holding the Dockerfile, such as ./docker-context",
      );
    }
    const path = b.path;
    const dockerfilePath = typeof b.dockerfile_path === "string" ? b.dockerfile_path : "Dockerfile";
    const remote = isRemoteCode(path);
    const { uri, hash } = remote ? { uri: path, hash: path } : await contexts(path, log);
    const version = createHash("sha256").update(`build\0${hash}\0${dockerfilePath}`).digest("hex").slice(0, 32);
    let p = this.done.get(version);
    if (!p) {
      p = (async () => {
        const params = { name: ANONYMOUS_ENVIRONMENT, version };
        await this.client.must("environmentVersions.createOrUpdate", params, {
          what: `register environment built from ${path}`,
          body: { properties: { build: { contextUri: uri, dockerfilePath }, isAnonymous: true, isArchived: false } },
        });
        return this.client.id("environmentVersions.get", params);
      })();
      this.done.set(version, p);
    }
    return p;
  }
}

/** The name Azure ML gives its serverless compute (`azureml:serverless`). */
export const SERVERLESS = "serverless";

/**
 * A compute named `azureml:<name>` or `<name>` as the ARM id the service expects, after checking
 * that the workspace has it.
 */
export class ComputeResolver {
  private readonly known = new Map<string, Promise<string>>();

  constructor(private readonly client: AzureMlClient) {}

  resolve(value: string, where: string): Promise<string> {
    const name =
      /^azureml:([A-Za-z0-9][A-Za-z0-9_-]*)$/.exec(value)?.[1] ??
      (/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value) ? value : undefined);
    if (!name) return Promise.resolve(value.replace(/^azureml:(?=\/subscriptions\/)/, ""));
    // Serverless compute is no cluster to look up: the SDK sends its ARM id as is (recorded in
    // test_pipeline_job_serverless_compute_*: settings.default_compute = <workspace>/computes/serverless).
    if (name.toLowerCase() === SERVERLESS) return Promise.resolve(this.client.id("computes.get", { name: SERVERLESS }));
    let p = this.known.get(name);
    if (!p) {
      p = (async () => {
        const r = await this.client.send(
          "computes.get",
          { name },
          {
            allow404: true,
            what: `read compute ${name}`,
          },
        );
        if (!r) {
          throw new UserError(
            `${where}: compute '${name}' does not exist in workspace ${this.client.ref.workspaceName}`,
            { subject: "pipeline" },
            "Create it (az ml compute create) or name an existing compute cluster",
          );
        }
        return this.client.id("computes.get", { name });
      })();
      this.known.set(name, p);
    }
    return p;
  }
}
