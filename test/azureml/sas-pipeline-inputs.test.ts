// A SAS URL given as a pipeline input on Azure ML (by `set`, or as a path in the YAML) never
// reaches the job body, a log line or an output: it is registered as a secret, a data input
// becomes the path in the workspace's datastore for that account and container, and without
// such a datastore (or for a SAS in a text input) the task refuses, naming the fix.
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AZURITE_ACCOUNT } from "../emulator/azurite.js";
import { type CliRun, runCliTask } from "../helpers.js";
import { type Cloud, CONTAINER, startCloud } from "./setup.js";

const SIG = "Zk4rN7q2Lw0pXvB9tYc1%2FmHs6dEa3uGiJo5fKyT8nQ%3D";
const QUERY = `sv=2024-08-04&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=${SIG}`;
const FIXTURE = join(import.meta.dirname, "fixtures", "fields");

/** Texts that show the signature in any form. */
function leaked(texts: string[]): string[] {
  return texts.filter((t) => t.includes(SIG) || t.includes(decodeURIComponent(SIG)) || /sig=/i.test(t));
}

describe("SAS URLs as pipeline inputs on Azure ML", () => {
  let cloud: Cloud;
  let work: string;
  let inDatastore: string;
  beforeAll(async () => {
    cloud = await startCloud();
    const storage = cloud.emu.state.config.storage;
    inDatastore = `${storage.protocol ?? "http"}://${storage.host}/${AZURITE_ACCOUNT}/${CONTAINER}/raw/diabetes.csv?${QUERY}`;
  });
  afterAll(() => cloud?.stop());
  beforeEach(async () => {
    cloud.emu.clearFaults();
    cloud.emu.state.jobScript = {};
    work = join(cloud.dir, `w${Math.random().toString(36).slice(2, 8)}`);
    await cp(FIXTURE, work, { recursive: true });
  });

  const submit = (inputs: Record<string, string>) =>
    runCliTask("submit-pipeline", { ...cloud.inputs, pipeline: "pipeline.yml", ...inputs }, work);
  const everything = (run: CliRun) => [...run.stdout, ...run.stderr, JSON.stringify(run.outputs)];
  const jobPuts = () => cloud.emu.sent("PUT", /\/jobs\/[^/]+$/);

  it("set inputs.raw=<SAS URL>: the job gets the datastore path; the SAS is in no request, log or output", async () => {
    const mark = cloud.emu.requests.length;
    const puts = jobPuts().length;
    const run = await submit({ set: `inputs.raw=${inDatastore}` });
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    const [put] = jobPuts().slice(puts);
    expect((put.body as { properties: { inputs: Record<string, unknown> } }).properties.inputs.raw).toMatchObject({
      jobInputType: "uri_file",
      uri: "azureml://datastores/workspaceblobstore/paths/raw/diabetes.csv",
    });
    expect(run.stdout.join("\n")).toContain(
      `${CONTAINER}/raw/diabetes.csv?<SAS redacted> is in datastore 'workspaceblobstore': passed as azureml://datastores/workspaceblobstore/paths/raw/diabetes.csv`,
    );
    const sent = cloud.emu.requests
      .slice(mark)
      .map((r) => `${r.path} ${JSON.stringify(r.query)} ${JSON.stringify(r.body)}`);
    expect(leaked([...everything(run), ...sent])).toEqual([]);
  });

  it("a SAS URL as the input's path in the YAML, for an account no datastore covers: refused, naming the datastore to create", async () => {
    const yml = join(work, "pipeline.yml");
    const foreign = `https://otheraccount.blob.core.windows.net/raw/train.csv?${QUERY}`;
    await writeFile(yml, (await readFile(yml, "utf8")).replace("    path: ./data.csv", `    path: "${foreign}"`));
    const puts = jobPuts().length;
    const run = await submit({});
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toEqual([
      expect.stringMatching(
        /^error: input 'pipeline': 'https:\/\/otheraccount\.blob\.core\.windows\.net\/raw\/train\.csv\?<SAS redacted>' carries a SAS token, which the job would keep in plain text \(job\.inputs\.raw\.uri, .*no datastore of workspace 'mlw-test' points at account 'otheraccount' container 'raw'\. Create a datastore for account 'otheraccount' container 'raw' \(az ml datastore create/,
      ),
    ]);
    expect(jobPuts().length).toBe(puts);
    expect(leaked(everything(run))).toEqual([]);
  });

  it("a SAS URL in a text input: refused, nothing submitted", async () => {
    const puts = jobPuts().length;
    const run = await submit({ set: `inputs.rate=${inDatastore}` });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toEqual([
      expect.stringMatching(
        /^error: input 'pipeline': job\.inputs\.rate\.value holds a SAS URL \('.*\?<SAS redacted>'\), which the job would keep in plain text .*Pass the data as a uri_file or uri_folder input/,
      ),
    ]);
    expect(jobPuts().length).toBe(puts);
    expect(leaked(everything(run))).toEqual([]);
  });
});
