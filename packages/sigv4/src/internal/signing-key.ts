import type { AwsCredentials } from "../credentials/aws-credentials.js";
import { hmacSha256, sha256Hex } from "./sha256.js";

/** How many derived keys are kept (as smithy does); the oldest goes first. */
const MAX_ENTRIES = 50;

interface Entry {
  /** SHA-256 of the secret access key: tells a reused access key id with another secret apart. */
  fingerprint: string;
  /** kSigning for this key id, date, region and service. */
  key: Uint8Array;
}

/**
 * Derived signing keys, keyed by `accessKeyId/date/region/service` (no secret in the key).
 *
 * What stays in memory, and why it is acceptable: the derived key (kSigning) is only valid for one
 * access key, one UTC day, one region and one service, and AWS recommends caching it; next to it, a
 * SHA-256 fingerprint of the secret (not the secret, and no HMAC key) so that the same access key id
 * with a different secret (a rotated or wrong secret, tests reusing `AKIDEXAMPLE`) derives afresh
 * instead of signing with a stale key. The secret itself is never stored. At most
 * {@link MAX_ENTRIES} entries.
 *
 * Unlike smithy's `getSigningKey` (which HMACs the access key id with the secret through its async
 * `Checksum` wrapper on every call just to build its cache key), a hit costs one plain SHA-256 of
 * the secret and a `Map` lookup, and signing again with the same (frozen, see `resolve-credentials.ts`)
 * credentials object only the lookups.
 */
const cache = new Map<string, Entry>();

/**
 * Fingerprints already computed for frozen credentials objects (`resolve-credentials.ts` hands out
 * one frozen copy per caller object), so signing again with the same credentials skips the hash.
 * Weak: an entry goes with its credentials object.
 */
const fingerprints = new WeakMap<object, string>();

function fingerprintOf(credentials: Pick<AwsCredentials, "secretAccessKey">): string {
  const known = fingerprints.get(credentials);
  if (known !== undefined) return known;
  const fingerprint = sha256Hex(credentials.secretAccessKey);
  // Only a frozen object is sure to keep the secret it was fingerprinted with.
  if (Object.isFrozen(credentials)) fingerprints.set(credentials, fingerprint);
  return fingerprint;
}

/**
 * The SigV4 signing key: HMAC chain `AWS4{secret}` → date → region → service → `aws4_request`.
 * @internal
 */
export function getSigningKey(
  credentials: Pick<AwsCredentials, "accessKeyId" | "secretAccessKey">,
  shortDate: string,
  region: string,
  service: string,
): Uint8Array {
  const id = `${credentials.accessKeyId}/${shortDate}/${region}/${service}`;
  const fingerprint = fingerprintOf(credentials);
  const hit = cache.get(id);
  if (hit !== undefined && hit.fingerprint === fingerprint) return hit.key;
  const kDate = hmacSha256(`AWS4${credentials.secretAccessKey}`, shortDate);
  const kRegion = hmacSha256(kDate, region);
  const kService = hmacSha256(kRegion, service);
  const key = hmacSha256(kService, "aws4_request");
  cache.delete(id);
  cache.set(id, { fingerprint, key });
  // Map iteration follows insertion order: the first key is the oldest entry.
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return key;
}

/**
 * Empties the signing-key cache (tests).
 * @internal
 */
export function clearSigningKeyCache(): void {
  cache.clear();
}
