// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings.
/**
 * TEST SUPPORT ONLY (imported by `compile-policy.test.ts`, never by the package): the interpreter
 * `evaluatePolicy` ran before {@link compilePolicy} existed, kept verbatim as the oracle the
 * compiled evaluator is checked against. It re-reads the document on every call: principals,
 * wildcards, condition operators and CIDR blocks are interpreted from the JSON each time.
 *
 * @packageDocumentation
 */

import { shortenResourceArn } from "../arn/shorten-resource-arn.js";
import { cidrContains } from "../cidr/cidr-contains.js";
import type { Cidr } from "../cidr/parse-cidr.js";
import { parseCidr } from "../cidr/parse-cidr.js";
import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type {
  ConditionBlock,
  ConditionValue,
  OneOrMany,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
} from "../document/policy-document.js";
import { isPolicyError, PolicyError } from "../errors.js";
import type { WildcardPart } from "../wildcard/wildcard.js";
import { compilePattern, matchCompiledWildcard, matchesWildcard } from "../wildcard/wildcard.js";
import type {
  Decision,
  EvaluationRequest,
  EvaluationResult,
  MatchedStatement,
} from "./evaluate-policy.js";
import type { ConditionOperator } from "./internal/condition-operator.js";
import { parseConditionOperator } from "./internal/condition-operator.js";
import {
  conditionValueText,
  decodeBase64Value,
  parseBoolValue,
  parseDateValue,
  parseNumericValue,
} from "./internal/condition-values.js";
import type { NormalizedContext } from "./internal/policy-variables.js";
import { partsToText, substituteVariables } from "./internal/policy-variables.js";

// ---- match-principal.ts ----

/** The caller as the evaluator sees it (mirrors `RequestPrincipal`). @internal */
type Caller = "anonymous" | { readonly arn: string; readonly accountId: string };

const ACCOUNT_ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;
const ROLE = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const ASSUMED_ROLE = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

function namesCaller(entry: string, caller: Exclude<Caller, "anonymous">): boolean {
  if (entry === caller.arn) return true;
  if (/^\d{12}$/.test(entry)) return entry === caller.accountId;
  const root = ACCOUNT_ROOT.exec(entry);
  if (root !== null) return root[1] === caller.accountId;
  // A role ARN also names every session of that role (the caller's assumed-role ARN).
  const role = ROLE.exec(entry);
  const session = role === null ? null : ASSUMED_ROLE.exec(caller.arn);
  return (
    role !== null &&
    session !== null &&
    role[1] === session[1] &&
    role[2] === session[2] &&
    role[3] === session[3]
  );
}

/**
 * `"*"` (or `{ AWS: "*" }`) names everyone, anonymous callers included; an account id or its
 * `:root` ARN names every principal of that account; a user or role ARN names that principal.
 * `Service`, `Federated` and `CanonicalUser` entries never name an execute-api caller.
 *  */
function matchesPrincipal(principal: PolicyPrincipal, caller: Caller): boolean {
  if (principal === "*") return true;
  const aws = principal.AWS;
  if (aws === undefined) return false;
  const entries = typeof aws === "string" ? [aws] : aws;
  if (entries.includes("*")) return true;
  if (caller === "anonymous") return false;
  return entries.some((entry) => namesCaller(entry, caller));
}

// ---- evaluate-condition.ts ----

/** A policy value after variable substitution; `null` = unresolved variable, matches nothing. */
type PolicyValue = string | readonly WildcardPart[] | null;

const cidrCache = new Map<string, Cidr | null>();

function cidrOf(text: string): Cidr | null {
  let cidr = cidrCache.get(text);
  if (cidr === undefined) {
    try {
      cidr = parseCidr(text);
    } catch {
      cidr = null;
    }
    if (cidrCache.size >= 1024) cidrCache.clear();
    cidrCache.set(text, cidr);
  }
  return cidr;
}

function compareNumbers(
  comparison: ConditionOperator["comparison"],
  actual: number | undefined,
  expected: number | undefined,
): boolean {
  if (actual === undefined || expected === undefined) return false;
  switch (comparison) {
    case "NumericEquals":
    case "DateEquals":
      return actual === expected;
    case "NumericLessThan":
    case "DateLessThan":
      return actual < expected;
    case "NumericLessThanEquals":
    case "DateLessThanEquals":
      return actual <= expected;
    case "NumericGreaterThan":
    case "DateGreaterThan":
      return actual > expected;
    case "NumericGreaterThanEquals":
    case "DateGreaterThanEquals":
      return actual >= expected;
    default:
      return false;
  }
}

/** ARNs are compared per colon-separated part; the sixth part (resource) keeps its own colons. */
function splitArn(arn: string): string[] | undefined {
  const parts: string[] = [];
  let position = 0;
  for (let i = 0; i < 5; i++) {
    const colon = arn.indexOf(":", position);
    if (colon === -1) return undefined;
    parts.push(arn.slice(position, colon));
    position = colon + 1;
  }
  parts.push(arn.slice(position));
  return parts;
}

function splitArnParts(parts: readonly WildcardPart[]): WildcardPart[][] | undefined {
  // Only colons in wildcard text separate parts; a colon inside substituted text is data.
  const segments: WildcardPart[][] = [[]];
  for (const part of parts) {
    if (typeof part !== "string") {
      (segments[segments.length - 1] as WildcardPart[]).push(part);
      continue;
    }
    const pieces = part.split(":");
    pieces.forEach((piece, index) => {
      if (index > 0) {
        if (segments.length < 6) segments.push([]);
        else (segments[5] as WildcardPart[]).push(":");
      }
      (segments[segments.length - 1] as WildcardPart[]).push(piece);
    });
  }
  return segments.length === 6 ? segments : undefined;
}

function matchesArn(actual: string, expected: string | readonly WildcardPart[]): boolean {
  const actualParts = splitArn(actual);
  if (actualParts === undefined) return false;
  const expectedParts = typeof expected === "string" ? splitArn(expected) : splitArnParts(expected);
  if (expectedParts === undefined) return false;
  return expectedParts.every((pattern, index) =>
    matchCompiledWildcard(compilePattern(pattern), actualParts[index] as string),
  );
}

/** `null`: undecided (an IP condition meets a refused address): a Deny applies, an Allow does not. */
type Kleene = boolean | null;

function compare(operator: ConditionOperator, actual: string, expected: PolicyValue): Kleene {
  if (expected === null) return false;
  const { comparison } = operator;
  switch (comparison) {
    case "StringLike":
      return matchCompiledWildcard(compilePattern(expected), actual);
    case "Arn":
      return matchesArn(actual, expected);
    default:
      break;
  }
  const text = partsToText(expected);
  switch (comparison) {
    case "StringEquals":
      return actual === text;
    case "StringEqualsIgnoreCase":
      return actual.toLowerCase() === text.toLowerCase();
    case "NumericEquals":
    case "NumericLessThan":
    case "NumericLessThanEquals":
    case "NumericGreaterThan":
    case "NumericGreaterThanEquals":
      return compareNumbers(comparison, parseNumericValue(actual), parseNumericValue(text));
    case "DateEquals":
    case "DateLessThan":
    case "DateLessThanEquals":
    case "DateGreaterThan":
    case "DateGreaterThanEquals":
      return compareNumbers(comparison, parseDateValue(actual), parseDateValue(text));
    case "Bool": {
      const bool = parseBoolValue(text);
      return bool !== undefined && parseBoolValue(actual) === bool;
    }
    case "BinaryEquals": {
      const bytes = decodeBase64Value(text);
      return bytes !== undefined && decodeBase64Value(actual) === bytes;
    }
    case "IpAddress": {
      const cidr = cidrOf(text);
      if (cidr === null) return false;
      try {
        return cidrContains(cidr, actual);
      } catch {
        return null;
      }
    }
    default:
      return false;
  }
}

/** Kleene OR. */
function or(values: readonly Kleene[]): Kleene {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

/** Kleene AND. */
function and(values: readonly Kleene[]): Kleene {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

const negate = (value: Kleene): Kleene => (value === null ? null : !value);

/** Several policy values for one key are ORed: does any of them match this request value? */
function matchesAny(
  operator: ConditionOperator,
  actual: string,
  expected: readonly PolicyValue[],
): Kleene {
  return or(expected.map((value) => compare(operator, actual, value)));
}

/** One request value against the operator; a negated operator matches when no value does. */
function test(operator: ConditionOperator, actual: string, expected: readonly PolicyValue[]) {
  return operator.negated
    ? negate(matchesAny(operator, actual, expected))
    : matchesAny(operator, actual, expected);
}

function evaluateKey(
  operator: ConditionOperator,
  present: readonly string[] | undefined,
  expected: readonly PolicyValue[],
): Kleene {
  if (operator.comparison === "Null") {
    // `"true"` asks for the key to be absent, `"false"` for it to be present.
    return expected.some(
      (value) => value !== null && parseBoolValue(partsToText(value)) === (present === undefined),
    );
  }
  // `filter` drops the holes of a sparse list, as `some` and `every` skip them.
  const values = present?.filter(() => true);
  if (operator.set === "ForAllValues") {
    return values === undefined
      ? true
      : and(values.map((actual) => test(operator, actual, expected)));
  }
  if (operator.set === "ForAnyValue") {
    if (values === undefined) return false;
    return or(values.map((actual) => test(operator, actual, expected)));
  }
  if (values === undefined) return operator.negated || operator.ifExists;
  // A multi-valued key under a single-value operator: positive if any value matches, negated if none does.
  const any = or(values.map((actual) => matchesAny(operator, actual, expected)));
  return operator.negated ? negate(any) : any;
}

function lookup(context: NormalizedContext, key: string): readonly string[] | undefined {
  const value = context.get(key.toLowerCase());
  if (value === undefined) return undefined;
  if (typeof value === "string") return [value];
  return value.length === 0 ? undefined : value;
}

/**
 * `true` when every operator, and every key under it, holds (AND); the values of one key are ORed,
 * or ANDed for negated operators. `null` when none is false but one is undecided.
 *  */
function evaluateCondition(
  block: ConditionBlock,
  context: NormalizedContext,
  variables: boolean,
): Kleene {
  const results: Kleene[] = [];
  for (const [name, keys] of Object.entries(block)) {
    const operator = parseConditionOperator(name);
    if (operator === undefined) return false;
    for (const [key, raw] of Object.entries(keys)) {
      const values: readonly ConditionValue[] = Array.isArray(raw) ? raw : [raw];
      const expected = values.map((value): PolicyValue => {
        const text = conditionValueText(value);
        return variables ? substituteVariables(text, context) : text;
      });
      results.push(evaluateKey(operator, lookup(context, key), expected));
    }
  }
  return and(results);
}

// ---- evaluate-policy.ts ----

interface Prepared {
  action: string;
  resource: string;
  caller: Caller;
  context: NormalizedContext;
  /** The request resource in `execute-api:/...` form, computed on first need. */
  shortResource: string | null | undefined;
}

function invalidRequest(path: string, message: string, actual: unknown): PolicyError {
  return new PolicyError("invalid_request", `${path}: ${message}`, { path, actual });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function prepareRequest(request: unknown): Prepared {
  if (!isRecord(request)) throw invalidRequest("request", "must be an object", typeof request);
  const { action, resource, principal, context } = request;
  if (typeof action !== "string")
    throw invalidRequest("request.action", "must be a string", action);
  if (typeof resource !== "string") {
    throw invalidRequest("request.resource", "must be a string", resource);
  }
  let caller: Caller = "anonymous";
  if (principal !== undefined && principal !== "anonymous") {
    const { arn, accountId } = isRecord(principal) ? principal : {};
    if (typeof arn !== "string" || typeof accountId !== "string") {
      throw invalidRequest(
        "request.principal",
        'must be "anonymous" or { arn: string; accountId: string }',
        principal,
      );
    }
    caller = { arn, accountId };
  }
  const normalized = new Map<string, string | readonly string[]>();
  if (context !== undefined) {
    if (!isRecord(context)) throw invalidRequest("request.context", "must be an object", context);
    for (const [key, value] of Object.entries(context)) {
      if (value === undefined) continue;
      const path = () => `request.context.${key}`;
      if (Array.isArray(value)) {
        value.forEach((item: unknown, index) => {
          if (typeof item !== "string") {
            throw invalidRequest(`${path()}[${index}]`, "must be a string", item);
          }
        });
      } else if (typeof value !== "string") {
        throw invalidRequest(path(), "must be a string or an array of strings", value);
      }
      const lower = key.toLowerCase();
      // Two spellings of one key: the first one wins, deterministically.
      if (!normalized.has(lower)) normalized.set(lower, value as string | readonly string[]);
    }
  }
  return { action, resource, caller, context: normalized, shortResource: undefined };
}

function list(value: OneOrMany<string>): readonly string[] {
  return typeof value === "string" ? [value] : value;
}

const shortForms = new Map<string, string | null>();

function shortResourceOf(request: Prepared): string | null {
  if (request.shortResource !== undefined) return request.shortResource;
  let short = shortForms.get(request.resource);
  if (short === undefined) {
    try {
      const shortened = shortenResourceArn(request.resource);
      short = shortened.startsWith("execute-api:/") ? shortened : null;
    } catch {
      short = null;
    }
    // Method ARNs repeat across requests; a bounded memo keeps the ARN parser off the hot path.
    if (shortForms.size >= 1024) shortForms.clear();
    shortForms.set(request.resource, short);
  }
  request.shortResource = short;
  return short;
}

function matchesResource(pattern: string, request: Prepared, variables: boolean): boolean {
  const resolved: string | WildcardPart[] | null = variables
    ? substituteVariables(pattern, request.context)
    : pattern;
  if (resolved === null) return false;
  // The resource-policy short form names a path inside whichever API the policy is attached to.
  let target = request.resource;
  if (pattern.startsWith("execute-api:/") && !request.resource.startsWith("execute-api:/")) {
    const short = shortResourceOf(request);
    if (short === null) return false;
    target = short;
  }
  return matchCompiledWildcard(compilePattern(resolved), target);
}

function applies(statement: PolicyStatement, request: Prepared, variables: boolean): Kleene {
  if (statement.Principal !== undefined && !matchesPrincipal(statement.Principal, request.caller)) {
    return false;
  }
  if (
    statement.NotPrincipal !== undefined &&
    matchesPrincipal(statement.NotPrincipal, request.caller)
  ) {
    return false;
  }
  const actions = statement.Action ?? statement.NotAction ?? [];
  const actionListed = list(actions).some((pattern) =>
    matchesWildcard(pattern, request.action, { ignoreCase: true }),
  );
  if (actionListed !== (statement.Action !== undefined)) return false;
  const resources = statement.Resource ?? statement.NotResource ?? [];
  const resourceListed = list(resources).some((pattern) =>
    matchesResource(pattern, request, variables),
  );
  if (resourceListed !== (statement.Resource !== undefined)) return false;
  // A NotResource entry whose variable has no value leaves the statement undecided.
  const undecided =
    statement.NotResource !== undefined &&
    variables &&
    list(statement.NotResource).some(
      (pattern) => substituteVariables(pattern, request.context) === null,
    );
  const condition =
    statement.Condition === undefined ||
    evaluateCondition(statement.Condition, request.context, variables);
  return undecided && condition !== false ? null : condition;
}

function decide(document: PolicyDocument, request: Prepared): EvaluationResult {
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const variables = document.Version === "2012-10-17";
  const matched: MatchedStatement[] = [];
  let allowed = false;
  let denied = false;
  statements.forEach((statement, index) => {
    const applied = applies(statement, request, variables);
    if (applied === false || (applied === null && statement.Effect === "Allow")) return;
    matched.push({
      index,
      sid: statement.Sid,
      effect: statement.Effect,
      ...(applied === null ? { failClosed: true as const } : {}),
    });
    if (statement.Effect === "Deny") denied = true;
    else allowed = true;
  });
  const decision: Decision = denied ? "explicit-deny" : allowed ? "allow" : "implicit-deny";
  return { decision, matched };
}

/** `evaluatePolicy` before compilation: parse, then interpret the document. */
export function referenceEvaluatePolicy(
  policy: unknown,
  request: EvaluationRequest,
): EvaluationResult {
  try {
    const document = parsePolicyDocument(policy);
    return decide(document, prepareRequest(request));
  } catch (cause) {
    const error = isPolicyError(cause)
      ? cause
      : new PolicyError("invalid_policy", "the policy or request could not be read", { cause });
    return { decision: "implicit-deny", matched: [], error };
  }
}
