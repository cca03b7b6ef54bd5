import type { PolicyDocument } from "@gatehouse/policy";
import type { SigV4VerifierCredentials } from "@gatehouse/sigv4";
import type { LoopbackServerOptions } from "../loopback-server/loopback-server-options.js";
import type { IamRoleConfig } from "./iam-role-config.js";
import type { IdentityPoolConfig } from "./identity-pool-config.js";
import type { IssuedCredentials } from "./issued-credentials.js";

/** The operations a {@link CognitoIdentityServer} answers, as named in `X-Amz-Target` / `Action`. */
export type CognitoIdentityOperation =
  | "GetId"
  | "GetCredentialsForIdentity"
  | "GetOpenIdToken"
  | "GetOpenIdTokenForDeveloperIdentity"
  | "AssumeRoleWithWebIdentity";

/**
 * Options of {@link startCognitoIdentityServer}; `port`, `maxBodyBytes` (default 1 MiB, larger:
 * 413 `SerializationException`) and `allowedOrigins` (CORS, default loopback pages only) come from
 * {@link LoopbackServerOptions}.
 */
export interface CognitoIdentityServerOptions extends LoopbackServerOptions {
  /** The identity pools the server knows; any other pool id answers `ResourceNotFoundException`. */
  pools: ReadonlyArray<IdentityPoolConfig>;
  /**
   * The IAM roles the server's STS knows, with their trust and permission policies. A role a pool
   * names but this list does not gets the trust policy AWS recommends (Cognito's console writes
   * it): `Federated: cognito-identity.amazonaws.com`, `aud` = every pool naming it, `amr` =
   * `authenticated` or `unauthenticated` as the pool uses it. Any other role ARN is unknown: STS
   * answers `AccessDenied`, `GetCredentialsForIdentity` `InvalidIdentityPoolConfigurationException`.
   * @default []
   */
  roles?: ReadonlyArray<IamRoleConfig> | undefined;
  /**
   * The session policy Cognito adds to guests' enhanced-flow credentials (their effective
   * permissions are the role's **and** this policy's); `null` for none. Handed back as
   * `IssuedCredentials.sessionPolicy`.
   * @default COGNITO_UNAUTHENTICATED_SESSION_POLICY of `@gatehouse/policy` (AWS's `AmazonCognitoUnAuthedIdentitiesSessionPolicy`)
   */
  guestSessionPolicy?: PolicyDocument | null | undefined;
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
  /**
   * Who holds an access key id: the credentials the server issued under that id, with their role,
   * session, identity and principal tags, or `undefined` for a key it never issued. Expired
   * credentials are still returned (check `expiration`), so a verifier can answer
   * `ExpiredTokenException` rather than an unknown key.
   * @param accessKeyId - the access key id of a request's credential scope.
   */
  credentialsFor(accessKeyId: string): IssuedCredentials | undefined;
  /** `iss` of the server's OpenID tokens. */
  readonly openIdIssuer: string;
  /** `http://127.0.0.1:{port}/.well-known/jwks.json`: the key set of the server's OpenID tokens. */
  readonly openIdJwksUri: string;
  /** Identities created so far per pool id (merged guests removed). */
  identities(identityPoolId: string): string[];
}
