/**
 * API keys and usage plans of the gateway config: `apiKeyRequired` on routes, `apiKeySource` on
 * APIs, and the gateway's `apiKeys` / `usagePlans`, validated by `@gatehouse/policy`'s
 * `parseUsagePlans` against the stages the gateway serves.
 * @internal
 * @packageDocumentation
 */
import {
  type ApiKeyCheckOrder,
  type ApiKeySource,
  isPolicyError,
  parseUsagePlans,
  type UsagePlans,
} from "@gatehouse/policy";
import { LocalGatewayError } from "../../errors.js";
import type { ApiType } from "./api-type.js";
import { invalid, kindOf, oneOf } from "./config-fields.js";
import type { ResolvedApi } from "./resolved-api.js";

const SOURCES: readonly string[] = ["HEADER", "AUTHORIZER"];

/** @internal A route's or `$connect`'s `apiKeyRequired`; HTTP APIs have no API keys. */
export function resolveApiKeyRequired(value: unknown, type: ApiType, path: string): boolean {
  if (value === undefined) return false;
  if (type === "HTTP")
    throw invalid(path, "applies to REST and WebSocket APIs only (HTTP APIs have no API keys)");
  if (typeof value !== "boolean") throw invalid(path, `must be a boolean, got ${kindOf(value)}`);
  return value;
}

/** @internal An API's `apiKeySource`. */
export function resolveApiKeySource(value: unknown, type: ApiType, path: string): ApiKeySource {
  if (value !== undefined && type === "HTTP") {
    throw invalid(path, "applies to REST and WebSocket APIs only (HTTP APIs have no API keys)");
  }
  return oneOf<ApiKeySource>(value, SOURCES, "HEADER", path);
}

const ORDERS: readonly string[] = ["after-authorization", "before-authorization"];

/**
 * @internal An API's `apiKeyCheck`: when `apiKeyRequired` methods check the key.
 * `"before-authorization"` needs the `HEADER` source (`api_key_check_needs_header_source`).
 */
export function resolveApiKeyCheck(
  value: unknown,
  type: ApiType,
  source: ApiKeySource,
  path: string,
): ApiKeyCheckOrder {
  if (value !== undefined && type === "HTTP") {
    throw invalid(path, "applies to REST and WebSocket APIs only (HTTP APIs have no API keys)");
  }
  const order = oneOf<ApiKeyCheckOrder>(value, ORDERS, "after-authorization", path);
  if (order === "before-authorization" && source === "AUTHORIZER") {
    throw new LocalGatewayError(
      "api_key_check_needs_header_source",
      `${path} is "before-authorization" but the API's apiKeySource is "AUTHORIZER": that key is the Lambda authorizer's usageIdentifierKey, which exists only after the authorizer ran`,
      {
        path,
        expected: '"after-authorization" with apiKeySource "AUTHORIZER"',
        hint: 'Use apiKeyCheck "after-authorization" (the default), or apiKeySource "HEADER" to check the x-api-key header before authorization.',
      },
    );
  }
  return order;
}

/** @internal The gateway's `apiKeys` and `usagePlans`, on the stages of its REST and WebSocket APIs. */
export function resolveUsagePlans(
  config: Record<string, unknown>,
  apis: readonly ResolvedApi[],
): UsagePlans {
  const apiKeys = config["apiKeys"] ?? [];
  const usagePlans = config["usagePlans"] ?? [];
  const stages = apis
    .filter((api) => api.type !== "HTTP")
    .map((api) => ({ apiId: api.apiId, stage: api.stage }));
  try {
    return parseUsagePlans({ apiKeys, usagePlans } as never, { stages });
  } catch (cause) {
    if (!isPolicyError(cause)) throw cause;
    const path = cause.path ?? "usagePlans";
    // PolicyError messages start with the path and never hold a key value.
    throw new LocalGatewayError("invalid_config", cause.message, {
      path,
      ...(cause.expected === undefined ? {} : { expected: cause.expected }),
      cause,
    });
  }
}
