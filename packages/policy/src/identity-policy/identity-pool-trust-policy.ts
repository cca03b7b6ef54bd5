import type { ConditionBlock, PolicyDocument } from "../document/policy-document.js";
import { PolicyError } from "../errors.js";
import { identityPoolIdProblem, parseIdentityPoolId } from "../identifiers/identity-pool-id.js";

/** Which identities of the pool may assume the role (the `amr` of the pool's OpenID token). */
export type IdentityPoolAmr = "authenticated" | "unauthenticated";

/** Options of {@link identityPoolTrustPolicy}: one pool id or several, never both. */
export type IdentityPoolTrustPolicyOptions = (
  | { identityPoolId: string; identityPoolIds?: undefined }
  | { identityPoolIds: readonly string[]; identityPoolId?: undefined }
) & {
  /** `authenticated` for the role of signed-in users, `unauthenticated` for guests. */
  amr: IdentityPoolAmr;
  /**
   * Also allow `sts:TagSession`: required when the pool maps attributes to principal tags
   * (otherwise every credential request fails). @default false
   */
  tagSession?: boolean;
  /**
   * Only these identities (identity ids, `{region}:{GUID}`) may assume the role:
   * `cognito-identity.amazonaws.com:sub`. @default every identity of the pool(s)
   */
  subjects?: readonly string[];
};

const AMRS: readonly string[] = ["authenticated", "unauthenticated"];

function fail(message: string): never {
  throw new TypeError(`identityPoolTrustPolicy: ${message}`);
}

function readPoolIds(options: IdentityPoolTrustPolicyOptions): string[] {
  const { identityPoolId, identityPoolIds } = options;
  if (identityPoolId !== undefined && identityPoolIds !== undefined) {
    fail("give identityPoolId or identityPoolIds, not both");
  }
  if (identityPoolId !== undefined) return [parseIdentityPoolId(identityPoolId)];
  if (!Array.isArray(identityPoolIds) || identityPoolIds.length === 0) {
    fail(
      "identityPoolId or a non-empty identityPoolIds is required: without the aud condition users of any identity pool could assume the role",
    );
  }
  const ids = identityPoolIds.map((id, index) =>
    parseIdentityPoolId(id, `identityPoolIds[${index}]`),
  );
  if (new Set(ids).size !== ids.length) fail("identityPoolIds lists a pool twice");
  return ids;
}

function readSubjects(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0)
    fail("subjects must be a non-empty array of identity ids");
  return value.map((subject: unknown, index) => {
    // Identity ids have the shape of pool ids: `{region}:{GUID}`.
    if (identityPoolIdProblem(subject) !== undefined) {
      throw new PolicyError(
        "invalid_principal",
        `subject ${JSON.stringify(subject)} is not an identity id`,
        {
          path: `subjects[${index}]`,
          expected: "an identity id such as us-east-1:3f1c0d5e-8a3b-4c2d-9e1f-0a1b2c3d4e5f",
          actual: subject,
        },
      );
    }
    return subject as string;
  });
}

/**
 * The trust policy of an IAM role that a Cognito identity pool hands out: the pool's service
 * principal may call `sts:AssumeRoleWithWebIdentity` only with a token of **this** pool (`aud`)
 * for the right kind of identity (`amr`): the two conditions AWS requires for cross-account basic
 * flow and recommends for every role. Without `aud`, a user of any other identity pool could
 * assume the role.
 *
 * @param options - The pool id(s), `amr`, `tagSession` for principal-tag mappings, and optionally
 *   the identity ids allowed (`subjects`).
 * @returns A `Version: "2012-10-17"` policy document with one statement. `aud` is a string for one
 *   pool and a list for several; `subjects` joins `aud` under `StringEquals`.
 * @throws PolicyError `invalid_identity_pool_id` for a malformed pool id, `invalid_principal` for a
 *   malformed subject.
 * @throws TypeError for both or neither pool option, an unknown `amr`, an empty list.
 * @example
 * ```ts
 * const trust = identityPoolTrustPolicy({
 *   identityPoolId: "us-east-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11",
 *   amr: "authenticated",
 *   tagSession: true,
 * });
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
export function identityPoolTrustPolicy(options: IdentityPoolTrustPolicyOptions): PolicyDocument {
  if (typeof options !== "object" || options === null) fail("options must be an object");
  const pools = readPoolIds(options);
  if (!AMRS.includes(options.amr)) fail('amr must be "authenticated" or "unauthenticated"');
  if (options.tagSession !== undefined && typeof options.tagSession !== "boolean") {
    fail("tagSession must be a boolean");
  }
  const subjects = readSubjects(options.subjects);
  const equals: Record<string, string | string[]> = {
    "cognito-identity.amazonaws.com:aud": pools.length === 1 ? (pools[0] as string) : pools,
  };
  if (subjects !== undefined) equals["cognito-identity.amazonaws.com:sub"] = subjects;
  const condition: ConditionBlock = {
    StringEquals: equals,
    "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": options.amr },
  };
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: options.tagSession
          ? ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
          : "sts:AssumeRoleWithWebIdentity",
        Condition: condition,
      },
    ],
  };
}
