import { Sha256 } from "@aws-crypto/sha256-js";
import { toHex } from "@smithy/core/serde";

/*
 * Browser SHA-256 / HMAC-SHA-256: `@aws-crypto/sha256-js` (pure JS, synchronous, the same class the
 * AWS SDK uses in browsers). The browser build resolves `./sha256.js` to this file, so it exports
 * the same names as `sha256.ts`.
 */

const utf8 = new TextEncoder();
const bytes = (data: string | Uint8Array): Uint8Array =>
  typeof data === "string" ? utf8.encode(data) : data;

/** @internal */
export function sha256Hex(data: string | Uint8Array): string {
  const hash = new Sha256();
  hash.update(bytes(data));
  return toHex(hash.digestSync());
}

/** @internal */
export function hmacSha256(key: string | Uint8Array, data: string): Uint8Array {
  const hash = new Sha256(bytes(key));
  hash.update(bytes(data));
  return hash.digestSync();
}

/** @internal */
export function hmacSha256Hex(key: Uint8Array, data: string): string {
  return toHex(hmacSha256(key, data));
}
