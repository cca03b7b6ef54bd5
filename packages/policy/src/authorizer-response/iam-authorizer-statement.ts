/**
 * A `Condition` block as a Lambda-authorizer policy carries it: operator -> key -> string value(s).
 * Narrower than the resource-policy `ConditionBlock` (no numbers or booleans) so that a response
 * stays assignable to `APIGatewayAuthorizerResult` from `@types/aws-lambda`; it is still assignable
 * to `ConditionBlock`.
 */
export type AuthorizerConditionBlock = Record<string, Record<string, string | string[]>>;

/**
 * One statement of the identity-style policy a Lambda authorizer returns (no `Principal`).
 *
 * @example
 * ```ts
 * const statement: IamAuthorizerStatement = {
 *   Action: "execute-api:Invoke",
 *   Effect: "Allow",
 *   Resource: ["arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/*"],
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export interface IamAuthorizerStatement {
  Action: string | string[];
  Effect: "Allow" | "Deny";
  Resource: string | string[];
  Condition?: AuthorizerConditionBlock;
}
