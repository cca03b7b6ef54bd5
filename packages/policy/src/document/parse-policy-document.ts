import { parseCidr } from "../cidr/parse-cidr.js";
import { PolicyError } from "../errors.js";
import type { Comparison } from "../evaluate/internal/condition-operator.js";
import { parseConditionOperator } from "../evaluate/internal/condition-operator.js";
import {
  conditionValueText,
  decodeBase64Value,
  parseBoolValue,
  parseDateValue,
  parseNumericValue,
} from "../evaluate/internal/condition-values.js";
import { isAccountId } from "../identifiers/account-id.js";
import { classifyPrincipalArn } from "../identifiers/principal-arn.js";
import { servicePrincipalProblem } from "../identifiers/service-principal.js";
import type {
  ConditionBlock,
  ConditionValue,
  OneOrMany,
  PolicyDocument,
  PolicyKind,
  PolicyPrincipal,
  PolicyStatement,
  PolicyVersion,
} from "./policy-document.js";

type JsonObject = Record<string, unknown>;

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
const PRINCIPAL_KEYS = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);
const VERSIONS: ReadonlySet<string> = new Set<PolicyVersion>(["2012-10-17", "2008-10-17"]);
const validCidrs = new Set<string>();
const ACTION = /^(?:\*|[A-Za-z0-9*?_-]+:\S+)$/;
// The unique id AWS shows in place of a principal once the named role or user is deleted.
const UNIQUE_ID = /^A[A-Z0-9]{15,127}$/;

function fail(path: string, message: string, expected: string, actual: unknown): PolicyError {
  return new PolicyError("invalid_policy", path === "" ? message : `${path}: ${message}`, {
    path,
    expected,
    actual: shorten(actual),
  });
}

function shorten(value: unknown): unknown {
  if (typeof value === "string" && value.length > 100) return `${value.slice(0, 100)}…`;
  if (typeof value === "object" && value !== null)
    return Array.isArray(value) ? "[array]" : "{object}";
  return value;
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function isObject(value: unknown): value is JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function checkKeys(value: JsonObject, allowed: ReadonlySet<string>, path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) {
      throw fail(join(path, key), `unknown element "${key}"`, [...allowed].join(", "), key);
    }
  }
}

function has(value: JsonObject, key: string): boolean {
  return Object.hasOwn(value, key);
}

function field(value: JsonObject, key: string): unknown {
  return value[key];
}

/** A check on one string: `undefined` when fine, else what was expected. */
type StringCheck = (item: string) => string | undefined;

function readStrings(value: unknown, path: string, check: StringCheck): OneOrMany<string> {
  if (typeof value === "string") {
    const expected = check(value);
    if (expected !== undefined) throw fail(path, `"${value}" is not ${expected}`, expected, value);
    return value;
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw fail(
      path,
      "expected a string or a non-empty array of strings",
      "string | string[]",
      value,
    );
  }
  const items: string[] = [];
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    const expected = typeof item === "string" ? check(item) : "a string";
    if (expected !== undefined) {
      throw fail(`${path}[${index}]`, `${JSON.stringify(item)} is not ${expected}`, expected, item);
    }
    items.push(item as string);
  }
  return items;
}

const nonEmpty: StringCheck = (item) => (item === "" ? "a non-empty string" : undefined);

const checkAction: StringCheck = (item) =>
  ACTION.test(item) ? undefined : 'an action ("*" or "service:Action")';

const AWS_EXPECTED = 'an AWS principal ("*", an account id or an IAM/STS principal ARN)';

// "*", an account id, a principal ARN that can sign (not an identity provider), or a unique id.
const checkAwsPrincipal: StringCheck = (item) => {
  if (item === "*" || isAccountId(item) || UNIQUE_ID.test(item)) return undefined;
  // A policy variable is only known per request: check the rest of the ARN around it.
  const principal = classifyPrincipalArn(item.replaceAll(/\$\{[^}]*\}/g, "x"));
  if (!("kind" in principal)) return `${AWS_EXPECTED}: ${principal.message}`;
  return principal.kind === "saml-provider" || principal.kind === "oidc-provider"
    ? `${AWS_EXPECTED}: an identity provider goes under Principal.Federated`
    : undefined;
};

const checkServicePrincipal: StringCheck = (item) =>
  servicePrincipalProblem(item) === undefined
    ? undefined
    : "a service principal, the service's lower-case DNS name such as lambda.amazonaws.com";

// An identity provider's ARN, or a web identity provider's name (accounts.google.com, cognito-identity.amazonaws.com).
const checkFederatedPrincipal: StringCheck = (item) => {
  if (item.startsWith("arn:")) {
    const principal = classifyPrincipalArn(item);
    if (!("kind" in principal)) return `an identity provider: ${principal.message}`;
    return principal.kind === "saml-provider" || principal.kind === "oidc-provider"
      ? undefined
      : "an identity provider (saml-provider/... or oidc-provider/...); other principal ARNs go under Principal.AWS";
  }
  return servicePrincipalProblem(item) === undefined
    ? undefined
    : "an identity provider ARN or a provider name such as accounts.google.com";
};

const PRINCIPAL_CHECKS: Readonly<Record<string, StringCheck>> = {
  AWS: checkAwsPrincipal,
  Service: checkServicePrincipal,
  Federated: checkFederatedPrincipal,
  CanonicalUser: nonEmpty,
};

function readPrincipal(value: unknown, path: string): PolicyPrincipal {
  if (value === "*") return "*";
  if (!isObject(value)) {
    throw fail(path, 'expected "*" or an object such as {"AWS": ...}', '"*" | object', value);
  }
  checkKeys(value, PRINCIPAL_KEYS, path);
  const keys = Object.keys(value);
  if (keys.length === 0) {
    throw fail(path, "must name at least one principal type", "AWS, Service, ...", value);
  }
  const principal: Exclude<PolicyPrincipal, "*"> = {};
  for (const key of keys) {
    const itemPath = join(path, key);
    const items = readStrings(value[key], itemPath, PRINCIPAL_CHECKS[key] ?? nonEmpty);
    principal[key as keyof typeof principal] = items;
  }
  return principal;
}

/** Checks a typed condition value; returns the error to throw (paths are built only then). */
function conditionValueError(
  comparison: Comparison,
  value: ConditionValue,
  variables: boolean,
  pathOf: () => string,
): PolicyError | undefined {
  const text = conditionValueText(value);
  // A value built from a policy variable is only known per request.
  if (variables && text.includes("${")) return undefined;
  let expected: string | undefined;
  switch (comparison) {
    case "NumericEquals":
    case "NumericLessThan":
    case "NumericLessThanEquals":
    case "NumericGreaterThan":
    case "NumericGreaterThanEquals":
      if (typeof value === "boolean" || parseNumericValue(text) === undefined) {
        expected = "a number";
      }
      break;
    case "DateEquals":
    case "DateLessThan":
    case "DateLessThanEquals":
    case "DateGreaterThan":
    case "DateGreaterThanEquals":
      if (typeof value === "boolean" || parseDateValue(text) === undefined) {
        expected = "an ISO 8601 date or epoch seconds";
      }
      break;
    case "Bool":
    case "Null":
      if (parseBoolValue(text) === undefined) expected = '"true" or "false"';
      break;
    case "BinaryEquals":
      if (decodeBase64Value(text) === undefined) expected = "base64";
      break;
    case "IpAddress":
      if (validCidrs.has(text)) break;
      try {
        parseCidr(text);
        // Resource policies are re-validated on every evaluation; their few blocks repeat.
        if (validCidrs.size >= 1024) validCidrs.clear();
        validCidrs.add(text);
      } catch (cause) {
        const path = pathOf();
        return new PolicyError(
          "invalid_policy",
          `${path}: "${text}" is not an IP address or CIDR`,
          {
            path,
            expected: "an IPv4/IPv6 address or CIDR block",
            actual: shorten(value),
            cause,
          },
        );
      }
      break;
    default:
      break;
  }
  return expected === undefined
    ? undefined
    : fail(pathOf(), `"${text}" is not ${expected}`, expected, value);
}

function isConditionScalar(value: unknown): value is ConditionValue {
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

/** Sets a property as data, even one named `__proto__` (a condition key is arbitrary text). */
function setData<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

function readCondition(value: unknown, path: string, variables: boolean): ConditionBlock {
  if (!isObject(value)) {
    throw fail(path, "expected an object", "{ operator: { key: value } }", value);
  }
  const block: ConditionBlock = {};
  for (const name of Object.keys(value)) {
    const operator = parseConditionOperator(name);
    if (operator === undefined) {
      throw fail(
        join(path, name),
        `unknown condition operator "${name}"`,
        "an IAM condition operator",
        name,
      );
    }
    const keys = value[name];
    if (!isObject(keys) || Object.keys(keys).length === 0) {
      throw fail(
        join(path, name),
        "expected a non-empty object of condition keys",
        "{ key: value }",
        keys,
      );
    }
    const entries: Record<string, OneOrMany<ConditionValue>> = {};
    for (const key of Object.keys(keys)) {
      const keyPath = () => join(join(path, name), key);
      if (key === "") {
        throw fail(keyPath(), "condition key must not be empty", "a key such as aws:SourceIp", key);
      }
      const raw = keys[key];
      if (isConditionScalar(raw)) {
        const error = conditionValueError(operator.comparison, raw, variables, keyPath);
        if (error !== undefined) throw error;
        setData(entries, key, raw);
        continue;
      }
      if (!Array.isArray(raw) || raw.length === 0) {
        throw fail(
          keyPath(),
          "expected a value or a non-empty array of values",
          "string | number | boolean | array",
          raw,
        );
      }
      const items: ConditionValue[] = [];
      for (let index = 0; index < raw.length; index++) {
        const item: unknown = raw[index];
        const itemPath = () => `${keyPath()}[${index}]`;
        if (!isConditionScalar(item)) {
          throw fail(
            itemPath(),
            "expected a string, number or boolean",
            "string | number | boolean",
            item,
          );
        }
        const error = conditionValueError(operator.comparison, item, variables, itemPath);
        if (error !== undefined) throw error;
        items.push(item);
      }
      setData(entries, key, items);
    }
    block[name] = entries;
  }
  return block;
}

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
