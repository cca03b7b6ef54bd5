/**
 * The configuration of a REST API `JWT` authorizer: several issuers, each with its audiences,
 * additional claims and verifier, and the algorithms the authorizer accepts.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer.html
 * @packageDocumentation
 */
import type { JwtVerifierLike } from "./gateway-config.js";

/** A signing algorithm a REST API JWT authorizer can accept (`defaultAlgorithms`). */
export type RestJwtAlgorithm = "RS256" | "RS384" | "RS512" | "ES256" | "ES384" | "ES512";

/**
 * A claim rule of one issuer (`JwtAdditionalClaim`). The claim must be a single string; with
 * `expectedValues` it must equal one of them (exact, case-sensitive). A missing claim refuses the
 * token when `required` is true and passes otherwise.
 *
 * @example
 * ```ts
 * const tenant: RestJwtAdditionalClaim = {
 *   claimName: "tenant",
 *   format: "SINGLE_STRING",
 *   expectedValues: ["acme", "globex"],
 *   required: true,
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_JwtAdditionalClaim.html
 */
export interface RestJwtAdditionalClaim {
  /** The claim; not `iss`, `aud`, `exp`, `nbf`, `iat`, `scope` or `scp` (the authorizer checks those). */
  claimName: string;
  /** The only format AWS offers. */
  format: "SINGLE_STRING";
  /** The accepted values (none empty); absent: any string. */
  expectedValues?: readonly string[];
  /**
   * Whether a token without the claim is refused.
   * @default false
   */
  required?: boolean;
}

/**
 * One trusted issuer of a REST JWT authorizer (`JwtIssuerInput`).
 *
 * @example
 * ```ts
 * declare const verifier: JwtVerifierLike; // jwtVerifier({ issuer, audience, algorithms, jwksUri })
 * const issuer: RestJwtIssuerConfig = {
 *   issuer: "https://idp.example.com/",
 *   audiences: ["orders-api"],
 *   verifier,
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_JwtIssuerInput.html
 */
export interface RestJwtIssuerConfig {
  /**
   * The exact `iss`: an absolute `https` URL with a host, no user information, query or fragment;
   * a trailing slash matters.
   */
  issuer: string;
  /** The token's `aud` must contain one of these (none empty). */
  audiences: readonly string[];
  /** Claim rules of this issuer; claim names unique. */
  additionalClaims?: readonly RestJwtAdditionalClaim[];
  /**
   * Verifies the signature with this issuer's JWKS, `exp` and `nbf`, e.g. `jwtVerifier(...)` of
   * `@gatehouse/authorizer` with the same `issuer`. The gateway checks the algorithm, `iss`, the
   * audiences, the additional claims and the method's scopes itself.
   */
  verifier: JwtVerifierLike;
}

/**
 * A REST API `JWT` authorizer (AWS's `AuthorizerType JWT` with a `JwtConfiguration`): the token
 * (a `Bearer ` prefix is stripped) must name one of `issuers` in `iss`, be signed with one of
 * `defaultAlgorithms`, verify with that issuer's `verifier`, carry one of its `audiences` and pass
 * its additional claims (else 401); the method's `scopes`, if any, must meet the token's `scope` /
 * `scp` (else 403). Then the resource policy, read per `RestApiConfig.jwtResourcePolicy`.
 *
 * @example
 * ```ts
 * declare const partnerVerifier: JwtVerifierLike;
 * declare const poolVerifier: JwtVerifierLike;
 * const authorizer: RestJwtAuthorizerConfig = {
 *   type: "JWT",
 *   defaultAlgorithms: ["RS256", "ES256"],
 *   issuers: [
 *     { issuer: "https://idp.example.com/", audiences: ["orders-api"], verifier: partnerVerifier },
 *     {
 *       issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI",
 *       audiences: ["7gatehousetestclient000000"],
 *       additionalClaims: [{ claimName: "token_use", format: "SINGLE_STRING", expectedValues: ["id"], required: true }],
 *       verifier: poolVerifier,
 *     },
 *   ],
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_JwtConfigurationInput.html
 */
export interface RestJwtAuthorizerConfig {
  type: "JWT";
  /** The algorithms accepted from every issuer (at least one). */
  defaultAlgorithms: readonly RestJwtAlgorithm[];
  /** The trusted issuers (at least one; issuer URLs unique). */
  issuers: readonly RestJwtIssuerConfig[];
  /**
   * Where the token is.
   * @default "method.request.header.Authorization"
   */
  identitySource?: string;
}
