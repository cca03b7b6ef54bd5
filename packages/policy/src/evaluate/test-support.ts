/**
 * TEST SUPPORT ONLY (imported by `compile-policy.test.ts`, never by the package): a reference IAM
 * evaluator, the oracle the compiled evaluator (`compilePolicy`, `evaluatePolicy`) is checked
 * against. It is written from the IAM and API Gateway documentation, not from the package's code,
 * and is slow and plain by design: it re-reads the document on every call, matches wildcards by
 * recursion over characters (`reference-patterns.test-support.ts`), and has its own condition
 * operators and value readers (`reference-conditions.test-support.ts`), its own IP/CIDR arithmetic
 * (`reference-ip.test-support.ts`), its own principal and ARN splitting and its own request
 * validation.
 *
 * What it does NOT check independently (shared with the code under test, on purpose):
 * - which documents are valid, and their `invalid_policy` errors: it takes the package's
 *   `parsePolicyDocument` verdict and only then interprets the document itself (the parser has its
 *   own tests in `document/parse-policy-document.test.ts`);
 * - the `PolicyError` class (results must be equal, errors included); the texts of its
 *   `invalid_request` errors are the evaluator's documented contract, written out again here.
 *
 * Rules followed:
 * - evaluation logic: a matching Deny wins, else a matching Allow allows, else implicit deny;
 *   `NotAction` / `NotResource` / `NotPrincipal` match what they do not list;
 * - actions match case-insensitively, resources case-sensitively, `*` and `?` as wildcards;
 * - a resource-policy short form `execute-api:/{stage}/{METHOD}/{path}` stands for that path in the
 *   API the policy is attached to, so it is matched against what follows `{apiId}/` in the
 *   request's execute-api ARN;
 * - `Principal`: `"*"` (or `{ "AWS": "*" }`) is everyone, anonymous callers included; an account id
 *   or `arn:...:iam::{account}:root` is every principal of that account; a role ARN (any path) also
 *   names the role's sessions (`arn:...:sts::{account}:assumed-role/{role}/{session}`); other
 *   entries name exactly that ARN; `Service`, `Federated`, `CanonicalUser` never name a caller.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-create-attach.html
 * @see PLATFORM-FACTS.md sections 4 to 6
 * @packageDocumentation
 */

import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type {
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
} from "../document/policy-document.js";
import { isPolicyError, PolicyError } from "../errors.js";
import type {
  Decision,
  EvaluationRequest,
  EvaluationResult,
  MatchedStatement,
} from "./evaluate-policy.js";
import { evaluateConditionBlock } from "./reference-conditions.test-support.js";
import type { ReferenceContext } from "./reference-patterns.test-support.js";
import {
  globMatches,
  globMatchesIgnoringCase,
  readPolicyValue,
} from "./reference-patterns.test-support.js";

type Caller = "anonymous" | { readonly arn: string; readonly accountId: string };

interface Request {
  readonly action: string;
  readonly resource: string;
  readonly caller: Caller;
  readonly context: ReferenceContext;
}

// ---- the request ----

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

class BadRequest {
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly actual: unknown,
  ) {}
}

function checkRequest(input: unknown): Request {
  if (!isObject(input)) throw new BadRequest("request", "must be an object", typeof input);
  for (const field of ["action", "resource"] as const) {
    if (typeof input[field] !== "string") {
      throw new BadRequest(`request.${field}`, "must be a string", input[field]);
    }
  }
  const principal = input["principal"];
  let caller: Caller = "anonymous";
  if (principal !== undefined && principal !== "anonymous") {
    if (
      !isObject(principal) ||
      typeof principal["arn"] !== "string" ||
      typeof principal["accountId"] !== "string"
    ) {
      const expected = 'must be "anonymous" or { arn: string; accountId: string }';
      throw new BadRequest("request.principal", expected, principal);
    }
    caller = { arn: principal["arn"], accountId: principal["accountId"] };
  }
  const context = new Map<string, string | readonly string[]>();
  const given = input["context"];
  if (given !== undefined && !isObject(given)) {
    throw new BadRequest("request.context", "must be an object", given);
  }
  for (const [key, value] of Object.entries(given ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const index = value.findIndex((item, i) => i in value && typeof item !== "string");
      if (index !== -1) {
        throw new BadRequest(`request.context.${key}[${index}]`, "must be a string", value[index]);
      }
    } else if (typeof value !== "string") {
      throw new BadRequest(
        `request.context.${key}`,
        "must be a string or an array of strings",
        value,
      );
    }
    // Keys are case-insensitive; of two spellings, the first one listed is used.
    if (!context.has(key.toLowerCase())) context.set(key.toLowerCase(), value);
  }
  return {
    action: input["action"] as string,
    resource: input["resource"] as string,
    caller,
    context,
  };
}

// ---- the statement's elements ----

/** `arn:{partition}:{service}:{region}:{account}:{resource}` (the resource keeps its colons). */
function arnFields(arn: string): string[] | undefined {
  const fields = arn.split(":");
  if (fields.length < 6 || fields[0] !== "arn") return undefined;
  return [...fields.slice(0, 5), fields.slice(5).join(":")];
}

function namesCaller(entry: string, caller: Exclude<Caller, "anonymous">): boolean {
  if (entry === caller.arn) return true;
  if (/^[0-9]{12}$/.test(entry)) return entry === caller.accountId;
  const named = arnFields(entry);
  if (named === undefined) return false;
  const [, partition, service, , account, resource] = named;
  if (service === "iam" && resource === "root") return account === caller.accountId;
  const session = arnFields(caller.arn);
  if (service !== "iam" || !resource?.startsWith("role/") || session === undefined) return false;
  const roleName = resource.split("/").at(-1);
  const [sessionKind, sessionRole, ...sessionName] = (session[5] as string).split("/");
  return (
    session[1] === partition &&
    session[2] === "sts" &&
    session[4] === account &&
    sessionKind === "assumed-role" &&
    sessionRole === roleName &&
    sessionName.join("/") !== ""
  );
}

function principalMatches(principal: PolicyPrincipal, caller: Caller): boolean {
  // "*" alone, or among the AWS entries, is everyone (anonymous included).
  const entries = principal === "*" ? ["*"] : [principal.AWS ?? []].flat();
  return entries.some(
    (entry) => entry === "*" || (caller !== "anonymous" && namesCaller(entry, caller)),
  );
}

const SHORT_FORM = "execute-api:/";

/** Partition of a region: `cn-*` in aws-cn, `us-gov-*` in aws-us-gov, the others in aws. */
function partitionOf(region: string): string | undefined {
  if (!/^[a-z]{2}(-[a-z]+)+-[0-9]+$/.test(region)) return undefined;
  if (region.startsWith("cn-")) return "aws-cn";
  return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
}

/**
 * `execute-api:/{stage}/{rest}` for a method ARN of a concrete request
 * (`arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD or route}/...`, stage
 * names of letters, digits, `-`, `_` or `$default`; a stage alone also names its contents);
 * `undefined` for anything else.
 */
function shortFormOf(resource: string): string | undefined {
  const fields = arnFields(resource);
  if (fields === undefined || fields[2] !== "execute-api") return undefined;
  const [, partition, , region = "", account = "", rest = ""] = fields;
  if (partitionOf(region) !== partition || !/^[0-9]{12}$/.test(account)) return undefined;
  const [apiId = "", stage = "", next] = rest.split("/");
  if (!/^[A-Za-z0-9]+$/.test(apiId) || !/^\$?[A-Za-z0-9_-]+$/.test(stage) || next === "") {
    return undefined;
  }
  return `${SHORT_FORM}${rest.slice(apiId.length + 1)}`;
}

function resourceMatches(pattern: string, request: Request, variables: boolean): boolean {
  const value = readPolicyValue(pattern, request.context, variables);
  if (value === null) return false;
  let target: string | undefined = request.resource;
  if (pattern.startsWith(SHORT_FORM) && !target.startsWith(SHORT_FORM)) {
    target = shortFormOf(target);
  }
  return target !== undefined && globMatches(value, target);
}

const asList = (value: string | readonly string[]): readonly string[] =>
  typeof value === "string" ? [value] : value;

/** Does the statement apply? `null`: only undecided conditions stand in the way. */
function applies(statement: PolicyStatement, request: Request, variables: boolean) {
  const { Principal, NotPrincipal, Action, NotAction, Resource, NotResource } = statement;
  if (Principal !== undefined && !principalMatches(Principal, request.caller)) return false;
  if (NotPrincipal !== undefined && principalMatches(NotPrincipal, request.caller)) return false;
  const actionListed = (list: string | readonly string[]) =>
    asList(list).some((pattern) => globMatchesIgnoringCase(pattern, request.action));
  if (Action !== undefined && !actionListed(Action)) return false;
  if (Action === undefined && NotAction !== undefined && actionListed(NotAction)) return false;
  const resourceListed = (list: string | readonly string[]) =>
    asList(list).some((pattern) => resourceMatches(pattern, request, variables));
  if (Resource !== undefined && !resourceListed(Resource)) return false;
  if (Resource === undefined && NotResource !== undefined && resourceListed(NotResource)) {
    return false;
  }
  // A NotResource entry whose variable has no value: the statement is undecided (AWS: the
  // statement "might" be invalid), so a Deny still applies and an Allow does not.
  const undecided =
    Resource === undefined &&
    NotResource !== undefined &&
    asList(NotResource).some(
      (pattern) => readPolicyValue(pattern, request.context, variables) === null,
    );
  const condition =
    statement.Condition === undefined ||
    evaluateConditionBlock(statement.Condition, request.context, variables);
  return undecided && condition !== false ? null : condition;
}

function decide(document: PolicyDocument, request: Request): EvaluationResult {
  const statements = [document.Statement].flat();
  // Policy variables exist only in the 2012-10-17 language.
  const variables = document.Version === "2012-10-17";
  const matched: MatchedStatement[] = [];
  for (const [index, statement] of statements.entries()) {
    const verdict = applies(statement, request, variables);
    // Undecided: a Deny applies (fail closed), an Allow does not.
    if (verdict === false || (verdict === null && statement.Effect === "Allow")) continue;
    matched.push({
      index,
      sid: statement.Sid,
      effect: statement.Effect,
      ...(verdict === null ? { failClosed: true as const } : {}),
    });
  }
  const effects = new Set(matched.map((entry) => entry.effect));
  const decision: Decision = effects.has("Deny")
    ? "explicit-deny"
    : effects.has("Allow")
      ? "allow"
      : "implicit-deny";
  return { decision, matched };
}

/** The reference evaluation: any problem is an implicit deny carrying the error. */
export function referenceEvaluatePolicy(
  policy: unknown,
  request: EvaluationRequest,
): EvaluationResult {
  try {
    const document = parsePolicyDocument(policy);
    return decide(document, checkRequest(request));
  } catch (cause) {
    let error: PolicyError;
    if (cause instanceof BadRequest) {
      error = new PolicyError("invalid_request", `${cause.path}: ${cause.problem}`, {
        path: cause.path,
        actual: cause.actual,
      });
    } else if (isPolicyError(cause)) {
      error = cause;
    } else {
      error = new PolicyError("invalid_policy", "the policy or request could not be read", {
        cause,
      });
    }
    return { decision: "implicit-deny", matched: [], error };
  }
}
