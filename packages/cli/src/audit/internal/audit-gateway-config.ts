/**
 * The gateway config the audit starts: the user's, with stub integrations and its own hooks.
 * @internal
 * @packageDocumentation
 */
import type {
  ApiConfig,
  GatewayDecisionRecord,
  LocalGatewayConfig,
} from "@gatehouse/local-gateway";
import type { AuditedGatewayConfig, GatewayAuditSection } from "../gateway-audit-config.js";

/** The config the audit starts: the user's, with stub integrations and its own hooks. */
export function auditGatewayConfig(
  config: LocalGatewayConfig,
  section: GatewayAuditSection,
  onIntegration: () => void,
  onDecision: (record: GatewayDecisionRecord) => void,
): LocalGatewayConfig {
  // The audit never runs the user's integrations (they may write somewhere): a stub answers 200.
  const stub = () => {
    onIntegration();
    return { statusCode: 200, body: "" };
  };
  const apis = config.apis.map((api): ApiConfig => {
    if (api.type === "REST")
      return { ...api, routes: api.routes.map((r) => ({ ...r, handler: stub })) };
    if (api.type === "HTTP")
      return { ...api, routes: api.routes.map((r) => ({ ...r, handler: stub })) };
    return api;
  });
  // The audit probes authorization behind the TLS layer: its requests are plain HTTP, so the
  // certificate checks of `tls` are left out (the mTLS endpoint finding is reported apart).
  const { audit: _audit, tls: _tls, ...rest } = config as AuditedGatewayConfig;
  return {
    ...rest,
    apis,
    port: 0,
    trustForwardedFor:
      config.trustForwardedFor === true ||
      section.callers.some((caller) => caller.sourceIp !== undefined),
    onDecision,
  };
}
