import { describe, expect, it } from "vitest";
import { COGNITO_UNAUTHENTICATED_SESSION_POLICY } from "./cognito-unauthenticated-session-policy.js";
import type { IdentityPoolRoleConfig } from "./identity-pool-role-config.js";
import { resolveIdentityPoolRole } from "./resolve-identity-pool-role.js";
import {
  ADMIN_ROLE,
  AUTH_ROLE,
  basePool,
  CLIENT_ID,
  EDITOR_ROLE,
  GUEST_ROLE,
  idTokenClaims,
  rulesPool,
  SALES_ROLE,
  tokenPool,
  USER_POOL,
} from "./test-support.js";

describe("resolveIdentityPoolRole: guests", () => {
  it("gives a guest the unauthenticated role with AWS's scope-down session policy", () => {
    expect(resolveIdentityPoolRole(basePool(), undefined)).toEqual({
      outcome: "role",
      roleArn: GUEST_ROLE,
      reason: "unauthenticated_role",
      authenticated: false,
      principalTags: {},
      sessionPolicy: COGNITO_UNAUTHENTICATED_SESSION_POLICY,
    });
  });

  it("leaves the session policy out when the caller says none applies", () => {
    const result = resolveIdentityPoolRole(basePool(), null, { guestSessionPolicy: null });
    expect(result).toMatchObject({ outcome: "role", roleArn: GUEST_ROLE });
    expect(result).not.toHaveProperty("sessionPolicy");
  });

  it.each<[string, IdentityPoolRoleConfig, string, string]>([
    [
      "guests not allowed",
      basePool({ allowUnauthenticatedIdentities: false }),
      "unauthenticated_not_allowed",
      "NotAuthorizedException",
    ],
    [
      "no unauthenticated role",
      basePool({ roles: { authenticated: AUTH_ROLE } }),
      "no_unauthenticated_role",
      "InvalidIdentityPoolConfigurationException",
    ],
  ])("refuses a guest when %s", (_name, pool, reason, errorType) => {
    expect(resolveIdentityPoolRole(pool, null)).toMatchObject({
      outcome: "denied",
      reason,
      errorType,
    });
  });

  it("refuses a guest asking for a CustomRoleArn", () => {
    expect(resolveIdentityPoolRole(basePool(), null, { customRoleArn: GUEST_ROLE })).toMatchObject({
      outcome: "denied",
      reason: "custom_role_without_token_mapping",
      errorType: "NotAuthorizedException",
    });
  });
});

describe("resolveIdentityPoolRole: default authenticated role", () => {
  it("gives a signed-in identity without a role mapping the authenticated role", () => {
    expect(resolveIdentityPoolRole(basePool(), idTokenClaims())).toEqual({
      outcome: "role",
      roleArn: AUTH_ROLE,
      reason: "default_authenticated_role",
      authenticated: true,
      provider: USER_POOL,
      principalTags: {},
    });
  });

  it("takes the provider from options over the issuer", () => {
    const result = resolveIdentityPoolRole(
      basePool(),
      { sub: "x" },
      { provider: "accounts.google.com" },
    );
    expect(result).toMatchObject({
      outcome: "role",
      provider: "accounts.google.com",
      roleArn: AUTH_ROLE,
    });
  });

  it("refuses with InvalidIdentityPoolConfigurationException when the pool has no authenticated role", () => {
    const pool = basePool({ roles: { unauthenticated: GUEST_ROLE } });
    expect(resolveIdentityPoolRole(pool, idTokenClaims())).toMatchObject({
      outcome: "denied",
      reason: "no_authenticated_role",
      errorType: "InvalidIdentityPoolConfigurationException",
      provider: USER_POOL,
    });
  });

  it("refuses a CustomRoleArn without a Token mapping", () => {
    expect(
      resolveIdentityPoolRole(basePool(), idTokenClaims(), { customRoleArn: AUTH_ROLE }),
    ).toMatchObject({
      outcome: "denied",
      reason: "custom_role_without_token_mapping",
    });
  });
});

describe("resolveIdentityPoolRole: Token mapping", () => {
  const both = { "cognito:roles": [ADMIN_ROLE, EDITOR_ROLE] };
  it.each<
    [string, Record<string, unknown>, string | undefined, "AuthenticatedRole" | "Deny", object]
  >([
    [
      "a CustomRoleArn listed in cognito:roles",
      both,
      EDITOR_ROLE,
      "Deny",
      { outcome: "role", roleArn: EDITOR_ROLE, reason: "custom_role_arn" },
    ],
    [
      "a CustomRoleArn listed, over the preferred role",
      { ...both, "cognito:preferred_role": ADMIN_ROLE },
      EDITOR_ROLE,
      "Deny",
      { outcome: "role", roleArn: EDITOR_ROLE, reason: "custom_role_arn" },
    ],
    [
      "a CustomRoleArn not listed",
      both,
      SALES_ROLE,
      "AuthenticatedRole",
      {
        outcome: "denied",
        reason: "custom_role_not_in_token",
        errorType: "NotAuthorizedException",
      },
    ],
    [
      "a CustomRoleArn and no cognito:roles",
      {},
      SALES_ROLE,
      "AuthenticatedRole",
      { outcome: "denied", reason: "custom_role_not_in_token" },
    ],
    [
      "cognito:preferred_role",
      { ...both, "cognito:preferred_role": ADMIN_ROLE },
      undefined,
      "Deny",
      { outcome: "role", roleArn: ADMIN_ROLE, reason: "token_preferred_role" },
    ],
    [
      "a single cognito:roles entry",
      { "cognito:roles": [EDITOR_ROLE] },
      undefined,
      "Deny",
      { outcome: "role", roleArn: EDITOR_ROLE, reason: "token_single_role" },
    ],
    [
      "several roles, no preferred role, Deny",
      both,
      undefined,
      "Deny",
      { outcome: "denied", reason: "ambiguous_role_denied", errorType: "NotAuthorizedException" },
    ],
    [
      "several roles, no preferred role, AuthenticatedRole",
      both,
      undefined,
      "AuthenticatedRole",
      { outcome: "role", roleArn: AUTH_ROLE, reason: "ambiguous_authenticated_role" },
    ],
    [
      "no role claim, Deny",
      {},
      undefined,
      "Deny",
      { outcome: "denied", reason: "ambiguous_role_denied" },
    ],
    [
      "no role claim, AuthenticatedRole",
      {},
      undefined,
      "AuthenticatedRole",
      { outcome: "role", roleArn: AUTH_ROLE, reason: "ambiguous_authenticated_role" },
    ],
  ])("%s", (_name, extra, customRoleArn, ambiguous, expected) => {
    const options = customRoleArn === undefined ? {} : { customRoleArn };
    expect(
      resolveIdentityPoolRole(tokenPool(ambiguous), idTokenClaims(extra), options),
    ).toMatchObject(expected);
  });

  it("says which provider's rules denied, like the service message", () => {
    const result = resolveIdentityPoolRole(
      tokenPool("Deny"),
      idTokenClaims({ "cognito:roles": [ADMIN_ROLE, EDITOR_ROLE] }),
    );
    expect(result).toMatchObject({
      message: `The ambiguous role mapping rules for: ${USER_POOL}:${CLIENT_ID} denied this request.`,
    });
  });

  it("applies only to the provider it names (another app client falls back to the default role)", () => {
    const claims = idTokenClaims({
      aud: "otherclient",
      "cognito:roles": [ADMIN_ROLE, EDITOR_ROLE],
    });
    expect(resolveIdentityPoolRole(tokenPool("Deny"), claims)).toMatchObject({
      outcome: "role",
      roleArn: AUTH_ROLE,
      reason: "default_authenticated_role",
    });
  });

  it("finds a mapping keyed by the provider itself", () => {
    const pool = basePool({
      roleMappings: { "accounts.google.com": { type: "Token", ambiguousRoleResolution: "Deny" } },
    });
    expect(
      resolveIdentityPoolRole(pool, { iss: "https://accounts.google.com", sub: "g" }),
    ).toMatchObject({ outcome: "denied", reason: "ambiguous_role_denied" });
  });
});

describe("resolveIdentityPoolRole: Rules mapping", () => {
  const rule = (
    claim: string,
    matchType: "Equals" | "NotEqual" | "StartsWith" | "Contains",
    value: string,
    roleArn = SALES_ROLE,
  ) => ({ claim, matchType, value, roleArn });
  it.each<[string, ReturnType<typeof rule>, Record<string, unknown>, boolean]>([
    [
      "Equals matches the same value",
      rule("email", "Equals", "a@example.com"),
      { email: "a@example.com" },
      true,
    ],
    [
      "Equals is case-sensitive",
      rule("email", "Equals", "a@example.com"),
      { email: "A@example.com" },
      false,
    ],
    [
      "NotEqual matches another value",
      rule("custom:dept", "NotEqual", "sales"),
      { "custom:dept": "hr" },
      true,
    ],
    [
      "NotEqual does not match the value",
      rule("custom:dept", "NotEqual", "sales"),
      { "custom:dept": "sales" },
      false,
    ],
    [
      "NotEqual on a missing claim is not evaluated",
      rule("custom:dept", "NotEqual", "sales"),
      {},
      false,
    ],
    [
      "StartsWith matches a prefix",
      rule("email", "StartsWith", "admin"),
      { email: "admin@example.com" },
      true,
    ],
    [
      "StartsWith does not match elsewhere",
      rule("email", "StartsWith", "admin"),
      { email: "x-admin@example.com" },
      false,
    ],
    [
      "Contains matches a substring",
      rule("email", "Contains", "@example.com"),
      { email: "a@example.com" },
      true,
    ],
    ["Contains on a missing claim", rule("email", "Contains", "@example.com"), {}, false],
    [
      "custom attributes keep their custom: prefix",
      rule("custom:dept", "Equals", "sales"),
      { dept: "sales" },
      false,
    ],
    [
      "Contains on a list claim (cognito:groups)",
      rule("cognito:groups", "Contains", "admins"),
      { "cognito:groups": ["users", "admins"] },
      true,
    ],
    [
      "Equals on a list claim",
      rule("cognito:groups", "Equals", "admins"),
      { "cognito:groups": ["users"] },
      false,
    ],
    [
      "NotEqual on a list claim holding the value",
      rule("cognito:groups", "NotEqual", "admins"),
      { "cognito:groups": ["admins"] },
      false,
    ],
    [
      "a boolean claim compares as text",
      rule("email_verified", "Equals", "true"),
      { email_verified: true },
      true,
    ],
    [
      "an object claim is not evaluated",
      rule("address", "Contains", "x"),
      { address: { street: "x" } },
      false,
    ],
  ])("%s", (_name, theRule, extra, matches) => {
    const result = resolveIdentityPoolRole(rulesPool([theRule], "Deny"), idTokenClaims(extra));
    if (matches)
      expect(result).toMatchObject({
        outcome: "role",
        roleArn: SALES_ROLE,
        reason: "rule_matched",
        ruleIndex: 0,
      });
    else
      expect(result).toMatchObject({
        outcome: "denied",
        reason: "ambiguous_role_denied",
        errorType: "NotAuthorizedException",
      });
  });

  it("uses the first matching rule, in order", () => {
    const pool = rulesPool([
      rule("email", "Contains", "nomatch", EDITOR_ROLE),
      rule("email", "Contains", "example", ADMIN_ROLE),
      rule("email", "Contains", "a@", SALES_ROLE),
    ]);
    expect(resolveIdentityPoolRole(pool, idTokenClaims({ email: "a@example.com" }))).toMatchObject({
      roleArn: ADMIN_ROLE,
      ruleIndex: 1,
    });
  });

  it("falls back to the authenticated role when no rule matches and resolution is AuthenticatedRole", () => {
    const pool = rulesPool([rule("email", "Equals", "x")], "AuthenticatedRole");
    expect(resolveIdentityPoolRole(pool, idTokenClaims())).toMatchObject({
      outcome: "role",
      roleArn: AUTH_ROLE,
      reason: "ambiguous_authenticated_role",
    });
  });

  it("refuses AuthenticatedRole resolution without an authenticated role", () => {
    const pool = { ...rulesPool([rule("email", "Equals", "x")], "AuthenticatedRole"), roles: {} };
    expect(resolveIdentityPoolRole(pool, idTokenClaims())).toMatchObject({
      outcome: "denied",
      reason: "no_authenticated_role",
      errorType: "InvalidIdentityPoolConfigurationException",
    });
  });

  it("reads a missing ambiguousRoleResolution as Deny (fail closed)", () => {
    const pool = basePool({
      roleMappings: {
        [`${USER_POOL}:${CLIENT_ID}`]: {
          type: "Rules",
          rulesConfiguration: { rules: [rule("email", "Equals", "x")] },
        },
      },
    });
    expect(resolveIdentityPoolRole(pool, idTokenClaims())).toMatchObject({
      outcome: "denied",
      reason: "ambiguous_role_denied",
    });
  });

  it("refuses a CustomRoleArn with Rules mapping", () => {
    const pool = rulesPool([rule("email", "Equals", "a@example.com")]);
    expect(
      resolveIdentityPoolRole(pool, idTokenClaims({ email: "a@example.com" }), {
        customRoleArn: SALES_ROLE,
      }),
    ).toMatchObject({ outcome: "denied", reason: "custom_role_without_token_mapping" });
  });
});

describe("resolveIdentityPoolRole: principal tags", () => {
  const withTags = (mapping: NonNullable<IdentityPoolRoleConfig["principalTags"]>[number]) =>
    basePool({ principalTags: [mapping] });

  it.each<
    [
      string,
      NonNullable<IdentityPoolRoleConfig["principalTags"]>[number],
      Record<string, unknown>,
      Record<string, string>,
    ]
  >([
    [
      "user-pool defaults: username <- sub, client <- aud",
      { identityProviderName: USER_POOL, useDefaults: true },
      {},
      { username: "u-1", client: CLIENT_ID },
    ],
    [
      "custom mappings",
      {
        identityProviderName: USER_POOL,
        principalTags: { tenant: "custom:tenant", dept: "custom:dept" },
      },
      { "custom:tenant": "t-9" },
      { tenant: "t-9" },
    ],
    [
      "defaults plus custom keys, custom replacing a default",
      {
        identityProviderName: USER_POOL,
        useDefaults: true,
        principalTags: { username: "email", tenant: "custom:tenant" },
      },
      { email: "a@example.com", "custom:tenant": "t" },
      { username: "a@example.com", client: CLIENT_ID, tenant: "t" },
    ],
    [
      "a mapping for another provider sets nothing",
      { identityProviderName: "accounts.google.com", useDefaults: true },
      {},
      {},
    ],
    [
      "a mapping named provider:client applies",
      { identityProviderName: `${USER_POOL}:${CLIENT_ID}`, principalTags: { u: "sub" } },
      {},
      { u: "u-1" },
    ],
    [
      "a list claim sets no tag",
      { identityProviderName: USER_POOL, principalTags: { groups: "cognito:groups" } },
      { "cognito:groups": ["a"] },
      {},
    ],
  ])("%s", (_name, mapping, extra, tags) => {
    expect(resolveIdentityPoolRole(withTags(mapping), idTokenClaims(extra))).toMatchObject({
      outcome: "role",
      principalTags: tags,
    });
  });

  it("uses OIDC defaults for an OIDC provider", () => {
    const pool = withTags({ identityProviderName: "login.example.com", useDefaults: true });
    const result = resolveIdentityPoolRole(pool, {
      iss: "https://login.example.com",
      sub: "o-1",
      aud: "c-1",
    });
    expect(result).toMatchObject({ principalTags: { username: "o-1", client: "c-1" } });
  });

  it("uses the SAML name identifier and name for a SAML provider", () => {
    const saml = "arn:aws:iam::123456789012:saml-provider/corp";
    const pool = withTags({ identityProviderName: saml, useDefaults: true });
    const claims = {
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier": "jdoe",
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name": "Jane Doe",
    };
    expect(resolveIdentityPoolRole(pool, claims, { provider: saml })).toMatchObject({
      principalTags: { username: "jdoe", client: "Jane Doe" },
    });
  });

  it("gives guests no principal tags", () => {
    const pool = withTags({ identityProviderName: USER_POOL, useDefaults: true });
    expect(resolveIdentityPoolRole(pool, null)).toMatchObject({ principalTags: {} });
  });

  it("refuses a claim value STS would not accept as a session tag (over 256 characters)", () => {
    const pool = withTags({
      identityProviderName: USER_POOL,
      principalTags: { note: "custom:note" },
    });
    expect(
      resolveIdentityPoolRole(pool, idTokenClaims({ "custom:note": "x".repeat(257) })),
    ).toMatchObject({
      outcome: "denied",
      reason: "principal_tag_value_too_long",
      errorType: "InvalidIdentityPoolConfigurationException",
    });
  });
});
