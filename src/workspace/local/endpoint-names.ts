import { UserError } from "../../errors.js";
import { insideWorkspace } from "./inside.js";
import { exists } from "./store.js";

/** Where each kind keeps its endpoint records (local/endpoints.ts, local/batch/records.ts). */
const RECORD_DIRS = { online: "endpoints", batch: "batch-endpoints" } as const;

/**
 * Online and batch endpoints share one namespace on Azure ML (each name is unique in the region,
 * and both serve at `<name>.<region>.inference.ml.azure.com`), so a workspace folder — this
 * backend's region — refuses a new endpoint whose name the other kind uses. Called under the lock.
 */
export async function refuseOtherKind(root: string, name: string, kind: keyof typeof RECORD_DIRS): Promise<void> {
  const other = kind === "online" ? "batch" : "online";
  if (await exists(insideWorkspace(root, RECORD_DIRS[other], `${name}.json`))) {
    throw new UserError(
      `'${name}' is already the name of ${other === "online" ? "an" : "a"} ${other} endpoint in this workspace`,
      { subject: "endpoint" },
      `Online and batch endpoints share one set of names (Azure ML requires a name unique in the region): choose another name for the ${kind} endpoint`,
    );
  }
}
