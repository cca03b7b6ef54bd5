/**
 * One probe by one caller as a request to the gateway model: the options of
 * `evaluateApiGatewayAccess` for the route's authorization and the caller's credentials.
 * @internal
 * @packageDocumentation
 */
import type { IamAuthorizerResponse } from "../../authorizer-response/iam-authorizer-response.js";
import type {
  ApiGatewayAccessOptions,
  LambdaAuthorizerFunction,
} from "../../gateway/api-gateway-access.js";
import type { AuditCaller, AuditTokenCaller } from "../api-access-description.js";
import { probeMutualTls } from "./audit-mutual-tls.js";
import type { ReadAuthorizer, ReadDescription, ReadRoute } from "./read-description.js";
import { routeTablePolicy } from "./route-table-policy.js";
import { satisfiedTemplates } from "./satisfied-templates.js";

/** @internal The caller-side options every request of this caller carries. */
export function networkOptions(
  description: ReadDescription,
  caller: AuditCaller,
): Omit<ApiGatewayAccessOptions, "authType" | "methodArn" | "caller" | "authorizer"> {
  const out: Record<string, unknown> = { endpointType: description.endpointType };
  if (description.resourcePolicy !== undefined) out["resourcePolicy"] = description.resourcePolicy;
  if (description.now !== undefined) out["now"] = description.now;
  for (const key of ["sourceIp", "vpcSourceIp", "sourceVpc", "sourceVpce"] as const) {
    if (caller[key] !== undefined) out[key] = caller[key];
  }
  const mutualTls = probeMutualTls(description.mutualTls, caller);
  if (mutualTls !== undefined) out["mutualTls"] = mutualTls;
  return out as Omit<ApiGatewayAccessOptions, "authType" | "methodArn">;
}

/** @internal Whether the token caller's token is accepted by this authorizer. */
export function seesToken(caller: AuditTokenCaller, authorizer: ReadAuthorizer): boolean {
  return caller.authorizers === undefined || caller.authorizers.includes(authorizer.name);
}

function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * @internal What the authorizer answers this caller: a response (the same one for every route of a
 * route table), a function the model calls, or `"unauthorized"` (no token it accepts).
 */
export function authorizerAnswer(
  description: ReadDescription,
  authorizer: Extract<ReadAuthorizer, { kind: "table" | "function" }>,
  caller: AuditCaller,
  tableAnswers: Map<string, IamAuthorizerResponse>,
): IamAuthorizerResponse | LambdaAuthorizerFunction | "unauthorized" {
  // No token (anonymous), or a SigV4 signature the authorizer cannot read as one: 401.
  if (caller.kind !== "token" || !seesToken(caller, authorizer)) return "unauthorized";
  if (authorizer.kind === "table") {
    let answer = tableAnswers.get(authorizer.name);
    if (answer === undefined) {
      answer = routeTablePolicy(
        authorizer.table,
        satisfiedTemplates(authorizer.entries, caller),
        description.target,
        description.apiType,
        caller.name,
      );
      tableAnswers.set(authorizer.name, answer);
    }
    return answer;
  }
  const frozen = Object.freeze({ ...caller });
  const { authorize } = authorizer;
  return ({ methodArn }) =>
    withDeadline(
      Promise.resolve().then(() => authorize(methodArn, frozen)),
      description.timeoutMs,
      `authorizer ${authorizer.name}`,
    );
}

/** @internal The model's options for `caller` sending a request to `route` at `methodArn`. */
export function gatewayRequest(
  description: ReadDescription,
  route: ReadRoute,
  caller: AuditCaller,
  methodArn: string,
  tableAnswers: Map<string, IamAuthorizerResponse>,
): ApiGatewayAccessOptions {
  const base = { ...networkOptions(description, caller), methodArn };
  const { auth } = route;
  switch (auth.kind) {
    case "NONE":
      return { ...base, authType: "NONE" };
    case "AWS_IAM":
      return {
        ...base,
        authType: "AWS_IAM",
        caller:
          caller.kind === "iam"
            ? {
                arn: caller.arn,
                accountId: caller.accountId,
                ...(caller.orgId === undefined ? {} : { orgId: caller.orgId }),
                signatureValid: true,
                callerPolicy: caller.policy,
              }
            : null,
      };
    case "authorizer": {
      const { authorizer } = auth;
      if (authorizer.kind === "cognito") {
        const seen = caller.kind === "token" && seesToken(caller, authorizer);
        const scoped =
          auth.scopes.length === 0 ||
          auth.scopes.some((scope) => caller.kind === "token" && caller.scopes?.includes(scope));
        if (authorizer.authType === "JWT") {
          return {
            ...base,
            authType: "JWT",
            jwtToken: !seen ? "invalid" : scoped ? "valid" : "insufficient_scope",
            jwtResourcePolicy: description.jwtResourcePolicy,
          };
        }
        const valid = seen && scoped;
        return {
          ...base,
          authType: "COGNITO_USER_POOLS",
          cognitoTokenValid: valid,
          cognitoResourcePolicy: description.cognitoResourcePolicy,
        };
      }
      return {
        ...base,
        authType: "LAMBDA",
        authorizer: authorizerAnswer(description, authorizer, caller, tableAnswers),
      };
    }
  }
}
