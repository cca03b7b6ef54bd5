import { constants, createHmac, type KeyObject, sign } from "node:crypto";
import { CompactSign } from "jose";
import type { SigningKey } from "./signing-key.js";

const encoder = new TextEncoder();

/** Drops `undefined` members so `{ kid: undefined }` removes a default. */
export function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/**
 * Signs `payload` as a compact JWS with `alg` (`"none"`: unsigned; `HS*`: HMAC with `secret`,
 * by default the key's public key as SPKI PEM). jose signs whenever it accepts the header; a
 * header jose refuses (an `alg` that disagrees with the signature, a `crit`) is signed with
 * node:crypto so attack tests can forge it.
 * @internal
 */
export async function signToken(input: {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  alg: string;
  key: SigningKey;
  secret?: string | Uint8Array;
}): Promise<string> {
  const header = withoutUndefined(input.header);
  const payload = encoder.encode(JSON.stringify(withoutUndefined(input.payload)));
  const encodedHeader = Buffer.from(JSON.stringify(header)).toString("base64url");
  const encodedPayload = Buffer.from(payload).toString("base64url");
  if (input.alg === "none") return `${encodedHeader}.${encodedPayload}.`;

  const secret = input.alg.startsWith("HS")
    ? toBytes(input.secret ?? input.key.publicKey.export({ type: "spki", format: "pem" }))
    : undefined;
  const { alg: headerAlg, crit } = header;
  if (headerAlg === input.alg && crit === undefined) {
    return new CompactSign(payload)
      .setProtectedHeader(header as { alg: string })
      .sign(secret ?? input.key.privateKey);
  }
  const signingInput = Buffer.from(`${encodedHeader}.${encodedPayload}`);
  const signature = signRaw(input.alg, signingInput, input.key.privateKey, secret);
  return `${encodedHeader}.${encodedPayload}.${signature.toString("base64url")}`;
}

function signRaw(
  alg: string,
  data: Buffer,
  privateKey: KeyObject,
  secret: Uint8Array | undefined,
): Buffer {
  const hash = `sha${alg.slice(2)}`;
  if (secret !== undefined) return createHmac(hash, secret).update(data).digest();
  if (alg === "EdDSA" || alg === "Ed25519") return sign(null, data, privateKey);
  if (alg.startsWith("RS")) return sign(hash, data, privateKey);
  if (alg.startsWith("PS")) {
    return sign(hash, data, {
      key: privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    });
  }
  if (alg.startsWith("ES")) return sign(hash, data, { key: privateKey, dsaEncoding: "ieee-p1363" });
  throw new TypeError(`Unsupported signing algorithm: ${alg}`);
}

function toBytes(value: string | Buffer | Uint8Array): Uint8Array {
  return typeof value === "string" ? encoder.encode(value) : new Uint8Array(value);
}
