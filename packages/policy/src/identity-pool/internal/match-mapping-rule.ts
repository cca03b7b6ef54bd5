/**
 * One rule of a `Rules` role mapping against the identity's claims.
 *
 * @internal
 * @packageDocumentation
 */
import type { IdentityPoolMappingRule } from "../identity-pool-role-config.js";

/**
 * @internal Whether `rule` matches. A missing claim (or one that is an object) is not evaluated:
 * no match, `NotEqual` included. A list claim (`cognito:groups`) matches element by element:
 * `Equals` / `StartsWith` / `Contains` when one element does, `NotEqual` when none equals.
 */
export function matchesMappingRule(
  rule: IdentityPoolMappingRule,
  claims: Readonly<Record<string, unknown>>,
): boolean {
  const values = claimValues(claims[rule.claim]);
  if (values === undefined) return false;
  switch (rule.matchType) {
    case "Equals":
      return values.some((value) => value === rule.value);
    case "NotEqual":
      return values.length > 0 && values.every((value) => value !== rule.value);
    case "StartsWith":
      return values.some((value) => value.startsWith(rule.value));
    case "Contains":
      return values.some((value) => value.includes(rule.value));
  }
}

/** @internal A claim as strings, or undefined when it is absent or not comparable. */
export function claimValues(claim: unknown): string[] | undefined {
  if (typeof claim === "string") return [claim];
  if (typeof claim === "number" || typeof claim === "boolean") return [String(claim)];
  if (Array.isArray(claim)) {
    const scalars = claim.filter(
      (v): v is string | number | boolean =>
        typeof v === "string" || typeof v === "number" || typeof v === "boolean",
    );
    return scalars.length === 0 ? undefined : scalars.map(String);
  }
  return undefined;
}
