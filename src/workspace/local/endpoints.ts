import { copyFile, mkdir, readdir, readFile, readlink, rm, stat, symlink } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { UserError } from "../../errors.js";
// Endpoint and deployment names as Azure ML accepts them, so a name that works here works there.
import { checkName } from "../../names.js";
import type { Log } from "../../run-context.js";
import { crashPoint } from "../../util/crash-point.js";
import { childEnvironment } from "../../util/credential-env.js";
import type {
  DeploymentState,
  EndpointService,
  EndpointState,
  NewDeployment,
  ScoreResponse,
  ServedLog,
} from "../workspace.js";
import { refuseOtherKind } from "./endpoint-names.js";
import { insideWorkspace } from "./inside.js";
import { checkHealth, isOurs, logTail, request, resolvePython, startServer, stopServer } from "./serving/process.js";
import { ROUTER_FILE, ROUTER_JS, ROUTER_REVISION } from "./serving/router.js";
import { SCORE_SERVER_FILE, SCORE_SERVER_PY } from "./serving/score-server.js";
import { exists, listDir, readJson, withLock, writeAtomic, writeJson } from "./store.js";

interface ProcessRecord {
  pid: number;
  port: number;
}

interface DeploymentRecord {
  name: string;
  /** `name:version` of the model it serves. */
  model: string;
  status: DeploymentState["status"];
  server?: ProcessRecord;
  script: string;
  modelDir: string;
  log: string;
  createdAt: string;
  error?: string;
}

interface EndpointRecord {
  name: string;
  createdAt: string;
  router?: ProcessRecord;
  traffic: Record<string, number>;
  /** Read by the router: the share of live requests it copies to each deployment. */
  mirrorTraffic?: Record<string, number>;
  deployments: Record<string, DeploymentRecord>;
}

// Not copied with a deployment's code: version control, dependencies and the workspace itself.
const SKIPPED_DIRS = new Set([".git", "node_modules", ".mlops", "__pycache__", ".venv"]);

export interface LocalEndpointOptions {
  /** How long a deployment may take to answer /health after start (init() included). */
  startTimeoutMs?: number;
}

/**
 * Local online endpoints. Each deployment is a detached Python process serving the user's
 * score.py on 127.0.0.1; the endpoint is a detached Node router that splits requests by the
 * traffic map. The record `endpoints/<name>.json` (schema-versioned, written atomically under
 * the workspace lock) holds pids, ports and the traffic map; the router reads it on change.
 */
export class LocalEndpoints implements EndpointService {
  private readonly startTimeoutMs: number;

  private readonly root: string;

  constructor(root: string, options: LocalEndpointOptions = {}) {
    // Servers run in other folders: every path they get must be absolute.
    this.root = resolve(root);
    this.startTimeoutMs = options.startTimeoutMs ?? 120_000;
  }

  private recordFile(name: string): string {
    return insideWorkspace(this.root, "endpoints", `${name}.json`);
  }

  private endpointDir(name: string): string {
    return insideWorkspace(this.root, "endpoints", name);
  }

  private deploymentDir(endpoint: string, deployment: string): string {
    return insideWorkspace(this.endpointDir(endpoint), "deployments", deployment);
  }

  private read(name: string): Promise<EndpointRecord | undefined> {
    return readJson<EndpointRecord>(this.recordFile(name));
  }

  /** Read-modify-write of one endpoint record under the workspace lock. */
  private update<T>(name: string, fn: (rec: EndpointRecord | undefined) => Promise<[EndpointRecord, T]>): Promise<T> {
    return withLock(this.root, async () => {
      const [rec, out] = await fn(await this.read(name));
      await writeJson(this.recordFile(name), rec);
      return out;
    });
  }

  /** Writes the shipped server scripts into the workspace (rewritten when this build's text differs). */
  private async script(file: string, text: string): Promise<string> {
    const path = join(this.root, "serving", file);
    const current = await readFileOrEmpty(path);
    if (current !== text) await writeAtomic(path, text);
    return path;
  }

  private async routerHealth(rec: EndpointRecord): Promise<string | undefined> {
    return checkHealth(rec.router, (b) => b.endpoint === rec.name);
  }

  private async deploymentHealth(dep: DeploymentRecord): Promise<string | undefined> {
    return checkHealth(dep.server, (b) => b.deployment === dep.name);
  }

  private async state(rec: EndpointRecord): Promise<EndpointState> {
    const routerProblem = await this.routerHealth(rec);
    const deployments = await Promise.all(
      Object.values(rec.deployments).map(async (d): Promise<DeploymentState> => {
        const state: DeploymentState = { name: d.name, model: d.model, status: d.status };
        if (d.server) state.url = `http://127.0.0.1:${d.server.port}/score`;
        if (d.status === "Failed") state.error = d.error;
        if (d.status === "Succeeded") {
          const problem = await this.deploymentHealth(d);
          if (problem) {
            state.status = "Failed";
            state.error = `${problem} (log: ${d.log})`;
          }
        }
        return state;
      }),
    );
    const out: EndpointState = {
      name: rec.name,
      scoringUri: rec.router ? `http://127.0.0.1:${rec.router.port}/score` : "",
      traffic: { ...rec.traffic },
      mirrorTraffic: { ...(rec.mirrorTraffic ?? {}) },
      deployments,
    };
    if (routerProblem) out.error = `router ${routerProblem} (log: ${join(this.endpointDir(rec.name), "router.log")})`;
    return out;
  }

  async get(name: string): Promise<EndpointState | undefined> {
    const rec = await this.read(name);
    return rec ? this.state(rec) : undefined;
  }

  async list(): Promise<EndpointState[]> {
    const names = (await listDir(join(this.root, "endpoints")))
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.slice(0, -5));
    const out: EndpointState[] = [];
    for (const n of names) {
      const state = await this.get(n);
      if (state) out.push(state);
    }
    return out;
  }

  async ensure(name: string, log: Log): Promise<EndpointState> {
    checkName("endpoint", name, "endpoint");
    const routerScript = await this.script(ROUTER_FILE, ROUTER_JS);
    await mkdir(this.endpointDir(name), { recursive: true });
    // The router is started under the lock so two runs never start two routers for one endpoint.
    const rec = await withLock(this.root, async () => {
      let rec = await this.read(name);
      if (!rec) {
        await refuseOtherKind(this.root, name, "online");
        rec = { name, createdAt: new Date().toISOString(), traffic: {}, deployments: {} };
        await writeJson(this.recordFile(name), rec);
        crashPoint("endpoint.recorded");
        log.info(`Created local endpoint ${name}`);
      }
      const problem = await this.routerHealth(rec);
      // A router an older build started lacks what this one needs (mirroring, request records).
      const outdated = !problem && (await checkHealth(rec.router, (b) => b.revision === ROUTER_REVISION)) !== undefined;
      if (!problem && !outdated) return rec;
      if (rec.router) {
        if (outdated) log.info(`Endpoint ${name}: restarting its router, started by an older mlops-action.`);
        else log.warning(`Endpoint ${name}: router ${problem}; starting it again.`);
        if (await isOurs(rec.router.pid, ROUTER_FILE)) await stopServer(rec.router.pid);
      }
      const dir = this.endpointDir(name);
      const server = await startServer({
        command: process.execPath,
        args: [routerScript, this.recordFile(name), join(dir, "router.port.json"), String(rec.router?.port ?? 0)],
        cwd: dir,
        logFile: join(dir, "router.log"),
        portFile: join(dir, "router.port.json"),
        identity: (b) => b.endpoint === name,
        timeoutMs: 30_000,
        what: `the router of endpoint ${name}`,
      });
      rec.router = server;
      await writeJson(this.recordFile(name), rec);
      log.info(`Endpoint ${name} listens on http://127.0.0.1:${server.port}/score (router pid ${server.pid})`);
      return rec;
    });
    return this.state(rec);
  }

  async createDeployment(endpoint: string, deployment: NewDeployment, log: Log): Promise<DeploymentState> {
    const { name } = deployment;
    checkName("deployment", name, "deployment");
    const codeDir = resolve(deployment.codeDir);
    const script = relative(codeDir, resolve(deployment.scoringScript));
    if (script.startsWith("..") || isAbsolute(script)) {
      throw new UserError(
        `scoring script ${deployment.scoringScript} is outside the code folder ${codeDir}`,
        { subject: "scoringScript" },
        "Put score.py inside the folder shipped with it",
      );
    }
    const modelPath = resolve(deployment.model.uri);
    const modelIsFile = (await stat(modelPath).catch(() => undefined))?.isFile() ?? false;
    // Azure ML sets AZUREML_MODEL_DIR to the folder holding the model's files.
    const modelDir = modelIsFile ? dirname(modelPath) : modelPath;
    const dir = this.deploymentDir(endpoint, name);
    const logFile = join(dir, "server.log");
    const modelRef = `${deployment.model.name}:${deployment.model.version}`;
    await this.update(endpoint, async (rec) => {
      if (!rec) throw new Error(`endpoint ${endpoint} does not exist; ensure it first`);
      if (rec.deployments[name]) {
        throw new UserError(
          `deployment ${name} already exists on endpoint ${endpoint}`,
          { subject: "deployment" },
          "Choose another deployment name",
        );
      }
      rec.deployments[name] = {
        name,
        model: modelRef,
        status: "Creating",
        script,
        modelDir,
        log: logFile,
        createdAt: new Date().toISOString(),
      };
      return [rec, undefined];
    });
    crashPoint("deployment.recorded");
    try {
      // The deployment serves a snapshot of the code, so later edits in the checkout cannot change it.
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      await copyTree(codeDir, join(dir, "code"), (path, name) => SKIPPED_DIRS.has(name) || path === this.root);
      const serverScript = await this.script(SCORE_SERVER_FILE, SCORE_SERVER_PY);
      const python = await resolvePython();
      log.info(`Starting deployment ${name} of ${modelRef} (${python} ${script}, AZUREML_MODEL_DIR=${modelDir})`);
      const started = Date.now();
      // CI credentials must not live on in a background server that runs user code.
      const env = childEnvironment(process.env) as NodeJS.ProcessEnv;
      const server = await startServer({
        command: python,
        args: [
          serverScript,
          "--code-dir",
          join(dir, "code"),
          "--script",
          script,
          "--name",
          name,
          "--port-file",
          join(dir, "port.json"),
          "--watch",
          dir,
        ],
        env: { ...env, AZUREML_MODEL_DIR: modelDir, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" },
        cwd: join(dir, "code"),
        logFile,
        portFile: join(dir, "port.json"),
        identity: (b) => b.deployment === name,
        timeoutMs: deployment.startTimeoutMs ?? this.startTimeoutMs,
        what: `deployment ${name}`,
      });
      log.info(
        `Deployment ${name} is healthy on 127.0.0.1:${server.port} (pid ${server.pid}) after ${Date.now() - started} ms`,
      );
      return await this.update(endpoint, async (rec) => {
        if (!rec?.deployments[name]) throw new Error(`deployment ${name} was removed while it started`);
        Object.assign(rec.deployments[name], { status: "Succeeded", server });
        return [
          rec,
          { name, model: modelRef, status: "Succeeded" as const, url: `http://127.0.0.1:${server.port}/score` },
        ];
      });
    } catch (error) {
      // The server runs a copy of the code: report the user's own file (file:line of a syntax error).
      if (error instanceof Error) error.message = error.message.split(join(dir, "code")).join(codeDir);
      const message = error instanceof Error ? error.message : String(error);
      await this.update(endpoint, async (rec) => {
        if (!rec) throw error;
        if (rec.deployments[name])
          Object.assign(rec.deployments[name], {
            status: "Failed",
            error: message.split("\n")[0],
          });
        return [rec, undefined];
      }).catch(() => {});
      throw error;
    }
  }

  async setTraffic(endpoint: string, traffic: Record<string, number>, log: Log): Promise<EndpointState> {
    const rec = await this.update(endpoint, async (rec) => {
      if (!rec) throw new Error(`endpoint ${endpoint} does not exist`);
      let sum = 0;
      for (const [d, p] of Object.entries(traffic)) {
        if (!rec.deployments[d]) throw new Error(`endpoint ${endpoint} has no deployment ${d}`);
        if (p > 0 && rec.deployments[d].status !== "Succeeded") {
          throw new Error(`deployment ${d} is ${rec.deployments[d].status}: it cannot take traffic`);
        }
        if (!Number.isInteger(p) || p < 0 || p > 100)
          throw new Error(`traffic for ${d} must be a whole percent, got ${p}`);
        // As Azure ML: a deployment takes live traffic or mirrored traffic, not both.
        if (p > 0 && (rec.mirrorTraffic?.[d] ?? 0) > 0)
          throw new Error(`deployment ${d} receives mirrored traffic: set its mirror share to 0 first`);
        sum += p;
      }
      if (sum !== 100 && sum !== 0) throw new Error(`traffic must add up to 100 (or 0), got ${sum}`);
      rec.traffic = { ...traffic };
      return [rec, rec];
    });
    log.info(`Endpoint ${endpoint} traffic: ${formatTraffic(traffic)}`);
    return this.state(rec);
  }

  async setMirror(endpoint: string, mirror: Record<string, number>, log: Log): Promise<EndpointState> {
    const rec = await this.update(endpoint, async (rec) => {
      if (!rec) throw new Error(`endpoint ${endpoint} does not exist`);
      let sum = 0;
      for (const [d, p] of Object.entries(mirror)) {
        if (!rec.deployments[d]) throw new Error(`endpoint ${endpoint} has no deployment ${d}`);
        if (!Number.isInteger(p) || p < 0 || p > 50) throw new Error(`mirror share for ${d} must be 0 to 50, got ${p}`);
        if (p > 0 && (rec.traffic[d] ?? 0) > 0)
          throw new Error(`deployment ${d} has live traffic: it cannot receive mirrored traffic too`);
        sum += p;
      }
      if (sum > 50) throw new Error(`mirrored traffic must add up to at most 50, got ${sum}`);
      rec.mirrorTraffic = Object.fromEntries(Object.entries(mirror).filter(([, p]) => p > 0));
      return [rec, rec];
    });
    log.info(`Endpoint ${endpoint} mirrored traffic: ${formatTraffic(rec.mirrorTraffic ?? {})}`);
    return this.state(rec);
  }

  async served(endpoint: string, since = 0): Promise<ServedLog> {
    const rec = await this.read(endpoint);
    if (!rec?.router) throw new Error(`endpoint ${endpoint} has no router`);
    const answer = await request(rec.router.port, `/stats?since=${since}`, { timeoutMs: 10_000 });
    if (answer.status !== 200) throw new Error(`the router of ${endpoint} answered ${answer.status} for its records`);
    const body = JSON.parse(answer.body) as Omit<ServedLog, "source"> & { pid: number };
    if (body.pid !== rec.router.pid) throw new Error(`127.0.0.1:${rec.router.port} is not the router of ${endpoint}`);
    return {
      source: String(body.pid),
      seq: body.seq,
      inflight: body.inflight,
      complete: body.complete,
      records: body.records,
    };
  }

  async deleteDeployment(endpoint: string, deployment: string, log: Log): Promise<void> {
    const dep = await withLock(this.root, async () => {
      const rec = await this.read(endpoint);
      const dep = rec?.deployments[deployment];
      if (!rec || !dep) return undefined;
      if ((rec.traffic[deployment] ?? 0) > 0) {
        throw new Error(
          `deployment ${deployment} still has ${rec.traffic[deployment]}% of endpoint ${endpoint}'s traffic`,
        );
      }
      dep.status = "Deleting";
      await writeJson(this.recordFile(endpoint), rec);
      return dep;
    });
    if (!dep) return;
    if (await isOurs(dep.server?.pid, SCORE_SERVER_FILE)) await stopServer(dep.server?.pid);
    await rm(this.deploymentDir(endpoint, deployment), { recursive: true, force: true });
    await this.update(endpoint, async (rec) => {
      if (!rec) throw new Error(`endpoint ${endpoint} disappeared`);
      delete rec.deployments[deployment];
      if (rec.traffic[deployment] === 0) delete rec.traffic[deployment];
      if (rec.mirrorTraffic) delete rec.mirrorTraffic[deployment];
      return [rec, undefined];
    });
    log.info(`Deleted deployment ${deployment} from endpoint ${endpoint}`);
  }

  async invoke(endpoint: string, body: string, deployment?: string): Promise<ScoreResponse> {
    const rec = await this.read(endpoint);
    if (!rec) throw new Error(`endpoint ${endpoint} does not exist`);
    if (!rec.router) throw new Error(`endpoint ${endpoint} has no router; run deploy-endpoint to start it`);
    try {
      const answer = await request(rec.router.port, "/score", {
        body,
        headers: deployment ? { "azureml-model-deployment": deployment } : {},
        timeoutMs: 60_000,
      });
      const by = answer.headers["azureml-model-deployment"];
      return { status: answer.status, body: answer.body, deployment: typeof by === "string" ? by : undefined };
    } catch (error) {
      const problem = (await this.routerHealth(rec)) ?? (error as Error).message;
      const tail = await logTail(join(this.endpointDir(endpoint), "router.log"), 5);
      throw new Error(`endpoint ${endpoint} did not answer: router ${problem}. Last lines of its log:\n${tail}`);
    }
  }

  async delete(name: string, log: Log): Promise<void> {
    const rec = await this.read(name);
    if (!rec) return;
    for (const dep of Object.values(rec.deployments)) {
      if (await isOurs(dep.server?.pid, SCORE_SERVER_FILE)) await stopServer(dep.server?.pid);
    }
    if (await isOurs(rec.router?.pid, ROUTER_FILE)) await stopServer(rec.router?.pid);
    await withLock(this.root, async () => {
      await rm(this.recordFile(name), { force: true });
      await rm(this.endpointDir(name), { recursive: true, force: true });
    });
    log.info(`Deleted endpoint ${name} and its ${Object.keys(rec.deployments).length} deployment(s)`);
  }
}

export function formatTraffic(traffic: Record<string, number>): string {
  const entries = Object.entries(traffic);
  return entries.length ? entries.map(([d, p]) => `${d}=${p}%`).join(", ") : "(none)";
}

/**
 * Copies a code folder, leaving out what `skip` names. Hand-written because fs.cp refuses a
 * destination inside the source, which is the case when score.py sits at the checkout's root
 * beside the workspace folder.
 */
async function copyTree(src: string, dest: string, skip: (path: string, name: string) => boolean): Promise<void> {
  await mkdir(dest, { recursive: true });
  for (const entry of await readdir(src, { withFileTypes: true })) {
    const from = join(src, entry.name);
    const to = join(dest, entry.name);
    if (skip(from, entry.name)) continue;
    if (entry.isDirectory()) await copyTree(from, to, skip);
    else if (entry.isSymbolicLink()) await symlink(await readlink(from), to);
    else if (entry.isFile()) await copyFile(from, to);
  }
}

async function readFileOrEmpty(path: string): Promise<string> {
  return (await exists(path)) ? readFile(path, "utf8") : "";
}
