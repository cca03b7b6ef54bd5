/**
 * Step 4d: why a signed header differs.
 * @internal
 * @packageDocumentation
 */
import { TOKEN_HEADER } from "./parse-canonical.js";

/** @internal The hint for one signed header whose value differs. */
export function headerHint(
  name: string,
  expected: string | undefined,
  actual: string | undefined,
): string {
  if (expected === undefined) {
    return `The server signs header ${name} but you did not: the SignedHeaders the server read do not match your signing details.`;
  }
  if (actual === undefined) {
    return `You signed header ${name} but the server's SignedHeaders do not include it: these details belong to another request, or the Authorization header was changed.`;
  }
  if (name === TOKEN_HEADER) {
    return "The session token the server received is not the one you signed (values redacted): the token was re-encoded, truncated or replaced after signing.";
  }
  if (expected === "") {
    return `Header ${name} was signed with value '${actual}' but did not reach the server (a proxy, a CDN or the browser dropped it); sign only headers that arrive unchanged.`;
  }
  if (name === "host") {
    return `The server saw host '${expected}' but you signed '${actual}': sign the host the request is actually sent to (a port, a proxy or a custom domain changes it).`;
  }
  if (expected === actual.trim().replace(/\s+/g, " ")) {
    return `Header ${name} signed with value '${actual}' but the server saw '${expected}': trim the value and collapse runs of spaces before signing (the signer should do this).`;
  }
  if (name === "content-type" && expected.startsWith(actual)) {
    return `Header content-type signed as '${actual}' but the server saw '${expected}': the HTTP client added to it after signing; set the full content type (e.g. with ';charset=UTF-8') before signing.`;
  }
  if (name === "x-amz-date") {
    return `Header x-amz-date signed as '${actual}' but the server saw '${expected}': the request was signed again, or the header was replaced after signing.`;
  }
  return `Header ${name} signed with value '${actual}' but the server saw '${expected}': something between you and API Gateway (a proxy, the browser, the HTTP client) changed it.`;
}
