/**
 * The `www-authenticate` header an HTTP API JWT authorizer sends with its 401s.
 * @internal
 * @packageDocumentation
 */

/**
 * Descriptions by the verifier's error `code` (`AuthorizerError` of `@gatehouse/authorizer`).
 * AWS documents `the token does not have a valid audience`; the others follow its wording. Fixed
 * strings only: nothing from the token or the error message reaches the header.
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  missing_token: "the token is missing",
  malformed_token: "the token is malformed",
  token_too_large: "the token is malformed",
  unsupported_algorithm: "the token's signing algorithm is not supported",
  forbidden_header: "the token is malformed",
  invalid_signature: "the token's signature is invalid",
  unknown_key: "the token's signing key is not known",
  token_expired: "the token has expired",
  token_not_yet_valid: "the token is not valid yet",
  token_too_old: "the token has expired",
  invalid_issuer: "the token does not have a valid issuer",
  invalid_audience: "the token does not have a valid audience",
  missing_claim: "the token is missing a required claim",
  invalid_token_use: "the token is not valid for this API",
  invalid_typ: "the token is not valid for this API",
};

/** @internal The header value for a refused token, from the verifier's error (or its absence). */
export function wwwAuthenticate(error: unknown): string {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const description =
    error === undefined
      ? "the token is missing"
      : ((typeof code === "string" ? DESCRIPTIONS[code] : undefined) ?? "the token is invalid");
  return `Bearer scope="" error="invalid_token" error_description="${description}"`;
}
