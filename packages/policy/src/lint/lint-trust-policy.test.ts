import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import { identityPoolTrustPolicy } from "../identity-policy/identity-pool-trust-policy.js";
import { POOL_ID } from "../identity-policy/test-support.js";
import { type LintTrustPolicyOptions, lintTrustPolicy } from "./lint-trust-policy.js";

const AUD = "cognito-identity.amazonaws.com:aud";
const AMR = "cognito-identity.amazonaws.com:amr";

/** AWS's trust policy for an authenticated role, with `change` applied to its one statement. */
function trust(change: Record<string, unknown> = {}, condition?: Record<string, unknown>) {
  const statement: Record<string, unknown> = {
    Effect: "Allow",
    Principal: { Federated: "cognito-identity.amazonaws.com" },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: condition ?? {
      StringEquals: { [AUD]: POOL_ID },
      "ForAnyValue:StringLike": { [AMR]: "authenticated" },
    },
    ...change,
  };
  return {
    Version: "2012-10-17",
    Statement: [
      Object.fromEntries(Object.entries(statement).filter(([, value]) => value !== undefined)),
    ],
  };
}

function codes(policy: unknown, options?: LintTrustPolicyOptions) {
  return lintTrustPolicy(policy, options).map(({ code, severity, path }) => ({
    code,
    severity,
    path,
  }));
}

describe("lintTrustPolicy", () => {
  it.each([
    [{ identityPoolId: POOL_ID, amr: "authenticated" as const }, {}],
    [
      { identityPoolId: POOL_ID, amr: "unauthenticated" as const },
      { amr: "unauthenticated" as const },
    ],
    [
      { identityPoolId: POOL_ID, amr: "authenticated" as const, tagSession: true },
      { principalTagsMapped: true, amr: "authenticated" as const },
    ],
  ])("accepts identityPoolTrustPolicy(%j)", (options, lintOptions) => {
    expect(codes(identityPoolTrustPolicy(options), lintOptions)).toEqual([]);
  });

  it("accepts AWS's documented trust policy as a JSON string", () => {
    expect(codes(JSON.stringify(trust()), { amr: "authenticated" })).toEqual([]);
  });

  it.each([
    ["no aud at all", { "ForAnyValue:StringLike": { [AMR]: "authenticated" } }, "Statement[0]"],
    [
      "a wildcard aud",
      {
        StringLike: { [AUD]: "us-east-1:*" },
        "ForAnyValue:StringLike": { [AMR]: "authenticated" },
      },
      "Statement[0].Condition.StringLike.cognito-identity.amazonaws.com:aud",
    ],
    [
      "a negated aud",
      { StringNotEquals: { [AUD]: POOL_ID }, "ForAnyValue:StringLike": { [AMR]: "authenticated" } },
      "Statement[0].Condition.StringNotEquals.cognito-identity.amazonaws.com:aud",
    ],
    [
      "an IfExists aud",
      {
        StringEqualsIfExists: { [AUD]: POOL_ID },
        "ForAnyValue:StringLike": { [AMR]: "authenticated" },
      },
      "Statement[0].Condition.StringEqualsIfExists.cognito-identity.amazonaws.com:aud",
    ],
  ])("reports %s: any pool could assume the role", (_name, condition, path) => {
    expect(codes(trust({}, condition))).toEqual([
      { code: "missing_aud_condition", severity: "error", path },
    ]);
  });

  it("reports a missing amr", () => {
    expect(codes(trust({}, { StringEquals: { [AUD]: POOL_ID } }))).toEqual([
      { code: "missing_amr_condition", severity: "error", path: "Statement[0]" },
    ]);
  });

  it.each([
    [
      "StringEquals on multi-valued amr",
      { StringEquals: { [AUD]: POOL_ID, [AMR]: "authenticated" } },
      {},
      "Statement[0].Condition.StringEquals.cognito-identity.amazonaws.com:amr",
    ],
    [
      "ForAllValues on amr",
      { StringEquals: { [AUD]: POOL_ID }, "ForAllValues:StringLike": { [AMR]: "authenticated" } },
      {},
      "Statement[0].Condition.ForAllValues:StringLike.cognito-identity.amazonaws.com:amr",
    ],
    [
      "an authenticated role trusting guests",
      { StringEquals: { [AUD]: POOL_ID }, "ForAnyValue:StringLike": { [AMR]: "unauthenticated" } },
      { amr: "authenticated" as const },
      "Statement[0].Condition.ForAnyValue:StringLike.cognito-identity.amazonaws.com:amr",
    ],
    [
      "a guest role trusting signed-in users",
      {
        StringEquals: { [AUD]: POOL_ID },
        "ForAnyValue:StringLike": { [AMR]: ["unauthenticated", "authenticated"] },
      },
      { amr: "unauthenticated" as const },
      "Statement[0].Condition.ForAnyValue:StringLike.cognito-identity.amazonaws.com:amr[1]",
    ],
    [
      "a wildcard amr",
      { StringEquals: { [AUD]: POOL_ID }, "ForAnyValue:StringLike": { [AMR]: "*" } },
      {},
      "Statement[0].Condition.ForAnyValue:StringLike.cognito-identity.amazonaws.com:amr",
    ],
  ])("reports %s", (_name, condition, options, path) => {
    expect(codes(trust({}, condition), options)).toEqual([
      { code: "wrong_amr_condition", severity: "error", path },
    ]);
  });

  it("accepts a provider name in amr for an authenticated role", () => {
    const condition = {
      StringEquals: { [AUD]: POOL_ID },
      "ForAnyValue:StringLike": { [AMR]: "graph.facebook.com" },
    };
    expect(codes(trust({}, condition), { amr: "authenticated" })).toEqual([]);
  });

  it("reports sts:TagSession missing while principal tags are mapped", () => {
    expect(codes(trust(), { principalTagsMapped: true })).toEqual([
      { code: "missing_tag_session", severity: "error", path: "Statement[0].Action" },
    ]);
  });

  it.each([
    [{ Action: ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRole"] }, "Statement[0].Action[1]"],
    [{ Action: ["sts:*"] }, "Statement[0].Action[0]"],
    [{ Action: undefined, NotAction: "sts:AssumeRole" }, "Statement[0].NotAction"],
  ])("reports actions beyond the identity pool's: %j", (change, path) => {
    expect(codes(trust(change))).toEqual([{ code: "wrong_trust_action", severity: "error", path }]);
  });

  it("reports a trust policy that lets no identity pool assume the role", () => {
    expect(codes(trust({ Action: "sts:TagSession" }))).toEqual([
      { code: "wrong_trust_action", severity: "error", path: "Statement" },
    ]);
  });

  it.each([
    [{ Principal: "*" }, "Statement[0].Principal"],
    [
      { Principal: { Federated: ["cognito-identity.amazonaws.com", "accounts.google.com"] } },
      "Statement[0].Principal",
    ],
    [
      {
        Principal: {
          Federated: "cognito-identity.amazonaws.com",
          AWS: "arn:aws:iam::123456789012:root",
        },
      },
      "Statement[0].Principal",
    ],
  ])("reports another principal: %j", (change, path) => {
    expect(codes(trust(change))).toContainEqual({
      code: "wrong_trust_principal",
      severity: "error",
      path,
    });
  });

  it("reports Resource, which IAM rejects in a trust policy", () => {
    expect(codes(trust({ Resource: "*" }))).toEqual([
      { code: "resource_in_trust_policy", severity: "error", path: "Statement[0].Resource" },
    ]);
  });

  it("reads a single statement object and suppressions", () => {
    const policy: PolicyDocument = {
      Version: "2012-10-17",
      Statement: trust().Statement[0] as never,
    };
    expect(
      lintTrustPolicy(policy, {
        principalTagsMapped: true,
        suppress: [{ code: "missing_tag_session", reason: "tags are mapped on another role" }],
      }),
    ).toEqual([
      expect.objectContaining({
        code: "missing_tag_session",
        suppressed: { reason: "tags are mapped on another role" },
      }),
    ]);
  });

  it.each([
    [{ principalTagsMapped: "yes" }],
    [{ amr: "guest" }],
    [{ suppress: [{ code: "broad_invoke_resource", reason: "x" }] }],
  ])("refuses malformed options: %j", (options) => {
    expect(() => lintTrustPolicy(trust(), options as never)).toThrow(TypeError);
  });

  it.each([
    ["{not json"],
    [{ Statement: [{ Effect: "Allow", Principal: { Federated: "x" }, Action: 7 }] }],
  ])("refuses a document that is not IAM policy JSON: %j", (policy) => {
    expect(() => lintTrustPolicy(policy)).toThrowCode("invalid_policy");
  });
});
