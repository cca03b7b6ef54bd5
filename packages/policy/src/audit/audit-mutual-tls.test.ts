import { describe, expect, it } from "vitest";
import type { AccessAudit } from "./access-audit.js";
import type { ApiAccessDescription } from "./api-access-description.js";
import { auditApiAccess } from "./audit-api-access.js";

const TARGET = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "abc123",
  stage: "prod",
} as const;

const description = (extra: Partial<ApiAccessDescription> = {}): ApiAccessDescription => ({
  target: TARGET,
  apiType: "rest",
  routes: [
    { route: "GET /health", auth: "NONE" },
    { route: "GET /orders", auth: { authorizer: "partners" } },
  ],
  authorizers: { partners: { type: "LAMBDA", routes: { "GET /orders": {} } } },
  callers: [
    { kind: "token", name: "partner", clientCertificate: "valid" },
    { kind: "token", name: "stolen-token", clientCertificate: "missing" },
    { kind: "anonymous", name: "expired-cert", clientCertificate: "expired" },
  ],
  ...extra,
});

const row = (audit: AccessAudit, caller: string) =>
  audit.cells
    .filter((cell) => cell.caller === caller)
    .map((cell) => `${cell.method} ${cell.path} ${cell.status} ${cell.reason}`);

describe("auditApiAccess: mutual TLS", () => {
  it("with the default endpoint disabled, a caller without a valid certificate reaches nothing", async () => {
    const audit = await auditApiAccess(
      description({ mutualTls: { disableExecuteApiEndpoint: true } }),
    );
    expect(row(audit, "partner")).toEqual(["GET /health 200 allowed", "GET /orders 200 allowed"]);
    expect(row(audit, "stolen-token")).toEqual([
      "GET /health 403 mtls_certificate_missing",
      "GET /orders 403 mtls_certificate_missing",
    ]);
    expect(row(audit, "expired-cert")).toEqual([
      "GET /health 403 mtls_certificate_expired",
      "GET /orders 403 mtls_certificate_expired",
    ]);
  });

  it("with the default endpoint enabled, the certificate changes nothing: the execute-api bypass", async () => {
    const bypass = await auditApiAccess(
      description({ mutualTls: { disableExecuteApiEndpoint: false } }),
    );
    const withoutTls = await auditApiAccess(description());
    // The same reach as without mutual TLS...
    const reach = (audit: AccessAudit) =>
      audit.cells.map(({ caller, path, status, reason, reached }) => ({
        caller,
        path,
        status,
        reason,
        reached,
      }));
    expect(reach(bypass)).toEqual(reach(withoutTls));
    expect(row(bypass, "stolen-token")).toEqual([
      "GET /health 200 allowed",
      "GET /orders 200 allowed",
    ]);
    // ...which the audit reports: callers the domain would refuse are meant to reach nothing.
    expect(
      bypass.unintended.map(({ caller, path, cause }) => `${caller} ${path} ${cause}`),
    ).toEqual([
      "stolen-token /health mtls_default_endpoint",
      "expired-cert /health mtls_default_endpoint",
      "stolen-token /orders mtls_default_endpoint",
    ]);
    expect(withoutTls.unintended).toEqual([]);
  });

  it.each([
    [{ mutualTls: { disableExecuteApiEndpoint: "yes" } }, "mutualTls must be"],
    [
      { endpointType: "PRIVATE", mutualTls: { disableExecuteApiEndpoint: true } },
      "not available for PRIVATE APIs",
    ],
    [
      { callers: [{ kind: "anonymous", name: "a", clientCertificate: "revoked" }] },
      "clientCertificate must be",
    ],
  ])("refuses misuse with a TypeError before any probe (%j)", async (extra, message) => {
    const input = description(extra as Partial<ApiAccessDescription>);
    await expect(auditApiAccess(input)).rejects.toThrow(TypeError);
    await expect(auditApiAccess(input)).rejects.toThrow(message);
  });
});
