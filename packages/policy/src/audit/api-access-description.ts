/**
 * What {@link auditApiAccess} takes: one description of an API (routes, authorizers, resource
 * policy) and the callers to consider, each with the routes its grant names.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 * @packageDocumentation
 */

import type { Partition } from "../arn/execute-api-arn.js";
import type { PolicyDocument } from "../document/policy-document.js";
import type { CompiledPolicy } from "../evaluate/compile-policy.js";
import type {
  CognitoResourcePolicyMode,
  EndpointType,
  JwtResourcePolicyMode,
  LambdaAuthorizerOutcome,
} from "../gateway/api-gateway-access.js";
import type { ClientCertificateState } from "../gateway/mutual-tls-access.js";

/** The API and stage under audit: every probe's method ARN is built on it. */
export interface AuditTarget {
  /** `aws`, `aws-cn` or `aws-us-gov`. */
  partition: Partition;
  region: string;
  /** The 12-digit account that owns the API: an IAM caller of another account is read with Table B. */
  accountId: string;
  apiId: string;
  /** The stage (`$default` for an HTTP API's default stage). */
  stage: string;
}

/**
 * How a route is authorized: `"NONE"`, `"AWS_IAM"`, or one of the description's authorizers by
 * name (a `LAMBDA` authorizer, or a `COGNITO_USER_POOLS` one with the `scopes` the method requires,
 * any one of which suffices). The same shape as the local gateway's `RouteAuth`.
 */
export type AuditRouteAuth =
  | "NONE"
  | "AWS_IAM"
  | { authorizer: string; scopes?: readonly string[] | undefined };

/** One route (REST method, HTTP API route) of the audited API. */
export interface AuditRoute {
  /**
   * The route template: `GET /pets/{id}`, `ANY /reports`, `ANY /{proxy+}`; REST also takes a bare
   * resource path (`/{proxy+}`: every method); HTTP APIs also `$default`.
   */
  route: string;
  auth: AuditRouteAuth;
  /**
   * More concrete requests to probe this route with, besides the generated one: a path
   * (`/pets/1/medical-records`, sent with the route's method, or every method for `ANY`) or
   * `METHOD /path`. A sample that API Gateway would route to another route is counted for that
   * route (and reported in `warnings`).
   */
  samplePaths?: readonly string[] | undefined;
}

/**
 * What an identity needs to call a route of a route table: every scope, and any one of the
 * groups. The data form of `@gatehouse/authorizer`'s `RouteRequirement` (no `claims` predicate).
 */
export interface AuditRouteRequirement {
  /** OAuth scopes, all required. */
  scopes?: readonly string[] | undefined;
  /** Groups, any one suffices. */
  groups?: readonly string[] | undefined;
}

/**
 * A Lambda authorizer written as `createAuthorizer({ routes })` of `@gatehouse/authorizer`: the
 * answer lists every template of the table the identity satisfies, the same for every route.
 */
export interface RouteTableAuditAuthorizer {
  type: "LAMBDA";
  /** Route template -> requirements, as `createAuthorizer`'s `routes` option. */
  routes: Readonly<Record<string, AuditRouteRequirement>>;
  /**
   * API Gateway's result cache TTL in seconds; 0 means a fresh answer for every request.
   * @default 300
   */
  resultTtlInSeconds?: number | undefined;
}

/**
 * Any other Lambda authorizer, as a function of the request's method ARN and the token caller.
 * Return an IAM authorizer response, `"unauthorized"` (401) or `"error"` (500); throwing
 * `new Error("Unauthorized")` means 401, any other throw or a malformed response 500, as in AWS.
 */
export type AuditAuthorizerFunction = (
  methodArn: string,
  caller: Readonly<AuditTokenCaller>,
) => LambdaAuthorizerOutcome | unknown | Promise<LambdaAuthorizerOutcome | unknown>;

/** A Lambda authorizer given as a function (see {@link AuditAuthorizerFunction}). */
export interface FunctionAuditAuthorizer {
  type: "LAMBDA";
  authorize: AuditAuthorizerFunction;
  /**
   * API Gateway's result cache TTL in seconds; 0 means a fresh answer for every request. Set 0
   * too when the identity sources include the route (`$context.routeKey`, `context.resourcePath`).
   * @default 300
   */
  resultTtlInSeconds?: number | undefined;
}

/**
 * A Cognito user pool authorizer (REST `COGNITO_USER_POOLS`; for an HTTP API, its JWT authorizer):
 * a token caller it sees is valid, and must hold one of the route's `scopes` when there are any.
 */
export interface CognitoAuditAuthorizer {
  type: "COGNITO_USER_POOLS";
}

/**
 * A `JWT` authorizer (REST, several issuers; or an HTTP API's): a token caller it sees is valid
 * (issuer, audiences, additional claims); a method's `scopes`, if any, must meet the caller's, else
 * 403.
 */
export interface JwtAuditAuthorizer {
  type: "JWT";
}

/** One authorizer of the audited API, referenced by name from routes. */
export type AuditAuthorizer =
  | RouteTableAuditAuthorizer
  | FunctionAuditAuthorizer
  | CognitoAuditAuthorizer
  | JwtAuditAuthorizer;

interface AuditCallerBase {
  /** Unique among the callers: the column of the matrix. */
  name: string;
  /**
   * The routes this caller is meant to reach, as route templates that name them
   * (`routeTemplateCovers`: `GET /pets/{id}`, `ANY /admin/{proxy+}` for every route under
   * `/admin/`, `*` for all); each must name at least one route. Public (`NONE`) routes are meant
   * for everyone and need not be listed. Default: for a token caller, the routes named by the
   * templates it satisfies in the route-table authorizers that see it, and the Cognito routes whose
   * scopes it holds; for anonymous and IAM callers, the public routes only.
   */
  grants?: readonly string[] | undefined;
  /** The client IP (`aws:SourceIp`), public APIs. */
  sourceIp?: string | undefined;
  /** PRIVATE APIs: `aws:VpcSourceIp`. */
  vpcSourceIp?: string | undefined;
  /** PRIVATE APIs: `aws:SourceVpc`. */
  sourceVpc?: string | undefined;
  /** PRIVATE APIs: `aws:SourceVpce`. */
  sourceVpce?: string | undefined;
  /**
   * With the description's `mutualTls`: what the custom domain makes of this caller's client
   * certificate (`"missing"` for a caller without one).
   * @default "valid"
   */
  clientCertificate?: ClientCertificateState | undefined;
}

/** A caller with neither token nor signature. */
export interface AuditAnonymousCaller extends AuditCallerBase {
  kind: "anonymous";
}

/** A caller with a bearer token (JWT) that some authorizers accept. */
export interface AuditTokenCaller extends AuditCallerBase {
  kind: "token";
  /**
   * The authorizers that accept the token (the others answer 401).
   * @default every LAMBDA, COGNITO_USER_POOLS and JWT authorizer of the description
   */
  authorizers?: readonly string[] | undefined;
  /** The token's OAuth scopes. */
  scopes?: readonly string[] | undefined;
  /** The token's groups (`cognito:groups`). */
  groups?: readonly string[] | undefined;
  /** Other claims, for function authorizers. */
  claims?: Readonly<Record<string, unknown>> | undefined;
}

/** A SigV4-signed caller (the signature is taken as valid). */
export interface AuditIamCaller extends AuditCallerBase {
  kind: "iam";
  /** The signing principal, e.g. `arn:aws:iam::111122223333:role/app`. */
  arn: string;
  accountId: string;
  /** `aws:PrincipalOrgID`. */
  orgId?: string | undefined;
  /** The caller's identity policies; `null` when none applies. */
  policy: PolicyDocument | readonly PolicyDocument[] | null;
}

/** A caller to consider; discriminated on `kind`. */
export type AuditCaller = AuditAnonymousCaller | AuditTokenCaller | AuditIamCaller;

/**
 * Everything {@link auditApiAccess} needs about one API stage.
 *
 * @example
 * ```ts
 * const description: ApiAccessDescription = {
 *   target: { partition: "aws", region: "us-east-1", accountId: "123456789012", apiId: "abc123", stage: "prod" },
 *   apiType: "rest",
 *   routes: [
 *     { route: "GET /pets/{id}", auth: { authorizer: "jwt" } },
 *     { route: "DELETE /pets/{id}", auth: { authorizer: "jwt" } },
 *   ],
 *   authorizers: {
 *     jwt: { type: "LAMBDA", routes: { "GET /pets/{id}": {}, "DELETE /pets/{id}": { groups: ["admin"] } } },
 *   },
 *   callers: [{ kind: "token", name: "reader" }, { kind: "anonymous", name: "anonymous" }],
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
export interface ApiAccessDescription {
  /**
   * The API's name in the result.
   * @default target.apiId
   */
  name?: string | undefined;
  target: AuditTarget;
  /** `"rest"` or `"http"` (HTTP APIs have no resource policy). */
  apiType: "rest" | "http";
  /** @default "REGIONAL" */
  endpointType?: EndpointType | undefined;
  /** The REST API's resource policy (short or full resources), or a compiled one; none when absent. */
  resourcePolicy?: PolicyDocument | CompiledPolicy | null | undefined;
  /**
   * How a Cognito-authorized method reads a resource policy that is silent for the caller.
   * @default "must-allow"
   */
  cognitoResourcePolicy?: CognitoResourcePolicyMode | undefined;
  /**
   * How a REST `JWT`-authorized method reads a resource policy that is silent for the caller
   * (AWS does not document it).
   * @default "must-allow"
   */
  jwtResourcePolicy?: JwtResourcePolicyMode | undefined;
  routes: readonly AuditRoute[];
  /** The authorizers routes refer to by name. */
  authorizers?: Readonly<Record<string, AuditAuthorizer>> | undefined;
  callers: readonly AuditCaller[];
  /** Request time (`aws:CurrentTime`, `aws:EpochTime`). */
  now?: Date | undefined;
  /**
   * The longest a function authorizer may take for one answer, in milliseconds; past it the
   * answer is an error (500), as a Lambda timeout is.
   * @default 10000
   */
  authorizerTimeoutMs?: number | undefined;
  /**
   * The API is mapped to a regional custom domain with mutual TLS (not for PRIVATE APIs). With
   * `disableExecuteApiEndpoint: false` every caller is probed through the default `execute-api`
   * endpoint, which never asks for a certificate: its `clientCertificate` changes nothing (the
   * bypass AWS warns about). With `true`, a caller whose certificate is not `"valid"` reaches
   * nothing (403 `mtls_certificate_*`). Absent: no such domain.
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-disable-default-endpoint.html
   */
  mutualTls?: { disableExecuteApiEndpoint: boolean } | undefined;
}
