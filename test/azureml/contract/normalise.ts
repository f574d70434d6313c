/**
 * Normalisation shared by the recorded fixtures (test/fixtures/sdk-recordings) and what our code
 * sends to the emulator, so the two can be compared field by field: workspace ids, content hashes,
 * generated names and upload prefixes become placeholders on both sides.
 */

/** The ARM path of a workspace, whatever its subscription, group and name. */
const WORKSPACE =
  /\/subscriptions\/[^/]+\/resource[Gg]roups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/?]+/g;

const RULES: [RegExp, string][] = [
  [WORKSPACE, "{workspace}"],
  // The long form of a datastore URI names the workspace too.
  [/azureml:\/\/subscriptions\/[^/]+\/resource[Gg]roups\/[^/]+\/workspaces\/[^/]+\//g, "azureml://{workspace}/"],
  // Anonymous components are versioned by a hash (the SDK's is a GUID the service assigns).
  [/\/components\/azureml_anonymous\/versions\/[^/?"]+/g, "/components/azureml_anonymous/versions/{anonymous}"],
  // Anonymous environments likewise.
  [
    /\/environments\/CliV2AnonymousEnvironment\/versions\/[^/?"]+/g,
    "/environments/CliV2AnonymousEnvironment/versions/{anonymous}",
  ],
  // Code assets are named by their content hash (the SDK's by a GUID), version 1.
  [/\/codes\/[^/?"]+\/versions\/[^/?"]+/g, "/codes/{code}/versions/1"],
  // Local uploads go under a content-hash folder.
  [/LocalUpload\/[0-9a-f]{32}\//g, "LocalUpload/{hash}/"],
  // Blob URLs of uploaded code point into a storage account and container of the test's own.
  [/https:\/\/[^/"]+\.blob\.core\.windows\.net(?::443)?\/[^/"]+/g, "{blob-container}"],
  [/https:\/\/127\.0\.0\.1:\d+\/[^/"]+\/[^/"]+/g, "{blob-container}"],
  // The recordings' sanitiser replaced "sdk" with "00000" everywhere (tags: owner sdkteam).
  [/sdk/g, "00000"],
];

export function normaliseString(s: string): string {
  let out = s;
  for (const [re, to] of RULES) out = out.replace(re, to);
  return out;
}

/** Keys whose values are content hashes or client-side ids, replaced by a placeholder. */
const HASH_KEYS = new Set(["hash_sha256", "hash_version", "client_component_hash"]);

export function normalise(value: unknown): unknown {
  if (typeof value === "string") return normaliseString(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = HASH_KEYS.has(k) ? "{hash}" : normalise(v);
    return out;
  }
  return value;
}

/** A request path with its ids normalised: names of jobs, endpoints, deployments and asset versions are the tests' own. */
export function normalisePath(path: string): string {
  return normaliseString(path.replace(/\?.*$/, ""))
    .replace(/\/(jobs|onlineEndpoints|batchEndpoints|deployments)\/[^/{]+/g, "/$1/{name}")
    .replace(/\/(models|data)\/[^/]+\/versions\/[^/]+$/, "/$1/{name}/versions/{version}");
}

export interface Difference {
  /** JSON path, e.g. `properties.jobs.train.inputs.x.mode`. */
  path: string;
  kind: "missing" | "extra" | "changed";
  recorded?: unknown;
  ours?: unknown;
}

/**
 * Field-by-field differences between the recorded body and ours. `missing`: the SDK sends it and we
 * do not; `extra`: we send it and the SDK does not; `changed`: both send it with other values.
 */
export function compareBodies(recorded: unknown, ours: unknown, path = ""): Difference[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObj(recorded) && isObj(ours)) {
    const out: Difference[] = [];
    for (const k of new Set([...Object.keys(recorded), ...Object.keys(ours)])) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in ours)) out.push({ path: p, kind: "missing", recorded: recorded[k] });
      else if (!(k in recorded)) out.push({ path: p, kind: "extra", ours: ours[k] });
      else out.push(...compareBodies(recorded[k], ours[k], p));
    }
    return out;
  }
  if (Array.isArray(recorded) && Array.isArray(ours) && recorded.length === ours.length) {
    return recorded.flatMap((r, i) => compareBodies(r, ours[i], `${path}[${i}]`));
  }
  return JSON.stringify(recorded) === JSON.stringify(ours) ? [] : [{ path, kind: "changed", recorded, ours }];
}

/** `path: kind` lines, the form expected differences are written in. */
export function listDifferences(differences: Difference[]): string[] {
  return differences.map((d) => `${d.path}: ${d.kind}`).sort();
}
