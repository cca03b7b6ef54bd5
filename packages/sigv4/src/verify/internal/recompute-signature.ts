import { sha256Hex } from "../../internal/sha256.js";
import { presignUrl } from "../../presign-url.js";
import { type SigningDetails, type SignOptions, signRequest } from "../../sign-request.js";
import type { VerifiableRequest } from "../verifiable-request.js";
import { headerValues } from "./header-value.js";
import type { ParsedSignature } from "./parse-signature.js";

/** The signature the verifier expects, and what went into it when the signer says so. @internal */
export interface Recomputed {
  signature: string;
  signing: SigningDetails | undefined;
}

/** Headers the signer writes itself from its inputs (date, credentials, payload hash). */
const GENERATED = new Set([
  "authorization",
  "x-amz-date",
  "x-amz-security-token",
  "x-amz-content-sha256",
]);

// scheme://authority then the request target, split without a URL parser.
const ABSOLUTE = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#]*)(.*)$/is;
const AUTHORITY = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/;

/**
 * The received request in the signer's wire form: the authority as `hostname` / `port`, the
 * request target exactly as received (a URL parser would drop dot segments and re-encode, and the
 * client may have signed the target as sent, e.g. with Node's `http.request`). Throws when the URL
 * is not absolute or carries a `#` (no client sends a fragment; it cannot have been signed).
 */
function wireForm(received: string, unsignedUrl: string) {
  if (received.includes("#")) throw new Error("a request target with '#' cannot be verified");
  const absolute = ABSOLUTE.exec(unsignedUrl);
  const authority = absolute ? AUTHORITY.exec(absolute[2] ?? "") : null;
  if (!absolute || !authority) throw new Error("the received URL has no authority");
  const target = absolute[3] ?? "";
  return {
    protocol: absolute[1],
    hostname: authority[1] ?? "",
    port: authority[2],
    path: target.startsWith("/") ? target : `/${target}`,
  };
}

/**
 * Re-signs the received request with `signRequest` / `presignUrl`, the functions clients sign
 * with, from the received method, target (as received: the wire form), signed headers, date and
 * body and the verifier's copy of the secret, so the canonical form has one home (the signer). Only
 * the headers the client listed in `SignedHeaders` go in.
 * @internal
 */
export async function recomputeSignature(
  request: VerifiableRequest,
  parsed: ParsedSignature,
  options: { secretAccessKey: string; region: string; service: string; normalizePath: boolean },
): Promise<Recomputed> {
  const headers: Array<[string, string]> = [];
  for (const name of parsed.signedHeaders) {
    if (GENERATED.has(name)) continue;
    // A repeated header goes in value by value: the signer trims each, then joins them with `,`.
    for (const value of headerValues(request.headers, name)) headers.push([name, value]);
  }
  // Sign the token only when the client did: a token sent but not signed is compared, not signed.
  const credentials: SignOptions["credentials"] = {
    accessKeyId: parsed.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    sessionToken:
      parsed.presigned || parsed.signedHeaders.includes("x-amz-security-token")
        ? parsed.sessionToken
        : undefined,
  };
  const common = {
    credentials,
    region: options.region,
    service: options.service,
    date: parsed.requestTime,
    normalizePath: options.normalizePath,
  };
  const wire = { method: request.method, ...wireForm(request.url, parsed.unsignedUrl), headers };
  // The payload hash of the bytes received, never the client's x-amz-content-sha256 claim; for a
  // presigned URL too (the official suite's query vectors hash the body, as API Gateway does).
  const payloadHash = sha256Hex(request.body);
  if (parsed.presigned) {
    const target = await presignUrl(wire, {
      ...common,
      payloadHash,
      expiresIn: parsed.expiresSeconds ?? 0,
    });
    return {
      signature: /[?&]X-Amz-Signature=([0-9a-f]+)$/.exec(target)?.[1] ?? "",
      signing: undefined,
    };
  }
  const signed = await signRequest(wire, {
    ...common,
    payloadHash,
    contentSha256Header: parsed.signedHeaders.includes("x-amz-content-sha256"),
  });
  const { authorization = "" } = signed.headers;
  const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? "";
  return { signature, signing: signed.signing };
}
