/**
 * The exact event a Lambda authorizer receives for a real request, built with the event
 * factories of `@gatehouse/testing` (one home for the event shapes) from the request's
 * normalised input, with its headers as received.
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
import type { ResolvedAuthorizer } from "../../config/internal/resolved-authorizer.js";
import {
  eventInput,
  pathParametersOf,
  stageVariablesOf,
  v2EventInput,
} from "../../routing/internal/event-input.js";
import type { RequestScope } from "../../routing/internal/request-scope.js";

/** @internal */
export function buildAuthorizerEvent(
  scope: RequestScope,
  authorizer: Extract<ResolvedAuthorizer, { kind: "lambda" }>,
  identityValues: readonly string[],
): unknown {
  const { api } = scope;
  if (authorizer.type === "TOKEN") {
    return restTokenEvent({
      ...eventInput(scope),
      token: identityValues[0] ?? "",
      methodArn: scope.arn,
    });
  }
  if (api.type === "WEBSOCKET") {
    return webSocketConnectEvent({
      ...eventInput(scope),
      stageVariables: stageVariablesOf(scope),
      methodArn: scope.arn,
      ...(scope.connectionId !== undefined ? { connectionId: scope.connectionId } : {}),
    });
  }
  if (api.type === "REST") {
    return restRequestEvent({
      ...eventInput(scope),
      stageVariables: stageVariablesOf(scope),
      resource: scope.resource,
      pathParameters: pathParametersOf(scope),
      methodArn: scope.arn,
    });
  }
  if (authorizer.payloadFormatVersion === "1.0") {
    return httpApiV1Event({
      ...eventInput(scope),
      stageVariables: stageVariablesOf(scope),
      resource: scope.resource,
      pathParameters: pathParametersOf(scope),
      identitySource: [...identityValues],
      methodArn: scope.arn,
    });
  }
  return httpApiV2Event({
    ...v2EventInput(scope),
    stageVariables: stageVariablesOf(scope),
    routeKey: scope.route.routeKey,
    pathParameters: pathParametersOf(scope),
    identitySource: authorizer.identitySources.length > 0 ? [...identityValues] : null,
    routeArn: scope.arn,
  });
}
