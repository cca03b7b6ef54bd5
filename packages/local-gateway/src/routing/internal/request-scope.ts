/**
 * One request matched to an API and a route: everything events and decisions are built from.
 * @internal
 * @packageDocumentation
 */

import type { ResolvedApi } from "../../config/internal/resolved-api.js";
import type { ResolvedGateway } from "../../config/internal/resolved-gateway.js";
import type { ResolvedRoute } from "../../config/internal/resolved-route.js";
import type { IncomingRequest } from "../../http/internal/incoming-request.js";
import type { EventInput } from "./event-input.js";

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
  /** The normalised request the events are built from, once the first event needs it. */
  eventInput?: EventInput;
}
