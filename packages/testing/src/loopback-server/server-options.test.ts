import { signRequest } from "@gatehouse/sigv4";
import { afterEach, describe, expect, it } from "vitest";
import { sendHttp } from "../../../../test/support/raw-wire.js";
import { startCognitoIdentityServer } from "../cognito-identity/start-cognito-identity-server.js";
import { createTestIssuer } from "../jwt/create-test-issuer.js";
import { startSigV4Verifier } from "../sigv4-verifier/start-sigv4-verifier.js";
import type { LoopbackServerOptions } from "./loopback-server-options.js";

const KEY = { accessKeyId: "AKIDOPTIONS", secretAccessKey: "options/secret+KEY" };
const REGION = "eu-west-1";
const POOL = "us-east-1:11111111-2222-4333-8444-555555555555";

interface Running {
  url: string;
  close(): Promise<void>;
}

interface Server {
  name: string;
  start(options: LoopbackServerOptions & { now?: () => number }): Promise<Running>;
  /** Exposed header both servers list. */
  exposed: string;
  /** The error body of a 413. */
  tooLarge: Record<string, string>;
  /** A request the server answers 200 when the body is at most `size` bytes. */
  accepted(url: string, size: number): Promise<number>;
}

const servers: Server[] = [
  {
    name: "startSigV4Verifier",
    start: ({ now, ...options }) =>
      startSigV4Verifier({
        credentials: [KEY],
        region: REGION,
        ...options,
        ...(now === undefined ? {} : { now: () => new Date(now()) }),
      }),
    exposed: "x-amzn-ErrorType",
    tooLarge: { message: "Request Too Long" },
    async accepted(url, size) {
      const signed = await signRequest(
        { method: "POST", url: `${url}/prod/pets`, body: "b".repeat(size) },
        { credentials: KEY, region: REGION },
      );
      const { host: _host, ...headers } = signed.headers;
      const response = await fetch(signed.url, {
        method: "POST",
        headers,
        body: "b".repeat(size),
      });
      await response.arrayBuffer();
      return response.status;
    },
  },
  {
    name: "startCognitoIdentityServer",
    start: (options) =>
      startCognitoIdentityServer({
        pools: [
          {
            identityPoolId: POOL,
            allowUnauthenticated: true,
            authenticatedRoleArn: "arn:aws:iam::123456789012:role/Auth",
            unauthenticatedRoleArn: "arn:aws:iam::123456789012:role/Guest",
          },
        ],
        ...options,
      }),
    exposed: "x-amzn-ErrorType",
    tooLarge: { __type: "SerializationException" },
    async accepted(url, size) {
      const json = JSON.stringify({ IdentityPoolId: POOL });
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "AWSCognitoIdentityService.GetId",
        },
        body: json.padEnd(size, " "),
      });
      await response.arrayBuffer();
      return response.status;
    },
  },
];

describe.each(servers)("$name options", (server) => {
  let running: Running | undefined;

  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  async function get(origin: string | undefined, options: LoopbackServerOptions = {}) {
    running ??= await server.start(options);
    return sendHttp(running.url, { headers: origin === undefined ? {} : { origin } });
  }

  async function preflight(origin: string, options: LoopbackServerOptions = {}) {
    running ??= await server.start(options);
    return sendHttp(running.url, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST" },
    });
  }

  it("answers a page served from loopback with CORS headers by default", async () => {
    for (const origin of ["http://127.0.0.1:5173", "http://localhost:3000", "https://[::1]:8443"]) {
      const answer = await get(origin);
      expect(answer).toMatchObject({
        headers: { "access-control-allow-origin": origin, vary: "Origin" },
      });
    }
  });

  it("never reflects an origin it was not told to allow", async () => {
    for (const origin of [
      "https://evil.example",
      "http://127.0.0.1.evil.example",
      "null",
      "http://localhost.evil.example:80",
    ]) {
      const answer = await get(origin);
      if ("error" in answer) throw new Error(answer.error);
      expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
      expect(answer.headers["access-control-expose-headers"]).toBeUndefined();
      expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
      expect(answer.headers.vary).toBe("Origin");
    }
  });

  it("answers a preflight from another origin without allowing anything", async () => {
    const answer = await preflight("https://evil.example");
    if ("error" in answer) throw new Error(answer.error);
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    expect(answer.headers["access-control-allow-methods"]).toBeUndefined();
    expect(answer.headers["access-control-allow-headers"]).toBeUndefined();
  });

  it("allows exactly the configured origins", async () => {
    const options = { allowedOrigins: ["https://app.example.com", "http://localhost:8080/"] };
    const allowed = await preflight("https://app.example.com", options);
    expect(allowed).toMatchObject({
      status: 204,
      headers: { "access-control-allow-origin": "https://app.example.com" },
    });
    const trailingSlash = await get("http://localhost:8080", options);
    expect(trailingSlash).toMatchObject({
      headers: { "access-control-allow-origin": "http://localhost:8080" },
    });
    const loopback = await get("http://127.0.0.1:5173", options);
    if ("error" in loopback) throw new Error(loopback.error);
    expect(loopback.headers["access-control-allow-origin"]).toBeUndefined();
    const exposed = await get("https://app.example.com", options);
    if ("error" in exposed) throw new Error(exposed.error);
    expect(exposed.headers["access-control-expose-headers"]).toContain(server.exposed);
    expect(exposed.headers["access-control-allow-credentials"]).toBeUndefined();
  });

  it("sends no CORS headers with allowedOrigins: []", async () => {
    const answer = await get("http://127.0.0.1:5173", { allowedOrigins: [] });
    if ("error" in answer) throw new Error(answer.error);
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("refuses allowedOrigins that are not bare origins with TypeError", async () => {
    for (const allowedOrigins of [
      ["*"],
      ["https://app.example.com/path"],
      ["app.example.com"],
      ["ftp://app.example.com"],
      ["https://user@app.example.com"],
      [42],
      "any",
    ]) {
      await expect(
        server.start({ allowedOrigins: allowedOrigins as LoopbackServerOptions["allowedOrigins"] }),
      ).rejects.toThrow(/allowedOrigins/);
    }
  });

  it("reads bodies up to maxBodyBytes and answers a larger one 413", async () => {
    running = await server.start({ maxBodyBytes: 128 });
    expect(await server.accepted(running.url, 128)).toBe(200);
    const answer = await sendHttp(running.url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1" },
      body: "x".repeat(129),
    });
    if ("error" in answer) throw new Error(answer.error);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject(server.tooLarge);
    expect(await server.accepted(running.url, 100)).toBe(200);
  });

  it("refuses a maxBodyBytes that is not a whole number of bytes with TypeError", async () => {
    for (const maxBodyBytes of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(server.start({ maxBodyBytes })).rejects.toThrow(/maxBodyBytes/);
    }
  });

  it("answers 500 when its request handling throws, and keeps serving", async () => {
    let calls = 0;
    running = await server.start({
      now: () => {
        calls += 1;
        // The first request's clock reading throws; the rest read a good clock.
        if (calls === 1) throw new Error("clock failed");
        return Date.now();
      },
    });
    const failed = await sendHttp(running.url, { method: "POST", body: "{}" });
    expect(failed).toMatchObject({ status: 500 });
    expect(await server.accepted(running.url, 100)).toBe(200);
  });
});

describe("createTestIssuer's JWKS server", () => {
  it("answers a GET that carries a body and closes that connection", async () => {
    const issuer = await createTestIssuer();
    try {
      const answer = await sendHttp(issuer.jwksUri, {
        headers: { "content-length": "5" },
        body: "hello",
      });
      expect(answer).toMatchObject({ status: 200, headers: { connection: "close" } });
    } finally {
      await issuer.close();
    }
  });

  it("answers other methods 405 with Allow", async () => {
    const issuer = await createTestIssuer();
    try {
      const answer = await sendHttp(issuer.jwksUri, { method: "DELETE" });
      expect(answer).toMatchObject({ status: 405, headers: { allow: "GET, HEAD" } });
    } finally {
      await issuer.close();
    }
  });
});
