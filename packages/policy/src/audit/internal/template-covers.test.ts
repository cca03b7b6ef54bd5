import { describe, expect, it } from "vitest";
import { parseRoute } from "./select-route.js";
import { templateCovers } from "./template-covers.js";

const covers = (template: string, route: string) =>
  templateCovers(parseRoute(template, "http", "t"), parseRoute(route, "http", "r"));

describe("templateCovers", () => {
  it.each([
    ["GET /pets/{id}", "GET /pets/{petId}", true],
    ["GET /pets/{id}", "GET /pets/mine", true],
    ["GET /pets/mine", "GET /pets/{id}", false],
    ["GET /pets/{id}", "GET /pets/{id}/toys", false],
    ["GET /pets/{id}", "GET /pets/{proxy+}", false],
    ["ANY /pets", "DELETE /pets", true],
    ["GET /pets", "ANY /pets", false],
    ["ANY /admin/{proxy+}", "GET /admin/users/{id}", true],
    ["ANY /admin/{proxy+}", "GET /admin", false],
    ["ANY /admin/{proxy+}", "GET /admin/{proxy+}", true],
    ["$default", "$default", true],
    ["$default", "GET /pets", false],
  ])("%s covers %s: %s", (template, route, expected) => {
    expect(covers(template, route)).toBe(expected);
  });
});

describe("routeTemplateCovers", () => {
  it("reads REST bare paths as ANY, * as everything, and refuses bad templates", async () => {
    const { routeTemplateCovers } = await import("../route-template-covers.js");
    expect(routeTemplateCovers("/pets", "DELETE /pets", "rest")).toBe(true);
    expect(routeTemplateCovers("*", "GET /anything/{proxy+}", "rest")).toBe(true);
    expect(() => routeTemplateCovers("GET pets", "GET /pets", "rest")).toThrow(
      /method must be followed/,
    );
  });
});
