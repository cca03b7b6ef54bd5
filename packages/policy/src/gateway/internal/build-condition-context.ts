/**
 * The condition keys API Gateway puts in a request's context, by endpoint type and caller.
 * @internal
 * @packageDocumentation
 */
import { normalizeIpAddress } from "../../cidr/normalize-ip-address.js";
import { PolicyError } from "../../errors.js";
import type { ConditionContext } from "../../evaluate/evaluate-policy.js";
import { parseCallerPrincipalArn } from "../../identifiers/principal-arn.js";
import { roleArnOfSession } from "../../identifiers/role-arn-of-session.js";
import type { EndpointType, IamCaller } from "../api-gateway-access.js";

// Keys the model sets itself; the free-form `context` option may not name them.
const DERIVED_KEYS: readonly string[] = [
  "aws:SourceIp",
  "aws:VpcSourceIp",
  "aws:SourceVpc",
  "aws:SourceVpce",
  "aws:PrincipalArn",
  "aws:PrincipalAccount",
  "aws:PrincipalOrgID",
  "aws:CurrentTime",
  "aws:EpochTime",
];

const DERIVED_LOWER = new Set(DERIVED_KEYS.map((key) => key.toLowerCase()));

/** @internal The caller-side facts the context is built from (already type-checked). */
export interface ContextInput {
  endpointType: EndpointType;
  sourceIp: string | undefined;
  vpcSourceIp: string | undefined;
  sourceVpc: string | undefined;
  sourceVpce: string | undefined;
  now: Date | undefined;
  context: ConditionContext | undefined;
  /** Only for IAM-signed callers. */
  iamCaller: IamCaller | undefined;
}

/**
 * The caller's address as the policy compares it (`::ffff:a.b.c.d` -> `a.b.c.d`, RFC 5952 IPv6);
 * an ambiguous or malformed spelling is refused, never evaluated as "not in the list".
 */
function checkIp(value: string, path: string): string {
  try {
    return normalizeIpAddress(value, path);
  } catch (cause) {
    throw new PolicyError("invalid_request", `${path} is not a usable IP address`, {
      path,
      expected: "an IPv4 or IPv6 address (no prefix length, port, zone id or IPv4 leading zeros)",
      actual: typeof value === "string" ? value.slice(0, 100) : typeof value,
      cause,
    });
  }
}

/**
 * @internal Builds the evaluation context. Keys that do not exist for this endpoint type or caller
 * are left out, so negated operators on them evaluate to true exactly as in AWS.
 */
export function buildConditionContext(input: ContextInput): ConditionContext {
  const result: Record<string, string | readonly string[] | undefined> = {};
  if (input.context !== undefined) {
    for (const [key, value] of Object.entries(input.context)) {
      if (DERIVED_LOWER.has(key.toLowerCase())) {
        throw new TypeError(
          `evaluateApiGatewayAccess: context may not set ${key}; the model derives it from the endpoint type and caller options`,
        );
      }
      if (
        value !== undefined &&
        typeof value !== "string" &&
        !(Array.isArray(value) && value.every((item) => typeof item === "string"))
      ) {
        throw new TypeError(
          `evaluateApiGatewayAccess: context["${key}"] must be a string, an array of strings or undefined`,
        );
      }
      result[key] = value;
    }
  }
  if (input.endpointType === "PRIVATE") {
    // Behind a VPC endpoint the public source IP is gone: aws:SourceIp does not exist.
    if (input.vpcSourceIp !== undefined) {
      result["aws:VpcSourceIp"] = checkIp(input.vpcSourceIp, "vpcSourceIp");
    }
    if (input.sourceVpc !== undefined) result["aws:SourceVpc"] = input.sourceVpc;
    if (input.sourceVpce !== undefined) result["aws:SourceVpce"] = input.sourceVpce;
  } else if (input.sourceIp !== undefined) {
    result["aws:SourceIp"] = checkIp(input.sourceIp, "sourceIp");
  }
  if (input.iamCaller !== undefined) {
    // IAM sets aws:PrincipalArn to the role, not the session, for an assumed-role caller.
    const { arn } = input.iamCaller;
    result["aws:PrincipalArn"] =
      parseCallerPrincipalArn(arn, "caller.arn").kind === "assumed-role"
        ? roleArnOfSession(arn, "caller.arn")
        : arn;
    result["aws:PrincipalAccount"] = input.iamCaller.accountId;
    if (input.iamCaller.orgId !== undefined) result["aws:PrincipalOrgID"] = input.iamCaller.orgId;
  }
  if (input.now !== undefined) {
    result["aws:CurrentTime"] = input.now.toISOString();
    result["aws:EpochTime"] = String(Math.floor(input.now.getTime() / 1000));
  }
  return result;
}
