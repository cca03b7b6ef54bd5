import * as nodeCrypto from "node:crypto";
import { createHash, createHmac } from "node:crypto";

/*
 * SHA-256 / HMAC-SHA-256 on `node:crypto`, synchronous. Node builds get this file; the browser
 * build swaps in `sha256.browser.ts` (see tsup.config.ts), which exports the same names.
 */

// One-shot `crypto.hash` (Node 20.12+ / 21.7+) skips the Hash object: about twice as fast for
// inputs of a few hundred bytes. A namespace read, so older runtimes get `undefined`, not a link error.
const oneShot = (nodeCrypto as { hash?: typeof nodeCrypto.hash }).hash;

/**
 * Lower-case hex SHA-256 of a string (UTF-8) or bytes, synchronously.
 * @internal
 */
export const sha256Hex: (data: string | Uint8Array) => string =
  typeof oneShot === "function"
    ? (data) => oneShot("sha256", data, "hex")
    : (data) => createHash("sha256").update(data).digest("hex");

/**
 * HMAC-SHA-256 of a string (UTF-8) under a string (UTF-8) or byte key, synchronously.
 * @internal
 */
export function hmacSha256(key: string | Uint8Array, data: string): Uint8Array {
  return createHmac("sha256", key).update(data).digest();
}

/**
 * Lower-case hex HMAC-SHA-256 of a string (UTF-8) under a byte key, synchronously.
 * @internal
 */
export function hmacSha256Hex(key: Uint8Array, data: string): string {
  return createHmac("sha256", key).update(data).digest("hex");
}
