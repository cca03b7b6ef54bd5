import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { matchesWildcard } from "../wildcard/wildcard.js";
import { type ApiType, routeTemplateToArn } from "./route-template.js";

const base = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "abc123",
  stage: "prod",
} as const;
const prefix = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/";

describe("routeTemplateToArn", () => {
  it.each<[string, ApiType, string, boolean]>([
    ["GET /pets", "http", "GET/pets", false],
    ["GET /pets/{id}", "http", "GET/pets/*", true],
    ["GET /pets/{id}/toys", "rest", "GET/pets/*/toys", true],
    ["POST /files/{proxy+}", "rest", "POST/files/*", false],
    ["ANY /admin/{proxy+}", "http", "*/admin/*", true],
    ["GET /", "rest", "GET/", false],
    ["/pets", "rest", "*/pets", true],
    ["$default", "http", "*", true],
    ["*", "http", "*/*", false],
    ["*", "rest", "*/*", false],
    ["*", "websocket", "*", false],
    ["$connect", "websocket", "$connect", false],
    ["$disconnect", "websocket", "$disconnect", false],
    ["$default", "websocket", "$default", false],
    ["sendMessage", "websocket", "sendMessage", false],
  ])("compiles %s (%s)", (template, apiType, tail, overMatch) => {
    expect(routeTemplateToArn(template, base, apiType)).toMatchObject({
      pattern: prefix + tail,
      overMatch,
    });
  });

  it("warns with a concrete deeper path for a mid-path parameter", () => {
    const { warnings } = routeTemplateToArn("GET /pets/{id}/toys", base, "rest");
    expect(warnings).toEqual([expect.stringContaining("pets/a/b/toys")]);
  });

  it("warns that a final single-segment parameter also matches deeper paths", () => {
    const { warnings } = routeTemplateToArn("GET /pets/{id}", base, "rest");
    expect(warnings).toEqual([expect.stringContaining("pets/a/b")]);
  });

  it("gives one warning per widening parameter, each with a concrete example", () => {
    const { warnings } = routeTemplateToArn("GET /a/{b}/{c}/d", base, "rest");
    expect(warnings).toEqual([
      expect.stringContaining("a/a/b/x/d"),
      expect.stringContaining("a/x/a/b/d"),
    ]);
  });

  it("gives no warning for an exact template", () => {
    expect(routeTemplateToArn("GET /pets/{proxy+}", base, "rest").warnings).toEqual([]);
  });

  it("reports over-match truthfully: the pattern matches a path the template does not", () => {
    const { pattern } = routeTemplateToArn("GET /pets/{id}/toys", base, "rest");
    expect(matchesWildcard(pattern, `${prefix}GET/pets/a/b/toys`)).toBe(true);
  });

  it("reports the ANY verb as over-matching, since * crosses /", () => {
    const { pattern } = routeTemplateToArn("ANY /admin/{proxy+}", base, "http");
    expect(matchesWildcard(pattern, `${prefix}GET/public/admin/x`)).toBe(true);
  });

  it("produces patterns that match the method ARNs of their own routes", () => {
    expect(
      matchesWildcard(
        routeTemplateToArn("GET /pets/{id}", base, "rest").pattern,
        `${prefix}GET/pets/42`,
      ),
    ).toBe(true);
  });

  it("warns when the pattern exceeds 512 characters", () => {
    const template = `GET /${"a".repeat(500)}`;
    expect(routeTemplateToArn(template, base, "rest").warnings).toEqual([
      expect.stringContaining("512"),
    ]);
  });

  it("uses the base partition", () => {
    const china = { ...base, partition: "aws-cn", region: "cn-north-1" } as const;
    expect(routeTemplateToArn("GET /", china, "rest").pattern).toBe(
      "arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/prod/GET/",
    );
  });

  it.each<[string, string, ApiType]>([
    ["an empty template", "", "rest"],
    ["a bad verb", "FETCH /pets", "http"],
    ["a lower-case verb", "get /pets", "http"],
    ["a verb without a path", "GET", "http"],
    ["two spaces", "GET  /pets", "http"],
    ["a path without a leading slash", "GET pets", "http"],
    ["an unclosed brace", "GET /pets/{id", "rest"],
    ["an unopened brace", "GET /pets/id}", "rest"],
    ["a partial parameter", "GET /pets/{id}.json", "rest"],
    ["an empty parameter", "GET /pets/{}", "rest"],
    ["a greedy parameter not last", "GET /{proxy+}/x", "http"],
    ["an empty segment", "GET /pets//toys", "rest"],
    ["a trailing slash", "GET /pets/", "rest"],
    ["a wildcard in a literal", "GET /pets/*", "rest"],
    ["whitespace in a literal", "GET /pets /x", "rest"],
    ["a bare path for an HTTP API", "/pets", "http"],
    ["$default for a REST API", "$default", "rest"],
    ["an unknown $ route key", "$connected", "websocket"],
    ["a WebSocket key with whitespace", "send message", "websocket"],
    ["a WebSocket key with a wildcard", "send*", "websocket"],
  ])("rejects %s with invalid_route_template and the path", (_name, template, apiType) => {
    expect(() => routeTemplateToArn(template, base, apiType, "routes[3]")).toThrowCode(
      "invalid_route_template",
      { path: "routes[3]" },
    );
  });

  it('reports the path "template" when the caller gives none', () => {
    expect(() => routeTemplateToArn("", base, "rest")).toThrowCode("invalid_route_template", {
      path: "template",
    });
  });

  it("suggests the upper-case verb", () => {
    expect(() => routeTemplateToArn("get /pets", base, "http")).toThrowCode(
      "invalid_route_template",
      { message: expect.stringContaining("write GET") },
    );
  });

  it("rejects a malformed base stage with invalid_arn at base.stage", () => {
    expect(() => routeTemplateToArn("GET /", { ...base, stage: "a/b" }, "rest")).toThrowCode(
      "invalid_arn",
      { path: "base.stage" },
    );
  });

  it("throws TypeError for an unknown API type", () => {
    expect(() => routeTemplateToArn("GET /", base, "graphql" as ApiType)).toThrow(TypeError);
  });

  it("throws TypeError for a non-string template", () => {
    expect(() => routeTemplateToArn(1 as unknown as string, base, "rest")).toThrow(TypeError);
  });

  it("throws only PolicyError on arbitrary templates", () => {
    const unit = fc.constantFrom(..."GETANY {}+/*?$ ab\t".split(""));
    const apiType = fc.constantFrom<ApiType>("rest", "http", "websocket");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), apiType, (template, type) => {
        try {
          routeTemplateToArn(template, base, type);
        } catch (error) {
          if (!isPolicyError(error) || error.code !== "invalid_route_template") throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("compiles generated valid templates to patterns matching a concrete request of the route", () => {
    const segment = fc.oneof(
      fc.stringMatching(/^[a-z0-9_-]{1,8}$/).map((text) => ({ template: text, request: text })),
      fc.stringMatching(/^[a-z]{1,6}$/).map((name) => ({ template: `{${name}}`, request: "v1" })),
    );
    const route = fc.tuple(
      fc.constantFrom("GET", "POST", "DELETE"),
      fc.array(segment, { maxLength: 5 }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(route, ([verb, segments, greedy]) => {
        const templatePath = segments.map((s) => s.template);
        const requestPath = segments.map((s) => s.request);
        if (greedy) {
          templatePath.push("{proxy+}");
          requestPath.push("a/b/c");
        }
        const { pattern } = routeTemplateToArn(`${verb} /${templatePath.join("/")}`, base, "rest");
        expect(matchesWildcard(pattern, `${prefix}${verb}/${requestPath.join("/")}`)).toBe(true);
      }),
    );
  });
});
