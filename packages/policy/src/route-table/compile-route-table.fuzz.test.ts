// Property: for random route tables (nested paths, ANY, {proxy+}, $default, REST resource paths),
// random sets of satisfied routes and random concrete requests, the policy built from the grant,
// reused for every request of the stage as API Gateway reuses a cached policy and evaluated by the
// gateway model, allows exactly the requests whose routed template is satisfied; where the grant
// reports a refused request, it is refused and never more than that. Simple responses decide on
// the route key alone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ApiType } from "../arn/route-template.js";
import { buildHttpV1AuthorizerResponse } from "../authorizer-response/build-http-v1-authorizer-response.js";
import { buildRestAuthorizerResponse } from "../authorizer-response/build-rest-authorizer-response.js";
import { wouldCachedPolicyAllow } from "../gateway/would-cached-policy-allow.js";
import { compileRouteTable } from "./compile-route-table.js";

const STAGE = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod";
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
const LITERALS = ["pets", "admin", "reports", "a", "mine"] as const;
/** Concrete segment values: the literals (to hit the most specific routes) and two others. */
const VALUES = [...LITERALS, "42", "zz"] as const;

type Segment = { kind: "literal"; value: string } | { kind: "param" } | { kind: "greedy" };

interface Route {
  method: string;
  segments: Segment[];
  bare: boolean;
}

const segment: fc.Arbitrary<Segment> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(...LITERALS).map((value) => ({ kind: "literal", value }) as const),
  },
  { weight: 2, arbitrary: fc.constant({ kind: "param" } as const) },
);

function routeArb(apiType: ApiType): fc.Arbitrary<Route> {
  return fc
    .record({
      method: fc.constantFrom("GET", "GET", "POST", "ANY", "ANY", "DELETE"),
      segments: fc.array(segment, { maxLength: 3 }),
      greedy: fc.boolean(),
      bare: apiType === "rest" ? fc.boolean() : fc.constant(false),
    })
    .map(({ method, segments, greedy, bare }) => ({
      method: bare ? "ANY" : method,
      segments: greedy ? [...segments, { kind: "greedy" } as const] : segments,
      bare,
    }));
}

function templateOf(route: Route, names: number[]): string {
  let counter = 0;
  const path = route.segments
    .map((s) => {
      if (s.kind === "literal") return s.value;
      const name = `p${names[counter++ % names.length] ?? 0}`;
      return s.kind === "param" ? `{${name}}` : `{${name}+}`;
    })
    .join("/");
  return route.bare ? `/${path}` : `${route.method} /${path}`;
}

function shapeOf(route: Route): string {
  return `${route.method} /${route.segments.map((s) => (s.kind === "literal" ? s.value : s.kind === "param" ? "{}" : "{+}")).join("/")}`;
}

interface Case {
  apiType: "rest" | "http";
  templates: string[];
  routes: Route[];
  satisfied: string[];
  requests: { method: string; path: string }[];
}

function requestsFor(routes: readonly Route[]): fc.Arbitrary<{ method: string; path: string }[]> {
  const value = fc.constantFrom(...VALUES);
  const fromRoute = fc
    .record({
      index: fc.nat(),
      method: fc.constantFrom(...VERBS),
      values: fc.array(value, { minLength: 4, maxLength: 4 }),
      tail: fc.array(value, { minLength: 1, maxLength: 3 }),
      deeper: fc.array(value, { maxLength: 2 }),
    })
    .map(({ index, method, values, tail, deeper }) => {
      const route = routes[index % Math.max(routes.length, 1)];
      if (route === undefined) return { method, path: "/" };
      let v = 0;
      const parts = route.segments.flatMap((s) =>
        s.kind === "literal" ? [s.value] : s.kind === "param" ? [values[v++ % 4] as string] : tail,
      );
      // Sometimes one level deeper or shallower than the route: where IAM's `*` over-matches.
      const all = [...parts, ...deeper];
      return { method, path: `/${all.join("/")}` };
    });
  const random = fc
    .record({ method: fc.constantFrom(...VERBS), parts: fc.array(value, { maxLength: 5 }) })
    .map(({ method, parts }) => ({ method, path: `/${parts.join("/")}` }));
  return fc.array(fc.oneof({ weight: 3, arbitrary: fromRoute }, { weight: 1, arbitrary: random }), {
    minLength: 10,
    maxLength: 30,
  });
}

const caseArb: fc.Arbitrary<Case> = fc
  .constantFrom<"rest" | "http">("rest", "http")
  .chain((apiType) =>
    fc
      .uniqueArray(routeArb(apiType), { minLength: 1, maxLength: 7, selector: shapeOf })
      .chain((routes) =>
        fc
          .record({
            names: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }),
            withDefault: apiType === "http" ? fc.boolean() : fc.constant(false),
            mask: fc.array(fc.boolean(), {
              minLength: routes.length + 1,
              maxLength: routes.length + 1,
            }),
            requests: requestsFor(routes),
          })
          .map(({ names, withDefault, mask, requests }) => {
            const templates = routes.map((route) => templateOf(route, names));
            if (withDefault) templates.push("$default");
            return {
              apiType,
              templates,
              routes,
              satisfied: templates.filter((_, i) => mask[i] === true),
              requests,
            };
          }),
      ),
  );

function arnOf(method: string, path: string): string {
  return `${STAGE}/${method}${path}`;
}

describe("compileRouteTable: the cached policy allows exactly the satisfied routes", () => {
  it("holds for random tables, identities and requests, as the gateway model evaluates it", {
    timeout: 120_000,
  }, () => {
    const counts = { requests: 0, denyNeeded: 0, refused: 0, exactTables: 0 };
    fc.assert(
      fc.property(caseArb, ({ apiType, templates, satisfied, requests }) => {
        const table = compileRouteTable(templates, apiType);
        if (table.exact) counts.exactTables++;
        const grant = table.grant(satisfied);
        const satisfiedSet = new Set(satisfied);
        const first = requests[0] as { method: string; path: string };
        const cachedMethodArn = arnOf(first.method, first.path);
        const build =
          apiType === "rest" ? buildRestAuthorizerResponse : buildHttpV1AuthorizerResponse;
        const cachedResponse = build({
          methodArn: cachedMethodArn,
          principalId: "user",
          allow: grant.allow,
          deny: grant.deny,
        });
        const allowOnly = build({
          methodArn: cachedMethodArn,
          principalId: "user",
          allow: grant.allow,
        });
        const refusedRoutes = new Set(grant.refused.map((conflict) => conflict.route));
        for (const { method, path } of requests) {
          const route = table.routeOf(method, path);
          if (route === undefined) continue; // API Gateway answers before any authorizer
          counts.requests++;
          const expected = satisfiedSet.has(route);
          const verdict = wouldCachedPolicyAllow({
            cachedResponse,
            cachedMethodArn,
            methodArn: arnOf(method, path),
            endpointType: "REGIONAL",
          });
          const where = `${method} ${path} -> ${route}`;
          // Never an extra grant.
          if (!expected) expect(verdict.allowed, where).toBe(false);
          if (expected && !verdict.allowed) {
            // A refusal only where the grant says IAM cannot be exact, for this very route.
            expect(refusedRoutes.has(route), where).toBe(true);
            expect(table.exact, where).toBe(false);
            counts.refused++;
          }
          if (
            !expected &&
            wouldCachedPolicyAllow({
              cachedResponse: allowOnly,
              methodArn: arnOf(method, path),
              endpointType: "REGIONAL",
            }).allowed
          ) {
            counts.denyNeeded++;
          }
          // Simple responses: the route key alone decides, exactly.
          expect(grant.allowsRouteKey(route), where).toBe(expected);
        }
        if (table.exact) expect(grant.refused).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // The property is not vacuous: the Deny statements did real work, most tables were exact.
    expect(counts.requests).toBeGreaterThan(1500);
    expect(counts.denyNeeded).toBeGreaterThan(100);
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.exactTables).toBeGreaterThan(60);
  });
});
