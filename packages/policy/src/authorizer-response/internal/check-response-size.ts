import { PolicyError } from "../../errors.js";
import type { IamAuthorizerResponse } from "../iam-authorizer-response.js";
import { MAX_AUTHORIZER_RESPONSE_BYTES } from "../max-authorizer-response-bytes.js";
import { utf8ByteLength } from "./utf8-byte-length.js";

function check(bytes: number): void {
  if (bytes > MAX_AUTHORIZER_RESPONSE_BYTES) {
    throw new PolicyError(
      "response_too_large",
      `the authorizer response is ${bytes} bytes; API Gateway accepts at most ${MAX_AUTHORIZER_RESPONSE_BYTES}`,
      { expected: `at most ${MAX_AUTHORIZER_RESPONSE_BYTES} bytes of UTF-8 JSON`, actual: bytes },
    );
  }
}

/**
 * Throws `"response_too_large"` when the serialized response exceeds
 * {@link MAX_AUTHORIZER_RESPONSE_BYTES} bytes of UTF-8.
 * @internal
 */
export function checkResponseSize(response: object): void {
  check(utf8ByteLength(JSON.stringify(response)));
}

/** The JSON around the members of an IAM response; the names are ASCII. */
const ENVELOPE = '{"principalId":,"policyDocument":}'.length;
const CONTEXT = ',"context":'.length;
const USAGE_KEY = ',"usageIdentifierKey":'.length;

/** The most UTF-8 bytes a JSON string of this text takes: 6 (`\\u001f`) per UTF-16 unit, quotes. */
function stringBound(text: string): number {
  return 6 * text.length + 2;
}

/** A JSON number is at most 24 characters (`-1.7976931348623157e+308`); `false` is 5. */
const SCALAR_BOUND = 25;

/**
 * An upper bound of the response's size without serialising it, or `Infinity` when the context
 * holds an object or array (then the exact count is made).
 */
function iamResponseBound(
  response: IamAuthorizerResponse<Record<string, unknown>>,
  documentBytes: number,
): number {
  let bound = ENVELOPE + stringBound(response.principalId) + documentBytes;
  const { context, usageIdentifierKey } = response;
  if (context !== undefined) {
    bound += CONTEXT + 2;
    for (const key of Object.keys(context)) {
      const value = context[key];
      // Key, colon, comma, value.
      bound += stringBound(key) + 2;
      if (typeof value === "string") {
        bound += stringBound(value);
      } else if (typeof value === "object" && value !== null) {
        return Number.POSITIVE_INFINITY;
      } else {
        bound += SCALAR_BOUND;
      }
    }
  }
  if (usageIdentifierKey !== undefined) bound += USAGE_KEY + stringBound(usageIdentifierKey);
  return bound;
}

/**
 * {@link checkResponseSize} for an IAM response in the builders' key order (`principalId`,
 * `policyDocument`, `context`, `usageIdentifierKey`) whose policy document is already known to
 * take `documentBytes`: the same count, without serialising the document again.
 * @internal
 */
export function checkIamResponseSize(
  response: IamAuthorizerResponse<Record<string, unknown>>,
  documentBytes: number,
): void {
  if (iamResponseBound(response, documentBytes) <= MAX_AUTHORIZER_RESPONSE_BYTES) return;
  let bytes = ENVELOPE + utf8ByteLength(JSON.stringify(response.principalId)) + documentBytes;
  if (response.context !== undefined) {
    bytes += CONTEXT + utf8ByteLength(JSON.stringify(response.context));
  }
  if (response.usageIdentifierKey !== undefined) {
    bytes += USAGE_KEY + utf8ByteLength(JSON.stringify(response.usageIdentifierKey));
  }
  check(bytes);
}
