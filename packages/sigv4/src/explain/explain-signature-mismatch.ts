import type { SignedRequest, SigningDetails } from "../sign-request.js";
import { headerHint } from "./internal/header-hint.js";
import { methodHint } from "./internal/method-hint.js";
import { parseCanonical } from "./internal/parse-canonical.js";
import { pathHint } from "./internal/path-hint.js";
import { payloadHint } from "./internal/payload-hint.js";
import { queryHint } from "./internal/query-hint.js";
import {
  extractServerStrings,
  signingDetailsOf,
  unparseable,
} from "./internal/read-server-strings.js";
import { fillRedactedToken, redactText, tokensOf } from "./internal/redact-tokens.js";
import { stringToSignHint } from "./internal/string-to-sign-hint.js";
import { summarise } from "./internal/summarise.js";

/** One part of the canonical request (or the string to sign) where the server and you disagree. */
export interface SignatureMismatchDifference {
  part:
    | "method"
    | "path"
    | "query"
    | "headers"
    | "signed-headers"
    | "payload-hash"
    | "string-to-sign";
  /** What API Gateway computed (session tokens redacted). For `headers`: `name:value`. */
  expected: string;
  /** What you signed (session tokens redacted). */
  actual: string;
}

/** The result of {@link explainSignatureMismatch}. Safe to log: session tokens are redacted. */
export interface SignatureMismatchExplanation {
  /** The canonical request API Gateway computed, session token redacted. */
  expectedCanonicalRequest: string;
  /** The string to sign API Gateway computed, when the body had it. */
  expectedStringToSign: string | undefined;
  /** Every difference, in canonical-request order (`headers` once per differing header). */
  differences: SignatureMismatchDifference[];
  /** One paragraph for a human: what differs and the usual cause. */
  summary: string;
}

/**
 * Explains API Gateway's `403 The request signature we calculated does not match the signature you
 * provided`: the response body carries the canonical request and string to sign the server
 * computed; this compares them with what you signed and says, part by part, what differs and why
 * that usually happens (path encoded once too few or too many times, a header changed by a proxy
 * or the HTTP client, a body re-serialised after signing, a wrong region...). When nothing differs
 * the secret access key is wrong.
 *
 * Session tokens (`x-amz-security-token` header, `X-Amz-Security-Token` query parameter) are
 * redacted everywhere in the result, so it can be logged.
 *
 * @param responseBody - The 403 body: API Gateway's JSON `{"message": ...}`, or the message text.
 * @param signed - What `signRequest` returned for that request, or its `signing` details.
 * @returns The server's canonical request, the differences and a one-paragraph summary.
 * @throws SigV4Error `signature_mismatch_unparseable` when the body has no canonical string.
 * @throws TypeError when `responseBody` is not a string or `signed` has no canonical request.
 * @example
 * ```ts
 * const signed = await signRequest(request, { credentials });
 * const response = await fetch(signed.url, signed);
 * if (response.status === 403) {
 *   console.log(explainSignatureMismatch(await response.text(), signed).summary);
 * }
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html
 */
export function explainSignatureMismatch(
  responseBody: string,
  signed: SignedRequest | SigningDetails,
): SignatureMismatchExplanation {
  if (typeof responseBody !== "string") {
    throw new TypeError("explainSignatureMismatch: responseBody must be a string");
  }
  const details = signingDetailsOf(signed);
  const server = extractServerStrings(responseBody);
  const expected = parseCanonical(server.canonicalRequest);
  if (expected === undefined) throw unparseable();
  const actual = parseCanonical(details.canonicalRequest);
  if (actual === undefined) {
    throw new TypeError(
      "explainSignatureMismatch: signed.canonicalRequest is not a canonical request",
    );
  }

  fillRedactedToken(expected, actual);
  const secrets = new Set([expected, actual].flatMap(tokensOf).filter((token) => token.length > 0));
  const redact = (text: string) => redactText(text, secrets);

  const differences: SignatureMismatchDifference[] = [];
  const hints: string[] = [];
  const add = (part: SignatureMismatchDifference["part"], e: string, a: string, hint: string) => {
    differences.push({ part, expected: redact(e), actual: redact(a) });
    hints.push(redact(hint));
  };

  if (expected.method !== actual.method) {
    add("method", expected.method, actual.method, methodHint(expected.method, actual.method));
  }
  if (expected.path !== actual.path) {
    add("path", expected.path, actual.path, pathHint(expected.path, actual.path));
  }
  if (expected.query !== actual.query) {
    add("query", expected.query, actual.query, queryHint(expected.query, actual.query));
  }
  for (const name of [...new Set([...expected.headers.keys(), ...actual.headers.keys()])].sort()) {
    const e = expected.headers.get(name);
    const a = actual.headers.get(name);
    if (e === a) continue;
    add(
      "headers",
      e === undefined ? "(not signed)" : `${name}:${e}`,
      a === undefined ? "(not signed)" : `${name}:${a}`,
      headerHint(name, e, a),
    );
  }
  if (expected.signedHeaders !== actual.signedHeaders) {
    add(
      "signed-headers",
      expected.signedHeaders,
      actual.signedHeaders,
      `The server read SignedHeaders=${expected.signedHeaders} from the Authorization header but the details you passed list ${actual.signedHeaders}: the Authorization header was changed after signing, or these details belong to another request.`,
    );
  }
  if (expected.payloadHash !== actual.payloadHash) {
    add(
      "payload-hash",
      expected.payloadHash,
      actual.payloadHash,
      payloadHint(expected.payloadHash, actual.payloadHash),
    );
  }
  const canonicalDiffers = differences.length > 0;
  if (server.stringToSign !== undefined) {
    const hint = stringToSignHint(server.stringToSign, details.stringToSign, canonicalDiffers);
    if (hint !== undefined) {
      add("string-to-sign", server.stringToSign, details.stringToSign, hint);
    }
  }

  return {
    expectedCanonicalRequest: redact(server.canonicalRequest),
    expectedStringToSign: server.stringToSign,
    differences,
    summary: redact(summarise(differences.length, canonicalDiffers, hints, server.stringToSign)),
  };
}
