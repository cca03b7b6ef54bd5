import type { IamAuthorizerResponse, RestRequestAuthorizerEvent } from "@gatehouse/policy";
import type { JwtClaims } from "../verifier/token-verifier.js";
import type { AuthorizerHandler } from "./authorizer-options.js";
import type { IamAuthorizerOptions } from "./create-rest-token-authorizer.js";
import { createHandler } from "./internal/create-handler.js";

/**
 * Creates a REST API `REQUEST` authorizer (token from the `Authorization` header by default, or
 * any configured header, query parameter or cookie). Any other event shape is refused.
 *
 * @param options - as {@link createAuthorizer}, without `http`.
 * @returns the handler, an `APIGatewayRequestAuthorizerHandler` from `@types/aws-lambda`.
 * @throws TypeError for unusable options (route templates must be REST templates).
 * @example
 * ```ts
 * export const handler = createRestRequestAuthorizer({
 *   verifier,
 *   token: [{ from: "header", name: "authorization" }, { from: "cookie", name: "session" }],
 *   routes: { "GET /pets/{id}": { scopes: ["pets/read"] } },
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export function createRestRequestAuthorizer<C extends JwtClaims = JwtClaims>(
  options: IamAuthorizerOptions<C>,
): AuthorizerHandler<RestRequestAuthorizerEvent, IamAuthorizerResponse> {
  return createHandler(
    options,
    ["rest-request"],
    "createRestRequestAuthorizer",
  ) as AuthorizerHandler<RestRequestAuthorizerEvent, IamAuthorizerResponse>;
}
