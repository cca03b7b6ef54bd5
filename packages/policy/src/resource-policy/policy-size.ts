import type { ApiTarget } from "../arn/expand-resource-arn.js";
import { expandResourceArn } from "../arn/expand-resource-arn.js";
import { shortenResourceArn } from "../arn/shorten-resource-arn.js";
import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import { isPolicyError } from "../errors.js";

/** API Gateway's resource-policy quota, in characters. */
export const RESOURCE_POLICY_SIZE_LIMIT = 8192;

/**
 * Characters a short resource (`execute-api:/...`) gains when API Gateway expands it, at worst:
 * `arn:` + partition and region (24 together at most among today's regions: `aws-us-gov` with a
 * 14-character region, or `aws-iso-f` with `us-isof-south-1`) + `:` + `:` + account (12) + `:` +
 * API id (10).
 * @internal
 */
export const WORST_CASE_EXPANSION = 4 + 24 + 1 + 1 + 12 + 1 + 10;

/** What {@link policySize} reports. */
export interface PolicySize {
  /** Compact JSON length with every execute-api ARN in the short `execute-api:/...` form. */
  short: number;
  /** Compact JSON length with every resource expanded; `undefined` without a target when needed. */
  expanded: number | undefined;
  limit: typeof RESOURCE_POLICY_SIZE_LIMIT;
}

function assertPolicy(policy: unknown, caller: string): asserts policy is PolicyDocument {
  const statement = (policy as { Statement?: unknown } | null)?.Statement;
  if (typeof policy !== "object" || typeof statement !== "object" || statement === null) {
    throw new TypeError(`${caller}: policy must be a policy document with a Statement`);
  }
}

function statementsOf(policy: PolicyDocument): PolicyStatement[] {
  return Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
}

function mapResources(policy: PolicyDocument, map: (resource: string) => string): PolicyDocument {
  const mapField = (value: unknown): unknown =>
    typeof value === "string" ? map(value) : Array.isArray(value) ? value.map(mapField) : value;
  const statements = statementsOf(policy).map((statement) => {
    const copy = { ...statement };
    if (copy.Resource !== undefined) copy.Resource = mapField(copy.Resource) as string[];
    if (copy.NotResource !== undefined) copy.NotResource = mapField(copy.NotResource) as string[];
    return copy;
  });
  return { ...policy, Statement: Array.isArray(policy.Statement) ? statements : statements[0]! };
}

function countShortResources(policy: PolicyDocument): number {
  let count = 0;
  const visit = (value: unknown): void => {
    if (typeof value === "string") count += value.startsWith("execute-api:") ? 1 : 0;
    else if (Array.isArray(value)) value.forEach(visit);
  };
  for (const statement of statementsOf(policy)) {
    visit(statement.Resource);
    visit(statement.NotResource);
  }
  return count;
}

function shortenOrKeep(resource: string): string {
  try {
    return shortenResourceArn(resource);
  } catch (error) {
    // A resource this package cannot parse still counts, as written.
    if (isPolicyError(error)) return resource;
    throw error;
  }
}

/** @internal Compact JSON length, the measure every size here uses. */
export function compactLength(policy: PolicyDocument): number {
  return JSON.stringify(policy).length;
}

/**
 * @internal The expanded size when it can be known, else the short size plus the worst-case growth
 * of each short resource.
 */
export function worstCaseExpandedSize(policy: PolicyDocument): number {
  return compactLength(policy) + countShortResources(policy) * WORST_CASE_EXPANSION;
}

/**
 * Measures a resource policy against API Gateway's 8192-character quota, in both the short form
 * you may write and the expanded form API Gateway stores.
 *
 * AWS does not document whether whitespace or the expanded ARNs count, so the measure is the
 * length of compact `JSON.stringify` output (no whitespace) and both forms should stay under the
 * limit. Without `target`, `expanded` is only known when the policy has no short resources.
 *
 * @param policy - The policy document.
 * @param target - The API the policy is attached to, to expand `execute-api:/...` resources.
 * @returns Both sizes and the limit.
 * @throws TypeError when `policy` is not a policy document.
 * @example
 * ```ts
 * const policy = composeResourcePolicy([ipDenylist({ cidrs: ["192.0.2.0/24"] })], {
 *   authTypes: ["LAMBDA"],
 * });
 * const size = policySize(policy, {
 *   partition: "aws", region: "eu-west-1", accountId: "123456789012", apiId: "a1b2c3d4e5",
 * });
 * size.expanded! <= size.limit; // true
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 */
export function policySize(policy: PolicyDocument, target?: ApiTarget): PolicySize {
  assertPolicy(policy, "policySize");
  const short = compactLength(mapResources(policy, shortenOrKeep));
  let expanded: number | undefined;
  if (target !== undefined) {
    expanded = compactLength(
      mapResources(policy, (resource) => expandResourceArn(resource, target)),
    );
  } else if (countShortResources(policy) === 0) {
    expanded = compactLength(policy);
  }
  return { short, expanded, limit: RESOURCE_POLICY_SIZE_LIMIT };
}
