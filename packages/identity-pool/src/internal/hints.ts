const TRUST =
  "the identity pool's roles must trust cognito-identity.amazonaws.com for sts:AssumeRoleWithWebIdentity, with the conditions cognito-identity.amazonaws.com:aud = the identity pool id and cognito-identity.amazonaws.com:amr = authenticated (or unauthenticated for the guest role)";

/** @internal [test on "code message", hint] for the misconfigurations users hit most. */
const HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /issuer doesn't match providername/i,
    "the logins key must be the token's iss without https:// (for a user pool cognito-idp.{region}.amazonaws.com/{userPoolId}, which loginsFromIdToken(idToken) derives), and that provider must be configured on the identity pool",
  ],
  [
    /required claim: aud/i,
    'pass the user pool ID token (token_use "id", with aud), not the access token',
  ],
  [
    /unauthenticated access is not supported/i,
    "enable guest access (AllowUnauthenticatedIdentities) on the identity pool, or sign in and pass logins",
  ],
  [
    /classic\)? ?(auth)?flow/i,
    'enable the basic (classic) flow on the identity pool (AllowClassicFlow), or use flow "enhanced"',
  ],
  [
    /not from a supported provider/i,
    "add this provider (for a user pool: its id and app client id) to the identity pool's authentication providers",
  ],
  [/^InvalidIdentityPoolConfiguration|^AccessDenied.*AssumeRoleWithWebIdentity/i, TRUST],
  [/^ResourceNotFound.*IdentityPool/i, "check the identity pool id; its region prefix picks the endpoint"],
  [/expired/i, "pass a fresh token (logins values may be functions that return the current one)"],
];

/** @internal How to fix a known misconfiguration, from the error type and the service's message. */
export function hintFor(code: string, message: string): string | undefined {
  const text = `${code} ${message}`;
  return HINTS.find(([pattern]) => pattern.test(text))?.[1];
}
