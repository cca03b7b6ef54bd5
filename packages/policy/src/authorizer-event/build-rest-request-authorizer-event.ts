import type { AuthorizerEventRequest } from "./authorizer-event-request.js";
import type { AuthorizerRequestIdentity } from "./authorizer-request-identity.js";
import {
  clfTime,
  copyMap,
  copyMulti,
  domainPrefix,
  iamIdentityFields,
  lastValues,
  mergeHeaders,
} from "./internal/event-parts.js";
import type { RestRequestAuthorizerEvent } from "./rest-request-authorizer-event.js";

/** The route-side fields of a REST API `REQUEST` authorizer event. */
export interface RestRequestAuthorizerEventRoute {
  /** The ARN of the invoked method (the concrete path, not the template). */
  methodArn: string;
  /** The resource template, e.g. `/pets/{id}` (`resource` and `requestContext.resourcePath`). */
  resource: string;
  /** The values of the template's path parameters, e.g. `{ id: "7" }`. */
  pathParameters: Readonly<Record<string, string>>;
  stageVariables: Readonly<Record<string, string>>;
  /** The resource's id, e.g. `q1w2e3`. */
  resourceId: string;
  /** The stage's deployment id, e.g. `r5t6y7`. */
  deploymentId: string;
}

/**
 * The event API Gateway sends a REST API `REQUEST` authorizer: header names in the case the client
 * sent, `headers` + `multiValueHeaders`, `queryStringParameters` +
 * `multiValueQueryStringParameters` (the single-value maps keep the last value), a request
 * context whose `path` includes the stage, and `identity` with every caller field present (`null`
 * unless the method uses `AWS_IAM`).
 *
 * @param request - the request as received.
 * @param route - the method ARN, resource template, path parameters, stage variables and ids.
 * @returns the event.
 * @example
 * ```ts
 * declare const request: AuthorizerEventRequest; // the request as received
 * const event = buildRestRequestAuthorizerEvent(request, {
 *   methodArn: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets/7",
 *   resource: "/pets/{id}",
 *   pathParameters: { id: "7" },
 *   stageVariables: {},
 *   resourceId: "q1w2e3",
 *   deploymentId: "r5t6y7",
 * });
 * // event.requestContext.path === "/prod/pets/7"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export function buildRestRequestAuthorizerEvent(
  request: AuthorizerEventRequest,
  route: RestRequestAuthorizerEventRoute,
): RestRequestAuthorizerEvent {
  const multiValueHeaders = mergeHeaders(request.headers);
  const multiValueQuery = copyMulti(request.query);
  const identity: AuthorizerRequestIdentity = {
    cognitoIdentityPoolId: null,
    accountId: null,
    cognitoIdentityId: null,
    caller: null,
    sourceIp: request.sourceIp,
    principalOrgId: null,
    accessKey: null,
    cognitoAuthenticationType: null,
    cognitoAuthenticationProvider: null,
    userArn: null,
    userAgent: request.userAgent,
    user: null,
    ...iamIdentityFields(request.iamIdentity),
    ...(request.clientCert !== undefined ? { clientCert: request.clientCert } : {}),
  };
  return {
    type: "REQUEST",
    methodArn: route.methodArn,
    resource: route.resource,
    path: request.path,
    httpMethod: request.method,
    headers: lastValues(multiValueHeaders),
    multiValueHeaders,
    queryStringParameters: lastValues(multiValueQuery),
    multiValueQueryStringParameters: multiValueQuery,
    pathParameters: copyMap(route.pathParameters),
    stageVariables: copyMap(route.stageVariables),
    requestContext: {
      resourceId: route.resourceId,
      resourcePath: route.resource,
      httpMethod: request.method,
      extendedRequestId: request.extendedRequestId,
      requestTime: clfTime(request.timeEpoch),
      path: `/${request.stage}${request.path}`,
      accountId: request.accountId,
      protocol: "HTTP/1.1",
      stage: request.stage,
      domainPrefix: domainPrefix(request.domainName),
      requestTimeEpoch: request.timeEpoch,
      requestId: request.requestId,
      identity,
      domainName: request.domainName,
      deploymentId: route.deploymentId,
      apiId: request.apiId,
    },
  };
}
