/**
 * The local endpoint's router: a small Node HTTP server on 127.0.0.1 that splits scoring
 * requests between deployments by the endpoint's traffic map, and sends a request carrying the
 * `azureml-model-deployment` header to that deployment directly, as Azure ML's endpoints do.
 * It reads the map from the endpoint's JSON record whenever the file changes, so a traffic
 * change is in force for the very next request. Shipped as a string (run with
 * `process.execPath`) so the dist/ bundles need no extra files.
 */
export const ROUTER_FILE = "router.mjs";

export const ROUTER_REVISION = 1;

export const ROUTER_JS = `// Written by mlops-action: the local endpoint router (revision ${ROUTER_REVISION}). Do not edit.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";

const [stateFile, portFile, preferred] = process.argv.slice(2);
const HEADER = "azureml-model-deployment";
let seen = "";
let state = { name: "?", traffic: {}, deployments: {} };
let weights = [];
let current = new Map();

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
    reply(res, 200, { status: "Healthy", endpoint: state.name, pid: process.pid, traffic: state.traffic ?? {} });
    return;
  }
  const asked = req.headers[HEADER];
  const name = typeof asked === "string" && asked !== "" ? asked : pick();
  if (!name) {
    req.resume();
    reply(res, 503, { message: "endpoint " + state.name + " has no deployment with traffic; set traffic first" });
    return;
  }
  const dep = state.deployments?.[name];
  const port = dep?.status === "Succeeded" ? dep.server?.port : undefined;
  if (!port) {
    req.resume();
    reply(res, 404, { message: "endpoint " + state.name + " has no running deployment '" + name + "'" }, name);
    return;
  }
  const headers = withoutHopByHop(req.headers);
  headers.host = "127.0.0.1:" + port;
  delete headers[HEADER];
  // A fresh connection per request: no pooled socket the server may be closing at that moment.
  const upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers, agent: false }, (up) => {
    res.writeHead(up.statusCode ?? 502, { ...withoutHopByHop(up.headers), [HEADER]: name });
    up.pipe(res);
  });
  upstream.setTimeout(60000, () => upstream.destroy(new Error("timed out after 60 s")));
  upstream.on("error", (error) => {
    if (res.headersSent) res.destroy();
    else reply(res, 502, { message: "deployment " + name + " did not answer: " + (error.code ?? error.message) }, name);
  });
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
