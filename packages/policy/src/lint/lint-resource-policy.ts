import { expandResourceArn } from "../arn/expand-resource-arn.js";
import { parsePolicyDocument } from "../document/parse-policy-document.js";
import { isPolicyError } from "../errors.js";
import type { EndpointType, MethodAuthType } from "../gateway/api-gateway-access.js";
import { PARTITIONS } from "../identifiers/partition.js";
import { createLintContext, type LintRule } from "./lint-context.js";
import type { LintFinding, LintSeverity } from "./lint-finding.js";
import type { IpAddressType, LintResourcePolicyOptions } from "./lint-options.js";
import { absentKeyConditions } from "./rules/absent-key-conditions.js";
import { actionRules } from "./rules/action-rules.js";
import { allowOnlyIpListWithAuthorizer } from "./rules/allow-only-ip-list-with-authorizer.js";
import { awsPrincipalWithNonIamAuth } from "./rules/aws-principal-with-non-iam-auth.js";
import { forAllValuesWithAllow } from "./rules/for-all-values-with-allow.js";
import { invalidResourceArn } from "./rules/invalid-resource-arn.js";
import { ipv4OnlyOnDualstack } from "./rules/ipv4-only-on-dualstack.js";
import { midPathWildcard } from "./rules/mid-path-wildcard.js";
import { missingPrincipal } from "./rules/missing-principal.js";
import { missingVersion } from "./rules/missing-version.js";
import { mixedResourceForms } from "./rules/mixed-resource-forms.js";
import { notPrincipalWithAllow } from "./rules/not-principal-with-allow.js";
import { partitionMismatch } from "./rules/partition-mismatch.js";
import { policyTooLarge } from "./rules/policy-too-large.js";
import { policyVariableWithoutVersion } from "./rules/policy-variable-without-version.js";
import { resourceVerbs } from "./rules/resource-verbs.js";

const RULES: readonly LintRule[] = [
  absentKeyConditions,
  actionRules,
  allowOnlyIpListWithAuthorizer,
  awsPrincipalWithNonIamAuth,
  forAllValuesWithAllow,
  invalidResourceArn,
  ipv4OnlyOnDualstack,
  midPathWildcard,
  missingPrincipal,
  missingVersion,
  mixedResourceForms,
  notPrincipalWithAllow,
  partitionMismatch,
  policyTooLarge,
  policyVariableWithoutVersion,
  resourceVerbs,
];

const ENDPOINT_TYPES: readonly EndpointType[] = ["REGIONAL", "EDGE", "PRIVATE"];
const AUTH_TYPES: readonly MethodAuthType[] = ["NONE", "AWS_IAM", "LAMBDA", "COGNITO_USER_POOLS"];
const IP_ADDRESS_TYPES: readonly IpAddressType[] = ["ipv4", "dualstack"];
const SEVERITY_ORDER: Readonly<Record<LintSeverity, number>> = { error: 0, warning: 1, info: 2 };

function fail(message: string): never {
  throw new TypeError(`lintResourcePolicy: ${message}`);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    fail(`${name} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function readOptions(options: LintResourcePolicyOptions) {
  if (typeof options !== "object" || options === null) fail("options must be an object");
  const endpointType = oneOf(options.endpointType, ENDPOINT_TYPES, "endpointType");
  let ipAddressType: IpAddressType;
  if (endpointType === "PRIVATE") {
    if (options.ipAddressType !== undefined && options.ipAddressType !== "dualstack") {
      fail('private APIs are always dual-stack: ipAddressType must be "dualstack" or omitted');
    }
    ipAddressType = "dualstack";
  } else {
    ipAddressType = oneOf(options.ipAddressType, IP_ADDRESS_TYPES, "ipAddressType");
  }
  if (!Array.isArray(options.authTypes)) fail("authTypes must be an array");
  const authTypes = new Set(
    options.authTypes.map((type) => oneOf(type, AUTH_TYPES, "authTypes[]")),
  );
  const partition =
    options.partition === undefined ? undefined : oneOf(options.partition, PARTITIONS, "partition");
  const target = options.target;
  if (target !== undefined) {
    if (typeof target !== "object" || target === null) fail("target must be an object");
    try {
      expandResourceArn("execute-api:/*", target);
    } catch (error) {
      if (!isPolicyError(error)) throw error;
      fail(`target is not a valid API (${error.message})`);
    }
    if (partition !== undefined && partition !== target.partition) {
      fail(`partition "${partition}" differs from target.partition "${target.partition}"`);
    }
  }
  return { endpointType, ipAddressType, authTypes, partition, target };
}

// Numbers in paths compare as numbers, so Statement[10] sorts after Statement[9].
function pathKey(path: string): string {
  return path.replace(/\d+/g, (digits) => digits.padStart(10, "0"));
}

function compareFindings(a: LintFinding, b: LintFinding): number {
  const bySeverity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (bySeverity !== 0) return bySeverity;
  const [pathA, pathB] = [pathKey(a.path), pathKey(b.path)];
  if (pathA !== pathB) return pathA < pathB ? -1 : 1;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/**
 * Checks an API Gateway resource policy for the mistakes that make it admit, deny or miss callers
 * other than intended, given how the API is set up.
 *
 * Findings are sorted by severity (`error` first), then by path in document order, then by code.
 * An empty `path` means the whole document.
 *
 * @param policy - The policy as an object or a JSON string; parsed with `parsePolicyDocument`.
 * @param options - The API's endpoint type, the authorization types of its methods, its IP
 *   address type, and optionally the expected partition and the API itself (for the size check).
 * @returns The findings; an empty array for a clean policy.
 * @throws PolicyError `invalid_policy` when the policy is not a valid IAM policy document (there
 *   is nothing to lint); its `path` points at the bad field.
 * @throws TypeError when the options are malformed or contradictory (a PRIVATE API with `ipv4`).
 * @example
 * ```ts
 * const findings = lintResourcePolicy(
 *   {
 *     Version: "2012-10-17",
 *     Statement: [
 *       { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*",
 *         Condition: { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } } },
 *     ],
 *   },
 *   { endpointType: "REGIONAL", authTypes: ["LAMBDA"], ipAddressType: "ipv4" },
 * );
 * findings[0]?.code; // "allow-only-ip-list-with-authorizer"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html
 */
export function lintResourcePolicy(
  policy: unknown,
  options: LintResourcePolicyOptions,
): LintFinding[] {
  const { endpointType, ipAddressType, authTypes, partition, target } = readOptions(options);
  const document = parsePolicyDocument(policy);
  const context = createLintContext(document, {
    endpointType,
    ipAddressType,
    authTypes,
    partition,
    target,
  });
  return RULES.flatMap((rule) => rule(context)).sort(compareFindings);
}
