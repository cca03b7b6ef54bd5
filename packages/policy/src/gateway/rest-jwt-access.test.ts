import { describe, expect, it } from "vitest";
import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import type {
  JwtAuthRequest,
  JwtResourcePolicyMode,
  RestJwtTokenOutcome,
} from "./api-gateway-access.js";
import { evaluateApiGatewayAccess } from "./evaluate-api-gateway-access.js";

const METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets";
const INVOKE = "execute-api:Invoke";
const ANONYMOUS = `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${METHOD_ARN}`;

const policy = (...Statement: PolicyStatement[]): PolicyDocument => ({
  Version: "2012-10-17",
  Statement,
});
const allowAll: PolicyStatement = {
  Effect: "Allow",
  Principal: "*",
  Action: INVOKE,
  Resource: "execute-api:/*",
};
const denyPets: PolicyStatement = {
  ...allowAll,
  Effect: "Deny",
  Resource: "execute-api:/*/GET/pets",
};
const silent: PolicyStatement = { ...allowAll, Resource: "execute-api:/*/POST/elsewhere" };
const allowAccountOnly: PolicyStatement = {
  ...allowAll,
  Principal: { AWS: "arn:aws:iam::123456789012:root" },
};

const policies: Record<string, PolicyDocument | null> = {
  none: null,
  allow: policy(allowAll),
  deny: policy(allowAll, denyPets),
  silent: policy(silent),
  iamOnly: policy(allowAccountOnly),
};

function jwt(
  jwtToken: RestJwtTokenOutcome,
  resourcePolicy: PolicyDocument | null,
  jwtResourcePolicy?: JwtResourcePolicyMode,
  extra: Partial<JwtAuthRequest> = {},
) {
  return evaluateApiGatewayAccess({
    methodArn: METHOD_ARN,
    endpointType: "REGIONAL",
    authType: "JWT",
    jwtToken,
    resourcePolicy,
    ...(jwtResourcePolicy === undefined ? {} : { jwtResourcePolicy }),
    ...extra,
  });
}

describe("REST JWT authorizer: token x resource policy x mode", () => {
  // [token, policy, mode, status, message, reason, combination]
  const table: ReadonlyArray<
    [
      RestJwtTokenOutcome,
      string,
      JwtResourcePolicyMode | undefined,
      number,
      string | null,
      string,
      string | null,
    ]
  > = [
    // A failed token is refused before any policy is read, whatever the policy says.
    ["invalid", "none", undefined, 401, "Unauthorized", "jwt_token_invalid", null],
    ["invalid", "allow", "silent-allows", 401, "Unauthorized", "jwt_token_invalid", null],
    ["invalid", "deny", undefined, 401, "Unauthorized", "jwt_token_invalid", null],
    ["insufficient_scope", "none", undefined, 403, "Forbidden", "jwt_insufficient_scope", null],
    [
      "insufficient_scope",
      "allow",
      "silent-allows",
      403,
      "Forbidden",
      "jwt_insufficient_scope",
      null,
    ],
    ["insufficient_scope", "deny", undefined, 403, "Forbidden", "jwt_insufficient_scope", null],
    // A valid token: the resource policy decides.
    ["valid", "none", undefined, 200, null, "allowed", null],
    ["valid", "allow", undefined, 200, null, "allowed", "resource-policy-must-allow"],
    ["valid", "allow", "silent-allows", 200, null, "allowed", "jwt-silent-allows"],
    [
      "valid",
      "deny",
      undefined,
      403,
      `${ANONYMOUS} with an explicit deny`,
      "resource_policy_explicit_deny",
      "resource-policy-must-allow",
    ],
    [
      "valid",
      "deny",
      "silent-allows",
      403,
      `${ANONYMOUS} with an explicit deny`,
      "resource_policy_explicit_deny",
      "jwt-silent-allows",
    ],
    // Silent policy: the conservative default refuses; silent-allows admits.
    [
      "valid",
      "silent",
      undefined,
      403,
      ANONYMOUS,
      "resource_policy_implicit_deny",
      "resource-policy-must-allow",
    ],
    [
      "valid",
      "silent",
      "must-allow",
      403,
      ANONYMOUS,
      "resource_policy_implicit_deny",
      "resource-policy-must-allow",
    ],
    ["valid", "silent", "silent-allows", 200, null, "allowed", "jwt-silent-allows"],
    // An Allow for IAM principals only never admits a token caller (anonymous to the policy).
    [
      "valid",
      "iamOnly",
      undefined,
      403,
      ANONYMOUS,
      "iam_principal_requires_iam_auth",
      "resource-policy-must-allow",
    ],
    [
      "valid",
      "iamOnly",
      "silent-allows",
      403,
      ANONYMOUS,
      "iam_principal_requires_iam_auth",
      "jwt-silent-allows",
    ],
  ];

  it.each(table)(
    "token %s, policy %s, mode %s -> %i",
    async (token, policyName, mode, status, message, reason, combination) => {
      const result = await jwt(token, policies[policyName] ?? null, mode);
      expect(result).toMatchObject({ status, message, reason, combination });
      expect(result.authorizerInvoked).toBe(false);
      expect(result.principal).toBe("anonymous");
    },
  );

  it.each([
    ["invalid", 401, "UnauthorizedException"],
    ["insufficient_scope", 403, "AccessDeniedException"],
  ] as const)(
    "a %s token is refused in the authentication phase (%i %s)",
    async (token, status, errorType) => {
      const result = await jwt(token, policies["allow"] ?? null);
      expect(result).toMatchObject({
        status,
        errorType,
        phase: "authentication",
        resourcePolicyDecision: "not-evaluated",
        identityDecision: "not-evaluated",
      });
    },
  );

  it.each(["REGIONAL", "EDGE", "PRIVATE"] as const)(
    "works on %s APIs, with the endpoint's own condition keys",
    async (endpointType) => {
      const network =
        endpointType === "PRIVATE" ? { sourceVpce: "vpce-1a2b3c4d" } : { sourceIp: "198.51.100.7" };
      const denyOutsideVpce: PolicyStatement = {
        ...allowAll,
        Effect: "Deny",
        Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } },
      };
      const result = await jwt("valid", policy(allowAll, denyOutsideVpce), undefined, {
        endpointType,
        ...network,
      });
      // A public API has no aws:SourceVpce: the negated operator is true there, as in AWS.
      expect(result.status).toBe(endpointType === "PRIVATE" ? 200 : 403);
    },
  );
});

describe("REST JWT authorizer: misuse", () => {
  it.each([
    [{ jwtToken: "yes" }, /jwtToken must be/],
    [{ jwtToken: true }, /jwtToken must be/],
    [{ jwtToken: "valid", jwtResourcePolicy: "maybe" }, /jwtResourcePolicy must be/],
  ])("refuses %j with a TypeError", async (options, message) => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "JWT",
        ...(options as object),
      } as JwtAuthRequest),
    ).rejects.toThrow(message);
  });

  it("refuses JWT options on another auth type", async () => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "NONE",
        jwtToken: "valid",
      } as never),
    ).rejects.toThrow(/jwtToken only applies to authType "JWT"/);
  });
});
