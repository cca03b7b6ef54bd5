import type { SignedRequest } from "@gatehouse/sigv4";

/** `Signature=abc...` -> `Signature=<redacted>`. @internal */
export function redactAuthorization(value: string): string {
  return value.replace(/Signature=[0-9a-fA-F]+/g, "Signature=<redacted>");
}

/** Headers safe to print: the signature and the session token replaced. @internal */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === "authorization") safe[name] = redactAuthorization(value);
    else if (lower === "x-amz-security-token") safe[name] = "<redacted>";
    else safe[name] = value;
  }
  return safe;
}

/** The canonical request with the session token line redacted. @internal */
export function redactCanonicalRequest(signed: SignedRequest): string {
  return signed.signing.canonicalRequest.replace(
    /^x-amz-security-token:.*$/m,
    "x-amz-security-token:<redacted>",
  );
}

/** A URL with `X-Amz-Signature` / `X-Amz-Security-Token` query values replaced. @internal */
export function redactUrl(url: string): string {
  return url.replace(/([?&]X-Amz-(?:Signature|Security-Token)=)[^&]*/gi, "$1<redacted>");
}
