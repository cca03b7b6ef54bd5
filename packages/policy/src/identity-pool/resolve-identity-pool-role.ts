import type { PolicyDocument } from "../document/policy-document.js";
import { COGNITO_UNAUTHENTICATED_SESSION_POLICY } from "./cognito-unauthenticated-session-policy.js";
import type {
  IdentityPoolRoleConfig,
  IdentityPoolRoleMapping,
} from "./identity-pool-role-config.js";
import type {
  IdentityPoolDenialReason,
  IdentityPoolErrorType,
  IdentityPoolRoleDenied,
  IdentityPoolRoleGranted,
  IdentityPoolRoleReason,
  IdentityPoolRoleResolution,
} from "./identity-pool-role-resolution.js";
import { identityProviderKind, providerOfIssuer } from "./internal/identity-provider-kind.js";
import { matchesMappingRule } from "./internal/match-mapping-rule.js";
import { principalTagsFor } from "./internal/principal-tags-for.js";
import { parseIdentityPoolRoleConfig } from "./parse-identity-pool-role-config.js";

/** Options of {@link resolveIdentityPoolRole}. */
export interface ResolveIdentityPoolRoleOptions {
  /** `CustomRoleArn` of `GetCredentialsForIdentity`: with a `Token` mapping, must be one of `cognito:roles`. */
  customRoleArn?: string;
  /**
   * The provider the identity signed in with: its `Logins` key
   * (`cognito-idp.{region}.amazonaws.com/{userPoolId}`, `accounts.google.com`, a SAML provider
   * ARN...).
   * @default the `iss` claim without `https://`
   */
  provider?: string;
  /**
   * The session policy Cognito adds to guest credentials (enhanced flow); `null` for none.
   * @default COGNITO_UNAUTHENTICATED_SESSION_POLICY
   */
  guestSessionPolicy?: PolicyDocument | null;
}

/** The claims of the identity's token (ID token, SAML attributes); `null`/`undefined` for a guest. */
export type IdentityPoolClaims = Readonly<Record<string, unknown>> | null | undefined;

const MAX_TAG_VALUE = 256;

/**
 * Resolves the IAM role `GetCredentialsForIdentity` (enhanced flow) hands an identity, as Cognito
 * does: guests get the unauthenticated role (with AWS's scope-down session policy); signed-in
 * identities get the role mapping of their provider (`Token`: `CustomRoleArn` if listed in
 * `cognito:roles`, else `cognito:preferred_role`, else a single `cognito:roles` entry; `Rules`:
 * the first matching rule in order), then `ambiguousRoleResolution`, or the default
 * authenticated role without a mapping; principal tags come from the provider's tag mapping.
 * A refusal carries the service's error type (`NotAuthorizedException`,
 * `InvalidIdentityPoolConfigurationException`).
 *
 * @param config - The pool's role configuration (checked by {@link parseIdentityPoolRoleConfig}).
 * @param claims - The token's claims, or `null`/`undefined` for a guest.
 * @param options - `customRoleArn`, `provider`, `guestSessionPolicy`.
 * @returns The role with its reason and principal tags, or the refusal.
 * @throws PolicyError `invalid_identity_pool_config`, `invalid_role_mapping` or
 * `invalid_principal_tag_mapping` for a configuration Cognito would not save; TypeError for
 * claims or options of the wrong type.
 * @example
 * ```ts
 * const result = resolveIdentityPoolRole(
 *   {
 *     identityPoolId: "us-east-1:12345678-1234-1234-1234-123456789012",
 *     roles: { authenticated: "arn:aws:iam::123456789012:role/app-auth" },
 *     roleMappings: {
 *       "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:app-client": {
 *         type: "Rules",
 *         ambiguousRoleResolution: "Deny",
 *         rulesConfiguration: {
 *           rules: [{ claim: "custom:dept", matchType: "Equals", value: "sales", roleArn: "arn:aws:iam::123456789012:role/sales" }],
 *         },
 *       },
 *     },
 *   },
 *   { iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi", aud: "app-client", sub: "u-1", "custom:dept": "sales" },
 * );
 * if (result.outcome === "role") result.roleArn; // "arn:aws:iam::123456789012:role/sales"
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html
 */
export function resolveIdentityPoolRole(
  config: IdentityPoolRoleConfig,
  claims: IdentityPoolClaims,
  options: ResolveIdentityPoolRoleOptions = {},
): IdentityPoolRoleResolution {
  const pool = parseIdentityPoolRoleConfig(config);
  checkArguments(claims, options);
  if (claims === null || claims === undefined) return resolveGuest(pool, options);

  const provider = options.provider ?? providerOfIssuer(claims["iss"]);
  const mapping = provider === undefined ? undefined : mappingFor(pool, provider, claims);
  const chosen =
    mapping === undefined
      ? resolveDefault(pool, options)
      : resolveMapped(pool, mapping, claims, options);
  const withProvider = provider === undefined ? chosen : { ...chosen, provider };
  if (withProvider.outcome === "denied") return withProvider;

  const tags = provider === undefined ? {} : principalTagsFor(pool, provider, claims);
  for (const [key, value] of Object.entries(tags)) {
    if (value.length > MAX_TAG_VALUE) {
      return denied(
        "principal_tag_value_too_long",
        "InvalidIdentityPoolConfigurationException",
        `principal tag ${JSON.stringify(key)} maps a claim value of ${value.length} characters; STS accepts session tag values of at most ${MAX_TAG_VALUE}`,
        provider,
      );
    }
  }
  return { ...withProvider, principalTags: Object.freeze(tags) };
}

type Chosen = Omit<IdentityPoolRoleGranted, "principalTags"> | IdentityPoolRoleDenied;

function resolveGuest(
  pool: IdentityPoolRoleConfig,
  options: ResolveIdentityPoolRoleOptions,
): IdentityPoolRoleResolution {
  if (pool.allowUnauthenticatedIdentities === false) {
    return denied(
      "unauthenticated_not_allowed",
      "NotAuthorizedException",
      "Unauthenticated access is not supported for this identity pool.",
    );
  }
  if (options.customRoleArn !== undefined) {
    return denied(
      "custom_role_without_token_mapping",
      "NotAuthorizedException",
      "CustomRoleArn applies to signed-in identities with a Token role mapping only.",
    );
  }
  const roleArn = pool.roles.unauthenticated;
  if (roleArn === undefined) {
    return denied(
      "no_unauthenticated_role",
      "InvalidIdentityPoolConfigurationException",
      "Invalid identity pool configuration. Check assigned IAM roles for this pool (no unauthenticated role).",
    );
  }
  const sessionPolicy =
    options.guestSessionPolicy === undefined
      ? COGNITO_UNAUTHENTICATED_SESSION_POLICY
      : options.guestSessionPolicy;
  return {
    outcome: "role",
    roleArn,
    reason: "unauthenticated_role",
    authenticated: false,
    principalTags: Object.freeze({}),
    ...(sessionPolicy === null ? {} : { sessionPolicy }),
  };
}

function resolveDefault(
  pool: IdentityPoolRoleConfig,
  options: ResolveIdentityPoolRoleOptions,
): Chosen {
  if (options.customRoleArn !== undefined) {
    return denied(
      "custom_role_without_token_mapping",
      "NotAuthorizedException",
      "CustomRoleArn applies to identities whose provider has a Token role mapping.",
    );
  }
  return authenticatedRole(pool, "default_authenticated_role");
}

function resolveMapped(
  pool: IdentityPoolRoleConfig,
  mapping: { key: string; mapping: IdentityPoolRoleMapping },
  claims: Readonly<Record<string, unknown>>,
  options: ResolveIdentityPoolRoleOptions,
): Chosen {
  const { type, rulesConfiguration } = mapping.mapping;
  if (type === "Token") {
    const roles = tokenRoles(claims["cognito:roles"]);
    if (options.customRoleArn !== undefined) {
      return roles.includes(options.customRoleArn)
        ? granted(options.customRoleArn, "custom_role_arn")
        : denied(
            "custom_role_not_in_token",
            "NotAuthorizedException",
            "The requested CustomRoleArn is not one of the roles in the token's cognito:roles claim.",
          );
    }
    const preferred = claims["cognito:preferred_role"];
    if (typeof preferred === "string" && preferred !== "")
      return granted(preferred, "token_preferred_role");
    const [only] = roles;
    if (roles.length === 1 && only !== undefined) return granted(only, "token_single_role");
  } else {
    if (options.customRoleArn !== undefined) {
      return denied(
        "custom_role_without_token_mapping",
        "NotAuthorizedException",
        "CustomRoleArn applies to identities whose provider has a Token role mapping.",
      );
    }
    const rules = rulesConfiguration?.rules ?? [];
    const index = rules.findIndex((rule) => matchesMappingRule(rule, claims));
    const rule = rules[index];
    if (rule !== undefined) return { ...granted(rule.roleArn, "rule_matched"), ruleIndex: index };
  }
  if (mapping.mapping.ambiguousRoleResolution === "AuthenticatedRole") {
    return authenticatedRole(pool, "ambiguous_authenticated_role");
  }
  return denied(
    "ambiguous_role_denied",
    "NotAuthorizedException",
    `The ambiguous role mapping rules for: ${mapping.key} denied this request.`,
  );
}

function authenticatedRole(pool: IdentityPoolRoleConfig, reason: IdentityPoolRoleReason): Chosen {
  const roleArn = pool.roles.authenticated;
  return roleArn === undefined
    ? denied(
        "no_authenticated_role",
        "InvalidIdentityPoolConfigurationException",
        "Invalid identity pool configuration. Check assigned IAM roles for this pool (no authenticated role).",
      )
    : granted(roleArn, reason);
}

/** The role mapping of `provider`; a user pool's mapping is keyed `{provider}:{appClientId}`. */
function mappingFor(
  pool: IdentityPoolRoleConfig,
  provider: string,
  claims: Readonly<Record<string, unknown>>,
): { key: string; mapping: IdentityPoolRoleMapping } | undefined {
  const names = [provider];
  if (identityProviderKind(provider) === "user_pool" && typeof claims["aud"] === "string") {
    names.unshift(`${provider}:${claims["aud"]}`);
  }
  for (const name of names) {
    for (const [key, mapping] of Object.entries(pool.roleMappings ?? {})) {
      if ((mapping.identityProvider ?? key) === name) return { key: name, mapping };
    }
  }
  return undefined;
}

function tokenRoles(claim: unknown): string[] {
  if (typeof claim === "string") return claim === "" ? [] : [claim];
  return Array.isArray(claim)
    ? claim.filter((v): v is string => typeof v === "string" && v !== "")
    : [];
}

function granted(
  roleArn: string,
  reason: IdentityPoolRoleReason,
): Omit<IdentityPoolRoleGranted, "principalTags"> {
  return { outcome: "role", roleArn, reason, authenticated: true };
}

function denied(
  reason: IdentityPoolDenialReason,
  errorType: IdentityPoolErrorType,
  message: string,
  provider?: string,
): IdentityPoolRoleDenied {
  return {
    outcome: "denied",
    reason,
    errorType,
    message,
    ...(provider === undefined ? {} : { provider }),
  };
}

function checkArguments(claims: unknown, options: unknown): void {
  if (
    claims !== null &&
    claims !== undefined &&
    (typeof claims !== "object" || Array.isArray(claims))
  ) {
    throw new TypeError(
      "resolveIdentityPoolRole: claims must be an object of token claims, or null/undefined for a guest",
    );
  }
  if (typeof options !== "object" || options === null) {
    throw new TypeError("resolveIdentityPoolRole: options must be an object");
  }
  const { customRoleArn, provider, guestSessionPolicy } = options as Record<string, unknown>;
  if (customRoleArn !== undefined && typeof customRoleArn !== "string") {
    throw new TypeError("resolveIdentityPoolRole: options.customRoleArn must be a role ARN string");
  }
  if (provider !== undefined && (typeof provider !== "string" || provider === "")) {
    throw new TypeError("resolveIdentityPoolRole: options.provider must be a non-empty Logins key");
  }
  if (
    guestSessionPolicy !== undefined &&
    guestSessionPolicy !== null &&
    typeof guestSessionPolicy !== "object"
  ) {
    throw new TypeError(
      "resolveIdentityPoolRole: options.guestSessionPolicy must be a policy document or null",
    );
  }
}
