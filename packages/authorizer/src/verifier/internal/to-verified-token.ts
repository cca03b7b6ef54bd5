import type { JwtClaims, VerifiedToken } from "../token-verifier.js";
import type { DecodedJwt } from "./decode-jwt.js";

/** @internal Builds the result once every check passed. */
export function toVerifiedToken<C extends JwtClaims>(
  decoded: DecodedJwt,
  keySetExpiresAtMs: number,
): VerifiedToken<C> {
  const claims = decoded.claims as C;
  const scope = claims.scope;
  const groups = claims["cognito:groups"];
  return {
    header: decoded.header,
    claims,
    issuer: claims.iss,
    cacheUntil: Math.min(claims.exp, Math.floor(keySetExpiresAtMs / 1000)),
    scopes: typeof scope === "string" ? scope.split(" ").filter((s) => s !== "") : [],
    groups: Array.isArray(groups) ? [...groups] : [],
  };
}
