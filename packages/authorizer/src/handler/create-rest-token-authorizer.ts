import type { IamAuthorizerResponse, RestTokenAuthorizerEvent } from "@gatehouse/policy";
import type { JwtClaims } from "../verifier/token-verifier.js";
import type { AuthorizerHandler, AuthorizerOptions } from "./authorizer-options.js";
import { createHandler } from "./internal/create-handler.js";

/** Options of the REST and WebSocket factories (no HTTP API settings). */
export type IamAuthorizerOptions<C extends JwtClaims = JwtClaims> = Omit<
  AuthorizerOptions<C>,
  "http"
>;

/**
 * Creates a REST API `TOKEN` authorizer: the token is the event's `authorizationToken`
 * (`Bearer ` required unless `token: { from: "authorizationToken", bearer: "optional" }`).
 * Any other event shape is refused (fail closed).
 *
 * @param options - as {@link createAuthorizer}, without `http`.
 * @returns the handler, an `APIGatewayTokenAuthorizerHandler` from `@types/aws-lambda`.
 * @throws TypeError for unusable options (route templates must be REST templates).
 * @example
 * ```ts
 * export const handler = createRestTokenAuthorizer({
 *   verifier: jwtVerifier({ issuer, audience: "api", jwksUri, algorithms: ["RS256"] }),
 *   routes: { "GET /pets": {}, "POST /pets": { scopes: ["pets/write"] } },
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export function createRestTokenAuthorizer<C extends JwtClaims = JwtClaims>(
  options: IamAuthorizerOptions<C>,
): AuthorizerHandler<RestTokenAuthorizerEvent, IamAuthorizerResponse> {
  return createHandler(options, ["rest-token"], "createRestTokenAuthorizer") as AuthorizerHandler<
    RestTokenAuthorizerEvent,
    IamAuthorizerResponse
  >;
}
