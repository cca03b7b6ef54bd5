/**
 * Reads an authorizer's identity sources from a request: the values are the cache key and, for
 * HTTP API payload 1.0 / 2.0, the event's `identitySource`.
 * @internal
 * @packageDocumentation
 */

import type { IdentitySource } from "../../config/internal/identity-source.js";
import type { RequestScope } from "../../routing/internal/request-scope.js";

function contextValue(scope: RequestScope, name: string): string | undefined {
  switch (name) {
    case "routeKey":
      return scope.route.routeKey;
    case "httpMethod":
    case "http.method":
      return scope.request.method;
    case "path":
    case "http.path":
      return scope.path;
    case "resourcePath":
      return scope.resource;
    case "stage":
      return scope.api.stage;
    case "apiId":
      return scope.api.apiId;
    case "accountId":
      return scope.gateway.accountId;
    case "identity.sourceIp":
    case "http.sourceIp":
      return scope.request.sourceIp;
    case "identity.userAgent":
    case "http.userAgent":
      return scope.request.userAgent;
    default:
      return undefined;
  }
}

/** @internal The value of one identity source, `undefined` when the request lacks it (or it is empty). */
export function identityValue(scope: RequestScope, source: IdentitySource): string | undefined {
  let value: string | undefined;
  switch (source.kind) {
    case "header": {
      const values = scope.request.lowerHeaders[source.name.toLowerCase()];
      // HTTP APIs join repeated headers with commas; REST keeps the last one.
      value =
        values === undefined
          ? undefined
          : scope.api.type === "HTTP"
            ? values.join(",")
            : values[values.length - 1];
      break;
    }
    case "query": {
      const values = scope.request.query[source.name];
      value =
        values === undefined
          ? undefined
          : scope.api.type === "HTTP"
            ? values.join(",")
            : values[values.length - 1];
      break;
    }
    case "stageVariable":
      value = scope.api.stageVariables[source.name];
      break;
    case "context":
      value = contextValue(scope, source.name);
      break;
  }
  return value === undefined || value === "" ? undefined : value;
}

/** @internal All values in order, or `undefined` when any is missing. */
export function identityValues(
  scope: RequestScope,
  sources: readonly IdentitySource[],
): string[] | undefined {
  const values: string[] = [];
  for (const source of sources) {
    const value = identityValue(scope, source);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}
