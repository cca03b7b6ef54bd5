import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type { PolicyError } from "../errors.js";
import type { CompiledPolicy } from "./compile-policy.js";
import { compileParsedPolicy, compilePolicy, failClosed } from "./compile-policy.js";

/**
 * Condition keys and their values for one request, e.g. `{ "aws:SourceIp": "192.0.2.10" }`. Key
 * names are case-insensitive; an array is a multi-valued key; `undefined` is the same as absent.
 */
export type ConditionContext = Record<string, string | readonly string[] | undefined>;

/**
 * Who is calling: `"anonymous"`, an IAM principal (SigV4-signed caller), or a web-identity caller
 * of `sts:AssumeRoleWithWebIdentity` (`{ federated: "cognito-identity.amazonaws.com" }`, an OIDC
 * provider such as `accounts.google.com`, or a SAML provider ARN), which only a trust policy's
 * `Principal.Federated` (or `"*"`) names.
 */
export type RequestPrincipal =
  | "anonymous"
  | { arn: string; accountId: string }
  | { federated: string };

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
  /**
   * Set on a Deny applied because it could not be decided: an `IpAddress` / `NotIpAddress`
   * condition met a value that is not a usable address (`010.0.0.1`, `fe80::1%eth0`,
   * `::192.0.2.1`, not an address at all), or a `NotResource` entry holds a policy variable with
   * no value in the request. Such a statement never lets a request past a Deny and never grants
   * an Allow (fail closed).
   */
  failClosed?: true;
}

/** The decision, every statement that applied (in document order), and the reason for a failure. */
export interface EvaluationResult {
  decision: Decision;
  matched: MatchedStatement[];
  /** Set when the policy or the request was malformed; the decision is then `implicit-deny`. */
  error?: PolicyError;
}

const compiledJson = new Map<string, CompiledPolicy>();

/** Strings are immutable, so a policy passed as JSON text is compiled once (objects may change). */
function compileJsonPolicy(text: string): CompiledPolicy {
  let compiled = compiledJson.get(text);
  if (compiled === undefined) {
    compiled = compilePolicy(text);
    if (compiledJson.size >= 64) compiledJson.clear();
    compiledJson.set(text, compiled);
  }
  return compiled;
}

/**
 * Evaluates one IAM policy (resource policy or authorizer policy) for one request, locally, the way
 * IAM does: default implicit deny, any applicable Deny wins, otherwise any applicable Allow allows.
 *
 * Never throws: a malformed policy or request fails closed as `implicit-deny` with the reason in
 * `error` (a {@link PolicyError} `invalid_policy` or `invalid_request`).
 *
 * Each call validates and compiles the policy (a JSON string is compiled once and remembered); to
 * evaluate one policy object many times, compile it once with {@link compilePolicy}.
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
  let compiled: CompiledPolicy;
  try {
    // An object is compiled on every call: the caller may have changed it since the last one. Not
    // through compilePolicy: its WeakMap entry for the gateway model would cost this path twice the
    // time in garbage collection for an object dropped at once.
    compiled =
      typeof policy === "string"
        ? compileJsonPolicy(policy)
        : compileParsedPolicy(parsePolicyDocument(policy));
  } catch (cause) {
    return failClosed(cause);
  }
  return compiled.evaluate(request);
}
