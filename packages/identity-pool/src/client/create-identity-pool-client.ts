import { IdentityPoolError, type IdentityPoolErrorOptions } from "../errors.js";
import { checkLoginKey } from "../internal/check-login-key.js";
import { guestKey, identityKey } from "../internal/identity-key.js";
import { checkFunctions, optionCheck } from "../internal/option-check.js";
import { resolveRegion, serviceEndpoint } from "../internal/region.js";
import { type CognitoAnswer, createTransport, field } from "../internal/transport.js";
import type { RetryOptions } from "../retry-options.js";
import type { IdentityStore } from "../stores/identity-store.js";
import { memoryIdentityStore } from "../stores/memory-identity-store.js";

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
 * a refreshed ID token is picked up.
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
  /** Refresh credentials this long before `expiration`, in seconds (at most half their lifetime). @default 300 */
  refreshBeforeExpirySeconds?: number;
  /** Clock, in epoch milliseconds. @default Date.now */
  now?: () => number;
  /** Retries of throttling, 5xx and network failures. */
  retry?: RetryOptions;
  /** Waits between retries, in milliseconds. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
}

/** A client for one identity pool; see {@link createIdentityPoolClient}. */
export interface IdentityPoolClient {
  /** Cached credentials, or fresh ones when within the refresh window. */
  getCredentials(): Promise<IdentityPoolCredentials>;
  /** The identity id of the current user (or guest), from the cache or `GetId`. */
  getIdentityId(): Promise<string>;
  /** Forgets the credentials and every identity id this client stored (sign-out). */
  clearCache(): Promise<void>;
  /** Switches user (sign-in, sign-out, another account); drops the cached credentials. */
  setLogins(logins: LoginsInput | undefined): void;
  /** `getCredentials` as a standalone function: an AWS SDK credentials provider. */
  readonly provider: () => Promise<IdentityPoolCredentials>;
}

interface Identity {
  id: string;
  /** The store key it was read from, when it came from the store. */
  cachedAt?: string | undefined;
  key: string;
}

type Logins = Record<string, string> | undefined;

const DEVELOPER_KEY = "cognito-identity.amazonaws.com";

/**
 * Creates a client that exchanges logins (or nothing, for guests) for temporary AWS credentials
 * from a Cognito identity pool, with plain `fetch` and no AWS SDK.
 *
 * - Credentials are reused until `expiration` minus `refreshBeforeExpirySeconds`; one exchange is
 *   in flight however many callers wait. If a refresh fails while the held credentials are still
 *   valid, those are returned.
 * - Identity ids are kept per user (pool + login keys + the token's `iss`/`sub`) in `identityStore`.
 *   A stored guest id is sent with the logins at sign-in, so the guest identity becomes the user's.
 * - Throttling, 5xx and network failures are retried with backoff and jitter; a stored identity id
 *   is dropped only when the service says it does not exist (`ResourceNotFoundException`) or,
 *   after `NotAuthorizedException`, when a fresh `GetId` names another identity.
 *
 * @param options - See {@link IdentityPoolClientOptions}.
 * @returns The client.
 * @throws TypeError for a malformed pool id, a region that is not the pool's, or options of the
 *   wrong type. IdentityPoolError `InvalidLoginsError` for a malformed login key.
 * @example
 * ```ts
 * const client = createIdentityPoolClient({
 *   identityPoolId: "eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11",
 *   logins: { "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf": () => session.idToken },
 * });
 * const signedFetch = createSignedFetch({ credentials: client.provider });
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html
 */
export function createIdentityPoolClient(options: IdentityPoolClientOptions): IdentityPoolClient {
  const check = optionCheck("createIdentityPoolClient");
  const {
    identityPoolId,
    developerIdentity,
    flow = "enhanced",
    durationSeconds,
    identityStore = memoryIdentityStore(),
    refreshBeforeExpirySeconds = 300,
    now = Date.now,
  } = options;
  const region = resolveRegion(check, identityPoolId, options.region);
  const transport = createTransport(
    check,
    options,
    options.endpoint ?? serviceEndpoint("cognito-identity", region),
  );
  check(flow === "enhanced" || flow === "basic", "flow", '"enhanced" or "basic"');
  check(
    flow === "enhanced" || typeof options.roleArn === "string",
    "roleArn",
    "set for the basic flow",
  );
  check(
    durationSeconds === undefined ||
      (Number.isInteger(durationSeconds) && durationSeconds >= 900 && durationSeconds <= 43_200),
    "durationSeconds",
    "an integer from 900 to 43200",
  );
  check(
    refreshBeforeExpirySeconds >= 0 && Number.isFinite(refreshBeforeExpirySeconds),
    "refreshBeforeExpirySeconds",
    "a finite number >= 0",
  );
  checkFunctions(
    check,
    {
      now,
      "identityStore.get": identityStore?.get,
      "identityStore.set": identityStore?.set,
      "identityStore.delete": identityStore?.delete,
    },
    { developerIdentity },
  );

  let logins: LoginsInput | undefined;
  let held: IdentityPoolCredentials | undefined;
  /** When `held` is to be refreshed, in epoch milliseconds. */
  let refreshAt = 0;
  let inflight: Promise<IdentityPoolCredentials> | undefined;
  /** Bumped by setLogins/clearCache: an exchange started before must not install its result. */
  let generation = 0;
  const identityInflight = new Map<string, Promise<Identity>>();
  const usedKeys = new Set<string>();

  const setLogins = (value: LoginsInput | undefined): void => {
    if (value !== undefined) {
      check(typeof value === "object" && value !== null, "logins", "an object");
      check(developerIdentity === undefined, "logins", "left out with developerIdentity");
      for (const [key, token] of Object.entries(value)) {
        check(
          typeof token === "string" || typeof token === "function",
          `logins["${key}"]`,
          "a string or a function",
        );
        checkLoginKey(key);
      }
    }
    logins = value && Object.keys(value).length > 0 ? value : undefined;
    held = inflight = undefined;
    generation++;
  };
  setLogins(options.logins);

  /** The store, failing soft: a read that throws misses, a write that throws is skipped. */
  const store = async (
    operation: keyof IdentityStore,
    key: string,
    value?: string,
  ): Promise<string | undefined> => {
    if (operation !== "delete") usedKeys.add(key);
    try {
      return (await identityStore[operation](key, value as string)) || undefined;
    } catch {
      return undefined;
    }
  };

  const resolveLogins = async (): Promise<Logins> => {
    if (logins === undefined) return undefined;
    const resolved: Record<string, string> = {};
    for (const [key, value] of Object.entries(logins)) {
      const invalid = (why: string, more?: IdentityPoolErrorOptions) =>
        new IdentityPoolError("InvalidLoginsError", `logins["${key}"]: ${why}`, more);
      let token: unknown;
      try {
        token = typeof value === "function" ? await value() : value;
      } catch (error) {
        throw invalid("the token function failed", { cause: error });
      }
      if (typeof token !== "string" || token === "") {
        throw invalid("no token (empty or not a string)");
      }
      resolved[key] = token;
    }
    return resolved;
  };

  const getId = async (resolved: Logins): Promise<string> =>
    field(
      "GetId",
      (
        await transport.call("GetId", {
          IdentityPoolId: identityPoolId,
          AccountId: options.accountId,
          Logins: resolved,
        })
      ).IdentityId,
      "IdentityId",
    );

  /** The stored id for this user, else a stored guest id to link at sign-in, else `GetId`. */
  const findIdentity = async (resolved: Logins): Promise<Identity> => {
    const key = await identityKey(identityPoolId, resolved);
    let lookup = identityInflight.get(key);
    if (lookup === undefined) {
      lookup = (async (): Promise<Identity> => {
        for (const cachedAt of resolved === undefined ? [key] : [key, guestKey(identityPoolId)]) {
          const id = await store("get", cachedAt);
          if (id !== undefined) return { id, cachedAt, key };
        }
        const id = await getId(resolved);
        await store("set", key, id);
        return { id, key };
      })();
      identityInflight.set(key, lookup);
      const clear = () => identityInflight.delete(key);
      lookup.then(clear, clear);
    }
    return lookup;
  };

  const exchange = async (
    identityId: string,
    resolved: Logins,
    openIdToken?: string,
  ): Promise<IdentityPoolCredentials> => {
    let operation = "GetCredentialsForIdentity";
    let answer: CognitoAnswer;
    if (flow === "basic") {
      // STS and its XML answers: a separate chunk, loaded on the first basic-flow exchange.
      const { basicCredentials } = await import("./basic-flow.js");
      [operation, answer] = await basicCredentials(
        transport,
        options,
        options.stsEndpoint ?? serviceEndpoint("sts", region),
        identityId,
        resolved,
        openIdToken,
      );
    } else {
      answer = await transport.call(operation, {
        IdentityId: identityId,
        Logins: resolved,
        CustomRoleArn: options.customRoleArn,
      });
    }
    // One check for both flows (STS's answer comes in Cognito's shape).
    const c = answer.Credentials ?? {};
    // Epoch seconds, possibly written 1.5E9 (JSON numbers) or as a numeric string.
    const seconds = c.Expiration === "" ? Number.NaN : Number(c.Expiration);
    if (!Number.isFinite(seconds)) field(operation, undefined, "Expiration");
    return {
      accessKeyId: field(operation, c.AccessKeyId, "AccessKeyId"),
      secretAccessKey: field(operation, c.SecretKey, "SecretKey"),
      sessionToken: field(operation, c.SessionToken, "SessionToken"),
      expiration: new Date(Math.round(seconds * 1000)),
      identityId: typeof answer.IdentityId === "string" ? answer.IdentityId : identityId,
    };
  };

  const fetchCredentials = async (): Promise<IdentityPoolCredentials> => {
    if (developerIdentity !== undefined) {
      const { identityId, token } = await developerIdentity();
      return exchange(identityId, { [DEVELOPER_KEY]: token }, token);
    }
    const resolved = await resolveLogins();
    const { id, cachedAt, key } = await findIdentity(resolved);
    let credentials: IdentityPoolCredentials;
    try {
      credentials = await exchange(id, resolved);
    } catch (error) {
      // Only a stored id can be stale; throttling and the like never drop it (they are retried).
      const code = (error as { code?: unknown } | null)?.code;
      const notFound = code === "ResourceNotFoundException";
      if (cachedAt === undefined || !(notFound || code === "NotAuthorizedException")) throw error;
      if (notFound) await store("delete", cachedAt);
      // NotAuthorized may be the token's fault (kept: GetId then fails too) or the id's (it was
      // linked elsewhere, or is a guest id used by a user): a fresh GetId decides.
      const fresh = await getId(resolved);
      if (!notFound && fresh === id) throw error;
      await store("set", key, fresh);
      credentials = await exchange(fresh, resolved);
    }
    const linked = cachedAt !== undefined && cachedAt !== key;
    if (credentials.identityId !== id || linked) {
      // Linked a guest id at sign-in (or the service merged identities): the user's entry now
      // holds it, and the guest entry is spent.
      await store("set", key, credentials.identityId);
      if (linked) await store("delete", cachedAt);
    }
    return credentials;
  };

  const getCredentials = async (): Promise<IdentityPoolCredentials> => {
    if (held !== undefined && now() < refreshAt) return held;
    let pending = inflight;
    if (pending === undefined) {
      const started = generation;
      const attempt = fetchCredentials().then((credentials) => {
        if (started === generation) {
          const expiresAt = credentials.expiration.getTime();
          held = credentials;
          // Never refresh earlier than half-way, or short-lived credentials refresh on every call.
          refreshAt =
            expiresAt -
            Math.min(refreshBeforeExpirySeconds * 1000, Math.max(0, (expiresAt - now()) / 2));
        }
        return credentials;
      });
      inflight = pending = attempt;
      const clear = () => {
        if (inflight === attempt) inflight = undefined;
      };
      attempt.then(clear, clear);
    }
    try {
      return await pending;
    } catch (error) {
      // A failed refresh while the held credentials still work: keep using them.
      if (held !== undefined && now() < held.expiration.getTime()) return held;
      throw error;
    }
  };

  return {
    getCredentials,
    provider: getCredentials,
    setLogins,
    getIdentityId: async () =>
      held?.identityId ??
      (developerIdentity
        ? (await developerIdentity()).identityId
        : (await findIdentity(await resolveLogins())).id),
    clearCache: async () => {
      setLogins(logins);
      const keys = [...usedKeys];
      usedKeys.clear();
      await Promise.all(keys.map((key) => store("delete", key)));
    },
  };
}
