/**
 * Connect and idle timeouts for every HTTP request the Azure backend sends (ARM, the data plane,
 * blob storage, sign-in). Node's sockets wait forever by default, so a connection that opens and
 * then goes silent (a stalled proxy, a dead load balancer) would hold a CI job until the job's own
 * limit. Here each socket gets two deadlines:
 *
 * - connect: the TCP connection, and for HTTPS the TLS handshake, must complete in `connectMs`;
 * - idle: no byte in either direction for `idleMs` while a request uses the socket ends it.
 *
 * The socket is destroyed with an error whose code the Azure SDK's retry policies treat as a
 * transient network failure (ETIMEDOUT, ESOCKETTIMEDOUT), so the request is retried per the SDK's
 * policy, and after the last retry fails with the message set here.
 */
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import type { HttpClient, PipelineRequest, TlsSettings } from "@azure/core-rest-pipeline";
import { createDefaultHttpClient } from "@azure/core-rest-pipeline";

export interface HttpTimeouts {
  connectMs: number;
  idleMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { connectMs: 30_000, idleMs: 120_000 };

/** Codes the timeouts raise; the SDK retry strategies retry both. */
export const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT"]);

/**
 * Timeouts from MLOPS_HTTP_CONNECT_TIMEOUT_MS and MLOPS_HTTP_IDLE_TIMEOUT_MS (milliseconds), for
 * slow networks and for tests; anything not a positive number keeps the default.
 */
export function httpTimeoutsFrom(env: NodeJS.ProcessEnv): HttpTimeouts {
  const ms = (v: string | undefined, fallback: number) => {
    const n = Number(v);
    return v && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    connectMs: ms(env.MLOPS_HTTP_CONNECT_TIMEOUT_MS, DEFAULT_HTTP_TIMEOUTS.connectMs),
    idleMs: ms(env.MLOPS_HTTP_IDLE_TIMEOUT_MS, DEFAULT_HTTP_TIMEOUTS.idleMs),
  };
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);

function timeoutError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Arms both deadlines on a new socket. `secure`: the connection counts once TLS is up. */
function guard(socket: Socket, host: string, t: HttpTimeouts, secure: boolean): void {
  const connected = () => clearTimeout(timer);
  const timer = setTimeout(() => {
    socket.destroy(
      timeoutError("ETIMEDOUT", `no ${secure ? "TLS " : ""}connection to ${host} within ${seconds(t.connectMs)}`),
    );
  }, t.connectMs);
  timer.unref();
  socket.once(secure ? "secureConnect" : "connect", connected);
  socket.once("close", connected);
  socket.on("timeout", () => {
    // A socket waiting in the keep-alive pool is the agent's to close; one serving a request has
    // stalled: end it with an error the request sees.
    if ((socket as Socket & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy(timeoutError("ESOCKETTIMEDOUT", `${host} sent nothing for ${seconds(t.idleMs)}`));
    }
  });
}

type CreateConnection = (options: Record<string, unknown>, callback?: unknown) => Socket;

/** An agent whose sockets carry the deadlines; `timeout` keeps the idle deadline on pooled sockets too. */
function timedAgent(secure: boolean, t: HttpTimeouts, tls?: TlsSettings): http.Agent {
  const Base = secure ? https.Agent : http.Agent;
  const agent = new Base({ keepAlive: true, timeout: t.idleMs, ...(secure ? tls : {}) });
  const create = (agent as unknown as { createConnection: CreateConnection }).createConnection.bind(agent);
  (agent as unknown as { createConnection: CreateConnection }).createConnection = (options, callback) => {
    const socket = create(options, callback);
    const host = `${options.host ?? options.hostname ?? "?"}:${options.port ?? (secure ? 443 : 80)}`;
    guard(socket, host, t, secure);
    return socket;
  };
  return agent;
}

/**
 * Agents by protocol and TLS settings (the same settings object shares one pool), set on each
 * request that brings none of its own.
 */
export class TimedAgents {
  private readonly plain: http.Agent;
  private readonly secure = new Map<TlsSettings | undefined, http.Agent>();

  constructor(readonly timeouts: HttpTimeouts) {
    this.plain = timedAgent(false, timeouts);
  }

  for(url: string, tls?: TlsSettings): http.Agent {
    if (!url.startsWith("https:")) return this.plain;
    let agent = this.secure.get(tls);
    if (!agent) {
      agent = timedAgent(true, this.timeouts, tls);
      this.secure.set(tls, agent);
    }
    return agent;
  }

  /** Sets the agent on a request (core-rest-pipeline's or storage's) that has none. */
  apply(request: Pick<PipelineRequest, "url" | "agent"> & { tlsSettings?: TlsSettings }, tls?: TlsSettings): void {
    request.agent ??= this.for(request.url, request.tlsSettings ?? tls);
  }
}

/** The SDK's default HTTP client, with timed sockets on every request. */
export function timedHttpClient(agents: TimedAgents): HttpClient {
  const inner = createDefaultHttpClient();
  return {
    sendRequest(request) {
      agents.apply(request);
      return inner.sendRequest(request);
    },
  };
}
