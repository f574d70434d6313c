/**
 * An Azure Machine Learning emulator: a real HTTPS server on 127.0.0.1 that speaks the shapes of the
 * ARM control plane (api-version agnostic), the workspace discovery document, run history, the MLflow
 * REST API, online endpoint scoring and an Entra ID token endpoint. Blob storage is Azurite, to which
 * the default datastore points. Every request is recorded so tests can assert what was sent; faults
 * can be injected per route.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { ArmState, type EmulatorConfig } from "./state.js";
import { selfSignedCertificate } from "./tls.js";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, the raw text otherwise (form posts, scoring). */
  body: unknown;
}

export type FaultAction =
  | { status: number; headers?: Record<string, string>; error?: { code: string; message: string; target?: string } }
  | { reset: true }
  | { delayMs: number };

export interface Fault {
  method?: string;
  /** Matched against the path (without query). */
  path: RegExp;
  /** How many matching requests it applies to. */
  times: number;
  action: FaultAction;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as-is instead of JSON. */
  text?: string;
}

export class AzureMlEmulator {
  readonly requests: RecordedRequest[] = [];
  readonly state: ArmState;
  private faults: Fault[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    readonly url: string,
    readonly ca: string,
    config: EmulatorConfig,
  ) {
    this.state = new ArmState(url, config);
  }

  static async start(config: Omit<EmulatorConfig, "url">): Promise<AzureMlEmulator> {
    const { key, cert } = await selfSignedCertificate();
    let emulator: AzureMlEmulator | undefined;
    const server = createServer({ key, cert }, (req, res) => {
      if (!emulator) return res.destroy();
      void emulator.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    emulator = new AzureMlEmulator(server, `https://127.0.0.1:${port}`, cert, config as EmulatorConfig);
    server.on("secureConnection", (socket: Socket) => {
      emulator?.sockets.add(socket);
      socket.on("close", () => emulator?.sockets.delete(socket));
    });
    return emulator;
  }

  /** Adds a fault; it applies to the next `times` matching requests. */
  inject(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Requests whose method matches and whose path matches `path`. */
  sent(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Requests that could change the workspace (anything but reads, tokens and scoring). */
  writes(): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.method !== "GET" &&
        !/\/oauth2\/v2\.0\/token$|\/listSecrets$|\/listKeys$|\/api\/2\.0\/mlflow\/|\/score\/|^\/ado-oidc$/.test(r.path),
    );
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: unknown = raw;
    if (raw && /json/.test(req.headers["content-type"] ?? "")) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    };
    this.requests.push(record);

    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.method || f.method === record.method) && f.path.test(record.path),
    );
    if (fault) {
      fault.times -= 1;
      const action = fault.action;
      if ("reset" in action) {
        req.socket.destroy();
        return;
      }
      if ("delayMs" in action) {
        await new Promise((r) => setTimeout(r, action.delayMs));
      } else {
        const error = action.error ?? { code: `Http${action.status}`, message: `Injected HTTP ${action.status}` };
        return send(res, { status: action.status, headers: action.headers, body: { error } });
      }
    }
    let reply: Reply;
    try {
      reply = this.state.route(record);
    } catch (error) {
      reply = { status: 500, body: { error: { code: "InternalServerError", message: String(error) } } };
    }
    send(res, reply);
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { "x-ms-request-id": randomUUID(), ...reply.headers };
  let payload = "";
  if (reply.text !== undefined) payload = reply.text;
  else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers["content-type"] ??= "application/json; charset=utf-8";
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}
