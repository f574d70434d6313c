import { RestError } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { CLOUDS, selectCloud } from "../../src/workspace/azureml/cloud.js";
import {
  chooseStorageAccess,
  describeStorageAccess,
  storageRefusalFix,
} from "../../src/workspace/azureml/storage-auth.js";

const ds = { name: "workspaceblobstore", accountName: "acct" };
const never = async () => {
  throw new Error("listSecrets must not be called");
};

describe("how the default datastore is signed", () => {
  it("an identity-based datastore (credentialsType None) is never asked for secrets", async () => {
    const access = await chooseStorageAccess({ ...ds, credentialsType: "None" }, never);
    expect(access).toEqual({
      kind: "Identity",
      reason: "datastore 'workspaceblobstore' is identity-based (credentialsType None)",
    });
  });

  it("listSecrets answering 400 (no secrets) means the identity; other failures are raised", async () => {
    const noSecrets = new RestError("No secrets for credentials of type None.", { statusCode: 400, code: "UserError" });
    const access = await chooseStorageAccess({ ...ds, credentialsType: "AccountKey" }, async () => {
      throw noSecrets;
    });
    expect(access).toMatchObject({ kind: "Identity" });
    expect(access.kind === "Identity" && access.reason).toBe(
      "the workspace holds no secrets for datastore 'workspaceblobstore' (listSecrets: No secrets for credentials of type None.)",
    );
    const forbidden = new RestError("does not have authorization", { statusCode: 403, code: "AuthorizationFailed" });
    await expect(
      chooseStorageAccess({ ...ds, credentialsType: "AccountKey" }, async () => {
        throw forbidden;
      }),
    ).rejects.toBe(forbidden);
  });

  it("an account key or a SAS token is used as given; other secret kinds fall back to the identity", async () => {
    expect(await chooseStorageAccess(ds, async () => ({ secretsType: "AccountKey", key: "k==" }))).toEqual({
      kind: "AccountKey",
      key: "k==",
    });
    expect(await chooseStorageAccess(ds, async () => ({ secretsType: "Sas", sasToken: "?sv=1&sig=x" }))).toEqual({
      kind: "Sas",
      sasToken: "?sv=1&sig=x",
    });
    expect(await chooseStorageAccess(ds, async () => ({ secretsType: "ServicePrincipal" }))).toEqual({
      kind: "Identity",
      reason: "datastore 'workspaceblobstore' has secrets of type 'ServicePrincipal', not an account key or SAS token",
    });
  });

  it("the log line names the way and never the secret", () => {
    const scope = CLOUDS.AzureCloud.storageScope;
    expect(describeStorageAccess({ kind: "AccountKey", key: "secret-key" }, ds, scope)).toBe(
      "Storage: datastore 'workspaceblobstore' (storage account 'acct') is reached with its account key.",
    );
    expect(describeStorageAccess({ kind: "Sas", sasToken: "sig=secret" }, ds, scope)).not.toMatch(/secret/);
    expect(describeStorageAccess({ kind: "Identity", reason: "r" }, ds, scope)).toBe(
      "Storage: datastore 'workspaceblobstore' (storage account 'acct') is reached with the signed-in identity's Entra ID token (scope https://storage.azure.com/.default), because r.",
    );
  });

  it("every cloud names its storage scope, and a custom ARM endpoint keeps its cloud's", () => {
    for (const cloud of Object.values(CLOUDS)) expect(cloud.storageScope).toBe("https://storage.azure.com/.default");
    expect(selectCloud("AzureUSGovernment", "https://arm.example.test").storageScope).toBe(
      CLOUDS.AzureUSGovernment.storageScope,
    );
  });

  it("a 403 says what to do for the way storage was reached", () => {
    const scope = CLOUDS.AzureCloud.storageScope;
    expect(storageRefusalFix("AuthorizationPermissionMismatch", true, scope)).toMatch(
      /Grant the signed-in identity 'Storage Blob Data Contributor'/,
    );
    expect(storageRefusalFix("AuthenticationFailed", true, scope)).toMatch(
      /did not accept the identity's token for https:\/\/storage\.azure\.com\/\.default/,
    );
    expect(storageRefusalFix("AuthenticationFailed", false, scope)).toMatch(/key or SAS token was refused/);
  });
});
