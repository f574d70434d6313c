/**
 * The part of azure-pipelines-task-lib (5.281) the Azure DevOps host uses, written here: the
 * library costs a short task 30–40 ms to load (its vault, loc strings and dependencies) for what is
 * a few lines of `##vso[...]` text and an environment read. Behaviour is the library's, debug lines
 * included; test/hosts/azure-devops-commands.test.ts runs the same calls through both and compares
 * stdout and what is left in process.env byte for byte.
 *
 * Importing this module does what loading the library does: it moves INPUT_*, ENDPOINT_AUTH_*,
 * SECUREFILE_TICKET_*, SECRET_* and VSTS_TASKVARIABLE_* out of process.env into a private map, so no
 * child process (a user's step, a scoring server) inherits an input or a service connection's key.
 * Unlike the library it keeps them in memory only: no `.taskkey` file is written.
 */
import { EOL } from "node:os";

type Env = Record<string, string | undefined>;

export type IssueType = "error" | "warning";

/** Names in the vault are case-insensitive, as the library's (it lower-cases them). */
const vault = new Map<string, string>();
const knownVariables = new Map<string, { secret: boolean }>();

function escapeData(s: string): string {
  return s.replace(/%/g, "%AZP25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** In a property `]` ends the properties and `;` separates them. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/]/g, "%5D").replace(/;/g, "%3B");
}

/** `##vso[command key=value;…]message`; properties with no value are left out, as the library does. */
export function taskCommand(
  command: string,
  properties: Record<string, string | undefined> | null,
  message = "",
): string {
  let line = `##vso[${command || "missing.command"}`;
  if (properties && Object.keys(properties).length > 0) {
    line += " ";
    for (const [key, value] of Object.entries(properties)) if (value) line += `${key}=${escapeProperty(value)};`;
  }
  return `${line}]${escapeData(message)}`;
}

export function command(name: string, properties: Record<string, string | undefined> | null, message?: string): void {
  process.stdout.write(taskCommand(name, properties, message) + EOL);
}

// The library's debug switch is read as it loads; its two reads log themselves before it is set.
let skipDebugUnlessDebugMode = false;
let debugMode = false;

export function debug(message: string): void {
  if (!skipDebugUnlessDebugMode || debugMode) command("task.debug", null, message);
}

/** A variable's environment name: `Agent.TempDirectory` is AGENT_TEMPDIRECTORY. */
function variableKey(name: string): string {
  return name.replace(/\./g, "_").replace(/ /g, "_").toUpperCase();
}

export function getVariable(name: string): string | undefined {
  const key = variableKey(name);
  let value: string | undefined;
  if (knownVariables.get(key)?.secret) value = vault.get(`secret_${key}`.toLowerCase());
  else {
    value = process.env[key];
    // The library's fallback for agents older than 2.104.1.
    if (!value && name.toUpperCase() === "AGENT.JOBSTATUS") value = process.env["agent.jobstatus"];
  }
  debug(`${name}=${value}`);
  return value;
}

/** An input (INPUT_<NAME>), undefined when not set; not required: the host reports missing inputs itself. */
export function getInput(name: string): string | undefined {
  const value = vault.get(`input_${variableKey(name)}`.toLowerCase());
  debug(`${name}=${value}`);
  return value;
}

export function getEndpointAuthorizationScheme(id: string): string | undefined {
  const value = vault.get(`endpoint_auth_scheme_${id}`.toLowerCase());
  debug(`${id} auth scheme = ${value}`);
  return value;
}

export function getEndpointAuthorizationParameter(id: string, key: string): string | undefined {
  const value = vault.get(`endpoint_auth_parameter_${id}_${key.toUpperCase()}`.toLowerCase());
  debug(`${id} auth param ${key} = ${value}`);
  return value;
}

/** Endpoint data is not secret: the library reads it from process.env, where it stays. */
export function getEndpointDataParameter(id: string, key: string): string | undefined {
  const value = process.env[`ENDPOINT_DATA_${id}_${key.toUpperCase()}`];
  debug(`${id} data ${key} = ${value}`);
  return value;
}

function refuseMultilineSecret(value: string): void {
  if (/\r|\n/.test(value) && `${process.env.SYSTEM_UNSAFEALLOWMULTILINESECRET}`.toUpperCase() !== "TRUE") {
    throw new Error("Secrets cannot contain multiple lines");
  }
}

export function setSecret(value: string): void {
  if (!value) return;
  refuseMultilineSecret(value);
  command("task.setsecret", {}, value);
}

export function setVariable(name: string, value: string, secret = false, isOutput = false): void {
  const key = variableKey(name);
  // Once a secret, always a secret.
  const isSecret = secret || (knownVariables.get(key)?.secret ?? false);
  const v = value || "";
  debug(`set ${name}=${isSecret && v ? "********" : v}`);
  if (isSecret) {
    refuseMultilineSecret(v);
    const vaultName = `secret_${key}`.toLowerCase();
    if (v) vault.set(vaultName, v);
    else vault.delete(vaultName);
    delete process.env[key];
  } else {
    process.env[key] = v;
  }
  knownVariables.set(key, { secret: isSecret });
  command("task.setvariable", { variable: name || "", isOutput: String(isOutput), issecret: String(isSecret) }, v);
}

export function logIssue(type: IssueType, message: string, sourcePath?: string, line?: number, column?: number): void {
  command(
    "task.logissue",
    {
      type,
      sourcepath: sourcePath,
      linenumber: line ? String(line) : undefined,
      columnnumber: column ? String(column) : undefined,
    },
    message,
  );
}

export function uploadSummary(path: string): void {
  command("task.uploadsummary", null, path);
}

const VAULTED = ["INPUT_", "ENDPOINT_AUTH_", "SECUREFILE_TICKET_", "SECRET_", "VSTS_TASKVARIABLE_"];

function variableNames(env: Env, name: string): string[] {
  try {
    return JSON.parse(env[name] || "[]");
  } catch (error) {
    throw new Error(`Failed to parse ${name} as JSON. ${error}`);
  }
}

/** What the library does as it loads, in its order (its debug lines included). */
function load(env: Env): void {
  debugMode = getVariable("system.debug")?.toLowerCase() === "true";
  skipDebugUnlessDebugMode =
    getVariable("DistributedTask.Tasks.Node.SkipDebugLogsWhenDebugModeOff")?.toLowerCase() === "true";
  // The library keeps its vault key in the first of these: read for their debug lines alone.
  getVariable("agent.TempDirectory") || getVariable("agent.workFolder");
  debug("loading inputs and endpoints");
  let loaded = 0;
  for (const name in env) {
    if (!VAULTED.some((prefix) => name.startsWith(prefix))) continue;
    if (name.startsWith("SECRET_") && name.length > "SECRET_".length) {
      knownVariables.set(variableKey(name.slice("SECRET_".length)), { secret: true });
    }
    const value = env[name];
    if (value) {
      loaded++;
      debug(`loading ${name}`);
      vault.set(name.toLowerCase(), value);
      delete env[name];
    }
  }
  debug(`loaded ${loaded}`);
  delete env.COMMAND_CORRELATION_ID;
  for (const name of variableNames(env, "VSTS_PUBLIC_VARIABLES"))
    knownVariables.set(variableKey(name), { secret: false });
  delete env.VSTS_PUBLIC_VARIABLES;
  for (const name of variableNames(env, "VSTS_SECRET_VARIABLES"))
    knownVariables.set(variableKey(name), { secret: true });
  delete env.VSTS_SECRET_VARIABLES;
  // The library then hands the agent's proxy and certificate settings to azure-devops-node-api,
  // which this project does not use: only the reads (and their debug lines) are kept.
  if (getVariable("Agent.ProxyUrl")) {
    getVariable("Agent.ProxyUsername");
    const password = getVariable("Agent.ProxyPassword");
    getVariable("Agent.ProxyBypassList");
    if (password) getVariable("Agent.TempDirectory") || getVariable("agent.workFolder");
    debug("expose agent proxy configuration.");
  }
  const ca = getVariable("Agent.CAInfo");
  const clientCert = getVariable("Agent.ClientCert");
  if (clientCert) {
    getVariable("Agent.ClientCertKey");
    getVariable("Agent.ClientCertArchive");
    if (getVariable("Agent.ClientCertPassword")) getVariable("Agent.TempDirectory") || getVariable("agent.workFolder");
  }
  if (ca || clientCert) debug("expose agent certificate configuration.");
  getVariable("Agent.SkipCertValidation");
}

load(process.env);
