import { randomBytes, randomUUID } from "node:crypto";
import type { EventOptions, MultiValueMap } from "../event-options.js";

/** @internal */
export interface ResolvedContext {
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
  sourceIp: string;
  userAgent: string;
  now: number;
  domainName: string;
  partition: string;
}

/** @internal */
export function resolveContext(options: EventOptions, defaultStage: string): ResolvedContext {
  const region = options.region ?? "eu-west-1";
  const apiId = options.apiId ?? "a1b2c3d4e5";
  return {
    region,
    accountId: options.accountId ?? "123456789012",
    apiId,
    stage: options.stage ?? defaultStage,
    sourceIp: options.sourceIp ?? "198.51.100.23",
    userAgent: options.userAgent ?? "curl/8.7.1",
    now: options.now ?? Date.now(),
    domainName: `${apiId}.execute-api.${region}.${region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com"}`,
    partition: region.startsWith("cn-")
      ? "aws-cn"
      : region.startsWith("us-gov-")
        ? "aws-us-gov"
        : "aws",
  };
}

/**
 * `arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{rest}`.
 * @internal
 */
export function executeApiArn(context: ResolvedContext, rest: string): string {
  return `arn:${context.partition}:execute-api:${context.region}:${context.accountId}:${context.apiId}/${context.stage}/${rest}`;
}

/** `/pets` → `GET/pets`; `/` → `GET/`. @internal */
export function methodPath(method: string, path: string): string {
  return `${method}${path.startsWith("/") ? path : `/${path}`}`;
}

/** Merges header maps; a later name replaces an earlier one whatever its case. @internal */
export function mergeHeaders(...maps: (MultiValueMap | undefined)[]): Record<string, string[]> {
  const merged = new Map<string, [string, string[]]>();
  for (const map of maps) {
    for (const [name, value] of Object.entries(map ?? {})) {
      merged.set(name.toLowerCase(), [name, typeof value === "string" ? [value] : [...value]]);
    }
  }
  return Object.fromEntries(merged.values());
}

/** Multi-value map from a factory's input. @internal */
export function toMulti(map: MultiValueMap | undefined): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(map ?? {}).map(([name, value]) => [
      name,
      typeof value === "string" ? [value] : [...value],
    ]),
  );
}

/** REST single-value view: the last value of each key wins. @internal */
export function lastValues(multi: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(multi).map(([name, values]) => [name, values[values.length - 1] ?? ""]),
  );
}

/** HTTP API view: repeated values joined with commas. @internal */
export function joinedValues(multi: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(multi).map(([name, values]) => [name, values.join(",")]),
  );
}

/** `a=1&a=2&b=x%20y` from a multi-value query. @internal */
export function rawQueryString(multi: Record<string, string[]>): string {
  return Object.entries(multi)
    .flatMap(([name, values]) =>
      values.map((value) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
    )
    .join("&");
}

/**
 * Path parameters of `path` under a route `template` (`/pets/{id}`, `/files/{proxy+}`); `{}` when
 * the template has none or does not match.
 * @internal
 */
export function extractPathParameters(template: string, path: string): Record<string, string> {
  const templateSegments = template.split("/").filter((segment) => segment !== "");
  const pathSegments = path.split("/").filter((segment) => segment !== "");
  const parameters: Record<string, string> = {};
  for (const [index, segment] of templateSegments.entries()) {
    const greedy = /^\{(.+)\+\}$/.exec(segment);
    if (greedy?.[1] !== undefined) {
      parameters[greedy[1]] = pathSegments.slice(index).join("/");
      return parameters;
    }
    const actual = pathSegments[index];
    if (actual === undefined) return {};
    const named = /^\{(.+)\}$/.exec(segment);
    if (named?.[1] !== undefined) parameters[named[1]] = decodeURIComponent(actual);
    else if (segment !== actual) return {};
  }
  return templateSegments.length === pathSegments.length ? parameters : {};
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `17/Jun/2024:15:02:03 +0000`, the CLF time API Gateway puts in `requestTime`. @internal */
export function clfTime(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** An id like `ZhFsxGQDDoEEMig=` (extended request ids, HTTP API request ids, connection ids). @internal */
export function shortId(): string {
  return randomBytes(11).toString("base64").replace(/[+/]/g, "A").slice(0, 15).concat("=");
}

/** A REST request id (UUID). @internal */
export function uuid(): string {
  return randomUUID();
}

/** An X-Ray trace header value. @internal */
export function traceId(epochMs: number): string {
  return `Root=1-${Math.floor(epochMs / 1000).toString(16)}-${randomBytes(12).toString("hex")}`;
}

/** A 6-character API Gateway resource or deployment id. @internal */
export function resourceId(): string {
  return randomBytes(6).toString("hex").slice(0, 6);
}

/** The Sec-WebSocket-Key of a handshake. @internal */
export function webSocketKey(): string {
  return randomBytes(16).toString("base64");
}

/** A CloudFront edge `Via` header value. @internal */
export function cloudFrontVia(): string {
  return `2.0 ${randomBytes(16).toString("hex")}.cloudfront.net (CloudFront)`;
}

/** A CloudFront request id (`X-Amz-Cf-Id`). @internal */
export function cloudFrontId(): string {
  return `${randomBytes(42).toString("base64url")}==`;
}
