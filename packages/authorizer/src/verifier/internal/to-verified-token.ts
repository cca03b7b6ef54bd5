import type { JwtClaims, VerifiedToken } from "../token-verifier.js";
import type { ClaimChecks } from "./check-claims.js";
import type { DecodedJwt } from "./decode-jwt.js";

/**
 * The last second at which every time limit the verifier enforces still holds: `exp`, the key
 * set's expiry and, with `maxTokenAgeSeconds`, `iat + maxTokenAgeSeconds` (which `checkClaims`
 * made sure exists). The clock tolerance is not added: a cached decision stops where a fresh
 * check could start to refuse.
 * @internal
 */
export function cacheUntilOf(
  claims: DecodedJwt["claims"],
  keySetExpiresAtMs: number,
  checks: Pick<ClaimChecks, "maxTokenAgeSeconds">,
): number {
  const { exp, iat } = claims;
  let until = Math.min(exp as number, Math.floor(keySetExpiresAtMs / 1000));
  const maxAge = checks.maxTokenAgeSeconds;
  if (maxAge !== undefined) {
    // A token without a numeric iat never verifies with maxTokenAgeSeconds; stay closed anyway.
    until = typeof iat === "number" ? Math.min(until, iat + maxAge) : Number.NEGATIVE_INFINITY;
  }
  return until;
}

/** @internal Builds the result once every check passed. */
export function toVerifiedToken<C extends JwtClaims>(
  decoded: DecodedJwt,
  keySetExpiresAtMs: number,
  checks: Pick<ClaimChecks, "maxTokenAgeSeconds">,
): VerifiedToken<C> {
  const claims = decoded.claims as C;
  const scope = claims.scope;
  const groups = claims["cognito:groups"];
  return {
    header: decoded.header,
    claims,
    issuer: claims.iss,
    cacheUntil: cacheUntilOf(decoded.claims, keySetExpiresAtMs, checks),
    scopes: typeof scope === "string" ? scope.split(" ").filter((s) => s !== "") : [],
    groups: Array.isArray(groups) ? [...groups] : [],
  };
}
