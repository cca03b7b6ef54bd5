import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import {
  createLoopbackServer,
  listenOnLoopback,
} from "../../loopback-server/internal/create-loopback-server.js";
import { requestPath } from "../../loopback-server/internal/request-target.js";
import type { JwksFault, JwksFaultOptions } from "../test-issuer.js";

/** @internal */
export interface JwksServer {
  readonly url: string;
  readonly jwksRequests: number;
  setFault(fault: JwksFault, options?: JwksFaultOptions): void;
  close(): Promise<void>;
}

const DEFAULT_DELAY_MS = 2000;
const DEFAULT_OVERSIZED_BYTES = 2 * 1024 * 1024;
const JWKS_PATH_SUFFIX = "/.well-known/jwks.json";
const DISCOVERY_PATH_SUFFIX = "/.well-known/openid-configuration";

/**
 * A node:http server on 127.0.0.1 (random port) serving `*\/.well-known/jwks.json` and
 * `*\/.well-known/openid-configuration`, with injectable faults on the JWKS path.
 * @internal
 */
export async function startJwksServer(handlers: {
  jwks: () => { keys: JsonWebKey[] };
  discovery: (url: string) => Record<string, unknown>;
}): Promise<JwksServer> {
  let fault: JwksFault = "none";
  let faultOptions: JwksFaultOptions = {};
  let jwksRequests = 0;
  let closed = false;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  // It never reads a request body: a request that carries one is answered as if it had none,
  // and its connection is closed (createLoopbackServer), so the body is not read on.
  const server = createLoopbackServer({
    handle(request: IncomingMessage, response: ServerResponse) {
      const path = requestPath(request.url);
      if (request.method !== "GET" && request.method !== "HEAD") {
        response.setHeader("Allow", "GET, HEAD");
        sendJson(response, 405, { message: "Method Not Allowed" });
      } else if (path === undefined) {
        sendJson(response, 400, { message: "Bad Request" });
      } else if (path.endsWith(JWKS_PATH_SUFFIX)) {
        jwksRequests += 1;
        serveJwks(response);
      } else if (path.endsWith(DISCOVERY_PATH_SUFFIX)) {
        sendJson(response, 200, handlers.discovery(url));
      } else {
        sendJson(response, 404, { message: "Not Found" });
      }
    },
    fail(_request, response) {
      sendJson(response, 500, { message: "Internal server error" });
    },
  });

  function serveJwks(response: ServerResponse): void {
    switch (fault) {
      case "none":
        sendJson(response, 200, handlers.jwks());
        return;
      case "slow": {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (response.destroyed || response.headersSent) return;
          // Outside the request handler's try/catch: a failure here must not escape the timer.
          try {
            sendJson(response, 200, handlers.jwks());
          } catch {
            response.destroy();
          }
        }, faultOptions.delayMs ?? DEFAULT_DELAY_MS);
        timers.add(timer);
        return;
      }
      case "status-500":
        sendJson(response, 500, { message: "Internal server error" });
        return;
      case "malformed":
        sendText(response, 200, '{"keys":[{"kty":"RSA","kid":"truncated","n":"0vx7agoebGcQ');
        return;
      case "oversized":
        sendOversized(response);
        return;
      case "empty":
        sendJson(response, 200, { keys: [] });
        return;
    }
  }

  function sendOversized(response: ServerResponse): void {
    const target = faultOptions.sizeBytes ?? DEFAULT_OVERSIZED_BYTES;
    const real = handlers.jwks().keys;
    const filler = { kty: "RSA", use: "sig", alg: "RS256", e: "AQAB", n: "x".repeat(1024) };
    const head = `{"keys":[${real.map((key) => JSON.stringify(key)).join(",")}`;
    const parts = [head];
    let size = Buffer.byteLength(head) + 2;
    for (let index = 0; size < target; index += 1) {
      const part = `${parts.length > 1 || real.length > 0 ? "," : ""}${JSON.stringify({ kid: `filler-${index}`, ...filler })}`;
      parts.push(part);
      size += Buffer.byteLength(part);
    }
    parts.push("]}");
    const body = parts.join("");
    if (faultOptions.chunked === true) {
      response.writeHead(200, { "content-type": "application/json" });
      for (let offset = 0; offset < body.length; offset += 64 * 1024) {
        response.write(body.slice(offset, offset + 64 * 1024));
      }
      response.end();
    } else {
      sendText(response, 200, body);
    }
  }

  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const port = await listenOnLoopback(server, 0);
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    get jwksRequests() {
      return jwksRequests;
    },
    setFault(next, options = {}) {
      fault = next;
      faultOptions = options;
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      return done;
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendText(response, status, JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
}
