import {
  applyApiKeyCheck,
  readApiKeyCheck,
  refuseKeyBeforeAuthorization,
} from "../usage-plan/internal/apply-api-key-check.js";
import type {
  ApiGatewayAccessOptions,
  ApiGatewayAccessResult,
  LambdaAuthorizerFunction,
} from "./api-gateway-access.js";
import {
  decideAfterAuthorizer,
  decideBeforeAuthorizer,
  decideCognito,
  decideIam,
  decideNoAuth,
} from "./internal/decide-gateway-access.js";
import { decideRestJwt } from "./internal/decide-rest-jwt.js";
import { mutualTlsStep } from "./internal/mutual-tls-step.js";
import {
  type PreparedRequest,
  parseRequestArn,
  prepareGatewayRequest,
} from "./internal/prepare-gateway-request.js";

async function invokeAuthorizer(authorizer: LambdaAuthorizerFunction, methodArn: string) {
  try {
    return await authorizer({ methodArn });
  } catch (error) {
    // Lambda reports a thrown `Error("Unauthorized")` (or a rejected string) as errorMessage "Unauthorized".
    const message = error instanceof Error ? error.message : error;
    return message === "Unauthorized" ? "unauthorized" : "error";
  }
}

/**
 * Models API Gateway's authorization layer (REST) for one request: what status and message the
 * caller gets, and why.
 *
 * - `NONE`: a resource policy, if present, must allow (`User: anonymous ...` otherwise).
 * - `AWS_IAM`: SigV4 first (`Missing Authentication Token` / bad signature -> 403), then the
 *   caller's IAM policy and the resource policy: Table A in the API's account, Table B across
 *   accounts (both must allow).
 * - `LAMBDA`: two phases. An explicit Deny in the resource policy refuses the request before the
 *   authorizer runs; otherwise the authorizer runs (`Unauthorized` -> 401, other errors or a
 *   malformed response -> 500) and its policy combines with the resource policy per Table A.
 * - `COGNITO_USER_POOLS`: an invalid token -> 401; then the resource policy, silent policies read
 *   per `cognitoResourcePolicy` (`"must-allow"` by default).
 * - `JWT` (REST JWT authorizer): an invalid token -> 401, a valid one without the method's scopes
 *   -> 403 `Forbidden`; then the resource policy, silent policies read per `jwtResourcePolicy`
 *   (`"must-allow"` by default: AWS does not document this combination).
 *
 * - `mutualTls` (a custom domain with mutual TLS): a client certificate other than `"valid"` ->
 *   403 `Forbidden` before everything else, the authorizer never runs; through the default
 *   `execute-api` endpoint the step is skipped. See {@link decideMutualTls}.
 * - `apiKey` (a method with `apiKeyRequired`): once authorization allows, the API key and its
 *   usage plan decide (403 `INVALID_API_KEY`, 429 `THROTTLED` / `QUOTA_EXCEEDED`); the next
 *   usage-plan state is in `result.usagePlan.nextState`. See {@link evaluateUsagePlan}. With
 *   `apiKey.checkOrder: "before-authorization"` (source `HEADER`) a bad key is refused with 403
 *   `INVALID_API_KEY` before any authorization step, and the authorizer is not invoked
 *   ({@link ApiKeyCheckOrder}).
 *
 * Condition keys exist only where AWS sets them: `aws:SourceIp` on public APIs, `aws:VpcSourceIp`
 * / `aws:SourceVpc` / `aws:SourceVpce` on private ones, `aws:Principal*` for IAM callers; so a
 * negated operator on a missing key is true, as in AWS.
 *
 * The resource policy may be a document, read on every call, or the result of
 * {@link compilePolicy}: prepared once per API and reused, with the same results. Compile it once
 * when it decides many requests (a server, a test suite).
 *
 * @param options - The request, the method's authorization and the API's resource policy
 *   (a document or a compiled policy), and the client certificate with `mutualTls`.
 * @returns The status (200, 401, 403, 500), API Gateway's message, and the decisions behind it.
 * @throws TypeError when the options are misused (unknown auth or endpoint type, an option that
 *   does not apply, a condition key the model derives itself, `mutualTls` on a PRIVATE API).
 * @throws PolicyError for bad values: `invalid_arn` (`methodArn`, or a short resource of the
 *   resource policy that does not expand), `invalid_policy` (resource or caller policy, with the
 *   `path` of the bad field; a compiled policy from another copy of this package), `invalid_request`
 *   (an IP that is not an IP), `invalid_account_id` / `invalid_principal` (the IAM caller). The
 *   same errors for a document and for its compiled form (`compilePolicy` itself throws
 *   `invalid_policy` for a malformed document).
 * @example
 * ```ts
 * // Compiled once (a document works too, read on every call); throws PolicyError if malformed.
 * const resourcePolicy = compilePolicy({
 *   Version: "2012-10-17",
 *   Statement: [
 *     { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
 *     {
 *       Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*",
 *       Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
 *     },
 *   ],
 * });
 * let calls = 0;
 * const result = await evaluateApiGatewayAccess({
 *   methodArn: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets",
 *   endpointType: "REGIONAL",
 *   authType: "LAMBDA",
 *   sourceIp: "203.0.113.9",
 *   resourcePolicy,
 *   authorizer: () => { calls++; return "unauthorized"; },
 * });
 * result.status; // 403
 * result.message; // "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets with an explicit deny"
 * calls; // 0: the explicit Deny is checked before the authorizer runs
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
export async function evaluateApiGatewayAccess(
  options: ApiGatewayAccessOptions,
): Promise<ApiGatewayAccessResult> {
  const check = options.apiKey === undefined ? undefined : readApiKeyCheck(options.apiKey);
  const prepared = prepareGatewayRequest(options);
  // The custom domain's TLS handshake comes before anything API Gateway reads from the request.
  const tls = mutualTlsStep(options, prepared);
  if (tls !== null) return tls;
  if (check === undefined) return decideAccess(options, prepared);
  const target = parseApiStage(options.methodArn);
  const early = refuseKeyBeforeAuthorization(check, target, options.now, prepared.principalName);
  if (early !== undefined) return early;
  const result = await decideAccess(options, prepared);
  return applyApiKeyCheck(result, check, target, options.now);
}

function parseApiStage(methodArn: string): { apiId: string; stage: string } {
  const { apiId, stageScope } = parseRequestArn(methodArn);
  return { apiId, stage: stageScope.slice(stageScope.indexOf("/") + 1) };
}

async function decideAccess(
  options: ApiGatewayAccessOptions,
  prepared: PreparedRequest,
): Promise<ApiGatewayAccessResult> {
  switch (options.authType) {
    case "NONE":
      return decideNoAuth(prepared);
    case "AWS_IAM":
      return decideIam(prepared);
    case "COGNITO_USER_POOLS":
      return decideCognito(
        prepared,
        options.cognitoTokenValid,
        options.cognitoResourcePolicy ?? "must-allow",
      );
    case "JWT":
      return decideRestJwt(prepared, options.jwtToken, options.jwtResourcePolicy ?? "must-allow");
    case "LAMBDA": {
      const phaseOne = decideBeforeAuthorizer(prepared);
      if ("done" in phaseOne) return phaseOne.done;
      const { authorizer } = options;
      const outcome =
        typeof authorizer === "function"
          ? await invokeAuthorizer(authorizer, prepared.methodArn)
          : authorizer;
      return decideAfterAuthorizer(prepared, phaseOne.resource, outcome, {
        invoked: true,
        fromCache: false,
      });
    }
  }
}
