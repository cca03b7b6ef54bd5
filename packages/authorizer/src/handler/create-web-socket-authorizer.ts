import type { IamAuthorizerResponse, WebSocketConnectAuthorizerEvent } from "@gatehouse/policy";
import type { JwtClaims } from "../verifier/token-verifier.js";
import type { AuthorizerHandler } from "./authorizer-options.js";
import type { IamAuthorizerOptions } from "./create-rest-token-authorizer.js";
import { createHandler } from "./internal/create-handler.js";

/**
 * Creates a WebSocket API `$connect` authorizer. Browsers cannot set headers on the upgrade, so
 * read the token from a query parameter or from `Sec-WebSocket-Protocol`
 * (`{ from: "webSocketProtocol" }`; the backend must then echo the other offered protocol).
 * Route templates are WebSocket route keys; the policy must cover `$connect`.
 *
 * @param options - as {@link createAuthorizer}, without `http`.
 * @returns the handler, an `APIGatewayRequestAuthorizerHandler` from `@types/aws-lambda` (which
 *   types `$connect` events as REQUEST events).
 * @throws TypeError for unusable options.
 * @example
 * ```ts
 * export const handler = createWebSocketAuthorizer({
 *   verifier,
 *   token: [{ from: "webSocketProtocol" }, { from: "query", name: "access_token" }],
 *   routes: { $connect: {}, sendMessage: { scopes: ["chat/write"] } },
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html
 */
export function createWebSocketAuthorizer<C extends JwtClaims = JwtClaims>(
  options: IamAuthorizerOptions<C>,
): AuthorizerHandler<WebSocketConnectAuthorizerEvent, IamAuthorizerResponse> {
  return createHandler(
    options,
    ["websocket-connect"],
    "createWebSocketAuthorizer",
  ) as AuthorizerHandler<WebSocketConnectAuthorizerEvent, IamAuthorizerResponse>;
}
