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
  let bytes = ENVELOPE + utf8ByteLength(JSON.stringify(response.principalId)) + documentBytes;
  if (response.context !== undefined) {
    bytes += CONTEXT + utf8ByteLength(JSON.stringify(response.context));
  }
  if (response.usageIdentifierKey !== undefined) {
    bytes += USAGE_KEY + utf8ByteLength(JSON.stringify(response.usageIdentifierKey));
  }
  check(bytes);
}
