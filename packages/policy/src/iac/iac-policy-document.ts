import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type {
  ConditionBlock,
  PolicyDocument,
  PolicyKind,
  PolicyPrincipal,
  PolicyStatement,
} from "../document/policy-document.js";

/**
 * A validated {@link PolicyDocument} as every IaC renderer emits it: `Statement` is always a list
 * (CDK's `iam.PolicyDocument.fromJson` rejects a single object), keys are in the order of the
 * IAM grammar and condition operators and keys are sorted, so equal documents render to equal
 * bytes.
 */
export interface IacPolicyDocument extends PolicyDocument {
  Statement: PolicyStatement[];
}

const PRINCIPAL_KEYS = ["AWS", "Service", "Federated", "CanonicalUser"] as const;

/**
 * Validates `policy` with `parsePolicyDocument` and returns a fresh copy in canonical key order.
 * Value shapes (a string or a list) are kept as written.
 *
 * @internal
 */
export function toIacPolicyDocument(
  policy: PolicyDocument | string,
  kind: PolicyKind = "any",
): IacPolicyDocument {
  const parsed = parsePolicyDocument(policy, undefined, { kind });
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
  // Rebuilt key by key so the output order does not depend on the caller's.
  return {
    ...(parsed.Version === undefined ? {} : { Version: parsed.Version }),
    ...(parsed.Id === undefined ? {} : { Id: parsed.Id }),
    Statement: statements.map(canonicalStatement),
  };
}

function canonicalStatement(statement: PolicyStatement): PolicyStatement {
  const result: PolicyStatement = {
    ...(statement.Sid === undefined ? {} : { Sid: statement.Sid }),
    Effect: statement.Effect,
  };
  if (statement.Principal !== undefined) result.Principal = canonicalPrincipal(statement.Principal);
  if (statement.NotPrincipal !== undefined) {
    result.NotPrincipal = canonicalPrincipal(statement.NotPrincipal);
  }
  if (statement.Action !== undefined) result.Action = copy(statement.Action);
  if (statement.NotAction !== undefined) result.NotAction = copy(statement.NotAction);
  if (statement.Resource !== undefined) result.Resource = copy(statement.Resource);
  if (statement.NotResource !== undefined) result.NotResource = copy(statement.NotResource);
  if (statement.Condition !== undefined) result.Condition = canonicalCondition(statement.Condition);
  return result;
}

function canonicalPrincipal(principal: PolicyPrincipal): PolicyPrincipal {
  if (principal === "*") return "*";
  const out: Exclude<PolicyPrincipal, "*"> = {};
  for (const key of PRINCIPAL_KEYS) {
    const value = principal[key];
    if (value !== undefined) out[key] = copy(value);
  }
  return out;
}

function canonicalCondition(condition: ConditionBlock): ConditionBlock {
  const out: ConditionBlock = {};
  for (const operator of Object.keys(condition).sort()) {
    const keys = condition[operator] ?? {};
    const sorted: ConditionBlock[string] = {};
    for (const key of Object.keys(keys).sort()) {
      const value = keys[key];
      if (value !== undefined) sorted[key] = copy(value);
    }
    out[operator] = sorted;
  }
  return out;
}

function copy<T>(value: T | T[]): T | T[] {
  return Array.isArray(value) ? [...value] : value;
}
