/**
 * The wire-level sibling of gateway.fuzz.e2e.test.ts: random bytes on raw sockets, random valid
 * HTTP (any method, unusual paths, headers, bodies), integrations returning random results, and
 * large bodies. The process survives, every answer is well-formed HTTP with a status below 600,
 * the gateway still answers a normal request afterwards, and memory stays bounded.
 * Count-bound (no timing assertions); loopback only.
 */
import { METHODS } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawHttpInput, httpToken as token } from "../../../../test/support/wire-arbitraries.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";
import { exchangeRaw, sendHttp } from "./test-support.js";

const RAW_RUNS = 150;
const HTTP_RUNS = 150;
const RESULT_RUNS = 150;
const LIMIT = 256 * 1024;

let gw: LocalGateway;
let port: number;
/** The next result the `/random` integrations return (set per fast-check run). */
let nextResult: unknown;

beforeAll(async () => {
  const random = () => nextResult;
  gw = await startLocalGateway({
    maxBodyBytes: LIMIT,
    apis: [
      {
        type: "REST",
        name: "rest",
        routes: [
          { method: "GET", resource: "/open", auth: "NONE", handler: () => ({ statusCode: 200 }) },
          { method: "ANY", resource: "/random", auth: "NONE", handler: random },
          { method: "ANY", resource: "/iam/{proxy+}", auth: "AWS_IAM", handler: random },
        ],
      },
      {
        type: "HTTP",
        name: "http",
        basePath: "/http",
        routes: [
          { routeKey: "ANY /random", auth: "NONE", handler: random },
          { routeKey: "$default", auth: "NONE", handler: () => ({ statusCode: 204 }) },
        ],
      },
      { type: "WEBSOCKET", name: "ws", basePath: "/ws", connect: { auth: "NONE" } },
    ],
  });
  port = Number(new URL(gw.url).port);
});

afterAll(async () => {
  await gw?.close();
});

async function expectHealthy(): Promise<void> {
  const response = await fetch(`${gw.url}/dev/open`);
  await response.arrayBuffer();
  expect(response.status).toBe(200);
}

/** Bytes shaped like a request to the gateway's stages and APIs, or random bytes. */
const rawInput = rawHttpInput({
  targets: [
    "/",
    "//",
    "//evil.example/x",
    "*",
    "http://evil.example/dev/open",
    "http://[::1",
    "/dev/%zz",
    "/dev/%E0%A4%A",
    "/dev/random",
    "/http/random",
    "/ws/dev",
    "/dev/iam/x",
    "/dev/../..",
    "",
  ],
  pathPrefix: "/dev/",
  headerLines: [
    "Connection: Upgrade",
    "Upgrade: websocket",
    "Upgrade: h2c",
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    "X-Forwarded-For: not-an-ip",
  ],
  postTarget: "/dev/random",
});

describe("the local gateway under random input on the wire", () => {
  it(`answers ${RAW_RUNS} random byte sequences with well-formed HTTP, and keeps serving`, async () => {
    nextResult = { statusCode: 200, body: "ok" };
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(rawInput, async (bytes) => {
        const answer = await exchangeRaw(port, bytes);
        // The gateway ends the exchange itself (the client half-closed after writing).
        expect(answer.closed).toBe(true);
        if (answer.raw.length === 0) return;
        answered += 1;
        expect(answer.wellFormed).toBe(true);
        expect(answer.status).toBeGreaterThanOrEqual(100);
        expect(answer.status).toBeLessThan(600);
      }),
      { numRuns: RAW_RUNS },
    );
    expect(answered).toBeGreaterThan(RAW_RUNS / 2);
    await expectHealthy();
  }, 60_000);

  it(`answers ${HTTP_RUNS} random valid requests with the gateway's statuses, and keeps serving`, async () => {
    nextResult = { statusCode: 200, body: "ok" };
    const method = fc.oneof(
      fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"),
      fc.constantFrom(...METHODS.filter((name) => name !== "CONNECT")),
    );
    const segment = fc.oneof(
      fc.constantFrom("dev", "http", "ws", "open", "random", "iam", "", "%zz", "%2F", "..", "*"),
      fc.string({ maxLength: 8 }).map(encodeURIComponent),
    );
    const path = fc
      .tuple(fc.array(segment, { maxLength: 4 }), fc.option(fc.string({ maxLength: 12 })))
      .map(([segments, query]) => {
        const joined = `/${segments.join("/")}`;
        return query === null ? joined : `${joined}?${encodeURIComponent(query)}`;
      });
    const headerValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,30}[\x21-\x7e])?$/);
    const FRAMING = new Set([
      "connection",
      "content-length",
      "transfer-encoding",
      "host",
      "expect",
      "upgrade",
    ]);
    const headers = fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom("authorization", "x-amz-date", "cookie"), token),
          headerValue,
        ),
        {
          maxLength: 5,
        },
      )
      .map((pairs) => {
        const out: Record<string, string> = {};
        for (const [name, value] of pairs) if (!FRAMING.has(name.toLowerCase())) out[name] = value;
        return out;
      });
    const body = fc.oneof(
      fc.constant(""),
      fc.string({ maxLength: 300 }),
      // JSON text: String() throws for an object whose `toString` key is not a function.
      fc.jsonValue().map((value) => JSON.stringify(value)),
    );
    // API Gateway's own answers, 204 from the HTTP API's $default, 400 for a target that is no path.
    const statuses = [200, 204, 400, 403, 404, 414];
    await fc.assert(
      fc.asyncProperty(method, path, headers, body, async (verb, target, extra, payload) => {
        const withBody = payload !== "" && verb !== "HEAD";
        const answer = await sendHttp(`${gw.url}${target}`, {
          method: verb,
          headers: withBody
            ? { ...extra, "content-length": String(Buffer.byteLength(payload)) }
            : extra,
          ...(withBody ? { body: payload } : {}),
        });
        if ("error" in answer) throw new Error(`${verb} ${target}: ${answer.error}`);
        expect(statuses).toContain(answer.status);
      }),
      { numRuns: HTTP_RUNS },
    );
    await expectHealthy();
  }, 60_000);

  it(`maps ${RESULT_RUNS} random integration results to a response or 502/500, never a crash`, async () => {
    const headerMap = fc.dictionary(
      fc.oneof(token, fc.string({ maxLength: 10 })),
      fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant("a\r\nb")),
      { maxKeys: 4 },
    );
    const result = fc.oneof(
      fc.record(
        {
          statusCode: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer(), fc.string()),
          headers: headerMap,
          multiValueHeaders: fc.dictionary(
            token,
            fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
            {
              maxKeys: 2,
            },
          ),
          cookies: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }),
          body: fc.oneof(fc.string({ maxLength: 50 }), fc.constant(null), fc.integer()),
          isBase64Encoded: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      fc.anything({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(
        result,
        fc.constantFrom("/dev/random", "/http/random"),
        async (value, target) => {
          nextResult = value;
          const answer = await sendHttp(`${gw.url}${target}`);
          if ("error" in answer) throw new Error(`${target}: ${answer.error}`);
          expect(answer.status).toBeGreaterThanOrEqual(100);
          expect(answer.status).toBeLessThan(600);
          // No header the integration wrote can split the response.
          for (const values of Object.values(answer.headers)) {
            for (const item of [values ?? []].flat()) expect(item).not.toMatch(/[\r\n]/);
          }
        },
      ),
      { numRuns: RESULT_RUNS },
    );
    await expectHealthy();
  }, 60_000);

  it("stays bounded in memory under 3 streamed 64 MiB bodies", async () => {
    const used = () => {
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    const chunk = Buffer.alloc(256 * 1024, 120);
    const before = used();
    let peak = before;
    const answers: Array<number | string> = [];
    for (let index = 0; index < 3; index += 1) {
      const answer = await sendHttp(`${gw.url}/dev/random`, {
        method: "POST",
        stream: { chunk, times: 256, onWrite: () => (peak = Math.max(peak, used())) },
      });
      peak = Math.max(peak, used());
      answers.push("error" in answer ? answer.error : answer.status);
    }
    // Buffering one 64 MiB body would pass this bound; the 256 KiB limit stays far below it.
    expect(peak - before).toBeLessThan(32 * 1024 * 1024);
    expect(answers).toEqual([413, 413, 413]);
    await expectHealthy();
  });
});
