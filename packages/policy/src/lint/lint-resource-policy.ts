import { expandResourceArn } from "../arn/expand-resource-arn.js";
import { readApiAuthTypes } from "../auth-types/internal/read-api-auth-types.js";
import { parsePolicyDocument } from "../document/parse-policy-document.js";
import { isPolicyError } from "../errors.js";
import type { EndpointType } from "../gateway/api-gateway-access.js";
import { PARTITIONS } from "../identifiers/partition.js";
import { finishFindings, readSuppressions } from "./finish-findings.js";
import { IDENTITY_POLICY_RULE_CODES, TRUST_POLICY_RULE_CODES } from "./identity-lint-rule-codes.js";
import { createLintContext, type LintRule } from "./lint-context.js";
import type { LintFinding } from "./lint-finding.js";
import type { IpAddressType, LintResourcePolicyOptions } from "./lint-options.js";
import { lintRuleSeverities } from "./lint-rule-severities.js";
import { absentKeyConditions } from "./rules/absent-key-conditions.js";
import { actionRules } from "./rules/action-rules.js";
import { allowOnlyIpListWithAuthorizer } from "./rules/allow-only-ip-list-with-authorizer.js";
import { allowOverridesAuthorizer } from "./rules/allow-overrides-authorizer.js";
import { awsPrincipalWithNonIamAuth } from "./rules/aws-principal-with-non-iam-auth.js";
import { forAllValuesWithAllow } from "./rules/for-all-values-with-allow.js";
import { invalidResourceArn } from "./rules/invalid-resource-arn.js";
import { ipv4OnlyOnDualstack } from "./rules/ipv4-only-on-dualstack.js";
import { midPathWildcard } from "./rules/mid-path-wildcard.js";
import { missingPrincipal } from "./rules/missing-principal.js";
import { missingVersion } from "./rules/missing-version.js";
import { mixedResourceForms } from "./rules/mixed-resource-forms.js";
import { mtlsDefaultEndpointEnabled } from "./rules/mtls-default-endpoint-enabled.js";
import { notPrincipalWithAllow } from "./rules/not-principal-with-allow.js";
import { partitionMismatch } from "./rules/partition-mismatch.js";
import { policyTooLarge } from "./rules/policy-too-large.js";
import { policyVariableWithoutVersion } from "./rules/policy-variable-without-version.js";
import { resourceVerbs } from "./rules/resource-verbs.js";

const RULES: readonly LintRule[] = [
  absentKeyConditions,
  actionRules,
  allowOnlyIpListWithAuthorizer,
  allowOverridesAuthorizer,
  awsPrincipalWithNonIamAuth,
  forAllValuesWithAllow,
  invalidResourceArn,
  ipv4OnlyOnDualstack,
  midPathWildcard,
  missingPrincipal,
  missingVersion,
  mixedResourceForms,
  mtlsDefaultEndpointEnabled,
  notPrincipalWithAllow,
  partitionMismatch,
  policyTooLarge,
  policyVariableWithoutVersion,
  resourceVerbs,
];

const ENDPOINT_TYPES: readonly EndpointType[] = ["REGIONAL", "EDGE", "PRIVATE"];
const IP_ADDRESS_TYPES: readonly IpAddressType[] = ["ipv4", "dualstack"];
/** The codes this linter reports: every code but the identity and trust policy rules. */
const RESOURCE_POLICY_RULE_CODES: ReadonlySet<string> = new Set(
  Object.keys(lintRuleSeverities).filter(
    (code) => !IDENTITY_POLICY_RULE_CODES.includes(code) && !TRUST_POLICY_RULE_CODES.includes(code),
  ),
);

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
  const authTypeTable = readApiAuthTypes(options.authTypes, "lintResourcePolicy");
  const suppressions = readSuppressions(
    options.suppress,
    "lintResourcePolicy",
    RESOURCE_POLICY_RULE_CODES,
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
  const mutualTls = options.mutualTls;
  if (
    mutualTls !== undefined &&
    (typeof mutualTls !== "object" ||
      mutualTls === null ||
      typeof mutualTls.disableExecuteApiEndpoint !== "boolean")
  ) {
    fail("mutualTls must be { disableExecuteApiEndpoint: boolean }");
  }
  if (mutualTls !== undefined && endpointType === "PRIVATE") {
    fail("mutual TLS needs a regional custom domain name: it is not available for PRIVATE APIs");
  }
  return {
    ...(mutualTls !== undefined
      ? { mutualTls: { disableExecuteApiEndpoint: mutualTls.disableExecuteApiEndpoint } }
      : {}),
    endpointType,
    ipAddressType,
    authTypes: authTypeTable.types,
    authTypeTable,
    partition,
    target,
    suppressions,
  };
}

/**
 * Checks an API Gateway resource policy for the mistakes that make it admit, deny or miss callers
 * other than intended, given how the API is set up: among them an Allow that overrides a Lambda
 * authorizer's or IAM's implicit deny (`allow_overrides_authorizer`, Table A).
 *
 * For resource policies only: every statement needs `Principal`, so an identity policy (attached
 * to a role or user) gets `missing_principal` here; lint those with {@link lintIdentityPolicy}, and
 * an identity pool role's trust policy with {@link lintTrustPolicy}.
 *
 * Findings are sorted: suppressed ones last, then by severity (`error` first), then by path in
 * document order, then by code. An empty `path` means the whole document.
 *
 * @param policy - The policy as an object or a JSON string; parsed with `parsePolicyDocument`.
 * @param options - The API's endpoint type, the authorization types of its methods (a list, or a
 *   map of route -> type), its IP address type, optionally the expected partition and the API
 *   itself (for the size check), and `suppress`: rule codes accepted, each with a reason.
 * @returns The findings, suppressed ones marked `suppressed`; an empty array for a clean policy.
 * @throws PolicyError `invalid_policy` when the policy is not a valid IAM policy document (there
 *   is nothing to lint); its `path` points at the bad field. `invalid_route_template` for a bad
 *   route key in `authTypes`.
 * @throws TypeError when the options are malformed or contradictory (a PRIVATE API with `ipv4`,
 *   an unknown auth type, a suppression without a reason or with an unknown code).
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
 * findings[0]?.code; // "allow_only_ip_list_with_authorizer"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html
 */
export function lintResourcePolicy(
  policy: unknown,
  options: LintResourcePolicyOptions,
): LintFinding[] {
  const { suppressions, ...settings } = readOptions(options);
  const document = parsePolicyDocument(policy);
  const context = createLintContext(document, settings);
  return finishFindings(
    RULES.flatMap((rule) => rule(context)),
    suppressions,
  );
}
