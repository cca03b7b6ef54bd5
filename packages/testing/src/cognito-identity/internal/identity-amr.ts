import type { IdentityPoolConfig } from "../identity-pool-config.js";
import type { Identity } from "./identity-registry.js";

/**
 * The `amr` Cognito writes in an identity's OpenID token: `unauthenticated`, or `authenticated`
 * followed by each login as `{provider}` and `{provider}:CognitoSignIn:{sub}` (user pools),
 * `{provider}:OpenIdConnect:{sub}` (OIDC) or `{provider}:{identityPoolId}:{userId}` (developer).
 * @internal
 */
export function amrOf(pool: IdentityPoolConfig, identity: Identity): string[] {
  if (identity.logins.size === 0) return ["unauthenticated"];
  const amr = ["authenticated"];
  for (const login of identity.logins) {
    const split = login.indexOf("|");
    const key = login.slice(0, split);
    const subject = login.slice(split + 1);
    amr.push(key);
    if (key === pool.developerProviderName) amr.push(`${key}:${pool.identityPoolId}:${subject}`);
    else if (key.startsWith("cognito-idp.")) amr.push(`${key}:CognitoSignIn:${subject}`);
    else amr.push(`${key}:OpenIdConnect:${subject}`);
  }
  return amr;
}

/**
 * `requestContext.identity.cognitoAuthenticationProvider` for credentials issued with this `amr`:
 * the providers of the `amr` joined by `,`, e.g.
 * `cognito-idp.us-east-1.amazonaws.com/us-east-1_X,cognito-idp.us-east-1.amazonaws.com/us-east-1_X:CognitoSignIn:{sub}`;
 * `null` for a guest.
 * @internal
 */
export function authenticationProviderOf(amr: readonly string[]): string | null {
  const providers = amr.filter((entry) => entry !== "authenticated" && entry !== "unauthenticated");
  return providers.length === 0 ? null : providers.join(",");
}
