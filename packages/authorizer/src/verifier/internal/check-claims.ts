import { authorizerError } from "../../errors.js";
import type { DecodedJwt } from "./decode-jwt.js";

/** @internal Time and presence checks applied after the signature verified, on every path. */
export interface ClaimChecks {
  /** Epoch milliseconds. */
  now: () => number;
  clockToleranceSeconds: number;
  maxTokenAgeSeconds: number | undefined;
  requiredClaims: readonly string[];
}

/**
 * @internal `exp` required and in the future, `nbf` and `iat` not in the future, `iat` not older
 * than `maxTokenAgeSeconds`, `requiredClaims` present. Uses the injected clock only.
 */
export function checkClaims(claims: DecodedJwt["claims"], checks: ClaimChecks): void {
  const now = checks.now() / 1000;
  const tolerance = checks.clockToleranceSeconds;
  const { exp, nbf, iat } = claims;
  if (exp === undefined) {
    throw authorizerError("missing_claim", "JWT has no exp claim", { claim: "exp" });
  }
  if (now >= exp + tolerance) {
    throw authorizerError("token_expired", "JWT has expired", { claim: "exp", actual: exp });
  }
  if (nbf !== undefined && nbf > now + tolerance) {
    throw authorizerError("token_not_yet_valid", "JWT is not valid yet (nbf)", {
      claim: "nbf",
      actual: nbf,
    });
  }
  if (iat !== undefined && iat > now + tolerance) {
    throw authorizerError("token_not_yet_valid", "JWT was issued in the future (iat)", {
      claim: "iat",
      actual: iat,
    });
  }
  if (checks.maxTokenAgeSeconds !== undefined) {
    if (iat === undefined) {
      throw authorizerError("missing_claim", "JWT has no iat claim (maxTokenAgeSeconds)", {
        claim: "iat",
      });
    }
    if (now - iat > checks.maxTokenAgeSeconds + tolerance) {
      throw authorizerError("token_too_old", "JWT is older than maxTokenAgeSeconds", {
        claim: "iat",
        expected: checks.maxTokenAgeSeconds,
        actual: iat,
      });
    }
  }
  for (const name of checks.requiredClaims) {
    if (claims[name] === undefined || claims[name] === null) {
      throw authorizerError("missing_claim", `JWT has no ${name} claim`, { claim: name });
    }
  }
}
