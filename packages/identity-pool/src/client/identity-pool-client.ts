import type { RetryOptions } from "../retry-options.js";
import type { IdentityStore } from "../stores/identity-store.js";

/**
 * Temporary AWS credentials for an identity: the AWS SDK's credential shape (plugs into any SDK
 * client and into `@gatehouse/sigv4`) plus the identity id. Every field but `accessKeyId` and
 * `identityId` is secret: never log them.
 */
export interface IdentityPoolCredentials {
  accessKeyId: string;
  /** Secret. */
  secretAccessKey: string;
  /** Secret. */
  sessionToken: string;
  /** When the credentials stop working (server time). */
  expiration: Date;
  /** The Cognito identity id, `{region}:{GUID}`. */
  identityId: string;
}

/**
 * Tokens by login key (`cognito-idp.{region}.amazonaws.com/{userPoolId}`, `accounts.google.com`,
 * ...). A value is the token or a function returning the current one, called at each exchange, so
 * a refreshed ID token is picked up; a function has `loginsTimeoutMs` to answer.
 */
export type LoginsInput = Record<string, string | (() => string | Promise<string>)>;

/** What a backend returns for a developer-authenticated identity (`GetOpenIdTokenForDeveloperIdentity`). */
export interface DeveloperIdentity {
  identityId: string;
  /** The OpenID token for `cognito-identity.amazonaws.com`. Secret. */
  token: string;
}

/** Options of {@link createIdentityPoolClient}. */
export interface IdentityPoolClientOptions {
  /** The identity pool id, `{region}:{GUID}`. */
  identityPoolId: string;
  /** The pool's region; must equal the prefix of `identityPoolId`. @default that prefix */
  region?: string;
  /** Logins of the signed-in user; none for guest (unauthenticated) access. @default undefined */
  logins?: LoginsInput;
  /**
   * For developer-authenticated identities: a call to your backend that returns the identity id
   * and OpenID token (see `getOpenIdTokenForDeveloperIdentity`). Called at each exchange; excludes
   * `logins`.
   */
  developerIdentity?: () => Promise<DeveloperIdentity>;
  /** AWS account id sent with `GetId` (only needed for old pools). */
  accountId?: string;
  /** Role to assume among those role-based access control allows (enhanced flow). */
  customRoleArn?: string;
  /** Cognito-identity endpoint. @default `https://cognito-identity.{region}.amazonaws.com/` */
  endpoint?: string;
  /** STS endpoint (basic flow). @default `https://sts.{region}.amazonaws.com/` */
  stsEndpoint?: string;
  /**
   * `"enhanced"`: `GetId` + `GetCredentialsForIdentity`. `"basic"` (classic): `GetId` +
   * `GetOpenIdToken` + STS `AssumeRoleWithWebIdentity` with `roleArn`.
   * @default "enhanced"
   */
  flow?: "enhanced" | "basic";
  /** Role the basic flow assumes; required when `flow` is `"basic"`. */
  roleArn?: string;
  /** Role the basic flow assumes for guests (no logins). @default roleArn */
  guestRoleArn?: string;
  /** `RoleSessionName` of the basic flow. @default "CognitoIdentityCredentials" */
  roleSessionName?: string;
  /** `DurationSeconds` of the basic flow, 900 to 43200. @default STS's 3600 */
  durationSeconds?: number;
  /** Where identity ids are kept. @default memoryIdentityStore() */
  identityStore?: IdentityStore;
  /** @default globalThis.fetch, looked up at each call */
  fetch?: typeof fetch;
  /**
   * Advisory refresh window, in seconds before `expiration`: from then on a call answers at once
   * with the held credentials and starts one exchange in the background; one that fails or times
   * out is forgotten, and the next call tries again. botocore's value. Both windows shrink to fit
   * short-lived credentials (the advisory one is at most half their lifetime).
   * @default 900
   */
  advisoryRefreshSeconds?: number;
  /**
   * Mandatory refresh window, in seconds before `expiration`: from then on callers wait for the
   * exchange (at most `timeoutMs`); if it fails while the held credentials have not expired, those
   * are returned. At most `advisoryRefreshSeconds` (a wider one given alone widens the advisory
   * window to match). botocore's value.
   * @default 600
   */
  mandatoryRefreshSeconds?: number;
  /**
   * Former name of `mandatoryRefreshSeconds`, still honoured when that is absent.
   * @deprecated Use `mandatoryRefreshSeconds` (and `advisoryRefreshSeconds`).
   */
  refreshBeforeExpirySeconds?: number;
  /**
   * Deadline of one HTTP attempt (request, answer and its body), in milliseconds; an attempt that
   * misses it is retried like a network failure (`timeout`).
   * @default 5000
   */
  attemptTimeoutMs?: number;
  /**
   * Deadline of a whole `getCredentials()` / `getIdentityId()` exchange (every call, retry,
   * backoff, logins function and store access in it), in milliseconds (`timeout`).
   * @default 15000
   */
  timeoutMs?: number;
  /**
   * Deadline of each `logins` token function and of `developerIdentity`, in milliseconds
   * (`timeout`, `operation` `"logins"` or `"developerIdentity"`).
   * @default 10000
   */
  loginsTimeoutMs?: number;
  /** Clock, in epoch milliseconds. @default Date.now */
  now?: () => number;
  /** Retries of throttling, 5xx, network failures and attempts that time out. */
  retry?: RetryOptions;
  /** Waits between retries, in milliseconds. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
}

/** What {@link IdentityPoolClient.getCredentials} and `getIdentityId` may be called with. */
export interface IdentityPoolCallOptions {
  /**
   * Stops this caller's wait: the call rejects with `aborted` (the signal's reason as `cause`).
   * An exchange other callers share goes on for them (bounded by `timeoutMs`). Held credentials
   * outside the refresh windows are returned without looking at the signal.
   */
  signal?: AbortSignal | undefined;
}

/** A client for one identity pool; see {@link createIdentityPoolClient}. */
export interface IdentityPoolClient {
  /**
   * The held credentials, or fresh ones in the refresh windows (advisory: held now, refreshed in
   * the background; mandatory: waits, at most `timeoutMs`).
   */
  getCredentials(options?: IdentityPoolCallOptions): Promise<IdentityPoolCredentials>;
  /** The identity id of the current user (or guest), from the cache or `GetId`. */
  getIdentityId(options?: IdentityPoolCallOptions): Promise<string>;
  /** Forgets the credentials and every identity id this client stored (sign-out). */
  clearCache(): Promise<void>;
  /** Switches user (sign-in, sign-out, another account); drops the cached credentials. */
  setLogins(logins: LoginsInput | undefined): void;
  /** `getCredentials` as a standalone function: an AWS SDK credentials provider. */
  readonly provider: (options?: IdentityPoolCallOptions) => Promise<IdentityPoolCredentials>;
}
