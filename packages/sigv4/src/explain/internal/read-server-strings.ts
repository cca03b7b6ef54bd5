/**
 * Step 1: read the inputs: your signing details and the canonical request and string to sign
 * the server quoted in its 403 body.
 * @internal
 * @packageDocumentation
 */
import { SigV4Error } from "../../errors.js";
import type { SignedRequest, SigningDetails } from "../../sign-request.js";

const CANONICAL_INTRO = "The Canonical String for this request should have been\n'";
const STRING_TO_SIGN_INTRO = "'\n\nThe String-to-Sign should have been\n'";

/** @internal The signing details of a `SignedRequest`, or the details themselves; `TypeError` otherwise. */
export function signingDetailsOf(signed: SignedRequest | SigningDetails): SigningDetails {
  const details =
    typeof signed === "object" && signed !== null && "signing" in signed ? signed.signing : signed;
  if (
    typeof details !== "object" ||
    details === null ||
    typeof details.canonicalRequest !== "string" ||
    typeof details.stringToSign !== "string"
  ) {
    throw new TypeError(
      "explainSignatureMismatch: signed must be a SignedRequest or its SigningDetails",
    );
  }
  return details;
}

/** @internal The error for a body without API Gateway's canonical string. */
export function unparseable(): SigV4Error {
  // Never quote the body: it holds the server's canonical request, session token included.
  return new SigV4Error(
    "signature_mismatch_unparseable",
    "explainSignatureMismatch: the response body does not contain API Gateway's canonical string (is it a signature-mismatch 403?)",
    { path: "responseBody", expected: "API Gateway's 'signature does not match' 403 body" },
  );
}

/** @internal The canonical request and string to sign quoted in API Gateway's 403 body. */
export function extractServerStrings(body: string): {
  canonicalRequest: string;
  stringToSign: string | undefined;
} {
  let text = messageOf(body).replace(/\r\n/g, "\n");
  // A message copied from a log line often keeps its JSON escapes.
  if (!text.includes(CANONICAL_INTRO) && text.includes("should have been\\n'")) {
    text = text.replace(/\\n/g, "\n").replace(/\\'/g, "'");
  }
  const start = text.indexOf(CANONICAL_INTRO);
  if (start < 0) throw unparseable();
  const from = start + CANONICAL_INTRO.length;
  const middle = text.indexOf(STRING_TO_SIGN_INTRO, from);
  if (middle < 0) {
    const end = text.lastIndexOf("'");
    if (end < from) throw unparseable();
    return { canonicalRequest: text.slice(from, end), stringToSign: undefined };
  }
  const stsFrom = middle + STRING_TO_SIGN_INTRO.length;
  const stsEnd = text.lastIndexOf("'");
  return {
    canonicalRequest: text.slice(from, middle),
    stringToSign: stsEnd > stsFrom ? text.slice(stsFrom, stsEnd) : undefined,
  };
}

/** @internal The `message` of a JSON body, or the body itself. */
export function messageOf(body: string): string {
  const trimmed = body.trim();
  if (!trimmed.startsWith("{")) return body;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (typeof parsed === "object" && parsed !== null) {
      const { message, Message } = parsed as Record<string, unknown>;
      if (typeof message === "string") return message;
      if (typeof Message === "string") return Message;
    }
  } catch {
    // Not JSON after all: read it as text.
  }
  return body;
}
