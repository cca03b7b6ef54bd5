/**
 * Step 2: split a canonical request into its parts so the two sides can be compared part by part.
 * @internal
 * @packageDocumentation
 */
/** @internal The session-token header (and query parameter, case-insensitively). */
export const TOKEN_HEADER = "x-amz-security-token";

/** @internal A canonical request split into the parts SigV4 hashes. */
export interface CanonicalParts {
  method: string;
  path: string;
  query: string;
  headers: Map<string, string>;
  signedHeaders: string;
  payloadHash: string;
}

/** @internal Splits a canonical request into its parts; `undefined` when it is not one. */
export function parseCanonical(canonical: string): CanonicalParts | undefined {
  const lines = canonical.split("\n");
  const n = lines.length;
  if (n < 6 || lines[n - 3] !== "") return undefined;
  const headers = new Map<string, string>();
  for (const line of lines.slice(3, n - 3)) {
    const colon = line.indexOf(":");
    if (colon <= 0) return undefined;
    headers.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return {
    method: lines[0]!,
    path: lines[1]!,
    query: lines[2]!,
    headers,
    signedHeaders: lines[n - 2]!,
    payloadHash: lines[n - 1]!,
  };
}
