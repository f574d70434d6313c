/**
 * SAS URLs: the query is a credential. Registered as a secret, shown as `?<SAS redacted>`, never
 * written to outputs or asset records; on Azure a SAS URL is registered as its datastore path, or
 * refused with the fix; validate-data refuses a URL for a local path.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Masker } from "../../src/hosts/mask.js";
import { redactSas, sasQuery, showUri, withoutSas } from "../../src/util/sas.js";
import { parseStorageUrl } from "../../src/workspace/azureml/sas-datastore.js";
import { type Cloud, CONTAINER, startCloud } from "../azureml/setup.js";
import { AZURITE_ACCOUNT } from "../emulator/azurite.js";
import { type CliRun, runCliTask, tempDir } from "../helpers.js";

// A signature as Azure writes one (base64, percent-encoded), and the pieces a leak would show.
const SIG = "q7Rk2Nf0Zt9wXvLcA1%2BbYpQm3sE8uJhG4dKoT6iWnVc%3D";
const SIG_DECODED = decodeURIComponent(SIG);
const QUERY = `sv=2024-08-04&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=${SIG}`;
const FOREIGN = `https://otheraccount.blob.core.windows.net/raw/diabetes.csv?${QUERY}`;

function leaked(texts: string[]): string[] {
  return texts.filter((t) => t.includes(SIG) || t.includes(SIG_DECODED) || t.includes("sig="));
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(await readFile(p, "latin1"));
  }
  return out;
}

const everything = (run: CliRun) => [...run.stdout, ...run.stderr, JSON.stringify(run.outputs)];

describe("SAS URLs in text", () => {
  it("recognises a SAS by its signature, and shows the URL without it", () => {
    expect(sasQuery(FOREIGN)).toBe(QUERY);
    expect(sasQuery("https://host/data.csv?version=2")).toBeUndefined();
    expect(sasQuery("azureml://datastores/x/paths/a.csv")).toBeUndefined();
    expect(showUri(FOREIGN)).toBe("https://otheraccount.blob.core.windows.net/raw/diabetes.csv?<SAS redacted>");
    expect(withoutSas(FOREIGN)).toBe("https://otheraccount.blob.core.windows.net/raw/diabetes.csv");
    expect(showUri("https://host/data.csv?version=2")).toBe("https://host/data.csv?version=2");
  });

  it("redacts every SAS in a line, quoted or not, and the hosts' masker does it to every line", () => {
    const line = `error: '${FOREIGN}' failed; retried ${FOREIGN} (see https://docs.example/x?a=1)`;
    const redacted = redactSas(line);
    expect(redacted).not.toContain("sig=");
    expect(redacted.match(/\?<SAS redacted>/g)).toHaveLength(2);
    expect(redacted).toContain("https://docs.example/x?a=1");
    expect(new Masker().mask(line)).toBe(redacted);
  });

  it("parses blob, Data Lake and path-style (Azurite) storage URLs", () => {
    expect(parseStorageUrl(FOREIGN)).toMatchObject({
      account: "otheraccount",
      container: "raw",
      path: "diabetes.csv",
      endpoint: "core.windows.net",
    });
    expect(parseStorageUrl(`https://acc.dfs.core.windows.net/fs/a%20b/c/?${QUERY}`)).toMatchObject({
      account: "acc",
      container: "fs",
      path: "a b/c/",
    });
    expect(parseStorageUrl(`http://127.0.0.1:10000/devstoreaccount1/c/x.csv?${QUERY}`)).toMatchObject({
      account: "devstoreaccount1",
      container: "c",
      path: "x.csv",
      endpoint: "127.0.0.1:10000",
      pathStyle: true,
    });
  });
});

describe("SAS URLs on the local workspace", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-sas-"));
  });
  afterEach(() => cleanup());

  it("register-dataset refuses a remote URL with the SAS redacted, and writes it nowhere", async () => {
    const run = await runCliTask("register-dataset", { name: "raw", path: FOREIGN }, dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr.join("\n")).toContain("diabetes.csv?<SAS redacted>");
    expect(leaked([...everything(run), ...(await filesUnder(dir))])).toEqual([]);
  });

  it("validate-data says a URL is not a local path, in one line, with the SAS redacted", async () => {
    for (const input of ["data", "baseline"]) {
      const inputs: Record<string, string> =
        input === "data" ? { data: FOREIGN } : { data: "nothing.csv", baseline: FOREIGN };
      const run = await runCliTask("validate-data", inputs, dir);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(
        new RegExp(`input '${input}': '.*diabetes\\.csv\\?<SAS redacted>' is a URL; ${input} takes a local file`),
      );
      expect(leaked([...everything(run), ...(await filesUnder(dir))])).toEqual([]);
    }
  });
});

describe("SAS URLs on Azure ML (emulator + Azurite)", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
    work = cloud.dir;
  });
  afterAll(() => cloud?.stop());

  it("registers a SAS URL into the workspace's datastore as its datastore path: no SAS in the record, outputs or log", async () => {
    const blobHost = cloud.emu.state.config.storage.host;
    const protocol = cloud.emu.state.config.storage.protocol ?? "http";
    const url = `${protocol}://${blobHost}/${AZURITE_ACCOUNT}/${CONTAINER}/raw/diabetes.csv?${QUERY}`;
    const run = await runCliTask("register-dataset", { ...cloud.inputs, name: "sasdata", path: url }, work);
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.uri).toBe("azureml://datastores/workspaceblobstore/paths/raw/diabetes.csv");
    expect(run.stdout.join("\n")).toContain(
      `${AZURITE_ACCOUNT}/${CONTAINER}/raw/diabetes.csv?<SAS redacted> is in datastore 'workspaceblobstore'`,
    );
    const [put] = cloud.emu.sent("PUT", /\/data\/sasdata\/versions\/1$/);
    expect(put.body).toMatchObject({ properties: { dataType: "uri_file", dataUri: run.outputs.uri } });
    expect(leaked([...everything(run), JSON.stringify(cloud.emu.sent("PUT", /\/data\//))])).toEqual([]);

    // A new token for the same data is the same data: nothing registered again.
    const rotated = url.replace(SIG, "bmV3LXRva2VuLXNhbWUtZGF0YQ%3D%3D");
    const again = await runCliTask("register-dataset", { ...cloud.inputs, name: "sasdata", path: rotated }, work);
    expect(again.outputs).toMatchObject({ version: "1", changed: "false" });
  });

  it("refuses a SAS URL no datastore covers, with the fix, before writing anything", async () => {
    const writes = cloud.emu.writes().length;
    const run = await runCliTask("register-dataset", { ...cloud.inputs, name: "foreign", path: FOREIGN }, work);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(
      /input 'path': '.*diabetes\.csv\?<SAS redacted>' carries a SAS token, .*no datastore of workspace 'mlw-test' points at account 'otheraccount' container 'raw'\. Create a datastore for account 'otheraccount' container 'raw' \(az ml datastore create/,
    );
    expect(cloud.emu.writes().length).toBe(writes);
    expect(leaked(everything(run))).toEqual([]);
  });
});
