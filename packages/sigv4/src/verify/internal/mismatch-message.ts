import type { SigningDetails } from "../../sign-request.js";

const PREFIX =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/**
 * API Gateway's signature-mismatch text, with the canonical request and string to sign the verifier
 * computed (the part `explainSignatureMismatch` parses). The session token is redacted.
 * @internal
 */
export function mismatchMessage(signing: SigningDetails | undefined): string {
  if (signing === undefined) return PREFIX;
  const canonical = redact(signing.canonicalRequest);
  return `${PREFIX}\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${signing.stringToSign}'\n`;
}

/** Hides the session token: the `x-amz-security-token` header line and query parameter. */
function redact(text: string): string {
  return text
    .replace(/(^|\n)(x-amz-security-token:)[^\n]*/gi, "$1$2<redacted>")
    .replace(/((?:^|[&\n])X-Amz-Security-Token=)[^&\n]*/g, "$1<redacted>");
}
