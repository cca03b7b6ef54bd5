/**
 * Checks the options of the gateway model and turns them into what the decision steps need.
 * @internal
 * @packageDocumentation
 */
import { parseConcreteExecuteApiArn } from "../../arn/concrete-execute-api-arn.js";
import type { ApiTarget } from "../../arn/expand-resource-arn.js";
import { parsePolicyDocument } from "../../document/parse-policy-document.js";
import { PolicyError } from "../../errors.js";
import type { CompiledPolicy } from "../../evaluate/compile-policy.js";
import { compileParsedPolicy } from "../../evaluate/compile-policy.js";
import type { ConditionContext, RequestPrincipal } from "../../evaluate/evaluate-policy.js";
import { parseAccountId } from "../../identifiers/account-id.js";
import { parseCallerPrincipalArn } from "../../identifiers/principal-arn.js";
import type { IamCaller } from "../api-gateway-access.js";
import { buildConditionContext } from "./build-condition-context.js";
import { checkJwtOptions } from "./check-jwt-options.js";
import { type PreparedResourcePolicy, prepareResourcePolicy } from "./prepare-resource-policy.js";

/** @internal Everything the decision steps read, validated. */
export interface PreparedRequest {
  methodArn: string;
  apiAccountId: string;
  /** `partition:region:account:apiId/stage`: the scope of the authorizer cache. */
  stageScope: string;
  /** Expanded to full ARNs and compiled; `undefined` when the API has no resource policy. */
  resourcePolicy: PreparedResourcePolicy | undefined;
  /** Only for `AWS_IAM` requests that carry a caller. */
  iamCaller: IamCaller | undefined;
  principal: RequestPrincipal;
  /** How messages name the caller: `anonymous` or the IAM ARN. */
  principalName: string;
  context: ConditionContext;
}

const FN = "evaluateApiGatewayAccess";
const AUTH_TYPES: readonly string[] = ["NONE", "AWS_IAM", "LAMBDA", "COGNITO_USER_POOLS", "JWT"];
const ENDPOINT_TYPES: readonly string[] = ["REGIONAL", "EDGE", "PRIVATE"];
const OPTIONS_BY_AUTH: Readonly<Record<string, string>> = {
  caller: "AWS_IAM",
  authorizer: "LAMBDA",
  cognitoTokenValid: "COGNITO_USER_POOLS",
  cognitoResourcePolicy: "COGNITO_USER_POOLS",
  jwtToken: "JWT",
  jwtResourcePolicy: "JWT",
};
const PRIVATE_ONLY: readonly string[] = ["vpcSourceIp", "sourceVpc", "sourceVpce"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(options: Record<string, unknown>, name: string): string | undefined {
  const value = options[name];
  if (value !== undefined && typeof value !== "string") {
    throw new TypeError(`${FN}: ${name} must be a string, got ${typeof value}`);
  }
  return value;
}

/** @internal A concrete request ARN, split. */
export interface RequestArn extends ApiTarget {
  arn: string;
  stageScope: string;
}

/** @internal Parses a request's method ARN; patterns and the short form are refused. */
export function parseRequestArn(methodArn: unknown, path = "methodArn"): RequestArn {
  if (typeof methodArn !== "string") {
    throw new TypeError(`${FN}: ${path} must be a string, got ${typeof methodArn}`);
  }
  const { partition, region, accountId, apiId, stage } = parseConcreteExecuteApiArn(
    methodArn,
    path,
  );
  return {
    arn: methodArn,
    accountId,
    apiId,
    partition,
    region,
    stageScope: `${partition}:${region}:${accountId}:${apiId}/${stage}`,
  };
}

function checkIamCaller(value: unknown): IamCaller | null {
  if (value === null) return null;
  if (!isRecord(value)) {
    throw new TypeError(`${FN}: caller must be an object or null (an unsigned request)`);
  }
  const { arn, accountId, orgId, signatureValid, callerPolicy, sessionPolicy } = value;
  if (typeof arn !== "string" || typeof accountId !== "string") {
    throw new TypeError(`${FN}: caller.arn and caller.accountId must be strings`);
  }
  if (typeof signatureValid !== "boolean") {
    throw new TypeError(`${FN}: caller.signatureValid must be a boolean`);
  }
  if (orgId !== undefined && typeof orgId !== "string") {
    throw new TypeError(`${FN}: caller.orgId must be a string`);
  }
  if (callerPolicy === undefined) {
    throw new TypeError(
      `${FN}: caller.callerPolicy is required (null when no identity policy applies)`,
    );
  }
  if (sessionPolicy !== undefined && sessionPolicy !== null && !isRecord(sessionPolicy)) {
    throw new TypeError(`${FN}: caller.sessionPolicy must be a policy document or null`);
  }
  parseAccountId(accountId, "caller.accountId");
  const principal = parseCallerPrincipalArn(arn, "caller.arn");
  if (principal.accountId !== accountId) {
    throw new PolicyError(
      "invalid_principal",
      `caller.arn belongs to account ${principal.accountId}, not caller.accountId ${accountId}`,
      {
        path: "caller.arn",
        expected: `arn:{partition}:iam::${accountId}:{role|user|root...} or arn:{partition}:sts::${accountId}:assumed-role/...`,
        actual: arn.slice(0, 200),
      },
    );
  }
  return value as unknown as IamCaller;
}

/** A principal of one partition can never sign a request to an API of another. */
function checkCallerPartition(caller: IamCaller, request: RequestArn): void {
  const { partition } = parseCallerPrincipalArn(caller.arn, "caller.arn");
  if (partition !== request.partition) {
    throw new PolicyError(
      "invalid_principal",
      `caller.arn is in partition ${partition} but the API is in ${request.partition}: a principal cannot call across partitions`,
      {
        path: "caller.arn",
        expected: `an ARN of partition ${request.partition}`,
        actual: caller.arn.slice(0, 200),
      },
    );
  }
}

function checkAuthOptions(
  options: Record<string, unknown>,
  authType: string,
): IamCaller | null | undefined {
  for (const [name, owner] of Object.entries(OPTIONS_BY_AUTH)) {
    if (owner !== authType && options[name] !== undefined) {
      throw new TypeError(`${FN}: ${name} only applies to authType "${owner}", not "${authType}"`);
    }
  }
  const { caller, authorizer, cognitoTokenValid, cognitoResourcePolicy } = options;
  switch (authType) {
    case "AWS_IAM":
      if (!("caller" in options)) {
        throw new TypeError(`${FN}: caller is required for AWS_IAM (null for an unsigned request)`);
      }
      return checkIamCaller(caller);
    case "LAMBDA": {
      if (
        authorizer === undefined ||
        (typeof authorizer === "string" && authorizer !== "unauthorized" && authorizer !== "error")
      ) {
        throw new TypeError(
          `${FN}: authorizer must be a response object, "unauthorized", "error" or a function`,
        );
      }
      return undefined;
    }
    case "COGNITO_USER_POOLS": {
      if (typeof cognitoTokenValid !== "boolean") {
        throw new TypeError(`${FN}: cognitoTokenValid must be a boolean`);
      }
      const mode = cognitoResourcePolicy;
      if (mode !== undefined && mode !== "must-allow" && mode !== "silent-allows") {
        throw new TypeError(`${FN}: cognitoResourcePolicy must be "must-allow" or "silent-allows"`);
      }
      return undefined;
    }
    case "JWT":
      checkJwtOptions(options);
      return undefined;
    default:
      return undefined;
  }
}

/** @internal Parses and compiles the caller's identity policies (one or several documents). */
export function prepareCallerPolicies(caller: IamCaller): CompiledPolicy[] {
  const policy = caller.callerPolicy;
  if (policy === null) return [];
  const documents = Array.isArray(policy)
    ? policy.map((item, index) => parsePolicyDocument(item, `caller.callerPolicy[${index}]`))
    : [parsePolicyDocument(policy, "caller.callerPolicy")];
  return documents.map(compileParsedPolicy);
}

/** @internal Parses and compiles the caller's session policy; `undefined` when it has none. */
export function prepareSessionPolicy(caller: IamCaller): CompiledPolicy | undefined {
  const policy = caller.sessionPolicy;
  if (policy === undefined || policy === null) return undefined;
  return compileParsedPolicy(parsePolicyDocument(policy, "caller.sessionPolicy"));
}

/** @internal Validates the options (TypeError for misuse, PolicyError for bad values). */
export function prepareGatewayRequest(input: unknown): PreparedRequest {
  if (!isRecord(input)) throw new TypeError(`${FN}: options must be an object`);
  const { authType, endpointType } = input;
  if (typeof authType !== "string" || !AUTH_TYPES.includes(authType)) {
    throw new TypeError(`${FN}: authType must be one of ${AUTH_TYPES.join(", ")}`);
  }
  if (typeof endpointType !== "string" || !ENDPOINT_TYPES.includes(endpointType)) {
    throw new TypeError(`${FN}: endpointType must be one of ${ENDPOINT_TYPES.join(", ")}`);
  }
  const sourceIp = optionalString(input, "sourceIp");
  const vpcSourceIp = optionalString(input, "vpcSourceIp");
  const sourceVpc = optionalString(input, "sourceVpc");
  const sourceVpce = optionalString(input, "sourceVpce");
  if (endpointType === "PRIVATE" && sourceIp !== undefined) {
    throw new TypeError(
      `${FN}: aws:SourceIp does not exist for PRIVATE APIs; pass vpcSourceIp (aws:VpcSourceIp) instead`,
    );
  }
  if (endpointType !== "PRIVATE") {
    for (const name of PRIVATE_ONLY) {
      if (input[name] !== undefined) {
        throw new TypeError(`${FN}: ${name} only exists for PRIVATE APIs, not ${endpointType}`);
      }
    }
  }
  const { now, context, methodArn, resourcePolicy: policyInput } = input;
  if (now !== undefined && !(now instanceof Date && !Number.isNaN(now.getTime()))) {
    throw new TypeError(`${FN}: now must be a valid Date`);
  }
  if (context !== undefined && !isRecord(context)) {
    throw new TypeError(`${FN}: context must be an object of condition keys`);
  }
  const caller = checkAuthOptions(input, authType);
  const request = parseRequestArn(methodArn);
  const iamCaller = caller ?? undefined;
  if (iamCaller !== undefined) checkCallerPartition(iamCaller, request);
  const resourcePolicy = prepareResourcePolicy(policyInput, request);
  return {
    methodArn: request.arn,
    apiAccountId: request.accountId,
    stageScope: request.stageScope,
    resourcePolicy,
    iamCaller,
    principal:
      iamCaller === undefined
        ? "anonymous"
        : { arn: iamCaller.arn, accountId: iamCaller.accountId },
    principalName: iamCaller === undefined ? "anonymous" : iamCaller.arn,
    context: buildConditionContext({
      endpointType: endpointType as "REGIONAL" | "EDGE" | "PRIVATE",
      sourceIp,
      vpcSourceIp,
      sourceVpc,
      sourceVpce,
      now: now as Date | undefined,
      context: context as ConditionContext | undefined,
      iamCaller,
    }),
  };
}
