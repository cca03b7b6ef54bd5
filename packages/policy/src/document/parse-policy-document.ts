import { PolicyError } from "../errors.js";
import {
  checkKeys,
  fail,
  field,
  has,
  isObject,
  type JsonObject,
  join,
  nonEmpty,
  readStrings,
  type StringCheck,
  shorten,
} from "./internal/policy-json.js";
import { readCondition } from "./internal/read-condition.js";
import { readPrincipal } from "./internal/read-principal.js";
import type {
  PolicyDocument,
  PolicyKind,
  PolicyStatement,
  PolicyVersion,
} from "./policy-document.js";

const DOCUMENT_KEYS = new Set(["Version", "Id", "Statement"]);
const STATEMENT_KEYS = new Set([
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
]);
const VERSIONS: ReadonlySet<string> = new Set<PolicyVersion>(["2012-10-17", "2008-10-17"]);
const ACTION = /^(?:\*|[A-Za-z0-9*?_-]+:\S+)$/;

const checkAction: StringCheck = (item) =>
  ACTION.test(item) ? undefined : 'an action ("*" or "service:Action")';

/** Checks a typed condition value; returns the error to throw (paths are built only then). */
function exactlyOne(statement: JsonObject, a: string, b: string, path: string): string {
  const hasA = has(statement, a);
  const hasB = has(statement, b);
  if (hasA === hasB) {
    throw fail(
      path,
      `needs exactly one of ${a} and ${b}`,
      `${a} or ${b}`,
      hasA ? "both" : "neither",
    );
  }
  return hasA ? a : b;
}

/** The fields an identity-based or trust policy forbids or requires, as IAM reports them. */
function checkKindFields(value: JsonObject, path: string, kind: PolicyKind): void {
  if (kind === "identity") {
    for (const key of ["Principal", "NotPrincipal"]) {
      if (has(value, key)) {
        throw fail(
          join(path, key),
          `an identity-based policy has no ${key}: it applies to the identity it is attached to`,
          "no Principal",
          field(value, key),
        );
      }
    }
  } else if (kind === "trust") {
    if (!has(value, "Principal")) {
      throw fail(
        join(path, "Principal"),
        "a trust policy needs a Principal (who may assume the role)",
        'Principal such as {"Federated": "cognito-identity.amazonaws.com"}',
        has(value, "NotPrincipal") ? "NotPrincipal" : undefined,
      );
    }
    for (const key of ["Resource", "NotResource"]) {
      if (has(value, key)) {
        throw fail(
          join(path, key),
          `a trust policy has no ${key}: the role it is attached to is the resource`,
          "no Resource",
          field(value, key),
        );
      }
    }
  }
}

function readStatement(
  value: unknown,
  path: string,
  variables: boolean,
  kind: PolicyKind,
): PolicyStatement {
  if (!isObject(value)) throw fail(path, "a statement must be an object", "object", value);
  checkKeys(value, STATEMENT_KEYS, path);
  const effect = field(value, "Effect");
  if (effect !== "Allow" && effect !== "Deny") {
    throw fail(join(path, "Effect"), 'Effect must be "Allow" or "Deny"', "Allow | Deny", effect);
  }
  const statement: PolicyStatement = { Effect: effect };
  if (has(value, "Sid")) {
    const sid = field(value, "Sid");
    if (typeof sid !== "string")
      throw fail(join(path, "Sid"), "Sid must be a string", "string", sid);
    statement.Sid = sid;
  }
  if (has(value, "Principal") && has(value, "NotPrincipal")) {
    throw fail(path, "has both Principal and NotPrincipal", "at most one of them", "both");
  }
  checkKindFields(value, path, kind);
  if (has(value, "Principal")) {
    statement.Principal = readPrincipal(field(value, "Principal"), join(path, "Principal"));
  }
  if (has(value, "NotPrincipal")) {
    statement.NotPrincipal = readPrincipal(
      field(value, "NotPrincipal"),
      join(path, "NotPrincipal"),
    );
  }
  const action = exactlyOne(value, "Action", "NotAction", path) as "Action" | "NotAction";
  statement[action] = readStrings(value[action], join(path, action), checkAction);
  if (kind !== "trust") {
    const resource = exactlyOne(value, "Resource", "NotResource", path) as
      | "Resource"
      | "NotResource";
    statement[resource] = readStrings(value[resource], join(path, resource), nonEmpty);
  }
  if (has(value, "Condition")) {
    statement.Condition = readCondition(
      field(value, "Condition"),
      join(path, "Condition"),
      variables,
    );
  }
  return statement;
}

/** Options of {@link parsePolicyDocument}. */
export interface ParsePolicyDocumentOptions {
  /**
   * The grammar to check beyond the common one: `"identity"` refuses `Principal`, `"trust"`
   * requires `Principal` and refuses `Resource` (IAM's "Has prohibited field Resource").
   * @default "any"
   */
  kind?: PolicyKind;
}

/**
 * Validates an IAM policy document (resource policy or authorizer policy) and returns a clean copy.
 *
 * The grammar is checked strictly: `Version`, `Statement` (object or array), `Effect`, exactly one of
 * `Action`/`NotAction` and of `Resource`/`NotResource`, `Principal`/`NotPrincipal` shape, and every
 * `Condition` operator (with `IfExists` and `ForAnyValue:`/`ForAllValues:`), key and value, including
 * typed values (numbers, dates, booleans, base64, CIDR blocks) that contain no policy variable.
 *
 * @param input - The document as an object or as a JSON string.
 * @param path - A prefix for error paths, e.g. `"policyDocument"`.
 * @param options - `kind`: `"identity"` or `"trust"` for those grammars (default `"any"`).
 * @returns A new document with the same shape; the input is never modified or returned.
 * @throws PolicyError `invalid_policy` with the `path` of the offending field.
 * @example
 * ```ts
 * const policy = parsePolicyDocument('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}}');
 * parsePolicyDocument({ Statement: [{ Effect: "Permit" }] }); // throws, path "Statement[0].Effect"
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function parsePolicyDocument(
  input: unknown,
  path?: string,
  options: ParsePolicyDocumentOptions = {},
): PolicyDocument {
  const kind = options.kind ?? "any";
  if (kind !== "any" && kind !== "identity" && kind !== "trust") {
    throw new TypeError('parsePolicyDocument: options.kind must be "any", "identity" or "trust"');
  }
  const root = path ?? "";
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (cause) {
      throw new PolicyError("invalid_policy", "the policy is not valid JSON", {
        path: root,
        expected: "a JSON object",
        actual: shorten(input),
        cause,
      });
    }
  }
  if (!isObject(value)) throw fail(root, "a policy document must be an object", "object", value);
  checkKeys(value, DOCUMENT_KEYS, root);
  let version: PolicyVersion | undefined;
  if (has(value, "Version")) {
    const raw = field(value, "Version");
    if (typeof raw !== "string" || !VERSIONS.has(raw)) {
      throw fail(
        join(root, "Version"),
        "unknown policy Version",
        '"2012-10-17" or "2008-10-17"',
        raw,
      );
    }
    version = raw as PolicyVersion;
  }
  const id = field(value, "Id");
  if (has(value, "Id") && typeof id !== "string") {
    throw fail(join(root, "Id"), "Id must be a string", "string", id);
  }
  const statementPath = join(root, "Statement");
  if (!has(value, "Statement")) {
    throw fail(statementPath, "Statement is required", "object | object[]", undefined);
  }
  const raw = field(value, "Statement");
  const variables = version === "2012-10-17";
  const statement = Array.isArray(raw)
    ? raw.map((item: unknown, index) =>
        readStatement(item, `${statementPath}[${index}]`, variables, kind),
      )
    : readStatement(raw, statementPath, variables, kind);
  return {
    ...(version === undefined ? {} : { Version: version }),
    ...(typeof id === "string" ? { Id: id } : {}),
    Statement: statement,
  };
}
