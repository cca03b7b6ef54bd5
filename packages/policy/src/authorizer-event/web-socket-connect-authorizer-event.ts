import type { AuthorizerRequestIdentity } from "./authorizer-request-identity.js";

/**
 * `requestContext` of a WebSocket `$connect` authorizer event. Optional members also accept
 * `undefined`, as in the REST request context.
 *
 * @example
 * ```ts
 * const connection = (context: WebSocketConnectAuthorizerRequestContext) => context.connectionId;
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html
 */
export interface WebSocketConnectAuthorizerRequestContext {
  routeKey: "$connect";
  eventType: "CONNECT";
  messageDirection: "IN";
  connectionId: string;
  /** Epoch milliseconds. */
  connectedAt: number;
  apiId: string;
  stage: string;
  requestId: string;
  domainName: string;
  identity: AuthorizerRequestIdentity;
  extendedRequestId?: string | undefined;
  requestTime?: string | undefined;
  /** Epoch milliseconds. */
  requestTimeEpoch?: number | undefined;
  accountId?: string | undefined;
}

/**
 * The event of a WebSocket API `REQUEST` authorizer, invoked on `$connect` only. Its `methodArn`
 * ends in `/{stage}/$connect` (no HTTP verb); it has no `resource`, `path` or `httpMethod`, which
 * tells it apart from a REST REQUEST event. Browsers cannot set headers on a WebSocket upgrade, so
 * tokens often arrive in the query string or `Sec-WebSocket-Protocol`.
 *
 * @example
 * ```ts
 * function token(event: WebSocketConnectAuthorizerEvent): string | undefined {
 *   return event.queryStringParameters?.token;
 * }
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html
 */
export interface WebSocketConnectAuthorizerEvent {
  type: "REQUEST";
  methodArn: string;
  headers?: Record<string, string> | null;
  multiValueHeaders?: Record<string, string[]> | null;
  queryStringParameters?: Record<string, string> | null;
  multiValueQueryStringParameters?: Record<string, string[]> | null;
  stageVariables?: Record<string, string> | null;
  requestContext: WebSocketConnectAuthorizerRequestContext;
  isBase64Encoded?: boolean;
  body?: string | null;
  version?: undefined;
}
