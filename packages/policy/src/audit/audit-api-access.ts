import { formatExecuteApiArn } from "../arn/format-execute-api-arn.js";
import type { IamAuthorizerResponse } from "../authorizer-response/iam-authorizer-response.js";
import type { ApiGatewayAccessResult } from "../gateway/api-gateway-access.js";
import { evaluateApiGatewayAccess } from "../gateway/evaluate-api-gateway-access.js";
import { wouldCachedPolicyAllow } from "../gateway/would-cached-policy-allow.js";
import type {
  AccessAudit,
  AccessAuditCell,
  AuditProbe,
  UnintendedAccess,
  UnintendedCause,
} from "./access-audit.js";
import type { ApiAccessDescription, AuditCaller } from "./api-access-description.js";
import { refusedByMutualTls } from "./internal/audit-mutual-tls.js";
import { callerGrants } from "./internal/caller-grants.js";
import { gatewayRequest, networkOptions } from "./internal/gateway-request.js";
import {
  type ReadDescription,
  type ReadRoute,
  readDescription,
} from "./internal/read-description.js";
import { routeIdentity } from "./internal/select-route.js";
import { planAuditProbes } from "./plan-audit-probes.js";

interface PlannedProbe {
  probe: AuditProbe;
  route: ReadRoute;
  methodArn: string;
  /** The Lambda authorizer whose cache this probe reads and fills; `undefined` otherwise. */
  cache: string | undefined;
}

function plan(description: ReadDescription): { probes: PlannedProbe[]; warnings: string[] } {
  const planned = planAuditProbes(
    description.routes.map((route) => ({
      route: route.parsed.template,
      samplePaths: route.samplePaths,
    })),
    description.apiType,
  );
  const byTemplate = new Map(description.routes.map((route) => [route.parsed.template, route]));
  const probes = planned.probes.map((probe): PlannedProbe => {
    const route = byTemplate.get(probe.route) as ReadRoute;
    const { auth } = route;
    const cache =
      auth.kind === "authorizer" &&
      auth.authorizer.kind !== "cognito" &&
      auth.authorizer.ttlSeconds > 0
        ? auth.authorizer.name
        : undefined;
    return {
      probe,
      route,
      methodArn: formatExecuteApiArn({
        form: "full",
        ...description.target,
        method: probe.method,
        path: probe.path,
      }),
      cache,
    };
  });
  return { probes, warnings: planned.warnings };
}

function causeOf(
  planned: PlannedProbe,
  result: ApiGatewayAccessResult,
  viaCache: boolean,
): UnintendedCause {
  if (viaCache) return "cached_authorizer_policy";
  if (result.resourcePolicyDecision === "allow" && result.identityDecision !== "allow") {
    return "resource_policy_allow";
  }
  const { auth } = planned.route;
  if (auth.kind === "AWS_IAM") return "iam_identity_policy";
  if (auth.kind === "authorizer") {
    if (auth.authorizer.kind !== "cognito") return "authorizer_policy";
    return auth.authorizer.authType === "JWT" ? "jwt_valid_token" : "cognito_valid_token";
  }
  return "resource_policy_allow";
}

async function auditCaller(
  description: ReadDescription,
  probes: readonly PlannedProbe[],
  caller: AuditCaller,
  causes: Map<AccessAuditCell, UnintendedCause>,
): Promise<AccessAuditCell[]> {
  const granted = callerGrants(description, caller);
  const tableAnswers = new Map<string, IamAuthorizerResponse>();
  const network = networkOptions(description, caller);
  // Every request as the first one after the cache was empty: the authorizer answers it.
  const fresh: ApiGatewayAccessResult[] = [];
  for (const planned of probes) {
    const request = gatewayRequest(
      description,
      planned.route,
      caller,
      planned.methodArn,
      tableAnswers,
    );
    fresh.push(await evaluateApiGatewayAccess(request));
  }
  return probes.map((planned, index) => {
    const own = fresh[index] as ApiGatewayAccessResult;
    const allowedBy: PlannedProbe[] = [];
    let deniedByCache = false;
    if (planned.cache !== undefined) {
      // Then the same request after each other request of this identity filled the cache.
      probes.forEach((first, firstIndex) => {
        if (firstIndex === index || first.cache !== planned.cache) return;
        const cached = (fresh[firstIndex] as ApiGatewayAccessResult).authorizerResponse;
        if (cached === undefined) return;
        const allowed =
          // The same answer as this request's own (a route table's): the same outcome.
          cached === own.authorizerResponse
            ? own.status === 200
            : wouldCachedPolicyAllow({
                ...network,
                methodArn: planned.methodArn,
                cachedResponse: cached,
                cachedMethodArn: first.methodArn,
              }).allowed;
        if (allowed) allowedBy.push(first);
        else deniedByCache = true;
      });
    }
    const freshAllowed = own.status === 200;
    const reached = freshAllowed || allowedBy.length > 0;
    const viaCache = !freshAllowed && allowedBy.length > 0;
    const cell: AccessAuditCell = {
      ...planned.probe,
      methodArn: planned.methodArn,
      caller: caller.name,
      status: reached ? 200 : own.status,
      reason: reached ? "allowed" : own.reason,
      reached,
      intended: granted.has(routeIdentity(planned.route.parsed)),
      via: reached ? (viaCache ? "cache" : "fresh") : null,
      cachedFrom: viaCache ? { ...(allowedBy[0] as PlannedProbe).probe } : null,
      // Allowed in some order and refused in another.
      cacheDependent: reached && (!freshAllowed || deniedByCache),
    };
    if (cell.reached && !cell.intended) {
      // Reached only because the default endpoint skips mutual TLS.
      const bypass = refusedByMutualTls(description, caller);
      causes.set(cell, bypass ? "mtls_default_endpoint" : causeOf(planned, own, viaCache));
    }
    return cell;
  });
}

/**
 * Computes who can call what on one API stage with the gateway model: for each route (probed
 * with concrete requests, routed as API Gateway routes them) and each caller, the status and the
 * reason, whether the request reaches the integration, and whether the caller's grant names the
 * route; then lists every cell where a caller reaches a route its grant does not name.
 *
 * Authorizer caching is part of the answer: a request is reached when its own (fresh) answer
 * allows it **or** when the answer cached from any other request of the same identity to the same
 * authorizer allows it (`wouldCachedPolicyAllow`); the cell says which (`via`, `cachedFrom`) and
 * whether the outcome depends on the order (`cacheDependent`). Resource policies combine with
 * authorizers per Table A, so an `Allow *` next to an authorizer that stays silent on a route
 * opens that route: it is reported with the cause `resource_policy_allow`.
 *
 * @param description - The API (target, type, resource policy, routes, authorizers) and the
 *   callers with their grants.
 * @returns The matrix, the unintended cells and counts.
 * @throws TypeError for a malformed description (unknown authorizer, duplicate caller or route,
 *   a grant that names no route, an option that does not apply to the API type).
 * @throws PolicyError for bad values: `invalid_route_template`, `invalid_arn` (target),
 *   `invalid_policy` (resource or identity policy), `invalid_request` (an IP that is not one).
 * @example
 * ```ts
 * const audit = await auditApiAccess({
 *   target: { partition: "aws", region: "us-east-1", accountId: "123456789012", apiId: "abc123", stage: "prod" },
 *   apiType: "rest",
 *   resourcePolicy: {
 *     Version: "2012-10-17",
 *     Statement: [{ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" }],
 *   },
 *   routes: [
 *     { route: "GET /pets", auth: { authorizer: "jwt" } },
 *     { route: "DELETE /pets/{id}", auth: { authorizer: "jwt" } },
 *   ],
 *   authorizers: { jwt: { type: "LAMBDA", routes: { "GET /pets": {} } } },
 *   callers: [{ kind: "token", name: "reader" }],
 * });
 * audit.unintended; // [{ caller: "reader", method: "DELETE", path: "/pets/1", cause: "resource_policy_allow", ... }]
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
export async function auditApiAccess(description: ApiAccessDescription): Promise<AccessAudit> {
  const read = readDescription(description);
  const { probes, warnings } = plan(read);
  const causes = new Map<AccessAuditCell, UnintendedCause>();
  const rows: AccessAuditCell[][] = [];
  for (const caller of read.callers) rows.push(await auditCaller(read, probes, caller, causes));
  // Probe-major: a row of the matrix is one request, its cells one per caller.
  const cells = probes.flatMap((_, index) => rows.map((row) => row[index] as AccessAuditCell));
  const unintended = cells.flatMap((cell): UnintendedAccess[] => {
    const cause = causes.get(cell);
    return cause === undefined ? [] : [{ ...cell, cause }];
  });
  return {
    api: read.name,
    stageArn: read.stageArn,
    callers: read.callers.map((caller) => caller.name),
    probes: probes.map((planned) => ({ ...planned.probe })),
    cells,
    unintended,
    warnings,
    summary: {
      routes: read.routes.length,
      probes: probes.length,
      callers: read.callers.length,
      cells: cells.length,
      reached: cells.filter((cell) => cell.reached).length,
      unintended: unintended.length,
      intendedNotReached: cells.filter((cell) => cell.intended && !cell.reached).length,
      cacheDependent: cells.filter((cell) => cell.cacheDependent).length,
    },
  };
}
