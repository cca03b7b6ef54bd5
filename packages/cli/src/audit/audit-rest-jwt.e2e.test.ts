import { jwtVerifier } from "@gatehouse/authorizer";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLocalGateway } from "./audit-local-gateway.js";
import type { AuditedGatewayConfig } from "./gateway-audit-config.js";
import { renderAuditMarkdown } from "./render-audit-markdown.js";

const ISSUER = "https://partners.example.com/";
const handler = () => ({ statusCode: 200, body: "ok" });

describe("gatehouse audit: a REST API with a JWT authorizer", () => {
  let idp: TestIssuer;
  let readerToken: string;
  let outsiderToken: string;

  beforeAll(async () => {
    idp = await createTestIssuer({ alg: "ES256", issuer: ISSUER });
    readerToken = await idp.mintToken({ aud: "orders-api", tenant: "acme", scope: "orders:read" });
    // Signed by the trusted issuer, but for another tenant: the additional claim refuses it.
    outsiderToken = await idp.mintToken({
      aud: "orders-api",
      tenant: "initech",
      scope: "orders:read",
    });
  });

  afterAll(async () => {
    await idp.close();
  });

  function config(): AuditedGatewayConfig {
    return {
      apis: [
        {
          type: "REST",
          name: "orders",
          authorizers: {
            partners: {
              type: "JWT",
              defaultAlgorithms: ["ES256"],
              issuers: [
                {
                  issuer: ISSUER,
                  audiences: ["orders-api"],
                  additionalClaims: [
                    {
                      claimName: "tenant",
                      format: "SINGLE_STRING",
                      expectedValues: ["acme"],
                      required: true,
                    },
                  ],
                  verifier: jwtVerifier({
                    issuer: ISSUER,
                    audience: null,
                    jwksUri: idp.jwksUri,
                    algorithms: ["ES256"],
                  }),
                },
              ],
            },
          },
          routes: [
            {
              method: "GET",
              resource: "/orders",
              auth: { authorizer: "partners", scopes: ["orders:read"] },
              handler,
            },
            {
              method: "DELETE",
              resource: "/orders/{id}",
              auth: { authorizer: "partners", scopes: ["orders:admin"] },
              handler,
            },
            // No scope: any valid token of the issuer reaches it.
            { method: "GET", resource: "/reports", auth: { authorizer: "partners" }, handler },
          ],
        },
      ],
      audit: {
        callers: [
          { name: "anonymous" },
          {
            name: "reader",
            headers: { authorization: `Bearer ${readerToken}` },
            grants: ["GET /orders"],
          },
          { name: "outsider", headers: { authorization: `Bearer ${outsiderToken}` } },
        ],
      },
    };
  }

  it("audits REST JWT routes: scopes give 403, a failed claim 401, an unscoped route is reported", async () => {
    const { audits, warnings } = await auditLocalGateway(config());
    expect(warnings).toEqual([]);
    const [audit] = audits;
    const cells = (caller: string) =>
      audit?.cells
        .filter((cell) => cell.caller === caller)
        .map((cell) => [`${cell.method} ${cell.route}`, cell.status, cell.reason, cell.reached]);
    expect(cells("anonymous")).toEqual([
      ["GET GET /orders", 401, "missing_identity_source", false],
      ["DELETE DELETE /orders/{id}", 401, "missing_identity_source", false],
      ["GET GET /reports", 401, "missing_identity_source", false],
    ]);
    expect(cells("reader")).toEqual([
      ["GET GET /orders", 200, "allowed", true],
      ["DELETE DELETE /orders/{id}", 403, "jwt_insufficient_scope", false],
      ["GET GET /reports", 200, "allowed", true],
    ]);
    expect(cells("outsider")?.map((cell) => cell.slice(1))).toEqual([
      [401, "jwt_claim_mismatch", false],
      [401, "jwt_claim_mismatch", false],
      [401, "jwt_claim_mismatch", false],
    ]);
    expect(audit?.unintended).toEqual([
      expect.objectContaining({
        caller: "reader",
        route: "GET /reports",
        cause: "jwt_valid_token",
      }),
    ]);
    const markdown = renderAuditMarkdown(audits, "local-gateway");
    expect(markdown).toContain("Any valid token of the JWT authorizer's issuers reaches it");
    // The report never carries a token.
    expect(markdown).not.toContain(readerToken.split(".")[2]);
  });
});
