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
 * The library errors for token checks carry claim values (aws-jwt-verify's `failedAssertion`,
 * jose's `payload`): they are dropped. Key-set and unexpected failures keep theirs as `cause`
 * (a URI, an HTTP status) for diagnosis.
 */
function withCause(code: AuthorizerErrorCode, claim: string | undefined, error: unknown) {
  const keep = code === "jwks_unavailable" || code === "jwks_invalid" || code === "internal_error";
  return {
    ...(claim === undefined ? {} : { claim }),
    ...(keep ? { cause: error } : {}),
  };
}

/**
 * @internal Turns anything a verification path throws into an {@link AuthorizerError} with a
 * message of ours (never the token, never a claim value).
 */
export function mapVerifyError(error: unknown): AuthorizerError {
  if (isAuthorizerError(error)) return error;
  for (const [type, code] of AWS_JWT_VERIFY) {
    if (error instanceof type) {
      return authorizerError(
        code,
        `JWT rejected: ${code.replaceAll("_", " ")}`,
        withCause(code, CLAIM_OF[code], error),
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
        withCause(code, claim, error),
      );
    }
  }
  return authorizerError("internal_error", "JWT verification failed unexpectedly", {
    cause: error,
  });
}
