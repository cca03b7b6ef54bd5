/**
 * Types of an exact route table: what {@link compileRouteTable} returns.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 * @packageDocumentation
 */
import type { Partition } from "../arn/execute-api-arn.js";
import type { ApiType } from "../arn/route-template.js";

/** Options of {@link compileRouteTable}. */
export interface RouteTableOptions {
  /**
   * Whether every identity that satisfies route `a` also satisfies route `b` (both templates of
   * the table, as given). It only sharpens the analysis: a Deny that could refuse a request of a
   * satisfied route is not reported when no identity can be in that situation.
   * @default nothing implies anything but itself
   */
  implies?: (a: string, b: string) => boolean;
}

/** A request that a Deny statement refuses although the identity satisfies its route. */
export interface RouteConflict {
  /** The route whose Deny statement refuses the request (`$default` for its deeper-path Denies). */
  denied: string;
  /** The route API Gateway sends the request to, which the identity satisfies. */
  route: string;
  /** One such request, e.g. `GET /pets/x/x/medical-records`. */
  request: string;
}

/** Stable codes of {@link RouteTableWarning}. */
export type RouteTableWarningCode =
  /**
   * The Deny that keeps an identity off a route it does not satisfy also matches requests of
   * another route: an identity that satisfies that other route but not this one gets 403 there.
   * IAM's `*` crosses `/`, so no Deny pattern can be narrower; the table errs on refusing.
   */
  "inexact_deny";

/** Where IAM globbing cannot express the table exactly, found when it is compiled. */
export interface RouteTableWarning {
  code: RouteTableWarningCode;
  /** One sentence with the routes and a sample request. */
  message: string;
  /** The route an identity does not satisfy (`$default` for its deeper-path Denies). */
  route: string;
  /** The satisfied routes whose Allow patterns make the Deny necessary. */
  allowedBy: readonly string[];
  /** Requests of other routes the Deny also refuses, one sample per route. */
  refuses: readonly RouteConflict[];
}

/**
 * What a set of templates an identity satisfies turns into: route templates for the Allow and
 * Deny statements of its policy (pass them to the response builders as `allow` and `deny`).
 */
export interface RouteTableGrant {
  /**
   * The satisfied routes, `ANY` expanded into the verbs API Gateway routes to them (a verb that
   * has its own route on the same path is left to that route), then the templates from outside
   * the table as they were given; `["*"]` when the whole stage is granted.
   */
  readonly allow: readonly string[];
  /**
   * Routes of the table the identity does not satisfy that an allowed pattern also covers, with
   * concrete verbs; and, when an HTTP API's `$default` route is not satisfied, the deeper paths an
   * allowed pattern covers (`GET /pets/{id}/{id_deeper}`). A Deny always wins.
   */
  readonly deny: readonly string[];
  /** Templates given that are not routes of the table: kept as they are, without the guarantee. */
  readonly outside: readonly string[];
  /**
   * Requests of satisfied routes that a Deny also refuses (empty when this grant is exact).
   * Never the reverse: no request routed to an unsatisfied table route is allowed.
   */
  readonly refused: readonly RouteConflict[];
  /**
   * Whether this grant allows an HTTP API route key (the event's `routeKey`, e.g.
   * `GET /pets/{id}`): the decision of a simple response. Parameter names are not compared.
   */
  allowsRouteKey(routeKey: string): boolean;
}

/** The largest policy document any identity can get from the table on one stage. */
export interface RoutePolicyBound {
  /** UTF-8 bytes of `JSON.stringify(policyDocument)`, an upper bound. */
  bytes: number;
  /** Resource ARNs in it, an upper bound. */
  resources: number;
  /** Characters of its longest Resource ARN. */
  longestResource: number;
}

/** The API and stage a policy is built for, as `routeTemplateToArn` takes them. */
export interface RouteTableStage {
  partition: Partition;
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
}

/**
 * A route table compiled once (at cold start): API Gateway's route selection for it, the exact
 * grant for any set of satisfied routes, where IAM globbing cannot be exact, and the largest
 * policy it can produce.
 *
 * @example
 * ```ts
 * const table = compileRouteTable(["GET /pets/{id}", "GET /pets/{id}/medical-records"], "rest");
 * table.routeOf("GET", "/pets/42/medical-records"); // "GET /pets/{id}/medical-records"
 * table.grant(["GET /pets/{id}"]).deny; // ["GET /pets/{id}/medical-records"]
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
export interface RouteTable {
  readonly apiType: ApiType;
  /** The templates, as given. */
  readonly templates: readonly string[];
  /** `true` when no grant of this table ever refuses a request of a satisfied route. */
  readonly exact: boolean;
  /** Where IAM globbing cannot express the table exactly. */
  readonly warnings: readonly RouteTableWarning[];
  /**
   * The template API Gateway routes `method path` to, or `undefined` (no route: 404 / 403
   * `Missing Authentication Token`, before any authorizer). REST and HTTP APIs only.
   * @param method - The request's verb (`GET`, ...).
   * @param path - The request path below the stage, from its leading `/`.
   */
  routeOf(method: string, path: string): string | undefined;
  /**
   * The allow and deny templates for an identity that satisfies `templates` (routes of the table
   * and, for an `authorize` hook, possibly others). Memoised per set.
   * @throws PolicyError `invalid_route_template` for a template that does not parse.
   */
  grant(templates: readonly string[]): RouteTableGrant;
  /** The largest policy document any identity can get from the table on `stage`. */
  policyBound(stage: RouteTableStage): RoutePolicyBound;
}
