import { type IdentifierProblem, identifierError, quote } from "./internal/identifier-error.js";
import type { Partition } from "./partition.js";
import { classifyRegion } from "./partition-of-region.js";

/** @internal Why `value` is not a concrete region (of `partition`, when given), or `undefined`. */
export function regionProblem(
  value: unknown,
  partition?: Partition,
): IdentifierProblem | undefined {
  const result = classifyRegion(value);
  if (typeof result === "object") return result;
  if (partition !== undefined && result !== partition) {
    return {
      message: `region ${quote(value)} belongs to partition ${result}, not ${partition}`,
      expected: `a region of partition ${partition}`,
    };
  }
  return undefined;
}

/**
 * Whether `value` is a concrete AWS region name (`us-east-1`, `cn-north-1`, `us-gov-west-1`,
 * `us-iso-east-1`, `eusc-de-east-1`...) in a known partition. Names are checked by shape, not
 * against a list, so regions launched later are accepted.
 *
 * @param value - Anything.
 * @example
 * ```ts
 * isRegion("ap-southeast-7"); // true
 * isRegion("us-east-1a"); // false (an availability zone)
 * ```
 * @see https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
export function isRegion(value: unknown): boolean {
  return regionProblem(value) === undefined;
}

/**
 * Checks a concrete region name, and optionally that it belongs to `partition`.
 *
 * @param value - The region, e.g. `eu-west-1`.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @param partition - When given, the region must belong to it (`cn-north-1` only to `aws-cn`).
 * @returns `value`.
 * @throws PolicyError `invalid_region` for a malformed region, one in no known partition, or one of
 *   another partition than `partition`.
 * @example
 * ```ts
 * parseRegion("eu-west-1"); // "eu-west-1"
 * parseRegion("cn-north-1", "region", "aws"); // throws: belongs to partition aws-cn, not aws
 * ```
 * @see https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
export function parseRegion(value: unknown, path = "region", partition?: Partition): string {
  const problem = regionProblem(value, partition);
  if (problem !== undefined) throw identifierError("invalid_region", problem, path, value);
  return value as string;
}
