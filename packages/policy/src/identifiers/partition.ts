import { type IdentifierProblem, identifierError, quote } from "./internal/identifier-error.js";

/**
 * An AWS partition: a separate copy of AWS with its own accounts, ARNs and DNS names. An ARN, a
 * principal and an API always share one partition. Take it from an incoming ARN or from the
 * region ({@link partitionOfRegion}); never assume `aws`.
 *
 * @see https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
export type Partition =
  | "aws"
  | "aws-cn"
  | "aws-us-gov"
  | "aws-iso"
  | "aws-iso-b"
  | "aws-iso-e"
  | "aws-iso-f"
  | "aws-eusc";

/**
 * Every AWS partition, in the order of the AWS SDKs' partition table.
 *
 * @example
 * ```ts
 * PARTITIONS.includes("aws-cn"); // true
 * ```
 * @see https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
export const PARTITIONS: readonly Partition[] = Object.freeze([
  "aws",
  "aws-cn",
  "aws-us-gov",
  "aws-iso",
  "aws-iso-b",
  "aws-iso-e",
  "aws-iso-f",
  "aws-eusc",
]);

// The DNS suffix of each partition's regional endpoints (`{service}.{region}.{suffix}`), from the
// AWS SDKs' partitions.json.
const DNS_SUFFIXES: Readonly<Record<Partition, string>> = {
  aws: "amazonaws.com",
  "aws-cn": "amazonaws.com.cn",
  "aws-us-gov": "amazonaws.com",
  "aws-iso": "c2s.ic.gov",
  "aws-iso-b": "sc2s.sgov.gov",
  "aws-iso-e": "cloud.adc-e.uk",
  "aws-iso-f": "csp.hci.ic.gov",
  "aws-eusc": "amazonaws.eu",
};

/**
 * Whether `value` is one of the {@link PARTITIONS} (exactly; wildcards are not partitions).
 *
 * @param value - Anything.
 * @example
 * ```ts
 * isPartition("aws-us-gov"); // true
 * isPartition("aws-foo"); // false
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function isPartition(value: unknown): value is Partition {
  return typeof value === "string" && (PARTITIONS as readonly string[]).includes(value);
}

/** @internal Why `value` is not a partition, or `undefined` when it is one. */
export function partitionProblem(value: unknown): IdentifierProblem | undefined {
  if (isPartition(value)) return undefined;
  return {
    message: `partition ${quote(value)} is not an AWS partition (${PARTITIONS.join(", ")}); wildcards are not accepted here`,
    expected: PARTITIONS.join(", "),
  };
}

/**
 * Checks an AWS partition name.
 *
 * @param value - The text to check, e.g. the second field of an ARN.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @returns `value`, typed as a {@link Partition}.
 * @throws PolicyError `invalid_partition` for anything else (`aws-foo`, `*`, `AWS`, a non-string).
 * @example
 * ```ts
 * parsePartition("aws-cn"); // "aws-cn"
 * parsePartition("aws-foo"); // throws PolicyError invalid_partition
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function parsePartition(value: unknown, path = "partition"): Partition {
  const problem = partitionProblem(value);
  if (problem !== undefined) throw identifierError("invalid_partition", problem, path, value);
  return value as Partition;
}

/**
 * The DNS suffix of a partition's regional endpoints, e.g. `amazonaws.com.cn` for `aws-cn`: an
 * API's default host is `{apiId}.execute-api.{region}.{suffix}`.
 *
 * @param partition - A {@link Partition}.
 * @returns The suffix, without a leading dot.
 * @throws PolicyError `invalid_partition` for an unknown partition.
 * @example
 * ```ts
 * `abc123.execute-api.cn-north-1.${partitionDnsSuffix("aws-cn")}`; // "abc123.execute-api.cn-north-1.amazonaws.com.cn"
 * ```
 * @see https://docs.aws.amazon.com/general/latest/gr/rande.html
 */
export function partitionDnsSuffix(partition: Partition): string {
  return DNS_SUFFIXES[parsePartition(partition)];
}
