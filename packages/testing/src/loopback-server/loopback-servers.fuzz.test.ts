/**
 * Random bytes and random-but-valid HTTP thrown at every loopback server of this package: the
 * process survives, every answer is a well-formed HTTP response with a status below 600, the
 * server still answers a normal request afterwards, and large bodies do not grow memory.
 * Count-bound (no timing assertions); loopback only.
 */
import { METHODS } from "node:http";
import { signRequest } from "@gatehouse/sigv4";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeRaw, portOf, sendHttp } from "../../../../test/support/raw-wire.js";
import { rawHttpInput, httpToken as token } from "../../../../test/support/wire-arbitraries.js";
import type { CognitoIdentityServer } from "../cognito-identity/cognito-identity-server.js";
import { startCognitoIdentityServer } from "../cognito-identity/start-cognito-identity-server.js";
import { createTestIssuer } from "../jwt/create-test-issuer.js";
import type { TestIssuer } from "../jwt/test-issuer.js";
import {
  type SigV4VerifierServer,
  startSigV4Verifier,
} from "../sigv4-verifier/start-sigv4-verifier.js";

const RAW_RUNS = 120;
const HTTP_RUNS = 120;
const KEY = { accessKeyId: "AKIDFUZZ", secretAccessKey: "fuzz/secret+KEY" };
const REGION = "eu-west-1";
const POOL = "us-east-1:11111111-2222-4333-8444-555555555555";
const TARGETS = ["GetId", "GetCredentialsForIdentity", "GetOpenIdToken", "Nope"];

let issuer: TestIssuer;
let identity: CognitoIdentityServer;
let verifier: SigV4VerifierServer;

beforeAll(async () => {
  issuer = await createTestIssuer({ alg: "ES256" });
  identity = await startCognitoIdentityServer({
    pools: [
      {
        identityPoolId: POOL,
        allowUnauthenticated: true,
        providers: { [issuer.url.replace("http://", "")]: { jwks: issuer.jwks() } },
        authenticatedRoleArn: "arn:aws:iam::123456789012:role/Auth",
        unauthenticatedRoleArn: "arn:aws:iam::123456789012:role/Guest",
      },
    ],
  });
  verifier = await startSigV4Verifier({ credentials: [KEY], region: REGION });
});

afterAll(async () => {
  await Promise.all([issuer?.close(), identity?.close(), verifier?.close()]);
});

interface Target {
  name: string;
  url: () => string;
  /** Statuses a random valid request may get; anything else is a bug. */
  statuses: readonly number[];
  /** A normal request, answered `expected` by a healthy server. */
  healthy: () => Promise<{ status: number; expected: number }>;
}

const targets: Target[] = [
  {
    name: "test issuer (JWKS server)",
    url: () => issuer.url,
    statuses: [200, 400, 404, 405],
    healthy: async () => {
      const response = await fetch(issuer.jwksUri);
      await response.arrayBuffer();
      return { status: response.status, expected: 200 };
    },
  },
  {
    name: "Cognito-identity/STS server",
    url: () => identity.url,
    // 500 is left out on purpose: random input must be refused as the client's fault.
    statuses: [200, 204, 400, 403, 404, 413],
    healthy: async () => {
      const response = await fetch(identity.url, {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "AWSCognitoIdentityService.GetId",
        },
        body: JSON.stringify({ IdentityPoolId: POOL }),
      });
      await response.arrayBuffer();
      return { status: response.status, expected: 200 };
    },
  },
  {
    name: "SigV4 verifier",
    url: () => verifier.url,
    statuses: [204, 403, 413],
    healthy: async () => {
      const signed = await signRequest(
        { method: "POST", url: `${verifier.url}/prod/pets`, body: "{}" },
        { credentials: KEY, region: REGION },
      );
      const { host: _host, ...headers } = signed.headers;
      const response = await fetch(signed.url, { method: "POST", headers, body: "{}" });
      await response.arrayBuffer();
      return { status: response.status, expected: 200 };
    },
  },
];

/** Something shaped like a request, with random parts; or raw random bytes. */
const rawInput = rawHttpInput({
  targets: [
    "/",
    "//",
    "//evil.example/x",
    "*",
    "http://evil.example/x",
    "http://[::1",
    "/%zz",
    "/%E0%A4%A",
    "/.well-known/jwks.json",
    "/.well-known/openid-configuration",
    "/../..",
    "",
  ],
  pathPrefix: "/",
  headerLines: [
    "Origin: https://evil.example",
    "Content-Type: application/x-amz-json-1.1",
    "X-Amz-Target: AWSCognitoIdentityService.GetId",
  ],
  postTarget: "/",
});

const method = fc.oneof(
  fc.constantFrom("GET", "POST", "OPTIONS", "HEAD", "PUT", "DELETE"),
  // Node's client and parser know these; CONNECT opens a tunnel, not a request.
  fc.constantFrom(...METHODS.filter((name) => name !== "CONNECT")),
);
const pathSegment = fc.oneof(
  fc.constantFrom("", ".well-known", "jwks.json", "openid-configuration", "%zz", "%2F", "..", "*"),
  fc.string({ maxLength: 8 }).map(encodeURIComponent),
);
const validPath = fc
  .tuple(fc.array(pathSegment, { maxLength: 4 }), fc.option(fc.string({ maxLength: 12 })))
  .map(([segments, query]) => {
    const path = `/${segments.join("/")}`;
    return query === null ? path : `${path}?${encodeURIComponent(query)}`;
  });
const FRAMING = new Set(["connection", "content-length", "transfer-encoding", "host", "expect"]);
const headerValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,30}[\x21-\x7e])?$/);
const headers = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          "content-type",
          "x-amz-target",
          "origin",
          "authorization",
          "x-amz-date",
          "access-control-request-method",
        ),
        token,
      ),
      fc.oneof(
        headerValue,
        fc.constantFrom(
          "application/x-amz-json-1.1",
          "application/x-www-form-urlencoded",
          ...TARGETS.map((name) => `AWSCognitoIdentityService.${name}`),
          "http://127.0.0.1:5173",
        ),
      ),
    ),
    { maxLength: 5 },
  )
  .map((pairs) => {
    const out: Record<string, string> = {};
    for (const [name, value] of pairs) {
      if (!FRAMING.has(name.toLowerCase())) out[name] = value;
    }
    return out;
  });
const body = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 300 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? ""),
  fc
    .record({
      IdentityPoolId: fc.oneof(fc.constant(POOL), fc.string({ maxLength: 20 })),
      IdentityId: fc.oneof(fc.constant(`us-east-1:${"0".repeat(8)}`), fc.string()),
      Logins: fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 })),
      AccountId: fc.string({ maxLength: 12 }),
    })
    .map((input) => JSON.stringify(input)),
  fc
    .dictionary(fc.constantFrom("Action", "Version", "RoleArn", "WebIdentityToken"), fc.string())
    .map((form) => new URLSearchParams(form).toString()),
);

describe.each(targets)("$name under random input", (target) => {
  it(`answers ${RAW_RUNS} random byte sequences with well-formed HTTP errors, and keeps serving`, async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(rawInput, async (bytes) => {
        const answer = await exchangeRaw(portOf(target.url()), bytes);
        // The server ends the exchange itself (the client half-closed after writing).
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
    const after = await target.healthy();
    expect(after.status).toBe(after.expected);
  }, 60_000);

  it(`answers ${HTTP_RUNS} random valid requests with an expected status, and keeps serving`, async () => {
    await fc.assert(
      fc.asyncProperty(method, validPath, headers, body, async (verb, path, extra, payload) => {
        const withBody = payload !== "" && verb !== "HEAD";
        const answer = await sendHttp(`${target.url().replace(/\/$/, "")}${path}`, {
          method: verb,
          headers: withBody
            ? { ...extra, "content-length": String(Buffer.byteLength(payload)) }
            : extra,
          ...(withBody ? { body: payload } : {}),
        });
        if ("error" in answer) throw new Error(`${verb} ${path}: ${answer.error}`);
        expect(target.statuses).toContain(answer.status);
      }),
      { numRuns: HTTP_RUNS },
    );
    const after = await target.healthy();
    expect(after.status).toBe(after.expected);
  }, 60_000);
});

describe("memory under large bodies", () => {
  const BODY_MIB = 64;
  const REQUESTS = 3;
  // Far below what buffering one of the bodies would take, far above the servers' 1 MiB limit.
  const BOUND_BYTES = 32 * 1024 * 1024;

  function used(): number {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  }

  it.each(targets)(
    `$name stays bounded under ${REQUESTS} streamed ${BODY_MIB} MiB bodies`,
    async (target) => {
      const chunk = Buffer.alloc(256 * 1024, 120);
      const before = used();
      let peak = before;
      const answers: Array<number | string> = [];
      for (let index = 0; index < REQUESTS; index += 1) {
        const answer = await sendHttp(new URL("/", target.url()).href, {
          method: "POST",
          headers: { "content-type": "application/x-amz-json-1.1" },
          stream: {
            chunk,
            times: (BODY_MIB * 1024 * 1024) / chunk.length,
            onWrite: () => {
              peak = Math.max(peak, used());
            },
          },
        });
        peak = Math.max(peak, used());
        answers.push("error" in answer ? answer.error : answer.status);
      }
      expect(peak - before).toBeLessThan(BOUND_BYTES);
      for (const status of answers) expect([405, 413]).toContain(status);
      const after = await target.healthy();
      expect(after.status).toBe(after.expected);
    },
  );
});
