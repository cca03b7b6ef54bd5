import { randomBytes, randomUUID } from "node:crypto";
import { type Partition, partitionDnsSuffix, partitionOfRegion } from "@gatehouse/policy";
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
  /** The first label of `domainName`. */
  domainPrefix: string;
  partition: Partition;
}

/** @internal */
export function resolveContext(options: EventOptions, defaultStage: string): ResolvedContext {
  const region = options.region ?? "eu-west-1";
  const partition = partitionOfRegion(region, "region");
  const apiId = options.apiId ?? "a1b2c3d4e5";
  const domainName =
    options.domainName ?? `${apiId}.execute-api.${region}.${partitionDnsSuffix(partition)}`;
  const dot = domainName.indexOf(".");
  return {
    region,
    accountId: options.accountId ?? "123456789012",
    apiId,
    stage: options.stage ?? defaultStage,
    sourceIp: options.sourceIp ?? "198.51.100.23",
    userAgent: options.userAgent ?? "curl/8.7.1",
    now: options.now ?? Date.now(),
    domainName,
    domainPrefix: dot === -1 ? domainName : domainName.slice(0, dot),
    partition,
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

/** `map[name] = value`, also for a key named `__proto__` (a valid header or query name). */
function put<T>(map: Record<string, T>, name: string, value: T): void {
  if (name === "__proto__") {
    Object.defineProperty(map, name, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    map[name] = value;
  }
}

/** Merges header maps; a later name replaces an earlier one whatever its case. @internal */
export function mergeHeaders(...maps: (MultiValueMap | undefined)[]): Record<string, string[]> {
  const merged = new Map<string, [string, string[]]>();
  for (const map of maps) {
    if (map === undefined) continue;
    for (const name of Object.keys(map)) {
      const value = map[name] as string | readonly string[];
      merged.set(name.toLowerCase(), [name, typeof value === "string" ? [value] : [...value]]);
    }
  }
  const result: Record<string, string[]> = {};
  for (const [name, values] of merged.values()) put(result, name, values);
  return result;
}

/** Multi-value map from a factory's input. @internal */
export function toMulti(map: MultiValueMap | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (map === undefined) return result;
  for (const name of Object.keys(map)) {
    const value = map[name] as string | readonly string[];
    put(result, name, typeof value === "string" ? [value] : [...value]);
  }
  return result;
}

/** Percent-decodes a path segment; one that is not valid percent-encoding (`%`, `%zz`) stays as is. */
function decodeIfEncoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
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
    if (named?.[1] !== undefined) parameters[named[1]] = decodeIfEncoded(actual);
    else if (segment !== actual) return {};
  }
  return templateSegments.length === pathSegments.length ? parameters : {};
}

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/**
 * `size` random bytes from a pool refilled 4 KB at a time: ids are built per event, and one
 * `randomBytes` call per id costs more than building the rest of the event.
 */
function random(size: number): Buffer {
  if (poolOffset + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + size);
  poolOffset += size;
  return bytes;
}

/** An id like `ZhFsxGQDDoEEMig=` (extended request ids, HTTP API request ids, connection ids). @internal */
export function shortId(): string {
  return random(11).toString("base64").replace(/[+/]/g, "A").slice(0, 15).concat("=");
}

/** A REST request id (UUID). @internal */
export function uuid(): string {
  return randomUUID();
}

/** An X-Ray trace header value. @internal */
export function traceId(epochMs: number): string {
  return `Root=1-${Math.floor(epochMs / 1000).toString(16)}-${random(12).toString("hex")}`;
}

/** A 6-character API Gateway resource or deployment id. @internal */
export function resourceId(): string {
  return random(3).toString("hex");
}

/** The Sec-WebSocket-Key of a handshake. @internal */
export function webSocketKey(): string {
  return random(16).toString("base64");
}

/** A CloudFront edge `Via` header value. @internal */
export function cloudFrontVia(): string {
  return `2.0 ${random(16).toString("hex")}.cloudfront.net (CloudFront)`;
}

/** A CloudFront request id (`X-Amz-Cf-Id`). @internal */
export function cloudFrontId(): string {
  return `${random(42).toString("base64url")}==`;
}
