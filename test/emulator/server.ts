/**
 * An Azure Machine Learning emulator: a real HTTPS server on 127.0.0.1 that speaks the shapes of the
 * ARM control plane, the workspace discovery document, run history, the MLflow REST API, online
 * endpoint scoring and an Entra ID token endpoint. Blob storage is Azurite, to which the default
 * datastore points. Every request is recorded so tests can assert what was sent; faults can be
 * injected per route. Every ARM request is checked against the REST spec vendored for its
 * api-version (test/fixtures/rest-spec/): a body the spec refuses, or an api-version with no
 * vendored spec, is answered 400 in the ARM error format and listed in specViolations.
 */

import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";
import { BatchRoutes } from "./batch-routes.js";
import { RegistryRoutes } from "./registry-routes.js";
import { DEFAULT_SPEC_ROOT, RestSpecs, type SpecCheck, type SpecIssue, specErrorBody } from "./spec-validator.js";
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

/** A spec error in a request the emulator received. */
export interface SpecViolation extends SpecIssue {
  method: string;
  path: string;
  apiVersion: string;
  operationId?: string;
}

const mlSpecs = new RestSpecs();
/** Azure Monitor's metrics API (Microsoft.Insights), asked below an endpoint's ARM id. */
export const monitorSpecs = new RestSpecs(join(DEFAULT_SPEC_ROOT, "monitor"));

export class AzureMlEmulator {
  readonly requests: RecordedRequest[] = [];
  readonly state: ArmState;
  /** Azure ML registries (registry-routes.ts); assign one instance to several emulators to share its registries. */
  registries: RegistryRoutes;
  /** Batch endpoints, their invocations and scoring jobs (batch-routes.ts). */
  readonly batch: BatchRoutes;
  /** The spec checks that found something (errors or warnings), in arrival order. */
  readonly specChecks: SpecCheck[] = [];
  private faults: Fault[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    readonly url: string,
    readonly ca: string,
    config: EmulatorConfig,
  ) {
    this.state = new ArmState(url, config);
    this.registries = new RegistryRoutes(config);
    this.batch = new BatchRoutes(this.state, () => this.registries);
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

  /** Spec errors in what the emulator received (each was answered 400 unless validation only records). */
  get specViolations(): SpecViolation[] {
    return this.specChecks.flatMap((c) => c.errors.map((e) => ({ ...e, ...where(c) })));
  }

  /** Spec warnings (read-only fields sent, casing, nulls): the service accepts these. */
  get specWarnings(): SpecViolation[] {
    return this.specChecks.flatMap((c) => c.warnings.map((w) => ({ ...w, ...where(c) })));
  }

  /**
   * What a request the spec refuses gets: "enforce" answers 400 as the service would; "record" only
   * lists it in specViolations (to see every violation of a run at once). The environment variable
   * EMULATOR_SPEC_VALIDATION overrides it.
   */
  specValidation: "enforce" | "record" = "enforce";

  private get specMode(): "enforce" | "record" {
    const env = process.env.EMULATOR_SPEC_VALIDATION;
    return env === "record" || env === "enforce" ? env : this.specValidation;
  }

  /** Checks an ARM request against the spec of its api-version; undefined when there is nothing to check. */
  private checkSpec(r: RecordedRequest): SpecCheck | undefined {
    if (!/^\/subscriptions\//i.test(r.path)) return undefined; // data plane, tokens, scoring
    const apiVersion = r.query["api-version"];
    if (!apiVersion) return undefined; // the state answers MissingApiVersionParameter; polling URLs carry none
    const specs = /\/providers\/Microsoft\.Insights\//i.test(r.path) ? monitorSpecs : mlSpecs;
    if (!specs.has(apiVersion))
      return {
        apiVersion,
        method: r.method,
        path: r.path,
        errors: [
          {
            severity: "error",
            code: "UnknownApiVersion",
            target: "",
            message: `No REST spec is vendored for api-version ${apiVersion} (have: ${specs.versions().join(", ")}), so this request cannot be checked; add its files under test/fixtures/rest-spec/${apiVersion}/ as that folder's README says`,
          },
        ],
        warnings: [],
      };
    if (!["PUT", "PATCH", "POST"].includes(r.method)) return undefined;
    if (typeof r.body === "string" && r.body !== "") return undefined; // not JSON: not this check's business
    return specs.check({ method: r.method, path: r.path, apiVersion, body: r.body === "" ? undefined : r.body });
  }

  async stop(): Promise<void> {
    await this.batch.stop();
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
    const check = this.checkSpec(record);
    if (check && (check.errors.length || check.warnings.length)) {
      this.specChecks.push(check);
      // One line per check, so a whole test run's violations can be listed (the workers share the file).
      if (process.env.EMULATOR_SPEC_REPORT)
        appendFileSync(process.env.EMULATOR_SPEC_REPORT, `${JSON.stringify(check)}\n`);
    }

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
    if (check?.errors.length && this.specMode === "enforce") {
      const [first] = check.errors;
      const body =
        first.code === "UnknownApiVersion"
          ? { error: { code: "InvalidApiVersionParameter", message: first.message, details: [], additionalInfo: [] } }
          : specErrorBody(check);
      return send(res, { status: 400, body });
    }
    let reply: Reply;
    try {
      reply =
        (await this.registries.route(record, this.state)) ??
        (await this.batch.route(record)) ??
        this.state.route(record);
    } catch (error) {
      reply = { status: 500, body: { error: { code: "InternalServerError", message: String(error) } } };
    }
    send(res, reply);
  }
}

function where(c: SpecCheck): Omit<SpecViolation, keyof SpecIssue> {
  return { method: c.method, path: c.path, apiVersion: c.apiVersion, operationId: c.operationId };
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
