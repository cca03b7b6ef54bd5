/**
 * Reads the conditions of a policy statement: operators, keys and typed values, as IAM accepts them.
 * @internal
 * @packageDocumentation
 */
import { parseCidr } from "../../cidr/parse-cidr.js";
import { PolicyError } from "../../errors.js";
import type { Comparison } from "../../evaluate/internal/condition-operator.js";
import { parseConditionOperator } from "../../evaluate/internal/condition-operator.js";
import {
  conditionValueText,
  decodeBase64Value,
  parseBoolValue,
  parseDateValue,
  parseNumericValue,
} from "../../evaluate/internal/condition-values.js";
import type { ConditionBlock, ConditionValue, OneOrMany } from "../policy-document.js";
import { fail, isObject, join, shorten } from "./policy-json.js";

const validCidrs = new Set<string>();

function conditionValueError(
  comparison: Comparison,
  value: ConditionValue,
  variables: boolean,
  pathOf: () => string,
): PolicyError | undefined {
  const text = conditionValueText(value);
  // A value built from a policy variable is only known per request.
  if (variables && text.includes("${")) return undefined;
  let expected: string | undefined;
  switch (comparison) {
    case "NumericEquals":
    case "NumericLessThan":
    case "NumericLessThanEquals":
    case "NumericGreaterThan":
    case "NumericGreaterThanEquals":
      if (typeof value === "boolean" || parseNumericValue(text) === undefined) {
        expected = "a number";
      }
      break;
    case "DateEquals":
    case "DateLessThan":
    case "DateLessThanEquals":
    case "DateGreaterThan":
    case "DateGreaterThanEquals":
      if (typeof value === "boolean" || parseDateValue(text) === undefined) {
        expected = "an ISO 8601 date or epoch seconds";
      }
      break;
    case "Bool":
    case "Null":
      if (parseBoolValue(text) === undefined) expected = '"true" or "false"';
      break;
    case "BinaryEquals":
      if (decodeBase64Value(text) === undefined) expected = "base64";
      break;
    case "IpAddress":
      if (validCidrs.has(text)) break;
      try {
        parseCidr(text);
        // Resource policies are re-validated on every evaluation; their few blocks repeat.
        if (validCidrs.size >= 1024) validCidrs.clear();
        validCidrs.add(text);
      } catch (cause) {
        const path = pathOf();
        return new PolicyError(
          "invalid_policy",
          `${path}: "${text}" is not an IP address or CIDR`,
          {
            path,
            expected: "an IPv4/IPv6 address or CIDR block",
            actual: shorten(value),
            cause,
          },
        );
      }
      break;
    default:
      break;
  }
  return expected === undefined
    ? undefined
    : fail(pathOf(), `"${text}" is not ${expected}`, expected, value);
}

function isConditionScalar(value: unknown): value is ConditionValue {
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

/** Sets a property as data, even one named `__proto__` (a condition key is arbitrary text). */
function setData<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

export function readCondition(value: unknown, path: string, variables: boolean): ConditionBlock {
  if (!isObject(value)) {
    throw fail(path, "expected an object", "{ operator: { key: value } }", value);
  }
  const block: ConditionBlock = {};
  for (const name of Object.keys(value)) {
    const operator = parseConditionOperator(name);
    if (operator === undefined) {
      throw fail(
        join(path, name),
        `unknown condition operator "${name}"`,
        "an IAM condition operator",
        name,
      );
    }
    const keys = value[name];
    if (!isObject(keys) || Object.keys(keys).length === 0) {
      throw fail(
        join(path, name),
        "expected a non-empty object of condition keys",
        "{ key: value }",
        keys,
      );
    }
    const entries: Record<string, OneOrMany<ConditionValue>> = {};
    for (const key of Object.keys(keys)) {
      const keyPath = () => join(join(path, name), key);
      if (key === "") {
        throw fail(keyPath(), "condition key must not be empty", "a key such as aws:SourceIp", key);
      }
      const raw = keys[key];
      if (isConditionScalar(raw)) {
        const error = conditionValueError(operator.comparison, raw, variables, keyPath);
        if (error !== undefined) throw error;
        setData(entries, key, raw);
        continue;
      }
      if (!Array.isArray(raw) || raw.length === 0) {
        throw fail(
          keyPath(),
          "expected a value or a non-empty array of values",
          "string | number | boolean | array",
          raw,
        );
      }
      const items: ConditionValue[] = [];
      for (let index = 0; index < raw.length; index++) {
        const item: unknown = raw[index];
        const itemPath = () => `${keyPath()}[${index}]`;
        if (!isConditionScalar(item)) {
          throw fail(
            itemPath(),
            "expected a string, number or boolean",
            "string | number | boolean",
            item,
          );
        }
        const error = conditionValueError(operator.comparison, item, variables, itemPath);
        if (error !== undefined) throw error;
        items.push(item);
      }
      setData(entries, key, items);
    }
    block[name] = entries;
  }
  return block;
}
