import type { IamAuthorizerStatement } from "./iam-authorizer-statement.js";
import { copyStatements } from "./internal/copy-json.js";

/**
 * A deep copy of a policy's statements, fast for the statements the builders return (exactly
 * `Action` (a string), `Effect`, `Resource` (a list), in this order); any other statement is
 * copied as JSON (as `copyAuthorizerResponse` does). For handing out memoised statements: the
 * caller may change the copy without touching the original.
 *
 * @param statements - the `policyDocument.Statement` list of a builder's response.
 * @returns a fresh list of fresh statements.
 * @example
 * ```ts
 * const response = buildDenyAllAuthorizerResponse({
 *   arn: "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets",
 *   principalId: "anonymous",
 * });
 * const statements = copyIamAuthorizerStatements(response.policyDocument.Statement);
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export function copyIamAuthorizerStatements(
  statements: readonly IamAuthorizerStatement[],
): IamAuthorizerStatement[] {
  return copyStatements(statements);
}
