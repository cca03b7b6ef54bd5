import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
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
const silentPolicy: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: "execute-api:/*/GET/health",
    },
  ],
};

const description = (extra: Partial<ApiAccessDescription> = {}): ApiAccessDescription => ({
  target: TARGET,
  apiType: "rest",
  routes: [
    { route: "GET /orders", auth: { authorizer: "oidc", scopes: ["orders:read"] } },
    { route: "DELETE /orders/{id}", auth: { authorizer: "oidc", scopes: ["orders:admin"] } },
    { route: "GET /reports", auth: { authorizer: "oidc" } },
  ],
  authorizers: { oidc: { type: "JWT" }, pool: { type: "COGNITO_USER_POOLS" } },
  callers: [
    { kind: "token", name: "reader", scopes: ["orders:read"], authorizers: ["oidc"] },
    { kind: "token", name: "pool-user", scopes: ["orders:read"], authorizers: ["pool"] },
    { kind: "anonymous", name: "anonymous" },
  ],
  ...extra,
});

const row = (audit: AccessAudit, caller: string) =>
  audit.cells
    .filter((cell) => cell.caller === caller)
    .map((cell) => `${cell.method} ${cell.path} ${cell.status} ${cell.reason}`);

describe("auditApiAccess: REST JWT authorizers", () => {
  it("a token the authorizer sees needs a method scope (403 without); others get 401", async () => {
    const audit = await auditApiAccess(description());
    expect(row(audit, "reader")).toEqual([
      "GET /orders 200 allowed",
      "DELETE /orders/1 403 jwt_insufficient_scope",
      "GET /reports 200 allowed",
    ]);
    expect(row(audit, "pool-user")).toEqual([
      "GET /orders 401 jwt_token_invalid",
      "DELETE /orders/1 401 jwt_token_invalid",
      "GET /reports 401 jwt_token_invalid",
    ]);
    // The default grant of a token caller: the JWT routes whose scopes it holds, unscoped ones too.
    expect(audit.unintended.map((cell) => `${cell.caller} ${cell.path} ${cell.cause}`)).toEqual([]);
  });

  it("reports an unscoped route outside the caller's grants as jwt_valid_token", async () => {
    const audit = await auditApiAccess(
      description({
        callers: [
          {
            kind: "token",
            name: "reader",
            scopes: ["orders:read"],
            authorizers: ["oidc"],
            grants: ["GET /orders"],
          },
        ],
      }),
    );
    expect(audit.unintended.map((cell) => `${cell.caller} ${cell.path} ${cell.cause}`)).toEqual([
      "reader /reports jwt_valid_token",
    ]);
  });

  it("reads a silent resource policy per jwtResourcePolicy (must-allow by default)", async () => {
    const strict = await auditApiAccess(description({ resourcePolicy: silentPolicy }));
    expect(row(strict, "reader")[0]).toBe("GET /orders 403 resource_policy_implicit_deny");
    const lenient = await auditApiAccess(
      description({ resourcePolicy: silentPolicy, jwtResourcePolicy: "silent-allows" }),
    );
    expect(row(lenient, "reader")[0]).toBe("GET /orders 200 allowed");
  });

  it("refuses an unknown jwtResourcePolicy", async () => {
    await expect(
      auditApiAccess(description({ jwtResourcePolicy: "maybe" as never })),
    ).rejects.toThrow(/jwtResourcePolicy must be/);
  });
});
