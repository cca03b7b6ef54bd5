/**
 * The API-key part of a REST API's audit, from the gateway config: key source, methods with and
 * without a key, the usage plans covering the stage, findings.
 * @internal
 * @packageDocumentation
 */
import type { LocalGatewayConfig } from "@gatehouse/local-gateway";
import { type ApiKeyAudit, auditApiKeys } from "@gatehouse/policy";
import type { AuditedApi } from "./audited-api.js";

const AUTH_TYPES = { NONE: "NONE", AWS_IAM: "AWS_IAM", lambda: "LAMBDA", jwt: "JWT" } as const;

/** @internal `undefined` for HTTP APIs (they have no API keys). */
export function apiKeyAuditOf(
  config: LocalGatewayConfig,
  api: AuditedApi,
): ApiKeyAudit | undefined {
  if (api.config.type !== "REST") return undefined;
  const routes = api.config.routes;
  return auditApiKeys({
    apiKeySource: api.config.apiKeySource ?? "HEADER",
    methods: api.routes.map((route, index) => ({
      route: route.template,
      authType: AUTH_TYPES[route.auth.kind],
      apiKeyRequired: routes[index]?.apiKeyRequired === true,
    })),
    usagePlans: (config.usagePlans ?? [])
      .filter((plan) =>
        plan.apiStages.some((stage) => stage.apiId === api.apiId && stage.stage === api.stage),
      )
      .map((plan) => plan.id),
  });
}
