import { PolicyError, type PolicyErrorCode } from "../errors.js";
import { classifyPrincipalArn } from "../identifiers/principal-arn.js";
import type {
  IdentityPoolMappingRule,
  IdentityPoolPrincipalTagMapping,
  IdentityPoolRoleConfig,
  IdentityPoolRoleMapping,
} from "./identity-pool-role-config.js";
import { defaultPrincipalTags, identityProviderKind } from "./internal/identity-provider-kind.js";

/** At most 25 rules per identity provider (`RulesConfigurationType.Rules`). */
const MAX_RULES = 25;
/** `PrincipalTags` map: at most 50 entries, keys 1-128, values (attribute names) 1-256. */
const MAX_TAGS = 50;
const MAX_TAG_KEY = 128;
const MAX_ATTRIBUTE_NAME = 256;
/** All attribute names of one provider's mapping together, in UTF-8 bytes. */
const MAX_ATTRIBUTE_BYTES = 460;
const MATCH_TYPES = new Set(["Equals", "NotEqual", "StartsWith", "Contains"]);

/**
 * Checks an identity pool's role configuration as Cognito does when you save it
 * (`SetIdentityPoolRoles`, `SetPrincipalTagAttributeMap`) and returns a frozen copy.
 * `resolveIdentityPoolRole` calls it; call it yourself at start-up to fail early.
 *
 * @param input - The configuration, shaped as {@link IdentityPoolRoleConfig}.
 * @returns The same configuration, deeply frozen.
 * @throws PolicyError `invalid_identity_pool_config` (pool id, default role ARNs),
 * `invalid_role_mapping` (type, ambiguous resolution, 1 to 25 rules, rule fields, duplicate
 * providers), `invalid_principal_tag_mapping` (tag key over 128 characters, attribute name over
 * 256, attribute names over 460 bytes together, over 50 tags, defaults where none are modelled).
 * @example
 * ```ts
 * const config = parseIdentityPoolRoleConfig({
 *   identityPoolId: "us-east-1:12345678-1234-1234-1234-123456789012",
 *   roles: { authenticated: "arn:aws:iam::123456789012:role/app-auth" },
 * });
 * ```
 * @see https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetIdentityPoolRoles.html
 */
export function parseIdentityPoolRoleConfig(input: unknown): IdentityPoolRoleConfig {
  const config = record(input, "config", "invalid_identity_pool_config");
  const identityPoolId = config["identityPoolId"];
  if (
    typeof identityPoolId !== "string" ||
    identityPoolId.length > 55 ||
    !/^[\w-]+:[0-9a-f-]+$/.test(identityPoolId)
  ) {
    fail(
      "invalid_identity_pool_config",
      "identityPoolId",
      identityPoolId,
      "an identity pool id such as us-east-1:12345678-1234-1234-1234-123456789012",
    );
  }
  const roles = record(config["roles"] ?? {}, "roles", "invalid_identity_pool_config");
  for (const key of Object.keys(roles)) {
    if (key !== "authenticated" && key !== "unauthenticated") {
      fail(
        "invalid_identity_pool_config",
        `roles.${key}`,
        key,
        "only roles.authenticated and roles.unauthenticated",
      );
    }
    roleArn(roles[key], `roles.${key}`, "invalid_identity_pool_config");
  }
  const allow = config["allowUnauthenticatedIdentities"];
  if (allow !== undefined && typeof allow !== "boolean") {
    fail("invalid_identity_pool_config", "allowUnauthenticatedIdentities", allow, "true or false");
  }
  const roleMappings =
    config["roleMappings"] === undefined ? undefined : parseRoleMappings(config["roleMappings"]);
  const principalTags =
    config["principalTags"] === undefined ? undefined : parsePrincipalTags(config["principalTags"]);
  const parsed: IdentityPoolRoleConfig = {
    identityPoolId: identityPoolId as string,
    roles: { ...(roles as IdentityPoolRoleConfig["roles"]) },
    ...(roleMappings === undefined ? {} : { roleMappings }),
    ...(principalTags === undefined ? {} : { principalTags }),
    ...(allow === undefined ? {} : { allowUnauthenticatedIdentities: allow as boolean }),
  };
  return deepFreeze(parsed);
}

function parseRoleMappings(input: unknown): Record<string, IdentityPoolRoleMapping> {
  const mappings = record(input, "roleMappings", "invalid_role_mapping");
  const seen = new Set<string>();
  const out: Record<string, IdentityPoolRoleMapping> = {};
  for (const [key, value] of Object.entries(mappings)) {
    const path = `roleMappings.${key}`;
    const mapping = record(value, path, "invalid_role_mapping");
    if (mapping["type"] !== "Token" && mapping["type"] !== "Rules") {
      fail("invalid_role_mapping", `${path}.type`, mapping["type"], '"Token" or "Rules"');
    }
    const ambiguous = mapping["ambiguousRoleResolution"];
    if (ambiguous !== undefined && ambiguous !== "AuthenticatedRole" && ambiguous !== "Deny") {
      fail(
        "invalid_role_mapping",
        `${path}.ambiguousRoleResolution`,
        ambiguous,
        '"AuthenticatedRole" or "Deny"',
      );
    }
    const provider = mapping["identityProvider"] ?? key;
    if (typeof provider !== "string" || provider === "" || provider.length > 128) {
      fail(
        "invalid_role_mapping",
        `${path}.identityProvider`,
        provider,
        "an identity provider name of 1 to 128 characters",
      );
    }
    if (seen.has(provider as string)) {
      fail("invalid_role_mapping", path, provider, "one role mapping per identity provider");
    }
    seen.add(provider as string);
    let rules: IdentityPoolMappingRule[] | undefined;
    if (mapping["type"] === "Rules") {
      const configuration = record(
        mapping["rulesConfiguration"],
        `${path}.rulesConfiguration`,
        "invalid_role_mapping",
      );
      const list = configuration["rules"];
      if (!Array.isArray(list) || list.length === 0 || list.length > MAX_RULES) {
        fail(
          "invalid_role_mapping",
          `${path}.rulesConfiguration.rules`,
          Array.isArray(list) ? `${list.length} rules` : list,
          `1 to ${MAX_RULES} rules per identity provider`,
        );
      }
      rules = (list as unknown[]).map((rule, i) =>
        parseRule(rule, `${path}.rulesConfiguration.rules[${i}]`),
      );
    }
    out[key] = {
      type: mapping["type"] as "Token" | "Rules",
      ...(ambiguous === undefined
        ? {}
        : { ambiguousRoleResolution: ambiguous as "AuthenticatedRole" | "Deny" }),
      ...(mapping["identityProvider"] === undefined
        ? {}
        : { identityProvider: provider as string }),
      ...(rules === undefined ? {} : { rulesConfiguration: { rules } }),
    };
  }
  return out;
}

function parseRule(input: unknown, path: string): IdentityPoolMappingRule {
  const rule = record(input, path, "invalid_role_mapping");
  if (typeof rule["claim"] !== "string" || rule["claim"] === "" || rule["claim"].length > 64) {
    fail(
      "invalid_role_mapping",
      `${path}.claim`,
      rule["claim"],
      "a claim name of 1 to 64 characters (custom attributes as custom:name)",
    );
  }
  if (typeof rule["matchType"] !== "string" || !MATCH_TYPES.has(rule["matchType"])) {
    fail(
      "invalid_role_mapping",
      `${path}.matchType`,
      rule["matchType"],
      "Equals, NotEqual, StartsWith or Contains",
    );
  }
  if (typeof rule["value"] !== "string" || rule["value"] === "" || rule["value"].length > 128) {
    fail("invalid_role_mapping", `${path}.value`, rule["value"], "a value of 1 to 128 characters");
  }
  return {
    claim: rule["claim"] as string,
    matchType: rule["matchType"] as IdentityPoolMappingRule["matchType"],
    value: rule["value"] as string,
    roleArn: roleArn(rule["roleArn"], `${path}.roleArn`, "invalid_role_mapping"),
  };
}

function parsePrincipalTags(input: unknown): IdentityPoolPrincipalTagMapping[] {
  if (!Array.isArray(input)) {
    fail(
      "invalid_principal_tag_mapping",
      "principalTags",
      input,
      "an array of { identityProviderName, useDefaults, principalTags }",
    );
  }
  const seen = new Set<string>();
  return (input as unknown[]).map((value, i) => {
    const path = `principalTags[${i}]`;
    const mapping = record(value, path, "invalid_principal_tag_mapping");
    const provider = mapping["identityProviderName"];
    if (typeof provider !== "string" || provider === "" || provider.length > 128) {
      fail(
        "invalid_principal_tag_mapping",
        `${path}.identityProviderName`,
        provider,
        "an identity provider name of 1 to 128 characters",
      );
    }
    if (seen.has(provider as string)) {
      fail(
        "invalid_principal_tag_mapping",
        path,
        provider,
        "one principal-tag mapping per identity provider",
      );
    }
    seen.add(provider as string);
    const useDefaults = mapping["useDefaults"];
    if (useDefaults !== undefined && typeof useDefaults !== "boolean") {
      fail("invalid_principal_tag_mapping", `${path}.useDefaults`, useDefaults, "true or false");
    }
    if (
      useDefaults === true &&
      defaultPrincipalTags(identityProviderKind(provider as string)) === undefined
    ) {
      fail(
        "invalid_principal_tag_mapping",
        `${path}.useDefaults`,
        provider,
        "a user pool, OIDC or SAML provider (no default mapping is modelled for this provider: map the tags yourself)",
      );
    }
    const tags = record(
      mapping["principalTags"] ?? {},
      `${path}.principalTags`,
      "invalid_principal_tag_mapping",
    );
    const entries = Object.entries(tags);
    if (entries.length > MAX_TAGS) {
      fail(
        "invalid_principal_tag_mapping",
        `${path}.principalTags`,
        `${entries.length} tags`,
        `at most ${MAX_TAGS} tags`,
      );
    }
    let bytes = 0;
    for (const [key, claim] of entries) {
      if (key === "" || key.length > MAX_TAG_KEY) {
        fail(
          "invalid_principal_tag_mapping",
          `${path}.principalTags`,
          key,
          `a tag key of 1 to ${MAX_TAG_KEY} characters`,
        );
      }
      if (typeof claim !== "string" || claim === "" || claim.length > MAX_ATTRIBUTE_NAME) {
        fail(
          "invalid_principal_tag_mapping",
          `${path}.principalTags.${key}`,
          claim,
          `an attribute name of 1 to ${MAX_ATTRIBUTE_NAME} characters`,
        );
      }
      bytes += new TextEncoder().encode(claim as string).length;
    }
    if (bytes > MAX_ATTRIBUTE_BYTES) {
      fail(
        "invalid_principal_tag_mapping",
        `${path}.principalTags`,
        `${bytes} bytes`,
        `attribute names of at most ${MAX_ATTRIBUTE_BYTES} bytes together`,
      );
    }
    return {
      identityProviderName: provider as string,
      ...(useDefaults === undefined ? {} : { useDefaults: useDefaults as boolean }),
      ...(mapping["principalTags"] === undefined
        ? {}
        : { principalTags: { ...(tags as Record<string, string>) } }),
    };
  });
}

function roleArn(value: unknown, path: string, code: PolicyErrorCode): string {
  const parsed = classifyPrincipalArn(value);
  if (!("kind" in parsed) || parsed.kind !== "role") {
    fail(code, path, value, "an IAM role ARN such as arn:aws:iam::123456789012:role/name");
  }
  return value as string;
}

function record(value: unknown, path: string, code: PolicyErrorCode): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(code, path, value, "an object");
  }
  return value as Record<string, unknown>;
}

function fail(code: PolicyErrorCode, path: string, actual: unknown, expected: string): never {
  const shown =
    typeof actual === "string" && actual.length > 80 ? `${actual.slice(0, 77)}...` : actual;
  throw new PolicyError(code, `identity pool configuration: ${path} must be ${expected}`, {
    path,
    expected,
    actual: shown,
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
