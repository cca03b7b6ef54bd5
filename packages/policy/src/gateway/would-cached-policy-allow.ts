import type { IamAuthorizerResponse } from "../authorizer-response/iam-authorizer-response.js";
import {
  applyApiKeyCheck,
  readApiKeyCheck,
  refuseKeyBeforeAuthorization,
} from "../usage-plan/internal/apply-api-key-check.js";
import type { ApiGatewayAccessResult, LambdaAuthRequest } from "./api-gateway-access.js";
import { decideAfterAuthorizer, decideBeforeAuthorizer } from "./internal/decide-gateway-access.js";
import { mutualTlsStep } from "./internal/mutual-tls-step.js";
import { parseRequestArn, prepareGatewayRequest } from "./internal/prepare-gateway-request.js";

/** A later request of the same identity, and the authorizer response cached for it earlier. */
export interface CachedPolicyCheckOptions
  extends Omit<LambdaAuthRequest, "authType" | "authorizer"> {
  /** The response the authorizer returned for an earlier request, now in the authorizer cache. */
  cachedResponse: IamAuthorizerResponse;
  /**
   * The method ARN of the request that filled the cache. When given, it must be on the same API
   * stage as `methodArn` (the cache does not cross stages); otherwise a `TypeError`.
   */
  cachedMethodArn?: string;
}

/** The outcome of a cache hit: {@link ApiGatewayAccessResult} plus a plain yes/no. */
export interface CachedPolicyVerdict extends ApiGatewayAccessResult {
  /** `true` exactly when `status` is 200. */
  allowed: boolean;
}

/**
 * Answers "would the policy cached from request 1 allow request 2?": evaluates a cached Lambda
 * authorizer response against another method ARN of the same stage, with the two-phase rule and
 * the resource policy, without invoking the authorizer (a cache hit never does).
 *
 * A policy whose `Resource` is request 1's `event.methodArn` gives 403 (`User is not authorized
 * to access this resource`) on every other route once caching is on; a stage-wide pattern such as
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/*` does not.
 *
 * @param options - Request 2 (as for {@link evaluateApiGatewayAccess} with a Lambda authorizer;
 *   `resourcePolicy` a document or the result of `compilePolicy`) and the cached response of
 *   request 1.
 * @returns The result API Gateway would give request 2, with `authorizerFromCache: true` (unless
 *   `mutualTls` refuses it first: 403, phase `"tls"`, as {@link evaluateApiGatewayAccess}). With
 *   `apiKey`, the key is checked and metered as for any request (a cached Allow carries no key):
 *   403 `invalid_api_key` or 429, with the next state in `usagePlan`.
 * @throws TypeError when `cachedResponse` is not an object, `cachedMethodArn` is on another stage,
 *   or the options are misused as in {@link evaluateApiGatewayAccess}.
 * @throws PolicyError for bad values, as {@link evaluateApiGatewayAccess}.
 * @example
 * ```ts
 * const cachedResponse = {
 *   principalId: "user-42",
 *   policyDocument: {
 *     Version: "2012-10-17" as const,
 *     Statement: [{
 *       Action: "execute-api:Invoke", Effect: "Allow" as const,
 *       Resource: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets",
 *     }],
 *   },
 * };
 * wouldCachedPolicyAllow({
 *   cachedResponse,
 *   cachedMethodArn: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets",
 *   methodArn: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders",
 *   endpointType: "REGIONAL",
 * }).allowed; // false: the cached policy only covers GET /pets
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization-with-console.html
 */
export function wouldCachedPolicyAllow(options: CachedPolicyCheckOptions): CachedPolicyVerdict {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("wouldCachedPolicyAllow: options must be an object");
  }
  const { cachedResponse, cachedMethodArn, ...request } = options;
  if (typeof cachedResponse !== "object" || cachedResponse === null) {
    throw new TypeError(
      "wouldCachedPolicyAllow: cachedResponse must be an authorizer response object",
    );
  }
  const prepared = prepareGatewayRequest({
    ...request,
    authType: "LAMBDA",
    authorizer: cachedResponse,
  });
  if (
    cachedMethodArn !== undefined &&
    parseRequestArn(cachedMethodArn, "cachedMethodArn").stageScope !== prepared.stageScope
  ) {
    throw new TypeError(
      "wouldCachedPolicyAllow: cachedMethodArn is on another API or stage than methodArn; the authorizer cache is per stage",
    );
  }
  // Mutual TLS is checked on every request, before the authorizer cache is looked up.
  const tls = mutualTlsStep(request, prepared, "wouldCachedPolicyAllow");
  if (tls !== null) return { ...tls, allowed: false };
  // An API key is checked on every request too (a cached policy does not carry a key's quota).
  const check = request.apiKey === undefined ? undefined : readApiKeyCheck(request.apiKey);
  const { apiId, stageScope } = parseRequestArn(request.methodArn);
  const target = { apiId, stage: stageScope.slice(stageScope.indexOf("/") + 1) };
  const early =
    check === undefined
      ? undefined
      : refuseKeyBeforeAuthorization(check, target, request.now, prepared.principalName);
  if (early !== undefined) return { ...early, allowed: false };
  const phaseOne = decideBeforeAuthorizer(prepared);
  const authorized =
    "done" in phaseOne
      ? phaseOne.done
      : decideAfterAuthorizer(prepared, phaseOne.resource, cachedResponse, {
          invoked: false,
          fromCache: true,
        });
  const result =
    check === undefined ? authorized : applyApiKeyCheck(authorized, check, target, request.now);
  return { ...result, allowed: result.status === 200 };
}
