import { describe, expect, it } from "vitest";
import { buildRestAuthorizerResponse } from "../authorizer-response/build-rest-authorizer-response.js";
import { compileRouteTable } from "./compile-route-table.js";

const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const stage = {
  partition: "aws",
  region: "eu-west-1",
  accountId: "123456789012",
  apiId: "a1b2c3d4e5",
  stage: "prod",
} as const;

describe("compileRouteTable: grants", () => {
  const table = compileRouteTable(
    ["GET /pets/{id}", "GET /pets/{id}/medical-records", "ANY /reports", "GET /admin/reports"],
    "http",
  );

  it("denies the deeper route the Allow of its parent covers, and expands ANY", () => {
    const grant = table.grant(["GET /pets/{id}", "ANY /reports"]);
    expect(grant.allow).toEqual(["GET /pets/{id}", ...VERBS.map((verb) => `${verb} /reports`)]);
    expect(grant.deny).toEqual(["GET /pets/{id}/medical-records"]);
    expect(grant.refused).toEqual([]);
    expect(grant.outside).toEqual([]);
  });

  it("needs no Deny when the deeper route is granted too", () => {
    const grant = table.grant(["GET /pets/{id}", "GET /pets/{id}/medical-records", "ANY /reports"]);
    expect(grant.deny).toEqual([]);
  });

  it("needs no Deny for a route no allowed pattern covers", () => {
    // .../GET/pets/*/medical-records cannot match GET /pets/42 (one segment).
    expect(table.grant(["GET /pets/{id}/medical-records"]).deny).toEqual([]);
  });

  it("is exact for this table, and says so", () => {
    expect(table.exact).toBe(true);
    expect(table.warnings).toEqual([]);
  });

  it("leaves to a route of its own the verbs it has on the same path", () => {
    const siblings = compileRouteTable(["ANY /pets/{id}", "GET /pets/{id}"], "rest");
    expect(siblings.grant(["ANY /pets/{id}"]).allow).toEqual(
      VERBS.filter((verb) => verb !== "GET").map((verb) => `${verb} /pets/{id}`),
    );
    expect(siblings.grant(["ANY /pets/{id}"]).deny).toEqual([]);
    expect(siblings.routeOf("GET", "/pets/1")).toBe("GET /pets/{id}");
    expect(siblings.routeOf("PUT", "/pets/1")).toBe("ANY /pets/{id}");
  });

  it("reads a REST resource path as ANY", () => {
    const rest = compileRouteTable(["/pets", "POST /pets"], "rest");
    expect(rest.grant(["/pets"]).allow).toContain("DELETE /pets");
    expect(rest.grant(["/pets"]).allow).not.toContain("POST /pets");
  });

  it("grants the whole stage for *", () => {
    const all = compileRouteTable(["*", "GET /pets"], "rest");
    expect(all.grant(["*"]).allow).toEqual(["*"]);
    expect(all.grant(["*"]).deny).toEqual([]);
    expect(all.grant(["*"]).allowsRouteKey("DELETE /anything")).toBe(true);
  });

  it("denies the deeper paths and the root an allowed pattern covers when $default is not granted", () => {
    const withDefault = compileRouteTable(["GET /{id}", "GET /pets/{id}", "$default"], "http");
    expect(withDefault.grant(["GET /{id}"]).deny).toEqual([
      "GET /pets/{id}",
      "GET /{id}/{id_deeper}",
      "GET /",
    ]);
    // Granted $default: every covered route the identity does not hold gets a Deny.
    expect(withDefault.grant(["$default"]).allow).toEqual(["$default"]);
    expect(withDefault.grant(["$default"]).deny).toEqual(["GET /{id}", "GET /pets/{id}"]);
  });

  it("keeps templates outside the table as they are, and still denies covered table routes", () => {
    const grant = table.grant(["GET /pets/{id}", "ANY /admin/{proxy+}"]);
    expect(grant.outside).toEqual(["ANY /admin/{proxy+}"]);
    expect(grant.allow).toContain("ANY /admin/{proxy+}");
    expect(grant.deny).toEqual(["GET /pets/{id}/medical-records", "GET /admin/reports"]);
  });

  it("matches templates by route, whatever the parameter names", () => {
    const grant = table.grant(["GET /pets/{petId}"]);
    expect(grant.outside).toEqual([]);
    expect(grant.allow).toEqual(["GET /pets/{id}"]);
    expect(grant.allowsRouteKey("GET /pets/{id}")).toBe(true);
    expect(grant.allowsRouteKey("GET /pets/{x}")).toBe(true);
    expect(grant.allowsRouteKey("GET /pets/{id}/medical-records")).toBe(false);
    expect(grant.allowsRouteKey("not a route key")).toBe(false);
  });

  it("answers the same grant object for the same set (memoised)", () => {
    expect(table.grant(["ANY /reports"])).toBe(table.grant(["ANY /reports"]));
  });

  it("passes WebSocket route keys through, exact as they are", () => {
    const ws = compileRouteTable(["$connect", "sendMessage"], "websocket");
    expect(ws.grant(["$connect"])).toMatchObject({ allow: ["$connect"], deny: [] });
    expect(ws.exact).toBe(true);
    expect(() => ws.routeOf("GET", "/")).toThrow(TypeError);
  });
});

describe("compileRouteTable: route selection", () => {
  const http = compileRouteTable(
    [
      "GET /pets/mine",
      "GET /pets/{id}",
      "ANY /pets/{id}",
      "GET /pets/{proxy+}",
      "GET /",
      "$default",
    ],
    "http",
  );

  it.each([
    ["GET", "/pets/mine", "GET /pets/mine"],
    ["GET", "/pets/7", "GET /pets/{id}"],
    ["DELETE", "/pets/7", "ANY /pets/{id}"],
    ["GET", "/pets/7/toys", "GET /pets/{proxy+}"],
    ["POST", "/pets/7/toys", "$default"],
    ["GET", "/", "GET /"],
    ["POST", "/", "$default"],
  ])("HTTP %s %s -> %s", (method, path, route) => {
    expect(http.routeOf(method, path)).toBe(route);
  });

  it("routes no verb API Gateway does not serve", () => {
    expect(http.routeOf("TRACE", "/pets/7")).toBeUndefined();
  });

  const rest = compileRouteTable(["GET /pets", "POST /orders", "ANY /{proxy+}", "GET /"], "rest");

  it.each([
    ["GET", "/pets", "GET /pets"],
    ["DELETE", "/a/b", "ANY /{proxy+}"],
    ["GET", "/", "GET /"],
  ])("REST %s %s -> %s", (method, path, route) => {
    expect(rest.routeOf(method, path)).toBe(route);
  });

  it("REST picks the resource first: a resource without the method routes nowhere", () => {
    expect(rest.routeOf("GET", "/orders")).toBeUndefined();
  });
});

describe("compileRouteTable: where IAM globbing cannot be exact", () => {
  const templates = ["GET /pets/{id}", "GET /pets/{id}/a", "GET /pets/{id}/{part}/a"];

  it("reports the Deny that also refuses another route, with a sample request", () => {
    const table = compileRouteTable(templates, "rest");
    expect(table.exact).toBe(false);
    expect(table.warnings).toContainEqual(
      expect.objectContaining({
        code: "inexact_deny",
        route: "GET /pets/{id}/a",
        allowedBy: ["GET /pets/{id}"],
        refuses: [
          {
            denied: "GET /pets/{id}/a",
            route: "GET /pets/{id}/{part}/a",
            request: "GET /pets/x/x/a",
          },
        ],
      }),
    );
    const grant = table.grant(["GET /pets/{id}", "GET /pets/{id}/{part}/a"]);
    expect(grant.deny).toEqual(["GET /pets/{id}/a"]);
    expect(grant.refused).toEqual([
      { denied: "GET /pets/{id}/a", route: "GET /pets/{id}/{part}/a", request: "GET /pets/x/x/a" },
    ]);
  });

  it("reports nothing where the requirements rule the situation out", () => {
    // Whoever may call the deeper routes may call GET /pets/{id}/a as well.
    const table = compileRouteTable(templates, "rest", {
      implies: (a, b) => b === "GET /pets/{id}/a" && a !== "GET /pets/{id}",
    });
    expect(table.warnings).toEqual([]);
    expect(table.exact).toBe(true);
  });

  it("picks a sample value that is no literal of the table", () => {
    const table = compileRouteTable(["GET /x/{id}", "GET /x/{id}/a", "GET /x/{id}/{b}/a"], "rest");
    expect(table.warnings[0]?.refuses[0]?.request).toBe("GET /x/x0/x0/a");
  });
});

describe("compileRouteTable: the largest policy", () => {
  it("bounds the document of an identity that may call every route", () => {
    const templates = ["GET /pets", "GET /pets/{id}", "ANY /admin/{proxy+}", "POST /orders"];
    const table = compileRouteTable(templates, "rest");
    const grant = table.grant(templates);
    const actual = buildRestAuthorizerResponse({
      methodArn: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets",
      principalId: "",
      allow: grant.allow,
    });
    const bytes = new TextEncoder().encode(JSON.stringify(actual.policyDocument)).length;
    const bound = table.policyBound(stage);
    expect(bound.resources).toBe(10);
    expect(bound.bytes).toBeGreaterThanOrEqual(bytes);
    expect(bound.bytes - bytes).toBeLessThan(80); // the empty Deny statement's room
    expect(bound.longestResource).toBe(
      "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/OPTIONS/admin/*".length,
    );
  });
});

describe("compileRouteTable: misuse", () => {
  it("refuses two templates for the same route", () => {
    expect(() => compileRouteTable(["GET /pets/{id}", "GET /pets/{petId}"], "http")).toThrowCode(
      "invalid_route_template",
      { path: "templates[1]" },
    );
    expect(() => compileRouteTable(["/pets", "ANY /pets"], "rest")).toThrow(/same route/);
  });

  it("refuses a template that does not parse, with its index", () => {
    expect(() => compileRouteTable(["GET /pets", "get /x"], "rest")).toThrowCode(
      "invalid_route_template",
      { path: "templates[1]" },
    );
  });

  it("throws TypeError for arguments of the wrong type", () => {
    expect(() => compileRouteTable("GET /pets" as never, "rest")).toThrow(TypeError);
    expect(() => compileRouteTable([], "grpc" as never)).toThrow(TypeError);
    expect(() => compileRouteTable([42] as never, "rest")).toThrow(TypeError);
    expect(() => compileRouteTable([], "rest", { implies: "yes" as never })).toThrow(TypeError);
    expect(() => compileRouteTable([], "rest").grant("GET /x" as never)).toThrow(TypeError);
  });
});
