import type { AllowedRoutes } from "@gatehouse/policy";
import { LRUCache } from "lru-cache";
import type { JwtClaims, VerifiedToken } from "../../verifier/token-verifier.js";

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
}

interface Entry<C extends JwtClaims> {
  decision: Decision<C>;
  /** Epoch milliseconds. */
  expiresAt: number;
}

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
   * The cache key: the SHA-256 (Web Crypto, so no Node typings are needed) of the token and the
   * scope the decision was made for, in hex. The token itself is never kept.
   */
  static async key(token: string, scope: string): Promise<string> {
    const data = new TextEncoder().encode(`${scope}\0${token}`);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
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
