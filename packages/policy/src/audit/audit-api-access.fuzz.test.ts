import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import { evaluatePolicy } from "../evaluate/evaluate-policy.js";
import { evaluateApiGatewayAccess } from "../gateway/evaluate-api-gateway-access.js";
import type {
  ApiAccessDescription,
  AuditRouteRequirement,
  AuditTokenCaller,
} from "./api-access-description.js";
import { auditApiAccess } from "./audit-api-access.js";
// The authorizer's answer comes from the same builder the audit uses (today's builders; the exact
// `compileRouteTable` form once it lands): everything else below is recomputed independently.
import { routeTablePolicy } from "./internal/route-table-policy.js";

const TARGET = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "abc123",
  stage: "prod",
} as const;

const ROUTE_POOL = [
  "GET /pets",
  "GET /pets/{id}",
  "POST /pets",
  "DELETE /pets/{id}",
  "GET /pets/{id}/toys",
  "GET /pets/{id}/medical-records",
  "ANY /admin/{proxy+}",
  "GET /admin/users",
  "GET /reports",
  "ANY /reports",
  "PUT /orders/{orderId}",
] as const;

const SCOPES = ["read", "write", "admin"] as const;
const GROUPS = ["staff", "vets"] as const;

const requirement: fc.Arbitrary<AuditRouteRequirement> = fc
  .record({
    scopes: fc.option(fc.subarray([...SCOPES]), { nil: undefined }),
    groups: fc.option(fc.subarray([...GROUPS], { minLength: 1 }), { nil: undefined }),
  })
  .map(({ scopes, groups }) => ({
    ...(scopes === undefined ? {} : { scopes }),
    ...(groups === undefined ? {} : { groups }),
  }));

const table = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...ROUTE_POOL), requirement), {
    selector: ([template]) => template,
    maxLength: 6,
  })
  .map((entries) => Object.fromEntries(entries) as Record<string, AuditRouteRequirement>);

const identity = fc.record({
  scopes: fc.subarray([...SCOPES]),
  groups: fc.subarray([...GROUPS]),
  seen: fc.boolean(),
});

const world = fc.record({
  apiType: fc.constantFrom<"rest" | "http">("rest", "http"),
  routes: fc.uniqueArray(fc.constantFrom(...ROUTE_POOL), { minLength: 1, maxLength: 7 }),
  table,
  identities: fc.array(identity, { minLength: 1, maxLength: 3 }),
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function describeWorld(w: World, resourcePolicy?: PolicyDocument): ApiAccessDescription {
  return {
    target: TARGET,
    apiType: w.apiType,
    ...(resourcePolicy === undefined ? {} : { resourcePolicy }),
    routes: w.routes.map((route) => ({ route, auth: { authorizer: "table" } })),
    authorizers: { table: { type: "LAMBDA", routes: w.table } },
    callers: w.identities.map(
      (id, index): AuditTokenCaller => ({
        kind: "token",
        name: `id${index}`,
        scopes: id.scopes,
        groups: id.groups,
        ...(id.seen ? {} : { authorizers: [] }),
      }),
    ),
  };
}

/** createAuthorizer's rule, written again: every scope, any one group. */
function satisfied(w: World, index: number): string[] {
  const id = w.identities[index] as World["identities"][number];
  return Object.entries(w.table)
    .filter(
      ([, need]) =>
        (need.scopes ?? []).every((scope) => id.scopes.includes(scope as never)) &&
        (need.groups === undefined ||
          need.groups.some((group) => id.groups.includes(group as never))),
    )
    .map(([template]) => template);
}

const ALLOW_EVERYTHING: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
  ],
};

describe("auditApiAccess (property)", () => {
  it("route table, no resource policy: each reached cell is what evaluateApiGatewayAccess gives that request", async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const audit = await auditApiAccess(describeWorld(w));
        expect(audit.cells).toHaveLength(audit.probes.length * w.identities.length);
        for (const cell of audit.cells) {
          const index = Number(cell.caller.slice(2));
          const seen = (w.identities[index] as World["identities"][number]).seen;
          const answer = routeTablePolicy(
            w.table,
            satisfied(w, index),
            TARGET,
            w.apiType,
            cell.caller,
          );
          const result = await evaluateApiGatewayAccess({
            methodArn: cell.methodArn,
            endpointType: "REGIONAL",
            authType: "LAMBDA",
            authorizer: seen ? answer : "unauthorized",
          });
          expect(cell.reached, `${cell.caller} ${cell.method} ${cell.path}`).toBe(
            result.status === 200,
          );
          expect(cell.status).toBe(result.status);
          // The answer is the same for every route: the cache never changes an outcome.
          expect(cell.cacheDependent).toBe(false);
          expect(cell.via).toBe(cell.reached ? "fresh" : null);
        }
        const flagged = audit.cells.filter((cell) => cell.reached && !cell.intended);
        expect(audit.unintended.map(({ cause: _cause, ...cell }) => cell)).toEqual(flagged);
        expect(audit.unintended.every((cell) => cell.cause === "authorizer_policy")).toBe(true);
        expect(audit.summary.unintended).toBe(flagged.length);
      }),
      { numRuns: 150 },
    );
  });

  it("an Allow * resource policy on a LAMBDA API: every route the authorizer does not explicitly deny is reached (Table A), and reported", async () => {
    const restWorld = world.map((w) => ({
      ...w,
      apiType: "rest" as const,
      identities: w.identities.map((id) => ({ ...id, seen: true })),
    }));
    await fc.assert(
      fc.asyncProperty(restWorld, async (w) => {
        const audit = await auditApiAccess(describeWorld(w, ALLOW_EVERYTHING));
        for (const cell of audit.cells) {
          const index = Number(cell.caller.slice(2));
          const granted = satisfied(w, index);
          const answer = routeTablePolicy(w.table, granted, TARGET, "rest", cell.caller);
          const decision = evaluatePolicy(answer.policyDocument, {
            action: "execute-api:Invoke",
            resource: cell.methodArn,
          }).decision;
          expect(cell.reached, `${cell.caller} ${cell.method} ${cell.path}`).toBe(
            decision !== "explicit-deny",
          );
          const hasDeny = answer.policyDocument.Statement.some((s) => s.Effect === "Deny");
          // Today's answer for an identity with any route is Allow-only: every route is reached.
          if (!hasDeny) expect(cell.reached).toBe(true);
          if (cell.reached && !cell.intended) {
            const flagged = audit.unintended.find(
              (item) => item.caller === cell.caller && item.methodArn === cell.methodArn,
            );
            expect(flagged?.cause).toBe(
              decision === "allow" ? "authorizer_policy" : "resource_policy_allow",
            );
          }
        }
        // A route no table template names is reached by every identity with an Allow-only answer.
        for (const route of w.routes.filter((r) => !(r in w.table))) {
          for (const [index] of w.identities.entries()) {
            if (satisfied(w, index).length === 0) continue;
            const cells = audit.cells.filter(
              (cell) => cell.route === route && cell.caller === `id${index}`,
            );
            for (const cell of cells) {
              if (cell.intended) continue;
              expect(
                audit.unintended.some(
                  (item) => item.methodArn === cell.methodArn && item.caller === cell.caller,
                ),
              ).toBe(cell.reached);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
