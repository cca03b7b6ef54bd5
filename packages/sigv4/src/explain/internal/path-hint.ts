/**
 * Step 4b: why the path differs (encoding depth, case, dot segments, prefixes).
 * @internal
 * @packageDocumentation
 */
import { encodingDepth } from "./percent-decoding.js";

/** @internal The hint for a canonical path that differs. */
export function pathHint(expected: string, actual: string): string {
  const lead = `The server saw path ${expected} but you signed ${actual}`;
  const e = encodingDepth(expected);
  const a = encodingDepth(actual);
  if (e.plain === a.plain && e.depth !== a.depth) {
    return a.depth < e.depth
      ? `${lead}: encode the path once more. SigV4 for API Gateway signs the wire path (already percent-encoded) encoded a second time; sign the URL exactly as it is sent and let the signer do the second encoding.`
      : `${lead}: you encoded the path once too many times; pass the URL as it is sent on the wire (encoded once) and do not encode it again before signing.`;
  }
  if (expected.toLowerCase() === actual.toLowerCase()) {
    return `${lead}: they differ in letter case only; percent-escapes must be upper-case (%2F, not %2f) and paths are case-sensitive.`;
  }
  if (normaliseSegments(actual) === expected) {
    return `${lead}: the server removes '.' and '..' segments and empty segments ('//') before checking; sign the normalised path (normalizePath: true).`;
  }
  if (expected === `${actual}/` || actual === `${expected}/`) {
    return `${lead}: they differ by a trailing slash; sign exactly the path that is sent.`;
  }
  if (expected.endsWith(actual) || actual.endsWith(expected)) {
    const longer = expected.length > actual.length ? expected : actual;
    const prefix = longer.slice(0, longer.length - Math.min(expected.length, actual.length));
    return expected.length > actual.length
      ? `${lead}: the server saw the extra prefix ${prefix}; sign the full path of the URL you call (stage name or custom-domain base path included), not the route.`
      : `${lead}: you signed the prefix ${prefix} that the server did not see; a proxy or a custom domain's base path mapping rewrote the path between signing and API Gateway.`;
  }
  return `${lead}: sign the exact path of the URL that is sent; something between you and API Gateway (a proxy, a rewrite, a redirect) changed it.`;
}

/** @internal A path with '.', '..' and empty segments removed. */
export function normaliseSegments(path: string): string {
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  const joined = `/${out.join("/")}`;
  return path.endsWith("/") && joined !== "/" ? `${joined}/` : joined;
}
