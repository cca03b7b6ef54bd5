/**
 * Validates the Cognito identity of identity-pool credentials and derives the condition keys the
 * gateway model evaluates the caller's policies with (`cognitoSessionContext` of
 * `@gatehouse/policy`, less the keys the model sets itself).
 * @internal
 * @packageDocumentation
 */
import { type ConditionContext, cognitoSessionContext, roleArnOfSession } from "@gatehouse/policy";
import type { ResolvedCognitoIdentity } from "../../authorization/internal/iam-credentials.js";
import { invalid, isPlainObject, kindOf, oneOf, requireObject } from "./config-fields.js";

/** Set by the gateway model from the caller's ARN and account; never passed as free context. */
const MODEL_KEYS: readonly string[] = ["aws:PrincipalArn", "aws:PrincipalAccount"];

/** Tag keys are up to 128 characters, values up to 256 (IAM session tags). */
const MAX_TAG_KEY = 128;
const MAX_TAG_VALUE = 256;
/** Cognito ids are `{region}:{uuid}`; anything much longer is not one. */
const MAX_ID = 128;

function requireId(value: unknown, path: string): string {
  if (typeof value !== "string" || value === "" || value.length > MAX_ID || !value.includes(":")) {
    throw invalid(
      path,
      `must be a Cognito id {region}:{uuid}, got ${typeof value === "string" ? `a string of ${value.length} characters` : kindOf(value)}`,
      "{region}:{uuid}",
    );
  }
  return value;
}

function principalTags(value: unknown, path: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isPlainObject(value))
    throw invalid(path, `must map tag keys to strings, got ${kindOf(value)}`);
  for (const [key, tag] of Object.entries(value)) {
    if (key === "" || key.length > MAX_TAG_KEY) {
      throw invalid(path, `has a tag key of ${key.length} characters (1 to ${MAX_TAG_KEY})`);
    }
    if (typeof tag !== "string" || tag.length > MAX_TAG_VALUE) {
      throw invalid(
        `${path}.${key}`,
        `must be a string of at most ${MAX_TAG_VALUE} characters, got ${kindOf(tag)}`,
      );
    }
  }
  return value as Record<string, string>;
}

/**
 * @internal Checks `cognito` of one credential. `principalArn` must be a role session: identity-pool
 * credentials always are, and the role ARN (`aws:PrincipalArn`) is read from it.
 */
export function resolveCognitoIdentity(
  value: unknown,
  principalArn: string,
  kind: string,
  path: string,
): { cognito: ResolvedCognitoIdentity; context: ConditionContext } {
  const at = `${path}.cognito`;
  const fields = requireObject(value, at, "a Cognito identity object");
  if (kind !== "assumed-role") {
    throw invalid(
      `${path}.principalArn`,
      "must be the role session (arn:aws:sts::{account}:assumed-role/{role}/{session}) when cognito is set: identity-pool credentials are always a role session",
      "an assumed-role ARN",
    );
  }
  const identityPoolId = requireId(fields["identityPoolId"], `${at}.identityPoolId`);
  const identityId = requireId(fields["identityId"], `${at}.identityId`);
  const authenticationType = oneOf<"authenticated" | "unauthenticated">(
    fields["authenticationType"],
    ["authenticated", "unauthenticated"],
    "authenticated",
    `${at}.authenticationType`,
  );
  if (fields["authenticationType"] === undefined) {
    throw invalid(`${at}.authenticationType`, 'is required: "authenticated" or "unauthenticated"');
  }
  const provider = fields["authenticationProvider"];
  if (provider !== null && (typeof provider !== "string" || provider === "")) {
    throw invalid(
      `${at}.authenticationProvider`,
      `must be a non-empty string, or null for a guest, got ${provider === "" ? "an empty string" : kindOf(provider)}`,
    );
  }
  const providers =
    authenticationType === "authenticated" && provider !== null ? provider.split(",") : [];
  const tags = principalTags(fields["principalTags"], `${at}.principalTags`);
  const session = cognitoSessionContext(
    {
      identityPoolId,
      identityId,
      authenticated: authenticationType === "authenticated",
      providers,
      principalTags: tags,
    },
    roleArnOfSession(principalArn, `${path}.principalArn`),
  );
  const context: ConditionContext = {};
  for (const [key, keyValue] of Object.entries(session)) {
    if (!MODEL_KEYS.includes(key)) context[key] = keyValue;
  }
  return {
    cognito: {
      identityPoolId,
      identityId,
      authenticationType,
      authenticationProvider: provider,
      amr:
        authenticationType === "authenticated"
          ? ["authenticated", ...providers]
          : ["unauthenticated"],
    },
    context,
  };
}
