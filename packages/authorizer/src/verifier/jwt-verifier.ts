import { validateJwtFields } from "aws-jwt-verify/jwt";
import { authorizerError } from "../errors.js";
import { assertJwksUrl } from "../jwks/assert-jwks-url.js";
import type { JwksWaitOptions } from "../jwks/jwks-cache.js";
import { type JwksInput, loadJwks } from "../jwks/load-jwks.js";
import type { CommonVerifierOptions } from "./common-verifier-options.js";
import { AWS_JWT_VERIFY_ALGORITHMS, parseAlgorithms } from "./internal/algorithms.js";
import { type AwsIssuerChecks, awsVerifyDecoded } from "./internal/aws-verify-decoded.js";
import { checkClaims } from "./internal/check-claims.js";
import { checkHeader } from "./internal/check-header.js";
import { checkedJwksCache } from "./internal/checked-jwks-cache.js";
import { decodeJwt } from "./internal/decode-jwt.js";
import type { JoseSignatureCheck } from "./internal/jose-signature-check.js";
import { mapVerifyError } from "./internal/map-verify-error.js";
import { resolveCommonOptions } from "./internal/resolve-common-options.js";
import { toVerifiedToken } from "./internal/to-verified-token.js";
import type { JwtAlgorithm } from "./jwt-algorithm.js";
import type { JwtClaims, TokenVerifier, VerifiedToken } from "./token-verifier.js";

/** Options of {@link jwtVerifier}. */
export interface JwtVerifierOptions extends CommonVerifierOptions {
  /** The exact `iss` to accept, e.g. `https://example.eu.auth0.com/` (trailing slash included). */
  issuer: string;
  /**
   * The `aud` to accept (one of them, for an array). Required: opting out needs an explicit
   * `null`.
   */
  audience: string | string[] | null;
  /**
   * The algorithm allowlist, e.g. `["RS256"]`. Required: the token header alone is never trusted,
   * and a key without `alg` (Entra ID) is used with the header's algorithm only when it is listed
   * here and suits the key type. HS* only together with `sharedSecret`, and then only HS*.
   * PS* and HS* need `joseJwtVerifier` of `@gatehouse/authorizer/jose`.
   */
  algorithms: readonly JwtAlgorithm[];
  /** Where the issuer publishes its JWKS (https; plain http for loopback only). */
  jwksUri?: string;
  /**
   * Keys to start with (inline or a file), so a cold start needs no network. Without `jwksUri`
   * these are the only keys (never refetched, never expire).
   */
  jwks?: JwksInput;
  /**
   * The HMAC secret for HS256/384/512 (at least as long as the hash: 32/48/64 bytes). Excludes
   * `jwksUri` and `jwks`, and restricts `algorithms` to HS*.
   */
  sharedSecret?: string | Uint8Array;
}

const MIN_SECRET_BYTES: Record<string, number> = { HS256: 32, HS384: 48, HS512: 64 };
let inlineKeySets = 0;

/**
 * A verifier for one OIDC issuer (Auth0, Okta, Entra ID, Keycloak...) with the checks of
 * aws-jwt-verify's `JwtVerifier` (its public JWK and claim checks; the signature on
 * `node:crypto`): RS256/384/512, ES256/384/512 and EdDSA. Checks, in order: size, structure,
 * forbidden headers (`jku`, `x5u`, `jwk`, `x5c`, `crit`), the algorithm allowlist, `typ`, the
 * unverified `iss` (an unknown issuer causes no fetch), the signature, `aud`, then `exp`
 * (required), `nbf`, `iat`, `maxTokenAgeSeconds` and `requiredClaims` against `now`.
 *
 * PS256/384/512 and HS256/384/512 (`sharedSecret`) are verified with jose, which this entry
 * leaves out so that a bundle for RS*, ES* or EdDSA never carries it: use `joseJwtVerifier` from
 * `@gatehouse/authorizer/jose` instead (same options). Listing them here throws a `TypeError`.
 *
 * @param options See {@link JwtVerifierOptions}; misuse throws `TypeError` here, at cold start.
 * @returns A {@link TokenVerifier} whose `verify` throws only `AuthorizerError`.
 * @example
 * ```ts
 * const verifier = jwtVerifier({
 *   issuer: "https://example.eu.auth0.com/",
 *   audience: "https://api.example.com",
 *   jwksUri: "https://example.eu.auth0.com/.well-known/jwks.json",
 *   algorithms: ["RS256"],
 * });
 * const { claims, scopes } = await verifier.verify(token);
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html
 */
export function jwtVerifier<C extends JwtClaims = JwtClaims>(
  options: JwtVerifierOptions,
): TokenVerifier<C> {
  return createJwtVerifier<C>(options, undefined);
}

/**
 * The verifier behind `jwtVerifier` and `joseJwtVerifier`; `jose` is the PS* and HS* signature check, given only by
 * the `@gatehouse/authorizer/jose` entry.
 * @internal
 */
export function createJwtVerifier<C extends JwtClaims = JwtClaims>(
  options: JwtVerifierOptions,
  jose: JoseSignatureCheck | undefined,
): TokenVerifier<C> {
  if (options === null || typeof options !== "object") {
    throw new TypeError("jwtVerifier needs an options object");
  }
  const { issuer, audience, sharedSecret } = options;
  if (typeof issuer !== "string" || issuer === "") {
    throw new TypeError("issuer must be a non-empty string");
  }
  assertAudienceOption(audience);
  const common = resolveCommonOptions(options);
  const { cache } = common;

  let secret: Uint8Array | undefined;
  let algorithms: ReadonlySet<JwtAlgorithm>;
  let jwksKey = "";
  let aws: AwsIssuerChecks | undefined;
  if (sharedSecret !== undefined) {
    if (options.jwksUri !== undefined || options.jwks !== undefined) {
      throw new TypeError("sharedSecret excludes jwksUri and jwks");
    }
    algorithms = parseAlgorithms(options.algorithms, "algorithms", "only");
    secret =
      typeof sharedSecret === "string" ? new TextEncoder().encode(sharedSecret) : sharedSecret;
    if (!(secret instanceof Uint8Array)) {
      throw new TypeError("sharedSecret must be a string or a Uint8Array");
    }
    for (const alg of algorithms) {
      if (secret.byteLength < (MIN_SECRET_BYTES[alg] ?? 0)) {
        throw new TypeError(`sharedSecret is too short for ${alg} (RFC 7518 section 3.2)`);
      }
    }
    secret = Uint8Array.from(secret);
    needsJose(algorithms, jose);
  } else {
    algorithms = parseAlgorithms(options.algorithms, "algorithms", "never");
    if (options.jwksUri === undefined && options.jwks === undefined) {
      throw new TypeError("jwtVerifier needs jwksUri, jwks (or sharedSecret for HS*)");
    }
    needsJose(algorithms, jose);
    if (options.jwksUri !== undefined) {
      jwksKey = assertJwksUrl(options.jwksUri, "jwksUri").href;
      cache.setSource(jwksKey, jwksKey);
    } else {
      inlineKeySets += 1;
      jwksKey = `urn:gatehouse:inline-jwks:${inlineKeySets}`;
      cache.setSource(jwksKey, null);
    }
    if (options.jwks !== undefined) cache.addJwks(jwksKey, loadJwks(options.jwks, "jwks"));
    if ([...algorithms].some((alg) => AWS_JWT_VERIFY_ALGORITHMS.has(alg))) {
      aws = {
        jwksCache: checkedJwksCache(cache),
        jwksUri: jwksKey,
        // What aws-jwt-verify's JwtVerifier checks for these options. Time checks are ours,
        // against the injected clock: aws-jwt-verify's are switched off.
        claims: (payload) =>
          validateJwtFields(payload, { issuer, audience, graceSeconds: Number.POSITIVE_INFINITY }),
      };
    }
  }
  const verifyWithJose =
    jose === undefined || !needsJose(algorithms, jose)
      ? undefined
      : jose({ cache, jwksKey, secret, audience });

  return {
    issuers: [issuer],
    async verify(token: string): Promise<VerifiedToken<C>> {
      try {
        const decoded = decodeJwt(token, common.maxTokenBytes);
        checkHeader(decoded.header, algorithms, common.typ);
        if (decoded.claims.iss !== issuer) {
          throw authorizerError("invalid_issuer", "JWT iss is not the configured issuer", {
            claim: "iss",
            expected: issuer,
          });
        }
        if (aws !== undefined && AWS_JWT_VERIFY_ALGORITHMS.has(decoded.header.alg)) {
          // Synchronous (no promise) when the key is cached: see awsVerifyDecoded.
          const pending = awsVerifyDecoded(decoded, aws);
          if (pending !== undefined) await pending;
        } else if (verifyWithJose !== undefined) {
          await verifyWithJose(token, decoded);
        } else {
          // Unreachable: every allowlisted algorithm has a path (checked at construction).
          throw authorizerError("unsupported_algorithm", "JWT alg has no verification path", {
            claim: "alg",
          });
        }
        checkClaims(decoded.claims, common.claimChecks);
        const keysUntil =
          secret !== undefined ? Number.POSITIVE_INFINITY : cache.keySetExpiresAt(jwksKey);
        return toVerifiedToken<C>(decoded, keysUntil, common.claimChecks);
      } catch (error) {
        throw mapVerifyError(error);
      }
    },
    async hydrate(options?: JwksWaitOptions): Promise<void> {
      if (secret !== undefined) return;
      try {
        await cache.getJwks(jwksKey, options);
      } catch (error) {
        throw mapVerifyError(error);
      }
    },
  };
}

/**
 * Whether an allowlisted algorithm is verified with jose (PS*, HS*); without the jose entry's
 * check that is a `TypeError` naming the entry to import instead.
 */
function needsJose(
  algorithms: ReadonlySet<JwtAlgorithm>,
  jose: JoseSignatureCheck | undefined,
): boolean {
  const joseAlgorithms = [...algorithms].filter((alg) => !AWS_JWT_VERIFY_ALGORITHMS.has(alg));
  if (joseAlgorithms.length === 0) return false;
  if (jose === undefined) {
    throw new TypeError(
      `jwtVerifier: ${joseAlgorithms.join(", ")} ${joseAlgorithms.length === 1 ? "is" : "are"} verified with jose, which "@gatehouse/authorizer" leaves out: import { joseJwtVerifier } from "@gatehouse/authorizer/jose" (same options)`,
    );
  }
  return true;
}

function assertAudienceOption(audience: unknown): void {
  if (audience === null) return;
  if (typeof audience === "string" && audience !== "") return;
  if (
    Array.isArray(audience) &&
    audience.length > 0 &&
    audience.every((a) => typeof a === "string" && a !== "")
  ) {
    return;
  }
  throw new TypeError(
    "audience is required: a string, a non-empty array of strings, or null to skip the check",
  );
}
