/**
 * Code folders for jobs and deployments: the files a component ships (honouring `.amlignore`, or
 * `.gitignore` when there is none, as the Azure ML CLI does), hashed, uploaded once per content hash
 * to the default datastore, and registered as an anonymous code version named by that hash.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { UserError } from "../../errors.js";
import type { Log } from "../../run-context.js";
import { sha256File } from "../../util/files.js";
import type { AzureMlClient } from "./client.js";
import { SDK_HASH_VERSION, sdkContentHash } from "./code-hash.js";
import { isNotFound } from "./contract/errors.js";
import type { DatastoreAccess } from "./storage.js";
import { blobServiceUrl } from "./storage.js";

interface Rule {
  negate: boolean;
  dirOnly: boolean;
  regex: RegExp;
}

/** Compiles one .gitignore line (the common subset: *, **, ?, leading /, trailing /, !). */
function compile(line: string): Rule | undefined {
  let p = line.replace(/\s+$/, "");
  if (!p || p.startsWith("#")) return undefined;
  const negate = p.startsWith("!");
  if (negate) p = p.slice(1);
  const dirOnly = p.endsWith("/");
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.includes("/");
  if (p.startsWith("/")) p = p.slice(1);
  let re = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "*" && p[i + 1] === "*") {
      re += p[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += p[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return { negate, dirOnly, regex: new RegExp(`${anchored ? "^" : "(?:^|/)"}${re}(?:/.*)?$`) };
}

export class IgnoreRules {
  private constructor(private readonly rules: Rule[]) {}

  static async forFolder(dir: string): Promise<{ rules: IgnoreRules; file?: string }> {
    for (const name of [".amlignore", ".gitignore"]) {
      const text = await readFile(join(dir, name), "utf8").catch(() => undefined);
      if (text !== undefined) {
        return {
          rules: new IgnoreRules(
            text
              .split(/\r?\n/)
              .map(compile)
              .filter((r): r is Rule => r !== undefined),
          ),
          file: name,
        };
      }
    }
    return { rules: new IgnoreRules([]) };
  }

  /** Whether a relative path (forward slashes) is ignored; the last matching rule wins. */
  ignores(path: string, isDir: boolean): boolean {
    let ignored = false;
    for (const r of this.rules) {
      if (r.dirOnly && !isDir && !r.regex.test(path.split("/").slice(0, -1).join("/"))) continue;
      if (r.regex.test(path)) ignored = !r.negate;
    }
    return ignored;
  }
}

export interface CodeFile {
  path: string;
  local: string;
  size: number;
  sha256: string;
}

/** The files of a code folder after ignore rules, sorted, with the folder's content hash. */
export async function snapshot(dir: string): Promise<{ files: CodeFile[]; hash: string; ignoreFile?: string }> {
  const info = await stat(dir).catch(() => undefined);
  if (!info)
    throw new UserError(`code folder '${dir}' does not exist`, { file: dir }, "Fix the component's `code:` path");
  if (!info.isDirectory()) {
    const sha256 = await sha256File(dir);
    const files = [{ path: basename(dir), local: dir, size: info.size, sha256 }];
    return {
      files,
      hash: createHash("sha256")
        .update(`${basename(dir)}\0${sha256}\n`)
        .digest("hex"),
    };
  }
  const { rules, file } = await IgnoreRules.forFolder(dir);
  const files: CodeFile[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      const rel = relative(dir, full).split(sep).join("/");
      if (e.name === ".git" || rules.ignores(rel, e.isDirectory())) continue;
      if (e.isDirectory()) await walk(full);
      else if (e.isFile())
        files.push({ path: rel, local: full, size: (await stat(full)).size, sha256: await sha256File(full) });
    }
  };
  await walk(dir);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${f.path}\0${f.sha256}\n`);
  return { files, hash: hash.digest("hex"), ignoreFile: file };
}

/** Uploads code folders once per content hash and returns their ARM code version ids. */
export class CodeUploader {
  private readonly done = new Map<string, Promise<string>>();
  private readonly contexts = new Map<string, Promise<{ uri: string; hash: string }>>();
  /** Blob folder URL of each uploaded (or found) code folder, for prompt flows' flow_definition_uri. */
  private readonly uris = new Map<string, string>();

  constructor(
    private readonly client: AzureMlClient,
    private readonly storage: DatastoreAccess,
  ) {}

  /** The ARM id of the code version holding `dir`, uploading it if the service has no such hash. */
  upload(dir: string, log: Log): Promise<string> {
    let p = this.done.get(dir);
    if (!p) {
      p = this.uploadOnce(dir, log);
      this.done.set(dir, p);
    }
    return p;
  }

  /** The blob folder URL of a code folder `upload` has handled. */
  uriOf(dir: string): string | undefined {
    return this.uris.get(dir);
  }

  /**
   * A Docker build context (`environment: {build: {path: ...}}`): its files uploaded under their
   * content hash, as the SDK does, and the folder's blob URL (ending in `/`) that
   * `build.contextUri` names. Same content, same URL: nothing is sent twice.
   */
  uploadContext(dir: string, log: Log): Promise<{ uri: string; hash: string }> {
    const key = `context:${dir}`;
    let p = this.contexts.get(key);
    if (!p) {
      p = (async () => {
        const snap = await snapshot(dir);
        const prefix = `LocalUpload/${snap.hash.slice(0, 32)}/${basename(dir)}`;
        log.info(`Docker build context ${dir}: ${snap.files.length} file(s), content hash ${snap.hash.slice(0, 12)}`);
        await this.storage.upload(
          snap.files.map((f) => ({ local: f.local, blob: `${prefix}/${f.path}`, size: f.size, sha256: f.sha256 })),
          prefix,
          log,
        );
        const ds = await this.storage.defaultDatastore();
        return { uri: `${blobServiceUrl(ds)}/${ds.containerName}/${prefix}/`, hash: snap.hash };
      })();
      this.contexts.set(key, p);
    }
    return p;
  }

  private async uploadOnce(dir: string, log: Log): Promise<string> {
    const snap = await snapshot(dir);
    const name = snap.hash.slice(0, 36);
    const id = this.client.id("codeVersions.get", { name, version: "1" });
    const { resourceGroup, workspaceName } = this.client.ref;
    try {
      const found = await this.client.sdk.codeVersions.get(resourceGroup, workspaceName, name, "1");
      if (found.properties.codeUri) this.uris.set(dir, found.properties.codeUri.replace(/:443\//, "/"));
      log.info(
        `Code ${relative(process.cwd(), dir) || "."}: unchanged (content hash ${name.slice(0, 12)}), already in the workspace.`,
      );
      return id;
    } catch (error) {
      if (!isNotFound(error)) throw this.client.toUserError(`read code version ${name}`, error);
    }
    const prefix = `LocalUpload/${name}/${basename(dir)}`;
    log.info(
      `Code ${dir}: ${snap.files.length} file(s)${snap.ignoreFile ? ` after ${snap.ignoreFile}` : ""}, content hash ${name.slice(0, 12)}`,
    );
    await this.storage.upload(
      snap.files.map((f) => ({ local: f.local, blob: `${prefix}/${f.path}`, size: f.size, sha256: f.sha256 })),
      prefix,
      log,
    );
    const ds = await this.storage.defaultDatastore();
    const codeUri = `${blobServiceUrl(ds)}/${ds.containerName}/${prefix}`;
    this.uris.set(dir, codeUri);
    try {
      await this.client.sdk.codeVersions.createOrUpdate(resourceGroup, workspaceName, name, "1", {
        // The SDK's content hash, so the SDK and the CLI recognise this snapshot too.
        properties: {
          codeUri,
          isAnonymous: true,
          properties: { hash_sha256: await sdkContentHash(snap.files), hash_version: SDK_HASH_VERSION },
        },
      });
    } catch (error) {
      throw this.client.toUserError(`register code version ${name}`, error);
    }
    return id;
  }
}
