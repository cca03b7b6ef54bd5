import { type IdentifierProblem, identifierError, quote } from "./internal/identifier-error.js";
import { regionProblem } from "./region.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EXPECTED = "an identity pool id such as us-east-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11";

/** @internal Why `value` is not a Cognito identity pool id, or `undefined`. */
export function identityPoolIdProblem(value: unknown): IdentifierProblem | undefined {
  if (typeof value !== "string") {
    return { message: `identity pool id ${quote(value)} is not a string`, expected: EXPECTED };
  }
  const colon = value.indexOf(":");
  const region = colon < 0 ? value : value.slice(0, colon);
  const guid = colon < 0 ? "" : value.slice(colon + 1);
  if (colon < 0 || regionProblem(region) !== undefined) {
    return {
      message: `identity pool id ${quote(value)} does not start with a region and ":"`,
      expected: EXPECTED,
    };
  }
  if (GUID.test(guid)) return undefined;
  const hint = GUID.test(guid.toLowerCase())
    ? ` (write ${quote(`${region}:${guid.toLowerCase()}`)}: Cognito writes ids in lower case)`
    : "";
  return {
    message: `identity pool id ${quote(value)} does not end with a GUID after the region${hint}`,
    expected: EXPECTED,
  };
}

/**
 * Whether `value` is a Cognito identity pool id: a region, `:`, and a lower-case GUID.
 *
 * @param value - Anything.
 * @example
 * ```ts
 * isIdentityPoolId("eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11"); // true
 * isIdentityPoolId("eu-west-1_AbCdEf123"); // false (a user pool id)
 * ```
 * @see https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_IdentityPool.html
 */
export function isIdentityPoolId(value: unknown): boolean {
  return identityPoolIdProblem(value) === undefined;
}

/**
 * Checks a Cognito identity pool id (`{region}:{GUID}`), the `aud` of the identity pool's OpenID
 * tokens and the value of `cognito-identity.amazonaws.com:aud` in a role's trust policy.
 *
 * @param value - The id, e.g. `us-east-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11`.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @returns `value`.
 * @throws PolicyError `invalid_identity_pool_id` for anything else (a user pool id, an upper-case
 *   GUID, a region that is not one).
 * @example
 * ```ts
 * parseIdentityPoolId("us-east-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11"); // returns it
 * parseIdentityPoolId("us-east-1_AbCdEf123"); // throws: that is a user pool id
 * ```
 * @see https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_IdentityPool.html
 */
export function parseIdentityPoolId(value: unknown, path = "identityPoolId"): string {
  const problem = identityPoolIdProblem(value);
  if (problem !== undefined)
    throw identifierError("invalid_identity_pool_id", problem, path, value);
  return value as string;
}
