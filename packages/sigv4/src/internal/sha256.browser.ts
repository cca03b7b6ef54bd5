/**
 * Browser SHA-256 / HMAC-SHA-256: `@aws-crypto/sha256-js` (pure JS, synchronous, the same class the
 * AWS SDK uses in browsers). The browser build resolves `./sha256.js` to this file.
 * @internal
 */
export { Sha256 } from "@aws-crypto/sha256-js";
