/**
 * Moving the champion tag takes two writes: tag the winner, then untag the others (so there is
 * never a moment without a champion). A run killed between them leaves two versions tagged. The
 * next run that may write repairs that before it decides anything new: it keeps the version the
 * champion resolves to (the newest one tagged, as `name@champion` reads it) and untags the rest.
 * The same holds in a registry the champion is published to.
 */

import type { Log } from "../../run-context.js";
import type { ModelStore } from "../../workspace/workspace.js";
import { formatModelRef } from "../model-ref.js";

/** The model versions of a workspace or a registry, and where they are (for messages). */
export interface TaggedModels {
  models: Pick<ModelStore, "list" | "setTags">;
  /** Absent for the workspace the task runs on; `registry <name>` for a registry. */
  where?: string;
}

export async function repairChampionTags(
  place: TaggedModels,
  log: Log,
  modelName: string,
  notes: string[],
): Promise<void> {
  const tagged = (await place.models.list(modelName)).filter((m) => m.tags.champion === "true");
  const keep = tagged.at(-1);
  const extra = tagged.slice(0, -1);
  if (!keep || extra.length === 0) return;
  for (const m of extra) await place.models.setTags(m.name, m.version, { champion: null });
  const names = extra.map((m) => `\`${formatModelRef(m)}\``).join(", ");
  const line = `${tagged.length} versions of ${modelName}${place.where ? ` in ${place.where}` : ""} were tagged champion (an earlier run stopped while moving the tag): kept \`${formatModelRef(keep)}\`, untagged ${names}.`;
  log.warning(line.replaceAll("`", "'"));
  notes.push(line);
}
