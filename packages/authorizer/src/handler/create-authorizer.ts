import type { JwtClaims } from "../verifier/token-verifier.js";
import type { AuthorizerHandler, AuthorizerOptions, EventShape } from "./authorizer-options.js";
import { createHandler } from "./internal/create-handler.js";

const ALL_SHAPES: readonly EventShape[] = [
  "rest-token",
  "rest-request",
  "http-v1",
  "http-v2",
  "websocket-connect",
];

/**
 * Creates a Lambda authorizer handler for any API Gateway authorizer event: REST TOKEN and
 * REQUEST, HTTP API payload 1.0 and 2.0, WebSocket `$connect` (recognised by `type`, `version`
 * and `requestContext.eventType`).
 *
 * Flow: read the token (`token` sources), verify it (`verifier`), decide (the `routes` table,
 * then the `authorize` hook), build the response with `@gatehouse/policy` listing **every** route
 * the identity may call (so API Gateway's cached policy is right for every route), remember the
 * decision. It fails closed: a missing or invalid token and any internal failure throw exactly
 * `Error("Unauthorized")` (401) or, if configured, answer a Deny; never an Allow.
 *
 * @param options - the verifier and the rules; validated now (a `TypeError` at cold start).
 * @returns the handler `(event, context?) => Promise<response>`.
 * @throws TypeError for unusable options.
 * @example
 * ```ts
 * import { createAuthorizer, cognitoVerifier } from "@gatehouse/authorizer";
 *
 * const verifier = cognitoVerifier({ userPoolId: "eu-west-1_abc123", clientId: null, tokenUse: "access" });
 * export const handler = createAuthorizer({
 *   verifier,
 *   routes: {
 *     "GET /pets": {},
 *     "GET /pets/{id}": { scopes: ["pets/read"] },
 *     "ANY /admin/{proxy+}": { groups: ["admin"] },
 *   },
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html
 */
export function createAuthorizer<C extends JwtClaims = JwtClaims>(
  options: AuthorizerOptions<C>,
): AuthorizerHandler {
  return createHandler(options, ALL_SHAPES, "createAuthorizer");
}
