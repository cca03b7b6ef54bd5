import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { prepareResourcePolicies } from "../authorization/internal/prepare-resource-policies.js";
import type { LocalGatewayConfig } from "../config/gateway-config.js";
import { resolveConfig } from "../config/internal/resolve-config.js";
import { LocalGatewayError } from "../errors.js";
import { answerClientError } from "../http/internal/answer-client-error.js";
import { type GatewayReply, gatewayReply } from "../http/internal/gateway-response.js";
import { clientIp, originForm, readIncoming } from "../http/internal/incoming-request.js";
import { readRequestBody } from "../http/internal/read-request-body.js";
import { acceptWebSocket, writeRawReply } from "../integration/internal/web-socket-handshake.js";
import { tlsServerOptions, withMutualTls } from "../tls/internal/mutual-tls.js";
import type { GatewayStats } from "./gateway-stats.js";
import { GatewayRuntime } from "./internal/gateway-runtime.js";
import { type ProcessedRequest, processRequest } from "./internal/process-request.js";

/** A running local gateway, from {@link startLocalGateway}. */
export interface LocalGateway {
  /** `http://127.0.0.1:{port}`, or `https://` with `tls` (no trailing slash). */
  url: string;
  /**
   * The base URL of each API by name: REST `{url}{basePath}/{stage}`, HTTP `{url}{basePath}`
   * (`$default` stage), WebSocket `ws://127.0.0.1:{port}{basePath}/{stage}` (`wss://` with `tls`).
   */
  apiUrls: Record<string, string>;
  /** A snapshot of the counters. */
  stats(): GatewayStats;
  /** Empties every authorizer cache (as redeploying a stage does). */
  flushAuthorizerCaches(): void;
  /** Stops listening and closes every open connection, WebSockets included. */
  close(): Promise<void>;
}

function ignore(): void {}

/** A request that carries a body: a non-zero `Content-Length`, or any `Transfer-Encoding`. */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return (
    request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0")
  );
}

function report(config: LocalGatewayConfig, processed: ProcessedRequest): void {
  try {
    config.onDecision?.(processed.record);
  } catch {
    // A failing log hook must not change the response.
  }
}

/** Writes a reply; false when Node refuses it (a header it cannot write), nothing then sent. */
function send(response: ServerResponse, reply: GatewayReply): boolean {
  if (response.headersSent || response.destroyed) return true;
  try {
    response.writeHead(reply.status, {
      ...reply.headers,
      "content-length": String(reply.body.length),
    });
  } catch {
    return false;
  }
  response.end(reply.body);
  return true;
}

/**
 * Starts API Gateway's authorization layer on 127.0.0.1 in front of in-process handlers: routes,
 * `AWS_IAM` (SigV4 verified), Lambda authorizers (TOKEN, REQUEST, HTTP 1.0 / 2.0, WebSocket
 * `$connect`) with API Gateway's result cache, JWT / Cognito authorizers, resource policies
 * (compiled once, now) with the two-phase rule, and API Gateway's exact refusals; HTTPS, and
 * mutual TLS as a custom domain with a truststore (`tls`), refused client certificates getting 403.
 *
 * @param config - the APIs, routes, authorizers, credentials and options; validated now.
 * @returns the running gateway: `url`, per-API URLs, `stats()`, `close()`.
 * @throws LocalGatewayError `invalid_config` for a config API Gateway would not deploy or a field
 *   of the wrong type (`path` names the field), `tls_*` for a certificate, key or truststore that
 *   cannot be used, `listen_failed` when the port cannot be bound.
 * @example
 * ```ts
 * const gw = await startLocalGateway({
 *   apis: [{
 *     type: "REST",
 *     routes: [{ method: "GET", resource: "/pets/{id}", auth: "NONE",
 *       handler: (event) => ({ statusCode: 200, body: JSON.stringify(event.pathParameters) }) }],
 *   }],
 * });
 * const response = await fetch(`${gw.url}/dev/pets/7`); // 200 {"id":"7"}
 * await gw.close();
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
export async function startLocalGateway(config: LocalGatewayConfig): Promise<LocalGateway> {
  const gateway = resolveConfig(config);
  await prepareResourcePolicies(gateway);
  const runtime = new GatewayRuntime(gateway);
  const upgraded = new Set<Duplex>();

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    runtime.requests++;
    request.on("error", ignore);
    response.on("error", ignore);
    // A response that goes out before the body was read to its end closes the connection, so
    // the unread rest (an oversized or unwanted body) is never read on for keep-alive.
    if (hasBody(request)) {
      response.setHeader("connection", "close");
      request.once("end", () => {
        if (!response.headersSent) response.removeHeader("connection");
      });
    }
    void (async () => {
      let processed: ProcessedRequest;
      try {
        const target = originForm(request.url);
        if (target === undefined) {
          send(response, gatewayReply(400, "Bad Request", null, "-"));
          return;
        }
        const read = await readRequestBody(request, gateway.maxBodyBytes);
        if (read.kind === "aborted") return;
        if (read.kind === "too-large") {
          // API Gateway's REQUEST_TOO_LARGE gateway response.
          send(response, gatewayReply(413, "Request Too Long", null, "-"));
          return;
        }
        const sourceIp = clientIp(request, gateway.trustForwardedFor);
        processed = await processRequest(
          runtime,
          withMutualTls(
            readIncoming(request, target, read.body, sourceIp),
            request.socket,
            gateway,
          ),
        );
      } catch {
        send(response, gatewayReply(500, null, null, "-"));
        return;
      }
      if (!send(response, processed.reply)) send(response, gatewayReply(500, null, null, "-"));
      report(config, processed);
    })().catch(() => response.destroy());
  };
  const server =
    gateway.tls === undefined
      ? createServer({ keepAlive: true }, listener)
      : createHttpsServer({ keepAlive: true, ...tlsServerOptions(gateway.tls) }, listener);
  server.on("clientError", answerClientError);

  server.on("upgrade", (request: IncomingMessage, socket: Duplex) => {
    runtime.requests++;
    upgraded.add(socket);
    socket.on("close", () => upgraded.delete(socket));
    socket.on("error", () => socket.destroy());
    const key = request.headers["sec-websocket-key"];
    const target = originForm(request.url);
    if (
      String(request.headers.upgrade).toLowerCase() !== "websocket" ||
      typeof key !== "string" ||
      target === undefined
    ) {
      writeRawReply(socket, gatewayReply(400, "Bad Request", null, "-"));
      return;
    }
    void (async () => {
      try {
        const incoming = withMutualTls(
          readIncoming(
            request,
            target,
            Buffer.alloc(0),
            clientIp(request, gateway.trustForwardedFor),
          ),
          request.socket,
          gateway,
        );
        const processed = await processRequest(runtime, incoming);
        const isWebSocketApi = gateway.apis.some(
          (api) => api.name === processed.record.api && api.type === "WEBSOCKET",
        );
        if (processed.accepted && isWebSocketApi) {
          const protocol = processed.reply.headers["sec-websocket-protocol"];
          acceptWebSocket(socket, key, Array.isArray(protocol) ? protocol[0] : protocol);
        } else {
          writeRawReply(socket, processed.reply);
        }
        report(config, processed);
      } catch {
        writeRawReply(socket, gatewayReply(500, null, null, "-"));
      }
    })().catch(() => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (cause: Error) =>
      reject(
        new LocalGatewayError("listen_failed", `Cannot listen on 127.0.0.1:${gateway.port}`, {
          cause,
        }),
      );
    server.once("error", onError);
    server.listen(gateway.port, "127.0.0.1", () => {
      server.off("error", onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const secure = gateway.tls !== undefined;
  const url = `${secure ? "https" : "http"}://127.0.0.1:${port}`;
  const apiUrls = Object.fromEntries(
    gateway.apis.map((api) => [
      api.name,
      api.type === "WEBSOCKET"
        ? `${secure ? "wss" : "ws"}://127.0.0.1:${port}${api.prefix}`
        : `${url}${api.prefix}`,
    ]),
  );
  let closing: Promise<void> | undefined;
  return {
    url,
    apiUrls,
    stats: () => runtime.snapshot(),
    flushAuthorizerCaches: () => runtime.flush(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of upgraded) socket.destroy();
      });
      return closing;
    },
  };
}
