import type { FlatContextOptions } from "./flat-context-options.js";
import type { IamAuthorizerResponse } from "./iam-authorizer-response.js";
import type { IamResponseOptions } from "./iam-response-options.js";
import { buildIamResponse } from "./internal/build-iam-response.js";
import { IAM_RESPONSE_SPECS } from "./internal/iam-response-specs.js";

/** Options of {@link buildHttpV1AuthorizerResponse}. */
export type HttpV1AuthorizerResponseOptions = IamResponseOptions &
  FlatContextOptions & {
    /** The payload 1.0 event's `methodArn`. */
    methodArn: string;
  };

/**
 * Builds the IAM-policy response of an HTTP API authorizer with payload format 1.0.
 *
 * Context rules are REST's, and the key `claims` is reserved by API Gateway (rejected).
 * HTTP APIs have no API keys, so there is no `usageIdentifierKey`.
 *
 * @param options - the incoming `methodArn`, the principal, what it may call, context.
 * @returns the response to return from the Lambda handler.
 * @throws PolicyError `invalid_arn`, `invalid_route_template`, `invalid_context`,
 *   `resource_too_long`, `response_too_large`; `TypeError` for unusable options.
 * @example
 * ```ts
 * const response = buildHttpV1AuthorizerResponse({
 *   methodArn: "arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request",
 *   principalId: "user-42",
 *   allow: ["GET /request", "ANY /orders/{proxy+}"],
 *   context: { userId: "user-42" },
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export function buildHttpV1AuthorizerResponse(
  options: HttpV1AuthorizerResponseOptions,
): IamAuthorizerResponse {
  return buildIamResponse(options, IAM_RESPONSE_SPECS.httpV1) as IamAuthorizerResponse;
}
