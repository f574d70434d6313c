// `npm run bench`: every bench/<name>.ts that exports bench(). Benchmarks print ratios against
// peers measured in the same run; they are never tests. `npm run bench -- pipeline` runs one.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { bench?: () => Promise<void> };
  if (typeof mod.bench !== "function") continue;
  process.stdout.write(`\n=== ${file.replace(/\.ts$/, "")} ===\n`);
  await mod.bench();
}
