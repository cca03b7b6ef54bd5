import type { IamAuthorizerResponse } from "./iam-authorizer-response.js";
import type { IamResponseOptions } from "./iam-response-options.js";
import { buildIamResponse } from "./internal/build-iam-response.js";
import { IAM_RESPONSE_SPECS } from "./internal/iam-response-specs.js";

/** Options of {@link buildHttpV2IamAuthorizerResponse}. */
export interface HttpV2IamAuthorizerResponseOptions extends IamResponseOptions {
  /** The payload 2.0 event's `routeArn`. */
  routeArn: string;
  /**
   * Passed to the backend under `requestContext.authorizer.lambda`. Arrays and objects are
   * allowed; `undefined` members are left out and `null` is kept (as `JSON.stringify` does).
   */
  context?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Builds the IAM-policy response of an HTTP API authorizer with payload format 2.0 (simple
 * responses off).
 *
 * @param options - the incoming `routeArn`, the principal, what it may call, context.
 * @returns the response to return from the Lambda handler.
 * @throws PolicyError `invalid_arn`, `invalid_route_template`, `invalid_context`,
 *   `resource_too_long`, `response_too_large`; `TypeError` for unusable options.
 * @example
 * ```ts
 * const response = buildHttpV2IamAuthorizerResponse({
 *   routeArn: "arn:aws:execute-api:eu-west-1:123456789012:lsw1ro4ipb/$default/POST/lambda",
 *   principalId: "user-42",
 *   allow: ["POST /lambda", "GET /items/{id}"],
 *   context: { userId: "user-42", groups: ["ops"] },
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export function buildHttpV2IamAuthorizerResponse(
  options: HttpV2IamAuthorizerResponseOptions,
): IamAuthorizerResponse<Record<string, unknown>> {
  return buildIamResponse(options, IAM_RESPONSE_SPECS.httpV2Iam);
}
