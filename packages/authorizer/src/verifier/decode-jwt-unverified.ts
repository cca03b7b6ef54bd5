import { DEFAULT_MAX_TOKEN_BYTES, splitJwt } from "./internal/decode-jwt.js";

/** A JWT's header and claims as decoded by {@link decodeJwtUnverified}: NOT verified. */
export interface UnverifiedJwt {
  /** The JOSE header, parsed as JSON; no member's type is checked. */
  header: Record<string, unknown>;
  /** The payload, parsed as JSON; anyone can write these claims. */
  claims: Record<string, unknown>;
}

/** Options of {@link decodeJwtUnverified}. */
export interface DecodeJwtUnverifiedOptions {
  /**
   * Longest token accepted, in characters; longer ones throw `token_too_large`.
   * @default 8192
   */
  maxTokenBytes?: number;
}

/**
 * Decodes a compact JWT's header and claims WITHOUT verifying anything: not the signature, not the
 * issuer, audience or expiry. For display and routing only (for example to pick an issuer's
 * verifier by `iss` before verifying, or to show a token in a CLI); never authorize on the result.
 * Use a verifier ({@link jwtVerifier}, {@link cognitoVerifier}) to trust a token.
 *
 * Only the structure is checked: three base64url segments whose first two are UTF-8 JSON objects.
 * The signature is never decoded or returned. Error messages never contain the token.
 *
 * @param token - The compact JWS (`header.payload.signature`), without a `Bearer ` prefix.
 * @param options - `maxTokenBytes`, 8 KB by default.
 * @returns The parsed header and claims.
 * @throws {@link AuthorizerError} `malformed_token` when the token is not a JWS of JSON objects,
 * `token_too_large` when it is longer than `maxTokenBytes`.
 * @example
 * ```ts
 * import { decodeJwtUnverified } from "@gatehouse/authorizer";
 *
 * const { header, claims } = decodeJwtUnverified(token);
 * console.log(header.kid, claims.iss); // untrusted: for display only
 * ```
 */
export function decodeJwtUnverified(
  token: string,
  options: DecodeJwtUnverifiedOptions = {},
): UnverifiedJwt {
  const { header, claims } = splitJwt(token, options.maxTokenBytes ?? DEFAULT_MAX_TOKEN_BYTES);
  return { header, claims };
}
