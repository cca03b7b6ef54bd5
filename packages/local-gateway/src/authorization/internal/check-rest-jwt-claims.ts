/**
 * The additional-claim rules of a REST JWT issuer (`JwtAdditionalClaim`, format `SINGLE_STRING`).
 * @internal
 * @packageDocumentation
 */
import type { ResolvedClaimRule } from "../../config/internal/resolved-authorizer.js";

/**
 * @internal Whether the claims pass every rule: a missing claim fails only a `required` rule; a
 * present one must be a string and, with `expectedValues`, equal one of them exactly (an array,
 * a number or an object is not a single string). Returns the first failing claim's name, or
 * `undefined` when every rule passes.
 */
export function failingClaim(
  claims: Readonly<Record<string, unknown>>,
  rules: readonly ResolvedClaimRule[],
): string | undefined {
  for (const rule of rules) {
    const present = Object.hasOwn(claims, rule.claimName) && claims[rule.claimName] !== undefined;
    if (!present) {
      if (rule.required) return rule.claimName;
      continue;
    }
    const value = claims[rule.claimName];
    if (typeof value !== "string") return rule.claimName;
    if (rule.expectedValues !== undefined && !rule.expectedValues.includes(value)) {
      return rule.claimName;
    }
  }
  return undefined;
}
