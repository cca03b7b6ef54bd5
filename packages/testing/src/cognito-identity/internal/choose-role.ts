import { type PolicyDocument, resolveIdentityPoolRole } from "@gatehouse/policy";
import type { IdentityPoolConfig } from "../identity-pool-config.js";
import { amrOf } from "./identity-amr.js";
import type { Identity } from "./identity-registry.js";
import type { ValidLogin } from "./login-validator.js";
import { allowsGuests, attachmentOf } from "./pool-attachment.js";
import type { KnownRole } from "./role-catalog.js";
import type { ServerContext } from "./server-context.js";
import { invalidParameter, notAuthorized, ServiceError } from "./service-error.js";
import { trustAllows } from "./trust-check.js";

/** AWS's words for a role Cognito cannot hand out (none configured, unknown, or not trusting the pool). */
const INVALID_CONFIGURATION =
  "Invalid identity pool configuration. Check assigned IAM roles for this pool.";

/** The role `GetCredentialsForIdentity` issues credentials for, and the session's extras. @internal */
export interface ChosenRole {
  role: KnownRole;
  amr: string[];
  principalTags: Readonly<Record<string, string>>;
  sessionPolicy?: PolicyDocument | undefined;
}

function invalidConfiguration(): ServiceError {
  return new ServiceError("InvalidIdentityPoolConfigurationException", INVALID_CONFIGURATION);
}

/** The login whose token decides the role: the first of the call that is not the server's own token. */
function decidingLogin(logins: ReadonlyArray<ValidLogin>): ValidLogin | undefined {
  return logins.find((login) => !login.ownToken) ?? logins[0];
}

/** Pools configured the older way keep their `customRoleArns` semantics. */
function legacyCustomRole(pool: IdentityPoolConfig, customRoleArn: string): string {
  if (customRoleArn === pool.authenticatedRoleArn) return customRoleArn;
  if (pool.customRoleArns?.includes(customRoleArn) === true) return customRoleArn;
  throw invalidParameter("Invalid CustomRoleArn: the role is not available to this identity.");
}

/**
 * Chooses the role of an enhanced-flow (`GetCredentialsForIdentity`) call as Cognito does, with
 * `resolveIdentityPoolRole` of `@gatehouse/policy`, then has STS check the role's trust policy
 * against the OpenID token Cognito would present (`aud` = pool, `amr`, `sub` = identity id;
 * `sts:TagSession` too when principal tags are mapped). Refusals carry AWS's error types:
 * `NotAuthorizedException` (ambiguous role with `Deny`, a `CustomRoleArn` not in
 * `cognito:roles`), `InvalidIdentityPoolConfigurationException` (no role, an unknown role, a trust
 * policy that does not let the pool in).
 * @internal
 */
export function chooseRole(
  context: ServerContext,
  pool: IdentityPoolConfig,
  identity: Identity,
  logins: ReadonlyArray<ValidLogin>,
  customRoleArn: string | undefined,
): ChosenRole {
  const guest = identity.logins.size === 0;
  const login = guest ? undefined : decidingLogin(logins);
  let roleArn: string;
  let principalTags: Readonly<Record<string, string>> = {};
  let sessionPolicy: PolicyDocument | undefined;
  if (pool.roleAttachment === undefined && customRoleArn !== undefined && !guest) {
    roleArn = legacyCustomRole(pool, customRoleArn);
  } else {
    const resolution = resolveIdentityPoolRole(
      { ...attachmentOf(pool), allowUnauthenticatedIdentities: allowsGuests(pool) },
      login?.claims ?? (guest ? null : {}),
      {
        ...(customRoleArn === undefined ? {} : { customRoleArn }),
        ...(login === undefined ? {} : { provider: login.key }),
        ...(context.guestSessionPolicy === undefined
          ? {}
          : { guestSessionPolicy: context.guestSessionPolicy }),
      },
    );
    if (resolution.outcome === "denied") {
      if (resolution.errorType === "InvalidIdentityPoolConfigurationException") {
        throw invalidConfiguration();
      }
      throw notAuthorized(resolution.message);
    }
    roleArn = resolution.roleArn;
    principalTags = resolution.principalTags;
    sessionPolicy = resolution.sessionPolicy;
  }
  const role = context.roles.get(roleArn);
  if (role === undefined) throw invalidConfiguration();
  const amr = amrOf(pool, identity);
  const tagged = Object.keys(principalTags).length > 0;
  const actions = tagged
    ? ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
    : ["sts:AssumeRoleWithWebIdentity"];
  if (
    !trustAllows(role, { aud: pool.identityPoolId, amr, sub: identity.id }, actions, principalTags)
  ) {
    throw invalidConfiguration();
  }
  return { role, amr, principalTags, ...(sessionPolicy === undefined ? {} : { sessionPolicy }) };
}
