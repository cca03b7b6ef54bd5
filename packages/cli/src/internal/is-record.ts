/**
 * A plain-object check for JSON the CLI reads.
 * @internal
 * @packageDocumentation
 */

/** @internal */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
