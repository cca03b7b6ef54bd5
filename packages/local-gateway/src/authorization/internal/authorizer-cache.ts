/**
 * API Gateway's authorizer result cache for one stage: keyed by authorizer and identity-source
 * values, entries expire after the authorizer's TTL on the gateway clock. Bounded, oldest first out.
 * @internal
 * @packageDocumentation
 */
import type { IamAuthorizerResponse } from "@gatehouse/policy";

/** @internal What is cached: a validated IAM policy response or a simple response. */
export type CachedAuthorization =
  | { kind: "policy"; response: IamAuthorizerResponse; context: unknown; methodArn: string }
  | { kind: "simple"; isAuthorized: boolean; context: Record<string, unknown> | null };

interface Entry {
  value: CachedAuthorization;
  expiresAt: number;
}

const MAX_ENTRIES = 10_000;

/** @internal */
export class AuthorizerCache {
  readonly #entries = new Map<string, Entry>();

  static key(authorizer: string, values: readonly string[]): string {
    return JSON.stringify([authorizer, ...values]);
  }

  get(key: string, now: number): CachedAuthorization | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (now >= entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: CachedAuthorization, now: number, ttlSeconds: number): void {
    if (ttlSeconds <= 0) return;
    this.#entries.delete(key);
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, expiresAt: now + ttlSeconds * 1000 });
  }

  clear(): void {
    this.#entries.clear();
  }
}
