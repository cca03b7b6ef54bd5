import { MAX_RESOURCE_ARN_LENGTH } from "../../arn/arn-limits.js";
import { type ApiType, routeTemplateToArn } from "../../arn/route-template.js";
import { PolicyError } from "../../errors.js";
import type { IamAuthorizerResponse } from "../iam-authorizer-response.js";
import type { IamAuthorizerStatement } from "../iam-authorizer-statement.js";
import { checkIamResponseSize, checkResponseSize } from "./check-response-size.js";
import { copyStatements } from "./copy-json.js";
import { encodeFlatContext } from "./encode-flat-context.js";
import { encodeJsonContext } from "./encode-json-context.js";
import { type MemoisedDocument, PolicyDocumentMemo } from "./policy-document-memo.js";
import { parseStageBase, type StageBase, wholeStageArn } from "./stage-base.js";
import { utf8ByteLength } from "./utf8-byte-length.js";

const ACTION = "execute-api:Invoke";

/**
 * What differs between the API types' IAM responses.
 * @internal
 */
export interface IamResponseSpec {
  /** The option holding the incoming ARN: the event field's own name. */
  arnField: "methodArn" | "routeArn" | "arn";
  apiType: ApiType;
  context: "flat" | "json" | "none";
  reservedContextKeys: readonly string[];
  usageIdentifierKey: boolean;
}

function templatesToPatterns(
  templates: unknown,
  option: "allow" | "deny",
  base: StageBase,
  apiType: ApiType,
): string[] {
  if (!Array.isArray(templates)) {
    throw new TypeError(`${option} must be an array of route templates`);
  }
  const patterns = templates.map((template: unknown, index) => {
    if (typeof template !== "string") {
      throw new TypeError(`${option}[${index}] must be a route template string`);
    }
    return routeTemplateToArn(template, base, apiType, `${option}[${index}]`).pattern;
  });
  return [...new Set(patterns)];
}

function resolveAllow(
  allow: unknown,
  arn: string,
  arnField: string,
  base: StageBase,
  apiType: ApiType,
): string[] {
  if (allow === "stage") return [wholeStageArn(base)];
  if (Array.isArray(allow)) return templatesToPatterns(allow, "allow", base, apiType);
  if (typeof allow === "object" && allow !== null && "requestOnly" in allow) {
    const scope = allow as { requestOnly: unknown; authorizerTtlSeconds?: unknown };
    if (scope.requestOnly !== true || scope.authorizerTtlSeconds !== 0) {
      throw new TypeError(
        "allow: { requestOnly: true } is only correct with authorizer caching off; state it with authorizerTtlSeconds: 0",
      );
    }
    if (/[*?]/.test(arn)) {
      throw new PolicyError("invalid_arn", `${arnField} contains a wildcard`, {
        path: arnField,
        expected: "a concrete ARN (a request-only policy must not widen)",
        actual: arn,
      });
    }
    return [arn];
  }
  throw new TypeError(
    'allow must be an array of route templates, "stage", or { requestOnly: true, authorizerTtlSeconds: 0 }',
  );
}

function checkResourceLengths(statements: IamAuthorizerStatement[]): void {
  statements.forEach((statement, i) => {
    const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
    resources.forEach((resource, j) => {
      if (resource.length > MAX_RESOURCE_ARN_LENGTH) {
        throw new PolicyError(
          "resource_too_long",
          `a Resource ARN is ${resource.length} characters; API Gateway accepts at most ${MAX_RESOURCE_ARN_LENGTH}`,
          {
            path: `policyDocument.Statement[${i}].Resource[${j}]`,
            expected: `at most ${MAX_RESOURCE_ARN_LENGTH} characters`,
            actual: resource.length,
          },
        );
      }
    });
  });
}

/** The options each spec accepts, listed once per spec. */
const knownBySpec = new WeakMap<IamResponseSpec, readonly string[]>();

function knownOptions(spec: IamResponseSpec): readonly string[] {
  let known = knownBySpec.get(spec);
  if (known === undefined) {
    const list = [spec.arnField, "principalId", "allow", "deny"];
    if (spec.context !== "none") list.push("context");
    if (spec.context === "flat") list.push("nestedContext");
    if (spec.usageIdentifierKey) list.push("usageIdentifierKey");
    known = list;
    knownBySpec.set(spec, known);
  }
  return known;
}

function checkKnownOptions(options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (key === "usageIdentifierKey" && !known.includes(key)) {
      throw new TypeError(
        "usageIdentifierKey is only for REST and WebSocket APIs (HTTP APIs have no API keys)",
      );
    }
    if (!known.includes(key)) {
      throw new TypeError(`unknown option "${key}" (expected one of ${known.join(", ")})`);
    }
  }
}

/** The statements of the policy for these options, checked (the part the memo keeps). */
function buildStatements(
  base: StageBase,
  arn: string,
  allow: unknown,
  deny: unknown,
  spec: IamResponseSpec,
): IamAuthorizerStatement[] {
  const allowed = resolveAllow(allow, arn, spec.arnField, base, spec.apiType);
  const denied = deny === undefined ? [] : templatesToPatterns(deny, "deny", base, spec.apiType);

  // Allowing nothing is said with an explicit Deny of the whole stage: an empty Allow statement
  // is not a valid policy, and the Deny is equally right for every cached route.
  const statements: IamAuthorizerStatement[] =
    allowed.length === 0
      ? [{ Action: ACTION, Effect: "Deny", Resource: [wholeStageArn(base)] }]
      : [
          { Action: ACTION, Effect: "Allow", Resource: allowed },
          ...(denied.length === 0
            ? []
            : [{ Action: ACTION, Effect: "Deny" as const, Resource: denied }]),
        ];
  checkResourceLengths(statements);
  return statements;
}

/**
 * The policy's statements: built (`bytes` is then -1), or (with a memo, for a stage-wide `allow`
 * or a list of templates) taken from the memo, with the document's size.
 */
function policyDocument(
  arn: unknown,
  allow: unknown,
  deny: unknown,
  spec: IamResponseSpec,
  memo: PolicyDocumentMemo | undefined,
): MemoisedDocument {
  if (
    memo === undefined ||
    typeof arn !== "string" ||
    !PolicyDocumentMemo.memoisable(allow, deny)
  ) {
    const base = parseStageBase(arn, spec.arnField);
    return { statements: buildStatements(base, arn as string, allow, deny, spec), bytes: -1 };
  }
  const routes = allow as "stage" | readonly string[];
  const denied = deny as readonly string[] | undefined;
  const known = memo.get(arn, spec.apiType, routes, denied);
  if (known !== undefined) return known;
  const base = memo.stageOf(arn) ?? parseStageBase(arn, spec.arnField);
  const statements = buildStatements(base, arn, allow, deny, spec);
  const document: MemoisedDocument = {
    statements,
    bytes: utf8ByteLength(JSON.stringify({ Version: "2012-10-17", Statement: statements })),
  };
  memo.set(arn, base, spec.apiType, routes, denied, document);
  return document;
}

/**
 * Validates the options of one IAM-response builder and builds the response; with a memo, the
 * policy document comes from it (the result is the same) and the caller gets fresh statements.
 * @internal
 */
export function buildIamResponse(
  options: unknown,
  spec: IamResponseSpec,
  memo?: PolicyDocumentMemo,
): IamAuthorizerResponse<Record<string, unknown>> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object");
  }
  checkKnownOptions(options, knownOptions(spec));

  const record = options as Record<string, unknown>;
  const { principalId, allow, deny, context, nestedContext, usageIdentifierKey } = record;
  const arn = record[spec.arnField];
  if (typeof principalId !== "string") throw new TypeError("principalId must be a string");
  if (allow === undefined) {
    throw new TypeError(
      'allow is required: the principal\'s route templates, "stage", or { requestOnly: true, authorizerTtlSeconds: 0 }',
    );
  }
  if (
    nestedContext !== undefined &&
    nestedContext !== "reject" &&
    nestedContext !== "json-string"
  ) {
    throw new TypeError('nestedContext must be "reject" or "json-string"');
  }
  if (usageIdentifierKey !== undefined && typeof usageIdentifierKey !== "string") {
    throw new TypeError("usageIdentifierKey must be a string");
  }

  const document = policyDocument(arn, allow, deny, spec, memo);
  // A memoised document is never handed out itself: the caller gets fresh statements.
  const memoised = document.bytes >= 0;
  const response: IamAuthorizerResponse<Record<string, unknown>> = {
    principalId,
    policyDocument: {
      Version: "2012-10-17",
      Statement: memoised
        ? copyStatements(document.statements)
        : (document.statements as IamAuthorizerStatement[]),
    },
  };
  if (context !== undefined) {
    response.context =
      spec.context === "json"
        ? encodeJsonContext(context)
        : encodeFlatContext(context, {
            nested: nestedContext === "json-string" ? "json-string" : "reject",
            reservedKeys: spec.reservedContextKeys,
          });
  }
  if (usageIdentifierKey !== undefined) response.usageIdentifierKey = usageIdentifierKey;
  if (memoised) {
    checkIamResponseSize(response, document.bytes);
  } else {
    checkResponseSize(response);
  }
  return response;
}
