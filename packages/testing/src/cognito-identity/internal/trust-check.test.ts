import type { PolicyDocument } from "@gatehouse/policy";
import { describe, expect, it } from "vitest";
import { trustPolicy } from "../test-support.js";
import type { KnownRole } from "./role-catalog.js";
import { parseRoleArn } from "./role-catalog.js";
import { trustAllows, type WebIdentityClaims } from "./trust-check.js";

const POOL = "us-east-1:12345678-1234-4234-8234-123456789012";
const OTHER = "us-east-1:87654321-1234-4234-8234-123456789012";
const ARN = "arn:aws:iam::123456789012:role/App";
const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc";

function known(trust: PolicyDocument | string): KnownRole {
  const parsed = parseRoleArn(ARN);
  if (parsed === undefined) throw new Error("test role ARN");
  return {
    arn: ARN,
    parsed,
    roleId: "AROAEXAMPLE",
    trustPolicy: trust,
    permissionPolicies: [],
    defaultTrust: false,
  };
}

const signedIn: WebIdentityClaims = {
  aud: POOL,
  amr: ["authenticated", USER_POOL, `${USER_POOL}:CognitoSignIn:user-1`],
  sub: "us-east-1:0000-identity",
};
const guest: WebIdentityClaims = {
  aud: POOL,
  amr: ["unauthenticated"],
  sub: "us-east-1:0000-guest",
};
const ASSUME = ["sts:AssumeRoleWithWebIdentity"];

describe("trustAllows: a role's trust policy for an identity pool's token", () => {
  it.each([
    {
      name: "AWS's authenticated-role example",
      trust: trustPolicy(POOL, "authenticated"),
      claims: signedIn,
      allowed: true,
    },
    {
      name: "AWS's example, a guest token",
      trust: trustPolicy(POOL, "authenticated"),
      claims: guest,
      allowed: false,
    },
    {
      name: "AWS's unauthenticated-role example, a guest",
      trust: trustPolicy(POOL, "unauthenticated"),
      claims: guest,
      allowed: true,
    },
    {
      name: "aud naming another pool",
      trust: trustPolicy(OTHER, "authenticated"),
      claims: signedIn,
      allowed: false,
    },
    {
      name: "aud listing several pools",
      trust: trustPolicy([OTHER, POOL], "authenticated"),
      claims: signedIn,
      allowed: true,
    },
    {
      name: "amr naming the provider used (multi-valued amr)",
      trust: trustPolicy(POOL, USER_POOL),
      claims: signedIn,
      allowed: true,
    },
    {
      name: "amr naming another provider",
      trust: trustPolicy(POOL, "graph.facebook.com"),
      claims: signedIn,
      allowed: false,
    },
    {
      name: "amr with a wildcard (StringLike)",
      trust: trustPolicy(POOL, "cognito-idp.*"),
      claims: signedIn,
      allowed: true,
    },
    {
      name: "the policy as JSON text",
      trust: JSON.stringify(trustPolicy(POOL, "authenticated")),
      claims: signedIn,
      allowed: true,
    },
    { name: "text that is not JSON", trust: "{", claims: signedIn, allowed: false },
    {
      name: "a sub condition naming the identity",
      trust: {
        Version: "2012-10-17",
        Statement: {
          Effect: "Allow",
          Principal: { Federated: "cognito-identity.amazonaws.com" },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: { StringEquals: { "cognito-identity.amazonaws.com:sub": signedIn.sub } },
        },
      },
      claims: signedIn,
      allowed: true,
    },
    {
      name: "another federated principal (an OIDC provider)",
      trust: {
        Version: "2012-10-17",
        Statement: {
          Effect: "Allow",
          Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/accounts.google.com" },
          Action: "sts:AssumeRoleWithWebIdentity",
        },
      },
      claims: signedIn,
      allowed: false,
    },
    {
      name: "an AWS principal, not Federated",
      trust: {
        Version: "2012-10-17",
        Statement: {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::123456789012:root" },
          Action: "sts:AssumeRoleWithWebIdentity",
        },
      },
      claims: signedIn,
      allowed: false,
    },
    {
      name: "sts:AssumeRole only (the CDK copy-paste mistake)",
      trust: trustPolicy(POOL, "authenticated", ["sts:AssumeRole"]),
      claims: signedIn,
      allowed: false,
    },
    {
      name: "an explicit Deny for guests beside an Allow for all of the pool",
      trust: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Federated: "cognito-identity.amazonaws.com" },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: { StringEquals: { "cognito-identity.amazonaws.com:aud": POOL } },
          },
          {
            Effect: "Deny",
            Principal: { Federated: "cognito-identity.amazonaws.com" },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: {
              "ForAnyValue:StringEquals": {
                "cognito-identity.amazonaws.com:amr": "unauthenticated",
              },
            },
          },
        ],
      },
      claims: guest,
      allowed: false,
    },
  ] satisfies Array<{
    name: string;
    trust: PolicyDocument | string;
    claims: WebIdentityClaims;
    allowed: boolean;
  }>)("$name: $allowed", ({ trust, claims, allowed }) => {
    expect(trustAllows(known(trust), claims, ASSUME)).toBe(allowed);
  });

  it("needs every action: sts:TagSession too when tags are set", () => {
    const withoutTag = known(trustPolicy(POOL, "authenticated", ["sts:AssumeRoleWithWebIdentity"]));
    expect(trustAllows(withoutTag, signedIn, ASSUME)).toBe(true);
    expect(trustAllows(withoutTag, signedIn, [...ASSUME, "sts:TagSession"])).toBe(false);
    const withTag = known(trustPolicy(POOL, "authenticated"));
    expect(trustAllows(withTag, signedIn, [...ASSUME, "sts:TagSession"])).toBe(true);
  });

  it("reads the session tags asked for as aws:RequestTag/* and aws:TagKeys", () => {
    const tenantOnly = known({
      Version: "2012-10-17",
      Statement: {
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
        Condition: {
          StringEquals: {
            "cognito-identity.amazonaws.com:aud": POOL,
            "aws:RequestTag/tenant": "acme",
          },
          "ForAllValues:StringEquals": { "aws:TagKeys": ["tenant"] },
        },
      },
    });
    const actions = [...ASSUME, "sts:TagSession"];
    expect(trustAllows(tenantOnly, signedIn, actions, { tenant: "acme" })).toBe(true);
    expect(trustAllows(tenantOnly, signedIn, actions, { tenant: "other" })).toBe(false);
    expect(trustAllows(tenantOnly, signedIn, actions, { tenant: "acme", role: "admin" })).toBe(
      false,
    );
  });
});
