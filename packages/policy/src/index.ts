/**
 * @gatehouse/policy: execute-api ARNs, Lambda-authorizer responses, resource policies, a local
 * IAM / API Gateway evaluator, a linter and IaC output. No runtime dependencies.
 *
 * Each section below is owned by one folder of `src/`; exports are named one by one.
 */

// document
export type {
  ConditionBlock,
  ConditionValue,
  OneOrMany,
  PolicyDocument,
  PolicyEffect,
  PolicyKind,
  PolicyPrincipal,
  PolicyStatement,
  PolicyVersion,
} from "./document/policy-document.js";
export type { PolicyErrorCode, PolicyErrorOptions } from "./errors.js";
// errors
export { isPolicyError, PolicyError } from "./errors.js";
// @section document
export type { ParsePolicyDocumentOptions } from "./document/parse-policy-document.js";
export { parsePolicyDocument } from "./document/parse-policy-document.js";

// identifiers
// @section identifiers
export { isAccountId, parseAccountId } from "./identifiers/account-id.js";
export { isApiId, parseApiId } from "./identifiers/api-id.js";
export { isIdentityPoolId, parseIdentityPoolId } from "./identifiers/identity-pool-id.js";
export type { HttpMethod, RouteMethod } from "./identifiers/http-method.js";
export {
  HTTP_METHODS,
  isHttpMethod,
  parseHttpMethod,
  parseRouteMethod,
} from "./identifiers/http-method.js";
export type { Partition } from "./identifiers/partition.js";
export {
  isPartition,
  PARTITIONS,
  parsePartition,
  partitionDnsSuffix,
} from "./identifiers/partition.js";
export { partitionOfRegion } from "./identifiers/partition-of-region.js";
export type {
  AssumedRolePrincipalArn,
  CallerPrincipalArn,
  IamPrincipalArn,
  NamedPrincipalArn,
  PrincipalArn,
  PrincipalArnBase,
  PrincipalArnKind,
  RootPrincipalArn,
} from "./identifiers/principal-arn.js";
export { parseCallerPrincipalArn, parsePrincipalArn } from "./identifiers/principal-arn.js";
export { isRegion, parseRegion } from "./identifiers/region.js";
export { roleArnOfSession } from "./identifiers/role-arn-of-session.js";
export { isServicePrincipal, parseServicePrincipal } from "./identifiers/service-principal.js";
export { isStageName, parseStageName } from "./identifiers/stage-name.js";

// arn
export type { ExecuteApiArn } from "./arn/execute-api-arn.js";
// @section arn
export { MAX_METHOD_ARN_BYTES, MAX_RESOURCE_ARN_LENGTH } from "./arn/arn-limits.js";
export type { ConcreteExecuteApiArn } from "./arn/concrete-execute-api-arn.js";
export {
  isConcreteExecuteApiArn,
  parseConcreteExecuteApiArn,
} from "./arn/concrete-execute-api-arn.js";
export type { ApiTarget } from "./arn/expand-resource-arn.js";
export { expandResourceArn } from "./arn/expand-resource-arn.js";
export { formatExecuteApiArn } from "./arn/format-execute-api-arn.js";
export { parseExecuteApiArn } from "./arn/parse-execute-api-arn.js";
export type { ApiType, RouteTemplateArn } from "./arn/route-template.js";
export { routeTemplateToArn } from "./arn/route-template.js";
export { routeTemplate } from "./arn/route-template-builder.js";
export { routeSegment } from "./arn/route-segment.js";
export { shortenResourceArn } from "./arn/shorten-resource-arn.js";

// cidr
// @section cidr
export { cidrContains } from "./cidr/cidr-contains.js";
export { normalizeIpAddress } from "./cidr/normalize-ip-address.js";
export type { Cidr } from "./cidr/parse-cidr.js";
export { parseCidr } from "./cidr/parse-cidr.js";

// authorizer-response
// @section authorizer-response
export type { AllowedRoutes, RequestOnlyScope } from "./authorizer-response/allowed-routes.js";
export type { AuthorizerResponseBuilder } from "./authorizer-response/authorizer-response-builder.js";
export type { AuthorizerResponseBuilderOptions } from "./authorizer-response/create-authorizer-response-builder.js";
export { createAuthorizerResponseBuilder } from "./authorizer-response/create-authorizer-response-builder.js";
export { copyAuthorizerResponse } from "./authorizer-response/copy-authorizer-response.js";
export { copyIamAuthorizerStatements } from "./authorizer-response/copy-iam-authorizer-statements.js";
export type { DenyAllAuthorizerResponseOptions } from "./authorizer-response/build-deny-all-authorizer-response.js";
export { buildDenyAllAuthorizerResponse } from "./authorizer-response/build-deny-all-authorizer-response.js";
export type { HttpV1AuthorizerResponseOptions } from "./authorizer-response/build-http-v1-authorizer-response.js";
export { buildHttpV1AuthorizerResponse } from "./authorizer-response/build-http-v1-authorizer-response.js";
export type { HttpV2IamAuthorizerResponseOptions } from "./authorizer-response/build-http-v2-iam-authorizer-response.js";
export { buildHttpV2IamAuthorizerResponse } from "./authorizer-response/build-http-v2-iam-authorizer-response.js";
export type { HttpV2SimpleAuthorizerResponseOptions } from "./authorizer-response/build-http-v2-simple-authorizer-response.js";
export { buildHttpV2SimpleAuthorizerResponse } from "./authorizer-response/build-http-v2-simple-authorizer-response.js";
export type { RestAuthorizerResponseOptions } from "./authorizer-response/build-rest-authorizer-response.js";
export { buildRestAuthorizerResponse } from "./authorizer-response/build-rest-authorizer-response.js";
export type { WebSocketAuthorizerResponseOptions } from "./authorizer-response/build-web-socket-authorizer-response.js";
export { buildWebSocketAuthorizerResponse } from "./authorizer-response/build-web-socket-authorizer-response.js";
export type {
  FlatContextOptions,
  FlatContextValue,
} from "./authorizer-response/flat-context-options.js";
export { fitsAuthorizerResponse } from "./authorizer-response/fits-authorizer-response.js";
export type { IamAuthorizerResponse } from "./authorizer-response/iam-authorizer-response.js";
export type {
  AuthorizerConditionBlock,
  IamAuthorizerStatement,
} from "./authorizer-response/iam-authorizer-statement.js";
export type { IamResponseOptions } from "./authorizer-response/iam-response-options.js";
export { MAX_AUTHORIZER_RESPONSE_BYTES } from "./authorizer-response/max-authorizer-response-bytes.js";
export type { SimpleAuthorizerResponse } from "./authorizer-response/simple-authorizer-response.js";

// authorizer-event
// @section authorizer-event
export type { AuthorizerEvent } from "./authorizer-event/authorizer-event.js";
export type { AuthorizerEventRequest } from "./authorizer-event/authorizer-event-request.js";
export type { AuthorizerRequestIdentity } from "./authorizer-event/authorizer-request-identity.js";
export type { ClientCertificate } from "./authorizer-event/client-certificate.js";
export {
  toClientCertificate,
  type X509CertificateFields,
} from "./authorizer-event/to-client-certificate.js";
export type { HttpApiV1AuthorizerEvent } from "./authorizer-event/http-api-v1-authorizer-event.js";
export type {
  HttpApiV2AuthorizerEvent,
  HttpApiV2AuthorizerRequestContext,
} from "./authorizer-event/http-api-v2-authorizer-event.js";
export type {
  RestAuthorizerRequestContext,
  RestRequestAuthorizerEvent,
} from "./authorizer-event/rest-request-authorizer-event.js";
export type { RestTokenAuthorizerEvent } from "./authorizer-event/rest-token-authorizer-event.js";
export type {
  WebSocketConnectAuthorizerEvent,
  WebSocketConnectAuthorizerRequestContext,
} from "./authorizer-event/web-socket-connect-authorizer-event.js";
export type { HttpV1AuthorizerEventRoute } from "./authorizer-event/build-http-v1-authorizer-event.js";
export { buildHttpV1AuthorizerEvent } from "./authorizer-event/build-http-v1-authorizer-event.js";
export type { HttpV2AuthorizerEventRoute } from "./authorizer-event/build-http-v2-authorizer-event.js";
export { buildHttpV2AuthorizerEvent } from "./authorizer-event/build-http-v2-authorizer-event.js";
export type { RestRequestAuthorizerEventRoute } from "./authorizer-event/build-rest-request-authorizer-event.js";
export { buildRestRequestAuthorizerEvent } from "./authorizer-event/build-rest-request-authorizer-event.js";
export type { RestTokenAuthorizerEventInput } from "./authorizer-event/build-rest-token-authorizer-event.js";
export { buildRestTokenAuthorizerEvent } from "./authorizer-event/build-rest-token-authorizer-event.js";
export type { WebSocketConnectAuthorizerEventRoute } from "./authorizer-event/build-web-socket-connect-authorizer-event.js";
export { buildWebSocketConnectAuthorizerEvent } from "./authorizer-event/build-web-socket-connect-authorizer-event.js";
export type { IamEventIdentity } from "./authorizer-event/iam-event-identity.js";

// resource-policy
// @section resource-policy
export type { ApiAuthTypes, MethodAuthTypeName } from "./auth-types/api-auth-types.js";
export { accountAllowlist } from "./resource-policy/account-allowlist.js";
export type { ComposeResourcePolicyOptions } from "./resource-policy/compose-resource-policy.js";
export { composeResourcePolicy } from "./resource-policy/compose-resource-policy.js";
export { ipAllowlist } from "./resource-policy/ip-allowlist.js";
export { ipDenylist } from "./resource-policy/ip-denylist.js";
export { policyHash } from "./resource-policy/policy-hash.js";
export type { PolicySize } from "./resource-policy/policy-size.js";
export { policySize, RESOURCE_POLICY_SIZE_LIMIT } from "./resource-policy/policy-size.js";
export { privateIpDenylist } from "./resource-policy/private-ip-denylist.js";
export type {
  ResourcePolicyRule,
  ResourcePolicyRuleKind,
  ResourcePolicyRuleOptions,
} from "./resource-policy/resource-policy-rule.js";
export { sourceVpcAllowlist } from "./resource-policy/source-vpc-allowlist.js";
export { vpcEndpointAllowlist } from "./resource-policy/vpc-endpoint-allowlist.js";

// evaluate
// @section evaluate
export type {
  ConditionContext,
  Decision,
  EvaluationRequest,
  EvaluationResult,
  MatchedStatement,
  RequestPrincipal,
} from "./evaluate/evaluate-policy.js";
export { evaluatePolicy } from "./evaluate/evaluate-policy.js";
export type { CompiledPolicy } from "./evaluate/compile-policy.js";
export { compilePolicy } from "./evaluate/compile-policy.js";
export type {
  IdentityMatchedStatement,
  IdentityPolicyOptions,
  IdentityPolicyResult,
} from "./evaluate/evaluate-identity-policy.js";
export { evaluateIdentityPolicy } from "./evaluate/evaluate-identity-policy.js";
export type { TrustPolicyRequest } from "./evaluate/evaluate-trust-policy.js";
export { evaluateTrustPolicy } from "./evaluate/evaluate-trust-policy.js";

// identity-pool
// @section identity-pool
export { cognitoAssumeRoleContext } from "./identity-pool/cognito-assume-role-context.js";
export type { CognitoIdentity } from "./identity-pool/cognito-identity.js";
export { cognitoSessionContext } from "./identity-pool/cognito-session-context.js";
export { COGNITO_UNAUTHENTICATED_SESSION_POLICY } from "./identity-pool/cognito-unauthenticated-session-policy.js";
export type {
  IdentityPoolDefaultRoles,
  IdentityPoolMappingRule,
  IdentityPoolPrincipalTagMapping,
  IdentityPoolRoleConfig,
  IdentityPoolRoleMapping,
} from "./identity-pool/identity-pool-role-config.js";
export type {
  IdentityPoolDenialReason,
  IdentityPoolErrorType,
  IdentityPoolRoleDenied,
  IdentityPoolRoleGranted,
  IdentityPoolRoleReason,
  IdentityPoolRoleResolution,
} from "./identity-pool/identity-pool-role-resolution.js";
export { parseIdentityPoolRoleConfig } from "./identity-pool/parse-identity-pool-role-config.js";
export type {
  IdentityPoolClaims,
  ResolveIdentityPoolRoleOptions,
} from "./identity-pool/resolve-identity-pool-role.js";
export { resolveIdentityPoolRole } from "./identity-pool/resolve-identity-pool-role.js";

// wildcard
// @section wildcard
export type { WildcardMatcher, WildcardOptions } from "./wildcard/wildcard.js";
export { compileWildcard, matchesWildcard } from "./wildcard/wildcard.js";

// gateway
// @section gateway
export type {
  ApiGatewayAccessOptions,
  ApiGatewayAccessResult,
  AuthorizerInvocation,
  CognitoAuthRequest,
  CognitoResourcePolicyMode,
  EndpointType,
  GatewayAccessReason,
  GatewayCombination,
  GatewayErrorType,
  GatewayPhase,
  IamAuthRequest,
  IamCaller,
  JwtAuthRequest,
  JwtResourcePolicyMode,
  LambdaAuthorizerFunction,
  LambdaAuthorizerOutcome,
  LambdaAuthRequest,
  MethodAuthType,
  NoneAuthRequest,
  PolicyOutcome,
  RestJwtTokenOutcome,
} from "./gateway/api-gateway-access.js";
export { evaluateApiGatewayAccess } from "./gateway/evaluate-api-gateway-access.js";
export { decideMutualTls } from "./gateway/decide-mutual-tls.js";
export type {
  ClientCertificateState,
  GatewayEndpoint,
  MutualTlsReason,
  MutualTlsRefusal,
  MutualTlsRequest,
} from "./gateway/mutual-tls-access.js";
export type {
  CachedPolicyCheckOptions,
  CachedPolicyVerdict,
} from "./gateway/would-cached-policy-allow.js";
export { wouldCachedPolicyAllow } from "./gateway/would-cached-policy-allow.js";

// usage plans
// @section usage-plan
export type { ApiKeyCheck, ApiKeyCheckOrder } from "./usage-plan/api-key-check.js";
export type {
  ApiKeyAudit,
  ApiKeyAuditInput,
  ApiKeyAuditMethod,
  ApiKeyFinding,
  ApiKeyFindingCode,
} from "./usage-plan/audit-api-keys.js";
export { auditApiKeys } from "./usage-plan/audit-api-keys.js";
export { evaluateUsagePlan } from "./usage-plan/evaluate-usage-plan.js";
export type { ParseUsagePlansOptions } from "./usage-plan/parse-usage-plans.js";
export { parseUsagePlans } from "./usage-plan/parse-usage-plans.js";
export type {
  ApiKeyConfig,
  ApiKeySource,
  QuotaPeriod,
  QuotaSettings,
  ThrottleSettings,
  UsagePlanConfig,
  UsagePlanStageConfig,
  UsagePlansConfig,
} from "./usage-plan/usage-plan-config.js";
export type {
  ApiKeyRefusal,
  UsagePlanEvaluation,
  UsagePlanRequest,
  UsagePlanResponseType,
} from "./usage-plan/usage-plan-evaluation.js";
export type {
  UsagePlanBucket,
  UsagePlanQuotaUsage,
  UsagePlanState,
} from "./usage-plan/usage-plan-state.js";
export { emptyUsagePlanState } from "./usage-plan/usage-plan-state.js";
export type { UsagePlans } from "./usage-plan/usage-plans.js";

// audit
// @section audit
export type {
  AccessAudit,
  AccessAuditCell,
  AccessAuditSummary,
  AuditProbe,
  AuditVia,
  UnintendedAccess,
  UnintendedCause,
} from "./audit/access-audit.js";
export type {
  ApiAccessDescription,
  AuditAnonymousCaller,
  AuditAuthorizer,
  AuditAuthorizerFunction,
  AuditCaller,
  AuditIamCaller,
  AuditRoute,
  AuditRouteAuth,
  AuditRouteRequirement,
  AuditTarget,
  AuditTokenCaller,
  CognitoAuditAuthorizer,
  JwtAuditAuthorizer,
  FunctionAuditAuthorizer,
  RouteTableAuditAuthorizer,
} from "./audit/api-access-description.js";
export { auditApiAccess } from "./audit/audit-api-access.js";
export type { AuditProbePlan, AuditProbeRoute } from "./audit/plan-audit-probes.js";
export { planAuditProbes } from "./audit/plan-audit-probes.js";
export { routeTemplateCovers } from "./audit/route-template-covers.js";
// route-table
// @section route-table
export { compileRouteTable } from "./route-table/compile-route-table.js";
export type {
  RouteConflict,
  RoutePolicyBound,
  RouteTable,
  RouteTableGrant,
  RouteTableOptions,
  RouteTableStage,
  RouteTableWarning,
  RouteTableWarningCode,
} from "./route-table/route-table.js";

// identity-policy
// @section identity-policy
export type { DynamoDbRowLevelPolicyOptions } from "./identity-policy/dynamo-db-row-level-policy.js";
export { dynamoDbRowLevelPolicy } from "./identity-policy/dynamo-db-row-level-policy.js";
export type {
  ExecuteApiInvokePolicy,
  ExecuteApiInvokePolicyOptions,
  InvokePolicyApi,
} from "./identity-policy/execute-api-invoke-policy.js";
export { executeApiInvokePolicy } from "./identity-policy/execute-api-invoke-policy.js";
export type { IdentityOwner } from "./identity-policy/identity-owner.js";
export { identityPolicyVariable } from "./identity-policy/identity-owner.js";
export type {
  IdentityPoolAmr,
  IdentityPoolTrustPolicyOptions,
} from "./identity-policy/identity-pool-trust-policy.js";
export { identityPoolTrustPolicy } from "./identity-policy/identity-pool-trust-policy.js";
export type { S3PerIdentityPolicyOptions } from "./identity-policy/s3-per-identity-policy.js";
export { s3PerIdentityPolicy } from "./identity-policy/s3-per-identity-policy.js";

// lint
// @section lint
export type {
  IdentityPolicyLintRuleCode,
  TrustPolicyLintRuleCode,
} from "./lint/identity-lint-rule-codes.js";
export type { LintFinding, LintRuleCode, LintSeverity } from "./lint/lint-finding.js";
export type { LintIdentityPolicyOptions } from "./lint/lint-identity-policy.js";
export { lintIdentityPolicy } from "./lint/lint-identity-policy.js";
export type { LintTrustPolicyOptions } from "./lint/lint-trust-policy.js";
export { lintTrustPolicy } from "./lint/lint-trust-policy.js";
export type {
  CommonLintOptions,
  IpAddressType,
  LintResourcePolicyOptions,
  LintSuppression,
  MutualTlsLintOptions,
} from "./lint/lint-options.js";
export { lintResourcePolicy } from "./lint/lint-resource-policy.js";
export { lintRuleSeverities } from "./lint/lint-rule-severities.js";

// iac
// @section iac
export type { IacPolicyDocument } from "./iac/iac-policy-document.js";
export { toCloudFormation } from "./iac/to-cloud-formation.js";
export type { OpenApiPolicyExtension } from "./iac/to-open-api-policy-extension.js";
export { toOpenApiPolicyExtension } from "./iac/to-open-api-policy-extension.js";
export type { TerraformHclOptions } from "./iac/to-terraform-hcl.js";
export { toTerraformHcl } from "./iac/to-terraform-hcl.js";
export type { TerraformJsonOptions } from "./iac/to-terraform-json.js";
export { toTerraformJson } from "./iac/to-terraform-json.js";
