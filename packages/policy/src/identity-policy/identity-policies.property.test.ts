// Properties: the builders' output, evaluated by our evaluator (evaluateIdentityPolicy,
// evaluateTrustPolicy) with the request
// context IAM builds (the caller's identity id or principal tag, the request's multi-valued
// dynamodb:LeadingKeys / its s3:prefix), allows the owner's keys, prefixes and routes and refuses
// every other identity's.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateIdentityPolicy } from "../evaluate/evaluate-identity-policy.js";
import { evaluateTrustPolicy } from "../evaluate/evaluate-trust-policy.js";
import { cognitoAssumeRoleContext } from "../identity-pool/cognito-assume-role-context.js";
import { compileRouteTable } from "../route-table/compile-route-table.js";
import { dynamoDbRowLevelPolicy } from "./dynamo-db-row-level-policy.js";
import { executeApiInvokePolicy } from "./execute-api-invoke-policy.js";
import type { IdentityOwner } from "./identity-owner.js";
import { identityPoolTrustPolicy } from "./identity-pool-trust-policy.js";
import { s3PerIdentityPolicy } from "./s3-per-identity-policy.js";
import {
  identityContext,
  identityIdArb,
  invokeCaseArb,
  OTHER_POOL_ID,
  ownerArb,
  POOL_ID,
} from "./test-support.js";

const TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/Notes";
const KEYED = [
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchGetItem",
];

const twoIdentities = fc
  .tuple(identityIdArb, identityIdArb)
  .filter(([owner, other]) => owner !== other);

describe("identityPoolTrustPolicy", () => {
  it("lets exactly the pool's identities of the role's kind assume it", () => {
    const role = "arn:aws:iam::123456789012:role/app";
    fc.assert(
      fc.property(
        fc.constantFrom("authenticated" as const, "unauthenticated" as const),
        fc.boolean(),
        identityIdArb,
        fc.constantFrom(POOL_ID, OTHER_POOL_ID),
        fc.boolean(),
        fc.subarray([
          "graph.facebook.com",
          "accounts.google.com",
          "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi",
        ]),
        fc.boolean(),
        (amr, tagSession, identityId, pool, authenticated, providers, tagged) => {
          const policy = identityPoolTrustPolicy({ identityPoolId: POOL_ID, amr, tagSession });
          const context = cognitoAssumeRoleContext({
            identityPoolId: pool,
            identityId,
            authenticated,
            providers,
            ...(tagged ? { principalTags: { tenant: "acme" } } : {}),
          });
          const ask = (action: string) =>
            evaluateTrustPolicy(policy, {
              action,
              principal: { federated: "cognito-identity.amazonaws.com" },
              roleArn: role,
              context,
            }).decision;
          const expected = pool === POOL_ID && authenticated === (amr === "authenticated");
          expect(ask("sts:AssumeRoleWithWebIdentity")).toBe(expected ? "allow" : "implicit-deny");
          expect(ask("sts:TagSession")).toBe(expected && tagSession ? "allow" : "implicit-deny");
          expect(ask("sts:AssumeRole")).toBe("implicit-deny");
          // An IAM principal, not the identity pool, is never trusted.
          expect(
            evaluateTrustPolicy(policy, {
              action: "sts:AssumeRoleWithWebIdentity",
              principal: { arn: "arn:aws:iam::123456789012:role/other", accountId: "123456789012" },
              roleArn: role,
              context,
            }).decision,
          ).toBe("implicit-deny");
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("dynamoDbRowLevelPolicy", () => {
  it("allows the owner's partition keys and refuses any request touching another identity's", () => {
    fc.assert(
      fc.property(
        twoIdentities,
        ownerArb,
        fc.subarray(KEYED, { minLength: 1 }),
        fc.boolean(),
        ([self, other], owner: IdentityOwner, actions, withScan) => {
          const policy = dynamoDbRowLevelPolicy({
            tableArn: TABLE,
            actions: withScan ? [...actions, "dynamodb:Scan"] : actions,
            owner,
          });
          const context = identityContext(owner, self);
          const ask = (action: string, keys: string[] | undefined) =>
            evaluateIdentityPolicy(policy, {
              action,
              resource: TABLE,
              context: keys === undefined ? context : { ...context, "dynamodb:LeadingKeys": keys },
            }).decision;
          for (const action of actions) {
            expect(ask(action, [self])).toBe("allow");
            expect(ask(action, [self, self])).toBe("allow");
            expect(ask(action, [other])).toBe("implicit-deny");
            expect(ask(action, [self, other])).toBe("implicit-deny");
          }
          // A Scan carries no partition key: refused, never the whole table.
          expect(ask("dynamodb:Scan", undefined)).toBe("implicit-deny");
          // A session without the identity's value (no tag mapped) matches nothing.
          expect(
            evaluateIdentityPolicy(policy, {
              action: actions[0] as string,
              resource: TABLE,
              context: { "dynamodb:LeadingKeys": [self] },
            }).decision,
          ).toBe("implicit-deny");
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("s3PerIdentityPolicy", () => {
  const segment = fc.stringMatching(/^[a-z0-9._-]{1,8}$/);
  it("allows the owner's folder and refuses every other identity's, however the keys are spelled", () => {
    fc.assert(
      fc.property(
        twoIdentities,
        ownerArb,
        fc.array(segment, { maxLength: 2 }).map((parts) => parts.join("/")),
        fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("/")),
        ([self, other], owner: IdentityOwner, prefix, key) => {
          const policy = s3PerIdentityPolicy({
            bucket: "uploads",
            prefix,
            actions: ["s3:ListBucket", "s3:GetObject", "s3:PutObject"],
            owner,
          });
          const context = identityContext(owner, self);
          const base = prefix === "" ? "" : `${prefix}/`;
          const object = (folder: string, action = "s3:GetObject") =>
            evaluateIdentityPolicy(policy, {
              action,
              resource: `arn:aws:s3:::uploads/${base}${folder}/${key}`,
              context,
            }).decision;
          const list = (listPrefix: string | undefined) =>
            evaluateIdentityPolicy(policy, {
              action: "s3:ListBucket",
              resource: "arn:aws:s3:::uploads",
              context: listPrefix === undefined ? context : { ...context, "s3:prefix": listPrefix },
            }).decision;
          expect(object(self)).toBe("allow");
          expect(object(self, "s3:PutObject")).toBe("allow");
          expect(object(other)).toBe("implicit-deny");
          // A folder whose name starts with the owner's id is another identity's.
          expect(object(`${self}x`)).toBe("implicit-deny");
          expect(object(self, "s3:DeleteObject")).toBe("implicit-deny");
          expect(list(`${base}${self}/`)).toBe("allow");
          expect(list(`${base}${self}/${key}`)).toBe("allow");
          expect(list(`${base}${other}/`)).toBe("implicit-deny");
          expect(list(base)).toBe("implicit-deny");
          expect(list(undefined)).toBe("implicit-deny");
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("executeApiInvokePolicy", () => {
  it("allows exactly the granted routes for every request API Gateway routes (refusals only where reported)", {
    timeout: 120_000,
  }, () => {
    const counts = { requests: 0, denied: 0, refused: 0 };
    fc.assert(
      fc.property(invokeCaseArb, ({ apiType, templates, granted, requests }) => {
        const api = {
          region: "eu-west-1",
          accountId: "123456789012",
          apiId: "a1b2c3d4e5",
          stages: ["prod", "beta"],
          apiType,
          routes: templates,
        };
        const { policy, refused } = executeApiInvokePolicy({ api, routes: granted });
        const table = compileRouteTable(templates, apiType);
        const refusedRoutes = new Set(refused.map((conflict) => conflict.route));
        for (const { method, path } of requests) {
          const route = table.routeOf(method, path);
          if (route === undefined) continue; // API Gateway answers before IAM
          counts.requests++;
          const expected = granted.includes(route);
          for (const stage of ["prod", "beta", "dev"]) {
            const resource = `arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/${stage}/${method}${path}`;
            const allowed =
              evaluateIdentityPolicy(policy, { action: "execute-api:Invoke", resource })
                .decision === "allow";
            const where = `${stage} ${method} ${path} -> ${route}`;
            if (stage === "dev" || !expected) {
              expect(allowed, where).toBe(false);
              counts.denied++;
            } else if (!allowed) {
              expect(refusedRoutes.has(route), where).toBe(true);
              counts.refused++;
            }
          }
        }
      }),
      { numRuns: 200 },
    );
    // Coverage guards, not exact counts: 200 random runs reach about a thousand routed requests
    // (997 once in CI), so the floors leave room for the generator's spread. Every routed
    // request adds at least one denial (the `dev` stage).
    expect(counts.requests).toBeGreaterThan(600);
    expect(counts.denied).toBeGreaterThanOrEqual(counts.requests);
  });
});
