import { utf8ByteLength } from "./internal/utf8-byte-length.js";
import { MAX_AUTHORIZER_RESPONSE_BYTES } from "./max-authorizer-response-bytes.js";

/**
 * Whether an authorizer response, serialised as `JSON.stringify` does, is within
 * {@link MAX_AUTHORIZER_RESPONSE_BYTES} bytes of UTF-8: the check the builders make (they throw
 * `response_too_large` instead), for a response assembled some other way (memoised, copied).
 *
 * @param response - the response object (IAM or simple), as it would be returned to API Gateway.
 * @returns `true` when it fits; `false` when it is too large or does not serialise to JSON.
 * @example
 * ```ts
 * fitsAuthorizerResponse({ isAuthorized: true, context: { tenant: "acme" } }); // true
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 */
export function fitsAuthorizerResponse(response: object): boolean {
  const json = JSON.stringify(response) as string | undefined;
  return json !== undefined && utf8ByteLength(json) <= MAX_AUTHORIZER_RESPONSE_BYTES;
}
