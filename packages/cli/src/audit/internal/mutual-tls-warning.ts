/**
 * The audit's mutual-TLS finding: an API behind the config's mutual-TLS listener
 * (`tls.truststore`) that keeps its default `execute-api` endpoint, where clients need no
 * certificate. The same rule as `lintResourcePolicy`'s `mtls_default_endpoint_enabled`.
 * @internal
 * @packageDocumentation
 */
import type { LocalGatewayConfig } from "@gatehouse/local-gateway";
import { lintResourcePolicy } from "@gatehouse/policy";
import type { AuditedApi } from "./audited-api.js";

/** @internal The warning for `api`, or none. */
export function mutualTlsWarnings(config: LocalGatewayConfig, api: AuditedApi): string[] {
  const truststore = config.tls?.truststore;
  if (truststore === undefined || truststore === null) return [];
  const findings = lintResourcePolicy(
    { Version: "2012-10-17", Statement: [] },
    {
      endpointType: "REGIONAL",
      ipAddressType: "ipv4",
      authTypes: ["NONE"],
      mutualTls: { disableExecuteApiEndpoint: api.config.disableExecuteApiEndpoint === true },
    },
  );
  return findings
    .filter((finding) => finding.code === "mtls_default_endpoint_enabled")
    .map((finding) => `${finding.code}: ${finding.message} Fix: ${finding.fix}`);
}
