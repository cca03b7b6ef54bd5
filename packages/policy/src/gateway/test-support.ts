/**
 * Test helpers of the gateway model's tests: one request of each method authorization type, with
 * an authorizer that counts its calls.
 */
import fc from "fast-check";
import type { IamAuthorizerResponse } from "../authorizer-response/iam-authorizer-response.js";
import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import type {
  ApiGatewayAccessOptions,
  LambdaAuthorizerOutcome,
  MethodAuthType,
} from "./api-gateway-access.js";

export const API_ACCOUNT = "123456789012";
export const METHOD_ARN = `arn:aws:execute-api:us-east-1:${API_ACCOUNT}:abc123/prod/GET/pets`;
export const AUTH_TYPES: readonly MethodAuthType[] = [
  "NONE",
  "AWS_IAM",
  "LAMBDA",
  "COGNITO_USER_POOLS",
  "JWT",
];

export function invokePolicy(
  effect: "Allow" | "Deny",
  resource = "execute-api:/*",
  withPrincipal = true,
): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: effect,
        ...(withPrincipal ? { Principal: "*" } : {}),
        Action: "execute-api:Invoke",
        Resource: resource,
      },
    ],
  };
}

/** A Lambda authorizer's response with one `execute-api:Invoke` statement. */
export function authorizerResponse(
  effect: "Allow" | "Deny",
  resource: string,
): IamAuthorizerResponse {
  return {
    principalId: "user-42",
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Effect: effect, Action: "execute-api:Invoke", Resource: resource }],
    },
  };
}

/** What each sample request carries besides its auth type. */
export interface SampleInputs {
  methodArn?: string;
  resourcePolicy?: PolicyDocument | null;
  /** The Lambda authorizer's answer (counted when called); an Allow of the method by default. */
  authorizer?: LambdaAuthorizerOutcome;
  /** SigV4, Cognito or JWT token validity. */
  credentialsValid?: boolean;
}

/**
 * A request of `authType` from a caller with valid credentials (an IAM role of the API's account
 * allowed by its policy, a valid token, an authorizer allowing the method), and the calls its
 * authorizer received.
 */
export function sampleRequest(
  authType: MethodAuthType,
  inputs: SampleInputs = {},
): { options: ApiGatewayAccessOptions; calls: string[] } {
  const calls: string[] = [];
  const valid = inputs.credentialsValid ?? true;
  const base = {
    methodArn: inputs.methodArn ?? METHOD_ARN,
    endpointType: "REGIONAL" as const,
    sourceIp: "198.51.100.7",
    resourcePolicy: inputs.resourcePolicy ?? null,
  };
  switch (authType) {
    case "NONE":
      return { options: { ...base, authType }, calls };
    case "AWS_IAM":
      return {
        options: {
          ...base,
          authType,
          caller: {
            arn: `arn:aws:iam::${API_ACCOUNT}:role/app`,
            accountId: API_ACCOUNT,
            signatureValid: valid,
            callerPolicy: invokePolicy("Allow", `arn:aws:execute-api:*:*:abc123/*`, false),
          },
        },
        calls,
      };
    case "LAMBDA": {
      const answer: LambdaAuthorizerOutcome =
        inputs.authorizer ?? authorizerResponse("Allow", base.methodArn);
      const authorizer = ({ methodArn }: { methodArn: string }) => {
        calls.push(methodArn);
        return answer;
      };
      return { options: { ...base, authType, authorizer }, calls };
    }
    case "COGNITO_USER_POOLS":
      return {
        options: {
          ...base,
          authType,
          cognitoTokenValid: valid,
          cognitoResourcePolicy: "silent-allows",
        },
        calls,
      };
    case "JWT":
      return {
        options: {
          ...base,
          authType,
          jwtToken: valid ? "valid" : "invalid",
          jwtResourcePolicy: "silent-allows",
        },
        calls,
      };
  }
}

/** Property tests: a few method ARNs of one stage, and small resource policies over them. */
export const STAGE = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod";
export const arbitraryMethodArn = fc.constantFrom(
  `${STAGE}/GET/pets`,
  `${STAGE}/POST/orders`,
  `${STAGE}/GET/`,
);
const arbitraryStatement: fc.Arbitrary<PolicyStatement> = fc.record({
  Effect: fc.constantFrom<"Allow" | "Deny">("Allow", "Deny"),
  Principal: fc.constantFrom<NonNullable<PolicyStatement["Principal"]>>("*", {
    AWS: "arn:aws:iam::123456789012:root",
  }),
  Action: fc.constantFrom("execute-api:Invoke", "*"),
  Resource: fc.constantFrom(
    "execute-api:/*",
    "execute-api:/*/GET/*",
    "execute-api:/prod/POST/orders",
  ),
});
export const arbitraryResourcePolicy: fc.Arbitrary<PolicyDocument | null> = fc.option(
  fc.array(arbitraryStatement, { minLength: 1, maxLength: 4 }).map((Statement) => ({
    Version: "2012-10-17" as const,
    Statement,
  })),
  { nil: null },
);
