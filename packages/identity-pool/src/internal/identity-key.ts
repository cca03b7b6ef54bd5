import { decodeJwtPayload } from "./decode-jwt-payload.js";

/**
 * @internal The store key of the identity of one user of one pool: `{poolId}:guest` without logins;
 * otherwise `{poolId}:` + a digest of the sorted login keys with, for each, the token's `iss` and
 * `sub` (a JWT) or the token itself (an opaque token such as Facebook's). Never per pool alone:
 * two users signing in on one device get two entries. The digest keeps tokens and subjects out of
 * storage key names.
 */
export async function identityKey(
  identityPoolId: string,
  logins: Record<string, string> | undefined,
): Promise<string> {
  if (logins === undefined) return `${identityPoolId}:guest`;
  const parts = Object.keys(logins)
    .sort()
    .map((key) => {
      const token = logins[key] ?? "";
      const claims = decodeJwtPayload(token);
      const iss = claims?.iss;
      const sub = claims?.sub;
      const who = typeof sub === "string" ? `${String(iss)} ${sub}` : `#${token}`;
      return `${key}\n${who}`;
    });
  return `${identityPoolId}:${await digest(`${identityPoolId}\n${parts.join("\n")}`)}`;
}

/** SHA-256 (first 128 bits, hex) where WebCrypto is available, else a 2x53-bit non-crypto hash. */
async function digest(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle !== undefined) {
    const hash = await subtle.digest("SHA-256", new TextEncoder().encode(text));
    return Array.from(new Uint8Array(hash, 0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
  }
  // Insecure browser contexts (plain http) have no crypto.subtle: cyrb53 with two seeds.
  return `${cyrb53(text, 1).toString(36)}.${cyrb53(text, 2).toString(36)}`;
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
