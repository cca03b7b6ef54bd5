/**
 * The REST and HTTP APIs of a local gateway config as the audit sees them: each route's
 * authorization kind (NONE, AWS_IAM, Lambda with its cache TTL, JWT).
 * @internal
 * @packageDocumentation
 */
import type { ApiConfig, AuthorizerConfig, LocalGatewayConfig } from "@gatehouse/local-gateway";

import { isRecord } from "../../internal/is-record.js";

type RouteAuthKind =
  | { kind: "NONE" }
  | { kind: "AWS_IAM" }
  | { kind: "lambda"; name: string; ttlSeconds: number }
  | { kind: "jwt"; name: string; restJwt: boolean };

export interface AuditedRoute {
  template: string;
  auth: RouteAuthKind;
}

export interface AuditedApi {
  config: ApiConfig & { type: "REST" | "HTTP" };
  name: string;
  apiId: string;
  stage: string;
  apiType: "rest" | "http";
  routes: AuditedRoute[];
}

function authOf(
  auth: unknown,
  authorizers: Readonly<Record<string, AuthorizerConfig>> | undefined,
): RouteAuthKind {
  if (auth === "NONE" || auth === "AWS_IAM") return { kind: auth };
  const name = isRecord(auth) ? auth["authorizer"] : undefined;
  const authorizer = typeof name === "string" ? authorizers?.[name] : undefined;
  // The gateway refuses such a config at start; the audit does not get that far.
  if (typeof name !== "string" || authorizer === undefined) return { kind: "NONE" };
  if (authorizer.type === "TOKEN" || authorizer.type === "REQUEST") {
    return { kind: "lambda", name, ttlSeconds: authorizer.resultTtlInSeconds ?? DEFAULT_TTL };
  }
  // A REST JWT authorizer lists its issuers; HTTP JWT and Cognito have one verifier.
  return { kind: "jwt", name, restJwt: authorizer.type === "JWT" && "issuers" in authorizer };
}

export function auditedApis(config: LocalGatewayConfig, warnings: string[]): AuditedApi[] {
  const out: AuditedApi[] = [];
  config.apis.forEach((api, index) => {
    // The gateway's own defaults (resolve-config): the API id, then the name and the stage.
    const apiId =
      api.apiId ?? (index === 0 ? "a1b2c3d4e5" : `localapi${String(index).padStart(2, "0")}`);
    const name = api.name ?? apiId;
    if (api.type === "WEBSOCKET") {
      warnings.push(`${name}: WebSocket APIs are not audited (one route, $connect)`);
      return;
    }
    const routes =
      api.type === "REST"
        ? api.routes.map((route) => ({
            template: `${route.method.toUpperCase()} ${route.resource}`,
            auth: authOf(route.auth, api.authorizers),
          }))
        : api.routes.map((route) => ({
            template: route.routeKey,
            auth: authOf(route.auth, api.authorizers),
          }));
    out.push({
      config: api,
      name,
      apiId,
      stage: api.stage ?? (api.type === "HTTP" ? "$default" : "dev"),
      apiType: api.type === "REST" ? "rest" : "http",
      routes,
    });
  });
  return out;
}

const DEFAULT_TTL = 300;
