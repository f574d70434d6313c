import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { UserError } from "../errors.js";
import type { Log, RunContext } from "../run-context.js";
import { fileOnPath } from "../util/files.js";
import { LocalWorkspace } from "./local/index.js";
import type { ModelRegistry, Workspace } from "./workspace.js";

/**
 * The part of a task's inputs that says which workspace to open; declared here so the workspace
 * layer needs nothing from tasks/ (a task's Inputs fits it as is).
 */
export interface WorkspaceInputs {
  spec: { inputs: readonly { name: string }[] };
  string(name: string): string | undefined;
  boolean(name: string): boolean;
}

/** An input's value when the task declares it, else undefined (not every task takes every input). */
function read(inputs: WorkspaceInputs, name: string): string | undefined {
  if (!inputs.spec.inputs.some((i) => i.name === name)) return undefined;
  const v = inputs.string(name);
  return v === "" ? undefined : v;
}

/** Opens the workspace the inputs name. Backends are chosen here and nowhere else. */
export async function openWorkspace(
  inputs: WorkspaceInputs,
  cwd: string,
  log: Log,
  run?: RunContext,
  env = process.env,
): Promise<Workspace> {
  const workspaceName = read(inputs, "workspaceName") ?? env.AZUREML_WORKSPACE_NAME;
  const backend = read(inputs, "backend") ?? (workspaceName ? "azureml" : "local");
  switch (backend) {
    case "local": {
      const dir = resolve(cwd, read(inputs, "workspaceDir") ?? ".mlops");
      const existing = fileOnPath(dir);
      if (existing) {
        throw new UserError(
          existing === dir ? `'${dir}' is a file, not a workspace folder` : `'${existing}' in '${dir}' is a file`,
          { input: "workspaceDir" },
          "Give a folder (it is created if missing), or leave workspaceDir out to use .mlops",
        );
      }
      return LocalWorkspace.open(dir, log);
    }
    case "azureml": {
      // Loaded only here: the Azure SDKs are most of the bundle, and a local run should not pay
      // for reading them (the build splits this import into its own chunk).
      const [{ AzureMlWorkspace, requireRef }, { httpTimeoutsFrom }] = await Promise.all([
        import("./azureml/index.js"),
        import("./azureml/http-timeouts.js"),
      ]);
      const dryRun = inputs.spec.inputs.some((i) => i.name === "dryRun") && inputs.boolean("dryRun");
      const caFile = env.MLOPS_EXTRA_CA_CERTS;
      const pollMs = Number(env.MLOPS_AZUREML_POLL_MS);
      let extraCaCerts: string | undefined;
      if (caFile) {
        try {
          extraCaCerts = readFileSync(caFile, "utf8");
        } catch {
          throw new UserError(
            `MLOPS_EXTRA_CA_CERTS names '${caFile}', which cannot be read`,
            {},
            "Point it at a PEM file or unset it",
          );
        }
      }
      return AzureMlWorkspace.open({
        ref: requireRef({
          subscriptionId:
            read(inputs, "subscriptionId") ??
            run?.azure?.azureServiceConnection?.subscriptionId ??
            env.AZURE_SUBSCRIPTION_ID,
          resourceGroup: read(inputs, "resourceGroup") ?? env.AZURE_RESOURCE_GROUP,
          workspaceName,
        }),
        cloud: read(inputs, "cloud"),
        resourceManagerEndpoint: read(inputs, "resourceManagerEndpoint"),
        authorityHost: read(inputs, "authorityHost"),
        clientId: read(inputs, "clientId"),
        tenantId: read(inputs, "tenantId"),
        azureSubscription: read(inputs, "azureSubscription"),
        run,
        env,
        log,
        dryRun,
        planFile: dryRun ? resolve(cwd, read(inputs, "planFile") ?? "mlops-plan.json") : undefined,
        extraCaCerts,
        // Tests and slow-moving workspaces may set the first poll interval (milliseconds).
        timing: {
          ...(Number.isFinite(pollMs) && pollMs > 0 ? { pollMs, retryDelayMs: Math.min(800, pollMs) } : {}),
          // Connect and idle timeouts of every request to Azure (MLOPS_HTTP_*_TIMEOUT_MS).
          http: httpTimeoutsFrom(env),
        },
      });
    }
    default:
      throw new UserError(`backend '${backend}' is not available`, { input: "backend" }, "Use local or azureml");
  }
}

/**
 * Opens the registry a task names, beside the workspace it runs on. `value` is the `registry`
 * input, or (`fromUri`) the registry name of an `azureml://registries/<name>/...` reference. On
 * Azure ML it is a registry's name, opened with the workspace's sign-in; on the local backend it
 * is a folder (relative to `cwd`, created if missing), so a bare name from a URI is refused there:
 * the folder must be given as the `registry` input.
 */
export async function openRegistry(
  workspace: Workspace,
  value: string,
  options: { cwd: string; log: Log; fromUri?: boolean },
): Promise<ModelRegistry> {
  if (workspace.openRegistry) return workspace.openRegistry(value, options.log);
  if (workspace.backend === "local") {
    if (options.fromUri) {
      throw new UserError(
        `on the local backend registry '${value}' is a folder, and no registry folder is given`,
        { input: "registry" },
        `Set registry to the folder of local registry ${value}`,
      );
    }
    const { LocalRegistry } = await import("./local/registry.js");
    return LocalRegistry.open(resolve(options.cwd, value), options.log);
  }
  throw new UserError(
    `the ${workspace.backend} backend of this mlops-action cannot open registries`,
    { input: "registry" },
    "Leave registry empty, or use a version of mlops-action with Azure ML registries",
  );
}
