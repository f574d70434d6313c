import { TASKS } from "../tasks/index.js";
import { registerSas } from "../util/sas.js";

/**
 * Values of secret inputs, read from the environment before azure-devops-commands.ts loads.
 * That module, as azure-pipelines-task-lib does, moves INPUT_* out of process.env as it loads and
 * then logs every value it reads (`##vso[task.debug]name=value`); capturing the secret ones first
 * lets the host register them with `task.setsecret` before they can be printed. Import this module
 * for its side effect ahead of it.
 */
const SECRET_ENDPOINT_PARAMETER =
  /^ENDPOINT_AUTH_PARAMETER_.+_(ACCESSTOKEN|SERVICEPRINCIPALKEY|PASSWORD|APITOKEN|IDTOKEN)$/;

export const earlySecretValues: readonly string[] = (() => {
  const names = new Set<string>();
  for (const task of Object.values(TASKS)) for (const i of task.spec.inputs) if (i.secret) names.add(i.name);
  const values: string[] = [];
  for (const name of names) {
    const value = process.env[`INPUT_${name.toUpperCase()}`];
    if (value) values.push(value);
  }
  // Service connection secrets (the job's access token, a service principal's key): they are
  // logged too when read (`<id> auth param <key> = <value>`).
  for (const [key, value] of Object.entries(process.env)) {
    if (value && SECRET_ENDPOINT_PARAMETER.test(key)) values.push(value);
  }
  // A SAS URL in any input (a path, a data reference): every input read is logged.
  for (const [key, value] of Object.entries(process.env)) {
    if (value && key.startsWith("INPUT_")) registerSas(value, (v) => values.push(v));
  }
  // System.AccessToken mapped into the step's environment: `getVariable` logs it under system.debug.
  if (process.env.SYSTEM_ACCESSTOKEN) values.push(process.env.SYSTEM_ACCESSTOKEN);
  return values;
})();
