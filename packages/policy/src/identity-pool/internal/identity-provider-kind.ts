/**
 * What kind of identity provider a `Logins` key names, which decides the default principal-tag
 * mapping and how role mappings are looked up.
 *
 * @internal
 * @packageDocumentation
 */

/** @internal */
export type IdentityProviderKind = "user_pool" | "oidc" | "saml" | "social" | "developer";

const USER_POOL = /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[\w-]+_[0-9a-zA-Z]+(:[\w+]+)?$/;
const SOCIAL = new Set([
  "graph.facebook.com",
  "www.amazon.com",
  "api.twitter.com",
  "www.digits.com",
]);

/** @internal The kind of a provider key such as `cognito-idp.us-east-1.amazonaws.com/us-east-1_abc`. */
export function identityProviderKind(provider: string): IdentityProviderKind {
  if (USER_POOL.test(provider)) return "user_pool";
  if (/^arn:[a-z-]+:iam::\d{12}:saml-provider\//.test(provider)) return "saml";
  if (provider === "cognito-identity.amazonaws.com") return "developer";
  if (SOCIAL.has(provider)) return "social";
  return "oidc";
}

/** @internal The `Logins` key of an issuer claim: `https://cognito-idp...` -> `cognito-idp...`. */
export function providerOfIssuer(issuer: unknown): string | undefined {
  if (typeof issuer !== "string" || !issuer.startsWith("https://")) return undefined;
  const host = issuer.slice("https://".length).replace(/\/$/, "");
  return host === "" ? undefined : host;
}

/** SAML attribute names of the default principal tags. */
const SAML_NAME_ID = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";
const SAML_NAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";

/**
 * @internal Default principal tags (tag key -> claim) of a provider kind, or undefined where we
 * model none (social providers with access tokens, developer identities).
 */
export function defaultPrincipalTags(
  kind: IdentityProviderKind,
): Readonly<Record<string, string>> | undefined {
  switch (kind) {
    case "user_pool":
    case "oidc":
      return { username: "sub", client: "aud" };
    case "saml":
      return { username: SAML_NAME_ID, client: SAML_NAME };
    default:
      return undefined;
  }
}
