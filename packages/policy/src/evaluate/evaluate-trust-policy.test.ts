import { describe, expect, it } from "vitest";
import { cognitoAssumeRoleContext } from "../identity-pool/cognito-assume-role-context.js";
import type { RequestPrincipal } from "./evaluate-policy.js";
import { evaluateTrustPolicy } from "./evaluate-trust-policy.js";

// Golden documents: the trust policies of the Cognito developer guide, "Role trust and
// permissions" (role-trust-and-permissions.html) and "Role-based access control".
const POOL = "us-east-1:12345678-corner-cafe-123456790ab";
const OTHER_POOL = "us-east-1:87654321-dead-beef-0000-000000000000";
const ROLE = "arn:aws:iam::123456789012:role/identity-pool-auth";
const COGNITO: RequestPrincipal = { federated: "cognito-identity.amazonaws.com" };
const ASSUME = "sts:AssumeRoleWithWebIdentity";

const trust = (amr: "authenticated" | "unauthenticated", aud: string | string[] = POOL) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "",
      Effect: "Allow",
      Principal: { Federated: "cognito-identity.amazonaws.com" },
      Action: ASSUME,
      Condition: {
        StringEquals: { "cognito-identity.amazonaws.com:aud": aud },
        "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": amr },
      },
    },
  ],
});
const noAudience = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Federated: "cognito-identity.amazonaws.com" },
      Action: ASSUME,
      Condition: {
        "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
      },
    },
  ],
};

function identity(pool: string, authenticated: boolean) {
  return cognitoAssumeRoleContext({
    identityPoolId: pool,
    identityId: "us-east-1:1111aaaa-2222-3333-4444-555566667777",
    authenticated,
    providers: ["cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi"],
  });
}

describe("evaluateTrustPolicy: AWS's identity-pool trust policies", () => {
  it.each<[string, unknown, RequestPrincipal, ReturnType<typeof identity>, string]>([
    [
      "authenticated role, its pool's signed-in identity",
      trust("authenticated"),
      COGNITO,
      identity(POOL, true),
      "allow",
    ],
    [
      "authenticated role, a guest of its pool",
      trust("authenticated"),
      COGNITO,
      identity(POOL, false),
      "implicit-deny",
    ],
    [
      "authenticated role, a signed-in identity of another pool",
      trust("authenticated"),
      COGNITO,
      identity(OTHER_POOL, true),
      "implicit-deny",
    ],
    [
      "guest role, its pool's guest",
      trust("unauthenticated"),
      COGNITO,
      identity(POOL, false),
      "allow",
    ],
    [
      "guest role, a signed-in identity",
      trust("unauthenticated"),
      COGNITO,
      identity(POOL, true),
      "implicit-deny",
    ],
    [
      "role shared by two pools, the second pool",
      trust("authenticated", [POOL, OTHER_POOL]),
      COGNITO,
      identity(OTHER_POOL, true),
      "allow",
    ],
    [
      "no aud condition: ANY pool's identity assumes it (AWS's warning)",
      noAudience,
      COGNITO,
      identity(OTHER_POOL, true),
      "allow",
    ],
    [
      "another web identity provider",
      trust("authenticated"),
      { federated: "accounts.google.com" },
      identity(POOL, true),
      "implicit-deny",
    ],
    [
      "an IAM role session is not a federated principal",
      trust("authenticated"),
      { arn: "arn:aws:sts::123456789012:assumed-role/x/s", accountId: "123456789012" },
      identity(POOL, true),
      "implicit-deny",
    ],
    ["no context at all", trust("authenticated"), COGNITO, {}, "implicit-deny"],
  ])("%s", (_name, policy, principal, context, decision) => {
    const result = evaluateTrustPolicy(policy, {
      action: ASSUME,
      principal,
      roleArn: ROLE,
      context,
    });
    expect(result.error).toBeUndefined();
    expect(result.decision).toBe(decision);
  });

  it("lists only the actions it names: sts:TagSession needs its own grant", () => {
    const context = identity(POOL, true);
    expect(
      evaluateTrustPolicy(trust("authenticated"), {
        action: "sts:TagSession",
        principal: COGNITO,
        roleArn: ROLE,
        context,
      }).decision,
    ).toBe("implicit-deny");
    const withTags = trust("authenticated");
    (withTags.Statement[0] as { Action: string | string[] }).Action = [ASSUME, "sts:TagSession"];
    expect(
      evaluateTrustPolicy(withTags, {
        action: "sts:TagSession",
        principal: COGNITO,
        roleArn: ROLE,
        context,
      }).decision,
    ).toBe("allow");
  });

  it('matches Principal "*", and a caller\'s provider name in any case', () => {
    const star = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: "*", Action: ASSUME }],
    };
    expect(
      evaluateTrustPolicy(star, { action: ASSUME, principal: COGNITO, roleArn: ROLE }).decision,
    ).toBe("allow");
    const upper: RequestPrincipal = { federated: "Cognito-Identity.AmazonAWS.com" };
    expect(
      evaluateTrustPolicy(trust("authenticated"), {
        action: ASSUME,
        principal: upper,
        roleArn: ROLE,
        context: identity(POOL, true),
      }).decision,
    ).toBe("allow");
  });

  it("lets a Deny on the sub win (one identity blocked)", () => {
    const policy = trust("authenticated");
    const blocked = {
      ...policy,
      Statement: [
        ...policy.Statement,
        {
          Effect: "Deny",
          Principal: { Federated: "cognito-identity.amazonaws.com" },
          Action: ASSUME,
          Condition: {
            StringEquals: {
              "cognito-identity.amazonaws.com:sub":
                "us-east-1:1111aaaa-2222-3333-4444-555566667777",
            },
          },
        },
      ],
    };
    expect(
      evaluateTrustPolicy(blocked, {
        action: ASSUME,
        principal: COGNITO,
        roleArn: ROLE,
        context: identity(POOL, true),
      }).decision,
    ).toBe("explicit-deny");
  });

  it("matches an IAM caller named under Principal.AWS for sts:AssumeRole, with aws:PrincipalArn the role", () => {
    const policy = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::123456789012:root" },
          Action: "sts:AssumeRole",
          Condition: { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/ci" } },
        },
      ],
    };
    const ask = (arn: string) =>
      evaluateTrustPolicy(policy, {
        action: "sts:AssumeRole",
        principal: { arn, accountId: "123456789012" },
        roleArn: ROLE,
      }).decision;
    expect(ask("arn:aws:sts::123456789012:assumed-role/ci/build-7")).toBe("allow");
    expect(ask("arn:aws:sts::123456789012:assumed-role/other/build-7")).toBe("implicit-deny");
  });

  it.each<[string, unknown, string]>([
    [
      "a Resource (IAM: Has prohibited field Resource)",
      { Statement: [{ Effect: "Allow", Principal: "*", Action: ASSUME, Resource: "*" }] },
      "Statement[0].Resource",
    ],
    [
      "no Principal",
      { Statement: [{ Effect: "Allow", Action: ASSUME }] },
      "Statement[0].Principal",
    ],
  ])("fails closed on a trust policy with %s", (_name, policy, path) => {
    const result = evaluateTrustPolicy(policy, {
      action: ASSUME,
      principal: COGNITO,
      roleArn: ROLE,
    });
    expect(result.decision).toBe("implicit-deny");
    expect(result.error).toMatchObject({ code: "invalid_policy", path });
  });

  it("fails closed on a malformed caller", () => {
    const result = evaluateTrustPolicy(trust("authenticated"), {
      action: ASSUME,
      principal: { federated: "" } as RequestPrincipal,
      roleArn: ROLE,
    });
    expect(result).toMatchObject({ decision: "implicit-deny", error: { code: "invalid_request" } });
  });
});
