// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings.
import { describe, expect, it } from "vitest";
import { gameScoresAttributeLevelExample } from "../identity-policy/test-support.js";
import { cognitoSessionContext } from "../identity-pool/cognito-session-context.js";
import { COGNITO_UNAUTHENTICATED_SESSION_POLICY } from "../identity-pool/cognito-unauthenticated-session-policy.js";
import { evaluateIdentityPolicy } from "./evaluate-identity-policy.js";
import type { ConditionContext } from "./evaluate-policy.js";

const POOL = "us-east-1:12345678-1234-1234-1234-123456789012";
const OWNER = "us-east-1:1111aaaa-2222-3333-4444-555566667777";
const OTHER = "us-east-1:9999ffff-8888-7777-6666-555544443333";
const ROLE = "arn:aws:iam::123456789012:role/app-auth";
const TABLE = "arn:aws:dynamodb:us-west-2:123456789012:table/GameScores";

const session = (identityId: string, tags: Record<string, string> = {}) =>
  cognitoSessionContext(
    { identityPoolId: POOL, identityId, authenticated: true, principalTags: tags },
    ROLE,
  );

// DynamoDB developer guide, "Using IAM policy conditions for fine-grained access control"
// (specifying-conditions.html), with the Cognito variable of IAM's example
// reference_policies_examples_dynamodb_items.html.
const ROW_LEVEL = gameScoresAttributeLevelExample(TABLE);

// Cognito developer guide, "IAM roles" / IAM example reference_policies_examples_s3_cognito-bucket.html.
const BUCKET = "arn:aws:s3:::amzn-s3-demo-bucket";
const S3_PER_USER = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: ["s3:ListBucket"],
      Resource: [BUCKET],
      Condition: { StringLike: { "s3:prefix": ["${cognito-identity.amazonaws.com:sub}/*"] } },
    },
    {
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:PutObject"],
      Resource: [`${BUCKET}/\${cognito-identity.amazonaws.com:sub}/*`],
    },
  ],
};

describe("evaluateIdentityPolicy: DynamoDB row-level security (AWS example)", () => {
  it.each<[string, string, ConditionContext, string]>([
    [
      "the owner reads its own item",
      "dynamodb:GetItem",
      {
        "dynamodb:LeadingKeys": [OWNER],
        "dynamodb:Attributes": ["UserId", "Wins"],
        "dynamodb:Select": "SPECIFIC_ATTRIBUTES",
      },
      "allow",
    ],
    [
      "another identity's item is refused",
      "dynamodb:GetItem",
      { "dynamodb:LeadingKeys": [OTHER] },
      "implicit-deny",
    ],
    [
      "a batch with one foreign key is refused (ForAllValues)",
      "dynamodb:BatchGetItem",
      { "dynamodb:LeadingKeys": [OWNER, OTHER] },
      "implicit-deny",
    ],
    [
      "an attribute outside the list is refused",
      "dynamodb:GetItem",
      { "dynamodb:LeadingKeys": [OWNER], "dynamodb:Attributes": ["UserId", "Secret"] },
      "implicit-deny",
    ],
    [
      "ALL_ATTRIBUTES is refused by dynamodb:Select",
      "dynamodb:Query",
      { "dynamodb:LeadingKeys": [OWNER], "dynamodb:Select": "ALL_ATTRIBUTES" },
      "implicit-deny",
    ],
    [
      "no Select key passes (IfExists)",
      "dynamodb:GetItem",
      { "dynamodb:LeadingKeys": [OWNER] },
      "allow",
    ],
    [
      "no LeadingKeys at all passes: ForAllValues is true on an absent key (pair it with a Null check)",
      "dynamodb:Query",
      {},
      "allow",
    ],
    [
      "another action is not granted",
      "dynamodb:Scan",
      { "dynamodb:LeadingKeys": [OWNER] },
      "implicit-deny",
    ],
  ])("%s", (_name, action, keys, decision) => {
    const result = evaluateIdentityPolicy(ROW_LEVEL, {
      action,
      resource: TABLE,
      context: { ...session(OWNER), ...keys },
    });
    expect(result.error).toBeUndefined();
    expect(result.decision).toBe(decision);
  });

  it("refuses everything when the identity has no sub: a variable without a value matches nothing", () => {
    const result = evaluateIdentityPolicy(ROW_LEVEL, {
      action: "dynamodb:GetItem",
      resource: TABLE,
      context: { "dynamodb:LeadingKeys": [OWNER] },
    });
    expect(result.decision).toBe("implicit-deny");
  });

  it("reads ${...} literally without Version 2012-10-17", () => {
    const old = { ...ROW_LEVEL, Version: "2008-10-17" };
    const literal = evaluateIdentityPolicy(old, {
      action: "dynamodb:GetItem",
      resource: TABLE,
      context: {
        ...session(OWNER),
        "dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"],
      },
    });
    expect(literal.decision).toBe("allow");
    const owner = evaluateIdentityPolicy(old, {
      action: "dynamodb:GetItem",
      resource: TABLE,
      context: { ...session(OWNER), "dynamodb:LeadingKeys": [OWNER] },
    });
    expect(owner.decision).toBe("implicit-deny");
  });
});

describe("evaluateIdentityPolicy: S3 per-identity prefix (AWS example)", () => {
  it.each<[string, string, string, ConditionContext, string]>([
    [
      "the owner lists its prefix",
      "s3:ListBucket",
      BUCKET,
      { "s3:prefix": `${OWNER}/photos/` },
      "allow",
    ],
    [
      "another identity's prefix is refused",
      "s3:ListBucket",
      BUCKET,
      { "s3:prefix": `${OTHER}/` },
      "implicit-deny",
    ],
    ["listing the whole bucket is refused", "s3:ListBucket", BUCKET, {}, "implicit-deny"],
    ["the owner reads its object", "s3:GetObject", `${BUCKET}/${OWNER}/a.jpg`, {}, "allow"],
    [
      "another identity's object is refused",
      "s3:GetObject",
      `${BUCKET}/${OTHER}/a.jpg`,
      {},
      "implicit-deny",
    ],
    ["deleting is not granted", "s3:DeleteObject", `${BUCKET}/${OWNER}/a.jpg`, {}, "implicit-deny"],
  ])("%s", (_name, action, resource, keys, decision) => {
    expect(
      evaluateIdentityPolicy(S3_PER_USER, {
        action,
        resource,
        context: { ...session(OWNER), ...keys },
      }).decision,
    ).toBe(decision);
  });

  it("does not treat a * in the identity id as a wildcard", () => {
    const result = evaluateIdentityPolicy(S3_PER_USER, {
      action: "s3:GetObject",
      resource: `${BUCKET}/${OWNER}/a.jpg`,
      context: session("*"),
    });
    expect(result.decision).toBe("implicit-deny");
  });
});

describe("evaluateIdentityPolicy: principal tags, sessions, several policies", () => {
  const tenantPolicy = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: "execute-api:Invoke",
        Resource:
          "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/tenants/${aws:PrincipalTag/tenant}/*",
      },
    ],
  };
  const INVOKE = (tenant: string) =>
    `arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/tenants/${tenant}/orders`;

  it.each<[string, Record<string, string>, string, string]>([
    ["its own tenant", { tenant: "acme" }, "acme", "allow"],
    ["another tenant", { tenant: "acme" }, "globex", "implicit-deny"],
    ["no tenant tag", {}, "acme", "implicit-deny"],
  ])("aws:PrincipalTag variable: %s", (_name, tags, tenant, decision) => {
    expect(
      evaluateIdentityPolicy(tenantPolicy, {
        action: "execute-api:Invoke",
        resource: INVOKE(tenant),
        context: session(OWNER, tags),
      }).decision,
    ).toBe(decision);
  });

  it("limits a guest to the session policy: the role's execute-api grant is not enough", () => {
    const role = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: ["execute-api:Invoke", "polly:SynthesizeSpeech"],
          Resource: "*",
        },
      ],
    };
    const ask = (action: string, resource: string) =>
      evaluateIdentityPolicy(
        role,
        { action, resource },
        { sessionPolicy: COGNITO_UNAUTHENTICATED_SESSION_POLICY },
      ).decision;
    expect(ask("execute-api:Invoke", INVOKE("acme"))).toBe("implicit-deny");
    expect(ask("polly:SynthesizeSpeech", "*")).toBe("allow");
  });

  it("lets a Deny of any policy win and reports which policy each statement came from", () => {
    const allow = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }],
    };
    const deny = {
      Version: "2012-10-17",
      Statement: [{ Sid: "NoDelete", Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" }],
    };
    expect(
      evaluateIdentityPolicy([allow, deny], { action: "s3:DeleteObject", resource: `${BUCKET}/k` }),
    ).toEqual({
      decision: "explicit-deny",
      matched: [
        { policy: 0, index: 0, sid: undefined, effect: "Allow" },
        { policy: 1, index: 0, sid: "NoDelete", effect: "Deny" },
      ],
    });
    expect(evaluateIdentityPolicy([], { action: "s3:GetObject", resource: BUCKET }).decision).toBe(
      "implicit-deny",
    );
  });

  it.each<[string, string, string]>([
    [
      "a session of the role",
      "arn:aws:sts::123456789012:assumed-role/app-auth/CognitoIdentityCredentials",
      "allow",
    ],
    [
      "a session of another role",
      "arn:aws:sts::123456789012:assumed-role/other/CognitoIdentityCredentials",
      "explicit-deny",
    ],
    ["the role ARN itself", ROLE, "allow"],
  ])("sets aws:PrincipalArn to the role for %s", (_name, arn, decision) => {
    const policy = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
        {
          Effect: "Deny",
          Action: "*",
          Resource: "*",
          Condition: { ArnNotEquals: { "aws:PrincipalArn": ROLE } },
        },
      ],
    };
    const result = evaluateIdentityPolicy(policy, {
      action: "s3:GetObject",
      resource: `${BUCKET}/k`,
      principal: { arn, accountId: "123456789012" },
    });
    expect(result.decision).toBe(decision);
  });

  it.each<[string, unknown, string]>([
    [
      "a Principal (IAM: an identity-based policy has none)",
      { Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" }] },
      "policies[1].Statement[0].Principal",
    ],
    [
      "no Resource",
      { Statement: [{ Effect: "Allow", Action: "s3:*" }] },
      "policies[1].Statement[0]",
    ],
  ])("fails closed on a policy with %s", (_name, policy, path) => {
    const result = evaluateIdentityPolicy(
      [{ Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }, policy],
      { action: "s3:GetObject", resource: BUCKET },
    );
    expect(result).toMatchObject({
      decision: "implicit-deny",
      matched: [],
      error: { code: "invalid_policy", path },
    });
  });
});
