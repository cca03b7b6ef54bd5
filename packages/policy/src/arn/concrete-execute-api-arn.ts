import { PolicyError } from "../errors.js";
import { isAccountId } from "../identifiers/account-id.js";
import { isApiId } from "../identifiers/api-id.js";
import { type HttpMethod, isHttpMethod } from "../identifiers/http-method.js";
import { shortValue } from "../identifiers/internal/identifier-error.js";
import type { Partition } from "../identifiers/partition.js";
import { isRegion } from "../identifiers/region.js";
import { isStageName } from "../identifiers/stage-name.js";
import type { ExecuteApiArn } from "./execute-api-arn.js";
import { parseExecuteApiArn } from "./parse-execute-api-arn.js";

/**
 * The ARN of one request, as API Gateway sends it in `methodArn` / `routeArn`: a full ARN whose
 * region, account, API id and stage are concrete values (no wildcard), and either an upper-case
 * method with its path (`.../prod/GET/pets/42`) or a route key (`.../prod/$connect`).
 *
 * @example
 * ```ts
 * const arn: ConcreteExecuteApiArn = parseConcreteExecuteApiArn(event.methodArn);
 * `${arn.region}:${arn.accountId}:${arn.apiId}/${arn.stage}`; // the stage a cached policy covers
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
export type ConcreteExecuteApiArn = ExecuteApiArn & {
  form: "full";
  partition: Partition;
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
} & (
    | { method: HttpMethod; path: string; routeKey?: undefined }
    | { method?: undefined; path?: undefined; routeKey: string }
  );

/**
 * Whether a parsed ARN names one request rather than a pattern: full form; a region, 12-digit
 * account, API id ({@link isApiId}) and stage ({@link isStageName}) without wildcards; an
 * upper-case method with a path, or a route key. The path may contain `*` and `?`: they are
 * ordinary characters of a request path.
 *
 * @param arn - The result of {@link parseExecuteApiArn}.
 * @example
 * ```ts
 * isConcreteExecuteApiArn(parseExecuteApiArn("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/")); // true
 * isConcreteExecuteApiArn(parseExecuteApiArn("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*")); // false
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
export function isConcreteExecuteApiArn(arn: ExecuteApiArn): arn is ConcreteExecuteApiArn {
  const { form, partition, region, accountId, apiId, stage, method, path, routeKey } = arn;
  if (form !== "full" || partition === undefined) return false;
  if (!isRegion(region) || !isAccountId(accountId) || !isApiId(apiId) || !isStageName(stage)) {
    return false;
  }
  if (routeKey !== undefined) return method === undefined && path === undefined;
  return isHttpMethod(method) && path !== undefined;
}

/**
 * Parses the ARN of one request (`methodArn`, `routeArn`) and refuses patterns: what an authorizer
 * or a policy simulator needs before it treats the fields as facts.
 *
 * @param arn - The ARN text.
 * @param path - Where the value sits in the caller's input, reported as the error `path`. Default `"arn"`.
 * @returns The parts, with every field of a request set.
 * @throws PolicyError `invalid_arn` for a malformed ARN ({@link parseExecuteApiArn}'s rules), the
 *   short form, or a pattern (a wildcard or missing field where a request has a value).
 * @throws TypeError when `arn` is not a string.
 * @example
 * ```ts
 * parseConcreteExecuteApiArn("arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/GET/pets/42").path; // "/pets/42"
 * parseConcreteExecuteApiArn("execute-api:/prod/GET/*"); // throws PolicyError invalid_arn
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
export function parseConcreteExecuteApiArn(arn: string, path = "arn"): ConcreteExecuteApiArn {
  const parsed = parseExecuteApiArn(arn, path);
  if (!isConcreteExecuteApiArn(parsed)) {
    throw new PolicyError(
      "invalid_arn",
      `${path} must be the ARN of one request, not a pattern: no wildcard in region, account, API id, stage or method, and a method with a path or a route key`,
      {
        path,
        expected: "arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}",
        actual: shortValue(arn),
      },
    );
  }
  return parsed;
}
