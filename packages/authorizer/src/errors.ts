/**
 * Every code an {@link AuthorizerError} can carry. Stable: callers `switch` on it, and it keeps
 * working when both the ESM and the CommonJS copy of this package are loaded (where `instanceof`
 * fails).
 */
export type AuthorizerErrorCode =
  /** No token found in the event where the token sources look. */
  | "missing_token"
  /** Not three base64url segments of JSON, or a header/claim of the wrong type. */
  | "malformed_token"
  /** Longer than the verifier's `maxTokenBytes`. */
  | "token_too_large"
  /** `alg` missing, `none`, or not in the verifier's `algorithms` allowlist (or not the key's alg). */
  | "unsupported_algorithm"
  /** A header that names key material or extensions: `jku`, `x5u`, `jwk`, `x5c`, `crit`. */
  | "forbidden_header"
  /** The signature does not verify with the selected key. */
  | "invalid_signature"
  /** No key with the token's `kid` in the key set, even after an allowed refetch. */
  | "unknown_key"
  /** `exp` is in the past (beyond the clock tolerance). */
  | "token_expired"
  /** `nbf` (or `iat`) is in the future (beyond the clock tolerance). */
  | "token_not_yet_valid"
  /** `iat` is older than `maxTokenAgeSeconds`. */
  | "token_too_old"
  /** `iss` is not one this verifier trusts. */
  | "invalid_issuer"
  /** `aud` (or Cognito `client_id`) is not one this verifier accepts. */
  | "invalid_audience"
  /** Cognito `token_use` is not the expected `id` / `access`. */
  | "invalid_token_use"
  /** The header `typ` is not the configured one. */
  | "invalid_typ"
  /** A required claim (`exp`, `iat` for `maxTokenAgeSeconds`, `requiredClaims`) is absent. */
  | "missing_claim"
  /** The token is valid but lacks a scope the route requires. */
  | "insufficient_scope"
  /** The token is valid but the route rules or `authorize` hook refuse access. */
  | "access_denied"
  /** The key set could not be fetched (network, HTTP status, location not allowed, expired and not refreshable). */
  | "jwks_unavailable"
  /** The JWKS endpoint did not answer in full (headers and body) within the cache's `timeoutMs`. */
  | "jwks_timeout"
  /** The JWKS response is larger than the cache's `maxResponseBytes`; reading stopped there. */
  | "jwks_too_large"
  /** The caller's `AbortSignal` aborted the wait for the key set (the signal's reason is the `cause`). */
  | "jwks_aborted"
  /** The key set was fetched but is not a usable JWKS (bad JSON, no keys, bad key). */
  | "jwks_invalid"
  /** The Lambda event is not an API Gateway authorizer event this package understands. */
  | "invalid_event"
  /** An unexpected failure (a bug, or a throwing user hook). */
  | "internal_error";

/** Which family an {@link AuthorizerErrorCode} belongs to. */
export type AuthorizerErrorFamily = "token" | "jwks" | "access" | "event" | "internal";

/** What an {@link AuthorizerError} says about the failure: the claim, what was expected, what was found. */
export interface AuthorizerErrorOptions {
  /** A claim or header name involved, e.g. `aud`, `kid`, `token_use` (never its value if secret). */
  claim?: string;
  /** What was expected, in words or as configured values (issuer, audience, algorithms). */
  expected?: unknown;
  /**
   * The offending value when it is safe to show (an `alg`, a `token_use`, an HTTP status). Never the
   * token, a signature or a claim value that could be a secret.
   */
  actual?: unknown;
  cause?: unknown;
}

/**
 * The base error of `@gatehouse/authorizer`, with a stable {@link AuthorizerErrorCode}. Messages
 * never contain the token, nor claim values that could be secrets. Misuse of the API (wrong
 * option types, impossible combinations) throws `TypeError` at construction instead.
 *
 * @example
 * ```ts
 * try {
 *   await verifier.verify(token);
 * } catch (error) {
 *   if (isAuthorizerError(error) && error.code === "token_expired") log.info({ code: error.code });
 * }
 * ```
 */
export class AuthorizerError extends Error {
  override readonly name: string = "AuthorizerError";
  readonly code: AuthorizerErrorCode;
  readonly claim: string | undefined;
  readonly expected: unknown;
  readonly actual: unknown;

  constructor(code: AuthorizerErrorCode, message: string, options: AuthorizerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.claim = options.claim;
    this.expected = options.expected;
    this.actual = options.actual;
  }

  /** The family of {@link AuthorizerError.code}: token, jwks, access, event or internal. */
  get family(): AuthorizerErrorFamily {
    return familyOf(this.code);
  }
}

/** The token itself is missing, malformed or fails a check (signature, claims, header). */
export class TokenError extends AuthorizerError {
  override readonly name: string = "TokenError";
}

/**
 * The key set could not be obtained or used (`jwks_unavailable`, `jwks_timeout`,
 * `jwks_too_large`, `jwks_aborted`, `jwks_invalid`).
 */
export class JwksError extends AuthorizerError {
  override readonly name: string = "JwksError";
}

/** A valid token that is not allowed here (`insufficient_scope`, `access_denied`). */
export class AccessDeniedError extends AuthorizerError {
  override readonly name: string = "AccessDeniedError";
}

/** The Lambda event is not a recognised API Gateway authorizer event (`invalid_event`). */
export class EventError extends AuthorizerError {
  override readonly name: string = "EventError";
}

const ERROR_NAMES = new Set([
  "AuthorizerError",
  "TokenError",
  "JwksError",
  "AccessDeniedError",
  "EventError",
]);

/** The family of an error code. */
export function familyOf(code: AuthorizerErrorCode): AuthorizerErrorFamily {
  switch (code) {
    case "jwks_unavailable":
    case "jwks_timeout":
    case "jwks_too_large":
    case "jwks_aborted":
    case "jwks_invalid":
      return "jwks";
    case "insufficient_scope":
    case "access_denied":
      return "access";
    case "invalid_event":
      return "event";
    case "internal_error":
      return "internal";
    default:
      return "token";
  }
}

/**
 * Builds the right subclass for a code: {@link TokenError}, {@link JwksError},
 * {@link AccessDeniedError}, {@link EventError} or the base {@link AuthorizerError}.
 */
export function authorizerError(
  code: AuthorizerErrorCode,
  message: string,
  options: AuthorizerErrorOptions = {},
): AuthorizerError {
  switch (familyOf(code)) {
    case "token":
      return new TokenError(code, message, options);
    case "jwks":
      return new JwksError(code, message, options);
    case "access":
      return new AccessDeniedError(code, message, options);
    case "event":
      return new EventError(code, message, options);
    default:
      return new AuthorizerError(code, message, options);
  }
}

/** True for an {@link AuthorizerError} (any subclass) from any loaded copy of this package. */
export function isAuthorizerError(value: unknown): value is AuthorizerError {
  return (
    value instanceof Error &&
    ERROR_NAMES.has(value.name) &&
    typeof (value as { code?: unknown }).code === "string"
  );
}
