import { PolicyError } from "../../errors.js";
import { setOwn, toJsonValue } from "./encode-json-context.js";

/** @internal */
export interface FlatContextRules {
  nested: "reject" | "json-string";
  /** Keys the API type keeps for itself (HTTP API payload 1.0: `claims`). */
  reservedKeys: readonly string[];
}

/**
 * Encodes a REST / HTTP API 1.0 / WebSocket context: string, finite number and boolean values kept,
 * `null` and `undefined` left out, objects and arrays rejected or JSON-packed.
 * @internal
 */
export function encodeFlatContext(
  context: unknown,
  rules: FlatContextRules,
): Record<string, string | number | boolean> {
  if (typeof context !== "object" || context === null || Array.isArray(context)) {
    throw new TypeError("context must be a plain object");
  }
  const out: Record<string, string | number | boolean> = {};
  const record = context as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value))
    ) {
      if (rules.reservedKeys.length === 0 || !rules.reservedKeys.includes(key)) {
        // JSON has no negative zero: JSON.stringify(-0) is "0".
        setOwn(out, key, value === 0 ? 0 : value);
        continue;
      }
    }
    const path = `context.${key}`;
    if (rules.reservedKeys.includes(key)) {
      throw new PolicyError("invalid_context", `${path} is reserved by API Gateway`, {
        path,
        expected: `a key other than ${rules.reservedKeys.join(", ")}`,
        actual: key,
      });
    }
    if (value === undefined || value === null) continue;
    if (
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value))
    ) {
      // JSON has no negative zero: JSON.stringify(-0) is "0".
      setOwn(out, key, value === 0 ? 0 : value);
    } else if (typeof value === "object" && rules.nested === "json-string") {
      setOwn(out, key, JSON.stringify(toJsonValue(value, path)));
    } else {
      throw new PolicyError(
        "invalid_context",
        `${path} must be a string, a finite number or a boolean`,
        {
          path,
          expected:
            typeof value === "object"
              ? 'a string, number or boolean (or nestedContext: "json-string")'
              : "a string, finite number or boolean",
          actual: Array.isArray(value)
            ? "array"
            : typeof value === "number"
              ? String(value)
              : typeof value,
        },
      );
    }
  }
  return out;
}
