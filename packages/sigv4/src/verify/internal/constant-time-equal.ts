import { timingSafeEqual } from "node:crypto";

/**
 * Compares two strings in time that depends only on their lengths (`node:crypto`'s
 * `timingSafeEqual`). Browser builds swap in `constant-time-equal.browser.ts`.
 * @internal
 */
export function constantTimeEqual(a: string, b: string): boolean {
  // UTF-16 code units, as `===` compares them (UTF-8 would map every lone surrogate to U+FFFD).
  const left = Buffer.from(a, "utf16le");
  const right = Buffer.from(b, "utf16le");
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
