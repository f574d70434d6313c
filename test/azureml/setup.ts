import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BlobServiceClient, StorageSharedKeyCredential } from "@azure/storage-blob";
import type { Log } from "../../src/run-context.js";
import { type AzureMlOptions, AzureMlWorkspace } from "../../src/workspace/azureml/index.js";
import { storageContainer } from "../../src/workspace/azureml/storage-auth.js";
import { AZURITE_ACCOUNT, AZURITE_KEY, type Azurite, type AzuriteOptions, startAzurite } from "../emulator/azurite.js";
import { AzureMlEmulator } from "../emulator/server.js";
import type { EmulatorConfig } from "../emulator/state.js";
import { tempDir } from "../helpers.js";

export const SUB = "00000000-1111-2222-3333-444444444444";
export const RG = "rg-ml";
export const WS = "mlw-test";
export const TENANT = "72f988bf-0000-0000-0000-2d7cd011db47";
export const CLIENT = "11111111-2222-3333-4444-555555555555";
export const SECRET = "emulator-client-secret";
export const CONTAINER = "azureml-blobstore-emulated";

export interface Cloud {
  emu: AzureMlEmulator;
  azurite: Azurite;
  dir: string;
  caFile: string;
  /** The PEM certificates clients must trust (the emulator's, and Azurite's when it speaks HTTPS). */
  ca: string;
  /** Inputs that point a task at the emulated workspace. */
  inputs: Record<string, string>;
  container: () => ReturnType<BlobServiceClient["getContainerClient"]>;
  stop(): Promise<void>;
}

const ENV_KEYS = [
  "AZURE_CLIENT_ID",
  "AZURE_TENANT_ID",
  "AZURE_CLIENT_SECRET",
  "MLOPS_EXTRA_CA_CERTS",
  "MLOPS_AZUREML_POLL_MS",
];

/**
 * Azurite + the Azure ML emulator, and the environment a service principal sign-in reads. Every
 * test file gets its own pair; stop() ends both, restores the environment and removes temp files.
 */
export async function startCloud(
  options: Partial<Omit<EmulatorConfig, "url">> & { azurite?: AzuriteOptions } = {},
): Promise<Cloud> {
  const { azurite: azuriteOptions, ...config } = options;
  const azurite = await startAzurite(azuriteOptions);
  const emu = await AzureMlEmulator.start({
    subscriptionId: SUB,
    resourceGroup: RG,
    workspace: WS,
    tenantId: TENANT,
    storage: {
      host: azurite.blobHost,
      account: AZURITE_ACCOUNT,
      key: AZURITE_KEY,
      container: CONTAINER,
      protocol: azurite.protocol,
    },
    clients: { [CLIENT]: SECRET },
    lroRetryAfter: 0,
    ...config,
  });
  const ca = azurite.ca ? `${emu.ca}\n${azurite.ca}` : emu.ca;
  // The test's own view of the container, with the account key (Azurite takes it beside tokens).
  const container = azurite.ca
    ? storageContainer(
        azurite.adminUrl,
        AZURITE_ACCOUNT,
        CONTAINER,
        { kind: "AccountKey", key: AZURITE_KEY },
        { scope: "", credential: { getToken: async () => null }, tlsOptions: { ca: [azurite.ca] } },
      )
    : new BlobServiceClient(
        azurite.adminUrl,
        new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY),
      ).getContainerClient(CONTAINER);
  await container.create();
  const { dir, cleanup } = await tempDir("mlops-azureml-");
  const caFile = join(dir, "emulator-ca.pem");
  await writeFile(caFile, ca);
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  Object.assign(process.env, {
    AZURE_CLIENT_ID: CLIENT,
    AZURE_TENANT_ID: TENANT,
    AZURE_CLIENT_SECRET: SECRET,
    MLOPS_EXTRA_CA_CERTS: caFile,
    MLOPS_AZUREML_POLL_MS: "5",
  });
  return {
    emu,
    azurite,
    dir,
    caFile,
    ca,
    inputs: {
      subscriptionId: SUB,
      resourceGroup: RG,
      workspaceName: WS,
      resourceManagerEndpoint: emu.url,
      authorityHost: emu.url,
    },
    container: () => container,
    stop: async () => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await emu.stop();
      await azurite.stop();
      await cleanup();
    },
  };
}

export interface CapturedLog extends Log {
  lines: string[];
  secrets: string[];
}

/** A Log that keeps every line, for assertions on what a user would read. */
export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const secrets: string[] = [];
  return {
    lines,
    secrets,
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    debug: () => {},
    group: async (title, fn) => {
      lines.push(`▸ ${title}`);
      return fn();
    },
    secret: (v) => secrets.push(v),
  };
}

/** Opens the emulated workspace directly through the backend (no task), as a service principal unless told otherwise. */
export function openWorkspace(cloud: Cloud, options: Partial<AzureMlOptions> = {}): Promise<AzureMlWorkspace> {
  return AzureMlWorkspace.open({
    ref: { subscriptionId: SUB, resourceGroup: RG, workspaceName: WS },
    resourceManagerEndpoint: cloud.emu.url,
    authorityHost: cloud.emu.url,
    env: { AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_CLIENT_SECRET: SECRET },
    extraCaCerts: cloud.ca,
    timing: { pollMs: 5, retryDelayMs: 5 },
    log: captureLog(),
    ...options,
  });
}
