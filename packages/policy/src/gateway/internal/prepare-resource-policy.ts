/**
 * The API's resource policy as the decision steps read it: short resources expanded to the API's
 * ARNs (as API Gateway does when it saves the policy), then compiled. A policy compiled by
 * `compilePolicy` is prepared once per API and reused.
 * @internal
 * @packageDocumentation
 */
import { type ApiTarget, expandResourceArn } from "../../arn/expand-resource-arn.js";
import { parsePolicyDocument } from "../../document/parse-policy-document.js";
import type { PolicyDocument, PolicyStatement } from "../../document/policy-document.js";
import { isPolicyError, PolicyError } from "../../errors.js";
import type { CompiledPolicy } from "../../evaluate/compile-policy.js";
import { compiledPolicySource, compileParsedPolicy } from "../../evaluate/compile-policy.js";

/** @internal A resource policy ready for the decision steps of one API. */
export interface PreparedResourcePolicy {
  /** Parsed, short resources expanded to full ARNs; held by nobody else. */
  readonly document: PolicyDocument;
  readonly compiled: CompiledPolicy;
  /**
   * The Allow statements that name only IAM principals, with `Principal: "*"`: `null` when there
   * are none, `undefined` until first needed.
   */
  iamOnlyAllows?: CompiledPolicy | null;
}

function withPath(error: unknown, path: string): unknown {
  if (!isPolicyError(error)) return error;
  return new PolicyError(error.code, error.message, {
    path,
    ...(error.expected === undefined ? {} : { expected: error.expected }),
    actual: error.actual,
    cause: error,
  });
}

function expandList(
  value: string | string[] | undefined,
  path: string,
  expand: (resource: string) => string,
): string | string[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const expanded = list.map((resource, index) => {
    try {
      return expand(resource);
    } catch (error) {
      throw withPath(error, Array.isArray(value) ? `${path}[${index}]` : path);
    }
  });
  return Array.isArray(value) ? expanded : expanded[0];
}

function expandDocument(input: unknown, target: ApiTarget): PreparedResourcePolicy {
  const document = parsePolicyDocument(input, "resourcePolicy");
  const expand = (resource: string) => expandResourceArn(resource, target);
  const one = (statement: PolicyStatement, path: string): PolicyStatement => {
    const copy: PolicyStatement = { ...statement };
    const resource = expandList(statement.Resource, `${path}.Resource`, expand);
    const notResource = expandList(statement.NotResource, `${path}.NotResource`, expand);
    if (resource !== undefined) copy.Resource = resource;
    if (notResource !== undefined) copy.NotResource = notResource;
    return copy;
  };
  const statements = document.Statement;
  const expanded: PolicyDocument = {
    ...document,
    Statement: Array.isArray(statements)
      ? statements.map((statement, index) => one(statement, `resourcePolicy.Statement[${index}]`))
      : one(statements, "resourcePolicy.Statement"),
  };
  // Parsed and expanded into a copy nobody else holds: compiled without a second check.
  return { document: expanded, compiled: compileParsedPolicy(expanded) };
}

/** Per compiled policy, its preparation for each API it was used with (usually one). */
const preparedByApi = new WeakMap<CompiledPolicy, Map<string, PreparedResourcePolicy>>();
const MAX_APIS_PER_POLICY = 64;

function prepareCompiled(
  compiled: CompiledPolicy,
  source: PolicyDocument,
  target: ApiTarget,
): PreparedResourcePolicy {
  const key = `${target.partition}:${target.region}:${target.accountId}:${target.apiId}`;
  let byApi = preparedByApi.get(compiled);
  let prepared = byApi?.get(key);
  if (prepared !== undefined) return prepared;
  // The source is the document compilePolicy validated; expanding it is what a document input
  // goes through on every call, so both inputs give the same decisions and the same errors.
  prepared = expandDocument(source, target);
  if (byApi === undefined) {
    byApi = new Map();
    preparedByApi.set(compiled, byApi);
  } else if (byApi.size >= MAX_APIS_PER_POLICY) {
    byApi.clear();
  }
  byApi.set(key, prepared);
  return prepared;
}

/**
 * @internal Reads the `resourcePolicy` option for the API of `target`: a policy document (object
 * or JSON text, parsed and expanded on every call) or a policy from `compilePolicy` (expanded once
 * per API). `undefined` when the API has none.
 */
export function prepareResourcePolicy(
  input: unknown,
  target: ApiTarget,
): PreparedResourcePolicy | undefined {
  if (input === undefined || input === null) return undefined;
  const source = compiledPolicySource(input);
  if (source !== undefined) return prepareCompiled(input as CompiledPolicy, source, target);
  if (
    typeof input === "object" &&
    typeof (input as { evaluate?: unknown }).evaluate === "function"
  ) {
    // Fail closed, with the code a malformed document gets, but say what went wrong.
    throw new PolicyError(
      "invalid_policy",
      "resourcePolicy is a compiled policy that compilePolicy of this copy of @gatehouse/policy did not return (both the ESM and the CommonJS build loaded?)",
      {
        path: "resourcePolicy",
        expected: "a policy document or the result of compilePolicy",
        actual: "{object}",
      },
    );
  }
  return expandDocument(input, target);
}
