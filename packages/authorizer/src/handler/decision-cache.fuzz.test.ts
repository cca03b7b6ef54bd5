/**
 * The decision cache never answers differently from a fresh evaluation: random requests (source
 * addresses, headers, query, stage variables, routes, stages) with random hooks and resolvers that
 * read random parts of the request, declared or not, go through a handler with the cache and one
 * without; every answer must be the same.
 */
import {
  createTestIssuer,
  httpApiV2Event,
  restRequestEvent,
  type TestIssuer,
} from "@gatehouse/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DecisionInput } from "../request/decision-input.js";
import type { RequestInputs } from "../request/request-inputs.js";
import { jwtVerifier } from "../verifier/jwt-verifier.js";
import { multiIssuerVerifier } from "../verifier/multi-issuer-verifier.js";
import type { TokenVerifier } from "../verifier/token-verifier.js";
import type {
  AuthorizeFunction,
  AuthorizeResult,
  AuthorizerOptions,
  DecisionLog,
} from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { FAKE_NOW_SECONDS } from "./test-support.js";

const NOW = FAKE_NOW_SECONDS * 1000;

/** What a hook or resolver may read; the declarable ones can be listed in cacheInputs. */
type Read = "sourceIp" | "tenant" | "q" | "stageVariables" | "route" | "arn" | "event";
const READS: readonly Read[] = [
  "sourceIp",
  "tenant",
  "q",
  "stageVariables",
  "route",
  "arn",
  "event",
];
const DECLARABLE: Record<Exclude<Read, "event">, DecisionInput> = {
  sourceIp: "sourceIp",
  tenant: { header: "x-tenant" },
  q: { query: "q" },
  stageVariables: "stageVariables",
  route: "route",
  arn: "arn",
};

function readValue(request: RequestInputs, read: Read): unknown {
  switch (read) {
    case "sourceIp":
      return request.sourceIp;
    case "tenant":
      return request.header("x-tenant");
    case "q":
      return request.query("q");
    case "stageVariables":
      return request.stageVariables;
    case "route":
      return request.route;
    case "arn":
      return request.arn;
    case "event":
      return (request.event as { headers?: unknown }).headers;
  }
}

/** A deterministic hash of what was read, so a decision is a pure function of its inputs. */
function hash(value: unknown): number {
  const text = JSON.stringify(value) ?? "undefined";
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const ALLOWS: readonly AuthorizeResult["allow"][] = [
  false,
  true,
  "stage",
  ["GET /pets"],
  ["GET /pets", "POST /orders/{id}"],
];

interface Part {
  reads: Read[];
  declared: Read[] | undefined;
  salt: number;
}

interface Scenario {
  hook: Part | undefined;
  resolver: Part | undefined;
  requests: RequestSpec[];
}

interface RequestSpec {
  api: "rest" | "http";
  token: number;
  sourceIp: string;
  tenant: { name: string; value: string } | undefined;
  q: string | undefined;
  stage: string;
  stageVariables: Record<string, string>;
  route: [string, string, string];
}

const ROUTES: readonly [string, string, string][] = [
  ["GET", "/pets", "/pets"],
  ["GET", "/pets/7", "/pets/{id}"],
  ["POST", "/orders/42", "/orders/{id}"],
];

const DECLARABLE_READS = READS.filter((read) => read !== "event");
/** A hook or resolver: what it reads, and what it declares (often a cover, sometimes not). */
const partArb = fc.option(
  fc.subarray([...READS], { maxLength: 3 }).chain((reads) =>
    fc.record({
      reads: fc.constant(reads),
      declared: fc.oneof(
        fc.constant(undefined),
        fc
          .subarray(DECLARABLE_READS)
          .map((extra) => [...new Set([...reads.filter((r) => r !== "event"), ...extra])]),
        fc.subarray(DECLARABLE_READS),
      ),
      salt: fc.nat(1000),
    }),
  ),
  { nil: undefined },
);
const requestArb: fc.Arbitrary<RequestSpec> = fc.record({
  api: fc.constantFrom("rest", "http"),
  token: fc.nat(2),
  sourceIp: fc.constantFrom("10.0.0.1", "10.0.0.2", "::ffff:10.0.0.1", "2001:db8::1"),
  tenant: fc.option(
    fc.record({ name: fc.constantFrom("x-tenant", "X-Tenant"), value: fc.constantFrom("a", "b") }),
    { nil: undefined },
  ),
  q: fc.option(fc.constantFrom("1", "2"), { nil: undefined }),
  stage: fc.constantFrom("prod", "test"),
  stageVariables: fc.constantFrom({}, { env: "blue" }, { env: "green" }),
  route: fc.constantFrom(...ROUTES),
});
/** A few distinct requests, then a sequence drawn from them (repeats are what a cache serves). */
const requestsArb = fc
  .array(requestArb, { minLength: 1, maxLength: 4 })
  .chain((pool) =>
    fc
      .array(fc.nat(pool.length - 1), { minLength: 2, maxLength: 12 })
      .map((picks) => picks.map((i) => pool[i] as RequestSpec)),
  );
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  hook: partArb,
  resolver: partArb,
  requests: requestsArb,
});

describe("decision cache: a hit answers what a fresh evaluation answers", () => {
  let issuer: TestIssuer;
  let tokens: string[];
  beforeAll(async () => {
    issuer = await createTestIssuer({ alg: "ES256", now: () => NOW });
    tokens = [];
    for (const sub of ["alice", "bob", "carol"]) {
      tokens.push(await issuer.mintToken({ sub, aud: "api", scope: "pets/read" }));
    }
  });
  afterAll(() => issuer.close());

  function eventOf(spec: RequestSpec): unknown {
    const [method, path, resource] = spec.route;
    const headers: Record<string, string> = { authorization: `Bearer ${tokens[spec.token]}` };
    if (spec.tenant !== undefined) headers[spec.tenant.name] = spec.tenant.value;
    const query = spec.q === undefined ? {} : { q: spec.q };
    const common = {
      method,
      path,
      headers,
      query,
      sourceIp: spec.sourceIp,
      stage: spec.stage,
      stageVariables: spec.stageVariables,
    };
    return spec.api === "rest"
      ? restRequestEvent({ ...common, resource })
      : httpApiV2Event({ ...common, routeKey: `${method} ${resource}` });
  }

  function options(scenario: Scenario, cache: boolean): AuthorizerOptions {
    const base = jwtVerifier({
      issuer: issuer.issuer,
      audience: "api",
      jwks: issuer.jwks(),
      algorithms: ["ES256"],
      now: () => NOW,
    });
    let verifier: TokenVerifier = base;
    const { hook, resolver } = scenario;
    if (resolver !== undefined) {
      // Accepts the issuer for some request inputs only: a pure function of what it reads.
      const accepts = (values: unknown[]) => hash([resolver.salt, values]) % 3 !== 0;
      verifier =
        resolver.declared === undefined
          ? multiIssuerVerifier({
              // A function resolver reads the raw event (here: the tenant header, any spelling).
              resolveIssuer: (_iss, event) => {
                const headers = (event as { headers?: Record<string, string> }).headers ?? {};
                const tenant = Object.entries(headers).find(
                  ([k]) => k.toLowerCase() === "x-tenant",
                );
                return accepts(resolver.reads.length === 0 ? [] : [tenant?.[1]]) ? base : null;
              },
            })
          : multiIssuerVerifier({
              resolveIssuer: {
                cacheInputs: resolver.declared.map(
                  (read) => DECLARABLE[read as keyof typeof DECLARABLE],
                ),
                resolve: (_iss, request) =>
                  accepts(resolver.reads.map((read) => readValue(request, read))) ? base : null,
              },
            });
    }
    let authorize: AuthorizerOptions["authorize"];
    if (hook !== undefined) {
      const decide: AuthorizeFunction = (verified, request) => {
        const values = hook.reads.map((read) => readValue(request, read));
        const h = hash([hook.salt, verified.claims.sub, values]);
        return {
          allow: ALLOWS[h % ALLOWS.length] as AuthorizeResult["allow"],
          context: { bucket: h % 7 },
        };
      };
      authorize =
        hook.declared === undefined
          ? decide
          : {
              decide,
              cacheInputs: hook.declared.map((read) => DECLARABLE[read as keyof typeof DECLARABLE]),
            };
    }
    return {
      verifier,
      now: () => NOW,
      ...(authorize === undefined ? {} : { authorize }),
      cache: cache ? { ttlSeconds: 300 } : false,
      hooks: { onWarning: () => undefined },
    };
  }

  async function answer(handler: (event: never) => Promise<unknown>, event: unknown) {
    try {
      return await handler(event as never);
    } catch (error) {
      return { thrown: (error as Error).message };
    }
  }

  it("for random requests, hooks and resolvers (declared or not)", async () => {
    let hits = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const logs: DecisionLog[] = [];
        const cachedOptions = options(scenario, true);
        const cached = createAuthorizer({
          ...cachedOptions,
          hooks: { ...cachedOptions.hooks, onDecision: (log) => logs.push(log) },
        });
        const fresh = createAuthorizer(options(scenario, false));
        for (const spec of scenario.requests) {
          const event = eventOf(spec);
          const expected = await answer(fresh, event);
          expect(await answer(cached, structuredClone(event))).toEqual(expected);
        }
        hits += logs.filter((log) => log.cached).length;
      }),
      { numRuns: 300 },
    );
    // The property saw cache hits, not only misses.
    expect(hits).toBeGreaterThan(100);
  });
});
