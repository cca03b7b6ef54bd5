import type { RestTokenAuthorizerEvent } from "./rest-token-authorizer-event.js";

/** What a REST API `TOKEN` authorizer event is built from. */
export interface RestTokenAuthorizerEventInput {
  /** The ARN of the invoked method, e.g. `arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets`. */
  methodArn: string;
  /** The raw value of the identity-source header (include any `Bearer ` prefix). */
  token: string;
}

/**
 * The event API Gateway sends a REST API `TOKEN` authorizer.
 *
 * @param input - the method ARN and the identity-source header's value.
 * @returns the event.
 * @example
 * ```ts
 * const event = buildRestTokenAuthorizerEvent({
 *   methodArn: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets",
 *   token: "Bearer eyJhbGciOi...",
 * });
 * // event.type === "TOKEN"; event.authorizationToken === "Bearer eyJhbGciOi..."
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export function buildRestTokenAuthorizerEvent(
  input: RestTokenAuthorizerEventInput,
): RestTokenAuthorizerEvent {
  return { type: "TOKEN", methodArn: input.methodArn, authorizationToken: input.token };
}
