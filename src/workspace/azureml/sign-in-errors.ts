/**
 * A failed sign-in, wherever it happens (ARM, storage, the data plane: every client asks the same
 * credential for tokens), becomes one UserError that names where the failing secret comes from
 * and how to fix it. Without this, an `AuthenticationError` from a client we do not wrap reached
 * the error boundary as an unexpected error, whose stack went to the debug log.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { UserError } from "../../errors.js";

/** Where the identity comes from, for the error line: the input, or the environment variable. */
export interface SignInSource {
  /** What signs in, for the message (never a secret). */
  what: string;
  input?: string;
  env?: string;
  clientId?: string;
  tenantId?: string;
}

export function guardSignIn(credential: TokenCredential, source: SignInSource): TokenCredential {
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      try {
        return await credential.getToken(scopes, options);
      } catch (error) {
        throw signInError(error, source);
      }
    },
  };
}

const SIGN_IN_ERRORS = new Set([
  "CredentialUnavailableError",
  "AuthenticationError",
  "AuthenticationRequiredError",
  "AggregateAuthenticationError",
]);

/** One line for a sign-in failure; other errors (an abort, a network error) pass through. */
export function signInError(error: unknown, source: SignInSource): unknown {
  if (error instanceof UserError) return error;
  const e = error as { name?: string; message?: string; errors?: unknown[] };
  if (!SIGN_IN_ERRORS.has(e?.name ?? "") && !/\bAADSTS\d+/.test(String(e?.message ?? ""))) return error;
  const text = String(e.message ?? "");
  const code = /AADSTS(\d+)/.exec(text)?.[1];
  // The service's reason without its trace and correlation ids (and the stack, which is never shown).
  const reason = (/AADSTS\d+:[^\r\n]*?(?:\.(?=\s|$)|$)/m.exec(text)?.[0] ?? text.split("\n")[0])
    .replace(/\s+Trace ID:.*$/, "")
    .replace(/\.+$/, "");
  const app = source.clientId ? ` ${source.clientId}` : "";
  const where = source.env ? `${source.env}: ` : "";
  const message = `${where}could not sign in to Azure as ${source.what}: ${reason}`;
  const input = source.env ? undefined : source.input;
  return new UserError(message, input ? { input } : {}, fixFor(code, source, app));
}

function fixFor(code: string | undefined, source: SignInSource, app: string): string {
  const secretHome = source.env
    ? `store it in the CI secret ${source.env} is set from`
    : "update the secret where it is stored (the service connection or the CI secret)";
  switch (code) {
    case "7000215":
      return `The client secret is not one of application${app}'s: create a new one (az ad app credential reset --id${app || " <clientId>"} --append) and ${secretHome}`;
    case "7000222":
      return `The client secret of application${app} has expired: create a new one (az ad app credential reset --id${app || " <clientId>"} --append) and ${secretHome}`;
    case "700016":
      return `No application${app} in tenant ${source.tenantId ?? "<tenantId>"}: check the clientId (the application's client id, not its object id) and the tenantId`;
    case "90002":
    case "900023":
      return `Check the tenantId (${source.tenantId ?? "not set"}): it must be the directory (tenant) id of the application`;
    case "70021":
    case "700211":
    case "700212":
    case "700213":
      return `No federated credential of application${app} matches this run: add one whose issuer and subject match the run (the subject is in the message above)`;
    default:
      return "Check clientId, tenantId and the secret or federated credential (GitHub: permissions: id-token: write), or log in with azure/login, or name an Azure DevOps service connection";
  }
}
