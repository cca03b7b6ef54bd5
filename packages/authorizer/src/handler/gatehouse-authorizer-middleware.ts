import type { AuthorizerEvent } from "@gatehouse/policy";
import type { MiddlewareObj } from "@middy/core";
import type {
  APIGatewayAuthorizerEvent,
  APIGatewayAuthorizerResult,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerResult,
  APIGatewaySimpleAuthorizerWithContextResult,
  Context,
} from "aws-lambda";
import type { JwtClaims } from "../verifier/token-verifier.js";
import type { AuthorizerOptions } from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";

/** Every authorizer event, as `@types/aws-lambda` names them (WebSocket `$connect` is a REQUEST event). */
export type MiddyAuthorizerEvent = APIGatewayAuthorizerEvent | APIGatewayRequestAuthorizerEventV2;

/** What the middleware answers, as `@types/aws-lambda` names it. */
export type MiddyAuthorizerResult =
  | APIGatewayAuthorizerResult
  | APIGatewaySimpleAuthorizerResult
  | APIGatewaySimpleAuthorizerWithContextResult<Record<string, unknown>>;

/**
 * The authorizer as a Middy 6 middleware: its `before` step answers with the authorizer decision
 * (a Middy early response), so the handler body never runs; a refusal throws exactly
 * `Error("Unauthorized")`. Options are those of {@link createAuthorizer}, validated when the
 * middleware is created (cold start).
 *
 * Do not put an error-handling middleware that turns errors into responses (such as
 * `@middy/http-error-handler`) on an authorizer: API Gateway needs the `Unauthorized` error itself,
 * and any other answer becomes a 500 or an Allow-less malformed response.
 *
 * @param options - as {@link createAuthorizer}.
 * @returns the middleware.
 * @throws TypeError for unusable options.
 * @example
 * ```ts
 * import middy from "@middy/core";
 * import { jwtVerifier } from "@gatehouse/authorizer";
 * import { gatehouseAuthorizer } from "@gatehouse/authorizer/middy";
 *
 * export const handler = middy().use(
 *   gatehouseAuthorizer({
 *     verifier: jwtVerifier({ issuer, audience: "api", jwksUri, algorithms: ["RS256"] }),
 *     routes: { "GET /pets": {}, "POST /pets": { scopes: ["pets/write"] } },
 *   }),
 * );
 * ```
 * @see https://middy.js.org/docs/intro/early-interrupt
 */
export function gatehouseAuthorizer<C extends JwtClaims = JwtClaims>(
  options: AuthorizerOptions<C>,
): MiddlewareObj<MiddyAuthorizerEvent, MiddyAuthorizerResult, Error, Context> {
  const authorizer = createAuthorizer(options);
  return {
    name: "gatehouseAuthorizer",
    // A value returned from `before` is Middy's early response: the handler body is skipped.
    before: async (request) =>
      (await authorizer(
        request.event as unknown as AuthorizerEvent,
        request.context,
      )) as MiddyAuthorizerResult,
  };
}
