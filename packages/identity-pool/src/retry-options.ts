/**
 * Retries of throttling, 5xx answers, network failures and attempts that time out
 * (`attemptTimeoutMs`), with exponential backoff and full jitter, within the call's `timeoutMs`.
 */
export interface RetryOptions {
  /** Attempts in all, the first included; 1 turns retries off. @default 4 */
  maxAttempts?: number;
  /** Backoff base, in milliseconds: retry n waits a random time below `baseDelayMs * 2^(n-1)`. @default 100 */
  baseDelayMs?: number;
  /** Longest backoff, in milliseconds. @default 5000 */
  maxDelayMs?: number;
}
