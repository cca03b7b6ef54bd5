import type { PolicyDocument, PolicyKind } from "../document/policy-document.js";
import { type IacPolicyDocument, toIacPolicyDocument } from "./iac-policy-document.js";

/**
 * Returns a policy document as the plain object that `AWS::ApiGateway::RestApi.Policy` takes and
 * that CDK's `iam.PolicyDocument.fromJson` accepts: validated, a fresh copy, `Statement` always a
 * list, keys in IAM grammar order, condition operators and keys sorted.
 *
 * @param policy - A policy document (object or JSON text), validated with `parsePolicyDocument`.
 * @param options - `kind: "trust"` for a role's trust policy (`AssumeRolePolicyDocument`, no
 *   `Resource`), `"identity"` for a role's permissions (no `Principal`). @default "any"
 * @returns A new object; mutating it does not touch `policy`.
 * @throws PolicyError `invalid_policy` when `policy` is not a valid policy document.
 *
 * @example
 * ```ts
 * import { App, Stack } from "aws-cdk-lib";
 * import * as apigateway from "aws-cdk-lib/aws-apigateway";
 * import * as iam from "aws-cdk-lib/aws-iam";
 * import { composeResourcePolicy, ipDenylist, toCloudFormation } from "@gatehouse/policy";
 *
 * const stack = new Stack(new App(), "Pets");
 * const policy = composeResourcePolicy([ipDenylist({ cidrs: ["192.0.2.0/24"] })], {
 *   authTypes: ["LAMBDA"],
 * });
 * new apigateway.RestApi(stack, "Api", {
 *   policy: iam.PolicyDocument.fromJson(toCloudFormation(policy)),
 * });
 * ```
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-restapi.html#cfn-apigateway-restapi-policy
 * @see docs/policy/iac.md (CDK and CloudFormation)
 */
export function toCloudFormation(
  policy: PolicyDocument | string,
  options: { kind?: PolicyKind } = {},
): IacPolicyDocument {
  return toIacPolicyDocument(policy, options.kind);
}
