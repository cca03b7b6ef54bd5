import type { HttpApiV1AuthorizerEvent } from "./http-api-v1-authorizer-event.js";
import type { HttpApiV2AuthorizerEvent } from "./http-api-v2-authorizer-event.js";
import type { RestRequestAuthorizerEvent } from "./rest-request-authorizer-event.js";
import type { RestTokenAuthorizerEvent } from "./rest-token-authorizer-event.js";
import type { WebSocketConnectAuthorizerEvent } from "./web-socket-connect-authorizer-event.js";

/**
 * Every event API Gateway hands to a Lambda authorizer. Narrow it on AWS's own fields:
 * `type === "TOKEN"`, then `version === "2.0"` / `"1.0"`, then `"httpMethod" in event` (REST
 * REQUEST) versus a WebSocket `$connect` event (`requestContext.eventType === "CONNECT"`).
 *
 * @example
 * ```ts
 * function arnOf(event: AuthorizerEvent): string {
 *   if (event.type === "TOKEN") return event.methodArn;
 *   if (event.version === "2.0") return event.routeArn;
 *   return event.methodArn;
 * }
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export type AuthorizerEvent =
  | RestTokenAuthorizerEvent
  | RestRequestAuthorizerEvent
  | HttpApiV1AuthorizerEvent
  | HttpApiV2AuthorizerEvent
  | WebSocketConnectAuthorizerEvent;
