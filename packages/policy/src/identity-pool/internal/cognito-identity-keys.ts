/**
 * The `cognito-identity.amazonaws.com:*` condition keys of an identity.
 *
 * @internal
 * @packageDocumentation
 */
import type { ConditionContext } from "../../evaluate/evaluate-policy.js";
import type { CognitoIdentity } from "../cognito-identity.js";

/** @internal `aud`, `sub`, `amr` (multi-valued) and `aws:FederatedProvider`. */
export function cognitoIdentityKeys(identity: CognitoIdentity, caller: string): ConditionContext {
  if (typeof identity !== "object" || identity === null) {
    throw new TypeError(`${caller}: identity must be an object`);
  }
  const {
    identityPoolId,
    identityId,
    authenticated,
    providers = [],
    principalTags = {},
  } = identity;
  if (typeof identityPoolId !== "string" || typeof identityId !== "string") {
    throw new TypeError(
      `${caller}: identity.identityPoolId and identity.identityId must be strings`,
    );
  }
  if (typeof authenticated !== "boolean") {
    throw new TypeError(`${caller}: identity.authenticated must be true or false`);
  }
  if (!Array.isArray(providers) || providers.some((p) => typeof p !== "string")) {
    throw new TypeError(`${caller}: identity.providers must be an array of strings`);
  }
  if (
    typeof principalTags !== "object" ||
    principalTags === null ||
    Object.values(principalTags).some((v) => typeof v !== "string")
  ) {
    throw new TypeError(`${caller}: identity.principalTags must map tag keys to strings`);
  }
  return {
    "cognito-identity.amazonaws.com:aud": identityPoolId,
    "cognito-identity.amazonaws.com:sub": identityId,
    "cognito-identity.amazonaws.com:amr": authenticated
      ? ["authenticated", ...providers]
      : ["unauthenticated"],
    "aws:FederatedProvider": "cognito-identity.amazonaws.com",
  };
}
