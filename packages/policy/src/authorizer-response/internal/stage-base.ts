import type { Partition } from "../../arn/execute-api-arn.js";
import { parseExecuteApiArn } from "../../arn/parse-execute-api-arn.js";
import { PolicyError } from "../../errors.js";

/**
 * The stage an incoming method/route ARN belongs to.
 * @internal
 */
export interface StageBase {
  partition: Partition;
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
}

const WILDCARD = /[*?]/;

/**
 * Parses the ARN API Gateway sent to the authorizer and keeps the stage it belongs to. A wildcard
 * in any field up to the stage would widen every policy built on it, so it is rejected.
 * @internal
 */
export function parseStageBase(arn: unknown, path: string): StageBase {
  if (typeof arn !== "string") {
    throw new PolicyError("invalid_arn", `${path} must be a string`, {
      path,
      expected: "the execute-api ARN from the authorizer event",
      actual: typeof arn,
    });
  }
  const parts = parseExecuteApiArn(arn, path);
  const { partition, region, accountId, apiId, stage } = parts;
  if (
    parts.form !== "full" ||
    partition === undefined ||
    region === undefined ||
    accountId === undefined ||
    apiId === undefined ||
    [region, accountId, apiId, stage].some((field) => field === "" || WILDCARD.test(field))
  ) {
    throw new PolicyError("invalid_arn", `${path} is not a concrete execute-api ARN`, {
      path,
      expected:
        "arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/... without wildcards",
      actual: arn,
    });
  }
  return { partition, region, accountId, apiId, stage };
}

/**
 * Every route of the stage: `*` also matches `/`, so this covers method ARNs, the HTTP API
 * `$default` route and WebSocket `$connect` alike.
 * @internal
 */
export function wholeStageArn(base: StageBase): string {
  return `arn:${base.partition}:execute-api:${base.region}:${base.accountId}:${base.apiId}/${base.stage}/*`;
}
