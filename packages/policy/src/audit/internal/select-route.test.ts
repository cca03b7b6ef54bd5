import { describe, expect, it } from "vitest";
import { type ParsedRoute, parseRoute, routeIdentity, selectRoute } from "./select-route.js";

function routes(apiType: "rest" | "http", ...templates: string[]): ParsedRoute[] {
  return templates.map((template, index) => parseRoute(template, apiType, `routes[${index}]`));
}

function select(table: ParsedRoute[], method: string, path: string, apiType: "rest" | "http") {
  return selectRoute(table, method, path, apiType)?.template;
}

describe("selectRoute", () => {
  it("prefers a literal segment over {param} over {proxy+}", () => {
    for (const apiType of ["rest", "http"] as const) {
      const table = routes(apiType, "ANY /{proxy+}", "GET /pets/{id}", "GET /pets/mine");
      expect(select(table, "GET", "/pets/mine", apiType)).toBe("GET /pets/mine");
      expect(select(table, "GET", "/pets/7", apiType)).toBe("GET /pets/{id}");
      expect(select(table, "GET", "/pets/7/toys", apiType)).toBe("ANY /{proxy+}");
      expect(select(table, "GET", "/", apiType)).toBeUndefined();
    }
  });

  it("ranks segment by segment from the left", () => {
    const table = routes("http", "GET /{a}/b", "GET /a/{b}");
    expect(select(table, "GET", "/a/b", "http")).toBe("GET /a/{b}");
  });

  it("prefers the exact method over ANY on the same path", () => {
    for (const apiType of ["rest", "http"] as const) {
      const table = routes(apiType, "ANY /reports", "GET /reports");
      expect(select(table, "GET", "/reports", apiType)).toBe("GET /reports");
      expect(select(table, "DELETE", "/reports", apiType)).toBe("ANY /reports");
    }
  });

  it("REST picks the resource first: a resource without the method is no route", () => {
    const table = routes("rest", "ANY /{proxy+}", "GET /pets/{id}");
    expect(select(table, "POST", "/pets/7", "rest")).toBeUndefined();
    // An HTTP API picks among the routes that have the method.
    const http = routes("http", "ANY /{proxy+}", "GET /pets/{id}");
    expect(select(http, "POST", "/pets/7", "http")).toBe("ANY /{proxy+}");
  });

  it("REST: a bare resource path is every method", () => {
    const table = routes("rest", "/pets");
    expect(select(table, "PATCH", "/pets", "rest")).toBe("/pets");
    expect(routeIdentity(table[0] as ParsedRoute)).toBe("ANY /pets");
  });

  it("HTTP: $default takes what no route does", () => {
    const table = routes("http", "GET /pets", "$default");
    expect(select(table, "POST", "/pets", "http")).toBe("$default");
    expect(select(table, "GET", "/anything/else", "http")).toBe("$default");
    expect(select(table, "GET", "/pets", "http")).toBe("GET /pets");
  });

  it("serves the seven verbs only, and a greedy parameter needs a segment", () => {
    const table = routes("http", "ANY /files/{proxy+}");
    expect(select(table, "TRACE", "/files/a", "http")).toBeUndefined();
    expect(select(table, "GET", "/files", "http")).toBeUndefined();
    expect(select(table, "GET", "/files/a/b/c", "http")).toBe("ANY /files/{proxy+}");
  });

  it("treats parameter names as irrelevant to identity", () => {
    const [a, b] = routes("rest", "GET /pets/{id}", "GET /pets/{petId}");
    expect(routeIdentity(a as ParsedRoute)).toBe(routeIdentity(b as ParsedRoute));
  });

  it("refuses * as a route", () => {
    expect(() => parseRoute("*", "rest", "routes[0]")).toThrow(TypeError);
  });
});
