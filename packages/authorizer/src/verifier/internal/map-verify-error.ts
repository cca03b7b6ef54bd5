import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidGroupError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwkInvalidKtyError,
  JwkInvalidUseError,
  JwksNotAvailableInCacheError,
  JwksValidationError,
  JwkValidationError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidScopeError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  NotSupportedError,
  WaitPeriodNotYetEndedJwkError,
} from "aws-jwt-verify/error";
import {
  type AuthorizerError,
  type AuthorizerErrorCode,
  authorizerError,
  isAuthorizerError,
} from "../../errors.js";

// aws-jwt-verify's classes have no `name`: instanceof is the only way, and it lives here only.
const AWS_JWT_VERIFY: [new (...args: never[]) => Error, AuthorizerErrorCode][] = [
  [JwtParseError, "malformed_token"],
  [JwtInvalidSignatureError, "invalid_signature"],
  [JwtInvalidSignatureAlgorithmError, "unsupported_algorithm"],
  [NotSupportedError, "unsupported_algorithm"],
  [JwtExpiredError, "token_expired"],
  [JwtNotBeforeError, "token_not_yet_valid"],
  [JwtInvalidIssuerError, "invalid_issuer"],
  [JwtInvalidAudienceError, "invalid_audience"],
  [CognitoJwtInvalidClientIdError, "invalid_audience"],
  [CognitoJwtInvalidTokenUseError, "invalid_token_use"],
  [JwtInvalidScopeError, "insufficient_scope"],
  [CognitoJwtInvalidGroupError, "access_denied"],
  [JwtWithoutValidKidError, "unknown_key"],
  [KidNotFoundInJwksError, "unknown_key"],
  [WaitPeriodNotYetEndedJwkError, "unknown_key"],
  [JwksValidationError, "jwks_invalid"],
  [JwkValidationError, "jwks_invalid"],
  [JwkInvalidUseError, "jwks_invalid"],
  [JwkInvalidKtyError, "jwks_invalid"],
  [FetchError, "jwks_unavailable"],
  [JwksNotAvailableInCacheError, "jwks_unavailable"],
];

const CLAIM_OF: Partial<Record<AuthorizerErrorCode, string>> = {
  token_expired: "exp",
  token_not_yet_valid: "nbf",
  invalid_issuer: "iss",
  invalid_audience: "aud",
  invalid_token_use: "token_use",
  insufficient_scope: "scope",
  access_denied: "cognito:groups",
};

// jose errors carry a stable `code`.
const JOSE: Record<string, AuthorizerErrorCode> = {
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: "invalid_signature",
  ERR_JWT_EXPIRED: "token_expired",
  ERR_JOSE_ALG_NOT_ALLOWED: "unsupported_algorithm",
  ERR_JOSE_NOT_SUPPORTED: "unsupported_algorithm",
  ERR_JWS_INVALID: "malformed_token",
  ERR_JWT_INVALID: "malformed_token",
  ERR_JWK_INVALID: "jwks_invalid",
  ERR_JWKS_INVALID: "jwks_invalid",
};

const JOSE_CLAIM: Record<string, AuthorizerErrorCode> = {
  iss: "invalid_issuer",
  aud: "invalid_audience",
  nbf: "token_not_yet_valid",
  iat: "token_not_yet_valid",
  exp: "token_expired",
  typ: "invalid_typ",
};

/**
 * @internal Turns anything a verification path throws into an {@link AuthorizerError}. The
 * original is kept as `cause` (it may name a kid or a URI, never the token); the message is ours.
 */
export function mapVerifyError(error: unknown): AuthorizerError {
  if (isAuthorizerError(error)) return error;
  for (const [type, code] of AWS_JWT_VERIFY) {
    if (error instanceof type) {
      const claim = CLAIM_OF[code];
      return authorizerError(
        code,
        `JWT rejected: ${code.replaceAll("_", " ")}`,
        claim === undefined ? { cause: error } : { claim, cause: error },
      );
    }
  }
  const joseCode = (error as { code?: unknown } | null)?.code;
  if (typeof joseCode === "string") {
    let code = JOSE[joseCode];
    let claim: string | undefined;
    if (joseCode === "ERR_JWT_CLAIM_VALIDATION_FAILED") {
      claim = String((error as { claim?: unknown }).claim);
      code = JOSE_CLAIM[claim] ?? "missing_claim";
    }
    if (code !== undefined) {
      return authorizerError(
        code,
        `JWT rejected: ${code.replaceAll("_", " ")}`,
        claim === undefined ? { cause: error } : { claim, cause: error },
      );
    }
  }
  return authorizerError("internal_error", "JWT verification failed unexpectedly", {
    cause: error,
  });
}
