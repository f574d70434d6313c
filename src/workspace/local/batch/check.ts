/**
 * `mlops workspace check` for batch endpoints: every endpoint and job record readable (and of a
 * schema this build reads), and every deployment's code snapshot and model files still there (a
 * deployment without them cannot score; killed runs' leftovers are batch/recover.ts's).
 */
import { join } from "node:path";
import { exists, listDir, readJson } from "../store.js";
import { type BatchEndpointRecord, ENDPOINTS_DIR, JOBS_DIR } from "./records.js";

export interface BatchProblem {
  path: string;
  problem: string;
  repair: string;
}

export async function batchProblems(root: string): Promise<BatchProblem[]> {
  const out: BatchProblem[] = [];
  const read = async <T>(file: string): Promise<T | undefined> => {
    try {
      return await readJson<T>(file);
    } catch (error) {
      out.push({
        path: file,
        problem: `unreadable record: ${(error as Error).message.split("\n")[0]}`,
        repair: "restore it from a backup, or delete it (and, for an endpoint, the folder beside it)",
      });
      return undefined;
    }
  };
  for (const n of (await listDir(join(root, ENDPOINTS_DIR))).filter((e) => e.endsWith(".json"))) {
    const file = join(root, ENDPOINTS_DIR, n);
    const rec = await read<BatchEndpointRecord>(file);
    for (const d of Object.values(rec?.deployments ?? {})) {
      const what = `batch deployment ${d.name} of ${rec?.name}`;
      const again = "deploy it again (deploy-endpoint with endpointType: batch), or delete that deployment";
      if (!(await exists(join(d.codeDir, d.script)))) {
        out.push({ path: d.codeDir, problem: `${what}: its code snapshot is missing`, repair: again });
      }
      if (!(await exists(d.modelDir))) {
        out.push({ path: d.modelDir, problem: `${what}: the files of model ${d.model} are missing`, repair: again });
      }
    }
  }
  for (const n of (await listDir(join(root, JOBS_DIR))).filter((e) => e.endsWith(".json"))) {
    await read(join(root, JOBS_DIR, n));
  }
  return out;
}
