import { appendFile, mkdir, readFile, stat } from "node:fs/promises";
import { dirname, normalize } from "node:path";
import type { ArtifactStore } from "../workspace.js";
import { insideWorkspace } from "./inside.js";
import { withLock, writeAtomic } from "./store.js";

/** Small files kept beside the assets (profiles, summaries) under `artifacts/`. */
export class LocalArtifacts implements ArtifactStore {
  constructor(private readonly root: string) {}

  private resolve(path: string): string {
    // Leading '..' segments are dropped (an artifact path is relative to artifacts/); what is left
    // must still land inside the workspace.
    const rel = normalize(path).replace(/^(\.\.(\/|\\|$))+/, "");
    return insideWorkspace(this.root, "artifacts", rel);
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

  async append(path: string, line: string, header?: string): Promise<string> {
    const file = this.resolve(path);
    const nl = (s: string) => (s.endsWith("\n") ? s : `${s}\n`);
    await withLock(this.root, async () => {
      await mkdir(dirname(file), { recursive: true });
      const absent =
        header !== undefined &&
        !(await stat(file).then(
          () => true,
          () => false,
        ));
      await appendFile(file, absent ? `${nl(header)}${nl(line)}` : nl(line));
    });
    return file;
  }
}
