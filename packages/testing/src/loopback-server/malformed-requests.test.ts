import { connect } from "node:net";
import { signRequest } from "@gatehouse/sigv4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeRaw, portOf, sendHttp } from "../../../../test/support/raw-wire.js";
import type { CognitoIdentityServer } from "../cognito-identity/cognito-identity-server.js";
import { startCognitoIdentityServer } from "../cognito-identity/start-cognito-identity-server.js";
import { createTestIssuer } from "../jwt/create-test-issuer.js";
import type { TestIssuer } from "../jwt/test-issuer.js";
import {
  type SigV4VerifierServer,
  startSigV4Verifier,
} from "../sigv4-verifier/start-sigv4-verifier.js";

const KEY = { accessKeyId: "AKIDMALFORMED", secretAccessKey: "malformed/secret+KEY" };
const REGION = "eu-west-1";
const POOL = "us-east-1:11111111-2222-4333-8444-555555555555";

/** A request line plus headers, framed with `Connection: close` so the server ends the exchange. */
function wire(requestLine: string, headers: string[] = [], body = ""): string {
  return [requestLine, "Host: 127.0.0.1", "Connection: close", ...headers, "", body].join("\r\n");
}

interface Target {
  name: string;
  url: () => string;
  /** A request the server answers with `expected` when healthy. */
  healthy: () => Promise<{ status: number; expected: number }>;
  /** The answer to a POST with a body over 1 MiB: 413, or 405 from a server that reads no body. */
  oversized: number;
}

let issuer: TestIssuer;
let identity: CognitoIdentityServer;
let verifier: SigV4VerifierServer;

beforeAll(async () => {
  issuer = await createTestIssuer();
  identity = await startCognitoIdentityServer({
    pools: [
      {
        identityPoolId: POOL,
        allowUnauthenticated: true,
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

const targets: Target[] = [
  {
    name: "test issuer (JWKS server)",
    url: () => issuer.url,
    healthy: async () => {
      const response = await fetch(issuer.jwksUri);
      await response.arrayBuffer();
      return { status: response.status, expected: 200 };
    },
    oversized: 405,
  },
  {
    name: "Cognito-identity/STS server",
    url: () => identity.url,
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
    oversized: 413,
  },
  {
    name: "SigV4 verifier",
    url: () => verifier.url,
    healthy: async () => {
      const signed = await signRequest(
        { method: "GET", url: `${verifier.url}/prod/pets` },
        { credentials: KEY, region: REGION },
      );
      const { host: _host, ...headers } = signed.headers;
      const response = await fetch(signed.url, { headers });
      await response.arrayBuffer();
      return { status: response.status, expected: 200 };
    },
    oversized: 413,
  },
];

/** Malformed or unusual requests, each with the statuses a sound server may answer. */
const cases: Array<{ name: string; bytes: () => string; statuses: readonly number[] }> = [
  { name: "the path //", bytes: () => wire("GET // HTTP/1.1"), statuses: [400, 403, 404] },
  {
    name: "a path that parses as a host, //evil.example/x",
    bytes: () => wire("GET //evil.example/x HTTP/1.1"),
    statuses: [400, 403, 404],
  },
  {
    name: "an absolute-form target",
    bytes: () => wire("GET http://evil.example/.well-known/jwks.json HTTP/1.1"),
    statuses: [200, 400, 403, 404],
  },
  {
    name: "an absolute-form target without a path",
    bytes: () => wire("GET http://[::1 HTTP/1.1"),
    statuses: [400, 403, 404],
  },
  {
    name: "OPTIONS *",
    bytes: () => wire("OPTIONS * HTTP/1.1"),
    statuses: [204, 400, 403, 404, 405],
  },
  {
    name: "invalid percent-encoding",
    bytes: () => wire("GET /%zz/%E0%A4%A/.well-known/jwks.json%ZZ HTTP/1.1"),
    statuses: [400, 403, 404],
  },
  { name: "a method Node's parser refuses", bytes: () => wire("BREW / HTTP/1.1"), statuses: [400] },
  { name: "a garbage request line", bytes: () => "HELLO\r\n\r\n", statuses: [400] },
  {
    name: "headers over Node's limit (431)",
    bytes: () => wire("GET / HTTP/1.1", [`X-Big: ${"a".repeat(20_000)}`]),
    statuses: [431],
  },
  {
    name: "a bad chunk size",
    bytes: () => wire("POST / HTTP/1.1", ["Transfer-Encoding: chunked"], "zz\r\nabc\r\n"),
    // 405 from a server that answers by method without reading the body.
    statuses: [400, 405],
  },
  {
    name: "a GET with a body",
    bytes: () => wire("GET /.well-known/jwks.json HTTP/1.1", ["Content-Length: 5"], "hello"),
    statuses: [200, 403, 404],
  },
  {
    name: "an unsupported method with a JSON body",
    bytes: () =>
      wire("PROPFIND / HTTP/1.1", ["Content-Type: application/json", "Content-Length: 2"], "{}"),
    statuses: [403, 404, 405],
  },
  {
    name: "invalid JSON",
    bytes: () =>
      wire(
        "POST / HTTP/1.1",
        [
          "Content-Type: application/x-amz-json-1.1",
          "X-Amz-Target: AWSCognitoIdentityService.GetId",
          "Content-Length: 9",
        ],
        '{"Ident":',
      ),
    statuses: [400, 403, 405],
  },
];

describe.each(targets)("$name", (target) => {
  it.each(cases)("answers $name with an HTTP error and keeps serving", async (testCase) => {
    const answer = await exchangeRaw(portOf(target.url()), testCase.bytes());
    expect(answer.wellFormed).toBe(true);
    expect(testCase.statuses).toContain(answer.status);
    const after = await target.healthy();
    expect(after.status).toBe(after.expected);
  });

  it("survives a body cut short (the client half-closes mid-body)", async () => {
    const answer = await exchangeRaw(
      portOf(target.url()),
      wire("POST / HTTP/1.1", ["Content-Length: 1000"], "only a little"),
    );
    // Node's parser sees the end of input mid-body: an error status, or a plain close.
    if (answer.status !== undefined) expect(answer.status).toBeGreaterThanOrEqual(400);
    const after = await target.healthy();
    expect(after.status).toBe(after.expected);
  });

  it("survives a client that resets the connection mid-body", async () => {
    await new Promise<void>((resolve) => {
      const socket = connect({ port: portOf(target.url()), host: "127.0.0.1" }, () => {
        socket.write(wire("POST / HTTP/1.1", ["Content-Length: 100000"], "x".repeat(5000)));
        setImmediate(() => {
          socket.resetAndDestroy();
          resolve();
        });
      });
      socket.on("error", () => resolve());
    });
    const after = await target.healthy();
    expect(after.status).toBe(after.expected);
  });

  it("answers a declared body over 1 MiB with 413 (or 405), before reading it", async () => {
    const answer = await sendHttp(new URL("/upload", target.url()).href, {
      method: "POST",
      headers: { "content-length": String(2 * 1024 * 1024), "content-type": "text/plain" },
      stream: { chunk: Buffer.alloc(64 * 1024, 97), times: 32 },
    });
    expect(answer).toMatchObject({ status: target.oversized, headers: { connection: "close" } });
    const after = await target.healthy();
    expect(after.status).toBe(after.expected);
  });

  it("answers a chunked body that grows over 1 MiB with 413 (or 405)", async () => {
    const answer = await sendHttp(new URL("/upload", target.url()).href, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      stream: { chunk: Buffer.alloc(64 * 1024, 97), times: 64 },
    });
    expect(answer).toMatchObject({ status: target.oversized, headers: { connection: "close" } });
    const after = await target.healthy();
    expect(after.status).toBe(after.expected);
  });
});
