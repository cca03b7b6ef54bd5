import {
  type CryptoKey,
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  type FlattenedJWSInput,
  type JWSHeaderParameters,
  type JWTPayload,
  jwtVerify,
} from "jose";
import type { IdentityPoolConfig, IdentityPoolProviderConfig } from "../identity-pool-config.js";
import type { OpenIdSigner } from "./open-id-signer.js";
import { notAuthorized, ServiceError } from "./service-error.js";

/** The `Logins` key of the server's own OpenID tokens (developer-authenticated identities). */
export const COGNITO_IDENTITY_LOGIN = "cognito-identity.amazonaws.com";

const ASYMMETRIC_ALGS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519",
];
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

type KeySet = (header: JWSHeaderParameters, input: FlattenedJWSInput) => Promise<CryptoKey>;

/** A login that passed validation: provider key and the user's `sub`. @internal */
export interface ValidLogin {
  key: string;
  subject: string;
  /** A server-issued OpenID token: `subject` is an identity id of this pool. */
  ownToken: boolean;
  /** The verified token's claims (role mappings and principal tags read them). */
  claims: Readonly<JWTPayload>;
}

/** @internal */
export interface LoginValidator {
  validate(pool: IdentityPoolConfig, key: string, token: string): Promise<ValidLogin>;
}

function invalidLogin(reason: string): ServiceError {
  return notAuthorized(`Invalid login token. ${reason}`);
}

function keySetFor(caller: string, key: string, provider: IdentityPoolProviderConfig): KeySet {
  if (provider.jwks !== undefined) {
    return createLocalJWKSet(provider.jwks as Parameters<typeof createLocalJWKSet>[0]) as KeySet;
  }
  if (provider.jwksUri === undefined) {
    throw new TypeError(`${caller}: provider ${key} needs jwks or jwksUri`);
  }
  let url: URL;
  try {
    url = new URL(provider.jwksUri);
  } catch {
    throw new TypeError(`${caller}: provider ${key} has an invalid jwksUri`);
  }
  if (!LOOPBACK_HOSTS.has(url.hostname) || !/^https?:$/.test(url.protocol)) {
    throw new TypeError(`${caller}: provider ${key} jwksUri must be on loopback`);
  }
  return createRemoteJWKSet(url) as KeySet;
}

function issuerMatches(iss: unknown, key: string, provider: IdentityPoolProviderConfig): boolean {
  if (typeof iss !== "string") return false;
  if (provider.issuer !== undefined) return iss === provider.issuer;
  if (iss === `https://${key}`) return true;
  // An OIDC provider is registered under its issuer's host(+path); a loopback test issuer is http.
  const bare = iss.replace(/^https?:\/\//, "").replace(/\/$/, "");
  return iss.startsWith("http://")
    ? LOOPBACK_HOSTS.has(new URL(iss).hostname) && bare === key
    : false;
}

/**
 * Checks `Logins` entries as Cognito does, with Cognito's messages: a configured provider, a JWT,
 * `iss` matching the login key, `aud` present (an access token has none), the signature against
 * the provider's keys, `exp`, and `aud` equal to the configured audience.
 * @internal
 */
export function createLoginValidator(
  caller: string,
  pools: ReadonlyArray<IdentityPoolConfig>,
  signer: OpenIdSigner,
  now: () => number,
): LoginValidator {
  const keySets = new Map<string, Map<string, KeySet>>();
  for (const pool of pools) {
    const perPool = new Map<string, KeySet>();
    for (const [key, provider] of Object.entries(pool.providers ?? {})) {
      perPool.set(key, keySetFor(caller, key, provider));
    }
    keySets.set(pool.identityPoolId, perPool);
  }

  async function validateOwn(pool: IdentityPoolConfig, token: string): Promise<ValidLogin> {
    let payload: JWTPayload;
    try {
      payload = await signer.verify(token);
    } catch (error) {
      throw joseFailure(error, token);
    }
    const aud = payload.aud;
    if (aud !== pool.identityPoolId && !(Array.isArray(aud) && aud.includes(pool.identityPoolId))) {
      throw invalidLogin("Incorrect token audience.");
    }
    if (typeof payload.sub !== "string") throw invalidLogin("Missing a required claim: sub");
    return { key: COGNITO_IDENTITY_LOGIN, subject: payload.sub, ownToken: true, claims: payload };
  }

  function joseFailure(error: unknown, token: string): ServiceError {
    if (error instanceof errors.JWTExpired) {
      const exp = decodeJwt(token).exp;
      return invalidLogin(`Token expired: ${Math.floor(now() / 1000)} >= ${exp}`);
    }
    if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
      return new ServiceError(
        "ExternalServiceException",
        "Error retrieving the keys of the identity provider.",
      );
    }
    if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) {
      return invalidLogin("Not a valid OpenId Connect identity token.");
    }
    return invalidLogin("Couldn't verify signed token.");
  }

  return {
    async validate(pool, key, token) {
      if (key === COGNITO_IDENTITY_LOGIN) return validateOwn(pool, token);
      const provider = pool.providers?.[key];
      const keySet = keySets.get(pool.identityPoolId)?.get(key);
      if (provider === undefined || keySet === undefined) {
        throw notAuthorized("Token is not from a supported provider of this identity pool.");
      }
      let claims: JWTPayload;
      try {
        claims = decodeJwt(token);
      } catch {
        throw invalidLogin("Not a valid OpenId Connect identity token.");
      }
      if (!issuerMatches(claims.iss, key, provider)) {
        throw invalidLogin("Issuer doesn't match providerName");
      }
      if (claims.aud === undefined) throw invalidLogin("Missing a required claim: aud");
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keySet, {
          algorithms: ASYMMETRIC_ALGS,
          currentDate: new Date(now()),
        }));
      } catch (error) {
        throw joseFailure(error, token);
      }
      const { aud, sub } = payload;
      if (
        provider.audience !== undefined &&
        aud !== provider.audience &&
        !(Array.isArray(aud) && aud.includes(provider.audience))
      ) {
        throw invalidLogin("Incorrect token audience.");
      }
      if (typeof sub !== "string" || sub === "") {
        throw invalidLogin("Missing a required claim: sub");
      }
      return { key, subject: sub, ownToken: false, claims: payload };
    },
  };
}
