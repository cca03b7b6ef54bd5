import { type IdentifierProblem, identifierError, quote } from "./internal/identifier-error.js";
import type { Partition } from "./partition.js";

const DIGITS = /^\d{1,2}$/;
const WORD = /^[a-z]{1,16}$/;
const GEO = /^[a-z]{2}$/;

// Partitions other than `aws`, by `{first}-{second}` segment of the region name; these are the
// regionRegex rules of the AWS SDKs' partitions.json.
const BY_PREFIX: Readonly<Record<string, Partition>> = {
  "us-gov": "aws-us-gov",
  "us-iso": "aws-iso",
  "us-isob": "aws-iso-b",
  "eu-isoe": "aws-iso-e",
  "us-isof": "aws-iso-f",
};

/** @internal A region's partition, or why it is not a region. */
export function classifyRegion(value: unknown): Partition | IdentifierProblem {
  const notRegion = {
    message: `region ${quote(value)} is not an AWS region`,
    expected: "a region such as us-east-1, eu-west-1, cn-north-1 or us-gov-west-1",
  };
  if (typeof value !== "string" || value.length > 40) return notRegion;
  const parts = value.split("-");
  const first = parts[0] as string;
  const second = parts[1] ?? "";
  if (
    parts.length < 3 ||
    parts.length > 5 ||
    !(GEO.test(first) || first === "eusc") ||
    !DIGITS.test(parts[parts.length - 1] as string) ||
    !parts.slice(1, -1).every((part) => WORD.test(part))
  ) {
    return notRegion;
  }
  if (first === "cn") return "aws-cn";
  if (first === "eusc") {
    return GEO.test(second) && parts.length > 3 ? "aws-eusc" : notRegion;
  }
  const known = BY_PREFIX[`${first}-${second}`];
  if (known !== undefined) return parts.length > 3 ? known : notRegion;
  if (second === "gov" || second.startsWith("iso")) {
    return {
      message: `region ${quote(value)} belongs to no known AWS partition: GovCloud regions start with us-gov-, ISO regions with us-iso-, us-isob-, us-isof- or eu-isoe-`,
      expected: "a region such as us-east-1, us-gov-west-1 or us-iso-east-1",
    };
  }
  return "aws";
}

/**
 * The partition a concrete region belongs to: `cn-*` -> `aws-cn`, `us-gov-*` -> `aws-us-gov`,
 * `us-iso-*` -> `aws-iso`, `us-isob-*` -> `aws-iso-b`, `eu-isoe-*` -> `aws-iso-e`,
 * `us-isof-*` -> `aws-iso-f`, `eusc-*` -> `aws-eusc`, any other well-formed region -> `aws` (as the
 * AWS SDKs do, so a region launched after this release still works).
 *
 * @param region - A region such as `eu-west-1`.
 * @param path - Where the region sits in the caller's input, reported as the error `path`.
 * @returns Its {@link Partition}.
 * @throws PolicyError `invalid_region` for a malformed region (`us-east-1a`, `useast1`) or one that
 *   looks like GovCloud or ISO but names no known partition (`us-isoz-east-1`).
 * @example
 * ```ts
 * partitionOfRegion("cn-northwest-1"); // "aws-cn"
 * partitionOfRegion("us-iso-east-1"); // "aws-iso"
 * ```
 * @see https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
export function partitionOfRegion(region: string, path = "region"): Partition {
  const result = classifyRegion(region);
  if (typeof result === "object") throw identifierError("invalid_region", result, path, region);
  return result;
}
