import { PolicyError } from "../../errors.js";

/** API Gateway's documented authorizer-result quota, used as the budget for every API type. */
const MAX_RESPONSE_BYTES = 8192;

/**
 * Throws `"response_too_large"` when the serialized response exceeds 8192 bytes of UTF-8.
 * @internal
 */
export function checkResponseSize(response: object): void {
  const bytes = new TextEncoder().encode(JSON.stringify(response)).length;
  if (bytes > MAX_RESPONSE_BYTES) {
    throw new PolicyError(
      "response_too_large",
      `the authorizer response is ${bytes} bytes; API Gateway accepts at most ${MAX_RESPONSE_BYTES}`,
      { expected: `at most ${MAX_RESPONSE_BYTES} bytes of UTF-8 JSON`, actual: bytes },
    );
  }
}
