import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname, join, normalize } from "node:path";
import type { ArtifactStore } from "../workspace.js";
import { withLock, writeAtomic } from "./store.js";

/** Small files kept beside the assets (profiles, summaries) under `artifacts/`. */
export class LocalArtifacts implements ArtifactStore {
  constructor(private readonly root: string) {}

  private resolve(path: string): string {
    const rel = normalize(path).replace(/^(\.\.(\/|\\|$))+/, "");
    return join(this.root, "artifacts", rel);
  }

  async write(path: string, content: string | Buffer): Promise<string> {
    const file = this.resolve(path);
    await writeAtomic(file, content);
    return file;
  }

  async read(path: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.resolve(path));
    } catch {
      return undefined;
    }
  }

  async append(path: string, line: string): Promise<string> {
    const file = this.resolve(path);
    await withLock(this.root, async () => {
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, line.endsWith("\n") ? line : `${line}\n`);
    });
    return file;
  }
}
