import { PolicyError } from "../../errors.js";
import { isAccountId } from "../../identifiers/account-id.js";
import { isPartition } from "../../identifiers/partition.js";
import { isRegion } from "../../identifiers/region.js";

const TABLE_ARN = /^arn:([^:]+):dynamodb:([^:]+):([^:]+):table\/([A-Za-z0-9_.-]{3,255})$/;

/**
 * @internal Checks a DynamoDB table ARN: `arn:{partition}:dynamodb:{region}:{account}:table/{name}`.
 * Region and account may be `*` (AWS's own examples use them); nothing else may be a wildcard.
 */
export function parseTableArn(value: unknown, path: string): { arn: string; name: string } {
  const match = typeof value === "string" ? TABLE_ARN.exec(value) : null;
  const [, partition, region, account, name] = match ?? [];
  const valid =
    match !== null &&
    isPartition(partition) &&
    (region === "*" || isRegion(region)) &&
    (account === "*" || isAccountId(account));
  if (!valid || name === undefined) {
    throw new PolicyError(
      "invalid_resource_arn",
      `${JSON.stringify(value)} is not a DynamoDB table ARN`,
      {
        path,
        expected:
          "arn:aws:dynamodb:us-east-1:123456789012:table/Notes (3 to 255 of A-Z a-z 0-9 _ . -)",
        actual: value,
      },
    );
  }
  return { arn: value as string, name };
}
