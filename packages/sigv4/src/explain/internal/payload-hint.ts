/**
 * Step 4e: why the payload hash differs.
 * @internal
 * @packageDocumentation
 */
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** @internal The hint for a payload hash that differs. */
export function payloadHint(expected: string, actual: string): string {
  if (expected === EMPTY_SHA256) {
    return "The server received an empty body but you signed a non-empty one: the body was dropped (a GET or HEAD with a body, a stream already read, a redirect that turned POST into GET).";
  }
  if (actual === EMPTY_SHA256) {
    return "You signed an empty body but the server received one: sign the request with the body it is sent with.";
  }
  if (actual === "UNSIGNED-PAYLOAD") {
    return "You signed UNSIGNED-PAYLOAD but the server hashed the body: API Gateway needs the SHA-256 of the body; buffer the body instead of streaming it.";
  }
  return "The body the server received hashes differently from the body you signed: it changed after signing (JSON serialised twice or differently, another character encoding, compression by a proxy), or payloadHash does not match the bytes sent.";
}
