/**
 * The identity builders' output, evaluated by Gatehouse's evaluator AND by
 * @cloud-copilot/iam-simulate (AGPL: a test-only devDependency, never shipped): the owner's keys
 * and objects are allowed, every other identity's refused, and both evaluators give the same
 * decision on every request.
 *
 * The builders are cross-checked with a principal-tag owner (`${aws:PrincipalTag/tenant}`):
 * iam-simulate drops `cognito-identity.amazonaws.com:*` keys from identity policies (disagreement 1
 * of ../evaluate/iam-simulate-cross-check.property.test.ts, where AWS's documentation decides for
 * Gatehouse), so the `${cognito-identity.amazonaws.com:sub}` variant is covered by our evaluator
 * alone (identity-policies.property.test.ts).
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateIdentityPolicy } from "../evaluate/evaluate-identity-policy.js";
import type { Decision } from "../evaluate/evaluate-policy.js";
import { dynamoDbRowLevelPolicy } from "./dynamo-db-row-level-policy.js";
import { s3PerIdentityPolicy } from "./s3-per-identity-policy.js";

const ACCOUNT = "123456789012";
const PRINCIPAL = `arn:aws:sts::${ACCOUNT}:assumed-role/app/session`;
const TABLE = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/notes`;
const BUCKET = "gatehouse-uploads";
const OWNER = { principalTag: "tenant" } as const;

const SIMULATE: Record<string, Decision> = {
  Allowed: "allow",
  ExplicitlyDenied: "explicit-deny",
  ImplicitlyDenied: "implicit-deny",
};

async function simulate(
  document: object,
  action: string,
  resource: string,
  contextVariables: Record<string, string | string[]>,
): Promise<string> {
  const response = await runSimulation(
    {
      identityPolicies: [{ name: "identity", policy: document }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        action,
        principal: PRINCIPAL,
        resource: { accountId: ACCOUNT, resource },
        contextVariables,
      },
    },
    {},
  );
  if (response.resultType === "error") return `error: ${JSON.stringify(response.errors)}`;
  return SIMULATE[response.overallResult] ?? `unknown: ${response.overallResult}`;
}

function ours(
  document: object,
  action: string,
  resource: string,
  context: Record<string, string | string[]>,
): Decision {
  const result = evaluateIdentityPolicy(document, {
    action,
    resource,
    principal: { arn: PRINCIPAL, accountId: ACCOUNT },
    context,
  });
  expect(result.error).toBeUndefined();
  return result.decision;
}

const tenant = fc.constantFrom("acme", "globex", "initech", "umbrella");
const twoTenants = fc.tuple(tenant, tenant).filter(([owner, other]) => owner !== other);

describe("identity builders, cross-checked with @cloud-copilot/iam-simulate", () => {
  it("dynamoDbRowLevelPolicy: the owner's leading keys only", async () => {
    const document = dynamoDbRowLevelPolicy({
      tableArn: TABLE,
      actions: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"],
      owner: OWNER,
    });
    await fc.assert(
      fc.asyncProperty(
        twoTenants,
        fc.constantFrom("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"),
        fc.constantFrom("own", "other", "both"),
        async ([owner, other], action, keys) => {
          const leadingKeys =
            keys === "own" ? [owner] : keys === "other" ? [other] : [owner, other];
          const context = { "aws:PrincipalTag/tenant": owner, "dynamodb:LeadingKeys": leadingKeys };
          const decision = ours(document, action, TABLE, context);
          expect(decision).toBe(keys === "own" ? "allow" : "implicit-deny");
          expect(await simulate(document, action, TABLE, context)).toBe(decision);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it("s3PerIdentityPolicy: objects and listings under the owner's folder only", async () => {
    const document = s3PerIdentityPolicy({
      bucket: BUCKET,
      prefix: "private",
      actions: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
      owner: OWNER,
    });
    await fc.assert(
      fc.asyncProperty(
        twoTenants,
        fc.constantFrom("own", "other", "look-alike"),
        fc.constantFrom("s3:GetObject", "s3:PutObject", "s3:ListBucket"),
        async ([owner, other], whose, action) => {
          const folder = whose === "own" ? owner : whose === "other" ? other : `${owner}-shadow`;
          const context: Record<string, string | string[]> = { "aws:PrincipalTag/tenant": owner };
          let resource: string;
          if (action === "s3:ListBucket") {
            resource = `arn:aws:s3:::${BUCKET}`;
            context["s3:prefix"] = `private/${folder}/`;
          } else {
            resource = `arn:aws:s3:::${BUCKET}/private/${folder}/photo.jpg`;
          }
          const decision = ours(document, action, resource, context);
          expect(decision).toBe(whose === "own" ? "allow" : "implicit-deny");
          expect(await simulate(document, action, resource, context)).toBe(decision);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
