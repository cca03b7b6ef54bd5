import {
  type CognitoIdentity,
  cognitoAssumeRoleContext,
  evaluateTrustPolicy,
} from "@gatehouse/policy";
import { COGNITO_FEDERATED_PRINCIPAL, type KnownRole } from "./role-catalog.js";

/** What STS reads from an identity pool's OpenID token: condition keys `cognito-identity.amazonaws.com:{aud,amr,sub}`. @internal */
export interface WebIdentityClaims {
  aud: string;
  amr: readonly string[];
  sub: string;
}

/** The identity an OpenID token's `aud`/`amr`/`sub` describe, with the session tags asked for. */
function identityOf(
  claims: WebIdentityClaims,
  principalTags: Readonly<Record<string, string>>,
): CognitoIdentity {
  return {
    identityPoolId: claims.aud,
    identityId: claims.sub,
    authenticated: claims.amr.includes("authenticated"),
    providers: claims.amr.filter(
      (entry) => entry !== "authenticated" && entry !== "unauthenticated",
    ),
    principalTags,
  };
}

/**
 * Whether the role's trust policy lets the identity pool's token assume it with every one of
 * `actions` (`sts:AssumeRoleWithWebIdentity`, plus `sts:TagSession` when tags are set), as STS
 * checks it: `evaluateTrustPolicy` of `@gatehouse/policy` with the caller
 * `Federated: cognito-identity.amazonaws.com` and the condition keys of
 * `cognitoAssumeRoleContext` (`aud`, `sub`, multi-valued `amr`, `aws:RequestTag/*`, `aws:TagKeys`).
 * A malformed trust policy trusts no one.
 * @internal
 */
export function trustAllows(
  role: KnownRole,
  claims: WebIdentityClaims,
  actions: readonly string[],
  principalTags: Readonly<Record<string, string>> = {},
): boolean {
  let context: ReturnType<typeof cognitoAssumeRoleContext>;
  try {
    context = cognitoAssumeRoleContext(identityOf(claims, principalTags));
  } catch {
    return false;
  }
  return actions.every(
    (action) =>
      evaluateTrustPolicy(role.trustPolicy, {
        action,
        principal: { federated: COGNITO_FEDERATED_PRINCIPAL },
        roleArn: role.arn,
        context,
      }).decision === "allow",
  );
}
