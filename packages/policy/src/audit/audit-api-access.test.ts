import { afterEach, describe, expect, it, vi } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import { isPolicyError } from "../errors.js";
import { compilePolicy } from "../evaluate/compile-policy.js";
import type { AccessAudit, AccessAuditCell } from "./access-audit.js";
import type { ApiAccessDescription, AuditAuthorizerFunction } from "./api-access-description.js";
import { auditApiAccess } from "./audit-api-access.js";

const TARGET = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "abc123",
  stage: "prod",
} as const;
const STAGE = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod";
const INVOKE = "execute-api:Invoke";

const allowEverything: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: INVOKE, Resource: "execute-api:/*" }],
};

function allowResponse(resource: string | string[]) {
  return {
    principalId: "user",
    policyDocument: {
      Version: "2012-10-17" as const,
      Statement: [{ Action: INVOKE, Effect: "Allow" as const, Resource: resource }],
    },
  };
}

function cell(audit: AccessAudit, caller: string, method: string, path: string): AccessAuditCell {
  const found = audit.cells.find(
    (item) => item.caller === caller && item.method === method && item.path === path,
  );
  if (found === undefined) throw new Error(`no cell ${caller} ${method} ${path}`);
  return found;
}

function reached(audit: AccessAudit, caller: string): string[] {
  return audit.cells
    .filter((item) => item.caller === caller && item.reached)
    .map((item) => `${item.method} ${item.path}`);
}

/** The pets API: a route table (createAuthorizer's shape), no resource policy. */
function petsApi(overrides: Partial<ApiAccessDescription> = {}): ApiAccessDescription {
  return {
    target: TARGET,
    apiType: "rest",
    routes: [
      { route: "GET /pets", auth: { authorizer: "gatehouse" } },
      { route: "GET /pets/{id}", auth: { authorizer: "gatehouse" } },
      { route: "POST /pets", auth: { authorizer: "gatehouse" } },
      { route: "GET /health", auth: "NONE" },
    ],
    authorizers: {
      gatehouse: {
        type: "LAMBDA",
        routes: {
          "GET /pets": { scopes: ["pets/read"] },
          "GET /pets/{id}": { scopes: ["pets/read"] },
          "POST /pets": { scopes: ["pets/write"], groups: ["staff"] },
        },
      },
    },
    callers: [
      { kind: "anonymous", name: "anonymous" },
      { kind: "token", name: "reader", scopes: ["pets/read"] },
      { kind: "token", name: "staff", scopes: ["pets/read", "pets/write"], groups: ["staff"] },
    ],
    ...overrides,
  };
}

describe("auditApiAccess: route-table authorizer", () => {
  it("computes the matrix: each caller reaches exactly its table routes and the public ones", async () => {
    const audit = await auditApiAccess(petsApi());
    expect(audit.api).toBe("abc123");
    expect(audit.stageArn).toBe(STAGE);
    expect(audit.callers).toEqual(["anonymous", "reader", "staff"]);
    expect(audit.probes).toEqual([
      { route: "GET /pets", method: "GET", path: "/pets" },
      { route: "GET /pets/{id}", method: "GET", path: "/pets/1" },
      { route: "POST /pets", method: "POST", path: "/pets" },
      { route: "GET /health", method: "GET", path: "/health" },
    ]);
    expect(reached(audit, "anonymous")).toEqual(["GET /health"]);
    expect(reached(audit, "reader")).toEqual(["GET /pets", "GET /pets/1", "GET /health"]);
    expect(reached(audit, "staff")).toEqual([
      "GET /pets",
      "GET /pets/1",
      "POST /pets",
      "GET /health",
    ]);
    expect(audit.unintended).toEqual([]);
    expect(audit.summary).toEqual({
      routes: 4,
      probes: 4,
      callers: 3,
      cells: 12,
      reached: 8,
      unintended: 0,
      intendedNotReached: 0,
      cacheDependent: 0,
    });
  });

  it("gives each cell the gateway's status and reason", async () => {
    const audit = await auditApiAccess(petsApi());
    expect(cell(audit, "anonymous", "GET", "/pets")).toMatchObject({
      status: 401,
      reason: "authorizer_unauthorized",
      reached: false,
      intended: false,
      via: null,
    });
    expect(cell(audit, "reader", "POST", "/pets")).toMatchObject({
      status: 403,
      reason: "authorizer_implicit_deny",
      reached: false,
      intended: false,
    });
    expect(cell(audit, "reader", "GET", "/pets/1")).toMatchObject({
      methodArn: `${STAGE}/GET/pets/1`,
      status: 200,
      reason: "allowed",
      reached: true,
      intended: true,
      via: "fresh",
      cachedFrom: null,
      cacheDependent: false,
    });
  });

  it("an identity that satisfies no route gets a Deny of the stage: nothing but public routes", async () => {
    const audit = await auditApiAccess(
      petsApi({ callers: [{ kind: "token", name: "profile-only", scopes: ["profile"] }] }),
    );
    expect(reached(audit, "profile-only")).toEqual(["GET /health"]);
    expect(cell(audit, "profile-only", "GET", "/pets").reason).toBe("authorizer_explicit_deny");
  });

  it("a token the authorizer does not accept is a 401", async () => {
    const audit = await auditApiAccess(
      petsApi({
        callers: [{ kind: "token", name: "other-pool", scopes: ["pets/read"], authorizers: [] }],
      }),
    );
    expect(cell(audit, "other-pool", "GET", "/pets")).toMatchObject({
      status: 401,
      reached: false,
    });
  });

  it("explicit grants replace the table's: a granted route the table refuses is intendedNotReached", async () => {
    const audit = await auditApiAccess(
      petsApi({
        callers: [
          {
            kind: "token",
            name: "reader",
            scopes: ["pets/read"],
            grants: ["GET /pets", "POST /pets"],
          },
        ],
      }),
    );
    expect(cell(audit, "reader", "GET", "/pets/1")).toMatchObject({
      reached: true,
      intended: false,
    });
    expect(audit.unintended.map((item) => `${item.method} ${item.path} ${item.cause}`)).toEqual([
      "GET /pets/1 authorizer_policy",
    ]);
    expect(audit.summary.intendedNotReached).toBe(1);
  });

  it("a table template grants every route it covers ({param}, {proxy+}, ANY), not the deeper ones", async () => {
    const audit = await auditApiAccess({
      target: TARGET,
      apiType: "rest",
      routes: [
        { route: "GET /admin/users", auth: { authorizer: "table" } },
        { route: "DELETE /admin/users/{id}", auth: { authorizer: "table" } },
        { route: "GET /pets/{id}", auth: { authorizer: "table" } },
        { route: "GET /pets/{id}/toys", auth: { authorizer: "table" } },
      ],
      authorizers: {
        table: {
          type: "LAMBDA",
          routes: { "ANY /admin/{proxy+}": { groups: ["admin"] }, "GET /pets/{id}": {} },
        },
      },
      callers: [{ kind: "token", name: "admin", groups: ["admin"] }],
    });
    const intended = audit.cells.filter((item) => item.intended).map((item) => item.route);
    expect(intended).toEqual(["GET /admin/users", "DELETE /admin/users/{id}", "GET /pets/{id}"]);
  });

  it("a nested route the identity does not satisfy is denied, not reached through GET/pets/* (exact table)", async () => {
    const audit = await auditApiAccess({
      target: TARGET,
      apiType: "rest",
      routes: [
        { route: "GET /pets/{id}", auth: { authorizer: "table" } },
        { route: "GET /pets/{id}/medical-records", auth: { authorizer: "table" } },
        { route: "ANY /reports", auth: { authorizer: "table" } },
        { route: "GET /admin/reports", auth: { authorizer: "table" } },
      ],
      authorizers: {
        table: {
          type: "LAMBDA",
          routes: {
            "GET /pets/{id}": {},
            "GET /pets/{id}/medical-records": { groups: ["vet"] },
            "ANY /reports": {},
            "GET /admin/reports": { groups: ["admin"] },
          },
        },
      },
      callers: [{ kind: "token", name: "nobody" }],
    });
    expect(audit.unintended).toEqual([]);
    const reached = audit.cells.filter((item) => item.reached).map((item) => item.route);
    expect(new Set(reached)).toEqual(new Set(["GET /pets/{id}", "ANY /reports"]));
    const refused = audit.cells.filter((item) => !item.reached).map((item) => item.route);
    expect(new Set(refused)).toEqual(
      new Set(["GET /pets/{id}/medical-records", "GET /admin/reports"]),
    );
  });

  it("with resultTtlInSeconds 0 the answer is always fresh", async () => {
    const audit = await auditApiAccess(
      petsApi({
        authorizers: {
          gatehouse: { type: "LAMBDA", routes: { "GET /pets": {} }, resultTtlInSeconds: 0 },
        },
      }),
    );
    expect(audit.cells.every((item) => item.via !== "cache")).toBe(true);
  });
});

describe("auditApiAccess: Table A (resource policy Allow next to an authorizer)", () => {
  it("an Allow * resource policy opens every route the authorizer is silent on", async () => {
    const audit = await auditApiAccess(
      petsApi({
        resourcePolicy: allowEverything,
        routes: [
          { route: "GET /pets", auth: { authorizer: "gatehouse" } },
          { route: "DELETE /pets/{id}", auth: { authorizer: "gatehouse" } },
        ],
        authorizers: { gatehouse: { type: "LAMBDA", routes: { "GET /pets": {} } } },
        callers: [{ kind: "token", name: "reader" }],
      }),
    );
    expect(audit.unintended).toHaveLength(1);
    expect(audit.unintended[0]).toMatchObject({
      caller: "reader",
      route: "DELETE /pets/{id}",
      method: "DELETE",
      path: "/pets/1",
      status: 200,
      via: "fresh",
      cause: "resource_policy_allow",
    });
  });

  it("takes a compiled resource policy as well as a document", async () => {
    const description = petsApi({ resourcePolicy: allowEverything });
    const compiled = await auditApiAccess({
      ...description,
      resourcePolicy: compilePolicy(allowEverything),
    });
    expect(compiled).toEqual(await auditApiAccess(description));
  });

  it("an explicit Deny in the resource policy refuses before the authorizer (IP denylist)", async () => {
    const audit = await auditApiAccess(
      petsApi({
        resourcePolicy: {
          Version: "2012-10-17",
          Statement: [
            ...(allowEverything.Statement as []),
            {
              Effect: "Deny",
              Principal: "*",
              Action: INVOKE,
              Resource: "execute-api:/*",
              Condition: { IpAddress: { "aws:SourceIp": "198.51.100.0/24" } },
            },
          ],
        },
        callers: [
          { kind: "token", name: "reader", scopes: ["pets/read"], sourceIp: "198.51.100.7" },
          { kind: "anonymous", name: "anonymous", sourceIp: "203.0.113.9" },
        ],
      }),
    );
    expect(reached(audit, "reader")).toEqual([]);
    expect(cell(audit, "reader", "GET", "/pets").reason).toBe("resource_policy_explicit_deny");
    expect(cell(audit, "reader", "GET", "/health").intended).toBe(true);
    expect(reached(audit, "anonymous")).toEqual(["GET /health"]);
  });
});

describe("auditApiAccess: function authorizers and the authorizer cache", () => {
  const naive: AuditAuthorizerFunction = (methodArn) => allowResponse(methodArn);

  it("the naive `Resource: methodArn` authorizer: intended routes are reached, but cache-dependent", async () => {
    const audit = await auditApiAccess(
      petsApi({
        routes: [
          { route: "GET /pets", auth: { authorizer: "naive" } },
          { route: "GET /pets/{id}", auth: { authorizer: "naive" } },
        ],
        authorizers: { naive: { type: "LAMBDA", authorize: naive } },
        callers: [{ kind: "token", name: "reader", grants: ["GET /pets", "GET /pets/{id}"] }],
      }),
    );
    expect(audit.unintended).toEqual([]);
    expect(cell(audit, "reader", "GET", "/pets/1")).toMatchObject({
      reached: true,
      via: "fresh",
      cacheDependent: true,
    });
    expect(audit.summary.cacheDependent).toBe(2);
  });

  it("a wildcard that crosses / reaches a nested route the grant does not name", async () => {
    const audit = await auditApiAccess(
      petsApi({
        routes: [
          { route: "GET /pets/{id}", auth: { authorizer: "wildcard" } },
          { route: "GET /pets/{id}/medical-records", auth: { authorizer: "wildcard" } },
        ],
        authorizers: {
          wildcard: { type: "LAMBDA", authorize: () => allowResponse(`${STAGE}/GET/pets/*`) },
        },
        callers: [{ kind: "token", name: "reader", grants: ["GET /pets/{id}"] }],
      }),
    );
    expect(audit.unintended).toEqual([
      expect.objectContaining({
        caller: "reader",
        route: "GET /pets/{id}/medical-records",
        path: "/pets/1/medical-records",
        cause: "authorizer_policy",
        via: "fresh",
      }),
    ]);
  });

  it("a route reached only through the answer cached from another route", async () => {
    // Stage-wide on GET /pets, exact elsewhere: the answer depends on the first route.
    const authorize: AuditAuthorizerFunction = (methodArn) =>
      allowResponse(methodArn === `${STAGE}/GET/pets` ? `${STAGE}/*` : methodArn);
    const audit = await auditApiAccess(
      petsApi({
        routes: [
          { route: "GET /pets", auth: { authorizer: "moody" } },
          { route: "DELETE /pets/{id}", auth: { authorizer: "moody" } },
        ],
        authorizers: {
          moody: {
            type: "LAMBDA",
            authorize: (methodArn, caller) =>
              caller.name === "reader" && methodArn.includes("/DELETE/")
                ? "unauthorized"
                : authorize(methodArn, caller),
          },
        },
        callers: [{ kind: "token", name: "reader", grants: ["GET /pets"] }],
      }),
    );
    expect(cell(audit, "reader", "DELETE", "/pets/1")).toMatchObject({
      status: 200,
      reason: "allowed",
      reached: true,
      via: "cache",
      cachedFrom: { route: "GET /pets", method: "GET", path: "/pets" },
      cacheDependent: true,
    });
    expect(audit.unintended.map((item) => item.cause)).toEqual(["cached_authorizer_policy"]);
  });

  it("passes the caller to the function and counts a throw as 500 or 401, as Lambda does", async () => {
    const seen: string[] = [];
    const audit = await auditApiAccess(
      petsApi({
        routes: [
          { route: "GET /pets", auth: { authorizer: "fn" } },
          { route: "GET /broken", auth: { authorizer: "fn" } },
        ],
        authorizers: {
          fn: {
            type: "LAMBDA",
            resultTtlInSeconds: 0,
            authorize: (methodArn, caller) => {
              seen.push(`${caller.name} ${caller.claims?.["tenant"]}`);
              if (methodArn.endsWith("/broken")) throw new Error("boom");
              if (caller.scopes?.includes("pets/read") !== true) throw new Error("Unauthorized");
              return allowResponse(`${STAGE}/GET/pets`);
            },
          },
        },
        callers: [
          { kind: "token", name: "reader", scopes: ["pets/read"], claims: { tenant: "t1" } },
          { kind: "token", name: "nobody" },
        ],
      }),
    );
    expect(seen).toContain("reader t1");
    expect(cell(audit, "reader", "GET", "/broken")).toMatchObject({
      status: 500,
      reason: "authorizer_error",
    });
    expect(cell(audit, "nobody", "GET", "/pets")).toMatchObject({
      status: 401,
      reason: "authorizer_unauthorized",
    });
  });

  describe("deadline", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("an authorizer that never answers is a 500 after authorizerTimeoutMs", async () => {
      vi.useFakeTimers();
      const pending = auditApiAccess(
        petsApi({
          routes: [{ route: "GET /pets", auth: { authorizer: "stuck" } }],
          authorizers: { stuck: { type: "LAMBDA", authorize: () => new Promise(() => {}) } },
          callers: [{ kind: "token", name: "reader" }],
          authorizerTimeoutMs: 1000,
        }),
      );
      await vi.advanceTimersByTimeAsync(1000);
      const audit = await pending;
      expect(cell(audit, "reader", "GET", "/pets")).toMatchObject({
        status: 500,
        reason: "authorizer_error",
        reached: false,
      });
    });
  });
});

describe("auditApiAccess: IAM and Cognito callers", () => {
  const iamApi = (policy: PolicyDocument | null, accountId: string = TARGET.accountId) =>
    auditApiAccess({
      target: TARGET,
      apiType: "rest",
      routes: [
        { route: "GET /reports/{id}", auth: "AWS_IAM" },
        { route: "GET /reports/{id}/raw", auth: "AWS_IAM" },
      ],
      callers: [
        {
          kind: "iam",
          name: "ci",
          arn: `arn:aws:iam::${accountId}:role/ci`,
          accountId,
          policy,
          grants: ["GET /reports/{id}"],
        },
        { kind: "anonymous", name: "anonymous" },
      ],
    });

  it("an identity policy whose * crosses / reaches the nested route", async () => {
    const audit = await iamApi({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: INVOKE, Resource: `${STAGE}/GET/reports/*` }],
    });
    expect(reached(audit, "ci")).toEqual(["GET /reports/1", "GET /reports/1/raw"]);
    expect(audit.unintended.map((item) => `${item.path} ${item.cause}`)).toEqual([
      "/reports/1/raw iam_identity_policy",
    ]);
    expect(cell(audit, "anonymous", "GET", "/reports/1")).toMatchObject({
      status: 403,
      reason: "missing_authentication_token",
    });
  });

  it("another account needs the resource policy too (Table B)", async () => {
    const audit = await iamApi(
      { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: INVOKE, Resource: "*" }] },
      "111122223333",
    );
    expect(reached(audit, "ci")).toEqual([]);
    expect(cell(audit, "ci", "GET", "/reports/1").reason).toBe("cross_account_not_allowed");
  });

  it("Cognito: a valid token with one of the method's scopes; default grant from the scopes", async () => {
    const audit = await auditApiAccess({
      target: TARGET,
      apiType: "rest",
      routes: [
        { route: "GET /orders", auth: { authorizer: "pool", scopes: ["orders/read"] } },
        { route: "GET /profile", auth: { authorizer: "pool" } },
      ],
      authorizers: { pool: { type: "COGNITO_USER_POOLS" } },
      callers: [
        { kind: "token", name: "reader", scopes: ["orders/read"] },
        { kind: "token", name: "other", scopes: ["profile"], grants: [] },
      ],
    });
    expect(reached(audit, "reader")).toEqual(["GET /orders", "GET /profile"]);
    expect(audit.cells.filter((item) => item.caller === "reader").every((c) => c.intended)).toBe(
      true,
    );
    expect(cell(audit, "other", "GET", "/orders")).toMatchObject({
      status: 401,
      reached: false,
    });
    expect(audit.unintended.map((item) => `${item.caller} ${item.path} ${item.cause}`)).toEqual([
      "other /profile cognito_valid_token",
    ]);
  });
});

describe("auditApiAccess: routing", () => {
  it("probes an ANY route with each method it receives, and HTTP $default with unrouted paths", async () => {
    const audit = await auditApiAccess({
      target: { ...TARGET, stage: "$default" },
      apiType: "http",
      routes: [
        { route: "GET /reports", auth: "NONE" },
        { route: "ANY /reports", auth: "AWS_IAM" },
        { route: "$default", auth: "AWS_IAM" },
      ],
      callers: [{ kind: "anonymous", name: "anonymous" }],
    });
    const any = audit.probes.filter((probe) => probe.route === "ANY /reports");
    expect(any.map((probe) => probe.method)).toEqual([
      "POST",
      "PUT",
      "PATCH",
      "DELETE",
      "HEAD",
      "OPTIONS",
    ]);
    expect(audit.probes.filter((probe) => probe.route === "$default")).toHaveLength(7);
    expect(audit.probes.find((probe) => probe.route === "$default")?.path).toBe("/unrouted");
    expect(reached(audit, "anonymous")).toEqual(["GET /reports"]);
  });

  it("attributes a sample path to the route API Gateway sends it to, with a warning", async () => {
    const audit = await auditApiAccess({
      target: TARGET,
      apiType: "rest",
      routes: [
        { route: "GET /pets/{id}", auth: "NONE", samplePaths: ["/pets/mine", "/nowhere"] },
        { route: "GET /pets/mine", auth: "AWS_IAM" },
      ],
      callers: [{ kind: "anonymous", name: "anonymous" }],
    });
    expect(audit.probes).toEqual([
      { route: "GET /pets/{id}", method: "GET", path: "/pets/1" },
      { route: "GET /pets/mine", method: "GET", path: "/pets/mine" },
    ]);
    expect(audit.warnings).toEqual([
      "GET /pets/{id}: the sample GET /pets/mine is routed to GET /pets/mine",
      "GET /pets/{id}: the sample GET /nowhere matches no route",
    ]);
  });
});

describe("auditApiAccess: misuse", () => {
  const cases: [string, Partial<ApiAccessDescription>, RegExp][] = [
    [
      "an unknown authorizer",
      { routes: [{ route: "GET /pets", auth: { authorizer: "nope" } }] },
      /unknown authorizer "nope"/,
    ],
    [
      "two callers with one name",
      {
        callers: [
          { kind: "anonymous", name: "x" },
          { kind: "anonymous", name: "x" },
        ],
      },
      /two callers are named "x"/,
    ],
    [
      "a grant that covers no route",
      { callers: [{ kind: "token", name: "t", grants: ["GET /nope"] }] },
      /covers no route of the API/,
    ],
    [
      "a resource policy on an HTTP API",
      { apiType: "http", resourcePolicy: allowEverything },
      /HTTP APIs have no resource policy/,
    ],
    [
      "a route listed twice",
      {
        routes: [
          { route: "GET /pets/{id}", auth: "NONE" },
          { route: "GET /pets/{petId}", auth: "NONE" },
        ],
      },
      /listed twice/,
    ],
    [
      "a claims predicate in a route table",
      {
        authorizers: {
          gatehouse: {
            type: "LAMBDA",
            routes: { "GET /pets": { claims: () => true } as unknown as Record<string, never> },
          },
        },
      },
      /unknown requirement "claims"/,
    ],
    [
      "scopes on a Lambda-authorized route",
      { routes: [{ route: "GET /pets", auth: { authorizer: "gatehouse", scopes: ["x"] } }] },
      /COGNITO_USER_POOLS and JWT authorizers only/,
    ],
    ["no callers", { callers: [] }, /callers must be a non-empty array/],
  ];

  it.each(cases)("%s is a TypeError", async (_name, overrides, message) => {
    await expect(auditApiAccess(petsApi(overrides))).rejects.toThrow(message);
    await expect(auditApiAccess(petsApi(overrides))).rejects.toBeInstanceOf(TypeError);
  });

  it("a bad route template is a PolicyError invalid_route_template with its path", async () => {
    const error = await auditApiAccess(
      petsApi({ routes: [{ route: "GET pets", auth: "NONE" }] }),
    ).catch((caught: unknown) => caught);
    expect(isPolicyError(error) && error.code).toBe("invalid_route_template");
    expect(isPolicyError(error) && error.path).toBe("routes[0].route");
  });

  it("a bad target is a PolicyError invalid_arn", async () => {
    const error = await auditApiAccess(petsApi({ target: { ...TARGET, accountId: "12" } })).catch(
      (caught: unknown) => caught,
    );
    expect(isPolicyError(error) && error.code).toBe("invalid_arn");
  });
});
