import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ResolvedClaimRule } from "../../config/internal/resolved-authorizer.js";
import { failingClaim } from "./check-rest-jwt-claims.js";

const name = fc.constantFrom("tenant", "department", "org", "role");
const text = fc.constantFrom("acme", "ACME", "globex", "sales", "", " acme");
const claimValue = fc.oneof(
  text,
  fc.array(text, { maxLength: 2 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.constantFrom("a", "b"), text),
);
const rule: fc.Arbitrary<ResolvedClaimRule> = fc.record({
  claimName: name,
  expectedValues: fc.option(
    fc.uniqueArray(
      text.filter((item) => item !== ""),
      { minLength: 1, maxLength: 3 },
    ),
    {
      nil: undefined,
    },
  ),
  required: fc.boolean(),
});
const rules = fc.uniqueArray(rule, { selector: (item) => item.claimName, maxLength: 4 });
const claims = fc.dictionary(name, claimValue, { maxKeys: 4 });

/** The rule, read straight from AWS's JwtAdditionalClaim page. */
function passes(value: Record<string, unknown>, r: ResolvedClaimRule): boolean {
  if (!(r.claimName in value)) return !r.required;
  const v = value[r.claimName];
  return typeof v === "string" && (r.expectedValues === undefined || r.expectedValues.includes(v));
}

describe("failingClaim (property)", () => {
  it("passes exactly when every rule passes, and names a failing rule otherwise", () => {
    fc.assert(
      fc.property(claims, rules, (value, list) => {
        const failing = failingClaim(value, list);
        const expected = list.find((r) => !passes(value, r));
        expect(failing).toBe(expected?.claimName);
      }),
      { numRuns: 2000 },
    );
  });

  it("never accepts a value that is not a single string, nor one outside expectedValues", () => {
    fc.assert(
      fc.property(name, claimValue, rule, (claimName, value, r) => {
        const ruleFor = { ...r, claimName };
        const ok = failingClaim({ [claimName]: value }, [ruleFor]) === undefined;
        if (typeof value !== "string") expect(ok).toBe(false);
        else if (ruleFor.expectedValues !== undefined) {
          expect(ok).toBe(ruleFor.expectedValues.includes(value));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("matches case-sensitively and exactly", () => {
    const r: ResolvedClaimRule = { claimName: "tenant", expectedValues: ["acme"], required: true };
    expect(failingClaim({ tenant: "acme" }, [r])).toBeUndefined();
    expect(failingClaim({ tenant: "ACME" }, [r])).toBe("tenant");
    expect(failingClaim({ tenant: "acme " }, [r])).toBe("tenant");
    expect(failingClaim({}, [r])).toBe("tenant");
    expect(failingClaim({}, [{ ...r, required: false }])).toBeUndefined();
  });

  it("does not read inherited properties as claims", () => {
    const r: ResolvedClaimRule = {
      claimName: "toString",
      expectedValues: undefined,
      required: true,
    };
    expect(failingClaim({}, [r])).toBe("toString");
  });
});
