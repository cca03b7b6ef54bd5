import {
  checkAccountId,
  checkApiId,
  checkPartition,
  checkPath,
  checkRegion,
  checkRouteKey,
  checkStage,
  invalidArn,
  isMethodSegment,
} from "./arn-fields.js";
import { MAX_METHOD_ARN_BYTES } from "./arn-limits.js";
import type { ExecuteApiArn } from "./execute-api-arn.js";

const encoder = new TextEncoder();

/**
 * Formats ARN parts back into an execute-api ARN (or the short `execute-api:/` form), the exact
 * inverse of {@link parseExecuteApiArn}: `parseExecuteApiArn(formatExecuteApiArn(x))` equals `x`.
 *
 * @param parts - The parts; fields are validated with the same rules as the parser.
 * @returns The ARN text.
 * @throws PolicyError `invalid_arn` (with `path` naming the field) for parts the parser would not
 *   give back, e.g. both `method` and `routeKey`, or a `path` without a `method`.
 * @throws TypeError when `parts` is not an object or a field has the wrong type.
 * @example
 * ```ts
 * formatExecuteApiArn({
 *   form: "full", partition: "aws", region: "us-east-1", accountId: "123456789012",
 *   apiId: "abcdef123", stage: "default", routeKey: "$connect",
 * }); // "arn:aws:execute-api:us-east-1:123456789012:abcdef123/default/$connect"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
export function formatExecuteApiArn(parts: ExecuteApiArn): string {
  const arn = build(parts);
  if (arn.length > MAX_METHOD_ARN_BYTES || encoder.encode(arn).length > MAX_METHOD_ARN_BYTES) {
    throw invalidArn(
      `ARN is longer than ${MAX_METHOD_ARN_BYTES} bytes`,
      "path",
      `at most ${MAX_METHOD_ARN_BYTES} bytes`,
      arn,
    );
  }
  return arn;
}

function build(parts: ExecuteApiArn): string {
  if (typeof parts !== "object" || parts === null) {
    throw new TypeError("formatExecuteApiArn: parts must be an object");
  }
  const { form, partition, region, accountId, apiId, stage, method, path, routeKey } = parts;
  if (form !== "full" && form !== "short") {
    throw new TypeError('formatExecuteApiArn: form must be "full" or "short"');
  }
  const optionalStrings = { partition, region, accountId, apiId, method, path, routeKey };
  for (const [name, value] of Object.entries(optionalStrings)) {
    if (value !== undefined && typeof value !== "string") {
      throw new TypeError(`formatExecuteApiArn: ${name} must be a string or undefined`);
    }
  }
  if (typeof stage !== "string") {
    throw new TypeError("formatExecuteApiArn: stage must be a string");
  }

  let head: string;
  if (form === "short") {
    for (const [name, value] of Object.entries({ partition, region, accountId, apiId })) {
      if (value !== undefined) {
        throw invalidArn(`the short form has no ${name}`, name, "undefined", value);
      }
    }
    head = "execute-api:/";
  } else {
    const fields = { partition, region, accountId, apiId };
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) {
        throw invalidArn(`a full ARN needs ${name}`, name, `a ${name}`, value);
      }
    }
    const checkedPartition = checkPartition(partition as string, "partition");
    checkRegion(region as string, checkedPartition, "region");
    checkAccountId(accountId as string, "accountId");
    checkApiId(apiId as string, "apiId");
    head = `arn:${checkedPartition}:execute-api:${region}:${accountId}:${apiId}`;
  }

  if (stage === "") {
    // Only a full ARN may stop after the API id (`arn:aws:execute-api:*:*:*`).
    if (form === "short") throw invalidArn("stage is empty", "stage", "a stage", stage);
    for (const [name, value] of Object.entries({ method, path, routeKey })) {
      if (value !== undefined) {
        throw invalidArn(`${name} needs a stage`, name, "undefined when stage is empty", value);
      }
    }
    return head;
  }
  checkStage(stage, "stage");
  const separator = form === "short" ? "" : "/";

  if (routeKey !== undefined) {
    if (method !== undefined || path !== undefined) {
      const name = method !== undefined ? "method" : "path";
      throw invalidArn(
        "an ARN has either method (+ path) or routeKey",
        name,
        "undefined with a routeKey",
        parts[name],
      );
    }
    return `${head}${separator}${stage}/${checkRouteKey(routeKey, "routeKey")}`;
  }
  if (method === undefined) {
    if (path !== undefined) throw invalidArn("path needs a method", "path", "a method", path);
    return `${head}${separator}${stage}`;
  }
  if (!isMethodSegment(method)) {
    throw invalidArn(
      `method "${method}" is not an HTTP verb, * or a wildcard pattern matching one`,
      "method",
      "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY or a pattern",
      method,
    );
  }
  const suffix = path === undefined ? "" : checkPath(path, "path");
  return `${head}${separator}${stage}/${method}${suffix}`;
}
