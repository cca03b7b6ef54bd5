import { createTestIssuer, restRequestEvent, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwtVerifier } from "../verifier/jwt-verifier.js";
import { multiIssuerVerifier } from "../verifier/multi-issuer-verifier.js";
import type { TokenVerifier } from "../verifier/token-verifier.js";
import type {
  AuthorizeHook,
  AuthorizerRequest,
  AuthorizerWarning,
  DecisionLog,
} from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { createRestTokenAuthorizer } from "./create-rest-token-authorizer.js";
import { FAKE_NOW_SECONDS, fakeVerifier } from "./test-support.js";

const START = FAKE_NOW_SECONDS * 1000;
const ARN = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets";

function statementEffect(response: unknown): string | undefined {
  return (response as { policyDocument?: { Statement?: { Effect?: string }[] } }).policyDocument
    ?.Statement?.[0]?.Effect;
}

/** `allow` / `deny` (a policy) / `unauthorized` (401) for one event. */
async function outcome(
  handler: (event: never) => Promise<unknown>,
  event: unknown,
): Promise<string> {
  try {
    return statementEffect(await handler(event as never)) === "Allow" ? "allow" : "deny";
  } catch (error) {
    if ((error as Error).message === "Unauthorized") return "unauthorized";
    throw error;
  }
}

function fromIp(sourceIp: string, headers: Record<string, string> = {}) {
  return restRequestEvent({
    methodArn: ARN,
    sourceIp,
    headers: { Authorization: "Bearer tok.alice", ...headers },
  });
}

describe("reproduction: an authorize hook that reads the source IP", () => {
  it("allows 10.0.0.1 only, on every request, with the decision cache on", async () => {
    const verifier = fakeVerifier({ "tok.alice": { sub: "alice" } });
    const handler = createAuthorizer({
      verifier,
      now: () => START,
      authorize: (_verified, request) => ({ allow: request.sourceIp === "10.0.0.1" }),
    });
    expect(await outcome(handler, fromIp("10.0.0.1"))).toBe("allow");
    // The same token from another address, within the cache TTL: a fresh decision.
    expect(await outcome(handler, fromIp("10.0.0.2"))).toBe("deny");
    expect(await outcome(handler, fromIp("10.0.0.1"))).toBe("allow");
  });
});

describe("reproduction: a resolveIssuer that reads the event", () => {
  let tenantA: TestIssuer;
  let token: string;
  beforeAll(async () => {
    tenantA = await createTestIssuer({ now: () => START });
    token = await tenantA.mintToken({ sub: "alice", aud: "api" });
  });
  afterAll(() => tenantA.close());

  it("accepts tenant A's issuer only with x-tenant: a, on every request", async () => {
    const verifierA = jwtVerifier({
      issuer: tenantA.issuer,
      audience: "api",
      jwks: tenantA.jwks(),
      algorithms: ["RS256"],
      now: () => START,
    });
    const handler = createAuthorizer({
      verifier: multiIssuerVerifier({
        resolveIssuer: (iss, event) => {
          const headers = (event as { headers?: Record<string, string> }).headers ?? {};
          return iss === tenantA.issuer && headers["x-tenant"] === "a" ? verifierA : null;
        },
      }),
      now: () => START,
    });
    const event = (tenant: string) =>
      restRequestEvent({
        methodArn: ARN,
        headers: { Authorization: `Bearer ${token}`, "x-tenant": tenant },
      });
    expect(await outcome(handler, event("a"))).toBe("allow");
    expect(await outcome(handler, event("b"))).toBe("unauthorized");
  });
});

describe("reproduction: maxTokenAgeSeconds outlived by the cache", () => {
  let issuer: TestIssuer;
  let clock = START;
  beforeAll(async () => {
    issuer = await createTestIssuer({ now: () => clock });
  });
  afterAll(() => issuer.close());

  it("verifies again once the token is older than maxTokenAgeSeconds", async () => {
    clock = START;
    const token = await issuer.mintToken({ sub: "alice", aud: "api" }, { expiresIn: 3600 });
    const verifier: TokenVerifier = jwtVerifier({
      issuer: issuer.issuer,
      audience: "api",
      jwks: issuer.jwks(),
      algorithms: ["RS256"],
      maxTokenAgeSeconds: 60,
      now: () => clock,
    });
    const logs: DecisionLog[] = [];
    const handler = createAuthorizer({
      verifier,
      now: () => clock,
      hooks: { onDecision: (log) => logs.push(log) },
    });
    const event = restRequestEvent({
      methodArn: ARN,
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await outcome(handler, event)).toBe("allow");
    clock = START + 120_000;
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_too_old" });
    expect(await outcome(handler, event)).toBe("unauthorized");
    expect(logs.at(-1)).toMatchObject({
      outcome: "unauthorized",
      code: "token_too_old",
      cached: false,
    });
  });
});

function setup(authorize: unknown, extra: Record<string, unknown> = {}) {
  const verifier = fakeVerifier({ "tok.alice": { sub: "alice" } });
  const logs: DecisionLog[] = [];
  const warnings: AuthorizerWarning[] = [];
  const handler = createAuthorizer({
    verifier,
    now: () => START,
    authorize: authorize as AuthorizeHook,
    hooks: { onDecision: (log) => logs.push(log), onWarning: (w) => warnings.push(w) },
    ...extra,
  });
  return { verifier, handler, logs, warnings };
}

describe("authorize: { decide, cacheInputs }", () => {
  it("caches per declared source IP: a hit only for an equal address", async () => {
    const { verifier, handler, logs } = setup({
      cacheInputs: ["sourceIp"],
      decide: (_verified: unknown, request: AuthorizerRequest) => ({
        allow: request.sourceIp === "10.0.0.1",
      }),
    });
    expect(await outcome(handler, fromIp("10.0.0.1"))).toBe("allow");
    expect(await outcome(handler, fromIp("10.0.0.1"))).toBe("allow");
    expect(await outcome(handler, fromIp("10.0.0.2"))).toBe("deny");
    expect(await outcome(handler, fromIp("10.0.0.2"))).toBe("deny");
    expect(await outcome(handler, fromIp("10.0.0.1"))).toBe("allow");
    expect(logs.map((log) => log.cached)).toEqual([false, true, false, true, true]);
    expect(verifier.calls).toBe(2);
  });

  it("caches per declared header, its name case-insensitive", async () => {
    const { verifier, handler } = setup({
      cacheInputs: [{ header: "X-Tenant" }],
      decide: (_verified: unknown, request: AuthorizerRequest) => ({
        allow: request.header("x-TENANT") === "a",
      }),
    });
    expect(await outcome(handler, fromIp("10.0.0.1", { "x-tenant": "a" }))).toBe("allow");
    expect(await outcome(handler, fromIp("10.0.0.9", { "X-Tenant": "a" }))).toBe("allow");
    expect(await outcome(handler, fromIp("10.0.0.1", { "x-tenant": "b" }))).toBe("deny");
    expect(await outcome(handler, fromIp("10.0.0.1", {}))).toBe("deny");
    // The second request spells the header name differently: another key, still the same answer.
    expect(verifier.calls).toBe(4);
    expect(await outcome(handler, fromIp("10.0.0.7", { "x-tenant": "a" }))).toBe("allow");
    expect(verifier.calls).toBe(4);
  });

  it("does not cache a decision that read something undeclared, and says so once", async () => {
    const { verifier, handler, warnings } = setup({
      cacheInputs: ["sourceIp"],
      decide: (_verified: unknown, request: AuthorizerRequest) => ({
        allow: request.sourceIp === "10.0.0.1" && request.query("debug") === undefined,
      }),
    });
    await outcome(handler, fromIp("10.0.0.1"));
    await outcome(handler, fromIp("10.0.0.1"));
    expect(verifier.calls).toBe(2);
    const undeclared = warnings.filter((w) => w.code === "undeclared_cache_input");
    expect(undeclared.map((w) => w.inputs)).toEqual([["query debug"]]);
  });

  it("never caches a decision that read request.event", async () => {
    const { verifier, handler, warnings } = setup({
      cacheInputs: ["sourceIp", { header: "x-tenant" }],
      decide: (_verified: unknown, request: AuthorizerRequest) => ({
        allow: request.event.type === "REQUEST",
      }),
    });
    await outcome(handler, fromIp("10.0.0.1"));
    await outcome(handler, fromIp("10.0.0.1"));
    expect(verifier.calls).toBe(2);
    expect(warnings.find((w) => w.code === "undeclared_cache_input")?.inputs).toEqual(["event"]);
  });

  it("reads spreading the request as reading everything (so nothing is cached)", async () => {
    const { verifier, handler } = setup({
      cacheInputs: ["sourceIp"],
      decide: (_verified: unknown, request: AuthorizerRequest) => {
        const copy = { ...request };
        return { allow: copy.shape === "rest-request" };
      },
    });
    await outcome(handler, fromIp("10.0.0.1"));
    await outcome(handler, fromIp("10.0.0.1"));
    expect(verifier.calls).toBe(2);
  });

  it("warns at cold start that API Gateway keys its cache on identity sources only", () => {
    const { warnings } = setup({
      cacheInputs: ["sourceIp", { header: "x-tenant" }, { query: "tenant" }],
      decide: () => ({ allow: true }),
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe("cache_inputs_need_identity_sources");
    expect(warnings[0]?.inputs).toEqual(["sourceIp", "header x-tenant", "query tenant"]);
    expect(warnings[0]?.message).toContain("context.identity.sourceIp");
    expect(warnings[0]?.message).toContain("method.request.header.x-tenant");
    expect(warnings[0]?.message).toContain("$request.querystring.tenant");
  });
});

describe("authorize as a plain function (nothing declared)", () => {
  it("is still cached when it reads no request data", async () => {
    const { verifier, handler, warnings } = setup((verified: { claims: { sub?: string } }) => ({
      allow: verified.claims.sub === "alice",
    }));
    await outcome(handler, fromIp("10.0.0.1"));
    await outcome(handler, fromIp("10.0.0.2"));
    expect(verifier.calls).toBe(1);
    expect(warnings).toEqual([]);
  });

  it("is not cached once it reads request data, and the operator is told once", async () => {
    const { verifier, handler, warnings } = setup(
      (_verified: unknown, request: AuthorizerRequest) => ({
        allow: request.sourceIp !== null && request.header("x-tenant") === "a",
      }),
    );
    for (let i = 0; i < 3; i++) await outcome(handler, fromIp("10.0.0.1", { "x-tenant": "a" }));
    expect(verifier.calls).toBe(3);
    expect(warnings.map((w) => [w.code, w.inputs])).toEqual([
      ["undeclared_cache_input", ["sourceIp", "header x-tenant"]],
    ]);
  });

  it("may read the identity-level fields (shape, stage, allowedRoutes) and stay cached", async () => {
    const { verifier, handler } = setup((_verified: unknown, request: AuthorizerRequest) => ({
      allow:
        request.shape === "rest-request" &&
        request.stage === "prod" &&
        request.allowedRoutes === "stage",
    }));
    expect(await outcome(handler, fromIp("10.0.0.1"))).toBe("allow");
    expect(await outcome(handler, fromIp("10.0.0.2"))).toBe("allow");
    expect(verifier.calls).toBe(1);
  });
});

describe("request data as hooks read it", () => {
  async function seen(event: unknown, read: (request: AuthorizerRequest) => unknown) {
    let value: unknown;
    const { handler, logs } = setup({
      cacheInputs: ["sourceIp", "stageVariables", { header: "x-tenant" }, { query: "q" }],
      decide: (_verified: unknown, request: AuthorizerRequest) => {
        value = read(request);
        return { allow: true };
      },
    });
    await handler(event as never).catch(() => undefined);
    return { value, log: logs[0] };
  }

  it("normalises the source address with @gatehouse/policy's reader", async () => {
    expect((await seen(fromIp("::ffff:10.0.0.1"), (r) => r.sourceIp)).value).toBe("10.0.0.1");
    expect((await seen(fromIp("2001:DB8:0::1"), (r) => r.sourceIp)).value).toBe("2001:db8::1");
  });

  it("fails closed (401, invalid_event) when the hook reads a source address it cannot use", async () => {
    const { log } = await seen(fromIp("010.0.0.1"), (r) => r.sourceIp);
    expect(log).toMatchObject({ outcome: "error", code: "invalid_event" });
  });

  it("joins the distinct values of a repeated header and query parameter", async () => {
    const event = restRequestEvent({
      methodArn: ARN,
      headers: { Authorization: "Bearer tok.alice", "X-Tenant": ["a", "b", "a"] },
      query: { q: ["1", "2"] },
      stageVariables: { env: "prod" },
    });
    expect(
      (
        await seen(event, (r) => [
          r.header("x-tenant"),
          r.query("q"),
          r.query("Q"),
          r.stageVariables,
        ])
      ).value,
    ).toEqual(["a, b", "1,2", undefined, { env: "prod" }]);
  });
});

describe("cacheInputs validation (cold start)", () => {
  const decide = () => ({ allow: true });
  it.each<[string, unknown]>([
    ["a missing cacheInputs", { decide }],
    ["a missing decide", { cacheInputs: [] }],
    ["an unknown key", { decide, cacheInputs: [], ttl: 1 }],
    ["cacheInputs not an array", { decide, cacheInputs: "sourceIp" }],
    ['"event"', { decide, cacheInputs: ["event"] }],
    ["an unknown input", { decide, cacheInputs: ["sourceIP"] }],
    ["a header name with a space", { decide, cacheInputs: [{ header: "x tenant" }] }],
    ["an empty query name", { decide, cacheInputs: [{ query: "" }] }],
    ["two kinds in one entry", { decide, cacheInputs: [{ header: "a", query: "b" }] }],
    ["a number", { decide, cacheInputs: [1] }],
  ])("refuses %s with a TypeError", (_what, authorize) => {
    expect(() => setup(authorize)).toThrow(TypeError);
  });

  it("refuses request inputs on a TOKEN-only factory", () => {
    expect(() =>
      createRestTokenAuthorizer({
        verifier: fakeVerifier({}),
        authorize: { decide, cacheInputs: ["sourceIp"] },
      }),
    ).toThrow(/TOKEN event carries no source IP/);
    expect(() =>
      createRestTokenAuthorizer({
        verifier: fakeVerifier({}),
        authorize: { decide, cacheInputs: ["route"] },
        hooks: { onWarning: () => undefined },
      }),
    ).not.toThrow();
  });

  it("validates a verifier's cacheInputs too", () => {
    const verifier = { ...fakeVerifier({}), cacheInputs: [{ cookie: "x" }] };
    expect(() => createAuthorizer({ verifier: verifier as never })).toThrow(TypeError);
  });
});

describe("resolveIssuer: { resolve, cacheInputs }", () => {
  let tenantA: TestIssuer;
  let token: string;
  beforeAll(async () => {
    tenantA = await createTestIssuer({ now: () => START });
    token = await tenantA.mintToken({ sub: "alice", aud: "api" });
  });
  afterAll(() => tenantA.close());

  function tenantHandler() {
    let resolved = 0;
    const verifierA = jwtVerifier({
      issuer: tenantA.issuer,
      audience: "api",
      jwks: tenantA.jwks(),
      algorithms: ["RS256"],
      now: () => START,
    });
    const verifier = multiIssuerVerifier({
      resolveIssuer: {
        cacheInputs: [{ header: "x-tenant" }],
        resolve: (iss, request) => {
          resolved += 1;
          return iss === tenantA.issuer && request.header("x-tenant") === "a" ? verifierA : null;
        },
      },
    });
    const warnings: AuthorizerWarning[] = [];
    const handler = createAuthorizer({
      verifier,
      now: () => START,
      hooks: { onWarning: (w) => warnings.push(w) },
    });
    const event = (tenant: string) =>
      restRequestEvent({
        methodArn: ARN,
        headers: { Authorization: `Bearer ${token}`, "x-tenant": tenant },
      });
    return { handler, event, verifier, warnings, resolvedCount: () => resolved };
  }

  it("keys cached decisions by the declared header: tenant b never gets tenant a's decision", async () => {
    const { handler, event, resolvedCount } = tenantHandler();
    expect(await outcome(handler, event("a"))).toBe("allow");
    expect(await outcome(handler, event("a"))).toBe("allow");
    expect(resolvedCount()).toBe(1);
    expect(await outcome(handler, event("b"))).toBe("unauthorized");
    expect(await outcome(handler, event("a"))).toBe("allow");
    expect(resolvedCount()).toBe(2);
  });

  it("exposes its inputs, which the handler warns about at cold start", () => {
    const { verifier, warnings } = tenantHandler();
    expect(verifier.cacheInputs).toEqual([{ header: "x-tenant" }]);
    expect(warnings.map((w) => w.code)).toEqual(["cache_inputs_need_identity_sources"]);
  });

  it("passes the inputs of a listed verifier on", () => {
    const { verifier: inner } = tenantHandler();
    const outer = multiIssuerVerifier({
      verifiers: [{ ...inner, issuers: ["https://x.example"] }],
    });
    expect(outer.cacheInputs).toEqual([{ header: "x-tenant" }]);
  });

  it("works on its own, reading the event it is given", async () => {
    const { verifier } = tenantHandler();
    const verified = await verifier.verify(token, {
      event: restRequestEvent({ headers: { "X-Tenant": "a" } }),
    });
    expect(verified.issuer).toBe(tenantA.issuer);
  });

  it.each<[string, unknown]>([
    ["a missing cacheInputs", { resolve: () => null }],
    ["a missing resolve", { cacheInputs: [] }],
    ["an unknown key", { resolve: () => null, cacheInputs: [], x: 1 }],
    ["a bad input", { resolve: () => null, cacheInputs: ["event"] }],
  ])("refuses %s with a TypeError", (_what, resolveIssuer) => {
    expect(() => multiIssuerVerifier({ resolveIssuer: resolveIssuer as never })).toThrow(TypeError);
  });
});
