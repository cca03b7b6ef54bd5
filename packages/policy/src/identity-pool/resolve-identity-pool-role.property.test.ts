import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IdentityPoolMappingRule } from "./identity-pool-role-config.js";
import { resolveIdentityPoolRole } from "./resolve-identity-pool-role.js";
import {
  AUTH_ROLE,
  basePool,
  GUEST_ROLE,
  idTokenClaims,
  rulesPool,
  tokenPool,
  USER_POOL,
} from "./test-support.js";

const roleArn = fc.constantFrom(
  ...["a", "b", "c", "d", "e"].map((n) => `arn:aws:iam::123456789012:role/r-${n}`),
);
const claimName = fc.constantFrom("email", "custom:dept", "cognito:groups", "zoneinfo");
const shortText = fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom("a", "b", "c") });
const rule: fc.Arbitrary<IdentityPoolMappingRule> = fc.record({
  claim: claimName,
  matchType: fc.constantFrom("Equals", "NotEqual", "StartsWith", "Contains"),
  value: shortText,
  roleArn,
});
const claimValue = fc.oneof(
  shortText,
  fc.array(shortText, { maxLength: 3 }),
  fc.boolean(),
  fc.constant(undefined),
);
const extraClaims = fc.dictionary(claimName, claimValue, { maxKeys: 4 });

describe("resolveIdentityPoolRole properties", () => {
  it("Rules: the first matching rule wins, in order", () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 25 }), extraClaims, (rules, extra) => {
        const claims = idTokenClaims(extra);
        const alone = rules.map(
          (r) => resolveIdentityPoolRole(rulesPool([r]), claims).outcome === "role",
        );
        const result = resolveIdentityPoolRole(rulesPool(rules), claims);
        const first = alone.indexOf(true);
        if (first === -1) {
          expect(result).toMatchObject({ outcome: "denied", reason: "ambiguous_role_denied" });
        } else {
          expect(result).toMatchObject({
            outcome: "role",
            ruleIndex: first,
            roleArn: rules[first]?.roleArn,
          });
        }
      }),
    );
  });

  it("Token: a CustomRoleArn not in cognito:roles is never granted, and a granted one is always listed", () => {
    fc.assert(
      fc.property(
        fc.array(roleArn, { maxLength: 4 }),
        fc.option(roleArn, { nil: undefined }),
        roleArn,
        fc.constantFrom("AuthenticatedRole" as const, "Deny" as const),
        (roles, preferred, custom, ambiguous) => {
          const claims = idTokenClaims({
            "cognito:roles": roles,
            ...(preferred === undefined ? {} : { "cognito:preferred_role": preferred }),
          });
          const result = resolveIdentityPoolRole(tokenPool(ambiguous), claims, {
            customRoleArn: custom,
          });
          if (roles.includes(custom))
            expect(result).toMatchObject({
              outcome: "role",
              roleArn: custom,
              reason: "custom_role_arn",
            });
          else
            expect(result).toMatchObject({ outcome: "denied", reason: "custom_role_not_in_token" });
        },
      ),
    );
  });

  it("Token without CustomRoleArn: the role is the preferred one, the only one, or the ambiguity rule's", () => {
    fc.assert(
      fc.property(
        fc.array(roleArn, { maxLength: 4 }),
        fc.option(roleArn, { nil: undefined }),
        fc.boolean(),
        (roles, preferred, fallback) => {
          const claims = idTokenClaims({
            "cognito:roles": roles,
            ...(preferred === undefined ? {} : { "cognito:preferred_role": preferred }),
          });
          const result = resolveIdentityPoolRole(
            tokenPool(fallback ? "AuthenticatedRole" : "Deny"),
            claims,
          );
          const expected =
            preferred ?? (roles.length === 1 ? roles[0] : fallback ? AUTH_ROLE : undefined);
          if (expected === undefined) expect(result.outcome).toBe("denied");
          else expect(result).toMatchObject({ outcome: "role", roleArn: expected });
        },
      ),
    );
  });

  it("guests get the unauthenticated role (or a refusal) and never principal tags, whatever the mappings", () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 5 }), fc.boolean(), (rules, allow) => {
        const pool = {
          ...rulesPool(rules, "AuthenticatedRole"),
          allowUnauthenticatedIdentities: allow,
          principalTags: [{ identityProviderName: USER_POOL, useDefaults: true }],
        };
        const result = resolveIdentityPoolRole(pool, null);
        if (allow)
          expect(result).toMatchObject({
            outcome: "role",
            roleArn: GUEST_ROLE,
            authenticated: false,
            principalTags: {},
          });
        else
          expect(result).toMatchObject({ outcome: "denied", errorType: "NotAuthorizedException" });
      }),
    );
  });

  it("never throws on any JSON claims with a valid configuration", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }),
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        (claims, provider) => {
          const pool = {
            ...basePool(),
            principalTags: [{ identityProviderName: USER_POOL, useDefaults: true }],
          };
          const result = resolveIdentityPoolRole(
            pool,
            claims,
            provider === undefined ? {} : { provider },
          );
          expect(["role", "denied"]).toContain(result.outcome);
        },
      ),
    );
  });
});
