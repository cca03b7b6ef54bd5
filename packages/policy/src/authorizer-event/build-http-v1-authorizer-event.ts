import type { AuthorizerEventRequest } from "./authorizer-event-request.js";
import type { HttpApiV1AuthorizerEvent } from "./http-api-v1-authorizer-event.js";
import {
  clfTime,
  copyMap,
  copyMulti,
  domainPrefix,
  iamIdentityFields,
  joinedValues,
  lastValues,
  lowerCaseNames,
  mergeHeaders,
} from "./internal/event-parts.js";

/** The route-side fields of an HTTP API payload `1.0` authorizer event. */
export interface HttpV1AuthorizerEventRoute {
  /** The ARN of the invoked route (the concrete path, not the template). */
  methodArn: string;
  /** The route's path template, e.g. `/pets/{id}` (`resource` and `requestContext.resourcePath`). */
  resource: string;
  pathParameters: Readonly<Record<string, string>>;
  stageVariables: Readonly<Record<string, string>>;
  /** The values of the authorizer's identity sources, in order; joined with commas in the event. */
  identitySource: readonly string[];
  /** The route's resource id, e.g. `q1w2e3`. */
  resourceId: string;
}

/**
 * The event API Gateway sends an HTTP API Lambda authorizer with payload format `1.0`: REST-like,
 * with lower-case header names and repeated values joined with commas, no multi-value maps, and
 * `identitySource` / `authorizationToken` holding the identity-source values joined with commas.
 * The request context's `path` has no stage prefix on the `$default` stage.
 *
 * @param request - the request as received.
 * @param route - the route ARN, template, path parameters, stage variables, identity sources and id.
 * @returns the event.
 * @example
 * ```ts
 * declare const request: AuthorizerEventRequest; // the request as received
 * const event = buildHttpV1AuthorizerEvent(request, {
 *   methodArn: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/$default/GET/pets",
 *   resource: "/pets",
 *   pathParameters: {},
 *   stageVariables: {},
 *   identitySource: ["Bearer abc", "tenant-1"],
 *   resourceId: "q1w2e3",
 * });
 * // event.identitySource === "Bearer abc,tenant-1"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export function buildHttpV1AuthorizerEvent(
  request: AuthorizerEventRequest,
  route: HttpV1AuthorizerEventRoute,
): HttpApiV1AuthorizerEvent {
  const identitySource = route.identitySource.join(",");
  return {
    version: "1.0",
    type: "REQUEST",
    methodArn: route.methodArn,
    identitySource,
    authorizationToken: identitySource,
    resource: route.resource,
    path: request.path,
    httpMethod: request.method,
    headers: joinedValues(lowerCaseNames(mergeHeaders(request.headers))),
    queryStringParameters: lastValues(copyMulti(request.query)),
    pathParameters: copyMap(route.pathParameters),
    stageVariables: copyMap(route.stageVariables),
    requestContext: {
      accountId: request.accountId,
      apiId: request.apiId,
      domainName: request.domainName,
      domainPrefix: domainPrefix(request.domainName),
      extendedRequestId: request.extendedRequestId,
      httpMethod: request.method,
      identity: {
        sourceIp: request.sourceIp,
        userAgent: request.userAgent,
        ...iamIdentityFields(request.iamIdentity),
        ...(request.clientCert !== undefined ? { clientCert: request.clientCert } : {}),
      },
      path: request.stage === "$default" ? request.path : `/${request.stage}${request.path}`,
      protocol: "HTTP/1.1",
      requestId: request.requestId,
      requestTime: clfTime(request.timeEpoch),
      requestTimeEpoch: request.timeEpoch,
      resourceId: route.resourceId,
      resourcePath: route.resource,
      stage: request.stage,
    },
  };
}
