import * as nodeCrypto from "node:crypto";
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";

type SourceData = string | ArrayBuffer | ArrayBufferView;

function toKey(secret: SourceData): string | Uint8Array {
  if (typeof secret === "string") return secret;
  if (ArrayBuffer.isView(secret)) {
    return new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength);
  }
  return new Uint8Array(secret);
}

function start(secret: SourceData | undefined): Hash | Hmac {
  // Like @aws-crypto/sha256-js: a falsy secret ("" too) means a plain hash, not an HMAC.
  return secret ? createHmac("sha256", toKey(secret)) : createHash("sha256");
}

/**
 * SHA-256 / HMAC-SHA-256 on `node:crypto`, in the shape of smithy's `Checksum` (`new Sha256(key?)`,
 * `update`, `digest`, `reset`), so `SignatureV4` can use it. Node builds get this file; the browser
 * build swaps in `sha256.browser.ts` (see tsup.config.ts). The signing path itself uses the
 * synchronous helpers below, which skip the `Uint8Array` → promise → `toHex` round trip.
 * @internal
 */
export class Sha256 {
  readonly #secret: SourceData | undefined;
  #hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.#secret = secret;
    this.#hash = start(secret);
  }

  update(chunk: Uint8Array): void {
    this.#hash.update(chunk);
  }

  digest(): Promise<Uint8Array> {
    const digest = this.#hash.digest();
    return Promise.resolve(new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength));
  }

  reset(): void {
    this.#hash = start(this.#secret);
  }
}

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
