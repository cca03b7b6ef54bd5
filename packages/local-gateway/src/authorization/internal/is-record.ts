/**
 * A plain-object check for authorizer responses and verifier results.
 * @internal
 * @packageDocumentation
 */

/** @internal */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
