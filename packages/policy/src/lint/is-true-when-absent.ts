import type { ConditionValue } from "../document/policy-document.js";
import type { ConditionOperator } from "../evaluate/internal/condition-operator.js";

/**
 * Whether a condition is true when its key is absent from the request: negated operators,
 * `...IfExists`, `ForAllValues:` and `Null: "true"` are; everything else is false.
 * @internal
 */
export function isTrueWhenAbsent(
  operator: ConditionOperator,
  values: readonly ConditionValue[],
): boolean {
  if (operator.set === "ForAllValues") return true;
  if (operator.set === "ForAnyValue") return false;
  if (operator.ifExists) return true;
  if (operator.comparison === "Null") {
    return values.some((value) => String(value).toLowerCase() === "true");
  }
  return operator.negated;
}
