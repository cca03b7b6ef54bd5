import { formatExecuteApiArn } from "./format-execute-api-arn.js";
import { parseExecuteApiArn } from "./parse-execute-api-arn.js";

/**
 * Shortens a full execute-api ARN to the resource-policy short form, the inverse of
 * {@link expandResourceArn}: `arn:aws:execute-api:eu-west-1:123456789012:abc/prod/GET/x` ->
 * `execute-api:/prod/GET/x`. Useful to compare a policy read back from API Gateway (always expanded)
 * with the short form in source. The region, account and API id are dropped, not compared: check
 * them first if the policy may name another API.
 *
 * Strings that are not execute-api ARNs (`*`, other services, the short form itself) and ARNs that
 * stop after the API id (`arn:aws:execute-api:*:*:*`, no short equivalent) are returned unchanged.
 *
 * @param resource - A policy `Resource` value.
 * @returns The short form, or `resource` itself.
 * @throws PolicyError `invalid_arn` (`path` `"resource"`) for a malformed `arn:...:execute-api:` ARN.
 * @throws TypeError when `resource` is not a string.
 * @example
 * ```ts
 * shortenResourceArn("arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/*"); // "execute-api:/*"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-create-attach.html
 */
export function shortenResourceArn(resource: string): string {
  if (typeof resource !== "string") {
    throw new TypeError(`shortenResourceArn: resource must be a string, got ${typeof resource}`);
  }
  if (!/^arn:[^:]*:execute-api:/.test(resource)) return resource;
  const full = parseExecuteApiArn(resource, "resource");
  if (full.stage === "") return resource;
  return formatExecuteApiArn({
    ...full,
    form: "short",
    partition: undefined,
    region: undefined,
    accountId: undefined,
    apiId: undefined,
  });
}
