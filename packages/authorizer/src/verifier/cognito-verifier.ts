import { validateCognitoJwtFields } from "aws-jwt-verify/cognito-verifier";
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
import { mapVerifyError } from "./internal/map-verify-error.js";
import { resolveCommonOptions } from "./internal/resolve-common-options.js";
import { toVerifiedToken } from "./internal/to-verified-token.js";
import type { JwtAlgorithm } from "./jwt-algorithm.js";
import type { JwtClaims, TokenVerifier, VerifiedToken } from "./token-verifier.js";

/** One Cognito user pool a {@link cognitoVerifier} accepts tokens from. */
export interface CognitoPoolOptions {
  /** The user pool id, e.g. `eu-west-1_AbCdEf123` (its Region prefix names the issuer host). */
  userPoolId: string;
  /**
   * The app client id(s) to accept: the ID token's `aud`, the access token's `client_id`.
   * Required: opting out needs an explicit `null`.
   */
  clientId: string | string[] | null;
  /**
   * `"access"` (an API usually wants access tokens; client-credentials tokens are access tokens)
   * or `"id"`. Required: accepting both needs an explicit `null`.
   */
  tokenUse: "id" | "access" | null;
  /** Require membership in at least one of these `cognito:groups` (else `access_denied`). */
  groups?: string | string[];
  /** Require at least one of these OAuth scopes (else `insufficient_scope`). */
  scope?: string | string[];
  /**
   * Fetch this pool's keys from here instead of
   * `https://cognito-idp.{region}.amazonaws.com/{userPoolId}/.well-known/jwks.json` (a proxy, a
   * loopback test issuer). The accepted issuers do not change.
   */
  jwksUri?: string;
  /** Keys to start with (inline or a file), so a cold start needs no network. */
  jwks?: JwksInput;
}

/**
 * Options of {@link cognitoVerifier}: one pool's options at top level, or `pools` for several,
 * plus the options shared by every verifier.
 */
export type CognitoVerifierOptions = CommonVerifierOptions & {
  /**
   * Allowed algorithms. Cognito signs with RS256; only RS*, ES* and EdDSA may be listed.
   * @default ["RS256"]
   */
  algorithms?: readonly JwtAlgorithm[];
} & (CognitoPoolOptions | { pools: readonly CognitoPoolOptions[] });

// Exactly aws-jwt-verify's CognitoJwtVerifier.USER_POOL_ID_REGEX: the pools it can verify (its
// issuer URLs are built on amazonaws.com), checked here so a misuse is a TypeError at cold start.
// Narrower than @gatehouse/policy's isRegion on purpose: no ISO or China pools.
const USER_POOL_ID = /^((?:eusc-[a-z]{2}|[a-z]{2})-(?:gov-)?[a-z]+-\d)_[a-zA-Z0-9]+$/;

/**
 * A verifier for Amazon Cognito user pool tokens (ID, access, client-credentials) with the
 * checks of aws-jwt-verify's `CognitoJwtVerifier` (its public JWK and claim checks, Cognito's
 * included; the signature on `node:crypto`). Accepts each pool's regional issuer
 * `https://cognito-idp.{region}.amazonaws.com/{userPoolId}` and its multi-Region replication
 * issuer `https://issuer-cognito-idp.{region}.amazonaws.com/{userPoolId}`; checks `token_use`,
 * `client_id`/`aud`, optional groups and scopes, and the same header and time rules as
 * `jwtVerifier`. `VerifiedToken.groups` is `cognito:groups`, `scopes` the split `scope`.
 * Revoked tokens still verify (signature and `exp` are local checks).
 *
 * @param options See {@link CognitoVerifierOptions}; misuse throws `TypeError` here.
 * @returns A {@link TokenVerifier} whose `verify` throws only `AuthorizerError`.
 * @example
 * ```ts
 * const verifier = cognitoVerifier({
 *   userPoolId: "eu-west-1_AbCdEf123",
 *   clientId: "1example23456789",
 *   tokenUse: "access",
 * });
 * const { claims, groups, scopes } = await verifier.verify(token);
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export function cognitoVerifier<C extends JwtClaims = JwtClaims>(
  options: CognitoVerifierOptions,
): TokenVerifier<C> {
  if (options === null || typeof options !== "object") {
    throw new TypeError("cognitoVerifier needs an options object");
  }
  const pools: readonly CognitoPoolOptions[] =
    "pools" in options ? options.pools : [options as CognitoPoolOptions];
  if (!Array.isArray(pools) || pools.length === 0) {
    throw new TypeError("pools must be a non-empty array");
  }
  const algorithms = parseAlgorithms(options.algorithms ?? ["RS256"], "algorithms", "never");
  for (const alg of algorithms) {
    if (!AWS_JWT_VERIFY_ALGORITHMS.has(alg)) {
      throw new TypeError(`algorithms: ${alg} is not used by Cognito (RS*, ES*, EdDSA only)`);
    }
  }
  const common = resolveCommonOptions(options);
  const { cache } = common;

  const issuers: string[] = [];
  const jwksCache = checkedJwksCache(cache);
  // Time checks are ours, against the injected clock: switch aws-jwt-verify's off.
  const graceSeconds = Number.POSITIVE_INFINITY;
  /** Each accepted issuer's JWKS URI and the claim checks `CognitoJwtVerifier` would run. */
  const checksOf = new Map<string, AwsIssuerChecks>();
  const hydrateUris: string[] = [];
  const seen = new Set<string>();
  for (const [index, pool] of pools.entries()) {
    const where = pools.length === 1 ? "" : `pools[${index}].`;
    const region = validatePool(pool, where);
    if (seen.has(pool.userPoolId)) throw new TypeError(`${where}userPoolId is listed twice`);
    seen.add(pool.userPoolId);
    const source =
      pool.jwksUri === undefined ? undefined : assertJwksUrl(pool.jwksUri, `${where}jwksUri`).href;
    const forms = [
      `https://cognito-idp.${region}.amazonaws.com/${pool.userPoolId}`,
      `https://issuer-cognito-idp.${region}.amazonaws.com/${pool.userPoolId}`,
    ];
    for (const issuer of forms) {
      const uri = `${issuer}/.well-known/jwks.json`;
      issuers.push(issuer);
      const { scope, groups, tokenUse, clientId } = pool;
      checksOf.set(issuer, {
        jwksCache,
        jwksUri: uri,
        claims: (payload) => {
          validateJwtFields(payload, { issuer, audience: null, scope, graceSeconds });
          validateCognitoJwtFields(payload, { groups, tokenUse, clientId });
        },
      });
      cache.setSource(uri, source ?? uri);
    }
    hydrateUris.push(`${forms[0]}/.well-known/jwks.json`);
    if (pool.jwks !== undefined) {
      const jwks = loadJwks(pool.jwks, `${where}jwks`);
      for (const issuer of forms) cache.addJwks(`${issuer}/.well-known/jwks.json`, jwks);
    }
  }

  return {
    issuers,
    async verify(token: string): Promise<VerifiedToken<C>> {
      try {
        const decoded = decodeJwt(token, common.maxTokenBytes);
        checkHeader(decoded.header, algorithms, common.typ);
        const iss = decoded.claims.iss;
        const checks = iss === undefined ? undefined : checksOf.get(iss);
        if (checks === undefined) {
          throw authorizerError("invalid_issuer", "JWT iss is not a configured user pool", {
            claim: "iss",
            expected: issuers,
          });
        }
        const { jwksUri } = checks;
        // Synchronous (no promise) when the key is cached: see awsVerifyDecoded.
        const pending = awsVerifyDecoded(decoded, checks);
        if (pending !== undefined) await pending;
        checkClaims(decoded.claims, common.claimChecks);
        return toVerifiedToken<C>(decoded, cache.keySetExpiresAt(jwksUri), common.claimChecks);
      } catch (error) {
        throw mapVerifyError(error);
      }
    },
    async hydrate(options?: JwksWaitOptions): Promise<void> {
      const results = await Promise.allSettled(
        hydrateUris.map((uri) => cache.getJwks(uri, options)),
      );
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed !== undefined && results.every((r) => r.status === "rejected")) {
        throw mapVerifyError(failed.reason);
      }
    },
  };
}

function validatePool(pool: CognitoPoolOptions, where: string): string {
  if (pool === null || typeof pool !== "object") throw new TypeError(`${where} must be an object`);
  const match = typeof pool.userPoolId === "string" ? USER_POOL_ID.exec(pool.userPoolId) : null;
  const region = match?.[1];
  if (region === undefined) {
    throw new TypeError(`${where}userPoolId must look like "eu-west-1_AbCdEf123"`);
  }
  const { clientId, tokenUse } = pool;
  if (clientId === undefined) {
    throw new TypeError(`${where}clientId is required (null to accept any app client)`);
  }
  if (
    clientId !== null &&
    !(typeof clientId === "string" && clientId !== "") &&
    !(
      Array.isArray(clientId) &&
      clientId.length > 0 &&
      clientId.every((id) => typeof id === "string" && id !== "")
    )
  ) {
    throw new TypeError(`${where}clientId must be a string, a non-empty string array or null`);
  }
  if (tokenUse !== "id" && tokenUse !== "access" && tokenUse !== null) {
    throw new TypeError(`${where}tokenUse is required: "id", "access" or null (both)`);
  }
  return region;
}
