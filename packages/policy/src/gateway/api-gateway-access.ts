/**
 * Types of the API Gateway access model: what {@link evaluateApiGatewayAccess} takes and returns.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 * @packageDocumentation
 */
import type { IamAuthorizerResponse } from "../authorizer-response/iam-authorizer-response.js";
import type { PolicyDocument } from "../document/policy-document.js";
import type { PolicyError } from "../errors.js";
import type { CompiledPolicy } from "../evaluate/compile-policy.js";
import type { ConditionContext, Decision } from "../evaluate/evaluate-policy.js";
import type { ApiKeyCheck } from "../usage-plan/api-key-check.js";
import type { UsagePlanEvaluation } from "../usage-plan/usage-plan-evaluation.js";
import type { MutualTlsReason, MutualTlsRequest } from "./mutual-tls-access.js";

/** The API's endpoint type; it decides which network condition keys exist. */
export type EndpointType = "REGIONAL" | "EDGE" | "PRIVATE";

/** A method's `authorizationType` (`LAMBDA` is API Gateway's `CUSTOM`). */
export type MethodAuthType = "NONE" | "AWS_IAM" | "LAMBDA" | "COGNITO_USER_POOLS" | "JWT";

/**
 * What a Lambda authorizer did for this request:
 * - an {@link IamAuthorizerResponse}: its policy is evaluated (a malformed one -> 500);
 * - `"unauthorized"`: it threw (or returned an error) whose message is exactly `Unauthorized` -> 401;
 * - `"error"`: it threw anything else, timed out or crashed -> 500.
 */
export type LambdaAuthorizerOutcome = IamAuthorizerResponse | "unauthorized" | "error";

/** What the model passes to an authorizer function. */
export interface AuthorizerInvocation {
  /** The request's method ARN, as `event.methodArn` carries it. */
  methodArn: string;
}

/**
 * An authorizer the model calls at most once, only when the two-phase rule lets the request reach
 * it. Like a real handler it may be async, and throwing `new Error("Unauthorized")` means 401;
 * any other throw means 500. Returning a value that is not a valid response also means 500.
 */
export type LambdaAuthorizerFunction = (
  invocation: AuthorizerInvocation,
) => LambdaAuthorizerOutcome | unknown | Promise<LambdaAuthorizerOutcome | unknown>;

/** A SigV4-signed caller of an `AWS_IAM` method. */
export interface IamCaller {
  /** The signing principal, e.g. `arn:aws:iam::111122223333:role/app` or an `assumed-role` ARN. */
  arn: string;
  /** The principal's 12-digit account; different from the API's account means Table B. */
  accountId: string;
  /** The principal's AWS Organizations id; sets `aws:PrincipalOrgID` when given. */
  orgId?: string;
  /** Whether the SigV4 signature verifies; `false` -> 403 before any policy is read. */
  signatureValid: boolean;
  /**
   * The caller's identity policies (one document or several); `null` when none applies (silent).
   * Statements without `Principal`, as IAM identity policies are written.
   */
  callerPolicy: PolicyDocument | readonly PolicyDocument[] | null;
  /**
   * A session policy of the caller's session (e.g. the scope-down policy Cognito adds for a guest
   * in the enhanced flow): the identity side allows only what `callerPolicy` **and** this policy
   * allow, and it limits a resource policy's Allow too (fail closed: AWS exempts a resource-policy
   * Allow naming the exact session ARN, which the model does not). Absent or `null`: none.
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
   */
  sessionPolicy?: PolicyDocument | null | undefined;
}

/**
 * How a Cognito-authorized method combines with a resource policy that is silent for the caller.
 * The guide contradicts itself: its table says a silent resource policy allows (`"silent-allows"`),
 * its prose says the resource policy must explicitly allow (`"must-allow"`).
 */
export type CognitoResourcePolicyMode = "must-allow" | "silent-allows";

interface GatewayRequestBase {
  /** The request's method ARN, e.g. `arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/42`. */
  methodArn: string;
  /** The API's endpoint type. */
  endpointType: EndpointType;
  /**
   * The API's resource policy, short (`execute-api:/*`) or full resources; `undefined` or `null`
   * when the API has none. A document is read on every call; the result of {@link compilePolicy}
   * is prepared once per API and reused, with the same results. A malformed one throws
   * `PolicyError` (API Gateway refuses to save it), the same error for either form.
   */
  resourcePolicy?: PolicyDocument | CompiledPolicy | null | undefined;
  /** The client IP (`aws:SourceIp`); public (REGIONAL, EDGE) APIs only. */
  sourceIp?: string;
  /** The client IP inside the VPC (`aws:VpcSourceIp`); PRIVATE APIs only. */
  vpcSourceIp?: string;
  /** The caller's VPC id (`aws:SourceVpc`); PRIVATE APIs only. */
  sourceVpc?: string;
  /** The VPC endpoint id the request came through (`aws:SourceVpce`); PRIVATE APIs only. */
  sourceVpce?: string;
  /** Request time: sets `aws:CurrentTime` (ISO 8601) and `aws:EpochTime` (seconds). */
  now?: Date;
  /**
   * Other condition keys (`aws:SecureTransport`, `aws:UserAgent`, `aws:Referer`, ...). Keys the
   * model derives itself (`aws:SourceIp`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:VpcSourceIp`,
   * `aws:Principal*`, `aws:CurrentTime`, `aws:EpochTime`) are refused here with a `TypeError`.
   */
  context?: ConditionContext;
  /**
   * The method requires an API key (`apiKeyRequired`): after authorization allows, the key and
   * usage plan decide (403 `INVALID_API_KEY`, 429 `THROTTLED` / `QUOTA_EXCEEDED`). Needs `now`.
   * `checkOrder: "before-authorization"` refuses a bad `x-api-key` before authorization instead.
   * Absent: the method requires no key.
   */
  apiKey?: ApiKeyCheck;
  /**
   * The API is behind a regional custom domain with mutual TLS: a certificate other than
   * `"valid"` gets 403 `Forbidden` (phase `"tls"`) before anything else; `endpoint: "execute-api"`
   * skips the check. Not for `PRIVATE` APIs (`TypeError`). Absent: no mutual-TLS domain.
   * See {@link decideMutualTls}.
   */
  mutualTls?: MutualTlsRequest;
}

/** A method without authorization: only the resource policy (if any) decides. */
export interface NoneAuthRequest extends GatewayRequestBase {
  authType: "NONE";
}

/** An `AWS_IAM` method: IAM policy and resource policy combine per Table A / Table B. */
export interface IamAuthRequest extends GatewayRequestBase {
  authType: "AWS_IAM";
  /** The signed caller, or `null` for an unsigned request (403 `Missing Authentication Token`). */
  caller: IamCaller | null;
}

/** A Lambda (`CUSTOM`) authorizer method: the two-phase rule, then Table A. */
export interface LambdaAuthRequest extends GatewayRequestBase {
  authType: "LAMBDA";
  /** The authorizer's outcome for this request, or a function the model calls when it is reached. */
  authorizer: LambdaAuthorizerOutcome | LambdaAuthorizerFunction;
}

/** A Cognito user pool authorizer method. */
export interface CognitoAuthRequest extends GatewayRequestBase {
  authType: "COGNITO_USER_POOLS";
  /** Whether the token verifies (signature, expiry, audience, scopes); `false` -> 401. */
  cognitoTokenValid: boolean;
  /**
   * How a resource policy that is silent for the caller is read.
   * @default "must-allow"
   */
  cognitoResourcePolicy?: CognitoResourcePolicyMode;
}

/**
 * What a REST API `JWT` authorizer found for this request:
 * - `"valid"`: the token verifies for one of the authorizer's issuers (signature, algorithm,
 *   `exp` / `nbf`, the issuer's audiences and additional claims) and carries one of the method's
 *   scopes, or the method requires none;
 * - `"invalid"`: no token, or a check other than scopes failed -> 401;
 * - `"insufficient_scope"`: a valid token without any of the method's scopes -> 403.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer.html
 */
export type RestJwtTokenOutcome = "valid" | "invalid" | "insufficient_scope";

/**
 * How a REST `JWT`-authorized method combines with a resource policy that is silent for the
 * caller. AWS does not document it: `"must-allow"` (the default) is the conservative reading,
 * as for Cognito; `"silent-allows"` counts a valid token as the identity-side Allow of Table A.
 */
export type JwtResourcePolicyMode = "must-allow" | "silent-allows";

/** A REST API method with a `JWT` authorizer (several issuers, per-method scopes). */
export interface JwtAuthRequest extends GatewayRequestBase {
  authType: "JWT";
  /** What the authorizer found for the token. */
  jwtToken: RestJwtTokenOutcome;
  /**
   * How a resource policy that is silent for the caller is read.
   * @default "must-allow"
   */
  jwtResourcePolicy?: JwtResourcePolicyMode;
}

/**
 * One request to one method of an API, with everything the authorization layer looks at;
 * discriminated on `authType`.
 *
 * @example
 * ```ts
 * const options: ApiGatewayAccessOptions = {
 *   methodArn: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets",
 *   endpointType: "PRIVATE",
 *   authType: "NONE",
 *   sourceVpce: "vpce-1a2b3c4d",
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
export type ApiGatewayAccessOptions =
  | NoneAuthRequest
  | IamAuthRequest
  | LambdaAuthRequest
  | CognitoAuthRequest
  | JwtAuthRequest;

/** The `x-amzn-ErrorType` API Gateway sends with the rejection. */
export type GatewayErrorType =
  | "AccessDeniedException"
  | "UnauthorizedException"
  | "AuthorizerConfigurationException"
  | "MissingAuthenticationTokenException"
  | "InvalidSignatureException"
  /** 403 `INVALID_API_KEY`. */
  | "ForbiddenException"
  /** 429 `THROTTLED`. */
  | "TooManyRequestsException"
  /** 429 `QUOTA_EXCEEDED`. */
  | "LimitExceededException";

/** Which step of the authorization layer produced the outcome. */
export type GatewayPhase =
  /** The mutual-TLS custom domain refused the client certificate, before everything else. */
  | "tls"
  /** SigV4, Cognito or JWT token checks, before any policy. */
  | "authentication"
  /** The resource policy's explicit-Deny check that runs before a Lambda authorizer. */
  | "pre-authorizer"
  /** The Lambda authorizer itself failed (401 / 500). */
  | "authorizer"
  /** The final combination of resource policy and IAM / authorizer policy. */
  | "policy"
  /**
   * The API key and usage plan (throttling, quota), after authorization allowed; with
   * `apiKey.checkOrder: "before-authorization"`, a bad key's refusal before authorization.
   */
  | "usage-plan";

/** A stable code saying why the request got its status; switch on it, log it. */
export type GatewayAccessReason =
  | "allowed"
  | "missing_authentication_token"
  | "invalid_signature"
  | "cognito_token_invalid"
  | "jwt_token_invalid"
  | "jwt_insufficient_scope"
  | "resource_policy_explicit_deny"
  | "resource_policy_implicit_deny"
  | "iam_principal_requires_iam_auth"
  | "identity_policy_explicit_deny"
  | "implicit_deny"
  | "cross_account_not_allowed"
  | "authorizer_unauthorized"
  | "authorizer_error"
  | "authorizer_malformed_response"
  | "authorizer_explicit_deny"
  | "authorizer_implicit_deny"
  /** The method requires an API key: missing, unknown, disabled or in no plan of the stage (403). */
  | "invalid_api_key"
  /** The key's usage-plan token bucket is empty (429). */
  | "throttled"
  /** The key's usage-plan quota for the period is used up (429). */
  | "quota_exceeded"
  /** The mutual-TLS custom domain refused the client certificate (403). */
  | MutualTlsReason;

/** How the decisions were combined. */
export type GatewayCombination =
  /** Same account: explicit Deny anywhere wins, else an Allow in either allows. */
  | "table-a"
  /** Cross account: both the IAM policy and the resource policy must allow. */
  | "table-b"
  /** No identity-side policy: the resource policy must allow (NONE, Cognito / JWT `must-allow`). */
  | "resource-policy-must-allow"
  /** Cognito `silent-allows`: a valid token counts as the identity-side Allow of Table A. */
  | "cognito-silent-allows"
  /** REST JWT `silent-allows`: a valid token counts as the identity-side Allow of Table A. */
  | "jwt-silent-allows";

/** A decision of one policy, or why there is none. */
export type PolicyOutcome = Decision | "absent" | "not-evaluated";

/**
 * What the caller sees, and why.
 *
 * @example
 * ```ts
 * const result: ApiGatewayAccessResult = await evaluateApiGatewayAccess(options);
 * if (result.status !== 200) console.log(result.reason, result.phase);
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export interface ApiGatewayAccessResult {
  /** 200 means the integration runs. */
  status: 200 | 401 | 403 | 429 | 500;
  /** The `message` of API Gateway's response body; `null` for 200 and for 500 (`{"message":null}`). */
  message: string | null;
  /** The `x-amzn-ErrorType` header; `null` for 200 and for a mutual-TLS refusal (AWS documents none). */
  errorType: GatewayErrorType | null;
  reason: GatewayAccessReason;
  phase: GatewayPhase;
  /** Whether a Lambda authorizer ran for this request (never for a cache hit). */
  authorizerInvoked: boolean;
  /** Whether the authorizer's answer came from its cache. */
  authorizerFromCache: boolean;
  /** The resource policy's decision for this caller (`"absent"` when the API has none). */
  resourcePolicyDecision: PolicyOutcome;
  /** The decision of the caller's IAM policy or of the authorizer's returned policy. */
  identityDecision: PolicyOutcome;
  combination: GatewayCombination | null;
  /** Who the resource policy saw: `"anonymous"` unless the method is `AWS_IAM`. */
  principal: string;
  /** The validated authorizer response, to feed {@link wouldCachedPolicyAllow} for later requests. */
  authorizerResponse?: IamAuthorizerResponse;
  /** Why an authorizer response was refused (500), with the `path` of the bad field. */
  authorizerError?: PolicyError;
  /**
   * With `apiKey`, when authorization allowed (or the key was refused before it): the usage-plan
   * step and the state to keep.
   */
  usagePlan?: UsagePlanEvaluation;
}
