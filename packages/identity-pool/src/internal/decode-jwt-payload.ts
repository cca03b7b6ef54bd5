/** @internal The claims this package reads, unchecked, and any others. */
export interface JwtClaims {
  iss?: unknown;
  sub?: unknown;
  aud?: unknown;
  token_use?: unknown;
  [claim: string]: unknown;
}

/**
 * @internal The claims of a JWT, decoded but NOT verified (the service verifies it); `undefined`
 * for anything that is not a three-segment JWT with a JSON object payload.
 */
export function decodeJwtPayload(token: string): JwtClaims | undefined {
  const segments = token.split(".");
  const payload = segments[1];
  if (segments.length !== 3 || !payload) return undefined;
  try {
    const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === "object" && claims !== null && !Array.isArray(claims)
      ? (claims as JwtClaims)
      : undefined;
  } catch {
    return undefined;
  }
}
