import { PolicyError } from "../../errors.js";

function invalid(path: string, expected: string, actual: string): PolicyError {
  return new PolicyError("invalid_context", `${path} cannot be sent in an authorizer context`, {
    path,
    expected,
    actual,
  });
}

const JSON_VALUE = "a JSON value (string, finite number, boolean, null, array, plain object)";

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number") return String(value);
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return typeof value;
}

/**
 * Sets an own property even for the key `__proto__` (a claim name an attacker controls), which a
 * plain assignment would turn into a prototype change.
 * @internal
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // Only `__proto__` is an accessor of Object.prototype; any other key assigns as it defines.
  if (key !== "__proto__") {
    target[key] = value;
    return;
  }
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A JSON-safe copy of `value` with the meaning `JSON.stringify` gives it (`undefined` members
 * left out, `undefined` array items become `null`, `-0` becomes `0`, `toJSON` honoured), except that anything
 * `JSON.stringify` would silently lose or choke on throws `"invalid_context"`: non-finite numbers,
 * bigint, functions, symbols, Map/Set/class instances, cycles.
 * @internal
 */
export function toJsonValue(
  value: unknown,
  path: string,
  ancestors: Set<object> = new Set(),
): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw invalid(path, "a finite number", describe(value));
      // JSON has no negative zero: JSON.stringify(-0) is "0".
      return value === 0 ? 0 : value;
    case "undefined":
      return undefined;
    case "object": {
      if (value === null) return null;
      const withToJson = value as { toJSON?: unknown };
      if (typeof withToJson.toJSON === "function") {
        return toJsonValue((withToJson.toJSON as () => unknown).call(value), path, ancestors);
      }
      if (ancestors.has(value)) throw invalid(path, "a value without cycles", "circular reference");
      ancestors.add(value);
      let copy: unknown;
      if (Array.isArray(value)) {
        copy = value.map(
          (item, index) => toJsonValue(item, `${path}[${index}]`, ancestors) ?? null,
        );
      } else if (isPlainObject(value)) {
        const out: Record<string, unknown> = {};
        for (const [key, member] of Object.entries(value)) {
          const encoded = toJsonValue(member, `${path}.${key}`, ancestors);
          if (encoded !== undefined) setOwn(out, key, encoded);
        }
        copy = out;
      } else {
        throw invalid(path, JSON_VALUE, describe(value));
      }
      ancestors.delete(value);
      return copy;
    }
    default:
      throw invalid(path, JSON_VALUE, describe(value));
  }
}

/**
 * Encodes an HTTP API payload 2.0 context: nested values allowed, `undefined` members left out,
 * `null` kept.
 * @internal
 */
export function encodeJsonContext(context: unknown): Record<string, unknown> {
  if (typeof context !== "object" || context === null || Array.isArray(context)) {
    throw new TypeError("context must be a plain object");
  }
  return toJsonValue(context, "context") as Record<string, unknown>;
}
