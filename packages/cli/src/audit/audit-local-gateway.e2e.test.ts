import type { RestTokenAuthorizerEvent } from "@gatehouse/policy";
import { describe, expect, it } from "vitest";
import { isCliError } from "../errors.js";
import { auditLocalGateway } from "./audit-local-gateway.js";
import type { AuditedGatewayConfig } from "./gateway-audit-config.js";

const STAGE = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/dev";
const TOKENS: Record<string, string> = { "reader-token": "reader", "vet-token": "vet" };

function allow(principalId: string, resource: string) {
  return {
    principalId,
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: resource }],
    },
  };
}

/** Reads the token; throws Unauthorized (401) for an unknown one, as a real authorizer does. */
function who(event: RestTokenAuthorizerEvent): string {
  const user = TOKENS[event.authorizationToken.replace(/^Bearer /, "")];
  if (user === undefined) throw new Error("Unauthorized");
  return user;
}

let integrationsRun = 0;
const handler = () => {
  integrationsRun++;
  return { statusCode: 200, body: "real integration" };
};

/**
 * A REST API whose "naive" authorizer answers `GET/pets/*` for every valid token, next to a
 * nested admin route: IAM's `*` crosses `/`, so the reader reaches the medical records.
 */
function naiveConfig(): AuditedGatewayConfig {
  return {
    apis: [
      {
        type: "REST",
        name: "pets",
        authorizers: {
          naive: {
            type: "TOKEN",
            handler: (event) => {
              const user = who(event);
              return allow(user, `${STAGE}/GET/pets/*`);
            },
          },
        },
        routes: [
          { method: "GET", resource: "/pets/{id}", auth: { authorizer: "naive" }, handler },
          {
            method: "GET",
            resource: "/pets/{id}/medical-records",
            auth: { authorizer: "naive" },
            handler,
          },
        ],
      },
    ],
    audit: {
      callers: [
        { name: "anonymous" },
        {
          name: "reader",
          headers: { authorization: "Bearer reader-token" },
          grants: ["GET /pets/{id}"],
        },
        {
          name: "vet",
          headers: { authorization: "Bearer vet-token" },
          grants: ["GET /pets/{proxy+}"],
        },
      ],
    },
  };
}

describe("auditLocalGateway (real gateway on loopback)", () => {
  it("reports the nested admin route the naive authorizer's GET/pets/* lets the reader reach", async () => {
    integrationsRun = 0;
    const { audits, warnings } = await auditLocalGateway(naiveConfig());
    expect(warnings).toEqual([]);
    expect(audits).toHaveLength(1);
    const [audit] = audits;
    expect(audit?.api).toBe("pets");
    expect(audit?.stageArn).toBe(STAGE);
    expect(audit?.probes).toEqual([
      { route: "GET /pets/{id}", method: "GET", path: "/pets/1" },
      {
        route: "GET /pets/{id}/medical-records",
        method: "GET",
        path: "/pets/1/medical-records",
      },
    ]);
    expect(audit?.unintended).toEqual([
      expect.objectContaining({
        caller: "reader",
        route: "GET /pets/{id}/medical-records",
        method: "GET",
        path: "/pets/1/medical-records",
        methodArn: `${STAGE}/GET/pets/1/medical-records`,
        status: 200,
        reason: "allowed",
        via: "fresh",
        cause: "authorizer_policy",
      }),
    ]);
    const anonymous = audit?.cells.filter((cell) => cell.caller === "anonymous");
    expect(anonymous?.map((cell) => [cell.status, cell.reason, cell.reached])).toEqual([
      [401, "missing_identity_source", false],
      [401, "missing_identity_source", false],
    ]);
    // The vet's grant names both routes: reached and intended.
    const vet = audit?.cells.filter((cell) => cell.caller === "vet");
    expect(vet?.every((cell) => cell.reached && cell.intended)).toBe(true);
    expect(audit?.summary).toMatchObject({ unintended: 1, reached: 4, cacheDependent: 0 });
    // The audit's stub answered, never the config's own integration.
    expect(integrationsRun).toBe(0);
  });

  it("finds a route reached only through the answer cached from another route", async () => {
    const config = naiveConfig();
    const api = config.apis[0] as Extract<AuditedGatewayConfig["apis"][number], { type: "REST" }>;
    const moody: AuditedGatewayConfig = {
      ...config,
      apis: [
        {
          ...api,
          authorizers: {
            naive: {
              type: "TOKEN",
              resultTtlInSeconds: 300,
              // Stage-wide on /pets/{id}; a 401 on the medical records (not cached).
              handler: (event) => {
                const user = who(event);
                if (event.methodArn.endsWith("/medical-records")) throw new Error("Unauthorized");
                return allow(user, `${STAGE}/*`);
              },
            },
          },
        },
      ],
      audit: {
        callers: [
          {
            name: "reader",
            headers: { authorization: "Bearer reader-token" },
            grants: ["GET /pets/{id}"],
          },
        ],
      },
    };
    const [audit] = (await auditLocalGateway(moody)).audits;
    const records = audit?.cells.find((cell) => cell.path === "/pets/1/medical-records");
    expect(records).toMatchObject({
      status: 200,
      reached: true,
      intended: false,
      via: "cache",
      cachedFrom: { route: "GET /pets/{id}", method: "GET", path: "/pets/1" },
      cacheDependent: true,
    });
    expect(audit?.unintended.map((cell) => cell.cause)).toEqual(["cached_authorizer_policy"]);
    // The route that filled the cache is the reader's own: reached on its own answer.
    expect(audit?.cells.find((cell) => cell.path === "/pets/1")).toMatchObject({
      reached: true,
      intended: true,
      cacheDependent: false,
    });
  });

  it("with TTL 0 no request is answered from the cache", async () => {
    const config = naiveConfig();
    const api = config.apis[0] as Extract<AuditedGatewayConfig["apis"][number], { type: "REST" }>;
    const exact: AuditedGatewayConfig = {
      ...config,
      apis: [
        {
          ...api,
          authorizers: {
            naive: {
              type: "TOKEN",
              resultTtlInSeconds: 300,
              handler: (event) => allow(who(event), event.methodArn),
            },
          },
        },
      ],
    };
    const [cached] = (await auditLocalGateway(exact)).audits;
    // The classic bug: each route is allowed fresh and refused after the other one.
    expect(
      cached?.cells.filter((cell) => cell.caller === "vet").map((c) => c.cacheDependent),
    ).toEqual([true, true]);
    const off = {
      ...exact,
      apis: [
        {
          ...(exact.apis[0] as typeof api),
          authorizers: {
            naive: {
              type: "TOKEN" as const,
              resultTtlInSeconds: 0,
              handler: (event: RestTokenAuthorizerEvent) => allow(who(event), event.methodArn),
            },
          },
        },
      ],
    };
    const [fresh] = (await auditLocalGateway(off)).audits;
    expect(fresh?.summary.cacheDependent).toBe(0);
  });

  it("signs IAM callers with the config's credentials; an Allow * resource policy opens an AWS_IAM route (Table A)", async () => {
    const config: AuditedGatewayConfig = {
      credentials: [
        {
          accessKeyId: "AKIDAUDIT",
          secretAccessKey: "audit-secret",
          principalArn: "arn:aws:iam::123456789012:role/ci",
          policy: null,
        },
      ],
      apis: [
        {
          type: "REST",
          name: "reports",
          resourcePolicy: {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Principal: "*",
                Action: "execute-api:Invoke",
                Resource: "execute-api:/*",
              },
            ],
          },
          routes: [{ method: "GET", resource: "/reports", auth: "AWS_IAM", handler }],
        },
      ],
      audit: {
        callers: [{ name: "ci", iam: { accessKeyId: "AKIDAUDIT" } }, { name: "anonymous" }],
      },
    };
    const [audit] = (await auditLocalGateway(config)).audits;
    expect(audit?.unintended).toEqual([
      expect.objectContaining({ caller: "ci", cause: "resource_policy_allow", status: 200 }),
    ]);
    expect(audit?.cells.find((cell) => cell.caller === "anonymous")).toMatchObject({
      status: 403,
      reason: "missing_authentication_token",
    });
  });

  it("refuses a bad audit section before starting anything", async () => {
    const config = naiveConfig();
    for (const audit of [
      undefined,
      { callers: [] },
      { callers: [{ name: "a" }, { name: "a" }] },
      { callers: [{ name: "a", grants: ["GET /nope"] }] },
      { callers: [{ name: "a", iam: { accessKeyId: "UNKNOWN" } }] },
    ]) {
      const error = await auditLocalGateway({
        ...config,
        audit: audit as AuditedGatewayConfig["audit"],
      }).catch((caught: unknown) => caught);
      expect(isCliError(error) && error.code, JSON.stringify(audit)).toBe("usage");
    }
  });
});
