import type { JwksWaitOptions } from "../jwks/jwks-cache.js";

/** The protected header of a JWS, as the token carries it. */
export interface JwtHeader {
  alg: string;
  kid?: string;
  typ?: string;
  [key: string]: unknown;
}

/** The registered and Cognito claims a verifier checks, plus any others the token carries. */
export interface JwtClaims {
  iss: string;
  sub?: string;
  aud?: string | string[];
  /** Expiry, epoch seconds. Always present on a verified token (a token without `exp` is rejected). */
  exp: number;
  nbf?: number;
  iat?: number;
  /** OAuth scopes, space separated. */
  scope?: string;
  "cognito:groups"?: string[];
  token_use?: "id" | "access";
  client_id?: string;
  [key: string]: unknown;
}

/** What a {@link TokenVerifier} returns for a token that passed every check. */
export interface VerifiedToken<C extends JwtClaims = JwtClaims> {
  header: JwtHeader;
  claims: C;
  /** The verified `iss`. */
  issuer: string;
  /**
   * Epoch SECONDS after which a cached decision for this token must not be used:
   * `min(exp, expiry of the key set that verified it)`.
   */
  cacheUntil: number;
  /** `scope` split on spaces (empty when absent). */
  scopes: string[];
  /** `cognito:groups` (empty when absent). */
  groups: string[];
}

/** Context a verifier may use, e.g. a multi-tenant `resolveIssuer` that looks at the event. */
export interface VerifyContext {
  /** The Lambda authorizer event the token came from. */
  event?: unknown;
}

/**
 * Verifies a compact JWS and returns its header and claims, or throws an `AuthorizerError`
 * (never anything else). Made by `cognitoVerifier`, `jwtVerifier` or `multiIssuerVerifier`.
 *
 * @example
 * ```ts
 * const verifier = jwtVerifier({ issuer, audience: "api", jwksUri, algorithms: ["RS256"] });
 * await verifier.hydrate(); // at cold start
 * const { claims, scopes } = await verifier.verify(token);
 * ```
 */
export interface TokenVerifier<C extends JwtClaims = JwtClaims> {
  verify(token: string, context?: VerifyContext): Promise<VerifiedToken<C>>;
  /**
   * Fetches (or loads the pre-seeded) keys now, e.g. at cold start. Bounded by the key-set cache's
   * `timeoutMs`; `options.signal` stops the wait (`jwks_aborted`).
   */
  hydrate(options?: JwksWaitOptions): Promise<void>;
  /**
   * The issuers this verifier accepts (empty for a resolver-based multi-issuer verifier). Set by
   * every Gatehouse verifier; `multiIssuerVerifier({ verifiers })` needs it to dispatch.
   */
  readonly issuers?: readonly string[] | undefined;
}
