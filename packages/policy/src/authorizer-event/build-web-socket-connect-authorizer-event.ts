import type { AuthorizerEventRequest } from "./authorizer-event-request.js";
import {
  clfTime,
  copyMap,
  copyMulti,
  iamIdentityFields,
  lastValues,
  mergeHeaders,
} from "./internal/event-parts.js";
import type { WebSocketConnectAuthorizerEvent } from "./web-socket-connect-authorizer-event.js";

/** The route-side fields of a WebSocket `$connect` authorizer event. */
export interface WebSocketConnectAuthorizerEventRoute {
  /** `arn:...:{apiId}/{stage}/$connect` (no HTTP verb). */
  methodArn: string;
  stageVariables: Readonly<Record<string, string>>;
  /** The new connection's id, e.g. `ZhQ6ed9CjoECEjw=`. */
  connectionId: string;
}

/**
 * The event API Gateway sends a WebSocket API `REQUEST` authorizer on `$connect`: headers in both
 * single- (last value) and multi-value form, the query maps only when the URL has a query string,
 * and a request context with `eventType: "CONNECT"`, `routeKey: "$connect"`,
 * `messageDirection: "IN"`, the connection id and `connectedAt`.
 *
 * @param request - the handshake as received (`method` and `path` are not part of this event).
 * @param route - the `$connect` ARN, stage variables and connection id.
 * @returns the event.
 * @example
 * ```ts
 * declare const request: AuthorizerEventRequest; // the request as received
 * const event = buildWebSocketConnectAuthorizerEvent(request, {
 *   methodArn: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/$connect",
 *   stageVariables: {},
 *   connectionId: "ZhQ6ed9CjoECEjw=",
 * });
 * // event.requestContext.eventType === "CONNECT"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html
 */
export function buildWebSocketConnectAuthorizerEvent(
  request: AuthorizerEventRequest,
  route: WebSocketConnectAuthorizerEventRoute,
): WebSocketConnectAuthorizerEvent {
  const multiValueHeaders = mergeHeaders(request.headers);
  const multiValueQuery = request.query === undefined ? undefined : copyMulti(request.query);
  return {
    type: "REQUEST",
    methodArn: route.methodArn,
    headers: lastValues(multiValueHeaders),
    multiValueHeaders,
    ...(multiValueQuery !== undefined
      ? {
          queryStringParameters: lastValues(multiValueQuery),
          multiValueQueryStringParameters: multiValueQuery,
        }
      : {}),
    stageVariables: copyMap(route.stageVariables),
    requestContext: {
      routeKey: "$connect",
      eventType: "CONNECT",
      extendedRequestId: request.extendedRequestId,
      requestTime: clfTime(request.timeEpoch),
      messageDirection: "IN",
      stage: request.stage,
      connectedAt: request.timeEpoch,
      requestTimeEpoch: request.timeEpoch,
      identity: {
        sourceIp: request.sourceIp,
        ...iamIdentityFields(request.iamIdentity),
        ...(request.clientCert !== undefined ? { clientCert: request.clientCert } : {}),
      },
      requestId: request.requestId,
      domainName: request.domainName,
      connectionId: route.connectionId,
      apiId: request.apiId,
    },
    isBase64Encoded: false,
    body: null,
  };
}
