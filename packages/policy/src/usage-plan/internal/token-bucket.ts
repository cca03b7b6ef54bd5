/**
 * A token bucket, as a value: `burstLimit` tokens at most, refilled continuously at `rateLimit`
 * tokens per second; a request takes one token.
 * @internal
 * @packageDocumentation
 */
import type { ThrottleSettings } from "../usage-plan-config.js";
import type { UsagePlanBucket } from "../usage-plan-state.js";

/** @internal The bucket after its last update. */
export type TokenBucket = UsagePlanBucket;

/** @internal The bucket at `now`: refilled since its last update (never above the burst). */
export function refill(
  bucket: TokenBucket | undefined,
  settings: ThrottleSettings,
  now: number,
): TokenBucket {
  // A new bucket starts full; a clock that goes backwards refills nothing.
  if (bucket === undefined) return { tokens: settings.burstLimit, updatedAt: now };
  const elapsed = Math.max(0, now - bucket.updatedAt);
  const tokens = Math.min(
    settings.burstLimit,
    bucket.tokens + (settings.rateLimit * elapsed) / 1000,
  );
  return { tokens, updatedAt: Math.max(now, bucket.updatedAt) };
}

/** @internal Whether the refilled bucket holds a whole token for one request. */
export function hasToken(bucket: TokenBucket): boolean {
  return bucket.tokens >= 1;
}

/** @internal The bucket after one request took a token. */
export function take(bucket: TokenBucket): TokenBucket {
  return { tokens: bucket.tokens - 1, updatedAt: bucket.updatedAt };
}
