import { copyResponse } from "./internal/copy-json.js";

/**
 * A deep copy of an authorizer response (or of any part of one, such as its `context`), as JSON
 * values are copied: own enumerable keys, own `__proto__` keys kept as data (never as the
 * prototype). For handing out a memoised response: the caller may change the copy without
 * touching the original.
 *
 * @param value - a builder's response, or a JSON value inside one.
 * @returns a fresh copy with the same JSON.
 * @example
 * ```ts
 * const response = buildHttpV2SimpleAuthorizerResponse({ isAuthorized: true, context: { tier: "gold" } });
 * const copy = copyAuthorizerResponse(response);
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export function copyAuthorizerResponse<T>(value: T): T {
  return copyResponse(value);
}
