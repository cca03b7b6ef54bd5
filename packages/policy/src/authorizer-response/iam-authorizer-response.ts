import type { IamAuthorizerStatement } from "./iam-authorizer-statement.js";

/**
 * The IAM-policy response of a Lambda authorizer (REST TOKEN/REQUEST, HTTP API payload 1.0 and
 * 2.0 without simple responses, WebSocket `$connect`). Structurally assignable to
 * `APIGatewayAuthorizerResult` from `@types/aws-lambda` with the default `Context`.
 *
 * @param Context - the `context` map; flat (string, number, boolean) everywhere except the HTTP
 *   API payload 2.0 response, whose context may hold arrays and objects.
 * @example
 * ```ts
 * const response: IamAuthorizerResponse = buildRestAuthorizerResponse({
 *   methodArn: "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets",
 *   principalId: "user-42",
 *   allow: "stage",
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export interface IamAuthorizerResponse<
  Context extends Record<string, unknown> = Record<string, string | number | boolean>,
> {
  principalId: string;
  policyDocument: { Version: "2012-10-17"; Statement: IamAuthorizerStatement[] };
  context?: Context;
  usageIdentifierKey?: string;
}
