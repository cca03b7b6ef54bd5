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
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyAuthorizerResponse) as T;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const member = source[key];
    // Strings, numbers, booleans and null (most of a response) need no recursion.
    const copy =
      typeof member === "object" && member !== null ? copyAuthorizerResponse(member) : member;
    if (key === "__proto__") {
      Object.defineProperty(out, key, {
        value: copy,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      out[key] = copy;
    }
  }
  return out as T;
}
