import { IdentityPoolError } from "../errors.js";
import { checkLoginKey } from "../internal/check-login-key.js";
import { decodeJwtPayload } from "../internal/decode-jwt-payload.js";

/**
 * The `logins` map for an ID token: `{ [iss without "https://"]: idToken }`. For a Cognito user
 * pool that key is `cognito-idp.{region}.amazonaws.com/{userPoolId}`; for Google
 * `accounts.google.com`; for any other OIDC provider its issuer host and path. The token is decoded,
 * not verified: Cognito verifies it.
 *
 * An access token is refused: identity pools need the ID token, and Cognito would answer
 * "Invalid login token. Missing a required claim: aud".
 *
 * @param idToken - The ID token (a JWT) from the sign-in.
 * @returns `{ [loginKey]: idToken }`, ready for `createIdentityPoolClient({ logins })`.
 * @throws IdentityPoolError `misconfiguration` for an access token (`token_use: "access"` or no
 *   `aud`), `invalid_logins` for something that is not a JWT, has no `https://` issuer, or an
 *   issuer that is not a valid login key. Messages never quote the token.
 * @example
 * ```ts
 * const client = createIdentityPoolClient({
 *   identityPoolId: "eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11",
 *   logins: loginsFromIdToken(session.idToken),
 * });
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-integrating-user-pools-with-identity-pools.html
 */
export function loginsFromIdToken(idToken: string): Record<string, string> {
  if (typeof idToken !== "string") {
    throw new TypeError("loginsFromIdToken: idToken must be a string");
  }
  const claims = decodeJwtPayload(idToken);
  if (claims === undefined) {
    throw new IdentityPoolError("invalid_logins", "loginsFromIdToken: idToken is not a JWT");
  }
  if (claims.token_use === "access" || claims.aud === undefined) {
    throw new IdentityPoolError(
      "misconfiguration",
      'loginsFromIdToken: an access token (no aud); Cognito answers "Missing a required claim: aud"',
      { hint: "pass the ID token, not the access token" },
    );
  }
  const iss = claims.iss;
  if (typeof iss !== "string" || !iss.startsWith("https://")) {
    throw new IdentityPoolError("invalid_logins", "loginsFromIdToken: no https:// iss");
  }
  const key = iss.slice("https://".length);
  checkLoginKey(key);
  return { [key]: idToken };
}
