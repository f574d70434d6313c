/**
 * What a host hands to everything that runs: the log to write to and the facts about the CI run.
 * Below tasks/ and workspace/ so both use it without importing each other.
 */
import type { ErrorLocation } from "./errors.js";

/** What a task may say while it runs; each host writes it in its own log format. */
export interface Log {
  info(message: string): void;
  warning(message: string, where?: ErrorLocation): void;
  /** An error annotation that does not by itself fail the task (the task decides). */
  error(message: string, where?: ErrorLocation): void;
  debug(message: string): void;
  /** A collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Registers a value that must never appear in any log. */
  secret(value: string): void;
}

/** Facts about the CI run, used for lineage tags and PR comments. */
export interface RunContext {
  host: "github" | "azure-devops" | "cli";
  commit?: string;
  runUrl?: string;
  /** Pull request number when the run is for a PR. */
  pullRequest?: number;
  workflow?: string;
  /**
   * Set when the run is for a pull request whose head comes from a fork: code a stranger wrote,
   * which must not change a shared workspace or an endpoint unless the pipeline says so. The host
   * states the fact (a short description for the message); the task decides (tasks/fork-guard.ts).
   */
  fork?: string;
  /** What the host can contribute to signing in to Azure (read by the azureml backend only). */
  azure?: HostAzureIdentity;
}

/** An Azure DevOps `connectedService:AzureRM` connection, as the Azure DevOps host resolves it. */
export interface AzureServiceConnection {
  /** The connection's id (the value of the `azureSubscription` input). */
  id: string;
  /** The connection's authorization scheme: `WorkloadIdentityFederation` or `ServicePrincipal`. */
  scheme: string;
  tenantId: string;
  clientId: string;
  /** For `ServicePrincipal` connections with a secret. */
  clientSecret?: string;
  /** `System.AccessToken`, needed for workload identity federation. */
  systemAccessToken?: string;
  subscriptionId?: string;
}

/** Sign-in help a host passes to the Azure backend; every field is optional. */
export interface HostAzureIdentity {
  /** A fresh OIDC token for the audience, on every call (GitHub: core.getIDToken). */
  getIdToken?: (audience: string) => Promise<string>;
  azureServiceConnection?: AzureServiceConnection;
}
