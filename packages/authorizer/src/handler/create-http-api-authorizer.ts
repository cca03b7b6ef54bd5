import type {
  HttpApiV1AuthorizerEvent,
  HttpApiV2AuthorizerEvent,
  IamAuthorizerResponse,
  SimpleAuthorizerResponse,
} from "@gatehouse/policy";
import type { JwtClaims } from "../verifier/token-verifier.js";
import type {
  AuthorizerHandler,
  AuthorizerOptions,
  AuthorizerResponse,
} from "./authorizer-options.js";
import { createHandler } from "./internal/create-handler.js";

/** Options of {@link createHttpApiAuthorizer}. */
export type HttpApiAuthorizerOptions<C extends JwtClaims = JwtClaims> = AuthorizerOptions<C>;

/**
 * Creates an HTTP API authorizer for payload format 1.0 and 2.0 (IAM-policy responses), or, with
 * `http: { simpleResponses: true }`, for payload 2.0 with simple responses (`{ isAuthorized }`
 * for the event's route key). With a `routes` table or an `authorize` hook, simple responses need
 * `http.authorizerCache`: `"per-route"` with `$context.routeKey` among the identity sources, or
 * `"off"` with a result TTL of 0.
 *
 * @param options - as {@link createAuthorizer}.
 * @returns the handler; with simple responses an `APIGatewayRequestSimpleAuthorizerHandlerV2`
 *   from `@types/aws-lambda`.
 * @throws TypeError for unusable options (route templates must be HTTP API route keys).
 * @example
 * ```ts
 * export const handler = createHttpApiAuthorizer({
 *   verifier,
 *   routes: { "GET /pets": {}, "ANY /admin/{proxy+}": { groups: ["admin"] } },
 *   http: { simpleResponses: true, authorizerCache: "per-route" },
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export function createHttpApiAuthorizer<C extends JwtClaims = JwtClaims>(
  options: HttpApiAuthorizerOptions<C> & { http: { simpleResponses: true } },
): AuthorizerHandler<HttpApiV2AuthorizerEvent, SimpleAuthorizerResponse>;
export function createHttpApiAuthorizer<C extends JwtClaims = JwtClaims>(
  options: HttpApiAuthorizerOptions<C> & { http?: { simpleResponses?: false } },
): AuthorizerHandler<
  HttpApiV1AuthorizerEvent | HttpApiV2AuthorizerEvent,
  IamAuthorizerResponse<Record<string, unknown>>
>;
export function createHttpApiAuthorizer<C extends JwtClaims = JwtClaims>(
  options: HttpApiAuthorizerOptions<C>,
): AuthorizerHandler<
  HttpApiV1AuthorizerEvent | HttpApiV2AuthorizerEvent,
  IamAuthorizerResponse<Record<string, unknown>> | SimpleAuthorizerResponse
>;
export function createHttpApiAuthorizer<C extends JwtClaims = JwtClaims>(
  options: HttpApiAuthorizerOptions<C>,
): AuthorizerHandler<never, AuthorizerResponse> {
  return createHandler(options, ["http-v1", "http-v2"], "createHttpApiAuthorizer");
}
