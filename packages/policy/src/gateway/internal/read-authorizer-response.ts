/**
 * What API Gateway accepts from a REST Lambda authorizer; anything else is a 500.
 * @internal
 * @packageDocumentation
 */
import type { IamAuthorizerResponse } from "../../authorizer-response/iam-authorizer-response.js";
import { parsePolicyDocument } from "../../document/parse-policy-document.js";
import { isPolicyError, PolicyError } from "../../errors.js";
import type { CompiledPolicy } from "../../evaluate/compile-policy.js";
import { compileParsedPolicy } from "../../evaluate/compile-policy.js";

/** @internal A response API Gateway can use (its policy compiled as read), or why it cannot. */
export type AuthorizerResponseReading =
  | { ok: true; response: IamAuthorizerResponse; policy: CompiledPolicy }
  | { ok: false; error: PolicyError };

function refuse(
  message: string,
  path: string,
  expected: string,
  actual?: unknown,
  code: "invalid_policy" | "invalid_context" = "invalid_policy",
) {
  return {
    ok: false as const,
    error: new PolicyError(code, `Authorizer response refused: ${message}`, {
      path,
      expected,
      actual,
    }),
  };
}

/**
 * @internal Checks a value returned by a Lambda authorizer: `principalId`, a valid
 * `policyDocument`, a flat `context` (string, number, boolean) and a string `usageIdentifierKey`.
 */
export function readAuthorizerResponse(value: unknown): AuthorizerResponseReading {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return refuse(
      "not an object",
      "response",
      "{ principalId, policyDocument, context? }",
      typeof value,
    );
  }
  const { principalId, policyDocument, context, usageIdentifierKey } = value as Record<
    string,
    unknown
  >;
  if (typeof principalId !== "string") {
    return refuse("principalId is missing", "response.principalId", "a string");
  }
  let policy: CompiledPolicy;
  try {
    // The validated copy is compiled, so the document is read once, not again to evaluate it.
    policy = compileParsedPolicy(parsePolicyDocument(policyDocument, "response.policyDocument"));
  } catch (error) {
    if (isPolicyError(error)) return { ok: false, error };
    return refuse(
      "policyDocument cannot be read",
      "response.policyDocument",
      "an IAM policy",
      error,
    );
  }
  if (context !== undefined && context !== null) {
    if (typeof context !== "object" || Array.isArray(context)) {
      return refuse(
        "context is not an object",
        "response.context",
        "an object of flat values",
        typeof context,
        "invalid_context",
      );
    }
    for (const [key, item] of Object.entries(context)) {
      if (typeof item === "object" && item !== null) {
        return refuse(
          "context values must be strings, numbers or booleans",
          `response.context.${key}`,
          "string, number or boolean",
          Array.isArray(item) ? "array" : "object",
          "invalid_context",
        );
      }
    }
  }
  if (usageIdentifierKey !== undefined && typeof usageIdentifierKey !== "string") {
    return refuse("usageIdentifierKey is not a string", "response.usageIdentifierKey", "a string");
  }
  return { ok: true, response: value as IamAuthorizerResponse, policy };
}
