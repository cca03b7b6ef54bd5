import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayDecisionRecord } from "../config/gateway-config.js";
import type { RestProxyEvent } from "../config/proxy-event.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";
import { exchangeRaw, sendHttp } from "./test-support.js";

const LIMIT = 64 * 1024;

/** A request line plus headers, framed with `Connection: close` so the gateway ends the exchange. */
function wire(requestLine: string, headers: string[] = [], body = ""): string {
  return [requestLine, "Host: 127.0.0.1", "Connection: close", ...headers, "", body].join("\r\n");
}

const echoPath = (event: RestProxyEvent) => ({
  statusCode: 200,
  body: JSON.stringify({ path: event.path, bodyLength: (event.body ?? "").length }),
});

let gw: LocalGateway;
let port: number;
const records: GatewayDecisionRecord[] = [];

beforeAll(async () => {
  gw = await startLocalGateway({
    maxBodyBytes: LIMIT,
    onDecision: (record) => records.push(record),
    apis: [
      {
        type: "REST",
        name: "rest",
        routes: [
          { method: "GET", resource: "/open", auth: "NONE", handler: echoPath },
          { method: "POST", resource: "/echo", auth: "NONE", handler: echoPath },
          {
            method: "GET",
            resource: "/bad-header-value",
            auth: "NONE",
            handler: () => ({ statusCode: 200, headers: { "x-split": "a\r\nset-cookie: x=1" } }),
          },
          {
            method: "GET",
            resource: "/interim-status",
            auth: "NONE",
            handler: () => ({ statusCode: 100, body: "not final" }),
          },
          {
            method: "GET",
            resource: "/bad-header-name",
            auth: "NONE",
            handler: () => ({ statusCode: 200, headers: { "bad name": "x" } }),
          },
        ],
      },
      {
        type: "HTTP",
        name: "http",
        basePath: "/http",
        routes: [
          {
            routeKey: "GET /bad-header-value",
            auth: "NONE",
            handler: () => ({ statusCode: 200, headers: { "x-split": "a\nb" } }),
          },
        ],
      },
    ],
  });
  port = Number(new URL(gw.url).port);
});

afterAll(async () => {
  await gw?.close();
});

async function expectHealthy(): Promise<void> {
  const response = await fetch(`${gw.url}/dev/open`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ path: "/open", bodyLength: 0 });
}

describe("the local gateway under malformed and unusual requests", () => {
  it.each([
    { name: "the path //", bytes: wire("GET // HTTP/1.1"), statuses: [403, 404] },
    {
      name: "a path that parses as a host, //evil.example/x",
      bytes: wire("GET //evil.example/x HTTP/1.1"),
      statuses: [403, 404],
    },
    {
      name: "an absolute-form target without a path",
      bytes: wire("GET http://[::1 HTTP/1.1"),
      statuses: [403, 404],
    },
    { name: "OPTIONS *", bytes: wire("OPTIONS * HTTP/1.1"), statuses: [400] },
    {
      name: "invalid percent-encoding",
      bytes: wire("GET /dev/%zz/%E0%A4%A HTTP/1.1"),
      statuses: [403],
    },
    {
      name: "a method Node's parser refuses",
      bytes: wire("BREW /dev/open HTTP/1.1"),
      statuses: [400],
    },
    { name: "a garbage request line", bytes: "HELLO\r\n\r\n", statuses: [400] },
    {
      name: "headers over Node's limit",
      bytes: wire("GET /dev/open HTTP/1.1", [`X-Big: ${"a".repeat(20_000)}`]),
      statuses: [431],
    },
    {
      name: "a bad chunk size",
      bytes: wire("POST /dev/echo HTTP/1.1", ["Transfer-Encoding: chunked"], "zz\r\nabc\r\n"),
      statuses: [400],
    },
    {
      name: "a method API Gateway does not know",
      bytes: wire("PROPFIND /dev/open HTTP/1.1", ["Content-Length: 2"], "{}"),
      statuses: [403],
    },
  ])("answers $name with an HTTP error and keeps serving", async ({ bytes, statuses }) => {
    const answer = await exchangeRaw(port, bytes);
    expect(answer.wellFormed).toBe(true);
    expect(statuses).toContain(answer.status);
    await expectHealthy();
  });

  it("routes an absolute-form target by its path (RFC 9112 section 3.2.2)", async () => {
    const answer = await exchangeRaw(port, wire("GET http://evil.example/dev/open?x=1 HTTP/1.1"));
    expect(answer.status).toBe(200);
    expect(answer.raw.toString("utf8")).toContain('{"path":"/open","bodyLength":0}');
  });

  it("passes the body of a GET to the integration, as API Gateway does", async () => {
    const answer = await exchangeRaw(
      port,
      wire("GET /dev/open HTTP/1.1", ["Content-Length: 5"], "hello"),
    );
    expect(answer.status).toBe(200);
    expect(answer.raw.toString("utf8")).toContain('"bodyLength":5');
  });

  it("survives a body cut short (the client half-closes mid-body)", async () => {
    const answer = await exchangeRaw(
      port,
      wire("POST /dev/echo HTTP/1.1", ["Content-Length: 1000"], "only a little"),
    );
    if (answer.status !== undefined) expect(answer.status).toBeGreaterThanOrEqual(400);
    await expectHealthy();
  });

  it("survives a client that resets the connection mid-body", async () => {
    await new Promise<void>((resolve) => {
      const socket = connect({ port, host: "127.0.0.1" }, () => {
        socket.write(wire("POST /dev/echo HTTP/1.1", ["Content-Length: 10000"], "x".repeat(5000)));
        setImmediate(() => {
          socket.resetAndDestroy();
          resolve();
        });
      });
      socket.on("error", () => resolve());
    });
    await expectHealthy();
  });

  it("answers an integration's header value with CR/LF 502 (REST) instead of crashing", async () => {
    const response = await fetch(`${gw.url}/dev/bad-header-value`);
    expect(response.status).toBe(502);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.json()).toEqual({ message: "Internal server error" });
    expect(records.at(-1)).toMatchObject({ status: 502, reason: "integration_malformed_response" });
    await expectHealthy();
  });

  it("answers an integration's invalid header name 502 (REST)", async () => {
    const response = await fetch(`${gw.url}/dev/bad-header-name`);
    expect(response.status).toBe(502);
    await expectHealthy();
  });

  it("answers an integration's 1xx status 502 (REST): it cannot be a final response", async () => {
    const response = await fetch(`${gw.url}/dev/interim-status`);
    expect(response.status).toBe(502);
    await expectHealthy();
  });

  it("answers a WebSocket handshake to the target * with 400", async () => {
    const answer = await exchangeRaw(
      port,
      wire("GET * HTTP/1.1", [
        "Upgrade: websocket",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
      ]).replace("Connection: close", "Connection: Upgrade"),
    );
    expect(answer.status).toBe(400);
    await expectHealthy();
  });

  it("answers an integration's invalid header 500 on an HTTP API", async () => {
    const response = await fetch(`${gw.url}/http/bad-header-value`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "Internal Server Error" });
    await expectHealthy();
  });
});

describe("the local gateway's body limit", () => {
  it("answers a declared body over maxBodyBytes 413 without waiting for it", async () => {
    // The client sends the headers only and keeps its side open: the answer cannot wait for a body.
    const answer = await exchangeRaw(
      port,
      ["POST /dev/echo HTTP/1.1", "Host: 127.0.0.1", `Content-Length: ${LIMIT + 1}`, "", ""].join(
        "\r\n",
      ),
      { halfClose: false },
    );
    expect(answer.status).toBe(413);
    expect(answer.closed).toBe(true);
    const text = answer.raw.toString("utf8");
    expect(text).toMatch(/\r\nconnection: close\r\n/i);
    expect(text.endsWith('{"message":"Request Too Long"}')).toBe(true);
    await expectHealthy();
  });

  it("answers a chunked body that grows over maxBodyBytes 413 and closes the connection", async () => {
    const answer = await sendHttp(`${gw.url}/dev/echo`, {
      method: "POST",
      stream: { chunk: Buffer.alloc(16 * 1024, 120), times: 64 },
    });
    expect(answer).toMatchObject({ status: 413, headers: { connection: "close" } });
    await expectHealthy();
  });

  it("reads a body of exactly maxBodyBytes", async () => {
    const response = await fetch(`${gw.url}/dev/echo`, { method: "POST", body: "y".repeat(LIMIT) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ path: "/echo", bodyLength: LIMIT });
  });

  it("defaults to API Gateway's 10 MB payload quota", async () => {
    const defaults = await startLocalGateway({
      apis: [
        {
          type: "REST",
          routes: [{ method: "POST", resource: "/x", auth: "NONE", handler: echoPath }],
        },
      ],
    });
    try {
      const head = (length: number) =>
        exchangeRaw(
          Number(new URL(defaults.url).port),
          ["POST /dev/x HTTP/1.1", "Host: 127.0.0.1", `Content-Length: ${length}`, "", ""].join(
            "\r\n",
          ),
          { halfClose: false, deadlineMs: 1_000 },
        );
      expect((await head(10 * 1024 * 1024 + 1)).status).toBe(413);
      // At the limit the gateway waits for the body (the client gives up at its deadline).
      expect(await head(10 * 1024 * 1024)).toMatchObject({ status: undefined, closed: false });
    } finally {
      await defaults.close();
    }
  });
});
