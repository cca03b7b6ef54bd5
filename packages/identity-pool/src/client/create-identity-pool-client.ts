import { IdentityPoolError, type IdentityPoolErrorOptions } from "../errors.js";
import { checkLoginKey } from "../internal/check-login-key.js";
import { abortReason, deadline, race } from "../internal/deadline.js";
import { guestKey, identityKey } from "../internal/identity-key.js";
import { checkFunctions, optionCheck } from "../internal/option-check.js";
import { resolveRegion, serviceEndpoint } from "../internal/region.js";
import {
  type CognitoAnswer,
  createTransport,
  field,
  isDelay,
  isTimeout,
} from "../internal/transport.js";
import type { IdentityStore } from "../stores/identity-store.js";
import { memoryIdentityStore } from "../stores/memory-identity-store.js";
import type {
  DeveloperIdentity,
  IdentityPoolCallOptions,
  IdentityPoolClient,
  IdentityPoolClientOptions,
  IdentityPoolCredentials,
  LoginsInput,
} from "./identity-pool-client.js";

interface Identity {
  id: string;
  /** The store key it was read from, when it came from the store. */
  cachedAt?: string | undefined;
  key: string;
}

type Logins = Record<string, string> | undefined;

const DEVELOPER_KEY = "cognito-identity.amazonaws.com";

/**
 * One hour, in milliseconds: how long GetCredentialsForIdentity credentials last; STS's longest
 * (`DurationSeconds` 43200) is 12 of them.
 */
const HOUR = 3_600_000;

/**
 * Creates a client that exchanges logins (or nothing, for guests) for temporary AWS credentials
 * from a Cognito identity pool, with plain `fetch` and no AWS SDK.
 *
 * - Credentials are reused until the advisory window (15 min before `expiration`); then they are
 *   still returned at once while one exchange runs in the background; in the mandatory window
 *   (10 min) callers wait for it. One exchange is in flight however many callers wait. If a
 *   refresh fails while the held credentials are still valid, those are returned.
 * - Bounded: each HTTP attempt (`attemptTimeoutMs`, 5 s), each exchange (`timeoutMs`, 15 s), each
 *   `logins` function (`loginsTimeoutMs`, 10 s); answers above 1 MiB are refused; an `Expiration`
 *   in the past is refused and one beyond AWS's longest lifetime (1 h, basic flow 12 h) capped.
 * - Identity ids are kept per user (pool + login keys + the token's `iss`/`sub`) in `identityStore`.
 *   A stored guest id is sent with the logins at sign-in, so the guest identity becomes the user's.
 * - Throttling, 5xx and network failures are retried with backoff and jitter; a stored identity id
 *   is dropped only when the service says it does not exist (`ResourceNotFoundException`) or,
 *   after `NotAuthorizedException`, when a fresh `GetId` names another identity.
 *
 * @param options - See {@link IdentityPoolClientOptions}.
 * @returns The client.
 * @throws TypeError for a malformed pool id, a region that is not the pool's, or options of the
 *   wrong type. IdentityPoolError `invalid_logins` for a malformed login key.
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
    mandatoryRefreshSeconds = options.refreshBeforeExpirySeconds ?? 600,
    attemptTimeoutMs = 5000,
    timeoutMs = 15_000,
    loginsTimeoutMs = 10_000,
    now = Date.now,
  } = options;
  // A mandatory window wider than the default advisory one widens the advisory one with it.
  const { advisoryRefreshSeconds = Math.max(900, mandatoryRefreshSeconds) } = options;
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
  check(isDelay(advisoryRefreshSeconds), "advisoryRefreshSeconds", "a finite number >= 0");
  check(
    isDelay(mandatoryRefreshSeconds) && mandatoryRefreshSeconds <= advisoryRefreshSeconds,
    "mandatoryRefreshSeconds (or refreshBeforeExpirySeconds)",
    "a number from 0 to advisoryRefreshSeconds",
  );
  check(isTimeout(timeoutMs), "timeoutMs", "a finite number > 0");
  check(isTimeout(loginsTimeoutMs), "loginsTimeoutMs", "a finite number > 0");
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
  /** When the advisory window of `held` opens (refresh in the background), in epoch milliseconds. */
  let refreshAt = 0;
  /** When the mandatory window of `held` opens (callers wait for the refresh). */
  let mustRefreshAt = 0;
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

  /**
   * The store, failing soft: a read that throws or does not answer within `attemptTimeoutMs`
   * misses, such a write is skipped.
   */
  const store = async (
    operation: keyof IdentityStore,
    key: string,
    value?: string,
  ): Promise<string | undefined> => {
    if (operation !== "delete") usedKeys.add(key);
    const [signal, release] = deadline(attemptTimeoutMs, "", "");
    try {
      return (await race(identityStore[operation](key, value as string), signal)) || undefined;
    } catch {
      return undefined;
    } finally {
      release();
    }
  };

  /**
   * `fn()` within `loginsTimeoutMs` and the exchange's `signal`: a `timeout` (`operation`)
   * naming `name` when it does not answer; its own failure goes through `failed`.
   */
  const callback = async <T>(
    fn: () => T | PromiseLike<T>,
    operation: string,
    name: string,
    signal: AbortSignal,
    failed = (error: unknown): unknown => error,
  ): Promise<T> => {
    const [bounded, release] = deadline(
      loginsTimeoutMs,
      name,
      "loginsTimeoutMs",
      operation,
      signal,
    );
    try {
      return await race(fn(), bounded);
    } catch (error) {
      throw bounded.aborted ? abortReason(bounded) : failed(error);
    } finally {
      release();
    }
  };

  const resolveLogins = async (signal: AbortSignal): Promise<Logins> => {
    if (logins === undefined) return undefined;
    const resolved: Record<string, string> = {};
    for (const [key, value] of Object.entries(logins)) {
      const name = `logins["${key}"]`;
      const invalid = (why: string, more?: IdentityPoolErrorOptions) =>
        new IdentityPoolError("invalid_logins", `${name}: ${why}`, more);
      const token: unknown =
        typeof value === "function"
          ? await callback(value, "logins", name, signal, (error) =>
              invalid("the token function failed", { cause: error }),
            )
          : value;
      if (typeof token !== "string" || token === "") {
        throw invalid("no token (empty or not a string)");
      }
      resolved[key] = token;
    }
    return resolved;
  };

  const developer = (signal: AbortSignal) =>
    callback(
      developerIdentity as () => Promise<DeveloperIdentity>,
      "developerIdentity",
      "developerIdentity",
      signal,
    );

  const getId = async (resolved: Logins, signal: AbortSignal): Promise<string> =>
    field(
      "GetId",
      (
        await transport.call(
          "GetId",
          {
            IdentityPoolId: identityPoolId,
            AccountId: options.accountId,
            Logins: resolved,
          },
          signal,
        )
      ).IdentityId,
      "IdentityId",
    );

  /** The stored id for this user, else a stored guest id to link at sign-in, else `GetId`. */
  const findIdentity = async (resolved: Logins, signal: AbortSignal): Promise<Identity> => {
    const key = await identityKey(identityPoolId, resolved);
    let lookup = identityInflight.get(key);
    if (lookup === undefined) {
      lookup = (async (): Promise<Identity> => {
        for (const cachedAt of resolved === undefined ? [key] : [key, guestKey(identityPoolId)]) {
          const id = await store("get", cachedAt);
          if (id !== undefined) return { id, cachedAt, key };
        }
        const id = await getId(resolved, signal);
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
    signal: AbortSignal,
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
        signal,
        openIdToken,
      );
    } else {
      answer = await transport.call(
        operation,
        {
          IdentityId: identityId,
          Logins: resolved,
          CustomRoleArn: options.customRoleArn,
        },
        signal,
      );
    }
    // One check for both flows (STS's answer comes in Cognito's shape).
    const c = answer.Credentials ?? {};
    // Epoch seconds, a JSON number possibly written 1.5E9 (STS's date comes converted). Not a
    // number (null, true, "", "soon"): unreadable. Trailing junk would parse, but then yields a
    // date that is refused or capped below like any other.
    const seconds = Number.parseFloat(c.Expiration as string);
    if (!Number.isFinite(seconds)) field(operation, undefined, "Expiration");
    const t = now();
    if (seconds * 1000 <= t) {
      throw new IdentityPoolError(
        "expired_credentials",
        `${operation}: credentials expired on arrival (device clock wrong?)`,
        { operation },
      );
    }
    return {
      accessKeyId: field(operation, c.AccessKeyId, "AccessKeyId"),
      secretAccessKey: field(operation, c.SecretKey, "SecretKey"),
      sessionToken: field(operation, c.SessionToken, "SessionToken"),
      // Never beyond the longest lifetime AWS issues: a year-3000 Expiration is not kept for ever.
      expiration: new Date(
        Math.min(Math.round(seconds * 1000), t + (flow === "basic" ? 12 : 1) * HOUR),
      ),
      identityId: typeof answer.IdentityId === "string" ? answer.IdentityId : identityId,
    };
  };

  const fetchCredentials = async (signal: AbortSignal): Promise<IdentityPoolCredentials> => {
    if (developerIdentity !== undefined) {
      const { identityId, token } = await developer(signal);
      return exchange(identityId, { [DEVELOPER_KEY]: token }, signal, token);
    }
    const resolved = await resolveLogins(signal);
    const { id, cachedAt, key } = await findIdentity(resolved, signal);
    let credentials: IdentityPoolCredentials;
    try {
      credentials = await exchange(id, resolved, signal);
    } catch (error) {
      // Only a stored id can be stale; throttling and the like never drop it (they are retried).
      const code = (error as { code?: unknown } | null)?.code;
      const notFound = code === "ResourceNotFoundException";
      if (cachedAt === undefined || !(notFound || code === "NotAuthorizedException")) throw error;
      if (notFound) await store("delete", cachedAt);
      // NotAuthorized may be the token's fault (kept: GetId then fails too) or the id's (it was
      // linked elsewhere, or is a guest id used by a user): a fresh GetId decides.
      const fresh = await getId(resolved, signal);
      if (!notFound && fresh === id) throw error;
      await store("set", key, fresh);
      credentials = await exchange(fresh, resolved, signal);
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

  /** `work` under a deadline of `timeoutMs` of its own (not a caller's: the work is shared). */
  const bounded = <T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const [signal, release] = deadline(timeoutMs, what, "timeoutMs");
    const result = race(work(signal), signal);
    result.then(release, release);
    return result;
  };

  /** The one exchange in flight, started when there is none; its result becomes `held`. */
  const refresh = (): Promise<IdentityPoolCredentials> => {
    if (inflight !== undefined) return inflight;
    const started = generation;
    const attempt = bounded("getCredentials", fetchCredentials).then((credentials) => {
      if (started === generation) {
        const expiresAt = credentials.expiration.getTime();
        // Windows wider than half the lifetime would refresh short-lived credentials on every call.
        const scale = Math.max(
          0,
          Math.min(1, (expiresAt - now()) / 2 / (advisoryRefreshSeconds * 1000)),
        );
        held = credentials;
        refreshAt = expiresAt - advisoryRefreshSeconds * 1000 * scale;
        mustRefreshAt = expiresAt - mandatoryRefreshSeconds * 1000 * scale;
      }
      return credentials;
    });
    inflight = attempt;
    // Cleared on any outcome (a deadline included): a failed or hung exchange never poisons the
    // next call. Handling the rejection here also keeps a failed background refresh quiet.
    const clear = () => {
      if (inflight === attempt) inflight = undefined;
    };
    attempt.then(clear, clear);
    return attempt;
  };

  const getCredentials = async (
    callOptions?: IdentityPoolCallOptions,
  ): Promise<IdentityPoolCredentials> => {
    if (held !== undefined && now() < refreshAt) return held;
    const signal = callOptions?.signal;
    if (signal?.aborted) throw abortReason(signal);
    const pending = refresh();
    // Advisory window: the held credentials now, the exchange in the background.
    if (held !== undefined && now() < mustRefreshAt) return held;
    try {
      return await race(pending, signal);
    } catch (error) {
      // A failed refresh while the held credentials still work: keep using them.
      if (!signal?.aborted && held !== undefined && now() < held.expiration.getTime()) return held;
      throw error;
    }
  };

  return {
    getCredentials,
    provider: getCredentials,
    setLogins,
    getIdentityId: async (callOptions) =>
      held?.identityId ??
      race(
        bounded("getIdentityId", async (signal) =>
          developerIdentity
            ? (await developer(signal)).identityId
            : (await findIdentity(await resolveLogins(signal), signal)).id,
        ),
        callOptions?.signal,
      ),
    clearCache: async () => {
      setLogins(logins);
      const keys = [...usedKeys];
      usedKeys.clear();
      await Promise.all(keys.map((key) => store("delete", key)));
    },
  };
}
