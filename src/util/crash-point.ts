/**
 * Named crash points for crash-safety tests. `MLOPS_CRASH_AT=<name>[,<name>...]` makes the process
 * die at once (SIGKILL: no finally blocks, no exit handlers, no flushed buffers) when it reaches a
 * named step, the way a cancelled CI job or an OOM kill ends it. `<name>@<n>` dies on the n-th
 * time the step is reached (1-based), to crash in the middle of a loop. Unset, it costs one lookup.
 */
const hits = new Map<string, number>();

export function crashPoint(name: string): void {
  const spec = process.env.MLOPS_CRASH_AT;
  if (!spec) return;
  const count = (hits.get(name) ?? 0) + 1;
  hits.set(name, count);
  for (const entry of spec.split(",")) {
    const [want, nth] = entry.trim().split("@");
    if (want === name && (nth === undefined || Number(nth) === count)) {
      process.kill(process.pid, "SIGKILL");
      // SIGKILL is delivered asynchronously on some platforms: never run the next step meanwhile.
      process.exit(137);
    }
  }
}

/** Every crash point the code declares, for tests and docs (kept in sync by a test). */
export const CRASH_POINTS = [
  "blob.temp-written",
  "dataset.staged",
  "dataset.placed",
  "model.staged",
  "model.placed",
  "job.recorded",
  "job.finished",
  "endpoint.recorded",
  "deployment.recorded",
  "champion.tagged",
  "registry.published",
  "registry.champion-tagged",
  "batch-deployment.placed",
  "batch-job.recorded",
  "batch.scored",
  "batch-rollout.scoring",
  "batch-rollout.passed",
] as const;
