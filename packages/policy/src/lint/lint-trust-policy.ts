import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type { PolicyDocument } from "../document/policy-document.js";
import type { IdentityPoolAmr } from "../identity-policy/identity-pool-trust-policy.js";
import { finishFindings, readSuppressions } from "./finish-findings.js";
import { TRUST_POLICY_RULE_CODES } from "./identity-lint-rule-codes.js";
import { readStatements } from "./lint-context.js";
import type { LintFinding } from "./lint-finding.js";
import type { LintSuppression } from "./lint-options.js";
import { trustActionRules } from "./trust-rules/trust-action-rules.js";
import { trustConditionRules } from "./trust-rules/trust-condition-rules.js";
import type { TrustLintContext } from "./trust-rules/trust-lint-context.js";
import { trustPrincipalRules } from "./trust-rules/trust-principal-rules.js";

/** Options of {@link lintTrustPolicy}. */
export interface LintTrustPolicyOptions {
  /**
   * Whether the identity pool maps attributes to principal tags (default or custom mappings):
   * then the trust policy must allow `sts:TagSession`. @default false
   */
  principalTagsMapped?: boolean;
  /** Which identities the role is for: checks that `amr` selects them and no others. */
  amr?: IdentityPoolAmr;
  /** Rules whose findings are accepted, each with the reason (see {@link LintSuppression}). */
  suppress?: readonly LintSuppression[];
}

const RULES = [trustPrincipalRules, trustActionRules, trustConditionRules];
const CODES: ReadonlySet<string> = new Set(TRUST_POLICY_RULE_CODES);

function fail(message: string): never {
  throw new TypeError(`lintTrustPolicy: ${message}`);
}

/**
 * Parses a trust policy: a policy document whose statements have no `Resource` (the role is the
 * resource). Statements without one are parsed as if they had `Resource: "*"`, which is removed
 * again; a statement with one is kept as written and reported.
 */
function parseTrustPolicy(policy: unknown): PolicyDocument {
  let raw: unknown = policy;
  if (typeof policy === "string") {
    try {
      raw = JSON.parse(policy);
    } catch {
      return parsePolicyDocument(policy); // throws its invalid_policy error
    }
  }
  if (typeof raw !== "object" || raw === null || !("Statement" in raw)) {
    return parsePolicyDocument(raw);
  }
  const statement = (raw as { Statement: unknown }).Statement;
  const list = Array.isArray(statement) ? statement : [statement];
  const injected = new Set<number>();
  const patched = list.map((item: unknown, index) => {
    if (typeof item !== "object" || item === null || "Resource" in item || "NotResource" in item) {
      return item;
    }
    injected.add(index);
    return { ...item, Resource: "*" };
  });
  const document = parsePolicyDocument({
    ...raw,
    Statement: Array.isArray(statement) ? patched : patched[0],
  });
  const parsed = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  parsed.forEach((item, index) => {
    if (injected.has(index)) delete item.Resource;
  });
  return document;
}

/**
 * Checks the trust policy of an IAM role that a Cognito identity pool hands out: that only the
 * identity pool may assume it (`Federated: cognito-identity.amazonaws.com`,
 * `sts:AssumeRoleWithWebIdentity`), only with tokens of your pool(s) (`aud`) and for the right
 * identities (`amr` with `ForAnyValue:StringLike`), and that `sts:TagSession` is allowed when the
 * pool maps principal tags. A wrong trust policy surfaces at run time as an opaque
 * `InvalidIdentityPoolConfigurationException` (enhanced flow) or `AccessDenied: Not authorized to
 * perform sts:AssumeRoleWithWebIdentity` (basic flow).
 *
 * Rules: `missing_aud_condition`, `missing_amr_condition`, `wrong_amr_condition`,
 * `missing_tag_session`, `wrong_trust_action`, `wrong_trust_principal`, `resource_in_trust_policy`.
 *
 * @param policy - The trust policy as an object or JSON string (statements without `Resource`).
 * @param options - `principalTagsMapped`, the expected `amr`, and `suppress`.
 * @returns The findings, sorted as {@link lintResourcePolicy} sorts them; `[]` for a clean policy.
 * @throws PolicyError `invalid_policy` when the document is not valid IAM policy JSON.
 * @throws TypeError for malformed options.
 * @example
 * ```ts
 * const findings = lintTrustPolicy(
 *   identityPoolTrustPolicy({
 *     identityPoolId: "us-east-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11",
 *     amr: "authenticated",
 *   }),
 *   { principalTagsMapped: true },
 * );
 * findings[0]?.code; // "missing_tag_session"
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
export function lintTrustPolicy(
  policy: unknown,
  options: LintTrustPolicyOptions = {},
): LintFinding[] {
  if (typeof options !== "object" || options === null) fail("options must be an object");
  const { principalTagsMapped = false, amr } = options;
  if (typeof principalTagsMapped !== "boolean") fail("principalTagsMapped must be a boolean");
  if (amr !== undefined && amr !== "authenticated" && amr !== "unauthenticated") {
    fail('amr must be "authenticated" or "unauthenticated"');
  }
  const suppressions = readSuppressions(options.suppress, "lintTrustPolicy", CODES);
  const document = parseTrustPolicy(policy);
  const context: TrustLintContext = {
    document,
    statements: readStatements(document),
    principalTagsMapped,
    amr,
  };
  return finishFindings(
    RULES.flatMap((rule) => rule(context)),
    suppressions,
  );
}
