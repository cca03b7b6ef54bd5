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

/**
 * Re-signs the received request with `signRequest` / `presignUrl`, the functions clients sign
 * with, from the received method, URL, signed headers, date and body and the verifier's copy of
 * the secret, so the canonical form has one home (the signer). Only the headers the client listed
 * in `SignedHeaders` go in.
 * @internal
 */
export async function recomputeSignature(
  request: VerifiableRequest,
  parsed: ParsedSignature,
  options: { secretAccessKey: string; region: string; service: string },
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
  };
  // The payload hash of the bytes received, never the client's x-amz-content-sha256 claim; for a
  // presigned URL too (the official suite's query vectors hash the body, as API Gateway does).
  const payloadHash = sha256Hex(request.body);
  if (parsed.presigned) {
    const url = await presignUrl(
      { method: request.method, url: parsed.unsignedUrl, headers },
      { ...common, payloadHash, expiresIn: parsed.expiresSeconds ?? 0 },
    );
    return {
      signature: new URL(url).searchParams.get("X-Amz-Signature") ?? "",
      signing: undefined,
    };
  }
  const signed = await signRequest(
    { method: request.method, url: parsed.unsignedUrl, headers },
    {
      ...common,
      payloadHash,
      contentSha256Header: parsed.signedHeaders.includes("x-amz-content-sha256"),
    },
  );
  const { authorization = "" } = signed.headers;
  const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? "";
  return { signature, signing: signed.signing };
}
