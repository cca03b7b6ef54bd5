/**
 * The explicit opt-in to a policy that allows only the incoming method/route ARN.
 *
 * API Gateway reuses a cached policy for every route of the stage, so such a policy is only
 * correct when the authorizer's result TTL is 0 (caching disabled). The literal
 * `authorizerTtlSeconds: 0` states that; any other value throws a `TypeError`.
 *
 * @example
 * ```ts
 * const allow: RequestOnlyScope = { requestOnly: true, authorizerTtlSeconds: 0 };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization-with-console.html
 */
export interface RequestOnlyScope {
  requestOnly: true;
  /** The authorizer's "Authorization caching" TTL in seconds; must be `0`. */
  authorizerTtlSeconds: 0;
}

/**
 * What an IAM authorizer response allows. Every form except {@link RequestOnlyScope} is the same
 * for every request of the stage, so it stays correct when API Gateway caches it:
 *
 * - a list of route templates (`"GET /pets/{id}"`, `"ANY /admin/{proxy+}"`, `"$connect"`, `"*"`):
 *   the principal's **full** route set, turned into ARN patterns on the incoming ARN's partition,
 *   region, account, API id and stage. An empty list allows nothing (an explicit Deny of the stage);
 * - `"stage"`: every route of the incoming ARN's stage (`.../{apiId}/{stage}/*`, which also covers
 *   WebSocket `$connect` and the HTTP API `$default` route);
 * - `{ requestOnly: true, authorizerTtlSeconds: 0 }`: only the incoming ARN (caching must be off).
 *
 * @example
 * ```ts
 * const allow: AllowedRoutes = ["GET /pets", "GET /pets/{id}", "POST /pets"];
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization-with-console.html
 */
export type AllowedRoutes = readonly string[] | "stage" | RequestOnlyScope;
