/**
 * What {@link auditApiAccess} returns: the access matrix (probe x caller) and the cells where a
 * caller reaches a route its grant does not name.
 * @packageDocumentation
 */
import type { ApiKeyAudit } from "../usage-plan/audit-api-keys.js";

/** One concrete request the audit sends for a route, as API Gateway routes it. */
export interface AuditProbe {
  /** The route template the request is routed to, e.g. `GET /pets/{id}`. */
  route: string;
  /** The request's HTTP method (an `ANY` route is probed with each method it receives). */
  method: string;
  /** The concrete path, e.g. `/pets/1`. */
  path: string;
}

/** How a reached cell was reached. */
export type AuditVia =
  /** The authorizer's answer for this very request (or no authorizer). */
  | "fresh"
  /** The authorizer's answer cached from another request of the same identity (`cachedFrom`). */
  | "cache";

/**
 * Why a caller reaches a route its grant does not name; the fix differs:
 * - `resource_policy_allow`: the resource policy allows it and the authorizer or IAM policy is
 *   silent (Table A: silent + Allow = Allow). Scope the resource policy's Allow, or have the
 *   authorizer answer an explicit Deny.
 * - `authorizer_policy`: the authorizer's own answer allows it (a wildcard that crosses `/`,
 *   `ANY`, a stage-wide Allow). List exact routes and Deny the ones a pattern over-covers.
 * - `cached_authorizer_policy`: only the answer cached from another route allows it. Make the
 *   answer the same for every route of the identity, or set the TTL to 0.
 * - `iam_identity_policy`: the IAM caller's identity policy allows it (a `*` that crosses `/`).
 * - `cognito_valid_token`: any valid token of the user pool reaches it (no scope on the method).
 * - `jwt_valid_token`: any valid token of the JWT authorizer's issuers reaches it (no scope on
 *   the method).
 * - `mtls_default_endpoint`: the caller's certificate is not valid for the mutual-TLS custom
 *   domain, but the default `execute-api` endpoint, still enabled, never asks for one.
 */
export type UnintendedCause =
  | "resource_policy_allow"
  | "authorizer_policy"
  | "cached_authorizer_policy"
  | "iam_identity_policy"
  | "cognito_valid_token"
  | "jwt_valid_token"
  | "mtls_default_endpoint";

/** One cell of the matrix: one probe, one caller. */
export interface AccessAuditCell extends AuditProbe {
  /** The request's method ARN. */
  methodArn: string;
  /** The caller's name. */
  caller: string;
  /** The status of the outcome that reached the integration, else of the fresh request. */
  status: number;
  /** The gateway's reason code for that outcome (`allowed`, `authorizer_implicit_deny`, ...). */
  reason: string;
  /** Whether some order of requests lets this one through to the integration. */
  reached: boolean;
  /** Whether the caller's grant names the route (public routes always are). */
  intended: boolean;
  /** How it was reached; `null` when not reached. */
  via: AuditVia | null;
  /** With `via: "cache"`: the request whose cached answer let this one through. */
  cachedFrom: AuditProbe | null;
  /**
   * The answer depends on which request filled the authorizer cache: allowed after some, refused
   * after others (intermittent 403s for an intended route; a hidden door for an unintended one).
   */
  cacheDependent: boolean;
}

/** A cell where a caller reaches a route its grant does not name. */
export interface UnintendedAccess extends AccessAuditCell {
  cause: UnintendedCause;
}

/** Counts over the matrix. */
export interface AccessAuditSummary {
  routes: number;
  probes: number;
  callers: number;
  cells: number;
  reached: number;
  /** Reached cells outside the caller's grant. */
  unintended: number;
  /** Cells the grant names that no order of requests reaches. */
  intendedNotReached: number;
  /** Cells whose answer depends on the cache order. */
  cacheDependent: number;
}

/**
 * The access matrix of one API stage.
 *
 * @example
 * ```ts
 * const audit: AccessAudit = await auditApiAccess(description);
 * for (const cell of audit.unintended) console.log(cell.caller, cell.method, cell.path, cell.cause);
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
export interface AccessAudit {
  /** The API's name (the API id unless the caller names it). */
  api: string;
  /** The stage's base ARN, `arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}`. */
  stageArn: string;
  /** The callers, in the order of the description. */
  callers: string[];
  /** The requests sent, route by route. */
  probes: AuditProbe[];
  /** Probe-major: every caller's cell for the first probe, then the second... */
  cells: AccessAuditCell[];
  unintended: UnintendedAccess[];
  /** Things the audit could not do as asked (a route no sample reaches, a redirected sample). */
  warnings: string[];
  summary: AccessAuditSummary;
  /** REST and WebSocket APIs: the API-key settings ({@link auditApiKeys}); absent otherwise. */
  apiKeys?: ApiKeyAudit;
}
