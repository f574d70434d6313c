import type { ArtifactStore } from "../workspace.js";
import type { DatastoreAccess } from "./storage.js";

/** Reports, profiles and histories, kept as blobs under `mlops-artifacts/` in the default datastore. */
export class AzureArtifacts implements ArtifactStore {
  constructor(private readonly storage: DatastoreAccess) {}

  private name(path: string): string {
    return `mlops-artifacts/${path.replace(/^\/+/, "")}`;
  }

  async write(path: string, content: string | Buffer): Promise<string> {
    await this.storage.writeBlob(this.name(path), Buffer.from(content));
    return this.storage.uri(this.name(path));
  }

  async read(path: string): Promise<Buffer | undefined> {
    return (await this.storage.readBlob(this.name(path)))?.content;
  }

  /** Read, append, write only if nobody else wrote in between (etag), else try again. */
  async append(path: string, line: string, header?: string): Promise<string> {
    const name = this.name(path);
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await this.storage.readBlob(name);
      // A new blob starts with the header; ifNoneMatch makes only one first writer win.
      const text = current ? current.content.toString("utf8") : header ? header.replace(/\n?$/, "\n") : "";
      const next = Buffer.from(`${text}${text && !text.endsWith("\n") ? "\n" : ""}${line.replace(/\n?$/, "\n")}`);
      const ok = await this.storage.writeBlob(
        name,
        next,
        current?.etag ? { ifMatch: current.etag } : { ifNoneMatch: "*" },
      );
      if (ok) return this.storage.uri(name);
    }
    throw new Error(`could not append to ${path}: it kept changing under concurrent writers`);
  }
}
