/**
 * The event of a REST API `TOKEN` Lambda authorizer: the raw value of the identity-source header
 * (typically `Authorization`, including any `Bearer ` prefix) and the ARN of the invoked method.
 * Assignable to `APIGatewayTokenAuthorizerEvent` from `@types/aws-lambda`.
 *
 * @example
 * ```ts
 * const event: RestTokenAuthorizerEvent = {
 *   type: "TOKEN",
 *   authorizationToken: "Bearer eyJhbGciOi...",
 *   methodArn: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets",
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export interface RestTokenAuthorizerEvent {
  type: "TOKEN";
  authorizationToken: string;
  methodArn: string;
  version?: undefined;
}
