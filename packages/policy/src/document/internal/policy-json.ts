/**
 * The reading helpers of the policy parser: typed `invalid_policy` errors with their path, JSON
 * object checks and string lists.
 * @internal
 * @packageDocumentation
 */
import { PolicyError } from "../../errors.js";
import type { OneOrMany } from "../policy-document.js";

export type JsonObject = Record<string, unknown>;

export function fail(
  path: string,
  message: string,
  expected: string,
  actual: unknown,
): PolicyError {
  return new PolicyError("invalid_policy", path === "" ? message : `${path}: ${message}`, {
    path,
    expected,
    actual: shorten(actual),
  });
}

export function shorten(value: unknown): unknown {
  if (typeof value === "string" && value.length > 100) return `${value.slice(0, 100)}…`;
  if (typeof value === "object" && value !== null)
    return Array.isArray(value) ? "[array]" : "{object}";
  return value;
}

export function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

export function isObject(value: unknown): value is JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function checkKeys(value: JsonObject, allowed: ReadonlySet<string>, path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) {
      throw fail(join(path, key), `unknown element "${key}"`, [...allowed].join(", "), key);
    }
  }
}

export function has(value: JsonObject, key: string): boolean {
  return Object.hasOwn(value, key);
}

export function field(value: JsonObject, key: string): unknown {
  return value[key];
}

/** A check on one string: `undefined` when fine, else what was expected. */
export type StringCheck = (item: string) => string | undefined;

export function readStrings(value: unknown, path: string, check: StringCheck): OneOrMany<string> {
  if (typeof value === "string") {
    const expected = check(value);
    if (expected !== undefined) throw fail(path, `"${value}" is not ${expected}`, expected, value);
    return value;
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw fail(
      path,
      "expected a string or a non-empty array of strings",
      "string | string[]",
      value,
    );
  }
  const items: string[] = [];
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    const expected = typeof item === "string" ? check(item) : "a string";
    if (expected !== undefined) {
      throw fail(`${path}[${index}]`, `${JSON.stringify(item)} is not ${expected}`, expected, item);
    }
    items.push(item as string);
  }
  return items;
}

export const nonEmpty: StringCheck = (item) => (item === "" ? "a non-empty string" : undefined);
