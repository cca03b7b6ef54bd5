/**
 * Field checks shared by every part of the config: each error is a `LocalGatewayError`
 * `invalid_config` whose message starts with the field's path, and never quotes a value that may be
 * a secret.
 * @internal
 * @packageDocumentation
 */
import { isPolicyError, parsePolicyDocument } from "@gatehouse/policy";
import { LocalGatewayError } from "../../errors.js";

/** @internal The payload format versions of Lambda integrations and authorizers. */
export const PAYLOAD_VERSIONS: readonly string[] = ["1.0", "2.0"];

/** What a value is, for messages: never the value itself (it may be a secret). */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** A config error whose message starts with the field's path. */
export function invalid(path: string, message: string, expected?: string): LocalGatewayError {
  return new LocalGatewayError("invalid_config", `${path} ${message}`, {
    path,
    ...(expected !== undefined ? { expected } : {}),
  });
}

/** A `PolicyError` from an identifier or policy check, as a config error at `path`. */
export function fromPolicyError(cause: unknown, path: string): unknown {
  if (!isPolicyError(cause)) return cause;
  const where = cause.path?.startsWith(path) === true ? cause.path : path;
  return new LocalGatewayError("invalid_config", `${where}: ${cause.message}`, {
    path: where,
    ...(cause.expected !== undefined ? { expected: cause.expected } : {}),
    cause,
  });
}

/** Runs a `@gatehouse/policy` check, turning its `PolicyError` into `invalid_config` at `path`. */
export function checked<T>(path: string, check: (path: string) => T): T {
  try {
    return check(path);
  } catch (cause) {
    throw fromPolicyError(cause, path);
  }
}

/** @internal A non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @internal `value` as an object, or `invalid_config` naming `what` was expected. */
export function requireObject(value: unknown, path: string, what: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw invalid(path, `must be ${what}, got ${kindOf(value)}`, what);
  return value;
}

/** @internal Throws `invalid_config` unless `value` is a function. */
export function requireFunction(value: unknown, path: string, what: string): void {
  if (typeof value !== "function") {
    throw invalid(path, `must be a function (${what}), got ${kindOf(value)}`, "a function");
  }
}

/** @internal `value` when it is a string or undefined; `invalid_config` otherwise. */
export function optionalString(value: unknown, path: string): string | undefined {
  if (value !== undefined && typeof value !== "string") {
    throw invalid(path, `must be a string, got ${kindOf(value)}`, "a string");
  }
  return value;
}

/** @internal `value` when it is one of `allowed`, `fallback` when undefined; `invalid_config` otherwise. */
export function oneOf<T extends string>(
  value: unknown,
  allowed: readonly string[],
  fallback: T,
  path: string,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw invalid(
      path,
      `must be ${allowed.map((item) => JSON.stringify(item)).join(", ")}, got ${typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : kindOf(value)}`,
      allowed.join(", "),
    );
  }
  return value as T;
}

/** @internal `value === true`; `invalid_config` unless it is a boolean or undefined. */
export function optionalBoolean(value: unknown, path: string): boolean {
  if (value !== undefined && typeof value !== "boolean") {
    throw invalid(path, `must be true or false, got ${kindOf(value)}`, "a boolean");
  }
  return value === true;
}

/** @internal `value` as an array of strings; `invalid_config` otherwise. */
export function stringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value))
    throw invalid(path, `must be an array of strings, got ${kindOf(value)}`);
  return value.map((item, index) => {
    if (typeof item !== "string") {
      throw invalid(`${path}[${index}]`, `must be a string, got ${kindOf(item)}`, "a string");
    }
    return item;
  });
}

/** @internal Checks a policy document, turning its `PolicyError` into `invalid_config` at `path`. */
export function checkPolicy(policy: unknown, path: string): void {
  try {
    parsePolicyDocument(policy, path);
  } catch (cause) {
    if (!isPolicyError(cause)) throw cause;
    const where = cause.path ?? path;
    throw new LocalGatewayError("invalid_config", `${where}: invalid policy: ${cause.message}`, {
      path: where,
      cause,
    });
  }
}
