import { describe, expect, it } from "vitest";
import { matchApi, matchRoute } from "./match-route.js";
import { type ResolvedApi, resolveConfig } from "./resolve-config.js";

const handler = () => ({ statusCode: 200 });

function rest(): ResolvedApi {
  return resolveConfig({
    apis: [
      {
        type: "REST",
        routes: [
          { method: "GET", resource: "/", auth: "NONE", handler },
          { method: "GET", resource: "/pets", auth: "NONE", handler },
          { method: "GET", resource: "/pets/{id}", auth: "NONE", handler },
          { method: "GET", resource: "/pets/mine", auth: "NONE", handler },
          { method: "ANY", resource: "/{proxy+}", auth: "NONE", handler },
          { method: "POST", resource: "/orders", auth: "NONE", handler },
        ],
      },
    ],
  }).apis[0] as ResolvedApi;
}

function http(): ResolvedApi {
  return resolveConfig({
    apis: [
      {
        type: "HTTP",
        routes: [
          { routeKey: "GET /pets/{id}", auth: "NONE", handler },
          { routeKey: "ANY /pets/{id}", auth: "NONE", handler },
          { routeKey: "GET /files/{proxy+}", auth: "NONE", handler },
          { routeKey: "$default", auth: "NONE", handler },
        ],
      },
    ],
  }).apis[0] as ResolvedApi;
}

describe("matchRoute", () => {
  it.each([
    ["GET", "/", "GET /"],
    ["GET", "/pets/mine", "GET /pets/mine"],
    ["GET", "/pets/7", "GET /pets/{id}"],
    ["DELETE", "/a/b/c", "ANY /{proxy+}"],
  ])("REST %s %s -> %s", (method, path, routeKey) => {
    expect(matchRoute(rest(), method, path)?.routeKey).toBe(routeKey);
  });

  it("REST: the most specific resource without the method does not fall back (403)", () => {
    expect(matchRoute(rest(), "GET", "/orders")).toBeUndefined();
  });

  it.each([
    ["GET", "/pets/1", "GET /pets/{id}"],
    ["PUT", "/pets/1", "ANY /pets/{id}"],
    ["GET", "/files/a/b", "GET /files/{proxy+}"],
    ["GET", "/files", "$default"],
    ["POST", "/x", "$default"],
  ])("HTTP %s %s -> %s", (method, path, routeKey) => {
    expect(matchRoute(http(), method, path)?.routeKey).toBe(routeKey);
  });

  it.each(["PROPFIND", "ACL", "TRACE"])(
    "a verb API Gateway does not serve (%s) matches no route, not even ANY or $default",
    (method) => {
      expect(matchRoute(rest(), method, "/a/b")).toBeUndefined();
      expect(matchRoute(http(), method, "/pets/1")).toBeUndefined();
    },
  );
});

describe("matchApi", () => {
  it("takes the longest mount prefix", () => {
    const { apis } = resolveConfig({
      apis: [
        { type: "HTTP", routes: [] },
        { type: "REST", basePath: "/rest", routes: [] },
      ],
    });
    expect(matchApi(apis, "/rest/dev/pets")).toMatchObject({
      path: "/pets",
      api: { type: "REST" },
    });
    expect(matchApi(apis, "/restless")).toMatchObject({ path: "/restless", api: { type: "HTTP" } });
  });
});
