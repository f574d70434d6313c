/**
 * Contract: what we send a registry, compared field by field with what azure-ai-ml was recorded
 * sending for the same operation (test/fixtures/sdk-recordings/registry-model, SOURCES.md): the
 * model version created in a registry from an MLflow model folder, and the data reference asked
 * for to read its files back. The SDK sent both to the registry's regional host at a data-plane
 * preview api-version; we send them through ARM at 2024-04-01, whose REST spec has the same
 * operations below the registry's id (the emulator checks every body against it).
 *
 * Besides the shared normalisation (contract/normalise.ts), registry ids and names become
 * placeholders here, and the pending upload's folder is dropped from blob URIs: the service picks
 * where in its container the files go (the SDK's temporary reference named the container itself).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AzureMlWorkspace } from "../../src/workspace/azureml/index.js";
import type { RecordedRequest } from "../emulator/server.js";
import { compareBodies, listDifferences, normalise } from "./contract/normalise.js";
import { type Cloud, captureLog, openWorkspace, startCloud } from "./setup.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "sdk-recordings");
const CONFIGS = join(FIXTURES, "yaml", "tests", "test_configs");

interface Fixture {
  method: string;
  path: string;
  body: unknown;
}

async function fixture(name: string): Promise<Fixture> {
  return JSON.parse(await readFile(join(FIXTURES, `${name}.json`), "utf8")) as Fixture;
}

/** Registry-specific placeholders, applied to our side before the shared normalisation. */
function registryNormalised(value: unknown): unknown {
  const text = JSON.stringify(value)
    .replace(
      /\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/registries\/[^/?"]+/g,
      "{registry}",
    )
    .replace(
      /azureml:\/\/registries\/[^/"]+\/models\/[^/"]+\/versions\/[^/"]+/g,
      "azureml://registries/{registry}/models/{name}/versions/{version}",
    )
    // Azurite over HTTP: account and container, then the pending upload's folder the service chose.
    .replace(/http:\/\/127\.0\.0\.1:\d+\/[^/"]+\/[^/"]+\/[0-9a-f-]{36}/g, "{blob-container}");
  return normalise(JSON.parse(text));
}

function ourPath(r: RecordedRequest): string {
  return (registryNormalised(r.path) as string).replace(
    /\/(models|datareferences)\/[^/]+\/versions\/[^/]+$/,
    "/$1/{name}/versions/{version}",
  );
}

function compare(recorded: Fixture, ours: RecordedRequest | undefined): string[] {
  expect(ours, `no request matching ${recorded.method} ${recorded.path}`).toBeDefined();
  const sent = ours as RecordedRequest;
  expect(sent.method).toBe(recorded.method);
  expect(ourPath(sent)).toBe(recorded.path);
  if (process.env.CONTRACT_DEBUG)
    console.log(JSON.stringify(compareBodies(recorded.body, registryNormalised(sent.body)), null, 1));
  return listDifferences(compareBodies(recorded.body, registryNormalised(sent.body)));
}

describe("registry requests against azure-ai-ml's recordings", () => {
  let cloud: Cloud;
  let ws: AzureMlWorkspace;

  beforeAll(async () => {
    cloud = await startCloud();
    await cloud.emu.registries.create("contract-reg");
    ws = await openWorkspace(cloud);
  }, 60_000);

  afterAll(async () => {
    await ws?.close();
    await cloud?.stop();
  });

  it("a model version created in a registry from an mlflow_model folder, and the data reference that reads it", async () => {
    const model = await ws.models.register(
      {
        name: "contract-registry-model",
        source: join(CONFIGS, "model", "lightgbm_mlflow_model"),
        description: "this is my test model",
        tags: { foo: "bar", abc: "123" },
        metrics: {},
      },
      captureLog(),
    );
    const registry = await ws.openRegistry("contract-reg", captureLog());
    const mark = cloud.emu.requests.length;
    const published = await registry.publish(model, {}, captureLog());
    const sent = cloud.emu.requests.slice(mark);

    const put = sent.filter(
      (r) => r.method === "PUT" && /\/registries\/[^/]+\/models\/[^/]+\/versions\/[^/]+$/.test(r.path),
    );
    expect(put).toHaveLength(1);
    expect(compare(await fixture("registry-model/mlflow_model_folder"), put[0])).toEqual(
      [
        // What the version was copied from, and its files' fingerprint (immutable properties): how a
        // re-run finds it; the SDK creates from local files and records neither.
        "properties.properties.mlops.source: extra",
        "properties.properties.mlops.fingerprint: extra",
        // Lineage tags a promotion adds: the workspace and version the model came from.
        "properties.tags.sourceWorkspace: extra",
        "properties.tags.sourceModel: extra",
      ].sort(),
    );

    const before = cloud.emu.requests.length;
    await registry.models.download(published, join(cloud.dir, "read-back"), captureLog());
    const post = cloud.emu.requests
      .slice(before)
      .filter((r) => r.method === "POST" && /\/datareferences\//.test(r.path));
    expect(post).toHaveLength(1);
    expect(compare(await fixture("registry-model/data_reference_sas"), post[0])).toEqual([]);
    expect(cloud.emu.specViolations).toEqual([]);
    expect(cloud.emu.specWarnings).toEqual([]);
  });
});
