import { UserError } from "../errors.js";
import { checkName } from "../names.js";
import type { ModelStore, ModelVersion } from "../workspace/workspace.js";
import type { TaskContext } from "./context.js";

/**
 * A registered model version as a user writes it: `name:version`, `name@3`, `name@latest`, or
 * `name@champion` (the version compare-models tagged `champion=true`).
 */
export interface ModelRef {
  name: string;
  /** A version, "latest" or "champion". */
  version: string;
}

const VERSION = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function formatModelRef(ref: ModelRef | ModelVersion): string {
  return ref.version === "latest" || ref.version === "champion"
    ? `${ref.name}@${ref.version}`
    : `${ref.name}:${ref.version}`;
}

/** Parses a model reference; `azureml:` prefixes (as Azure ML YAML writes them) are accepted. */
export function parseModelRef(text: string, input: string): ModelRef {
  const raw = text.trim().replace(/^azureml:/, "");
  const at = raw.lastIndexOf("@");
  const colon = raw.lastIndexOf(":");
  const cut = at >= 0 ? at : colon;
  const name = cut > 0 ? raw.slice(0, cut) : "";
  const version = cut > 0 ? raw.slice(cut + 1) : "";
  // The one name check: the rule and its limit, and a long name cut short in the message.
  if (name) checkName("model", name, input);
  if (!name || !VERSION.test(version)) {
    throw new UserError(
      `'${text}' is not a model reference`,
      { input },
      "Write name:version (diabetes-model:3), name@3, name@latest or name@champion",
    );
  }
  return { name, version };
}

/** Where models are looked up: a workspace, or a registry (`where` names it in messages). */
interface ModelSource {
  models: Pick<ModelStore, "get" | "list">;
}

/** Looks a reference up in the workspace (or a registry); a missing model says which versions exist. */
export async function resolveModel(
  source: ModelSource,
  ref: ModelRef,
  input: string,
  where = "the workspace",
): Promise<ModelVersion> {
  if (ref.version === "champion") {
    const champion = (await source.models.list(ref.name)).filter((m) => m.tags.champion === "true").at(-1);
    if (champion) return champion;
    throw new UserError(
      `no version of model ${ref.name} in ${where} is tagged champion=true`,
      { input },
      "Run compare-models with register: true first (with registry, to publish it there), or give a version",
    );
  }
  const found = await source.models.get(ref.name, ref.version);
  if (found) return found;
  const versions = (await source.models.list(ref.name)).map((m) => m.version);
  throw new UserError(
    `model ${formatModelRef(ref)} is not registered in ${where}`,
    { input },
    versions.length
      ? `Registered versions of ${ref.name}: ${versions.join(", ")}`
      : `No version of ${ref.name} is registered; register it first (compare-models with register: true does)`,
  );
}

/** A model reference as deploy-endpoint takes it: a `ModelRef`, or a registry's model URI. */
export interface ModelInput extends ModelRef {
  /** The registry an `azureml://registries/<registry>/models/...` reference names. */
  registry?: string;
}

// Azure ML's registry asset id, by version or by the `latest` label.
const REGISTRY_URI = /^azureml:\/\/registries\/([^/]+)\/models\/([^/]+)\/(?:versions\/([^/]+)|labels\/(latest))$/;

/** Parses `name:version`, `name@latest`, `name@champion`, or `azureml://registries/<r>/models/<m>/versions/<v>`. */
export function parseModelInput(text: string, input: string): ModelInput {
  const value = text.trim();
  if (!value.startsWith("azureml://")) return parseModelRef(value, input);
  const m = REGISTRY_URI.exec(value);
  const version = m?.[3] ?? m?.[4] ?? "";
  if (!m || !VERSION.test(version)) {
    throw new UserError(
      `'${text}' is not a registry model reference`,
      { input },
      "Write azureml://registries/<registry>/models/<name>/versions/<version>, or name:version",
    );
  }
  checkName("model", m[2], input);
  return { registry: m[1], name: m[2], version };
}

/**
 * Resolves a model where the inputs say: in the registry when `registry` (the input's value) is
 * given or the reference is a registry URI, else in the workspace. A URI naming one registry with
 * the input opening another is refused rather than guessed at.
 */
export async function resolveModelInput(
  ctx: Pick<TaskContext, "workspace" | "openRegistry">,
  ref: ModelInput,
  registryValue: string | undefined,
  input: string,
): Promise<ModelVersion> {
  if (!registryValue && !ref.registry) return resolveModel(ctx.workspace, ref, input);
  if (!ctx.openRegistry)
    throw new UserError("registries cannot be opened here", { input: "registry" }, "Leave registry empty");
  const registry = registryValue
    ? await ctx.openRegistry(registryValue)
    : await ctx.openRegistry(ref.registry as string, { fromUri: true }).catch((error: unknown) => {
        // A registry named through the workspace (Azure ML) took its name from this input's URI,
        // not from the registry input; locally the refusal is about the missing registry folder.
        if (ctx.workspace.openRegistry && error instanceof UserError && error.location.input === "registry") {
          throw new UserError(error.message, { ...error.location, input }, error.fix);
        }
        throw error;
      });
  try {
    if (ref.registry && ref.registry !== registry.name) {
      throw new UserError(
        `model ${ref.name} is named in registry ${ref.registry}, but the registry input opens ${registry.description}`,
        { input },
        `Make them agree: the registry input for ${ref.registry}, or a reference into ${registry.name}`,
      );
    }
    return await resolveModel(registry, ref, input, `registry ${registry.name}`);
  } finally {
    await registry.close();
  }
}
