import { UserError } from "../../errors.js";

/** The endpoints one Azure cloud needs: ARM, Entra ID, storage suffix and the studio. */
export interface CloudEndpoints {
  name: string;
  resourceManager: string;
  authorityHost: string;
  /** The scope tokens for ARM are requested with. */
  armScope: string;
  storageSuffix: string;
  /**
   * The scope storage tokens are requested with (identity-based datastores). Entra ID knows Azure
   * Storage by one identifier in every cloud; the field lets a cloud that differs say so.
   */
  storageScope: string;
  studio: string;
}

/** Azure Storage's resource in Entra ID, the default scope of @azure/storage-blob and `az storage --auth-mode login`. */
const STORAGE_SCOPE = "https://storage.azure.com/.default";

export const CLOUDS: Record<string, CloudEndpoints> = {
  AzureCloud: {
    name: "AzureCloud",
    resourceManager: "https://management.azure.com",
    authorityHost: "https://login.microsoftonline.com",
    armScope: "https://management.azure.com/.default",
    storageSuffix: "core.windows.net",
    storageScope: STORAGE_SCOPE,
    studio: "https://ml.azure.com",
  },
  AzureChinaCloud: {
    name: "AzureChinaCloud",
    resourceManager: "https://management.chinacloudapi.cn",
    authorityHost: "https://login.chinacloudapi.cn",
    armScope: "https://management.chinacloudapi.cn/.default",
    storageSuffix: "core.chinacloudapi.cn",
    storageScope: STORAGE_SCOPE,
    studio: "https://studio.ml.azure.cn",
  },
  AzureUSGovernment: {
    name: "AzureUSGovernment",
    resourceManager: "https://management.usgovcloudapi.net",
    authorityHost: "https://login.microsoftonline.us",
    armScope: "https://management.usgovcloudapi.net/.default",
    storageSuffix: "core.usgovcloudapi.net",
    storageScope: STORAGE_SCOPE,
    studio: "https://ml.azure.us",
  },
};

function httpsUrl(value: string, input: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(
      `'${value}' is not a URL`,
      { input },
      "Give an https:// URL such as https://management.azure.com",
    );
  }
  if (url.protocol !== "https:") {
    throw new UserError(
      `'${value}' is not https`,
      { input },
      "Azure sends tokens over https only: give an https:// URL",
    );
  }
  return url.origin;
}

/**
 * The cloud the inputs name, with explicit endpoints (sovereign or private clouds, emulators)
 * overriding the named cloud's.
 */
export function selectCloud(
  cloud: string | undefined,
  resourceManager?: string,
  authorityHost?: string,
): CloudEndpoints {
  const name = cloud || "AzureCloud";
  const base = CLOUDS[name];
  if (!base) {
    throw new UserError(
      `unknown cloud '${name}'`,
      { input: "cloud" },
      `Use one of: ${Object.keys(CLOUDS).join(", ")}, or set resourceManagerEndpoint and authorityHost`,
    );
  }
  if (!resourceManager && !authorityHost) return base;
  const rm = resourceManager ? httpsUrl(resourceManager, "resourceManagerEndpoint") : base.resourceManager;
  return {
    ...base,
    name: resourceManager ? "custom" : base.name,
    resourceManager: rm,
    authorityHost: authorityHost ? httpsUrl(authorityHost, "authorityHost") : base.authorityHost,
    armScope: `${rm}/.default`,
  };
}

/** True for the public Entra ID hosts MSAL knows; anything else skips instance discovery. */
export function isKnownAuthority(host: string): boolean {
  return Object.values(CLOUDS).some((c) => c.authorityHost === host);
}
