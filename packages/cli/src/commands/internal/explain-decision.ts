/**
 * The one-paragraph explanation of an identity- or trust-policy decision for
 * `gatehouse policy simulate`: which statement decided, and for a refusal which condition of
 * which statement did not hold, with policy variables resolved from the request. Every claim is
 * checked with the evaluator itself (each statement and each condition evaluated alone), never
 * guessed from the policy's text.
 * @internal
 * @packageDocumentation
 */
import {
  type ConditionContext,
  type Decision,
  type PolicyDocument,
  type PolicyKind,
  type PolicyStatement,
  parsePolicyDocument,
} from "@gatehouse/policy";

/** Evaluates one policy document for the request at hand. */
export type Evaluate = (policy: PolicyDocument) => Decision;

/** One policy of the question, with the name to print for it. */
export interface NamedPolicy {
  label: string;
  document: unknown;
}

const VARIABLE = /\$\{([^}]+)\}/g;

function statementsOf(
  document: unknown,
  kind: PolicyKind,
): { version: string | undefined; list: PolicyStatement[] } {
  const parsed = parsePolicyDocument(document, undefined, { kind });
  const list = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
  return { version: parsed.Version, list };
}

/** `policy.json Statement[1] (Sid "ReadOwn")`. */
export function statementLabel(policy: string, index: number, sid: string | undefined): string {
  return `${policy} Statement[${index}]${sid === undefined ? "" : ` (Sid ${JSON.stringify(sid)})`}`;
}

function show(value: string | readonly string[] | undefined): string {
  if (value === undefined) return "absent";
  return JSON.stringify(value);
}

/** What a policy variable stands for, in words, and its value in this request. */
function describeVariables(values: readonly string[], context: ConditionContext): string[] {
  const notes: string[] = [];
  for (const value of values) {
    for (const [, key] of value.matchAll(VARIABLE)) {
      if (key === undefined) continue;
      const actual = context[key];
      const meaning =
        key === "cognito-identity.amazonaws.com:sub"
          ? "the caller's identity id"
          : key.startsWith("aws:PrincipalTag/")
            ? `the caller's principal tag ${key.slice("aws:PrincipalTag/".length)}`
            : key;
      notes.push(
        actual === undefined
          ? `\${${key}} (${meaning}) has no value in this request, so it matches nothing`
          : `\${${key}} is ${meaning}, ${show(actual)}`,
      );
    }
  }
  return [...new Set(notes)];
}

/** The conditions of `statement` that do not hold, each evaluated alone as an Allow. */
function failingConditions(
  statement: PolicyStatement,
  version: string | undefined,
  evaluate: Evaluate,
  context: ConditionContext,
): string[] {
  const failing: string[] = [];
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, raw] of Object.entries(keys)) {
      const alone: PolicyStatement = {
        ...statement,
        Effect: "Allow",
        Condition: { [operator]: { [key]: raw } },
      };
      const document = {
        ...(version === undefined ? {} : { Version: version }),
        Statement: [alone],
      } as PolicyDocument;
      if (evaluate(document) === "allow") continue;
      const values = (Array.isArray(raw) ? raw : [raw]).map(String);
      const variables = describeVariables(values, context);
      const absentNote = context[key] === undefined ? " (the key is absent from the request)" : "";
      failing.push(
        `${operator} ${key} ${JSON.stringify(raw)} does not hold: the request's ${key} is ${show(
          context[key],
        )}${absentNote}${variables.length === 0 ? "" : `, where ${variables.join("; ")}`}`,
      );
    }
  }
  return failing;
}

/** Whether `statement` covers the request's action and resource (its conditions set aside). */
function covers(statement: PolicyStatement, version: string | undefined, evaluate: Evaluate) {
  const { Condition: _condition, ...rest } = statement;
  const document = {
    ...(version === undefined ? {} : { Version: version }),
    Statement: [{ ...rest, Effect: "Allow" }],
  } as PolicyDocument;
  return evaluate(document) === "allow";
}

/**
 * Why nothing allowed the request: the Allow statements that cover it and the conditions of each
 * that failed, or that no statement covers it at all.
 */
export function explainImplicitDeny(
  policies: readonly NamedPolicy[],
  what: string,
  evaluate: Evaluate,
  context: ConditionContext,
  kind: PolicyKind = "identity",
): string {
  const reasons: string[] = [];
  for (const policy of policies) {
    const { version, list } = statementsOf(policy.document, kind);
    list.forEach((statement, index) => {
      if (statement.Effect !== "Allow" || !covers(statement, version, evaluate)) return;
      const failing = failingConditions(statement, version, evaluate, context);
      const label = statementLabel(policy.label, index, statement.Sid);
      reasons.push(
        failing.length === 0
          ? `${label} covers ${what} but does not apply as a whole`
          : `${label} covers ${what}, but ${failing.join("; and ")}`,
      );
    });
  }
  if (reasons.length === 0) {
    return `No Allow statement covers ${what}: IAM denies what nothing allows (implicit deny).`;
  }
  return `Nothing allows it (implicit deny). ${reasons.join(". ")}.`;
}
