/**
 * Moving the champion tag takes two writes: tag the winner, then untag the others (so there is
 * never a moment without a champion). A run killed between them leaves two versions tagged. The
 * next run that may write repairs that before it decides anything new: it keeps the version the
 * champion resolves to (the newest one tagged, as `name@champion` reads it) and untags the rest.
 */

import type { TaskContext } from "../context.js";
import { formatModelRef } from "../model-ref.js";

export async function repairChampionTags(ctx: TaskContext, modelName: string, notes: string[]): Promise<void> {
  const tagged = (await ctx.workspace.models.list(modelName)).filter((m) => m.tags.champion === "true");
  const keep = tagged.at(-1);
  const extra = tagged.slice(0, -1);
  if (!keep || extra.length === 0) return;
  for (const m of extra) await ctx.workspace.models.setTags(m.name, m.version, { champion: null });
  const names = extra.map((m) => `\`${formatModelRef(m)}\``).join(", ");
  const line = `${tagged.length} versions of ${modelName} were tagged champion (an earlier run stopped while moving the tag): kept \`${formatModelRef(keep)}\`, untagged ${names}.`;
  ctx.log.warning(line.replaceAll("`", "'"));
  notes.push(line);
}
