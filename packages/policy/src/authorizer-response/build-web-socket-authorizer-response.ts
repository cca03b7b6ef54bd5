import type { FlatContextOptions } from "./flat-context-options.js";
import type { IamAuthorizerResponse } from "./iam-authorizer-response.js";
import type { IamResponseOptions } from "./iam-response-options.js";
import { buildIamResponse } from "./internal/build-iam-response.js";
import { IAM_RESPONSE_SPECS } from "./internal/iam-response-specs.js";

/** Options of {@link buildWebSocketAuthorizerResponse}. */
export type WebSocketAuthorizerResponseOptions = IamResponseOptions &
  FlatContextOptions & {
    /** The `$connect` event's `methodArn` (`.../{apiId}/{stage}/$connect`). */
    methodArn: string;
    /** The API key, when the API's key selection expression is `$context.authorizer.usageIdentifierKey`. */
    usageIdentifierKey?: string | undefined;
  };

/**
 * Builds the IAM-policy response of a WebSocket API `$connect` authorizer.
 *
 * The policy must cover the `$connect` route ARN: `allow: "stage"` (`.../{stage}/*`) and a route
 * list containing `"$connect"` do; a REST-style `.../{stage}/*\/*` would not.
 *
 * @param options - the incoming `methodArn`, the principal, what it may call, context.
 * @returns the response to return from the Lambda handler.
 * @throws PolicyError `invalid_arn`, `invalid_route_template`, `invalid_context`,
 *   `resource_too_long`, `response_too_large`; `TypeError` for unusable options.
 * @example
 * ```ts
 * const response = buildWebSocketAuthorizerResponse({
 *   methodArn: "arn:aws:execute-api:us-east-1:123456789012:abcdef123/default/$connect",
 *   principalId: "user-42",
 *   allow: ["$connect"],
 *   context: { userId: "user-42" },
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html
 */
export function buildWebSocketAuthorizerResponse(
  options: WebSocketAuthorizerResponseOptions,
): IamAuthorizerResponse {
  return buildIamResponse(options, IAM_RESPONSE_SPECS.webSocket) as IamAuthorizerResponse;
}
