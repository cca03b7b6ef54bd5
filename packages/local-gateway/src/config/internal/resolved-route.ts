/**
 * A route of an API, validated at start, with the authorization it requires.
 * @internal
 * @packageDocumentation
 */

import type { RoutePattern } from "../../routing/internal/route-pattern.js";
import type { IntegrationHandler } from "../gateway-config.js";
import type { ResolvedAuthorizer } from "./resolved-authorizer.js";

/** @internal */
export type ResolvedAuth =
  | { kind: "NONE" }
  | { kind: "AWS_IAM" }
  | { kind: "authorizer"; authorizer: ResolvedAuthorizer; scopes: readonly string[] };

/** @internal */
export interface ResolvedRoute {
  /** `GET /pets/{id}`, `$default`, `$connect`. */
  routeKey: string;
  /** Upper-case verb or `ANY`. */
  method: string;
  /** `null` for `$default` and `$connect`. */
  pattern: RoutePattern | null;
  auth: ResolvedAuth;
  handler: IntegrationHandler<never> | undefined;
  payloadFormatVersion: "1.0" | "2.0";
  /** The method requires an API key (REST methods, WebSocket `$connect`). */
  apiKeyRequired?: boolean;
}
