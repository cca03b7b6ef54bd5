import { PolicyError } from "../../errors.js";
import { MAX_AUTHORIZER_RESPONSE_BYTES } from "../max-authorizer-response-bytes.js";
import { utf8ByteLength } from "./utf8-byte-length.js";

/**
 * Throws `"response_too_large"` when the serialized response exceeds
 * {@link MAX_AUTHORIZER_RESPONSE_BYTES} bytes of UTF-8.
 * @internal
 */
export function checkResponseSize(response: object): void {
  const bytes = utf8ByteLength(JSON.stringify(response));
  if (bytes > MAX_AUTHORIZER_RESPONSE_BYTES) {
    throw new PolicyError(
      "response_too_large",
      `the authorizer response is ${bytes} bytes; API Gateway accepts at most ${MAX_AUTHORIZER_RESPONSE_BYTES}`,
      { expected: `at most ${MAX_AUTHORIZER_RESPONSE_BYTES} bytes of UTF-8 JSON`, actual: bytes },
    );
  }
}
