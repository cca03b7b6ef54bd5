import { IdentityPoolError } from "../errors.js";

const USER_POOL =
  /^cognito-idp\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com(?:\.cn)?\/([a-z]{2}(?:-[a-z]+)+-\d{1,2})_[0-9a-z]+$/i;
const SAML = /^arn:aws[a-z-]*:iam::\d{12}:saml-provider\/[\w+=,.@-]+$/;
/** An OIDC provider: the issuer without `https://`, i.e. a host name, optional port and path. */
const OIDC = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d+)?(?:\/[^\s?#]*)?$/i;

/**
 * @internal Throws `invalid_logins` unless `key` is a login key Cognito accepts: a user pool
 * (`cognito-idp.{region}.amazonaws.com/{userPoolId}`, regions agreeing), a public provider, a SAML
 * provider ARN, developer identities or an OIDC provider (issuer host and path, no scheme).
 */
export function checkLoginKey(key: string): void {
  const userPool = USER_POOL.exec(key);
  // accounts.google.com, graph.facebook.com, www.amazon.com, appleid.apple.com, api.twitter.com and
  // cognito-identity.amazonaws.com (developer identities) are host names: OIDC accepts them.
  const why = userPool
    ? userPool[1] !== userPool[2] && "two regions"
    : !SAML.test(key) &&
      (/^[a-z]{2}(-[a-z]+)+-\d{1,2}_\w+$/i.test(key)
        ? `a user pool's key is cognito-idp.{region}.amazonaws.com/${key}`
        : /^https?:\/\//i.test(key)
          ? "no scheme (https://)"
          : (/^cognito-idp\./.test(key) || !OIDC.test(key)) &&
            "expected a provider name such as cognito-idp.{region}.amazonaws.com/{userPoolId}");
  if (why) {
    // Keys name providers, never users: safe to quote (bounded).
    throw new IdentityPoolError(
      "invalid_logins",
      `Invalid logins key "${key.slice(0, 200)}": ${why}`,
    );
  }
}
