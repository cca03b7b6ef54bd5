/**
 * The exact event a Lambda authorizer receives for a real request, built with
 * `@gatehouse/policy`'s event builders (one home for the event shapes) from the request's
 * normalised input, with its headers as received.
 * @internal
 * @packageDocumentation
 */
import {
  buildHttpV1AuthorizerEvent,
  buildHttpV2AuthorizerEvent,
  buildRestRequestAuthorizerEvent,
  buildRestTokenAuthorizerEvent,
  buildWebSocketConnectAuthorizerEvent,
} from "@gatehouse/policy";
import type { ResolvedAuthorizer } from "../../config/internal/resolved-authorizer.js";
import {
  deploymentIdOf,
  eventInput,
  pathParametersOf,
  resourceIdOf,
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
    return buildRestTokenAuthorizerEvent({ methodArn: scope.arn, token: identityValues[0] ?? "" });
  }
  if (api.type === "WEBSOCKET") {
    return buildWebSocketConnectAuthorizerEvent(eventInput(scope), {
      methodArn: scope.arn,
      stageVariables: stageVariablesOf(scope),
      connectionId: scope.connectionId ?? "",
    });
  }
  if (api.type === "REST") {
    return buildRestRequestAuthorizerEvent(eventInput(scope), {
      methodArn: scope.arn,
      resource: scope.resource,
      pathParameters: pathParametersOf(scope),
      stageVariables: stageVariablesOf(scope),
      resourceId: resourceIdOf(scope),
      deploymentId: deploymentIdOf(scope),
    });
  }
  if (authorizer.payloadFormatVersion === "1.0") {
    return buildHttpV1AuthorizerEvent(eventInput(scope), {
      methodArn: scope.arn,
      resource: scope.resource,
      pathParameters: pathParametersOf(scope),
      stageVariables: stageVariablesOf(scope),
      identitySource: identityValues,
      resourceId: resourceIdOf(scope),
    });
  }
  const { input, cookies } = v2EventInput(scope);
  return buildHttpV2AuthorizerEvent(input, {
    routeArn: scope.arn,
    routeKey: scope.route.routeKey,
    pathParameters: pathParametersOf(scope),
    stageVariables: stageVariablesOf(scope),
    identitySource: authorizer.identitySources.length > 0 ? identityValues : null,
    cookies,
  });
}
