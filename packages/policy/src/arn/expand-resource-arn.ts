import { checkApiTarget } from "./arn-fields.js";
import type { Partition } from "./execute-api-arn.js";
import { formatExecuteApiArn } from "./format-execute-api-arn.js";
import { parseExecuteApiArn } from "./parse-execute-api-arn.js";

/** The API a short-form resource (`execute-api:/...`) belongs to. */
export interface ApiTarget {
  /** A {@link Partition} (`aws`, `aws-cn`, `aws-us-gov`...): take it from the API's own ARN, never assume `aws`. */
  partition: Partition;
  /** The API's region, e.g. `eu-west-1`. */
  region: string;
  /** The 12-digit account that owns the API. */
  accountId: string;
  /** The API id, e.g. `puhdx84jy9`. */
  apiId: string;
}

/**
 * Expands a short resource-policy resource to the full ARN, as API Gateway does when it saves a
 * resource policy: `execute-api:/prod/GET/x` -> `arn:{partition}:execute-api:{region}:{account}:{apiId}/prod/GET/x`.
 * Anything that does not start with `execute-api:` (full ARNs, `*`) is returned unchanged.
 *
 * @param resource - A policy `Resource` value.
 * @param target - The API the policy is attached to.
 * @returns The expanded ARN, or `resource` itself.
 * @throws PolicyError `invalid_arn` for a malformed short form (`path` `"resource"`) or target field
 *   (`path` `"target.region"`...).
 * @throws TypeError when the arguments have the wrong types.
 * @example
 * ```ts
 * expandResourceArn("execute-api:/*", {
 *   partition: "aws", region: "eu-west-1", accountId: "123456789012", apiId: "puhdx84jy9",
 * }); // "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/*"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-create-attach.html
 */
export function expandResourceArn(resource: string, target: ApiTarget): string {
  if (typeof resource !== "string") {
    throw new TypeError(`expandResourceArn: resource must be a string, got ${typeof resource}`);
  }
  const checked = checkApiTarget(target, "expandResourceArn");
  if (!resource.startsWith("execute-api:")) return resource;
  const short = parseExecuteApiArn(resource, "resource");
  return formatExecuteApiArn({ ...short, form: "full", ...checked });
}
