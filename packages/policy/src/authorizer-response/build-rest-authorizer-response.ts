import type { FlatContextOptions } from "./flat-context-options.js";
import type { IamAuthorizerResponse } from "./iam-authorizer-response.js";
import type { IamResponseOptions } from "./iam-response-options.js";
import { buildIamResponse } from "./internal/build-iam-response.js";
import { IAM_RESPONSE_SPECS } from "./internal/iam-response-specs.js";

/** Options of {@link buildRestAuthorizerResponse}. */
export type RestAuthorizerResponseOptions = IamResponseOptions &
  FlatContextOptions & {
    /** The event's `methodArn`; partition, region, account, API id and stage come from it. */
    methodArn: string;
    /** The API key for usage plans; required when the API's `apiKeySource` is `AUTHORIZER`. */
    usageIdentifierKey?: string | undefined;
  };

/**
 * Builds the IAM-policy response of a REST API TOKEN or REQUEST authorizer, correct for every
 * route of the stage while API Gateway caches it.
 *
 * @param options - the incoming `methodArn`, the principal, what it may call, context.
 * @returns the response to return from the Lambda handler.
 * @throws PolicyError `invalid_arn`, `invalid_route_template`, `invalid_context`,
 *   `resource_too_long`, `response_too_large`; `TypeError` for unusable options.
 * @example
 * ```ts
 * export const handler = async (event: { methodArn: string; authorizationToken: string }) =>
 *   buildRestAuthorizerResponse({
 *     methodArn: event.methodArn,
 *     principalId: "user-42",
 *     allow: ["GET /pets", "GET /pets/{id}", "POST /pets"],
 *     deny: ["ANY /pets/admin/{proxy+}"],
 *     context: { userId: "user-42", premium: true },
 *   });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export function buildRestAuthorizerResponse(
  options: RestAuthorizerResponseOptions,
): IamAuthorizerResponse {
  return buildIamResponse(options, IAM_RESPONSE_SPECS.rest) as IamAuthorizerResponse;
}
