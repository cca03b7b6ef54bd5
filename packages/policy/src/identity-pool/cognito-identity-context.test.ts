import { describe, expect, it } from "vitest";
import { cognitoAssumeRoleContext } from "./cognito-assume-role-context.js";
import type { CognitoIdentity } from "./cognito-identity.js";
import { cognitoSessionContext } from "./cognito-session-context.js";
import { AUTH_ROLE, POOL_ID, USER_POOL } from "./test-support.js";

const IDENTITY_ID = "us-east-1:1111aaaa-2222-3333-4444-555566667777";
const signedIn: CognitoIdentity = {
  identityPoolId: POOL_ID,
  identityId: IDENTITY_ID,
  authenticated: true,
  providers: [USER_POOL, `${USER_POOL}:CognitoSignIn:8f1e`],
  principalTags: { username: "8f1e", tenant: "acme" },
};

describe("cognitoAssumeRoleContext", () => {
  it("carries aud, sub, a multi-valued amr and the request tags of a signed-in identity", () => {
    expect(cognitoAssumeRoleContext(signedIn)).toEqual({
      "cognito-identity.amazonaws.com:aud": POOL_ID,
      "cognito-identity.amazonaws.com:sub": IDENTITY_ID,
      "cognito-identity.amazonaws.com:amr": [
        "authenticated",
        USER_POOL,
        `${USER_POOL}:CognitoSignIn:8f1e`,
      ],
      "aws:FederatedProvider": "cognito-identity.amazonaws.com",
      "aws:RequestTag/username": "8f1e",
      "aws:RequestTag/tenant": "acme",
      "aws:TagKeys": ["username", "tenant"],
    });
  });

  it("gives a guest amr [unauthenticated], whatever providers say", () => {
    const context = cognitoAssumeRoleContext({
      ...signedIn,
      authenticated: false,
      principalTags: {},
    });
    expect(context["cognito-identity.amazonaws.com:amr"]).toEqual(["unauthenticated"]);
    expect(context).not.toHaveProperty("aws:TagKeys");
  });

  it.each<[string, unknown]>([
    ["no identity", null],
    ["a numeric identity id", { ...signedIn, identityId: 1 }],
    ["authenticated as text", { ...signedIn, authenticated: "yes" }],
    ["a tag that is not a string", { ...signedIn, principalTags: { a: 1 } }],
  ])("throws TypeError for %s", (_name, identity) => {
    expect(() => cognitoAssumeRoleContext(identity as CognitoIdentity)).toThrow(TypeError);
  });
});

describe("cognitoSessionContext", () => {
  it("carries principal tags and the role (not the session) as aws:PrincipalArn", () => {
    expect(cognitoSessionContext(signedIn, AUTH_ROLE)).toMatchObject({
      "cognito-identity.amazonaws.com:sub": IDENTITY_ID,
      "aws:PrincipalTag/tenant": "acme",
      "aws:PrincipalArn": AUTH_ROLE,
      "aws:PrincipalAccount": "123456789012",
      "aws:PrincipalType": "AssumedRole",
    });
  });

  it("refuses a session ARN where the role ARN belongs", () => {
    expect(() =>
      cognitoSessionContext(signedIn, "arn:aws:sts::123456789012:assumed-role/app-auth/s"),
    ).toThrow(TypeError);
  });
});
