import { describe, expect, it } from "vitest";
import { parseIdentityPoolRoleConfig } from "./parse-identity-pool-role-config.js";
import { resolveIdentityPoolRole } from "./resolve-identity-pool-role.js";
import {
  AUTH_ROLE,
  basePool,
  idTokenClaims,
  POOL_ID,
  rulesPool,
  SALES_ROLE,
  USER_POOL,
} from "./test-support.js";

const rule = {
  claim: "email",
  matchType: "Equals" as const,
  value: "a@example.com",
  roleArn: SALES_ROLE,
};

describe("parseIdentityPoolRoleConfig", () => {
  it("returns a frozen copy of a valid configuration", () => {
    const config = parseIdentityPoolRoleConfig(rulesPool([rule]));
    expect(config).toEqual(rulesPool([rule]));
    expect(Object.isFrozen(config.roleMappings)).toBe(true);
  });

  it("accepts exactly 25 rules per provider", () => {
    expect(() =>
      parseIdentityPoolRoleConfig(rulesPool(Array.from({ length: 25 }, () => rule))),
    ).not.toThrow();
  });

  it.each<[string, unknown, string, string]>([
    [
      "a pool id that is not region:guid",
      { identityPoolId: "pool-1", roles: {} },
      "invalid_identity_pool_config",
      "identityPoolId",
    ],
    [
      "a default role that is not a role ARN",
      { identityPoolId: POOL_ID, roles: { authenticated: "arn:aws:iam::123456789012:user/bob" } },
      "invalid_identity_pool_config",
      "roles.authenticated",
    ],
    [
      "an unknown default-role key",
      { identityPoolId: POOL_ID, roles: { admin: AUTH_ROLE } },
      "invalid_identity_pool_config",
      "roles.admin",
    ],
    [
      "26 rules",
      rulesPool(Array.from({ length: 26 }, () => rule)),
      "invalid_role_mapping",
      `roleMappings.${USER_POOL}:1example23456789.rulesConfiguration.rules`,
    ],
    [
      "no rules",
      rulesPool([]),
      "invalid_role_mapping",
      `roleMappings.${USER_POOL}:1example23456789.rulesConfiguration.rules`,
    ],
    [
      "an unknown match type",
      rulesPool([{ ...rule, matchType: "Like" as "Equals" }]),
      "invalid_role_mapping",
      `roleMappings.${USER_POOL}:1example23456789.rulesConfiguration.rules[0].matchType`,
    ],
    [
      "an empty claim",
      rulesPool([{ ...rule, claim: "" }]),
      "invalid_role_mapping",
      `roleMappings.${USER_POOL}:1example23456789.rulesConfiguration.rules[0].claim`,
    ],
    [
      "a rule role that is not a role ARN",
      rulesPool([{ ...rule, roleArn: "admin" }]),
      "invalid_role_mapping",
      `roleMappings.${USER_POOL}:1example23456789.rulesConfiguration.rules[0].roleArn`,
    ],
    [
      "an unknown type",
      basePool({ roleMappings: { x: { type: "Groups" as "Token" } } }),
      "invalid_role_mapping",
      "roleMappings.x.type",
    ],
    [
      "an unknown ambiguous resolution",
      basePool({
        roleMappings: { x: { type: "Token", ambiguousRoleResolution: "Allow" as "Deny" } },
      }),
      "invalid_role_mapping",
      "roleMappings.x.ambiguousRoleResolution",
    ],
    [
      "two mappings for one provider",
      basePool({
        roleMappings: { a: { type: "Token", identityProvider: "p" }, p: { type: "Token" } },
      }),
      "invalid_role_mapping",
      "roleMappings.p",
    ],
    [
      "a tag key over 128 characters",
      basePool({
        principalTags: [
          { identityProviderName: USER_POOL, principalTags: { ["k".repeat(129)]: "sub" } },
        ],
      }),
      "invalid_principal_tag_mapping",
      "principalTags[0].principalTags",
    ],
    [
      "an attribute name over 256 characters",
      basePool({
        principalTags: [{ identityProviderName: USER_POOL, principalTags: { k: "a".repeat(257) } }],
      }),
      "invalid_principal_tag_mapping",
      "principalTags[0].principalTags.k",
    ],
    [
      "attribute names over 460 bytes together",
      basePool({
        principalTags: [
          {
            identityProviderName: USER_POOL,
            principalTags: { a: "a".repeat(200), b: "b".repeat(200), c: "c".repeat(61) },
          },
        ],
      }),
      "invalid_principal_tag_mapping",
      "principalTags[0].principalTags",
    ],
    [
      "more than 50 tags",
      basePool({
        principalTags: [
          {
            identityProviderName: USER_POOL,
            principalTags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "s"])),
          },
        ],
      }),
      "invalid_principal_tag_mapping",
      "principalTags[0].principalTags",
    ],
    [
      "defaults for a provider without modelled defaults",
      basePool({
        principalTags: [{ identityProviderName: "graph.facebook.com", useDefaults: true }],
      }),
      "invalid_principal_tag_mapping",
      "principalTags[0].useDefaults",
    ],
    [
      "two tag mappings for one provider",
      basePool({
        principalTags: [{ identityProviderName: USER_POOL }, { identityProviderName: USER_POOL }],
      }),
      "invalid_principal_tag_mapping",
      "principalTags[1]",
    ],
  ])("refuses %s", (_name, input, code, path) => {
    expect(() => parseIdentityPoolRoleConfig(input)).toThrowCode(code, { path });
  });

  it("counts the 460-byte limit in UTF-8 bytes, not characters", () => {
    const names = { a: "é".repeat(115), b: "é".repeat(115) }; // 230 characters, 460 bytes
    expect(() =>
      parseIdentityPoolRoleConfig(
        basePool({ principalTags: [{ identityProviderName: USER_POOL, principalTags: names }] }),
      ),
    ).not.toThrow();
    const over = { ...names, c: "x" };
    expect(() =>
      parseIdentityPoolRoleConfig(
        basePool({ principalTags: [{ identityProviderName: USER_POOL, principalTags: over }] }),
      ),
    ).toThrowCode("invalid_principal_tag_mapping");
  });

  it("makes resolveIdentityPoolRole throw on a configuration Cognito would refuse", () => {
    expect(() => resolveIdentityPoolRole(rulesPool([]), idTokenClaims())).toThrowCode(
      "invalid_role_mapping",
    );
  });

  it.each<[string, unknown, unknown]>([
    ["claims that are an array", [], {}],
    ["claims that are a string", "token", {}],
    ["a customRoleArn that is not a string", {}, { customRoleArn: 1 }],
    ["an empty provider", {}, { provider: "" }],
  ])("throws TypeError for %s", (_name, claims, options) => {
    expect(() => resolveIdentityPoolRole(basePool(), claims as never, options as never)).toThrow(
      TypeError,
    );
  });
});
