import { decodeJwtPayload } from "./decode-jwt-payload.js";

/** @internal The store key of the guest (unauthenticated) identity of a pool: `{poolId}:guest`. */
export const guestKey = (identityPoolId: string): string => `${identityPoolId}:guest`;

/**
 * @internal The store key of the identity of one user of one pool: {@link guestKey} without logins;
 * otherwise `{poolId}:` + a digest of the sorted login keys with, for each, the token's `iss` and
 * `sub` (a JWT) or the token itself (an opaque token such as Facebook's). Never per pool alone:
 * two users signing in on one device get two entries. The digest keeps tokens and subjects out of
 * storage key names.
 */
export async function identityKey(
  identityPoolId: string,
  logins: Record<string, string> | undefined,
): Promise<string> {
  if (logins === undefined) return guestKey(identityPoolId);
  const parts = Object.keys(logins)
    .sort()
    .map((key) => {
      const token = logins[key] ?? "";
      const claims = decodeJwtPayload(token);
      const sub = claims?.sub;
      return `${key}\n${typeof sub === "string" ? `${String(claims?.iss)} ${sub}` : `#${token}`}`;
    });
  return `${identityPoolId}:${await digest(`${identityPoolId}\n${parts.join("\n")}`)}`;
}

/**
 * SHA-256 (first 128 bits, hex) where WebCrypto is available. Insecure browser contexts (plain
 * http) have no `crypto.subtle`: a non-crypto hash, in a chunk of its own that only they load.
 */
async function digest(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return (await import("./insecure-digest.js")).insecureDigest(text);
  const hash = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash, 0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}
