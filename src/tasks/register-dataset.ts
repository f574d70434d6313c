import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { type Fingerprint, fingerprint } from "../data/fingerprint.js";
import { UserError } from "../errors.js";
import { checkName } from "../names.js";
import { isRemoteUri } from "../references.js";
import { table } from "../report/markdown.js";
import { registerSas, showUri, withoutSas } from "../util/sas.js";
import type { DataType } from "../workspace/workspace.js";
import type { TaskContext, TaskResult } from "./context.js";
import { refuseForkWrites } from "./fork-guard.js";
import type { spec } from "./specs/register-dataset.js";

export async function run(ctx: TaskContext<typeof spec>): Promise<TaskResult> {
  const { inputs, workspace, log } = ctx;
  const name = inputs.requiredString("name");
  checkName("data asset", name, "name");
  const given = inputs.requiredString("path");
  // A SAS is a credential: masked before anything can log it, shown as `?<SAS redacted>`.
  registerSas(given, (v) => log.secret(v));
  const remote = isRemoteUri(given);
  const path = remote ? given : resolve(ctx.cwd, given);
  const shown = remote ? showUri(given) : path;
  const tags = inputs.map("tags");
  const dryRun = inputs.boolean("dryRun");
  if (!dryRun && workspace.capabilities.sharedWrites) refuseForkWrites(ctx, `register data asset '${name}'`);
  const fp = remote
    ? remoteFingerprint(withoutSas(given))
    : await log.group(`Fingerprint ${path}`, () => fingerprint(path));
  const type: DataType = inputs.choice("type") ?? (fp.isFile ? "uri_file" : "uri_folder");
  if (type === "uri_file" && !fp.isFile) {
    throw new UserError(
      `'${shown}' is a folder but type is uri_file`,
      { input: "type" },
      "Use uri_folder or mltable for a folder",
    );
  }
  if (type !== "uri_file" && fp.isFile) {
    throw new UserError(
      `'${shown}' is a file but type is ${type}`,
      { input: "type" },
      "Use uri_file for a single file",
    );
  }
  if (remote) log.info(`${shown} is already in storage: registered in place; its fingerprint is the URI's.`);
  else log.info(`${fp.files.length} file(s), ${fp.bytes} bytes, fingerprint ${fp.digest}`);

  const latest = await workspace.datasets.get(name, "latest");
  let changed = false;
  let version = latest;
  if (latest && latest.fingerprint === fp.digest) {
    log.info(`Unchanged: ${name}:${latest.version} already holds this content; nothing registered.`);
  } else if (dryRun && !workspace.capabilities.plansDryRun) {
    log.info(`Plan: would register ${name}:${latest ? Number(latest.version) + 1 : 1} from ${shown}; nothing written.`);
    return {
      outputs: { name, version: "", changed: "true", fingerprint: fp.digest, uri: "" },
      summary: `### Dataset \`${name}\` (plan)\n\nWould register a new version from \`${remote ? shown : given}\` (fingerprint \`${fp.digest.slice(0, 12)}\`).\n`,
    };
  } else {
    if (ctx.run.commit) tags.commit ??= ctx.run.commit;
    if (ctx.run.runUrl) tags.runUrl ??= ctx.run.runUrl;
    tags.fingerprint = fp.digest;
    version = await workspace.datasets.create(
      {
        name,
        type,
        source: path,
        fingerprint: fp.digest,
        files: remote ? undefined : fp.files,
        description: inputs.string("description"),
        tags,
      },
      log,
    );
    changed = version.version !== latest?.version;
  }
  if (!version) throw new Error("registration returned no version");
  const summary = [
    `### Dataset \`${name}\``,
    "",
    table(
      ["version", "changed", "files", "bytes", "fingerprint"],
      [[version.version, changed, fp.files.length, fp.bytes, `\`${fp.digest.slice(0, 12)}\``]],
    ),
    "",
  ].join("\n");
  return {
    outputs: {
      name,
      version: version.version,
      changed: String(changed),
      fingerprint: fp.digest,
      uri: showUri(version.uri),
    },
    summary,
  };
}

/**
 * Data already in storage is not read: the same URI registered again counts as unchanged (a SAS
 * is left out: it changes with every token, the data does not). Its type defaults to a folder
 * when the URI ends with a slash.
 */
function remoteFingerprint(uri: string): Fingerprint {
  const digest = createHash("sha256").update(`uri\0${uri}`).digest("hex");
  return { digest, files: [], isFile: !uri.endsWith("/"), bytes: 0 };
}
