/** @internal jose's module type. */
export type Jose = typeof import("jose");

let loading: Promise<Jose> | undefined;

/**
 * @internal jose 6 is ESM-only and Lambda runs with `require(esm)` off: load it with a dynamic
 * `import()` (allowed from CommonJS) and only when a PS* or HS* token is actually verified, so the
 * CommonJS build loads without it.
 */
export function loadJose(): Promise<Jose> {
  loading ??= import("jose");
  return loading;
}
