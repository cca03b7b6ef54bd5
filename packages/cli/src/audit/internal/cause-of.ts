/**
 * Why an unintended cell of the audit is reached, as far as the config tells: the resource
 * policy first, then what the route's authorization type let through.
 * @internal
 * @packageDocumentation
 */
import {
  type EndpointType,
  evaluateApiGatewayAccess,
  type PolicyDocument,
  type UnintendedCause,
} from "@gatehouse/policy";
import type { GatewayAuditCaller } from "../gateway-audit-config.js";
import type { AuditedApi, AuditedRoute } from "./audited-api.js";

/** Why an unintended cell is reached, as far as the config tells: the resource policy first. */
export async function causeOf(
  api: AuditedApi,
  route: AuditedRoute,
  methodArn: string,
  caller: GatewayAuditCaller,
  principalArn: string | undefined,
  viaCache: boolean,
): Promise<UnintendedCause> {
  if (viaCache) return "cached_authorizer_policy";
  const fallback: UnintendedCause =
    route.auth.kind === "AWS_IAM"
      ? "iam_identity_policy"
      : route.auth.kind === "jwt"
        ? route.auth.restJwt
          ? "jwt_valid_token"
          : "cognito_valid_token"
        : route.auth.kind === "lambda"
          ? "authorizer_policy"
          : "resource_policy_allow";
  const config = api.config;
  if (
    config.type !== "REST" ||
    config.resourcePolicy === undefined ||
    config.resourcePolicy === null
  ) {
    return fallback;
  }
  const endpointType: EndpointType = config.endpointType ?? "REGIONAL";
  const accountId = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principalArn ?? "")?.[1];
  try {
    const network =
      endpointType === "PRIVATE"
        ? { vpcSourceIp: caller.sourceIp ?? "127.0.0.1" }
        : { sourceIp: caller.sourceIp ?? "127.0.0.1" };
    const base = {
      methodArn,
      endpointType,
      resourcePolicy: config.resourcePolicy as PolicyDocument,
      ...network,
    };
    const result =
      route.auth.kind === "AWS_IAM" && principalArn !== undefined && accountId !== undefined
        ? await evaluateApiGatewayAccess({
            ...base,
            authType: "AWS_IAM",
            caller: { arn: principalArn, accountId, signatureValid: true, callerPolicy: null },
          })
        : await evaluateApiGatewayAccess({ ...base, authType: "NONE" });
    return result.resourcePolicyDecision === "allow" ? "resource_policy_allow" : fallback;
  } catch {
    return fallback;
  }
}
