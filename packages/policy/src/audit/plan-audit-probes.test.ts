import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { planAuditProbes } from "./plan-audit-probes.js";

describe("planAuditProbes", () => {
  it("a sample per {param}, two segments for {proxy+}, the literal path as is", () => {
    expect(
      planAuditProbes(["GET /", "GET /pets/{id}/toys/{toyId}", "POST /files/{proxy+}"], "rest")
        .probes,
    ).toEqual([
      { route: "GET /", method: "GET", path: "/" },
      { route: "GET /pets/{id}/toys/{toyId}", method: "GET", path: "/pets/1/toys/1" },
      { route: "POST /files/{proxy+}", method: "POST", path: "/files/a/b" },
    ]);
  });

  it("picks another sample when a literal route would take the first one", () => {
    const plan = planAuditProbes(["GET /pets/1", "GET /pets/{id}"], "http");
    expect(plan.probes.map((probe) => probe.path)).toEqual(["/pets/1", "/pets/2"]);
    expect(plan.warnings).toEqual([]);
  });

  it("ANY: one probe per method the route receives", () => {
    const plan = planAuditProbes(["ANY /reports", "GET /reports", "POST /reports"], "rest");
    expect(plan.probes.filter((p) => p.route === "ANY /reports").map((p) => p.method)).toEqual([
      "PUT",
      "PATCH",
      "DELETE",
      "HEAD",
      "OPTIONS",
    ]);
  });

  it("samplePaths: a path takes the route's methods, METHOD /path its own", () => {
    const plan = planAuditProbes(
      [{ route: "GET /pets/{id}", samplePaths: ["/pets/42", "GET /pets/7"] }],
      "http",
    );
    expect(plan.probes.map((probe) => `${probe.method} ${probe.path}`)).toEqual([
      "GET /pets/1",
      "GET /pets/42",
      "GET /pets/7",
    ]);
  });

  it("warns about a route no generated request reaches", () => {
    const plan = planAuditProbes(
      ["ANY /x", "GET /x", "POST /x", "PUT /x", "PATCH /x", "DELETE /x", "HEAD /x", "OPTIONS /x"],
      "http",
    );
    expect(plan.warnings).toEqual([
      "ANY /x: no generated request reaches this route (other routes take them); add samplePaths",
    ]);
    expect(plan.probes).toHaveLength(7);
  });

  it("refuses a malformed sample, a duplicate route, a bad template", () => {
    expect(() => planAuditProbes([{ route: "GET /a", samplePaths: ["a b"] }], "rest")).toThrow(
      TypeError,
    );
    expect(() => planAuditProbes([{ route: "GET /a", samplePaths: ["TRACE /a"] }], "rest")).toThrow(
      /TRACE is not one of/,
    );
    expect(() => planAuditProbes(["GET /a/{x}", "GET /a/{y}"], "rest")).toThrow(/listed twice/);
    try {
      planAuditProbes(["get /a"], "rest");
      expect.unreachable();
    } catch (error) {
      expect(isPolicyError(error) && error.code).toBe("invalid_route_template");
    }
  });
});
