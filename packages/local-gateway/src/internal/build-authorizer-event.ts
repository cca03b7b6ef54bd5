/**
 * The exact event a Lambda authorizer receives for a real request, built with the event
 * factories of `@gatehouse/testing` (one home for the event shapes).
 * @internal
 * @packageDocumentation
 */
import {
  httpApiV1Event,
  httpApiV2Event,
  restRequestEvent,
  restTokenEvent,
  webSocketConnectEvent,
} from "@gatehouse/testing";
import { factoryContext, type RequestScope } from "./request-scope.js";
import type { ResolvedAuthorizer } from "./resolve-config.js";

/** @internal Cookies of a `cookie` header, as payload 2.0 lists them. */
export function cookiesOf(scope: RequestScope): string[] | undefined {
  const header = scope.request.lowerHeaders["cookie"];
  if (header === undefined) return undefined;
  return header.flatMap((value) => value.split(/;\s*/)).filter((cookie) => cookie !== "");
}

/** @internal */
export function httpEventOptions(scope: RequestScope) {
  const cookies = cookiesOf(scope);
  const headers = { ...scope.request.headers };
  // The factories add the `cookie` header from `cookies` themselves.
  if (cookies !== undefined) {
    for (const name of Object.keys(headers))
      if (name.toLowerCase() === "cookie") delete headers[name];
  }
  return {
    ...factoryContext(scope),
    method: scope.request.method,
    path: scope.path,
    headers,
    query: scope.request.query,
    cookies,
  };
}

/** @internal */
export function buildAuthorizerEvent(
  scope: RequestScope,
  authorizer: Extract<ResolvedAuthorizer, { kind: "lambda" }>,
  identityValues: readonly string[],
): unknown {
  const { api } = scope;
  if (authorizer.type === "TOKEN") {
    return restTokenEvent({
      ...factoryContext(scope),
      token: identityValues[0] ?? "",
      method: scope.request.method,
      path: scope.path,
      methodArn: scope.arn,
    });
  }
  if (api.type === "WEBSOCKET") {
    return webSocketConnectEvent({
      ...factoryContext(scope),
      headers: scope.request.headers,
      query: scope.request.query,
      methodArn: scope.arn,
      ...(scope.connectionId !== undefined ? { connectionId: scope.connectionId } : {}),
    });
  }
  const { cookies, ...options } = httpEventOptions(scope);
  if (api.type === "REST") {
    return restRequestEvent({ ...options, resource: scope.resource, methodArn: scope.arn });
  }
  if (authorizer.payloadFormatVersion === "1.0") {
    return httpApiV1Event({
      ...options,
      resource: scope.resource,
      identitySource: [...identityValues],
      methodArn: scope.arn,
    });
  }
  return httpApiV2Event({
    ...options,
    ...(cookies !== undefined ? { cookies } : {}),
    routeKey: scope.route.routeKey,
    identitySource: authorizer.identitySources.length > 0 ? [...identityValues] : null,
    routeArn: scope.arn,
  });
}
