import type { JwksCache as AwsJwksCache, Jwks, JwkWithKid } from "aws-jwt-verify/jwk";
import { type AuthorizerError, authorizerError, isAuthorizerError } from "../errors.js";
import { assertJwksUrl } from "./assert-jwks-url.js";
import { fetchJwks } from "./internal/fetch-jwks.js";
import { checkJwks } from "./internal/parse-jwks.js";

/** Options of a {@link JwksCache}: the key-set lifecycle of one Lambda execution environment. */
export interface JwksCacheOptions {
  /**
   * Deadline of one JWKS request, in milliseconds: connection, headers and the whole body (a body
   * that trickles in times out too). There is one attempt per fetch (no retries inside a
   * verification), so this is also the longest a verification waits for keys. `jwks_timeout`.
   * @default 1500
   */
  timeoutMs?: number;
  /**
   * Largest JWKS response accepted, in bytes; reading stops there (`jwks_too_large`).
   * @default 524288 (512 KB)
   */
  maxResponseBytes?: number;
  /**
   * Minimum time between two refetches caused by a token whose `kid` is not in the cached key
   * set, in seconds. A flood of unknown kids causes at most one refetch per period; tokens with an
   * unknown kid in between fail with `unknown_key` without any request.
   * @default 10
   */
  unknownKidCooldownSeconds?: number;
  /**
   * After a failed fetch, no new request is made for this long, in seconds; verifications that
   * need the network fail fast with the same error meanwhile.
   * @default 5
   */
  errorBackoffSeconds?: number;
  /**
   * Maximum age of a fetched (or pre-seeded) key set, in seconds. After it, the next verification
   * refetches; `VerifiedToken.cacheUntil` never extends beyond it.
   * @default 3600
   */
  maxAgeSeconds?: number;
  /**
   * What to do when a key set older than `maxAgeSeconds` cannot be refreshed. `false` (default)
   * fails closed with `jwks_unavailable`; a number keeps using the expired keys for at most that
   * many more seconds (a cached decision is then not reused: `cacheUntil` is "now").
   * @default false
   */
  staleIfError?: false | number;
  /**
   * The clock, in epoch milliseconds (tests inject one).
   * @default Date.now
   */
  now?: () => number;
  /**
   * The `fetch` implementation (for a proxy or custom agent).
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
}

interface Entry {
  /** Where the set is fetched from; `null` for inline keys that are never fetched. */
  source: string | null;
  jwks: Jwks | undefined;
  /** Epoch ms; `Infinity` for static keys. */
  expiresAt: number;
  inflight: Promise<Jwks> | undefined;
  lastUnknownKidFetch: number;
  failedAt: number;
  failure: AuthorizerError | undefined;
}

/**
 * What {@link JwksCache.getJwk} reads of a token: its decoded header, for the `kid`. Matches the
 * decomposed JWT aws-jwt-verify passes to a `JwksCache`.
 */
export type TokenParts = { header: { kid?: unknown } };

/** Options of {@link JwksCache.getJwks} (and of a verifier's `hydrate`). */
export interface JwksWaitOptions {
  /**
   * Stops this caller's wait: it rejects with `jwks_aborted` (the signal's reason as `cause`). A
   * fetch other callers share goes on for them, bounded by `timeoutMs`.
   */
  signal?: AbortSignal | undefined;
}

/**
 * A JWKS cache built for Lambda, usable as aws-jwt-verify's `JwksCache`: single-flight fetches
 * (concurrent verifications share one request), a deadline covering the whole response
 * (`jwks_timeout`), a response size cap read as a stream (`jwks_too_large`), a
 * cooldown on refetches for unknown `kid`s, a maximum key-set age with an explicit
 * `staleIfError` policy (fail closed by default), and pre-seeded keys so a cold start needs no
 * network. Keys are only ever fetched from locations registered from configuration.
 *
 * @example
 * ```ts
 * const cache = new JwksCache({ maxAgeSeconds: 900, unknownKidCooldownSeconds: 30 });
 * const a = jwtVerifier({ issuer, audience: "api", jwksUri, algorithms: ["RS256"], jwksCache: cache });
 * ```
 */
export class JwksCache implements AwsJwksCache {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly unknownKidCooldownSeconds: number;
  readonly errorBackoffSeconds: number;
  readonly maxAgeSeconds: number;
  readonly staleIfError: false | number;
  readonly #now: () => number;
  readonly #fetch: typeof globalThis.fetch;
  readonly #entries = new Map<string, Entry>();
  readonly #aliases = new Map<string, string>();
  #requests = 0;

  constructor(options: JwksCacheOptions = {}) {
    this.timeoutMs = positive(options.timeoutMs, 1500, "timeoutMs");
    this.maxResponseBytes = positive(options.maxResponseBytes, 512 * 1024, "maxResponseBytes");
    this.unknownKidCooldownSeconds = nonNegative(
      options.unknownKidCooldownSeconds,
      10,
      "unknownKidCooldownSeconds",
    );
    this.errorBackoffSeconds = nonNegative(options.errorBackoffSeconds, 5, "errorBackoffSeconds");
    this.maxAgeSeconds = positive(options.maxAgeSeconds, 3600, "maxAgeSeconds");
    const stale = options.staleIfError ?? false;
    if (stale !== false) nonNegative(stale, 0, "staleIfError");
    this.staleIfError = stale;
    if (options.now !== undefined && typeof options.now !== "function") {
      throw new TypeError("now must be a function returning epoch milliseconds");
    }
    this.#now = options.now ?? Date.now;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  /** How many JWKS requests this cache has started (for metrics and tests). */
  get requests(): number {
    return this.#requests;
  }

  /**
   * Registers where the key set known as `jwksUri` is fetched from: another URL (a Cognito pool's
   * JWKS served elsewhere, e.g. by a loopback test issuer) or `null` for inline keys that are
   * never fetched. Throws `TypeError` for a non-https, non-loopback URL.
   */
  setSource(jwksUri: string, fetchUrl: string | null): void {
    if (fetchUrl !== null) assertJwksUrl(fetchUrl, "jwksUri");
    const key = fetchUrl ?? jwksUri;
    this.#aliases.set(jwksUri, key);
    if (!this.#entries.has(key)) this.#entries.set(key, newEntry(fetchUrl));
  }

  /** Pre-seeds (or replaces) the key set for `jwksUri`; it counts as fetched now. */
  addJwks(jwksUri: string, jwks: Jwks): void {
    const checked = checkJwks(jwks);
    const entry = this.#entry(jwksUri);
    entry.jwks = checked;
    entry.expiresAt =
      entry.source === null ? Number.POSITIVE_INFINITY : this.#now() + this.maxAgeSeconds * 1000;
    entry.failure = undefined;
  }

  /**
   * The current key set for `jwksUri`: from the cache while fresh, else fetched (at most
   * `timeoutMs`; `options.signal` stops the wait).
   */
  async getJwks(jwksUri: string, options: JwksWaitOptions = {}): Promise<Jwks> {
    const entry = this.#entry(jwksUri);
    if (entry.jwks !== undefined && this.#now() < entry.expiresAt) return entry.jwks;
    const signal = options?.signal ?? undefined;
    if (signal === undefined) return this.#refreshOrStale(entry);
    if (signal.aborted) throw aborted(signal);
    return new Promise<Jwks>((resolve, reject) => {
      const abort = () => reject(aborted(signal));
      signal.addEventListener("abort", abort, { once: true });
      this.#refreshOrStale(entry)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener("abort", abort));
    });
  }

  /** The key for the token's `kid`, fetching only as the lifecycle rules allow. */
  async getJwk(jwksUri: string, decomposedJwt: TokenParts): Promise<JwkWithKid> {
    const kid = kidOf(decomposedJwt);
    const entry = this.#entry(jwksUri);
    if (entry.jwks === undefined || this.#now() >= entry.expiresAt) {
      const jwks = await this.#refreshOrStale(entry);
      const found = findKey(jwks, kid);
      if (found !== undefined) return found;
      // A fetch just happened: an unknown kid right now must not cause another.
      entry.lastUnknownKidFetch = this.#now();
      throw unknownKey();
    }
    const cached = findKey(entry.jwks, kid);
    if (cached !== undefined) return cached;
    if (entry.inflight !== undefined) {
      const found = findKey(await entry.inflight, kid);
      if (found !== undefined) return found;
      throw unknownKey();
    }
    const now = this.#now();
    if (
      entry.source === null ||
      now - entry.lastUnknownKidFetch < this.unknownKidCooldownSeconds * 1000
    ) {
      throw unknownKey();
    }
    entry.lastUnknownKidFetch = now;
    const found = findKey(await this.#refresh(entry), kid);
    if (found !== undefined) return found;
    throw unknownKey();
  }

  /** The key for the token's `kid` from the cache only (aws-jwt-verify's `verifySync`). */
  getCachedJwk(jwksUri: string, decomposedJwt: TokenParts): JwkWithKid {
    const kid = kidOf(decomposedJwt);
    const entry = this.#entry(jwksUri);
    if (entry.jwks === undefined || this.#now() >= entry.expiresAt) {
      throw authorizerError("jwks_unavailable", "JWKS not cached (or expired)");
    }
    const found = findKey(entry.jwks, kid);
    if (found === undefined) throw unknownKey();
    return found;
  }

  /**
   * Epoch milliseconds until which the key set for `jwksUri` may be relied on: its max-age
   * expiry, `Infinity` for inline keys, "now" when only stale keys are available.
   */
  keySetExpiresAt(jwksUri: string): number {
    const entry = this.#entry(jwksUri);
    const now = this.#now();
    return Math.max(entry.expiresAt, now);
  }

  #entry(jwksUri: string): Entry {
    const key = this.#aliases.get(jwksUri) ?? jwksUri;
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      // Not registered: the URI is its own source, held to the same https rule.
      try {
        assertJwksUrl(key, "jwksUri");
      } catch (error) {
        throw authorizerError("jwks_unavailable", "JWKS location is not allowed", {
          cause: error,
        });
      }
      entry = newEntry(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  async #refreshOrStale(entry: Entry): Promise<Jwks> {
    try {
      return await this.#refresh(entry);
    } catch (error) {
      const stale = entry.jwks;
      if (
        stale !== undefined &&
        this.staleIfError !== false &&
        this.#now() < entry.expiresAt + this.staleIfError * 1000
      ) {
        return stale;
      }
      throw error;
    }
  }

  #refresh(entry: Entry): Promise<Jwks> {
    if (entry.inflight !== undefined) return entry.inflight;
    const source = entry.source;
    if (source === null) {
      return Promise.reject(authorizerError("jwks_unavailable", "inline JWKS cannot be refetched"));
    }
    if (
      entry.failure !== undefined &&
      this.#now() - entry.failedAt < this.errorBackoffSeconds * 1000
    ) {
      return Promise.reject(entry.failure);
    }
    this.#requests += 1;
    const promise = fetchJwks(source, {
      timeoutMs: this.timeoutMs,
      maxResponseBytes: this.maxResponseBytes,
      fetch: this.#fetch,
    }).then(
      (jwks) => {
        entry.jwks = jwks;
        entry.expiresAt = this.#now() + this.maxAgeSeconds * 1000;
        entry.failure = undefined;
        entry.inflight = undefined;
        return jwks;
      },
      (error: unknown) => {
        const failure = isAuthorizerError(error)
          ? error
          : authorizerError("jwks_unavailable", "JWKS fetch failed", { cause: error });
        entry.failure = failure;
        entry.failedAt = this.#now();
        entry.inflight = undefined;
        throw failure;
      },
    );
    entry.inflight = promise;
    return promise;
  }
}

function aborted(signal: AbortSignal): AuthorizerError {
  return authorizerError("jwks_aborted", "The wait for the JWKS was aborted by the caller", {
    cause: signal.reason,
  });
}

function newEntry(source: string | null): Entry {
  return {
    source,
    jwks: undefined,
    expiresAt: 0,
    inflight: undefined,
    lastUnknownKidFetch: Number.NEGATIVE_INFINITY,
    failedAt: Number.NEGATIVE_INFINITY,
    failure: undefined,
  };
}

function kidOf(decomposedJwt: TokenParts): string {
  const kid = decomposedJwt.header.kid;
  if (typeof kid !== "string" || kid.length === 0) {
    throw authorizerError("unknown_key", "JWT header has no kid", { claim: "kid" });
  }
  return kid;
}

function findKey(jwks: Jwks, kid: string): JwkWithKid | undefined {
  return jwks.keys.find((key): key is JwkWithKid => key.kid === kid);
}

function unknownKey(): AuthorizerError {
  return authorizerError("unknown_key", "No key in the JWKS matches the JWT kid", { claim: "kid" });
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive number`);
  }
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${name} must be a non-negative number`);
  }
  return value;
}
