import type { JwksWaitOptions } from "../jwks/jwks-cache.js";
import type { DecisionInput } from "../request/decision-input.js";
import type { RequestInputs } from "../request/request-inputs.js";

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
   * Epoch SECONDS after which a cached decision for this token must not be used: the earliest of
   * every time limit the verifier enforces, `min(exp, expiry of the key set that verified it,
   * iat + maxTokenAgeSeconds)` (the last one when that option is set). A custom verifier with
   * limits of its own must fold them in here too.
   */
  cacheUntil: number;
  /** `scope` split on spaces (empty when absent). */
  scopes: string[];
  /** `cognito:groups` (empty when absent). */
  groups: string[];
}

/** Context a verifier may use, e.g. a multi-tenant `resolveIssuer` that looks at the request. */
export interface VerifyContext {
  /**
   * The Lambda authorizer event the token came from. A verifier that reads it makes the handler's
   * decision for this request uncacheable (it may depend on anything in the event).
   */
  event?: unknown;
  /**
   * The request data, read by declared input (given by the handler). A verifier reading it must
   * list what it reads in its `cacheInputs`, or its decisions are not cached.
   */
  request?: RequestInputs;
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
  /**
   * The request data `verify` reads through `context.request` (a multi-tenant resolver's
   * declared inputs): the handler adds them to its decision cache key. Absent: `verify` reads no
   * request data (reading `context.event` anyway makes each such decision uncacheable).
   */
  readonly cacheInputs?: readonly DecisionInput[] | undefined;
}
