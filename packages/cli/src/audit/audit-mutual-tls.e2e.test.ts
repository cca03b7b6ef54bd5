import { createTestCertificateAuthority } from "@gatehouse/testing";
import { describe, expect, it } from "vitest";
import { auditLocalGateway } from "./audit-local-gateway.js";
import type { AuditedGatewayConfig } from "./gateway-audit-config.js";

const ca = createTestCertificateAuthority();
const server = ca.issueServerCertificate();

function config(disableExecuteApiEndpoint: boolean | undefined): AuditedGatewayConfig {
  return {
    tls: {
      certificate: server.chainPem,
      privateKey: server.privateKeyPem,
      truststore: ca.truststorePem,
    },
    apis: [
      {
        type: "HTTP",
        name: "partners",
        ...(disableExecuteApiEndpoint !== undefined ? { disableExecuteApiEndpoint } : {}),
        routes: [{ routeKey: "GET /orders", auth: "NONE", handler: () => ({ statusCode: 200 }) }],
      },
    ],
    audit: { callers: [{ name: "anyone" }] },
  };
}

describe("gatehouse audit on a mutual-TLS gateway config", () => {
  it("warns mtls_default_endpoint_enabled while the execute-api endpoint stays enabled", async () => {
    const { audits } = await auditLocalGateway(config(undefined));
    expect(audits[0]?.warnings).toEqual([
      expect.stringMatching(/^mtls_default_endpoint_enabled: .*DisableExecuteApiEndpoint/),
    ]);
    // The audit's own requests probe authorization behind the TLS layer: the public route answers.
    expect(audits[0]?.cells).toEqual([expect.objectContaining({ status: 200, reached: true })]);
  });

  it("is silent once the API disables its execute-api endpoint", async () => {
    const { audits } = await auditLocalGateway(config(true));
    expect(audits[0]?.warnings).toEqual([]);
  });
});
