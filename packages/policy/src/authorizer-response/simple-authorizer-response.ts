/**
 * The simple response of an HTTP API (payload 2.0) Lambda authorizer with `enableSimpleResponses`.
 * Assignable to `APIGatewaySimpleAuthorizerResult` from `@types/aws-lambda`.
 *
 * A cached simple response applies to **every route** of the API for that identity, unless
 * `$context.routeKey` is one of the authorizer's identity sources.
 *
 * @example
 * ```ts
 * const response: SimpleAuthorizerResponse = buildHttpV2SimpleAuthorizerResponse({
 *   isAuthorized: true,
 *   context: { userId: "user-42", groups: ["admin"] },
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export interface SimpleAuthorizerResponse {
  isAuthorized: boolean;
  context?: Record<string, unknown>;
}
