const TRUST =
  "the pool's roles must trust cognito-identity.amazonaws.com (sts:AssumeRoleWithWebIdentity) with conditions cognito-identity.amazonaws.com:aud = the pool id and cognito-identity.amazonaws.com:amr = authenticated (guest role: unauthenticated)";

/** @internal [test on "code message", hint] for the misconfigurations users hit most. */
const HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /issuer doesn't match providername/i,
    "the logins key must be the token's iss without https:// (use loginsFromIdToken) and a provider of the pool",
  ],
  [/required claim: aud/i, "pass the ID token, not the access token"],
  [
    /unauthenticated access is not supported/i,
    "enable guest access (AllowUnauthenticatedIdentities) or pass logins",
  ],
  [/classic\)? ?(auth)?flow/i, 'enable AllowClassicFlow on the pool or use flow "enhanced"'],
  [
    /not from a supported provider/i,
    "add this provider (user pool id + app client id) to the pool's authentication providers",
  ],
  [/^InvalidIdentityPoolConfiguration|^AccessDenied.*AssumeRoleWithWebIdentity/i, TRUST],
  [/^ResourceNotFound.*IdentityPool/i, "check the identity pool id"],
  [/expired/i, "pass a fresh token (a logins function)"],
];

/** @internal How to fix a known misconfiguration, from the error type and the service's message. */
export function hintFor(code: string, message: string): string | undefined {
  const text = `${code} ${message}`;
  return HINTS.find(([pattern]) => pattern.test(text))?.[1];
}
