import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type AnyRequestHandler,
  endless as endlessBody,
  hang,
  type MisbehavingServer,
  startMisbehavingServer,
  trickle as trickleEvery,
} from "../../../../test/support/misbehaving-server.js";
import { jwtVerifier } from "../verifier/jwt-verifier.js";
import { JwksCache } from "./jwks-cache.js";

// Deadlines, size caps and abort signals of every JWKS fetch, against plain node:http servers that
// misbehave on loopback. Deadlines are small injected values, never the 1.5 s default.

const T0 = Date.UTC(2030, 0, 1);
const now = () => T0;

const JSON_TYPE = "application/json";
const servers: MisbehavingServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A JWKS endpoint on loopback that answers with `handler`. */
async function serve(handler: AnyRequestHandler) {
  const server = await startMisbehavingServer(handler);
  servers.push(server);
  return {
    url: `${server.url}.well-known/jwks.json`,
    requests: () => server.requests.length,
    written: server.written,
  };
}

/** 200 at once, then one byte of JSON whitespace every 10 ms, never ending. */
const trickle = trickleEvery(10, JSON_TYPE);
/** 200 with a body that never ends, no Content-Length. */
const endless = endlessBody(JSON_TYPE, `{"keys":[${" ".repeat(64 * 1024)}`);

beforeAll(async () => {
  // The first fetch of a process loads its HTTP client: not part of any deadline under test.
  const warm = await serve((_request, response) => response.end("{}"));
  await fetch(warm.url).then((response) => response.text());
});

describe("JWKS endpoints that misbehave", () => {
  it("one that accepts the request and never answers: jwks_timeout after timeoutMs", async () => {
    const { url, requests } = await serve(hang);
    // 1 s, not 100 ms: on a loaded CI machine the connection may take longer than 100 ms to reach
    // the handler, and then the deadline would fire before the request was ever accepted.
    const cache = new JwksCache({ now, timeoutMs: 1000 });
    await expect(cache.getJwks(url)).rejects.toThrowCode("jwks_timeout");
    expect(requests()).toBe(1);
  });

  it("one that answers 200 and trickles a byte at a time: the body read counts (jwks_timeout)", async () => {
    const { url } = await serve(trickle);
    const cache = new JwksCache({ now, timeoutMs: 150 });
    await expect(cache.getJwks(url)).rejects.toThrowCode("jwks_timeout");
  });

  it("one whose body never ends: jwks_too_large at maxResponseBytes, and the client hangs up", async () => {
    const { url, written } = await serve(endless);
    const cache = new JwksCache({ now, maxResponseBytes: 256 * 1024 });
    await expect(cache.getJwks(url)).rejects.toThrowCode("jwks_too_large");
    expect(written()).toBeLessThan(32 * 1024 * 1024);
  });

  it("a fetch option that ignores its signal is bounded all the same", async () => {
    const cache = new JwksCache({
      now,
      timeoutMs: 50,
      fetch: () => new Promise<Response>(() => undefined),
    });
    await expect(cache.getJwks("https://keys.example.com/jwks.json")).rejects.toThrowCode(
      "jwks_timeout",
    );
  });

  it("a fetch option whose body never ends is bounded all the same", async () => {
    const cache = new JwksCache({
      now,
      timeoutMs: 50,
      fetch: async () =>
        new Response(new ReadableStream({ pull: () => new Promise(() => undefined) })),
    });
    await expect(cache.getJwks("https://keys.example.com/jwks.json")).rejects.toThrowCode(
      "jwks_timeout",
    );
  });

  it("a hung fetch does not stay in flight: after the error backoff the next call fetches again", async () => {
    let calls = 0;
    const issuer = await createTestIssuer({ now });
    try {
      const cache = new JwksCache({
        now,
        timeoutMs: 500,
        errorBackoffSeconds: 0,
        fetch: (input, init) => {
          calls += 1;
          return calls === 1 ? new Promise<Response>(() => undefined) : fetch(input, init);
        },
      });
      await expect(cache.getJwks(issuer.jwksUri)).rejects.toThrowCode("jwks_timeout");
      await expect(cache.getJwks(issuer.jwksUri)).resolves.toBeDefined();
      expect(calls).toBe(2);
    } finally {
      await issuer.close();
    }
  });
});

describe("AbortSignal", () => {
  let issuer: TestIssuer;
  afterEach(async () => {
    await issuer?.close();
  });

  it("getJwks(uri, { signal }) rejects promptly with jwks_aborted, the reason as cause", async () => {
    const { url } = await serve(hang);
    const cache = new JwksCache({ now, timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = cache.getJwks(url, { signal: controller.signal });
    const reason = new Error("shutting down");
    controller.abort(reason);
    await expect(pending).rejects.toThrowCode("jwks_aborted", { cause: reason });
  });

  it("an abort leaves the shared fetch to the other callers", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    issuer = await createTestIssuer({ now });
    const cache = new JwksCache({
      now,
      timeoutMs: 60_000,
      fetch: async (input, init) => {
        await gate;
        return fetch(input, init);
      },
    });
    const controller = new AbortController();
    const aborted = cache.getJwks(issuer.jwksUri, { signal: controller.signal });
    const other = cache.getJwks(issuer.jwksUri);
    controller.abort();
    await expect(aborted).rejects.toThrowCode("jwks_aborted");
    release();
    expect((await other).keys.length).toBeGreaterThan(0);
    expect(issuer.jwksRequests).toBe(1);
  });

  it("verifier.hydrate({ signal }) rejects with jwks_aborted", async () => {
    const { url } = await serve(hang);
    const verifier = jwtVerifier({
      issuer: "https://issuer.example.com/",
      audience: null,
      jwksUri: url,
      algorithms: ["RS256"],
      jwksCache: { now, timeoutMs: 60_000 },
    });
    await expect(verifier.hydrate({ signal: AbortSignal.abort() })).rejects.toThrowCode(
      "jwks_aborted",
    );
  });

  it("a verification against a hung endpoint fails closed with jwks_timeout", async () => {
    issuer = await createTestIssuer({ now });
    const { url } = await serve(hang);
    const verifier = jwtVerifier({
      issuer: issuer.issuer,
      audience: null,
      jwksUri: url,
      algorithms: ["RS256"],
      now,
      jwksCache: { now, timeoutMs: 100 },
    });
    await expect(verifier.verify(await issuer.mintToken({}))).rejects.toThrowCode("jwks_timeout");
  });
});
