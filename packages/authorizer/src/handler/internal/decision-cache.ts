import * as nodeCrypto from "node:crypto";
import type { AllowedRoutes } from "@gatehouse/policy";
import { LRUCache } from "lru-cache";
import type { JwtClaims, VerifiedToken } from "../../verifier/token-verifier.js";
import type { PreparedResponse } from "./build-response.js";

/**
 * A decision for one identity, the same for every route of the stage.
 * @internal
 */
export interface Decision<C extends JwtClaims = JwtClaims> {
  verified: VerifiedToken<C>;
  principalId: string;
  allow: AllowedRoutes;
  context: Record<string, unknown> | undefined;
  usageIdentifierKey: string | undefined;
  /**
   * The response built for this decision (its cache key covers the event shape and the stage the
   * response depends on), or the builder's failure, replayed as such on a hit. Set on first use.
   */
  prepared?: { response: PreparedResponse } | { error: unknown };
}

interface Entry<C extends JwtClaims> {
  decision: Decision<C>;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** `crypto.hash` (Node >= 20.12): one call, no Hash object. Older Node 20 falls back. */
const oneShotHash = (nodeCrypto as { hash?: (alg: string, data: string, enc: "hex") => string })
  .hash;

/**
 * Remembers decisions per token (by SHA-256, never the token itself) and API stage, until the
 * configured TTL, the token's `exp` or the verifier's `cacheUntil`, whichever comes first.
 * @internal
 */
export class DecisionCache<C extends JwtClaims = JwtClaims> {
  readonly #entries: LRUCache<string, Entry<C>>;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { maxEntries: number; ttlSeconds: number; now: () => number }) {
    this.#entries = new LRUCache({ max: options.maxEntries });
    this.#ttlMs = options.ttlSeconds * 1000;
    this.#now = options.now;
  }

  /**
   * The cache key: the SHA-256 of the scope the decision was made for and the token, in hex. The
   * token itself is never kept. Synchronous `node:crypto` (about a microsecond): Web Crypto's
   * `subtle.digest` is an async job on the thread pool and cost half of a cache hit.
   */
  static key(token: string, scope: string): string {
    const data = `${scope}\0${token}`;
    return oneShotHash === undefined
      ? nodeCrypto.createHash("sha256").update(data).digest("hex")
      : oneShotHash("sha256", data, "hex");
  }

  get(key: string): Decision<C> | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.decision;
  }

  set(key: string, decision: Decision<C>): void {
    const { cacheUntil, claims } = decision.verified;
    // Without a usable expiry there is nothing to bound the entry by: do not remember it.
    if (typeof cacheUntil !== "number" || !Number.isFinite(cacheUntil)) return;
    if (typeof claims.exp !== "number" || !Number.isFinite(claims.exp)) return;
    const expiresAt = Math.min(this.#now() + this.#ttlMs, cacheUntil * 1000, claims.exp * 1000);
    if (!(expiresAt > this.#now())) return;
    this.#entries.set(key, { decision, expiresAt });
  }

  get size(): number {
    return this.#entries.size;
  }
}
