import type { ModelVersion } from "../../workspace/workspace.js";

const REGISTRY_ID = /^azureml:\/\/registries\//i;

/**
 * Whether a deployment's model (`name:version`, `azureml:name:version`, a workspace's ARM id or
 * a registry's `azureml://registries/...` id) is this version. A registry's version and a
 * workspace's version of the same name and number are different models: only the asset id tells
 * them apart, so a registry model matches its own id and nothing else.
 */
export function servesModel(deployed: string, model: Pick<ModelVersion, "name" | "version" | "assetId">): boolean {
  if (model.assetId) return deployed.toLowerCase() === model.assetId.toLowerCase();
  if (REGISTRY_ID.test(deployed)) return false;
  const plain = deployed.replace(/^azureml:/, "");
  return (
    plain === `${model.name}:${model.version}` ||
    (deployed.startsWith("/subscriptions/") && deployed.endsWith(`/models/${model.name}/versions/${model.version}`))
  );
}
