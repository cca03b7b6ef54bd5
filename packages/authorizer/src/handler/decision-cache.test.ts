import { restTokenEvent } from "@gatehouse/testing";
import { describe, expect, it } from "vitest";
import type { DecisionLog } from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { DecisionCache } from "./internal/decision-cache.js";
import { FAKE_NOW_SECONDS, fakeVerifier } from "./test-support.js";

const START = FAKE_NOW_SECONDS * 1000;
const OTHER_STAGE = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/test/GET/pets";

function setup(
  options: {
    cacheUntil?: number;
    exp?: number;
    cache?: false | { maxEntries?: number; ttlSeconds?: number };
  } = {},
) {
  let clock = START;
  const verifier = fakeVerifier(
    {
      "tok.alice": { sub: "alice", exp: options.exp ?? FAKE_NOW_SECONDS + 3600 },
      "tok.bob": { sub: "bob" },
    },
    options.cacheUntil === undefined ? {} : { cacheUntil: options.cacheUntil },
  );
  const logs: DecisionLog[] = [];
  const handler = createAuthorizer({
    verifier,
    now: () => clock,
    hooks: { onDecision: (log) => logs.push(log) },
    ...(options.cache === undefined ? {} : { cache: options.cache }),
  });
  return {
    verifier,
    handler,
    logs,
    advance: (seconds: number) => {
      clock += seconds * 1000;
    },
  };
}

describe("decision cache", () => {
  it("skips the verifier for a repeated token", async () => {
    const { verifier, handler } = setup();
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    expect(verifier.calls).toBe(1);
  });

  it("reports the hit as cached in the decision log", async () => {
    const { handler, logs } = setup();
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    expect(logs.map((log) => log.cached)).toEqual([false, true]);
  });

  it("returns the same response from the cache as from verification", async () => {
    const { handler } = setup();
    const first = await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    expect(await handler(restTokenEvent({ token: "Bearer tok.alice" }))).toEqual(first);
  });

  it("verifies each token separately", async () => {
    const { verifier, handler } = setup();
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    await handler(restTokenEvent({ token: "Bearer tok.bob" }));
    expect(verifier.calls).toBe(2);
  });

  it("does not reuse a decision across stages", async () => {
    const { verifier, handler } = setup();
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    await handler(restTokenEvent({ token: "Bearer tok.alice", methodArn: OTHER_STAGE }));
    expect(verifier.calls).toBe(2);
  });

  it("verifies again once the token has expired", async () => {
    const { verifier, handler, advance } = setup({ exp: FAKE_NOW_SECONDS + 60 });
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    advance(61);
    await handler(restTokenEvent({ token: "Bearer tok.alice" })).catch(() => undefined);
    expect(verifier.calls).toBe(2);
  });

  it("verifies again after the verifier's cacheUntil", async () => {
    const { verifier, handler, advance } = setup({ cacheUntil: FAKE_NOW_SECONDS + 30 });
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    advance(31);
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    expect(verifier.calls).toBe(2);
  });

  it("verifies again after its own TTL", async () => {
    const { verifier, handler, advance } = setup({ cache: { ttlSeconds: 10 } });
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    advance(11);
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    expect(verifier.calls).toBe(2);
  });

  it("still hits within every limit", async () => {
    const { verifier, handler, advance } = setup({
      cache: { ttlSeconds: 10 },
      cacheUntil: FAKE_NOW_SECONDS + 30,
    });
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    advance(9);
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    expect(verifier.calls).toBe(1);
  });

  it("evicts the least recently used token beyond maxEntries", async () => {
    const { verifier, handler } = setup({ cache: { maxEntries: 1 } });
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    await handler(restTokenEvent({ token: "Bearer tok.bob" }));
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    expect(verifier.calls).toBe(3);
  });

  it("verifies every time with cache: false", async () => {
    const { verifier, handler } = setup({ cache: false });
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    expect(verifier.calls).toBe(2);
  });

  it("does not remember a rejected token", async () => {
    const { verifier, handler } = setup();
    await handler(restTokenEvent({ token: "Bearer tok.mallory" })).catch(() => undefined);
    await handler(restTokenEvent({ token: "Bearer tok.mallory" })).catch(() => undefined);
    expect(verifier.calls).toBe(2);
  });

  it("does not remember a request-only decision", async () => {
    const verifier = fakeVerifier({ "tok.alice": { sub: "alice" } });
    const handler = createAuthorizer({
      verifier,
      now: () => START,
      authorize: () => ({ allow: { requestOnly: true, authorizerTtlSeconds: 0 } }),
    });
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    expect(verifier.calls).toBe(2);
  });

  it("keys on a SHA-256 digest, never the token", async () => {
    const key = await DecisionCache.key(
      "tok.alice",
      "rest-token\0arn:aws:execute-api:eu-west-1:1:a/prod",
    );
    expect({ hex: /^[0-9a-f]{64}$/.test(key), containsToken: key.includes("tok.alice") }).toEqual({
      hex: true,
      containsToken: false,
    });
  });
});

describe("decision cache: responses handed out", () => {
  it("gives every call its own copy (changing one never leaks into the next hit)", async () => {
    const { handler, logs } = setup();
    const first = (await handler(restTokenEvent({ token: "Bearer tok.alice" }))) as {
      principalId: string;
      policyDocument: { Statement: { Resource: string[] }[] };
      context?: Record<string, unknown>;
    };
    const pristine = structuredClone(first);
    first.principalId = "mallory";
    first.policyDocument.Statement[0]?.Resource.push("arn:aws:execute-api:*:*:*/*");
    if (first.context !== undefined) first.context["sub"] = "mallory";
    const second = await handler(restTokenEvent({ token: "Bearer tok.alice" }));
    expect(logs.map((log) => log.cached)).toEqual([false, true]);
    expect(second).toEqual(pristine);
  });

  it("tells allowed and denied routes apart on a hit (one decision, many routes)", async () => {
    const verifier = fakeVerifier({ "tok.alice": { sub: "alice", scope: "pets/read" } });
    const logs: DecisionLog[] = [];
    const handler = createAuthorizer({
      verifier,
      now: () => START,
      routes: {
        "GET /pets/{id}": { scopes: ["pets/read"] },
        "POST /pets": { scopes: ["pets/write"] },
      },
      hooks: { onDecision: (log) => logs.push(log) },
    });
    await handler(restTokenEvent({ token: "Bearer tok.alice", method: "GET", path: "/pets/1" }));
    await handler(restTokenEvent({ token: "Bearer tok.alice", method: "POST", path: "/pets" }));
    await handler(restTokenEvent({ token: "Bearer tok.alice", method: "GET", path: "/pets/2" }));
    expect(logs.map((log) => [log.outcome, log.cached])).toEqual([
      ["allow", false],
      ["deny", true],
      ["allow", true],
    ]);
  });
});
