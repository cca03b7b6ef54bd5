import { METHODS, request } from "node:http";
import { createAuthorizer, jwtVerifier } from "@gatehouse/authorizer";
import { composeResourcePolicy, ipDenylist } from "@gatehouse/policy";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayDecisionRecord } from "../config/gateway-config.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

const RUNS = 200;
/**
 * Statuses this gateway may answer (no integration here fails or returns anything but 200); 414
 * is the answer to a path a method ARN cannot carry (a decoded control character).
 */
const API_GATEWAY_STATUSES = new Set([200, 401, 403, 404, 414, 500]);
const PROTECTED_ROUTES = new Set(["GET /pets/{id}", "POST /pets", "ANY /admin/{proxy+}"]);
/** Headers whose random values would break the HTTP framing rather than test the gateway. */
const FRAMING_HEADERS = new Set([
  "connection",
  "content-length",
  "expect",
  "host",
  "keep-alive",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface Answer {
  status: number;
  record: GatewayDecisionRecord | undefined;
}

const ok = () => ({ statusCode: 200, body: "ok" });

const token = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_/%{}+.~"),
  maxLength: 12,
});
const segment = fc.oneof(
  fc.constantFrom(
    "pets",
    "open",
    "admin",
    "7",
    "..",
    ".",
    "{id}",
    "{proxy+}",
    "%2F",
    "%00",
    "%zz",
    "*",
    "$connect",
  ),
  token,
  fc.string({ maxLength: 8 }).map(encodeURIComponent),
);
const randomPath = fc
  .tuple(
    fc.constantFrom("/dev", "/dev", "/dev", "", "/prod", "/dev/"),
    fc.array(segment, { maxLength: 5 }),
    fc.array(fc.tuple(token, fc.string({ maxLength: 10 })), { maxLength: 3 }),
  )
  .map(([stage, segments, query]) => {
    const pathPart = `${stage}/${segments.join("/")}`;
    const queryPart = query
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
      .join("&");
    return queryPart === "" ? pathPart : `${pathPart}?${queryPart}`;
  });
// Requests shaped like the routes, so protected routes are reached often.
const routeShaped = fc.oneof(
  fc.tuple(
    fc.constant("GET"),
    token.map((id) => `/dev/pets/${id === "" ? "1" : id}`),
  ),
  fc.tuple(fc.constant("POST"), fc.constantFrom("/dev/pets", "/dev/pets?x=1")),
  fc.tuple(
    fc.constantFrom("GET", "DELETE", "PATCH"),
    fc.array(token, { minLength: 1, maxLength: 3 }).map((rest) => `/dev/admin/${rest.join("/")}`),
  ),
  fc.tuple(fc.constant("GET"), fc.constant("/dev/open")),
);
// Methods Node's parser accepts (others get its own 400); CONNECT opens a tunnel, not a request.
const method = fc.oneof(
  fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"),
  fc.constantFrom(...METHODS.filter((name) => name !== "CONNECT")),
);
const headerName = fc.oneof(
  fc.constantFrom(
    "X-Forwarded-For",
    "Cookie",
    "Content-Type",
    "User-Agent",
    "Referer",
    "__proto__",
    "constructor",
  ),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,15}$/),
);
// Visible ASCII and spaces: what Node lets a client send.
const headerValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,30}[\x21-\x7e])?$/);
const forwardedFor = fc.constantFrom(
  "203.0.113.9",
  "198.51.100.7",
  "203.0.113.250, 10.0.0.1",
  "not-an-ip",
  "::1",
);
type Credential = "none" | "valid" | "forged" | "wrong-audience" | "garbage" | "no-bearer";
const credential = fc.constantFrom<Credential>(
  "none",
  "valid",
  "valid",
  "forged",
  "wrong-audience",
  "garbage",
  "no-bearer",
);

/** Sends one request over a fresh loopback connection; resolves with the status, never rejects. */
function send(gw: LocalGateway, sent: Sent, last: () => GatewayDecisionRecord | undefined) {
  return new Promise<Answer | string>((resolve) => {
    const req = request(
      `${gw.url}${sent.path}`,
      { method: sent.method, headers: sent.headers, agent: false, timeout: 5_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, record: last() }));
        res.on("error", (error) => resolve(`response error: ${error.message}`));
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer in 5 s")));
    req.on("error", (error) => resolve(`request error: ${error.message}`));
    req.end(sent.body === "" ? undefined : sent.body);
  });
}

describe("local gateway under random requests", () => {
  let issuer: TestIssuer;
  let gw: LocalGateway;
  let tokens: Record<Exclude<Credential, "none">, string>;
  let lastRecord: GatewayDecisionRecord | undefined;

  beforeAll(async () => {
    issuer = await createTestIssuer({ alg: "ES256" });
    const valid = await issuer.mintToken({ sub: "user-1", aud: "api" });
    const signature = valid.slice(valid.lastIndexOf(".") + 1);
    tokens = {
      valid: `Bearer ${valid}`,
      forged: `Bearer ${valid.slice(0, valid.lastIndexOf(".") + 1)}${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`,
      "wrong-audience": `Bearer ${await issuer.mintToken({ sub: "user-1", aud: "other" })}`,
      garbage: "Bearer not.a.jwt",
      "no-bearer": "Basic dXNlcjpwYXNz",
    };
    const handler = createAuthorizer({
      verifier: jwtVerifier({
        issuer: issuer.issuer,
        audience: "api",
        jwksUri: issuer.jwksUri,
        algorithms: ["ES256"],
      }),
      routes: { "GET /pets/{id}": {}, "POST /pets": {} },
    });
    gw = await startLocalGateway({
      trustForwardedFor: true,
      onDecision: (record) => {
        lastRecord = record;
      },
      apis: [
        {
          type: "REST",
          name: "rest",
          // No Allow for the authorizer's methods: ANY /admin/{proxy+}, which its route table does
          // not list, stays refused (Table A).
          resourcePolicy: composeResourcePolicy([ipDenylist({ cidrs: ["203.0.113.0/24"] })], {
            authTypes: { "GET /open": "NONE", "*": "LAMBDA" },
          }),
          authorizers: { auth: { type: "TOKEN", handler } },
          routes: [
            { method: "GET", resource: "/open", auth: "NONE", handler: ok },
            { method: "GET", resource: "/pets/{id}", auth: { authorizer: "auth" }, handler: ok },
            { method: "POST", resource: "/pets", auth: { authorizer: "auth" }, handler: ok },
            {
              method: "ANY",
              resource: "/admin/{proxy+}",
              auth: { authorizer: "auth" },
              handler: ok,
            },
          ],
        },
      ],
    });
  });

  afterAll(async () => {
    await gw?.close();
    await issuer?.close();
  });

  it(`always answers with API Gateway's statuses, and 200 on a protected route only with a valid token (${RUNS} runs)`, async () => {
    let protectedAllowed = 0;
    const target = fc.oneof(
      { arbitrary: routeShaped, weight: 3 },
      { arbitrary: fc.tuple(method, randomPath), weight: 2 },
    );
    const requests = fc.record({
      target,
      credential,
      forwardedFor: fc.option(forwardedFor, { nil: undefined }),
      extra: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
      body: fc.oneof(fc.constant(""), fc.string({ maxLength: 200 })),
    });
    await fc.assert(
      fc.asyncProperty(requests, async ({ target, ...input }) => {
        const [method, path] = target as [string, string];
        const headers: Record<string, string> = {};
        for (const [name, value] of input.extra) {
          const lower = name.toLowerCase();
          if (FRAMING_HEADERS.has(lower) || lower === "authorization") continue;
          Object.defineProperty(headers, name, { value, enumerable: true, writable: true });
        }
        if (input.forwardedFor !== undefined) headers["X-Forwarded-For"] = input.forwardedFor;
        // Node's client frames a GET body only with an explicit length.
        if (input.body !== "") headers["Content-Length"] = String(Buffer.byteLength(input.body));
        if (input.credential !== "none") headers["Authorization"] = tokens[input.credential];
        lastRecord = undefined;
        const answer = await send(
          gw,
          { method, path, headers, body: input.body },
          () => lastRecord,
        );
        if (typeof answer === "string") throw new Error(answer);
        expect(API_GATEWAY_STATUSES).toContain(answer.status);
        if (answer.status === 200) {
          const route = answer.record?.route ?? "";
          // The authorizer's route table does not list it and the resource policy has no Allow
          // for authorized methods: its silence is a deny (Table A).
          expect(route).not.toBe("ANY /admin/{proxy+}");
          if (PROTECTED_ROUTES.has(route)) {
            expect(input.credential).toBe("valid");
            protectedAllowed++;
          }
          const client = (input.forwardedFor ?? "127.0.0.1").split(",")[0]?.trim() ?? "";
          expect(client.startsWith("203.0.113.")).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
    // The property saw the allowed side too, not only refusals.
    expect(protectedAllowed).toBeGreaterThan(0);
    // The gateway still serves after the random requests.
    const after = await send(
      gw,
      { method: "GET", path: "/dev/pets/1", headers: { Authorization: tokens.valid }, body: "" },
      () => lastRecord,
    );
    expect(after).toMatchObject({ status: 200 });
  }, 120_000);
});
