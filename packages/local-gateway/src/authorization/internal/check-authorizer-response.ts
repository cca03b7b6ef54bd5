/**
 * The rules API Gateway applies to a Lambda authorizer's answer beyond its shape (which
 * `@gatehouse/policy`'s gateway model reads): the 8 KB budget, 512-character `Resource` ARNs and
 * HTTP API payload 1.0's reserved `claims` context key. A breach is a 500, as in AWS.
 * @internal
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 * @packageDocumentation
 */
import { MAX_AUTHORIZER_RESPONSE_BYTES, MAX_RESOURCE_ARN_LENGTH } from "@gatehouse/policy";

/** @internal Why an answer is refused; the decision record's `reason`. */
export type AuthorizerResponseViolation =
  | "authorizer_response_too_large"
  | "authorizer_response_not_serializable"
  | "authorizer_resource_too_long"
  | "authorizer_context_reserved_key";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function tooLongResource(policyDocument: unknown): boolean {
  if (!isRecord(policyDocument)) return false;
  const statements = policyDocument["Statement"];
  for (const statement of Array.isArray(statements) ? statements : [statements]) {
    if (!isRecord(statement)) continue;
    for (const field of ["Resource", "NotResource"]) {
      const value = statement[field];
      const resources: unknown[] = Array.isArray(value) ? value : [value];
      if (
        resources.some((item) => typeof item === "string" && item.length > MAX_RESOURCE_ARN_LENGTH)
      )
        return true;
    }
  }
  return false;
}

/**
 * @internal Checks a handler's answer as Lambda would deliver it (JSON: `undefined` values drop
 * out). Returns the first rule it breaks, or `undefined`; the shape itself is left to the model.
 *
 * @param response - what the handler returned (awaited).
 * @param reservedContextKeys - context keys the API type keeps (HTTP API payload 1.0: `claims`).
 */
export function checkAuthorizerResponse(
  response: unknown,
  reservedContextKeys: readonly string[],
): AuthorizerResponseViolation | undefined {
  let json: string | undefined;
  try {
    json = JSON.stringify(response);
  } catch {
    // A BigInt or a cycle: Lambda cannot serialize the answer, the invocation fails.
    return "authorizer_response_not_serializable";
  }
  if (json !== undefined && Buffer.byteLength(json, "utf8") > MAX_AUTHORIZER_RESPONSE_BYTES) {
    return "authorizer_response_too_large";
  }
  if (!isRecord(response)) return undefined;
  if (tooLongResource(response["policyDocument"])) return "authorizer_resource_too_long";
  const context = response["context"];
  if (
    isRecord(context) &&
    reservedContextKeys.some((key) => Object.hasOwn(context, key) && context[key] !== undefined)
  ) {
    return "authorizer_context_reserved_key";
  }
  return undefined;
}
