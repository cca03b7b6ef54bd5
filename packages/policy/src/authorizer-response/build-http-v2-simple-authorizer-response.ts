import { checkResponseSize } from "./internal/check-response-size.js";
import { encodeJsonContext } from "./internal/encode-json-context.js";
import type { SimpleAuthorizerResponse } from "./simple-authorizer-response.js";

/** Options of {@link buildHttpV2SimpleAuthorizerResponse}. */
export interface HttpV2SimpleAuthorizerResponseOptions {
  /**
   * The decision. With caching on it is reused for **every route** of the API for this identity,
   * unless `$context.routeKey` is one of the authorizer's identity sources: decide per identity,
   * not per route, or add `$context.routeKey` (or set the TTL to 0).
   */
  isAuthorized: boolean;
  /**
   * Passed to the backend under `requestContext.authorizer.lambda`. Arrays and objects are
   * allowed; `undefined` members are left out and `null` is kept (as `JSON.stringify` does).
   */
  context?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Builds the simple response of an HTTP API payload 2.0 authorizer (`enableSimpleResponses`).
 *
 * @param options - the decision and an optional context.
 * @returns the response to return from the Lambda handler.
 * @throws PolicyError `invalid_context`, `response_too_large`; `TypeError` for unusable options.
 * @example
 * ```ts
 * const response = buildHttpV2SimpleAuthorizerResponse({
 *   isAuthorized: true,
 *   context: { userId: "user-42", groups: ["ops"] },
 * });
 * // { isAuthorized: true, context: { userId: "user-42", groups: ["ops"] } }
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export function buildHttpV2SimpleAuthorizerResponse(
  options: HttpV2SimpleAuthorizerResponseOptions,
): SimpleAuthorizerResponse {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object");
  }
  for (const key of Object.keys(options)) {
    if (key !== "isAuthorized" && key !== "context") {
      throw new TypeError(`unknown option "${key}" (expected isAuthorized, context)`);
    }
  }
  if (typeof options.isAuthorized !== "boolean") {
    throw new TypeError("isAuthorized must be a boolean");
  }
  const response: SimpleAuthorizerResponse = { isAuthorized: options.isAuthorized };
  if (options.context !== undefined) response.context = encodeJsonContext(options.context);
  checkResponseSize(response);
  return response;
}
