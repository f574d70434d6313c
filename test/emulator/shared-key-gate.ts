/**
 * A storage account with shared keys disallowed (`allowSharedKeyAccess: false`), in front of
 * Azurite: an HTTPS proxy on 127.0.0.1 that answers a request signed with the account key or a SAS
 * as Azure Storage does (403 KeyBasedAuthenticationNotPermitted) and passes every other request
 * (bearer tokens, anonymous) to Azurite unchanged, where Azurite's own checks apply.
 */
import { randomUUID } from "node:crypto";
import { createServer, request } from "node:https";
import type { AddressInfo, Socket } from "node:net";

export interface SharedKeyGate {
  host: string;
  /** Requests refused for carrying a key or SAS. */
  refused: number;
  stop(): Promise<void>;
}

function keyBased(authorization: string | undefined, url: URL): boolean {
  return /^SharedKey(Lite)? /i.test(authorization ?? "") || url.searchParams.has("sig");
}

export async function startSharedKeyGate(
  target: { host: string; ca: string },
  tls: { key: string; cert: string },
): Promise<SharedKeyGate> {
  const sockets = new Set<Socket>();
  const gate: SharedKeyGate = { host: "", refused: 0, stop: async () => {} };
  const server = createServer(tls, (req, res) => {
    const url = new URL(req.url ?? "/", `https://${target.host}`);
    if (keyBased(req.headers.authorization, url)) {
      gate.refused += 1;
      req.resume();
      const requestId = randomUUID();
      res.writeHead(403, {
        "content-type": "application/xml",
        "x-ms-error-code": "KeyBasedAuthenticationNotPermitted",
        "x-ms-request-id": requestId,
      });
      res.end(
        `<?xml version="1.0" encoding="utf-8"?><Error><Code>KeyBasedAuthenticationNotPermitted</Code><Message>Key based authentication is not permitted on this storage account.\nRequestId:${requestId}\nTime:${new Date().toISOString()}</Message></Error>`,
      );
      return;
    }
    const upstream = request(
      url,
      { method: req.method, headers: { ...req.headers, host: target.host }, ca: target.ca },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("secureConnection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  gate.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  gate.stop = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return gate;
}
