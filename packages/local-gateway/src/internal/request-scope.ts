/**
 * One request matched to an API and a route: everything events and decisions are built from.
 * @internal
 * @packageDocumentation
 */
import type { IncomingRequest } from "./incoming-request.js";
import type { ResolvedApi, ResolvedGateway, ResolvedRoute } from "./resolve-config.js";

/** @internal */
export interface RequestScope {
  gateway: ResolvedGateway;
  api: ResolvedApi;
  route: ResolvedRoute;
  request: IncomingRequest;
  /** The path below the stage (`/pets/7`), as API Gateway's `path` / ARN carry it. */
  path: string;
  /** The route's path template (`/pets/{id}`), or `$default` / `$connect`. */
  resource: string;
  /** The method ARN (REST, HTTP 1.0, WebSocket) or route ARN (HTTP 2.0). */
  arn: string;
  /** Request time, epoch milliseconds, from the gateway clock. */
  now: number;
  requestId: string;
  connectionId: string | undefined;
}

/** @internal The options the event factories of `@gatehouse/testing` share. */
export function factoryContext(scope: RequestScope) {
  return {
    region: scope.gateway.region,
    accountId: scope.gateway.accountId,
    apiId: scope.api.apiId,
    stage: scope.api.stage,
    sourceIp: scope.request.sourceIp,
    userAgent: scope.request.userAgent,
    requestId: scope.requestId,
    now: scope.now,
    stageVariables: { ...scope.api.stageVariables },
  };
}
