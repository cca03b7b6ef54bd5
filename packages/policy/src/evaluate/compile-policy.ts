import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type { OneOrMany, PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import { isPolicyError, PolicyError } from "../errors.js";
import type { CompiledWildcard } from "../wildcard/wildcard.js";
import {
  compilePattern,
  matchCompiledWildcard,
  matchFoldedWildcard,
} from "../wildcard/wildcard.js";
import type {
  Decision,
  EvaluationRequest,
  EvaluationResult,
  MatchedStatement,
} from "./evaluate-policy.js";
import type { CompiledCondition } from "./internal/compile-condition.js";
import { compileCondition, matchesCompiledCondition } from "./internal/compile-condition.js";
import type { CompiledPrincipal } from "./internal/compile-principal.js";
import { compilePrincipal, matchesCompiledPrincipal } from "./internal/compile-principal.js";
import type { Truth } from "./internal/condition-truth.js";
import { FALSE, TRUE, UNKNOWN } from "./internal/condition-truth.js";
import { substituteVariables } from "./internal/policy-variables.js";
import type { RequestState } from "./internal/request-state.js";
import { prepareRequest, shortResourceOf } from "./internal/request-state.js";

/**
 * A policy validated and compiled by {@link compilePolicy}, ready to evaluate many requests.
 *
 * It holds its own copy of the document: changing the object it was compiled from afterwards has
 * no effect on it. Compile again when the policy changes.
 */
export interface CompiledPolicy {
  /**
   * Evaluates one request against the compiled policy, with exactly the rules and results of
   * {@link evaluatePolicy}. Never throws: a malformed request fails closed as `implicit-deny`
   * with a {@link PolicyError} `invalid_request` in `error`. A plain function: it may be passed
   * around detached from the compiled policy.
   */
  readonly evaluate: (request: EvaluationRequest) => EvaluationResult;
}

interface ResourcePattern {
  /** Patterns are shared by the statements that repeat them; their result is kept per request. */
  readonly id: number;
  /** `execute-api:/...`: a path inside whichever API the policy is attached to. */
  readonly short: boolean;
  /** The compiled pattern; `undefined` when it holds a policy variable (substituted per request). */
  readonly compiled: CompiledWildcard | undefined;
  readonly text: string;
}

interface CompiledStatement {
  readonly match: MatchedStatement;
  readonly principal: CompiledPrincipal | undefined;
  readonly notPrincipal: CompiledPrincipal | undefined;
  /** Case-insensitive patterns; `notAction` when they came from `NotAction`. */
  readonly actions: readonly CompiledWildcard[];
  readonly notAction: boolean;
  readonly resources: readonly ResourcePattern[];
  readonly notResource: boolean;
  /** Neither `Resource` nor `NotResource` (a trust policy): the role itself, any request resource. */
  readonly anyResource: boolean;
  readonly condition: CompiledCondition | undefined;
}

function list(value: OneOrMany<string> | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : value;
}

/** Resource patterns by text: `arn:...:api/*` often heads several statements. */
type ResourceTable = Map<string, ResourcePattern>;

function compileResource(text: string, variables: boolean, table: ResourceTable): ResourcePattern {
  let pattern = table.get(text);
  if (pattern === undefined) {
    pattern = {
      id: table.size,
      short: text.startsWith("execute-api:/"),
      compiled: variables && text.includes("${") ? undefined : compilePattern(text),
      text,
    };
    table.set(text, pattern);
  }
  return pattern;
}

function compileStatement(
  statement: PolicyStatement,
  index: number,
  variables: boolean,
  table: ResourceTable,
): CompiledStatement {
  return {
    match: { index, sid: statement.Sid, effect: statement.Effect },
    principal:
      statement.Principal === undefined ? undefined : compilePrincipal(statement.Principal),
    notPrincipal:
      statement.NotPrincipal === undefined ? undefined : compilePrincipal(statement.NotPrincipal),
    actions: list(statement.Action ?? statement.NotAction).map((pattern) =>
      compilePattern(pattern, true),
    ),
    notAction: statement.Action === undefined,
    resources: list(statement.Resource ?? statement.NotResource).map((pattern) =>
      compileResource(pattern, variables, table),
    ),
    notResource: statement.Resource === undefined,
    anyResource: statement.Resource === undefined && statement.NotResource === undefined,
    condition:
      statement.Condition === undefined
        ? undefined
        : compileCondition(statement.Condition, variables),
  };
}

/**
 * Per request: 0 not tried yet, 1 matches, 2 does not, 3 does not because a policy variable in it
 * has no value (variables resolve alike within a request).
 */
type ResourceResults = Uint8Array;
const UNRESOLVED = 3;

function matchesResource(
  pattern: ResourcePattern,
  request: RequestState,
  results: ResourceResults,
): number {
  const known = results[pattern.id] as number;
  if (known !== 0) return known;
  const matched = matchResource(pattern, request);
  results[pattern.id] = matched;
  return matched;
}

function matchResource(pattern: ResourcePattern, request: RequestState): number {
  let compiled = pattern.compiled;
  if (compiled === undefined) {
    const resolved = substituteVariables(pattern.text, request.context);
    if (resolved === null) return UNRESOLVED;
    compiled = compilePattern(resolved);
  }
  let target = request.resource;
  if (pattern.short && !target.startsWith("execute-api:/")) {
    const short = shortResourceOf(request);
    if (short === null) return 2;
    target = short;
  }
  return matchCompiledWildcard(compiled, target) ? 1 : 2;
}

/** `UNKNOWN`: everything matches but a condition is undecided (an IP value that is refused). */
function applies(
  statement: CompiledStatement,
  request: RequestState,
  results: ResourceResults,
): Truth {
  if (
    statement.principal !== undefined &&
    !matchesCompiledPrincipal(statement.principal, request)
  ) {
    return FALSE;
  }
  if (
    statement.notPrincipal !== undefined &&
    matchesCompiledPrincipal(statement.notPrincipal, request)
  ) {
    return FALSE;
  }
  let actionListed = false;
  for (const pattern of statement.actions) {
    if (matchFoldedWildcard(pattern, request.foldedAction)) {
      actionListed = true;
      break;
    }
  }
  if (actionListed === statement.notAction) return FALSE;
  // A NotResource entry whose variable has no value makes the statement undecided ("if AWS
  // cannot resolve a variable this might cause the entire statement to be invalid"): an Allow
  // does not apply, a Deny does (fail closed). A Resource entry without a value matches nothing.
  let undecided = false;
  if (!statement.anyResource) {
    let resourceListed = false;
    for (const pattern of statement.resources) {
      const matched = matchesResource(pattern, request, results);
      if (matched === 1) {
        resourceListed = true;
        break;
      }
      if (matched === UNRESOLVED) undecided = true;
    }
    if (resourceListed === statement.notResource) return FALSE;
    undecided &&= statement.notResource;
  }
  const condition =
    statement.condition === undefined
      ? TRUE
      : matchesCompiledCondition(statement.condition, request);
  return undecided && condition !== FALSE ? UNKNOWN : condition;
}

function decide(
  statements: readonly CompiledStatement[],
  resourceCount: number,
  request: RequestState,
): EvaluationResult {
  const results: ResourceResults = new Uint8Array(resourceCount);
  const matched: MatchedStatement[] = [];
  let allowed = false;
  let denied = false;
  for (const statement of statements) {
    const applied = applies(statement, request, results);
    if (applied === FALSE) continue;
    const { match } = statement;
    // Undecided: a Deny applies, an Allow does not (fail closed).
    if (applied === UNKNOWN && match.effect === "Allow") continue;
    // A fresh object per result: callers may keep or change what they are given.
    const entry: MatchedStatement = { index: match.index, sid: match.sid, effect: match.effect };
    if (applied === UNKNOWN) entry.failClosed = true;
    matched.push(entry);
    if (match.effect === "Deny") denied = true;
    else allowed = true;
  }
  const decision: Decision = denied ? "explicit-deny" : allowed ? "allow" : "implicit-deny";
  return { decision, matched };
}

/** The validated document behind each policy {@link compilePolicy} returned. */
const sources = new WeakMap<CompiledPolicy, PolicyDocument>();

/** The result for a policy or request that could not be read: fail closed. @internal */
export function failClosed(cause: unknown): EvaluationResult {
  const error = isPolicyError(cause)
    ? cause
    : new PolicyError("invalid_policy", "the policy or request could not be read", { cause });
  return { decision: "implicit-deny", matched: [], error };
}

/**
 * Compiles a document that {@link parsePolicyDocument} has already validated and that nobody else
 * holds (no validation, no copy).
 * @internal
 */
export function compileParsedPolicy(document: PolicyDocument): CompiledPolicy {
  const variables = document.Version === "2012-10-17";
  const source = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const table: ResourceTable = new Map();
  const statements = source.map((statement, index) =>
    compileStatement(statement, index, variables, table),
  );
  const resourceCount = table.size;
  const evaluate = (request: EvaluationRequest): EvaluationResult => {
    try {
      return decide(statements, resourceCount, prepareRequest(request));
    } catch (cause) {
      return failClosed(cause);
    }
  };
  return Object.freeze({ evaluate });
}

/**
 * Validates a policy once and compiles it for repeated evaluation: CIDR blocks parsed to bytes,
 * wildcard patterns (resources, actions, `StringLike`, `ArnLike`) compiled, condition operators
 * parsed and keys lower-cased, typed condition values (numbers, dates, booleans, base64) read. Use
 * it when one policy (an API's resource policy, an authorizer's cached policy) decides many
 * requests; {@link evaluatePolicy} compiles on every call. `evaluateApiGatewayAccess` and
 * `wouldCachedPolicyAllow` take the result as `resourcePolicy`.
 *
 * Unlike `evaluatePolicy`, it throws on a malformed policy, so that a bad policy is found when it
 * is loaded rather than on every request; `evaluate` on the result never throws.
 *
 * @param policy - A policy document, as an object or a JSON string (validated by
 *   {@link parsePolicyDocument}). The compiled policy keeps its own copy: later changes to the
 *   object are not seen.
 * @returns The compiled policy; `compiled.evaluate(request)` gives what
 *   `evaluatePolicy(policy, request)` gives.
 * @throws PolicyError `invalid_policy` with the `path` of the offending field.
 * @example
 * ```ts
 * const compiled = compilePolicy({
 *   Version: "2012-10-17",
 *   Statement: [
 *     { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
 *     {
 *       Effect: "Deny",
 *       Principal: "*",
 *       Action: "execute-api:Invoke",
 *       Resource: "execute-api:/*",
 *       Condition: { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } },
 *     },
 *   ],
 * });
 * compiled.evaluate({
 *   action: "execute-api:Invoke",
 *   resource: "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/pets",
 *   context: { "aws:SourceIp": "192.0.2.10" },
 * }).decision; // "explicit-deny"
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function compilePolicy(policy: unknown): CompiledPolicy {
  const document = parsePolicyDocument(policy);
  const compiled = compileParsedPolicy(document);
  sources.set(compiled, document);
  return compiled;
}

/**
 * The validated copy of the document `compiled` was compiled from, or `undefined` when `compiled`
 * did not come from {@link compilePolicy} (of this copy of the package). Read-only: the gateway
 * model reads statements from it (short resources, `Principal`), and nobody may change it.
 * @internal
 */
export function compiledPolicySource(compiled: unknown): PolicyDocument | undefined {
  return typeof compiled === "object" && compiled !== null
    ? sources.get(compiled as CompiledPolicy)
    : undefined;
}
