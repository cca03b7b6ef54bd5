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

const SHORT_PREFIX = "execute-api:/";
const encoder = new TextEncoder();

/**
 * Parses an execute-api ARN or ARN pattern (REST/HTTP method ARNs, HTTP API route ARNs, WebSocket
 * route ARNs, `@connections` ARNs, and the short resource-policy form `execute-api:/...`).
 *
 * After the stage, a segment that is an HTTP verb (any case: written case is kept), `ANY`, `*` or
 * a wildcard pattern that can match a verb starts method + path; anything else is a route key.
 *
 * @param arn - The ARN, e.g. an event's `methodArn` / `routeArn` or a policy `Resource`.
 * @param path - Where `arn` sits in the caller's input, reported as the error `path`. Default `"arn"`.
 * @returns The parts; the inverse is {@link formatExecuteApiArn}.
 * @throws PolicyError `invalid_arn` for anything else (including ARNs above 1600 bytes).
 * @throws TypeError when `arn` is not a string.
 * @example
 * ```ts
 * const arn = parseExecuteApiArn("arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/POST/lambda-token");
 * arn.method; // "POST"
 * arn.path; // "/lambda-token"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
export function parseExecuteApiArn(arn: string, path = "arn"): ExecuteApiArn {
  if (typeof arn !== "string") {
    throw new TypeError(`parseExecuteApiArn: arn must be a string, got ${typeof arn}`);
  }
  if (typeof path !== "string") {
    throw new TypeError(`parseExecuteApiArn: path must be a string, got ${typeof path}`);
  }
  // Cheap length guard first: a string of more than 1600 UTF-16 units is always over 1600 bytes.
  if (arn.length > MAX_METHOD_ARN_BYTES || encoder.encode(arn).length > MAX_METHOD_ARN_BYTES) {
    throw invalidArn(
      `ARN is longer than ${MAX_METHOD_ARN_BYTES} bytes`,
      path,
      `at most ${MAX_METHOD_ARN_BYTES} bytes`,
      arn,
    );
  }

  if (arn.startsWith(SHORT_PREFIX)) {
    const tail = parseAfterApiId(arn.slice(SHORT_PREFIX.length), path);
    return {
      form: "short",
      partition: undefined,
      region: undefined,
      accountId: undefined,
      apiId: undefined,
      ...tail,
    };
  }

  const fields = splitArn(arn);
  if (fields === undefined) {
    throw invalidArn(
      "not an execute-api ARN",
      path,
      "arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/... or execute-api:/{stage}/...",
      arn,
    );
  }
  const [partitionText, region, accountId, resource] = fields;
  const partition = checkPartition(partitionText, path);
  checkRegion(region, partition, path);
  checkAccountId(accountId, path);

  const slash = resource.indexOf("/");
  const apiId = checkApiId(slash === -1 ? resource : resource.slice(0, slash), path);
  // `arn:aws:execute-api:*:*:*` stops after the API id: no stage segment at all.
  const tail = slash === -1 ? { stage: "" } : parseAfterApiId(resource.slice(slash + 1), path);
  return { form: "full", partition, region, accountId, apiId, ...tail };
}

/** `[partition, region, account, resource]`; the resource keeps any further colons. */
function splitArn(arn: string): [string, string, string, string] | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = arn.indexOf(":", start);
    if (colon === -1) return undefined;
    parts.push(arn.slice(start, colon));
    start = colon + 1;
  }
  const [prefix, partition, service, region, account] = parts;
  if (
    prefix !== "arn" ||
    service !== "execute-api" ||
    partition === undefined ||
    region === undefined ||
    account === undefined
  ) {
    return undefined;
  }
  return [partition, region, account, arn.slice(start)];
}

type Tail = Pick<ExecuteApiArn, "stage" | "method" | "path" | "routeKey">;

/** Parses `{stage}[/{METHOD}[/path] | /{routeKey}]`. */
function parseAfterApiId(text: string, path: string): Tail {
  const slash = text.indexOf("/");
  const stage = checkStage(slash === -1 ? text : text.slice(0, slash), path);
  if (slash === -1) return { stage };

  const rest = text.slice(slash + 1);
  const next = rest.indexOf("/");
  const first = next === -1 ? rest : rest.slice(0, next);
  if (first !== "" && isMethodSegment(first)) {
    if (next === -1) return { stage, method: first };
    return { stage, method: first, path: checkPath(rest.slice(next), path) };
  }
  return { stage, routeKey: checkRouteKey(rest, path) };
}
