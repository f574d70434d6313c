/**
 * The local endpoint's router: a small Node HTTP server on 127.0.0.1 that splits scoring
 * requests between deployments by the endpoint's traffic map, and sends a request carrying the
 * `azureml-model-deployment` header to that deployment directly, as Azure ML's endpoints do.
 * It reads the map from the endpoint's JSON record whenever the file changes, so a traffic
 * change is in force for the very next request. Shipped as a string (run with
 * `process.execPath`) so the dist/ bundles need no extra files.
 *
 * It also copies a share of live requests to the deployments named in the record's
 * `mirrorTraffic` (their answers are discarded, as Azure ML's mirrored traffic), and keeps the
 * last requests it served in memory (deployment, kind, status, whether the answer was JSON,
 * milliseconds), numbered, for `GET /stats?since=N`: deploy-endpoint judges a traffic step by
 * them. In memory only: a restarted router starts a new series (its `pid` says so), and the task
 * treats a series it did not start with as no evidence.
 */
export const ROUTER_FILE = "router.mjs";

export const ROUTER_REVISION = 2;

export const ROUTER_JS = `// Written by mlops-action: the local endpoint router (revision ${ROUTER_REVISION}). Do not edit.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";

const [stateFile, portFile, preferred] = process.argv.slice(2);
const HEADER = "azureml-model-deployment";
let seen = "";
let state = { name: "?", traffic: {}, mirrorTraffic: {}, deployments: {} };
let weights = [];
let current = new Map();
// Per mirrored deployment: accumulated percent; a copy goes out each time it reaches 100 (exact shares).
let mirrorCredit = new Map();
// The last requests served, for GET /stats (bounded: old entries fall off).
const KEEP = 100000;
const records = [];
let seq = 0;
let inflight = 0;

function reload() {
  let st;
  try {
    st = statSync(stateFile);
  } catch {
    return;
  }
  const key = st.mtimeMs + ":" + st.size + ":" + st.ino;
  if (key === seen) return;
  try {
    state = JSON.parse(readFileSync(stateFile, "utf8"));
    seen = key;
  } catch {
    return; // replaced mid-read: the next request reads it again
  }
  const next = Object.entries(state.traffic ?? {}).filter(([, p]) => p > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  if (JSON.stringify(next) !== JSON.stringify(weights)) {
    weights = next;
    current = new Map(next.map(([d]) => [d, 0]));
  }
  const mirror = Object.entries(state.mirrorTraffic ?? {}).filter(([, p]) => p > 0);
  if (JSON.stringify(mirror) !== JSON.stringify([...mirrorCredit.keys()].map((d) => [d, state.mirrorTraffic[d]]))) {
    mirrorCredit = new Map(mirror.map(([d]) => [d, 0]));
  }
}

function mirrorTargets(live) {
  const out = [];
  for (const [d, credit] of mirrorCredit) {
    if (d === live) continue;
    const next = credit + (state.mirrorTraffic?.[d] ?? 0);
    if (next >= 100) {
      mirrorCredit.set(d, next - 100);
      out.push(d);
    } else mirrorCredit.set(d, next);
  }
  return out;
}

function record(deployment, kind, status, body, started, error) {
  let json = false;
  if (status >= 200 && status <= 299) {
    try {
      JSON.parse(body);
      json = true;
    } catch {}
  }
  records.push({ seq: ++seq, deployment, kind, status, ok: json, ms: Number(process.hrtime.bigint() - started) / 1e6, ...(error ? { error } : {}) });
  // Trimmed in chunks: one splice per thousand requests, not a shift of the whole array per request.
  if (records.length >= KEEP + 1000) records.splice(0, records.length - KEEP);
}

function portOf(name) {
  const dep = state.deployments?.[name];
  return dep?.status === "Succeeded" ? dep.server?.port : undefined;
}

// A copy of a live request to a mirrored deployment: answer read, recorded, discarded.
function mirrorTo(name, method, url, headers, body) {
  const port = portOf(name);
  const started = process.hrtime.bigint();
  if (!port) {
    record(name, "mirror", 404, "", started, "no running deployment");
    return;
  }
  inflight++;
  let done = false;
  const finish = (status, text, error) => {
    if (done) return;
    done = true;
    inflight--;
    record(name, "mirror", status, text, started, error);
  };
  const req = http.request({ host: "127.0.0.1", port, method, path: url, headers: { ...headers, host: "127.0.0.1:" + port, "content-length": body.length }, agent: false }, (up) => {
    const chunks = [];
    up.on("data", (c) => chunks.push(c));
    up.on("end", () => finish(up.statusCode ?? 0, Buffer.concat(chunks).toString("utf8")));
    up.on("error", (e) => finish(0, "", e.code ?? e.message));
  });
  req.setTimeout(60000, () => req.destroy(new Error("timed out after 60 s")));
  req.on("error", (e) => finish(0, "", e.code ?? e.message));
  req.end(body);
}

// Smooth weighted round robin: exact shares over every window of 100 requests, no randomness.
function pick() {
  if (weights.length === 0) return undefined;
  let total = 0;
  let best;
  for (const [d, w] of weights) {
    current.set(d, current.get(d) + w);
    total += w;
    if (best === undefined || current.get(d) > current.get(best)) best = d;
  }
  current.set(best, current.get(best) - total);
  return best;
}

const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade"];

function withoutHopByHop(headers) {
  const out = { ...headers };
  for (const h of HOP_BY_HOP) delete out[h];
  return out;
}

function reply(res, status, value, deployment) {
  const body = JSON.stringify(value);
  const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
  if (deployment) headers[HEADER] = deployment;
  res.writeHead(status, headers);
  res.end(body);
}

const server = http.createServer((req, res) => {
  reload();
  if (req.method === "GET" && (req.url === "/health" || req.url === "/")) {
    reply(res, 200, { status: "Healthy", endpoint: state.name, pid: process.pid, revision: ${ROUTER_REVISION}, traffic: state.traffic ?? {} });
    return;
  }
  if (req.method === "GET" && req.url.startsWith("/stats")) {
    const since = Number(new URL(req.url, "http://x").searchParams.get("since") ?? 0) || 0;
    const first = records.length ? records[0].seq : seq + 1;
    reply(res, 200, { pid: process.pid, seq, inflight, complete: since + 1 >= first, records: records.filter((r) => r.seq > since) });
    return;
  }
  const started = process.hrtime.bigint();
  const asked = req.headers[HEADER];
  const direct = typeof asked === "string" && asked !== "";
  const name = direct ? asked : pick();
  const kind = direct ? "direct" : "live";
  if (!name) {
    req.resume();
    reply(res, 503, { message: "endpoint " + state.name + " has no deployment with traffic; set traffic first" });
    return;
  }
  const port = portOf(name);
  if (!port) {
    req.resume();
    record(name, kind, 404, "", started, "no running deployment");
    reply(res, 404, { message: "endpoint " + state.name + " has no running deployment '" + name + "'" }, name);
    return;
  }
  const headers = withoutHopByHop(req.headers);
  headers.host = "127.0.0.1:" + port;
  delete headers[HEADER];
  const mirrors = direct ? [] : mirrorTargets(name);
  const sent = [];
  // A fresh connection per request: no pooled socket the server may be closing at that moment.
  const upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers, agent: false }, (up) => {
    res.writeHead(up.statusCode ?? 502, { ...withoutHopByHop(up.headers), [HEADER]: name });
    const answer = [];
    up.on("data", (c) => answer.push(c));
    up.on("end", () => record(name, kind, up.statusCode ?? 0, Buffer.concat(answer).toString("utf8"), started));
    up.pipe(res);
  });
  upstream.setTimeout(60000, () => upstream.destroy(new Error("timed out after 60 s")));
  upstream.on("error", (error) => {
    record(name, kind, 0, "", started, error.code ?? error.message);
    if (res.headersSent) res.destroy();
    else reply(res, 502, { message: "deployment " + name + " did not answer: " + (error.code ?? error.message) }, name);
  });
  if (mirrors.length > 0) {
    // The body is kept to be sent once more to each mirrored deployment, after the live one has it.
    req.on("data", (c) => sent.push(c));
    req.on("end", () => {
      const body = Buffer.concat(sent);
      delete headers["transfer-encoding"];
      for (const m of mirrors) mirrorTo(m, req.method, req.url, headers, body);
    });
  }
  req.pipe(upstream);
});

function listen(port) {
  server.once("error", (error) => {
    if (port !== 0 && error.code === "EADDRINUSE") listen(0);
    else throw error;
  });
  server.listen(port, "127.0.0.1", () => {
    const tmp = portFile + ".tmp-" + process.pid;
    writeFileSync(tmp, JSON.stringify({ pid: process.pid, port: server.address().port }));
    renameSync(tmp, portFile);
    console.log(new Date().toISOString() + " router for " + state.name + " on 127.0.0.1:" + server.address().port);
  });
}

reload();
// Keep serving the previous scoring URI after a restart when its port is still free.
listen(Number(preferred) || 0);

// The router must not outlive its endpoint record (endpoint deleted, workspace folder removed).
setInterval(() => {
  if (!existsSync(stateFile)) {
    console.log(new Date().toISOString() + " exiting: " + stateFile + " is gone");
    process.exit(0);
  }
}, 2000).unref();
process.on("SIGTERM", () => process.exit(0));
`;
