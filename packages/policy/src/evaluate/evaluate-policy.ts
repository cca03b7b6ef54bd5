import { shortenResourceArn } from "../arn/shorten-resource-arn.js";
import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type { OneOrMany, PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import { isPolicyError, PolicyError } from "../errors.js";
import type { WildcardPart } from "../internal/wildcard.js";
import { compileWildcard, matchCompiledWildcard, matchesWildcard } from "../internal/wildcard.js";
import { evaluateCondition } from "./internal/evaluate-condition.js";
import type { Caller } from "./internal/match-principal.js";
import { matchesPrincipal } from "./internal/match-principal.js";
import type { NormalizedContext } from "./internal/policy-variables.js";
import { substituteVariables } from "./internal/policy-variables.js";

/**
 * Condition keys and their values for one request, e.g. `{ "aws:SourceIp": "192.0.2.10" }`. Key
 * names are case-insensitive; an array is a multi-valued key; `undefined` is the same as absent.
 */
export type ConditionContext = Record<string, string | readonly string[] | undefined>;

/** Who is calling: `"anonymous"`, or an IAM principal (SigV4-signed caller). */
export type RequestPrincipal = "anonymous" | { arn: string; accountId: string };

/** What is being asked: `action` on `resource` by `principal`, with condition `context`. */
export interface EvaluationRequest {
  /** E.g. `execute-api:Invoke` (compared case-insensitively). */
  action: string;
  /** The full ARN, e.g. a method ARN (compared case-sensitively). */
  resource: string;
  /** Only consulted by statements with `Principal`/`NotPrincipal`; absent means anonymous. */
  principal?: RequestPrincipal;
  context?: ConditionContext;
}

/** `allow`, or why not: a matching Deny (`explicit-deny`) or no matching Allow (`implicit-deny`). */
export type Decision = "allow" | "explicit-deny" | "implicit-deny";

/** A statement that applied to the request, by its position in `Statement`. */
export interface MatchedStatement {
  index: number;
  sid: string | undefined;
  effect: "Allow" | "Deny";
}

/** The decision, every statement that applied (in document order), and the reason for a failure. */
export interface EvaluationResult {
  decision: Decision;
  matched: MatchedStatement[];
  /** Set when the policy or the request was malformed; the decision is then `implicit-deny`. */
  error?: PolicyError;
}

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
  return matchCompiledWildcard(compileWildcard(resolved), target);
}

function applies(statement: PolicyStatement, request: Prepared, variables: boolean): boolean {
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
  return (
    statement.Condition === undefined ||
    evaluateCondition(statement.Condition, request.context, variables)
  );
}

const parsedJson = new Map<string, PolicyDocument>();

/** Strings are immutable, so a policy passed as JSON text is parsed once (objects may change). */
function parseJsonPolicy(text: string): PolicyDocument {
  let document = parsedJson.get(text);
  if (document === undefined) {
    document = parsePolicyDocument(text);
    if (parsedJson.size >= 64) parsedJson.clear();
    parsedJson.set(text, document);
  }
  return document;
}

function decide(document: PolicyDocument, request: Prepared): EvaluationResult {
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const variables = document.Version === "2012-10-17";
  const matched: MatchedStatement[] = [];
  let allowed = false;
  let denied = false;
  statements.forEach((statement, index) => {
    if (!applies(statement, request, variables)) return;
    matched.push({ index, sid: statement.Sid, effect: statement.Effect });
    if (statement.Effect === "Deny") denied = true;
    else allowed = true;
  });
  const decision: Decision = denied ? "explicit-deny" : allowed ? "allow" : "implicit-deny";
  return { decision, matched };
}

/**
 * Evaluates one IAM policy (resource policy or authorizer policy) for one request, locally, the way
 * IAM does: default implicit deny, any applicable Deny wins, otherwise any applicable Allow allows.
 *
 * Never throws: a malformed policy or request fails closed as `implicit-deny` with the reason in
 * `error` (a {@link PolicyError} `invalid_policy` or `invalid_request`).
 *
 * @param policy - A policy document, as an object or a JSON string (validated by
 *   {@link parsePolicyDocument}).
 * @param request - Action, resource, optional principal and condition context.
 * @returns The decision and the statements that applied.
 * @example
 * ```ts
 * const result = evaluatePolicy(
 *   {
 *     Version: "2012-10-17",
 *     Statement: [
 *       { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
 *       {
 *         Effect: "Deny",
 *         Principal: "*",
 *         Action: "execute-api:Invoke",
 *         Resource: "execute-api:/*",
 *         Condition: { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } },
 *       },
 *     ],
 *   },
 *   {
 *     action: "execute-api:Invoke",
 *     resource: "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/pets",
 *     context: { "aws:SourceIp": "192.0.2.10" },
 *   },
 * );
 * result.decision; // "explicit-deny"
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function evaluatePolicy(policy: unknown, request: EvaluationRequest): EvaluationResult {
  try {
    const document =
      typeof policy === "string" ? parseJsonPolicy(policy) : parsePolicyDocument(policy);
    return decide(document, prepareRequest(request));
  } catch (cause) {
    const error = isPolicyError(cause)
      ? cause
      : new PolicyError("invalid_policy", "the policy or request could not be read", { cause });
    return { decision: "implicit-deny", matched: [], error };
  }
}
