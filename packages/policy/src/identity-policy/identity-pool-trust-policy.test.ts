import { describe, expect, it } from "vitest";
import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type { PolicyDocument } from "../document/policy-document.js";
import { identityPoolTrustPolicy } from "./identity-pool-trust-policy.js";
import { comparable, OTHER_POOL_ID, POOL_ID } from "./test-support.js";

describe("identityPoolTrustPolicy", () => {
  it("equals AWS's trust policy for an unauthenticated role", () => {
    // https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
    // AWS's placeholder pool id "us-east-1:12345678-corner-cafe-123456790ab" is not a valid id (the
    // API's pattern is [\w-]+:[0-9a-f-]+), so a real-shaped id stands in for it.
    const documented: PolicyDocument = {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "",
          Effect: "Allow",
          Principal: { Federated: "cognito-identity.amazonaws.com" },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: { "cognito-identity.amazonaws.com:aud": POOL_ID },
            "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "unauthenticated" },
          },
        },
      ],
    };
    const built = identityPoolTrustPolicy({ identityPoolId: POOL_ID, amr: "unauthenticated" });
    expect(comparable(built)).toEqual(comparable(documented));
  });

  it("equals AWS's trust policy for principal tags (sts:TagSession)", () => {
    // The role-trust-and-permissions.html example for authenticated identities, with the
    // sts:TagSession that https://docs.aws.amazon.com/cognito/latest/developerguide/attributes-for-access-control.html
    // requires for principal tags.
    const documented: PolicyDocument = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: "cognito-identity.amazonaws.com" },
          Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
          Condition: {
            StringEquals: { "cognito-identity.amazonaws.com:aud": POOL_ID },
            "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
          },
        },
      ],
    };
    const built = identityPoolTrustPolicy({
      identityPoolId: POOL_ID,
      amr: "authenticated",
      tagSession: true,
    });
    expect(comparable(built)).toEqual(comparable(documented));
  });

  it("lists several pools under aud and restricts sub to the subjects", () => {
    const subject = "us-east-1:3f1c0d5e-8a3b-4c2d-9e1f-0a1b2c3d4e5f";
    const built = identityPoolTrustPolicy({
      identityPoolIds: [POOL_ID, OTHER_POOL_ID],
      amr: "authenticated",
      subjects: [subject],
    });
    expect(built.Statement).toEqual([
      expect.objectContaining({
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            "cognito-identity.amazonaws.com:aud": [POOL_ID, OTHER_POOL_ID],
            "cognito-identity.amazonaws.com:sub": [subject],
          },
          "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
        },
      }),
    ]);
    // A valid IAM policy document for our parser (which accepts Federated service principals).
    expect(() =>
      parsePolicyDocument({
        ...built,
        Statement: [{ ...(built.Statement as object[])[0], Resource: "*" }],
      }),
    ).not.toThrow();
  });

  it.each([
    [
      { identityPoolId: "us-east-1_AbCdEf123", amr: "authenticated" },
      "invalid_identity_pool_id",
      "identityPoolId",
    ],
    [
      { identityPoolIds: [POOL_ID, "eu-west-1:x"], amr: "authenticated" },
      "invalid_identity_pool_id",
      "identityPoolIds[1]",
    ],
    [
      { identityPoolId: POOL_ID, amr: "authenticated", subjects: ["alice"] },
      "invalid_principal",
      "subjects[0]",
    ],
  ])("refuses bad ids: %j", (options, code, path) => {
    expect(() => identityPoolTrustPolicy(options as never)).toThrowCode(code, { path });
  });

  it.each([
    [{ amr: "authenticated" }, /aud condition/],
    [{ identityPoolIds: [], amr: "authenticated" }, /aud condition/],
    [{ identityPoolId: POOL_ID, identityPoolIds: [POOL_ID], amr: "authenticated" }, /not both/],
    [{ identityPoolIds: [POOL_ID, POOL_ID], amr: "authenticated" }, /twice/],
    [{ identityPoolId: POOL_ID, amr: "guest" }, /amr must be/],
    [{ identityPoolId: POOL_ID, amr: "authenticated", tagSession: "yes" }, /tagSession/],
    [{ identityPoolId: POOL_ID, amr: "authenticated", subjects: [] }, /subjects/],
  ])("refuses misuse with a TypeError: %j", (options, message) => {
    expect(() => identityPoolTrustPolicy(options as never)).toThrow(TypeError);
    expect(() => identityPoolTrustPolicy(options as never)).toThrow(message);
  });
});
