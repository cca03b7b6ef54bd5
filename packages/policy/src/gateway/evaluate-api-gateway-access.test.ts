import { describe, expect, it } from "vitest";
import type { IamAuthorizerResponse } from "../authorizer-response/iam-authorizer-response.js";
import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import { isPolicyError } from "../errors.js";
import { compilePolicy } from "../evaluate/compile-policy.js";
import type { ApiGatewayAccessOptions, IamCaller } from "./api-gateway-access.js";
import { evaluateApiGatewayAccess } from "./evaluate-api-gateway-access.js";

const API_ACCOUNT = "123456789012";
const OTHER_ACCOUNT = "111122223333";
const METHOD_ARN = `arn:aws:execute-api:us-east-1:${API_ACCOUNT}:abc123/prod/GET/pets`;
const INVOKE = "execute-api:Invoke";

function policy(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

const allowAll: PolicyStatement = {
  Effect: "Allow",
  Principal: "*",
  Action: INVOKE,
  Resource: "execute-api:/*",
};

function deny(condition?: PolicyStatement["Condition"]): PolicyStatement {
  return {
    Effect: "Deny",
    Principal: "*",
    Action: INVOKE,
    Resource: "execute-api:/*",
    ...(condition === undefined ? {} : { Condition: condition }),
  };
}

function authorizerResponse(
  effect: "Allow" | "Deny",
  resource: string | string[] = METHOD_ARN,
): IamAuthorizerResponse {
  return {
    principalId: "user-42",
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: INVOKE, Effect: effect, Resource: resource }],
    },
  };
}

function anonymousMessage(explicit: boolean): string {
  const base = `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${METHOD_ARN}`;
  return explicit ? `${base} with an explicit deny` : base;
}

function countingAuthorizer(answer: unknown) {
  const calls: string[] = [];
  const authorizer = (invocation: { methodArn: string }) => {
    calls.push(invocation.methodArn);
    return answer;
  };
  return { calls, authorizer };
}

describe("Tables A and B: IAM policy x resource policy x account", () => {
  type Side = "allow" | "deny" | "silent";
  const resourcePolicies: Record<Side, PolicyDocument> = {
    allow: policy(allowAll),
    deny: policy(deny()),
    silent: policy({ ...allowAll, Resource: "execute-api:/prod/POST/other" }),
  };
  const callerPolicies: Record<Side, PolicyDocument> = {
    allow: policy({
      Effect: "Allow",
      Action: INVOKE,
      Resource: "arn:aws:execute-api:*:*:abc123/*",
    }),
    deny: policy({ Effect: "Deny", Action: "execute-api:*", Resource: "*" }),
    silent: policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }),
  };
  // [resource policy, caller policy, account, status, explicit deny in the message]
  const table: [Side, Side, "same" | "cross", 200 | 403, boolean][] = [
    ["allow", "allow", "same", 200, false],
    ["allow", "silent", "same", 200, false],
    ["allow", "deny", "same", 403, true],
    ["silent", "allow", "same", 200, false],
    ["silent", "silent", "same", 403, false],
    ["silent", "deny", "same", 403, true],
    ["deny", "allow", "same", 403, true],
    ["deny", "silent", "same", 403, true],
    ["deny", "deny", "same", 403, true],
    ["allow", "allow", "cross", 200, false],
    ["allow", "silent", "cross", 403, false],
    ["allow", "deny", "cross", 403, true],
    ["silent", "allow", "cross", 403, false],
    ["silent", "silent", "cross", 403, false],
    ["silent", "deny", "cross", 403, true],
    ["deny", "allow", "cross", 403, true],
    ["deny", "silent", "cross", 403, true],
    ["deny", "deny", "cross", 403, true],
  ];

  it.each(table)(
    "resource %s + IAM %s, %s account -> %i",
    async (rp, cp, account, status, explicit) => {
      const accountId = account === "same" ? API_ACCOUNT : OTHER_ACCOUNT;
      const callerArn = `arn:aws:iam::${accountId}:role/app`;
      const result = await evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "AWS_IAM",
        sourceIp: "198.51.100.7",
        resourcePolicy: resourcePolicies[rp],
        caller: {
          arn: callerArn,
          accountId,
          signatureValid: true,
          callerPolicy: callerPolicies[cp],
        },
      });
      expect(result.status).toBe(status);
      expect(result.combination).toBe(account === "same" ? "table-a" : "table-b");
      if (status === 403) {
        const base = `User: ${callerArn} is not authorized to perform: execute-api:Invoke on resource: ${METHOD_ARN}`;
        expect(result.message).toBe(explicit ? `${base} with an explicit deny` : base);
      } else {
        expect(result.message).toBeNull();
      }
    },
  );
});

describe("the two-phase rule (Lambda authorizer)", () => {
  const ipDenylist = policy(allowAll, deny({ IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }));

  it("never invokes the authorizer for a caller the resource policy explicitly denies", async () => {
    const { calls, authorizer } = countingAuthorizer(authorizerResponse("Allow"));
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      sourceIp: "203.0.113.9",
      resourcePolicy: ipDenylist,
      authorizer,
    });
    expect(calls).toEqual([]);
    expect(result).toMatchObject({
      status: 403,
      message: anonymousMessage(true),
      phase: "pre-authorizer",
      authorizerInvoked: false,
      reason: "resource_policy_explicit_deny",
    });
  });

  it("invokes the authorizer once, with the method ARN, for a caller not denied", async () => {
    const { calls, authorizer } = countingAuthorizer(authorizerResponse("Allow"));
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      sourceIp: "198.51.100.7",
      resourcePolicy: ipDenylist,
      authorizer,
    });
    expect(calls).toEqual([METHOD_ARN]);
    expect(result.status).toBe(200);
    expect(result.authorizerInvoked).toBe(true);
  });

  it("lets an Allow-only IP list pass unknown callers to the authorizer", async () => {
    const allowOnly = policy({
      ...allowAll,
      Condition: { IpAddress: { "aws:SourceIp": "192.0.2.0/24" } },
    });
    const { calls, authorizer } = countingAuthorizer(authorizerResponse("Allow"));
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      sourceIp: "198.51.100.7",
      resourcePolicy: allowOnly,
      authorizer,
    });
    expect(calls).toHaveLength(1);
    // Table A: the authorizer's Allow with a silent resource policy allows.
    expect(result.status).toBe(200);
    expect(result.resourcePolicyDecision).toBe("implicit-deny");
  });

  it("stops the same unknown caller when the method has no authorizer", async () => {
    const allowOnly = policy({
      ...allowAll,
      Condition: { IpAddress: { "aws:SourceIp": "192.0.2.0/24" } },
    });
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "NONE",
      sourceIp: "198.51.100.7",
      resourcePolicy: allowOnly,
    });
    expect(result).toMatchObject({ status: 403, message: anonymousMessage(false) });
  });
});

describe("Lambda authorizer outcomes", () => {
  const base = {
    methodArn: METHOD_ARN,
    endpointType: "REGIONAL",
    authType: "LAMBDA",
    sourceIp: "198.51.100.7",
  } as const;

  it("answers 401 Unauthorized when the authorizer throws exactly Unauthorized", async () => {
    const result = await evaluateApiGatewayAccess({
      ...base,
      authorizer: () => {
        throw new Error("Unauthorized");
      },
    });
    expect(result).toMatchObject({
      status: 401,
      message: "Unauthorized",
      errorType: "UnauthorizedException",
    });
  });

  it("answers 500 with a null message when the authorizer throws anything else", async () => {
    const result = await evaluateApiGatewayAccess({
      ...base,
      authorizer: async () => {
        throw new Error("unauthorized");
      },
    });
    expect(result).toMatchObject({
      status: 500,
      message: null,
      errorType: "AuthorizerConfigurationException",
      reason: "authorizer_error",
    });
  });

  it("accepts the outcome as a value", async () => {
    const result = await evaluateApiGatewayAccess({ ...base, authorizer: "unauthorized" });
    expect(result.status).toBe(401);
  });

  it("awaits an async authorizer", async () => {
    const result = await evaluateApiGatewayAccess({
      ...base,
      authorizer: async () => authorizerResponse("Allow"),
    });
    expect(result.status).toBe(200);
  });

  it("answers 500 for a response without principalId", async () => {
    const { principalId: _, ...withoutId } = authorizerResponse("Allow");
    const result = await evaluateApiGatewayAccess({ ...base, authorizer: () => withoutId });
    expect(result.status).toBe(500);
    expect(result.reason).toBe("authorizer_malformed_response");
    expect(result.authorizerError?.path).toBe("response.principalId");
  });

  it("answers 500 for a REST context value that is an object", async () => {
    const response = { ...authorizerResponse("Allow"), context: { roles: { admin: true } } };
    const result = await evaluateApiGatewayAccess({ ...base, authorizer: () => response });
    expect(result.status).toBe(500);
    expect(result.authorizerError?.code).toBe("invalid_context");
  });

  it("answers 500 for a policy document that is not IAM grammar", async () => {
    const response = {
      principalId: "u",
      policyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Maybe" }] },
    };
    const result = await evaluateApiGatewayAccess({ ...base, authorizer: () => response });
    expect(result.status).toBe(500);
    expect(result.authorizerError?.code).toBe("invalid_policy");
  });

  it("answers 403 with the authorizer's explicit-deny message", async () => {
    const result = await evaluateApiGatewayAccess({
      ...base,
      authorizer: authorizerResponse("Deny"),
    });
    expect(result).toMatchObject({
      status: 403,
      message: "User is not authorized to access this resource with an explicit deny",
      reason: "authorizer_explicit_deny",
    });
  });

  it("answers 403 when the authorizer's policy does not cover the method", async () => {
    const result = await evaluateApiGatewayAccess({
      ...base,
      authorizer: authorizerResponse("Allow", METHOD_ARN.replace("/GET/", "/POST/")),
    });
    expect(result).toMatchObject({
      status: 403,
      message: "User is not authorized to access this resource",
      reason: "authorizer_implicit_deny",
    });
  });

  it("lets a resource-policy Allow admit a caller the authorizer is silent about (Table A)", async () => {
    const result = await evaluateApiGatewayAccess({
      ...base,
      resourcePolicy: policy(allowAll),
      authorizer: authorizerResponse("Allow", METHOD_ARN.replace("/GET/", "/POST/")),
    });
    expect(result.status).toBe(200);
  });

  it("returns the validated response for cache checks", async () => {
    const response = authorizerResponse("Allow");
    const result = await evaluateApiGatewayAccess({ ...base, authorizer: response });
    expect(result.authorizerResponse).toEqual(response);
  });
});

describe("condition keys by endpoint type", () => {
  const vpceAllowlist = policy(
    allowAll,
    deny({ StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } }),
  );
  const ipAllowlist = policy(allowAll, deny({ NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } }));

  it("denies every caller of a public API under Deny StringNotEquals aws:SourceVpce", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "NONE",
      sourceIp: "10.1.2.3",
      resourcePolicy: vpceAllowlist,
    });
    expect(result).toMatchObject({ status: 403, message: anonymousMessage(true) });
  });

  it("admits a private API's caller through the listed VPC endpoint", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "PRIVATE",
      authType: "NONE",
      sourceVpce: "vpce-1a2b3c4d",
      vpcSourceIp: "10.1.2.3",
      resourcePolicy: vpceAllowlist,
    });
    expect(result.status).toBe(200);
  });

  it("denies every caller of a private API under Deny NotIpAddress aws:SourceIp", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "PRIVATE",
      authType: "NONE",
      vpcSourceIp: "10.1.2.3",
      sourceVpce: "vpce-1a2b3c4d",
      resourcePolicy: ipAllowlist,
    });
    expect(result).toMatchObject({ status: 403, reason: "resource_policy_explicit_deny" });
  });

  it("admits a public API's caller inside the aws:SourceIp allowlist", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "EDGE",
      authType: "NONE",
      sourceIp: "10.1.2.3",
      resourcePolicy: ipAllowlist,
    });
    expect(result.status).toBe(200);
  });

  it("matches aws:VpcSourceIp on a private API", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "PRIVATE",
      authType: "NONE",
      vpcSourceIp: "10.9.9.9",
      resourcePolicy: policy(allowAll, deny({ IpAddress: { "aws:VpcSourceIp": "10.9.0.0/16" } })),
    });
    expect(result.status).toBe(403);
  });

  it("leaves aws:PrincipalAccount absent for callers that are not IAM-signed", async () => {
    const accountOnly = policy(
      allowAll,
      deny({ StringNotEquals: { "aws:PrincipalAccount": API_ACCOUNT } }),
    );
    const lambda = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      sourceIp: "198.51.100.7",
      resourcePolicy: accountOnly,
      authorizer: authorizerResponse("Allow"),
    });
    const iam = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "AWS_IAM",
      sourceIp: "198.51.100.7",
      resourcePolicy: accountOnly,
      caller: {
        arn: `arn:aws:iam::${API_ACCOUNT}:role/app`,
        accountId: API_ACCOUNT,
        signatureValid: true,
        callerPolicy: null,
      },
    });
    expect([lambda.status, iam.status]).toEqual([403, 200]);
  });

  it("sets aws:PrincipalArn to the role, not the session, for an assumed-role caller", async () => {
    const session = `arn:aws:sts::${API_ACCOUNT}:assumed-role/app/session-1`;
    const ask = (arnCondition: string) =>
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "AWS_IAM",
        resourcePolicy: policy(
          allowAll,
          deny({ ArnNotEquals: { "aws:PrincipalArn": arnCondition } }),
        ),
        caller: { arn: session, accountId: API_ACCOUNT, signatureValid: true, callerPolicy: null },
      });
    expect((await ask(`arn:aws:iam::${API_ACCOUNT}:role/app`)).status).toBe(200);
    expect((await ask(session)).status).toBe(403);
  });

  it("refuses a caller from another partition than the API", async () => {
    const error = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "AWS_IAM",
      caller: {
        arn: `arn:aws-cn:iam::${API_ACCOUNT}:user/alice`,
        accountId: API_ACCOUNT,
        signatureValid: true,
        callerPolicy: null,
      },
    }).catch((caught: unknown) => caught);
    expect(isPolicyError(error)).toBe(true);
    expect(error).toMatchObject({ code: "invalid_principal", path: "caller.arn" });
  });

  it("sets aws:CurrentTime from now", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "NONE",
      now: new Date("2030-01-02T00:00:00Z"),
      resourcePolicy: policy({
        ...allowAll,
        Condition: { DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } },
      }),
    });
    expect(result.status).toBe(403);
  });

  it("passes other condition keys through context", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "NONE",
      context: { "aws:UserAgent": "curl/8.0" },
      resourcePolicy: policy(allowAll, deny({ StringLike: { "aws:UserAgent": "curl/*" } })),
    });
    expect(result.status).toBe(403);
  });

  it("refuses sourceIp for a private API", async () => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "PRIVATE",
        authType: "NONE",
        sourceIp: "10.1.2.3",
      }),
    ).rejects.toThrow(TypeError);
  });

  it("refuses VPC keys for a public API", async () => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "NONE",
        sourceVpce: "vpce-1a2b3c4d",
      }),
    ).rejects.toThrow(TypeError);
  });

  it("refuses a derived key in context, whatever its case", async () => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "PRIVATE",
        authType: "NONE",
        context: { "AWS:SOURCEIP": "10.1.2.3" },
      }),
    ).rejects.toThrow(TypeError);
  });
});

describe("Principal AWS with authorization other than AWS_IAM", () => {
  const accountAllowlist = policy({
    Effect: "Allow",
    Principal: { AWS: `arn:aws:iam::${API_ACCOUNT}:root` },
    Action: INVOKE,
    Resource: "execute-api:/*",
  });

  it("refuses a NONE method with the anonymous message", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "NONE",
      resourcePolicy: accountAllowlist,
    });
    expect(result).toMatchObject({
      status: 403,
      message: anonymousMessage(false),
      principal: "anonymous",
      reason: "iam_principal_requires_iam_auth",
    });
  });

  it("refuses a Lambda method even when the authorizer allows", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      resourcePolicy: accountAllowlist,
      authorizer: authorizerResponse("Allow"),
    });
    expect(result).toMatchObject({ status: 403, message: anonymousMessage(false) });
  });

  it("refuses a Cognito method even with silent-allows", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "COGNITO_USER_POOLS",
      cognitoTokenValid: true,
      cognitoResourcePolicy: "silent-allows",
      resourcePolicy: accountAllowlist,
    });
    expect(result).toMatchObject({ status: 403, message: anonymousMessage(false) });
  });

  it("admits a signed caller of the listed account on an AWS_IAM method", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "AWS_IAM",
      resourcePolicy: accountAllowlist,
      caller: {
        arn: `arn:aws:iam::${API_ACCOUNT}:role/app`,
        accountId: API_ACCOUNT,
        signatureValid: true,
        callerPolicy: null,
      },
    });
    expect(result.status).toBe(200);
  });
});

describe("Cognito user pool authorizer", () => {
  const silentPolicy = policy({ ...allowAll, Resource: "execute-api:/prod/POST/other" });
  const cognito = (extra: Partial<ApiGatewayAccessOptions & { authType: "COGNITO_USER_POOLS" }>) =>
    evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "COGNITO_USER_POOLS",
      cognitoTokenValid: true,
      ...extra,
    });

  it("answers 401 for an invalid token", async () => {
    const result = await cognito({ cognitoTokenValid: false, resourcePolicy: policy(allowAll) });
    expect(result).toMatchObject({ status: 401, message: "Unauthorized", phase: "authentication" });
  });

  it("requires an explicit Allow from a resource policy by default", async () => {
    const result = await cognito({ resourcePolicy: silentPolicy });
    expect(result).toMatchObject({
      status: 403,
      message: anonymousMessage(false),
      combination: "resource-policy-must-allow",
    });
  });

  it("admits a valid token with a silent resource policy under silent-allows", async () => {
    const result = await cognito({
      resourcePolicy: silentPolicy,
      cognitoResourcePolicy: "silent-allows",
    });
    expect(result).toMatchObject({ status: 200, combination: "cognito-silent-allows" });
  });

  it("refuses an explicit Deny under silent-allows", async () => {
    const result = await cognito({
      resourcePolicy: policy(allowAll, deny()),
      cognitoResourcePolicy: "silent-allows",
    });
    expect(result).toMatchObject({ status: 403, message: anonymousMessage(true) });
  });

  it("admits a valid token when the API has no resource policy", async () => {
    const result = await cognito({});
    expect(result.status).toBe(200);
  });
});

describe("AWS_IAM authentication", () => {
  const caller: IamCaller = {
    arn: `arn:aws:iam::${API_ACCOUNT}:role/app`,
    accountId: API_ACCOUNT,
    signatureValid: true,
    callerPolicy: policy({ Effect: "Allow", Action: INVOKE, Resource: "*" }),
  };

  it("answers Missing Authentication Token for an unsigned request", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "AWS_IAM",
      caller: null,
    });
    expect(result).toMatchObject({
      status: 403,
      message: "Missing Authentication Token",
      errorType: "MissingAuthenticationTokenException",
    });
  });

  it("answers 403 before reading policies when the signature does not verify", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "AWS_IAM",
      caller: { ...caller, signatureValid: false },
    });
    expect(result).toMatchObject({
      status: 403,
      errorType: "InvalidSignatureException",
      identityDecision: "not-evaluated",
    });
  });

  it("combines several identity policies, a Deny in any winning", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "AWS_IAM",
      caller: {
        ...caller,
        callerPolicy: [
          policy({ Effect: "Allow", Action: INVOKE, Resource: "*" }),
          policy({ Effect: "Deny", Action: INVOKE, Resource: "*" }),
        ],
      },
    });
    expect(result).toMatchObject({ status: 403, reason: "identity_policy_explicit_deny" });
  });

  it("denies a cross-account caller when the API has no resource policy", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "AWS_IAM",
      caller: {
        ...caller,
        arn: `arn:aws:iam::${OTHER_ACCOUNT}:role/app`,
        accountId: OTHER_ACCOUNT,
      },
    });
    expect(result).toMatchObject({ status: 403, reason: "cross_account_not_allowed" });
  });
});

describe("AWS_IAM with a session policy", () => {
  const SESSION = `arn:aws:sts::${API_ACCOUNT}:assumed-role/app/CognitoIdentityCredentials`;
  const allowInvoke = policy({ Effect: "Allow", Action: INVOKE, Resource: "*" });
  const onlyS3 = policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" });
  const denyInvoke = policy({ Effect: "Deny", Action: INVOKE, Resource: "*" });
  const call = (
    callerPolicy: PolicyDocument | null,
    sessionPolicy: PolicyDocument | null | undefined,
    options: { resourcePolicy?: PolicyDocument; accountId?: string } = {},
  ) => {
    const accountId = options.accountId ?? API_ACCOUNT;
    return evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "AWS_IAM",
      ...(options.resourcePolicy !== undefined ? { resourcePolicy: options.resourcePolicy } : {}),
      caller: {
        arn: SESSION.replace(API_ACCOUNT, accountId),
        accountId,
        signatureValid: true,
        callerPolicy,
        ...(sessionPolicy !== undefined ? { sessionPolicy } : {}),
      },
    });
  };

  it.each([
    ["no session policy", allowInvoke, undefined, 200, "allowed", "allow"],
    ["a null session policy", allowInvoke, null, 200, "allowed", "allow"],
    ["a session policy that allows too", allowInvoke, allowInvoke, 200, "allowed", "allow"],
    [
      "a session policy silent on execute-api",
      allowInvoke,
      onlyS3,
      403,
      "implicit_deny",
      "implicit-deny",
    ],
    [
      "a session policy that denies",
      allowInvoke,
      denyInvoke,
      403,
      "identity_policy_explicit_deny",
      "explicit-deny",
    ],
    [
      "a session policy alone (no role policy)",
      null,
      allowInvoke,
      403,
      "implicit_deny",
      "implicit-deny",
    ],
  ] as const)(
    "same account, %s",
    async (_label, callerPolicy, sessionPolicy, status, reason, identity) => {
      const result = await call(callerPolicy, sessionPolicy);
      expect(result).toMatchObject({ status, reason, identityDecision: identity });
    },
  );

  it("limits a same-account resource policy's Allow too", async () => {
    const resourcePolicy = policy(allowAll);
    expect((await call(null, undefined, { resourcePolicy })).status).toBe(200);
    expect(await call(null, onlyS3, { resourcePolicy })).toMatchObject({
      status: 403,
      reason: "implicit_deny",
    });
  });

  it("needs identity, session and resource policy to allow across accounts", async () => {
    const resourcePolicy = policy(allowAll);
    const other = { resourcePolicy, accountId: OTHER_ACCOUNT };
    expect((await call(allowInvoke, allowInvoke, other)).status).toBe(200);
    expect(await call(allowInvoke, onlyS3, other)).toMatchObject({
      status: 403,
      reason: "cross_account_not_allowed",
    });
  });

  it("refuses a session policy that is not a document", async () => {
    await expect(call(allowInvoke, "nope" as unknown as PolicyDocument)).rejects.toThrow(TypeError);
  });
});

describe("malformed input", () => {
  it("throws PolicyError invalid_policy with the path for a malformed resource policy", async () => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "NONE",
        resourcePolicy: {
          Statement: [{ Effect: "Allow", Action: 42 }],
        } as unknown as PolicyDocument,
      }),
    ).rejects.toThrowCode("invalid_policy", { path: expect.stringMatching(/^resourcePolicy/) });
  });

  it("throws PolicyError invalid_arn for a method ARN pattern", async () => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: "arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/pets",
        endpointType: "REGIONAL",
        authType: "NONE",
      }),
    ).rejects.toThrowCode("invalid_arn");
  });

  it("throws PolicyError invalid_request for a source IP that is not an address", async () => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "NONE",
        sourceIp: "192.0.2.0/24",
      }),
    ).rejects.toThrowCode("invalid_request", { path: "sourceIp" });
  });

  it("throws PolicyError invalid_principal when the caller ARN is in another account", async () => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "AWS_IAM",
        caller: {
          arn: `arn:aws:iam::${OTHER_ACCOUNT}:role/app`,
          accountId: API_ACCOUNT,
          signatureValid: true,
          callerPolicy: null,
        },
      }),
    ).rejects.toThrowCode("invalid_principal");
  });

  it("throws TypeError for an option of another authorization type", async () => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "NONE",
        authorizer: "error",
      } as unknown as ApiGatewayAccessOptions),
    ).rejects.toThrow(TypeError);
  });

  it("throws TypeError for an unknown authorization type", async () => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "CUSTOM",
      } as unknown as ApiGatewayAccessOptions),
    ).rejects.toThrow(TypeError);
  });
});

describe("a compiled resource policy (compilePolicy)", () => {
  const ipDenylist = policy(allowAll, deny({ IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }));

  it("keeps the two-phase rule: an explicit Deny stops the caller before the authorizer", async () => {
    const { calls, authorizer } = countingAuthorizer("unauthorized");
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      sourceIp: "203.0.113.9",
      resourcePolicy: compilePolicy(ipDenylist),
      authorizer,
    });
    expect(result).toMatchObject({
      status: 403,
      message: anonymousMessage(true),
      phase: "pre-authorizer",
      reason: "resource_policy_explicit_deny",
    });
    expect(calls).toEqual([]);
  });

  it("gives the result of the document for each request it is reused for", async () => {
    const compiled = compilePolicy(ipDenylist);
    for (const sourceIp of ["203.0.113.9", "198.51.100.7", "203.0.113.200", "2001:db8::1"]) {
      const request = { methodArn: METHOD_ARN, endpointType: "REGIONAL", sourceIp } as const;
      const answer = authorizerResponse("Allow");
      expect(
        await evaluateApiGatewayAccess({
          ...request,
          authType: "LAMBDA",
          authorizer: answer,
          resourcePolicy: compiled,
        }),
      ).toEqual(
        await evaluateApiGatewayAccess({
          ...request,
          authType: "LAMBDA",
          authorizer: answer,
          resourcePolicy: ipDenylist,
        }),
      );
    }
  });

  it("expands short resources for each API it is used with", async () => {
    const compiled = compilePolicy(
      policy(
        { Effect: "Allow", Principal: "*", Action: INVOKE, Resource: "execute-api:/prod/GET/*" },
        {
          Effect: "Allow",
          Principal: "*",
          Action: INVOKE,
          Resource: `arn:aws:execute-api:us-east-1:${API_ACCOUNT}:abc123/prod/POST/*`,
        },
      ),
    );
    const status = async (methodArn: string) =>
      (
        await evaluateApiGatewayAccess({
          methodArn,
          endpointType: "REGIONAL",
          authType: "NONE",
          resourcePolicy: compiled,
        })
      ).status;
    const other = `arn:aws-cn:execute-api:cn-north-1:${OTHER_ACCOUNT}:xyz789`;
    expect(await status(METHOD_ARN)).toBe(200);
    expect(await status(`${other}/prod/GET/pets`)).toBe(200);
    expect(await status(`arn:aws:execute-api:us-east-1:${API_ACCOUNT}:abc123/prod/POST/x`)).toBe(
      200,
    );
    expect(await status(`${other}/prod/POST/x`)).toBe(403);
    expect(await status(`${other}/dev/GET/pets`)).toBe(403);
  });

  it("refuses anonymous callers when it grants only IAM principals", async () => {
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      authorizer: authorizerResponse("Allow"),
      resourcePolicy: compilePolicy(
        policy({
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${API_ACCOUNT}:root` },
          Action: INVOKE,
          Resource: "execute-api:/*",
        }),
      ),
    });
    expect(result).toMatchObject({ status: 403, reason: "iam_principal_requires_iam_auth" });
  });

  it("ignores changes to the document after compilation", async () => {
    const document = policy(allowAll);
    const compiled = compilePolicy(document);
    (document.Statement as PolicyStatement[]).push(deny());
    const result = await evaluateApiGatewayAccess({
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      authType: "NONE",
      resourcePolicy: compiled,
    });
    expect(result.status).toBe(200);
  });

  it("throws the document's PolicyError, on every call, for a short resource that does not expand", async () => {
    const document = policy({ ...allowAll, Resource: ["execute-api:/*", "execute-api:nope"] });
    const compiled = compilePolicy(document);
    const calls = [document, compiled, compiled].map((resourcePolicy) =>
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "NONE",
        resourcePolicy,
      }),
    );
    const [first] = await Promise.allSettled(calls);
    const message = first?.status === "rejected" ? (first.reason as Error).message : undefined;
    for (const call of calls) {
      await expect(call).rejects.toThrowCode("invalid_arn", {
        path: "resourcePolicy.Statement[0].Resource[1]",
        message,
      });
    }
  });

  it("throws PolicyError invalid_policy for an object that only looks compiled", async () => {
    await expect(
      evaluateApiGatewayAccess({
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        authType: "NONE",
        resourcePolicy: { evaluate: () => ({ decision: "allow", matched: [] }) },
      }),
    ).rejects.toThrowCode("invalid_policy", { path: "resourcePolicy" });
  });
});
