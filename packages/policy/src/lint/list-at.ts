import type { OneOrMany } from "../document/policy-document.js";

/** A value of a policy with the path it was written at. @internal */
export interface Located<T> {
  value: T;
  path: string;
}

/**
 * The items of a `OneOrMany` field with their paths: `Resource` for a single string,
 * `Resource[0]`, `Resource[1]`... for a list, nothing when the field is absent.
 * @internal
 */
export function listAt<T>(value: OneOrMany<T> | undefined, path: string): Located<T>[] {
  if (value === undefined) return [];
  if (Array.isArray(value))
    return value.map((item, index) => ({ value: item, path: `${path}[${index}]` }));
  return [{ value, path }];
}
