// Property, through createAuthorizer with real tokens: for random route tables (nested paths,
// ANY, {proxy+}, requirements as groups and scopes), random identities and random concrete
// requests, the response to the first request, reused for every request of the stage as API
// Gateway reuses a cached policy and evaluated by the gateway model (`wouldCachedPolicyAllow`),
// allows exactly the requests whose routed template the identity satisfies; where the handler
// warned at construction that the table is inexact, never more than those. Simple responses answer
// exactly, request by request.
import {
  compileRouteTable,
  type IamAuthorizerResponse,
  wouldCachedPolicyAllow,
} from "@gatehouse/policy";
import {
  createTestIssuer,
  httpApiV2Event,
  restTokenEvent,
  type TestIssuer,
} from "@gatehouse/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwtVerifier } from "../verifier/jwt-verifier.js";
import type { TokenVerifier } from "../verifier/token-verifier.js";
import type { AuthorizerWarning, RouteRequirement } from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";

const REST_STAGE = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod";
const HTTP_STAGE = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/$default";
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
const LITERALS = ["pets", "admin", "reports", "a"] as const;
const VALUES = [...LITERALS, "42", "zz"] as const;
const GROUPS = ["vet", "admin"] as const;
const SCOPES = ["read", "write"] as const;

type Segment = { kind: "literal"; value: string } | { kind: "param" } | { kind: "greedy" };
interface Route {
  method: string;
  segments: Segment[];
  requirement: { groups?: string[]; scopes?: string[] };
}

const requirement = fc.oneof(
  fc.constant({}),
  fc.subarray([...GROUPS], { minLength: 1 }).map((groups) => ({ groups })),
  fc.subarray([...SCOPES], { minLength: 1 }).map((scopes) => ({ scopes })),
);

const route: fc.Arbitrary<Route> = fc
  .record({
    method: fc.constantFrom("GET", "GET", "POST", "ANY", "ANY"),
    segments: fc.array(
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc
            .constantFrom(...LITERALS)
            .map((value) => ({ kind: "literal", value }) as const),
        },
        { weight: 2, arbitrary: fc.constant({ kind: "param" } as const) },
      ),
      { maxLength: 3 },
    ),
    greedy: fc.boolean(),
    requirement,
  })
  .map(({ method, segments, greedy, requirement }) => ({
    method,
    segments: greedy ? [...segments, { kind: "greedy" } as const] : segments,
    requirement,
  }));

const shapeOf = (r: Route) =>
  `${r.method} /${r.segments.map((s) => (s.kind === "literal" ? s.value : s.kind)).join("/")}`;
const templateOf = (r: Route) => {
  let n = 0;
  const path = r.segments
    .map((s) => (s.kind === "literal" ? s.value : s.kind === "param" ? `{p${n++}}` : "{rest+}"))
    .join("/");
  return `${r.method} /${path}`;
};

interface Identity {
  groups: string[];
  scopes: string[];
}
const identity: fc.Arbitrary<Identity> = fc.record({
  groups: fc.subarray([...GROUPS]),
  scopes: fc.subarray([...SCOPES]),
});

function satisfies(who: Identity, need: Route["requirement"]): boolean {
  if (need.scopes !== undefined && !need.scopes.every((s) => who.scopes.includes(s))) return false;
  if (need.groups !== undefined && !need.groups.some((g) => who.groups.includes(g))) return false;
  return true;
}

const request = fc.record({
  method: fc.constantFrom(...VERBS),
  index: fc.nat(),
  values: fc.array(fc.constantFrom(...VALUES), { minLength: 5, maxLength: 5 }),
  deeper: fc.array(fc.constantFrom(...VALUES), { maxLength: 2 }),
});

type Request = typeof request extends fc.Arbitrary<infer R> ? R : never;

function pathFor(routes: readonly Route[], r: Request): string {
  const chosen = routes[r.index % routes.length] as Route;
  let v = 0;
  const parts = chosen.segments.flatMap((s) =>
    s.kind === "literal"
      ? [s.value]
      : s.kind === "param"
        ? [r.values[v++ % 5] as string]
        : [r.values[v++ % 5] as string, ...r.deeper],
  );
  return `/${[...parts, ...(chosen.segments.at(-1)?.kind === "greedy" ? [] : r.deeper)].join("/")}`;
}

const scenario = fc.record({
  mode: fc.constantFrom("rest-token", "http-iam", "http-simple"),
  routes: fc.uniqueArray(route, { minLength: 1, maxLength: 6, selector: shapeOf }),
  who: identity,
  requests: fc.array(request, { minLength: 12, maxLength: 24 }),
});

let issuer: TestIssuer;
let verifier: TokenVerifier;
const tokens = new Map<string, string>();
const key = (who: Identity) => `${who.groups.join(",")}|${who.scopes.join(",")}`;

beforeAll(async () => {
  issuer = await createTestIssuer({ alg: "ES256" });
  verifier = jwtVerifier({
    issuer: issuer.issuer,
    audience: "api",
    algorithms: ["ES256"],
    jwks: issuer.jwks(),
  });
  // Every identity the scenarios can draw, minted once.
  for (const groups of [[], ["vet"], ["admin"], ["vet", "admin"]]) {
    for (const scopes of [[], ["read"], ["write"], ["read", "write"]]) {
      const claims: Record<string, unknown> = { sub: `user-${tokens.size}`, aud: "api" };
      if (groups.length > 0) claims["cognito:groups"] = groups;
      if (scopes.length > 0) claims["scope"] = scopes.join(" ");
      tokens.set(key({ groups, scopes }), await issuer.mintToken(claims));
    }
  }
});
afterAll(() => issuer.close());

describe("createAuthorizer: the cached answer is exact for every routed request", () => {
  it("holds for random tables, identities and requests", { timeout: 180_000 }, async () => {
    const counts = { checked: 0, exactRuns: 0, runs: 0, withDeny: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(scenario, async ({ mode, routes, who, requests }) => {
        const table = Object.fromEntries(
          routes.map((r) => [templateOf(r), r.requirement as RouteRequirement]),
        );
        const warnings: AuthorizerWarning[] = [];
        const handler = createAuthorizer({
          verifier,
          routes: table,
          hooks: { onWarning: (warning) => warnings.push(warning) },
          ...(mode === "http-simple"
            ? { http: { simpleResponses: true, authorizerCache: "per-route" as const } }
            : {}),
        });
        const apiType = mode === "rest-token" ? "rest" : "http";
        const exact = !warnings.some(
          (w) => w.code === "inexact_route_table" && w.apiType === apiType,
        );
        counts.runs++;
        if (exact) counts.exactRuns++;
        // The test's own oracle for routing: the model's route selection (cross-checked against
        // the local gateway's router in @gatehouse/local-gateway); satisfaction computed here.
        const router = compileRouteTable(Object.keys(table), apiType);
        const requirementOf = new Map(routes.map((r) => [templateOf(r), r.requirement]));
        const token = tokens.get(key(who)) as string;
        const concrete = requests.map((r) => ({ method: r.method, path: pathFor(routes, r) }));
        const stage = apiType === "rest" ? REST_STAGE : HTTP_STAGE;
        const eventFor = (method: string, path: string, routeKey: string) =>
          apiType === "rest"
            ? restTokenEvent({ token: `Bearer ${token}`, method, path })
            : httpApiV2Event({
                method,
                path,
                routeKey,
                headers: { authorization: `Bearer ${token}` },
              });

        let cached: { response: unknown; arn: string } | undefined;
        for (const { method, path } of concrete) {
          const routed = router.routeOf(method, path);
          if (routed === undefined) continue; // API Gateway answers before any authorizer
          const expected = satisfies(who, requirementOf.get(routed) ?? {});
          const arn = `${stage}/${method}${path}`;
          let allowed: boolean;
          if (mode === "http-simple") {
            const answer = (await handler(eventFor(method, path, routed) as never)) as {
              isAuthorized: boolean;
            };
            allowed = answer.isAuthorized;
            expect(allowed, `${method} ${path} -> ${routed}`).toBe(expected);
          } else {
            if (cached === undefined) {
              cached = { response: await handler(eventFor(method, path, routed) as never), arn };
              const { Statement } = (cached.response as IamAuthorizerResponse).policyDocument;
              // A Deny next to an Allow: the table keeps the caller off routes a pattern covers.
              if (Statement.length === 2 && Statement[1]?.Effect === "Deny") counts.withDeny++;
            }
            allowed = wouldCachedPolicyAllow({
              cachedResponse: cached.response as IamAuthorizerResponse,
              cachedMethodArn: cached.arn,
              methodArn: arn,
              endpointType: "REGIONAL",
            }).allowed;
            const where = `${method} ${path} -> ${routed} (${JSON.stringify(who)})`;
            if (!expected) expect(allowed, where).toBe(false); // never an extra grant
            if (exact) expect(allowed, where).toBe(expected);
            if (expected && !allowed) counts.refused++;
          }
          counts.checked++;
        }
      }),
      { numRuns: 150 },
    );
    expect(counts.checked).toBeGreaterThan(1000);
    expect(counts.exactRuns).toBeGreaterThan(counts.runs / 2);
    // Not vacuous: many policies needed Deny statements to be exact.
    expect(counts.withDeny).toBeGreaterThan(10);
  });
});
