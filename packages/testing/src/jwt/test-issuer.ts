/** Signing algorithms a {@link TestIssuer} can use. */
export type TestAlg =
  | "RS256"
  | "RS384"
  | "RS512"
  | "PS256"
  | "PS384"
  | "PS512"
  | "ES256"
  | "ES384"
  | "ES512"
  | "EdDSA";

/**
 * How the JWKS endpoint of a {@link TestIssuer} misbehaves:
 * - `"none"`: serves the key set.
 * - `"slow"`: answers after `delayMs` (default 2000 ms); pending answers end on `close()`.
 * - `"status-500"`: `500` with a JSON error body.
 * - `"malformed"`: `200` with truncated, invalid JSON.
 * - `"oversized"`: `200` with valid-looking JSON of `sizeBytes` (default 2 MiB).
 * - `"empty"`: `{"keys":[]}`.
 */
export type JwksFault = "none" | "slow" | "status-500" | "malformed" | "oversized" | "empty";

/** Options of {@link TestIssuer.setFault}. */
export interface JwksFaultOptions {
  /** Delay of the `"slow"` fault, in milliseconds. @default 2000 */
  delayMs?: number;
  /** Body size of the `"oversized"` fault, in bytes. @default 2097152 */
  sizeBytes?: number;
  /** Stream the `"oversized"` body without a `Content-Length` header. @default false */
  chunked?: boolean;
}

/** Options of {@link TestIssuer.rotateKeys}. */
export interface RotateKeysOptions {
  /** Keep the pre-rotation key in the JWKS as the second key. @default the issuer's `keepPreviousKey` */
  keepPrevious?: boolean;
}

/** Options of {@link createTestIssuer}. */
export interface TestIssuerOptions {
  /** Signing algorithm of the issuer's keys. @default "RS256" */
  alg?: TestAlg;
  /** `"cognito"` issues under a Cognito user-pool issuer URL; `"oidc"` under the server's own URL. @default "oidc" */
  kind?: "cognito" | "oidc";
  /** AWS Region of the Cognito user pool. @default "eu-west-1" */
  region?: string;
  /** Cognito user-pool id. @default `${region}_Gatehouse` */
  userPoolId?: string;
  /** App client id: `aud` of ID tokens, `client_id` of access tokens. @default "7gatehousetestclient000000" */
  clientId?: string;
  /**
   * `iss` of the tokens. @default the server's `http://127.0.0.1:{port}` (oidc) or
   * `https://cognito-idp.{region}.amazonaws.com/{userPoolId}` (cognito)
   */
  issuer?: string;
  /** Clock for `iat`, `exp` and `auth_time`, in epoch milliseconds. @default Date.now */
  now?: () => number;
  /** Publish `alg` in each JWK (Entra ID leaves it out). @default true */
  jwksIncludesAlg?: boolean;
  /** Whether `rotateKeys()` keeps the previous key in the JWKS. @default true */
  keepPreviousKey?: boolean;
  /** Defaults for the user the Cognito-shaped tokens describe. */
  user?: { sub?: string; username?: string; email?: string };
}

/** Options of the `mint*` methods of a {@link TestIssuer}. */
export interface MintOptions {
  /**
   * Header parameters merged over the default header (`alg`, `kid`, and `typ: "JWT"` for
   * `mintToken`); a value of `undefined` removes a parameter. `alg` here only changes what the
   * header claims: the signature always uses `options.alg` or the issuer's algorithm.
   */
  header?: Record<string, unknown>;
  /** Lifetime from `iat`, in seconds; negative for an already-expired token. @default 3600 */
  expiresIn?: number;
  /**
   * Which key signs: the current key, the key before the last `rotateKeys()`, or a key that is not
   * in the JWKS (with its own `kid`, unless the header overrides it). @default "current"
   */
  signWith?: "current" | "previous" | "other";
  /**
   * Signing algorithm. `"none"` produces an unsigned token; `"HS256"` / `"HS384"` / `"HS512"` sign
   * with `secret`, by default the signing key's public key as PEM (the algorithm-confusion attack).
   * @default the issuer's `alg`
   */
  alg?: string;
  /** HMAC secret for `HS*` algorithms. @default the public key of `signWith` as SPKI PEM */
  secret?: string | Uint8Array;
}

/** A public key as a {@link TestIssuer} publishes it: a `JsonWebKey` with `kid` and `use`. */
export interface TestJwk extends JsonWebKey {
  kid: string;
  use: "sig";
  /** Absent when the issuer was created with `jwksIncludesAlg: false`. */
  alg?: string;
}

/** A local token issuer with a JWKS server on 127.0.0.1; see {@link createTestIssuer}. */
export interface TestIssuer {
  /** `iss` of minted tokens. */
  readonly issuer: string;
  /** `http://127.0.0.1:{port}/.well-known/jwks.json`, for both kinds. */
  readonly jwksUri: string;
  /** `http://127.0.0.1:{port}`. */
  readonly url: string;
  readonly clientId: string;
  readonly userPoolId: string;
  readonly region: string;
  readonly alg: TestAlg;
  /** `kid` of the current signing key. */
  readonly currentKid: string;
  /** Number of requests the JWKS path has received, faults included. */
  readonly jwksRequests: number;
  /** The key set the server publishes when no fault is set. */
  jwks(): { keys: TestJwk[] };
  /** A Cognito-shaped ID token: `token_use: "id"`, `aud` = client id, `cognito:username`, `email`. */
  mintIdToken(claims?: Record<string, unknown>, options?: MintOptions): Promise<string>;
  /** A Cognito-shaped access token: `token_use: "access"`, no `aud`, `client_id`, `scope`, `username`. */
  mintAccessToken(claims?: Record<string, unknown>, options?: MintOptions): Promise<string>;
  /** A Cognito client-credentials (M2M) access token: no `username`, `sub` = client id, `scope: "resource-server/read"`. */
  mintClientCredentialsToken(
    claims?: Record<string, unknown>,
    options?: MintOptions,
  ): Promise<string>;
  /** Any token: `iss`, `iat`, `exp` by default, then `claims` (`undefined` removes a claim). */
  mintToken(claims: Record<string, unknown>, options?: MintOptions): Promise<string>;
  /** Makes a new current key; the previous one stays in the JWKS or is dropped. */
  rotateKeys(options?: RotateKeysOptions): void;
  /** Makes the JWKS endpoint misbehave until the next `setFault("none")`. */
  setFault(fault: JwksFault, options?: JwksFaultOptions): void;
  /** Stops the server and destroys open sockets, ending pending slow answers. */
  close(): Promise<void>;
}
