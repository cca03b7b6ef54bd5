import { PolicyError } from "../errors.js";

/**
 * Whose data a per-identity policy grants: the Cognito identity (`"identity"`, the identity id in
 * `${cognito-identity.amazonaws.com:sub}`) or the value of a principal tag of the session
 * (`{ principalTag: "tenant" }` -> `${aws:PrincipalTag/tenant}`, for attribute-based access control
 * with an identity pool's principal-tag mappings).
 *
 * @example
 * ```ts
 * const perUser: IdentityOwner = "identity";
 * const perTenant: IdentityOwner = { principalTag: "tenant" };
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/attributes-for-access-control.html
 */
export type IdentityOwner = "identity" | { principalTag: string };

/** IAM tag keys: letters, digits, spaces and `_ . : / = + - @`, 1 to 128 characters. */
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

/**
 * The policy variable that stands for the owner in a policy: IAM replaces it with the caller's
 * value at request time (policies with `Version: "2012-10-17"` only). A variable with no value in
 * the request matches nothing, so a session without the tag is refused.
 *
 * @param owner - {@link IdentityOwner}; `"identity"` by default.
 * @param path - Where the owner sits in the caller's input, for the error `path`.
 * @returns `${cognito-identity.amazonaws.com:sub}` or `${aws:PrincipalTag/<key>}`.
 * @throws PolicyError `invalid_principal_tag` for a tag key that is not 1 to 128 of IAM's tag
 *   characters.
 * @throws TypeError for an owner that is neither form.
 * @example
 * ```ts
 * identityPolicyVariable(); // "${cognito-identity.amazonaws.com:sub}"
 * identityPolicyVariable({ principalTag: "tenant" }); // "${aws:PrincipalTag/tenant}"
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export function identityPolicyVariable(owner: IdentityOwner = "identity", path = "owner"): string {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
  if (owner === "identity") return "${cognito-identity.amazonaws.com:sub}";
  if (typeof owner !== "object" || owner === null || !("principalTag" in owner)) {
    throw new TypeError(`${path} must be "identity" or { principalTag: "<tag key>" }`);
  }
  const key: unknown = owner.principalTag;
  if (typeof key !== "string" || !TAG_KEY.test(key)) {
    throw new PolicyError(
      "invalid_principal_tag",
      `principal tag key ${JSON.stringify(key)} is not 1 to 128 letters, digits, spaces or _ . : / = + - @`,
      {
        path: `${path}.principalTag`,
        expected: "a tag key such as tenant",
        actual: typeof key === "string" ? key.slice(0, 130) : key,
      },
    );
  }
  return `\${aws:PrincipalTag/${key}}`;
}
