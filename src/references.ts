/**
 * The one place that decides what a string in an input or a pipeline YAML refers to: data in
 * storage, an asset registered in the workspace, code somewhere else, or a path on this machine.
 * Every module asks here, so the parser, the local runner and the Azure compiler agree.
 */

/** A URI of data in storage (registered in place, never copied or read to fingerprint). */
const STORAGE_URI = /^(azureml|abfss?|wasbs?|https?|adl|s3|gs):\/\//i;

/** `azureml:name`, `azureml:name:version` or `azureml:name@label`: an asset registered in the workspace. */
const REGISTERED = /^azureml:([^:@/\s]+)(?::([^:@/\s]+)|@([^:@/\s]+))?$/i;

/** A git URL Azure ML builds code or an image from: `git+https://…`, `git+ssh://…`. */
const GIT_URL = /^git\+[a-z][a-z0-9+.-]*:\/\//i;

/** Any `scheme://` URL, or any `azureml:` reference. */
const ANY_URI = /^([a-z][a-z0-9+.-]*:\/\/|azureml:)/i;

export interface RegisteredRef {
  name: string;
  version?: string;
  label?: string;
}

/** `azureml:name[:version|@label]` split into its parts; undefined for anything else. */
export function parseRegisteredRef(value: string): RegisteredRef | undefined {
  const m = REGISTERED.exec(value.trim());
  if (!m) return undefined;
  return { name: m[1], ...(m[2] ? { version: m[2] } : {}), ...(m[3] ? { label: m[3] } : {}) };
}

export function isRegisteredRef(value: string): boolean {
  return parseRegisteredRef(value) !== undefined;
}

/**
 * Data or a model that is not on this machine: a storage URI, a registered asset, or an Azure ML
 * resource id (`azureml:/subscriptions/…`). Everything else is a local path.
 */
export function isRemoteUri(value: string): boolean {
  return STORAGE_URI.test(value) || /^azureml:/i.test(value);
}

/**
 * A `code:` or a build context that is not a local folder: anything isRemoteUri accepts, or a git
 * URL. The rest is a folder (relative to the YAML), uploaded by the Azure backend.
 */
export function isRemoteCode(value: string): boolean {
  return isRemoteUri(value) || GIT_URL.test(value);
}

/** Looks like a URL of any scheme (or an azureml: reference), for refusing one where a file is needed. */
export function looksLikeUri(value: string): boolean {
  return ANY_URI.test(value);
}
