import type { IamAuthorizerStatement } from "../iam-authorizer-statement.js";

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * A deep copy of a JSON value: own enumerable keys, an own `__proto__` key kept as data.
 * @internal
 */
export function copyJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const member = source[key];
    // Strings, numbers, booleans and null (most of a response) need no recursion.
    const copy = typeof member === "object" && member !== null ? copyJson(member) : member;
    if (key === "__proto__") {
      defineOwn(out, key, copy);
    } else {
      out[key] = copy;
    }
  }
  return out as T;
}

/**
 * A copy of a context map: a spread (own data properties, `__proto__` included, no setter runs),
 * then nested values copied deeply.
 * @internal
 */
export function copyContext(context: Record<string, unknown>): Record<string, unknown> {
  const out = { ...context };
  for (const key in out) {
    const member = out[key];
    if (typeof member === "object" && member !== null) defineOwn(out, key, copyJson(member));
  }
  return out;
}

/**
 * A copy of policy statements: the builders' statements (exactly `Action` (a string), `Effect`,
 * `Resource` (a list), in this order) field by field, any other as JSON.
 * @internal
 */
export function copyStatements(
  statements: readonly IamAuthorizerStatement[],
): IamAuthorizerStatement[] {
  return statements.map((statement) => {
    const { Action, Effect, Resource } = statement;
    if (
      typeof Action === "string" &&
      Array.isArray(Resource) &&
      strings(Resource) &&
      builtKeys(statement)
    ) {
      return { Action, Effect, Resource: Resource.slice() };
    }
    return copyJson(statement);
  });
}

const STATEMENT_KEYS = ["Action", "Effect", "Resource"];

/** Exactly `Action`, `Effect`, `Resource`, in this order (JSON.stringify follows it). */
function builtKeys(statement: object): boolean {
  let index = 0;
  for (const key in statement) {
    if (key !== STATEMENT_KEYS[index]) return false;
    index++;
  }
  return index === 3;
}

function strings(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== "string") return false;
  return true;
}

/**
 * Whether a value is an IAM response as the builders shape it: `principalId` (a string),
 * `policyDocument` (`Version`, `Statement` list), then optionally a plain `context` object and a
 * string `usageIdentifierKey`, in this order and nothing else.
 */
function isBuiltIamResponse(value: Record<string, unknown>): boolean {
  const { principalId, policyDocument, context, usageIdentifierKey } = value;
  if (typeof principalId !== "string" || typeof policyDocument !== "object") return false;
  if (
    policyDocument === null ||
    !Array.isArray((policyDocument as { Statement?: unknown }).Statement)
  ) {
    return false;
  }
  if (context !== undefined) {
    if (typeof context !== "object" || context === null || Array.isArray(context)) return false;
  }
  if (usageIdentifierKey !== undefined && typeof usageIdentifierKey !== "string") return false;
  // The same keys in the same order (JSON.stringify follows it), nothing else.
  let expected = 2 + (context === undefined ? 0 : 1) + (usageIdentifierKey === undefined ? 0 : 1);
  let index = 0;
  for (const key in value) {
    if (index >= expected) return false;
    const wanted =
      index === 0
        ? "principalId"
        : index === 1
          ? "policyDocument"
          : index === 2 && context !== undefined
            ? "context"
            : "usageIdentifierKey";
    if (key !== wanted) return false;
    index++;
  }
  if (index !== expected) return false;
  expected = 0;
  for (const key in policyDocument) {
    if (key !== (expected === 0 ? "Version" : expected === 1 ? "Statement" : "")) return false;
    expected++;
  }
  return expected === 2;
}

interface BuiltIamResponse {
  principalId: string;
  policyDocument: { Version: unknown; Statement: IamAuthorizerStatement[] };
  context?: Record<string, unknown>;
  usageIdentifierKey?: string;
}

/**
 * A deep copy of an authorizer response, field by field (fixed object shapes) for an IAM
 * response as the builders shape it, as JSON otherwise.
 * @internal
 */
export function copyResponse<T>(value: T): T {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return copyJson(value);
  if (!isBuiltIamResponse(value as Record<string, unknown>)) return copyJson(value);
  const iam = value as unknown as BuiltIamResponse;
  const copy: BuiltIamResponse = {
    principalId: iam.principalId,
    policyDocument: {
      Version: iam.policyDocument.Version,
      Statement: copyStatements(iam.policyDocument.Statement),
    },
  };
  if (iam.context !== undefined) copy.context = copyContext(iam.context);
  if (iam.usageIdentifierKey !== undefined) copy.usageIdentifierKey = iam.usageIdentifierKey;
  return copy as T;
}
