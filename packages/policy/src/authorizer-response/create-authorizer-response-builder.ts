import type { AuthorizerResponseBuilder } from "./authorizer-response-builder.js";
import { buildHttpV2SimpleAuthorizerResponse } from "./build-http-v2-simple-authorizer-response.js";
import type { IamAuthorizerResponse } from "./iam-authorizer-response.js";
import { buildIamResponse } from "./internal/build-iam-response.js";
import { IAM_RESPONSE_SPECS } from "./internal/iam-response-specs.js";
import { PolicyDocumentMemo } from "./internal/policy-document-memo.js";

/** Options of {@link createAuthorizerResponseBuilder}. */
export interface AuthorizerResponseBuilderOptions {
  /**
   * API stages whose documents are remembered; past it, every document is forgotten at once.
   * @default 512
   */
  maxStages?: number | undefined;
  /**
   * Documents remembered per stage and API type (one per distinct `allow` / `deny`); past it, the
   * oldest is forgotten.
   * @default 16
   */
  documentsPerStage?: number | undefined;
}

function limit(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`${name} must be a positive integer`);
  }
  return value;
}

/**
 * Creates the authorizer response builders with a bounded memo of policy documents: what a
 * builder computes from the incoming ARN's stage and the `allow` / `deny` route templates alone
 * (parsing, compiling templates to ARN patterns, checking lengths, measuring the document) is done
 * once per stage and route set; principal, context and API key are handled on every call. The
 * result is the plain builder's (the same JSON, the same errors), a fresh object every call:
 * changing it never touches a later one.
 *
 * @param options - the memo's bounds.
 * @returns the builders; keep one per process (module scope), like any cache.
 * @throws TypeError for a bound that is not a positive integer.
 * @example
 * ```ts
 * const responses = createAuthorizerResponseBuilder();
 * export const handler = async (event: { methodArn: string }) =>
 *   responses.rest({
 *     methodArn: event.methodArn,
 *     principalId: "user-42",
 *     allow: ["GET /pets", "GET /pets/{id}"],
 *     context: { tier: "gold" },
 *   });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export function createAuthorizerResponseBuilder(
  options: AuthorizerResponseBuilderOptions = {},
): AuthorizerResponseBuilder {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object");
  }
  const memo = new PolicyDocumentMemo({
    maxStages: limit(options.maxStages, "maxStages", 512),
    documentsPerStage: limit(options.documentsPerStage, "documentsPerStage", 16),
  });
  return {
    rest: (build) =>
      buildIamResponse(build, IAM_RESPONSE_SPECS.rest, memo) as IamAuthorizerResponse,
    httpV1: (build) =>
      buildIamResponse(build, IAM_RESPONSE_SPECS.httpV1, memo) as IamAuthorizerResponse,
    httpV2Iam: (build) => buildIamResponse(build, IAM_RESPONSE_SPECS.httpV2Iam, memo),
    httpV2Simple: buildHttpV2SimpleAuthorizerResponse,
    webSocket: (build) =>
      buildIamResponse(build, IAM_RESPONSE_SPECS.webSocket, memo) as IamAuthorizerResponse,
    denyAll: (build) => {
      if (typeof build !== "object" || build === null) {
        throw new TypeError("options must be an object");
      }
      return buildIamResponse(
        { arn: build.arn, principalId: build.principalId, allow: [] },
        IAM_RESPONSE_SPECS.denyAll,
        memo,
      ) as IamAuthorizerResponse;
    },
  };
}
