import { UserError } from "../errors.js";
import { checkName } from "../names.js";
import type { ModelVersion, Workspace } from "../workspace/workspace.js";

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

/** Looks a reference up in the workspace; a missing model says which versions exist. */
export async function resolveModel(workspace: Workspace, ref: ModelRef, input: string): Promise<ModelVersion> {
  if (ref.version === "champion") {
    const champion = (await workspace.models.list(ref.name)).filter((m) => m.tags.champion === "true").at(-1);
    if (champion) return champion;
    throw new UserError(
      `no version of model ${ref.name} is tagged champion=true`,
      { input },
      "Run compare-models with register: true first, or give a version",
    );
  }
  const found = await workspace.models.get(ref.name, ref.version);
  if (found) return found;
  const versions = (await workspace.models.list(ref.name)).map((m) => m.version);
  throw new UserError(
    `model ${formatModelRef(ref)} is not registered in the workspace`,
    { input },
    versions.length
      ? `Registered versions of ${ref.name}: ${versions.join(", ")}`
      : `No version of ${ref.name} is registered; register it first (compare-models with register: true does)`,
  );
}
