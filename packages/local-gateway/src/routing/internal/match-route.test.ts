import { compileRouteTable } from "@gatehouse/policy";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../config/internal/resolve-config.js";
import type { ResolvedApi } from "../../config/internal/resolved-api.js";
import { matchApi, matchRoute } from "./match-route.js";

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

describe("matchRoute agrees with @gatehouse/policy's route selection (compileRouteTable)", () => {
  const LITERALS = ["pets", "a", "mine"];
  // REST resources are a tree: one parameter name per position (API Gateway refuses siblings
  // `/{id}` and `/{name}`); HTTP API routes may name them as they like.
  const route = (type: "REST" | "HTTP") =>
    fc.record({
      method: fc.constantFrom("GET", "POST", "ANY", "DELETE"),
      segments: fc.array(
        fc.oneof(
          fc.constantFrom(...LITERALS),
          type === "REST" ? fc.constant("{id}") : fc.constantFrom("{id}", "{name}"),
        ),
        { maxLength: 3 },
      ),
      greedy: fc.boolean(),
    });
  const shape = (r: { method: string; segments: string[]; greedy: boolean }) =>
    `${r.method} ${r.segments.map((s) => (s.startsWith("{") ? "{}" : s)).join("/")}${r.greedy ? "+" : ""}`;
  const path = fc
    .array(fc.constantFrom(...LITERALS, "7", "x", ""), { maxLength: 5 })
    .map((parts) => `/${parts.join("/")}`);

  it.each(["REST", "HTTP"] as const)("for random %s tables and paths", (type) => {
    fc.assert(
      fc.property(
        fc.uniqueArray(route(type), { minLength: 1, maxLength: 8, selector: shape }),
        fc.boolean(),
        fc.array(fc.tuple(fc.constantFrom("GET", "POST", "PUT", "DELETE", "HEAD"), path), {
          minLength: 1,
          maxLength: 20,
        }),
        (routes, withDefault, requests) => {
          const templates = routes.map(
            (r) => `${r.method} /${[...r.segments, ...(r.greedy ? ["{proxy+}"] : [])].join("/")}`,
          );
          if (type === "HTTP" && withDefault) templates.push("$default");
          const api = resolveConfig({
            apis: [
              type === "REST"
                ? {
                    type,
                    routes: templates.map((template) => {
                      const [method, resource] = template.split(" ") as [string, string];
                      return { method, resource, auth: "NONE" as const, handler };
                    }),
                  }
                : {
                    type,
                    routes: templates.map((routeKey) => ({
                      routeKey,
                      auth: "NONE" as const,
                      handler,
                    })),
                  },
            ],
          }).apis[0] as ResolvedApi;
          const table = compileRouteTable(templates, type === "REST" ? "rest" : "http");
          for (const [method, requestPath] of requests) {
            expect(matchRoute(api, method, requestPath)?.routeKey, `${method} ${requestPath}`).toBe(
              table.routeOf(method, requestPath),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
