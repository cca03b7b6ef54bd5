import type { IamAuthorizerResponse } from "./iam-authorizer-response.js";
import { buildIamResponse } from "./internal/build-iam-response.js";
import { IAM_RESPONSE_SPECS } from "./internal/iam-response-specs.js";

/** Options of {@link buildDenyAllAuthorizerResponse}. */
export interface DenyAllAuthorizerResponseOptions {
  /** The event's `methodArn` (REST, HTTP API 1.0, WebSocket) or `routeArn` (HTTP API 2.0). */
  arn: string;
  principalId: string;
}

/**
 * Builds the response for "valid token, but nothing permitted": an explicit Deny of every route
 * of the incoming ARN's stage (the caller gets 403). Safe to cache for this identity.
 *
 * For a context on the denial, use the API type's builder with `allow: []`.
 *
 * @param options - the incoming ARN and the principal.
 * @returns the response to return from the Lambda handler.
 * @throws PolicyError `invalid_arn`, `resource_too_long`, `response_too_large`.
 * @example
 * ```ts
 * const response = buildDenyAllAuthorizerResponse({
 *   arn: "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/POST/lambda-token",
 *   principalId: "user-42",
 * });
 * // Statement: [{ Effect: "Deny", Resource: [".../puhdx84jy9/prod/*"], ... }]
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export function buildDenyAllAuthorizerResponse(
  options: DenyAllAuthorizerResponseOptions,
): IamAuthorizerResponse {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object");
  }
  return buildIamResponse(
    { arn: options.arn, principalId: options.principalId, allow: [] },
    IAM_RESPONSE_SPECS.denyAll,
  ) as IamAuthorizerResponse;
}
