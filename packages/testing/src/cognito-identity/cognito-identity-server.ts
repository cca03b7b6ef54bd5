import type { SigV4VerifierCredentials } from "@gatehouse/sigv4";
import type { LoopbackServerOptions } from "../loopback-server/loopback-server-options.js";

/** The operations a {@link CognitoIdentityServer} answers, as named in `X-Amz-Target` / `Action`. */
export type CognitoIdentityOperation =
  | "GetId"
  | "GetCredentialsForIdentity"
  | "GetOpenIdToken"
  | "GetOpenIdTokenForDeveloperIdentity"
  | "AssumeRoleWithWebIdentity";

/** How a login provider's tokens are checked (keyed by the `Logins` key in {@link IdentityPoolConfig.providers}). */
export interface IdentityPoolProviderConfig {
  /** JWKS URL of the provider; loopback only (`127.0.0.1`, `localhost`, `[::1]`). */
  jwksUri?: string | undefined;
  /** The provider's key set inline (e.g. `issuer.jwks()`); used instead of `jwksUri` when both are set. */
  jwks?: { keys: JsonWebKey[] } | undefined;
  /** The `aud` the login token must carry (a user-pool app client id, an OIDC client id). `undefined`: any `aud`, which must still be present. */
  audience?: string | undefined;
  /**
   * The `iss` the token must carry. @default `https://{login key}` (so the user-pool key
   * `cognito-idp.{region}.amazonaws.com/{poolId}` expects `https://cognito-idp.{region}.amazonaws.com/{poolId}`);
   * an `http://` issuer on loopback also matches its host key, e.g. `127.0.0.1:4567`.
   */
  issuer?: string | undefined;
}

/** One identity pool the server knows. */
export interface IdentityPoolConfig {
  /** `{region}:{uuid}`, e.g. `us-east-1:1a2b3c4d-...`; identity ids are `{region}:{uuid}` with the same region. */
  identityPoolId: string;
  /** Whether guest (no `Logins`) identities and credentials are allowed. @default false */
  allowUnauthenticated?: boolean | undefined;
  /** Login providers, keyed by the `Logins` key: `cognito-idp.{region}.amazonaws.com/{userPoolId}` or an OIDC provider host. */
  providers?: Record<string, IdentityPoolProviderConfig> | undefined;
  /** Developer provider name accepted by `GetOpenIdTokenForDeveloperIdentity`, e.g. `login.example.app`. */
  developerProviderName?: string | undefined;
  /** Role of authenticated identities (and for STS with an authenticated OpenID token). */
  authenticatedRoleArn: string;
  /** Role of guest identities; required for guest credentials. */
  unauthenticatedRoleArn?: string | undefined;
  /** Further roles a `CustomRoleArn` may name for authenticated identities. @default [] */
  customRoleArns?: ReadonlyArray<string> | undefined;
  /** The pool's AWS account id; a `GetId` naming another `AccountId` is refused (`NotAuthorizedException`). */
  accountId?: string | undefined;
}

/**
 * Options of {@link startCognitoIdentityServer}; `port`, `maxBodyBytes` (default 1 MiB, larger:
 * 413 `SerializationException`) and `allowedOrigins` (CORS, default loopback pages only) come from
 * {@link LoopbackServerOptions}.
 */
export interface CognitoIdentityServerOptions extends LoopbackServerOptions {
  /** The identity pools the server knows; any other pool id answers `ResourceNotFoundException`. */
  pools: ReadonlyArray<IdentityPoolConfig>;
  /**
   * Developer credentials that sign `GetOpenIdTokenForDeveloperIdentity` (service `cognito-identity`),
   * checked with {@link verifySigV4}. Without them every signed call is refused.
   */
  credentials?: SigV4VerifierCredentials | undefined;
  /** Region of the endpoint, the SigV4 scope must name it. @default the region of the first pool */
  region?: string | undefined;
  /** Clock, in epoch milliseconds: token checks, token `iat`/`exp`, credential expirations. @default Date.now */
  now?: (() => number) | undefined;
  /** Lifetime of `GetCredentialsForIdentity` credentials, in seconds. @default 3600 */
  credentialsLifetimeSeconds?: number | undefined;
  /**
   * How `Credentials.Expiration` (epoch seconds) is written in JSON: `"seconds"` as `1700003600`,
   * `"exponent"` as AWS often does, `1.7000036E9`. Both parse to the same number.
   * @default "seconds"
   */
  expirationFormat?: "seconds" | "exponent" | undefined;
  /** `iss` of the server's OpenID tokens. @default "https://cognito-identity.amazonaws.com" */
  openIdIssuer?: string | undefined;
}

/** Credentials the server handed out, in the shape {@link SigV4VerifierCredentials} accepts. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** The identity the credentials belong to (the OpenID token's `sub` for STS). */
  identityId: string;
  /** The role the credentials stand for. */
  roleArn: string;
  expiration: Date;
  /** The call that issued them. */
  operation: "GetCredentialsForIdentity" | "AssumeRoleWithWebIdentity";
}

/** Calls received per operation, throttled and failed calls included. */
export interface CognitoIdentityCalls {
  GetId: number;
  GetCredentialsForIdentity: number;
  GetOpenIdToken: number;
  GetOpenIdTokenForDeveloperIdentity: number;
  AssumeRoleWithWebIdentity: number;
  [operation: string]: number;
}

/** A running Cognito-identity and STS server; see {@link startCognitoIdentityServer}. */
export interface CognitoIdentityServer {
  /** `http://127.0.0.1:{port}/`: the Cognito-identity endpoint (JSON 1.1 with `X-Amz-Target`). */
  readonly url: string;
  /** `http://127.0.0.1:{port}/`: the STS endpoint (query protocol); the same server as `url`. */
  readonly stsUrl: string;
  /** Stops the server and destroys open sockets. */
  close(): Promise<void>;
  /** Calls per operation so far. */
  readonly calls: Readonly<CognitoIdentityCalls>;
  /** The next `times` calls of `operation` answer `400 TooManyRequestsException` (STS: `Throttling`). */
  throttle(operation: CognitoIdentityOperation | string, times: number): void;
  /**
   * The next `times` calls of `operation` answer `status` with error `type`.
   * @param status - HTTP status. @default 500
   * @param type - error type. @default "InternalErrorException" (STS: "InternalFailure")
   */
  fail(
    operation: CognitoIdentityOperation | string,
    times: number,
    status?: number,
    type?: string,
  ): void;
  /** Every credential set handed out, oldest first; pass them to a SigV4 verifier to accept them. */
  readonly issuedCredentials: ReadonlyArray<IssuedCredentials>;
  /** `iss` of the server's OpenID tokens. */
  readonly openIdIssuer: string;
  /** `http://127.0.0.1:{port}/.well-known/jwks.json`: the key set of the server's OpenID tokens. */
  readonly openIdJwksUri: string;
  /** Identities created so far per pool id (merged guests removed). */
  identities(identityPoolId: string): string[];
}
