/**
 * Cheap unique request ids: a random UUID prefix drawn once per gateway and a counter, so the
 * per-request path makes no call into the random source.
 * @internal
 * @packageDocumentation
 */
import { randomBytes } from "node:crypto";

/** @internal Returns a generator of UUID-shaped request ids, unique within the gateway. */
export function createRequestIds(): () => string {
  const hex = randomBytes(8).toString("hex");
  // Version 4 and variant bits as in a random UUID; the last group (48 bits) counts.
  const variant = ((Number.parseInt(hex.charAt(12), 16) & 0x3) | 0x8).toString(16);
  const prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}`;
  const tail = randomBytes(2).toString("hex").slice(1);
  let counter = 0;
  return () => {
    counter = counter === 0xffffffffffff ? 1 : counter + 1;
    return `${prefix}${tail}-${counter.toString(16).padStart(12, "0")}`;
  };
}
