import type { IamAuthorizerResponse } from "@gatehouse/policy";
import { httpApiV2Event, restTokenEvent } from "@gatehouse/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import type {
  AuthorizerOptions,
  AuthorizerResponse,
  AuthorizerWarning,
} from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { createHttpApiAuthorizer } from "./create-http-api-authorizer.js";
import { FAKE_NOW_SECONDS, fakeVerifier } from "./test-support.js";

const now = () => FAKE_NOW_SECONDS * 1000;
const STAGE = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod";

const verifier = () =>
  fakeVerifier({
    "tok.owner": { sub: "owner" },
    "tok.vet": { sub: "vet", "cognito:groups": ["vet"] },
  });

const routes = {
  "GET /pets/{id}": {},
  "GET /pets/{id}/medical-records": { groups: ["vet"] },
  "ANY /reports": {},
  "GET /admin/reports": { groups: ["admin"] },
};

function statements(response: AuthorizerResponse): { allow: string[]; deny: string[] } {
  const { Statement } = (response as IamAuthorizerResponse).policyDocument;
  const of = (effect: string) =>
    Statement.filter((s) => s.Effect === effect).flatMap((s) =>
      Array.isArray(s.Resource) ? s.Resource : [s.Resource],
    );
  return { allow: of("Allow"), deny: of("Deny") };
}

function v2(token: string, routeKey: string, path: string, method = "GET") {
  return httpApiV2Event({ method, path, routeKey, headers: { authorization: `Bearer ${token}` } });
}

afterEach(() => vi.restoreAllMocks());

describe("warnings at construction (hooks.onWarning)", () => {
  // The Allow of GET /pets/{id} (.../GET/pets/*) covers GET /pets/1/a, so an identity without
  // the scope gets a Deny of .../GET/pets/*/a, which also matches GET /pets/1/x/a of the deeper
  // route that identity may call.
  const inexact = {
    "GET /pets/{id}": {},
    "GET /pets/{id}/a": { scopes: ["pets/read"] },
    "GET /pets/{id}/{part}/a": {},
  };

  it("reports where IAM globbing cannot express the table, with the routes and a sample", () => {
    const warnings: AuthorizerWarning[] = [];
    createAuthorizer({
      verifier: verifier(),
      routes: inexact,
      hooks: { onWarning: (warning) => warnings.push(warning) },
    });
    // createAuthorizer serves REST and HTTP APIs: one table (and warning) per API type.
    expect(warnings.map((w) => [w.code, w.apiType, w.route])).toEqual([
      ["inexact_route_table", "rest", "GET /pets/{id}/a"],
      ["inexact_route_table", "http", "GET /pets/{id}/a"],
    ]);
    const detail = warnings[0]?.detail;
    expect(detail?.allowedBy).toEqual(["GET /pets/{id}"]);
    expect(detail?.refuses).toEqual([
      { denied: "GET /pets/{id}/a", route: "GET /pets/{id}/{part}/a", request: "GET /pets/x/x/a" },
    ]);
    expect(warnings[0]?.message).toContain("GET /pets/x/x/a");
  });

  it("writes one console.warn line per warning without a hook", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    createHttpApiAuthorizer({ verifier: verifier(), routes: inexact });
    expect(warn).toHaveBeenCalled();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[gatehouse\] inexact_route_table: /);
  });

  it("stays silent for an exact table", () => {
    const onWarning = vi.fn();
    createAuthorizer({ verifier: verifier(), routes, hooks: { onWarning } });
    expect(onWarning).not.toHaveBeenCalled();
  });

  it("knows that requirements can imply each other: a route anyone may call needs no warning", () => {
    const onWarning = vi.fn();
    createAuthorizer({
      verifier: verifier(),
      routes: { "GET /pets/{id}": {}, "GET /pets/{id}/{part}/a": {}, "GET /pets/{id}/a": {} },
      hooks: { onWarning },
    });
    expect(onWarning).not.toHaveBeenCalled();
  });

  it("warns when the largest policy leaves little room for the context", () => {
    const onWarning = vi.fn();
    const near = Object.fromEntries(
      Array.from({ length: 85 }, (_, i) => [`GET /inventory/warehouse-${i}/{id}`, {}]),
    );
    createAuthorizer({ verifier: verifier(), routes: near, hooks: { onWarning } });
    expect(onWarning).toHaveBeenCalledWith(
      expect.objectContaining({ code: "policy_near_size_limit", apiType: "rest" }),
    );
  });

  it("ignores a hook that throws", () => {
    expect(() =>
      createAuthorizer({
        verifier: verifier(),
        routes: inexact,
        hooks: {
          onWarning: () => {
            throw new Error("boom");
          },
        },
      }),
    ).not.toThrow();
  });

  it("refuses an onWarning that is not a function", () => {
    expect(() =>
      createAuthorizer({
        verifier: verifier(),
        hooks: { onWarning: "log" } as unknown as NonNullable<AuthorizerOptions["hooks"]>,
      }),
    ).toThrow(/hooks.onWarning must be a function/);
  });
});

describe("misuse at construction", () => {
  it("refuses two templates for the same route", () => {
    expect(() =>
      createAuthorizer({
        verifier: verifier(),
        routes: { "GET /pets/{id}": {}, "GET /pets/{petId}": { groups: ["vet"] } },
      }),
    ).toThrow(/routes: "GET \/pets\/\{petId\}" is the same route as/);
  });

  it("refuses a Resource ARN over 512 characters", () => {
    expect(() =>
      createAuthorizer({ verifier: verifier(), routes: { [`GET /${"a".repeat(470)}`]: {} } }),
    ).toThrow(/512/);
  });
});

describe("simple responses decide on the exact route key", () => {
  const simple = () =>
    createHttpApiAuthorizer({
      verifier: verifier(),
      now,
      routes,
      context: false,
      http: { simpleResponses: true, authorizerCache: "per-route" },
    });

  it("refuses a deeper route that the allowed route's ARN pattern would glob", async () => {
    // routeArn .../GET/pets/42/medical-records matches .../GET/pets/*: the ARN cannot decide.
    const event = v2("tok.owner", "GET /pets/{id}/medical-records", "/pets/42/medical-records");
    expect(await simple()(event)).toEqual({ isAuthorized: false });
  });

  it("allows the satisfied routes, whatever the API names its parameters", async () => {
    const h = simple();
    expect(await h(v2("tok.owner", "GET /pets/{id}", "/pets/42"))).toEqual({ isAuthorized: true });
    expect(await h(v2("tok.owner", "GET /pets/{petId}", "/pets/42"))).toEqual({
      isAuthorized: true,
    });
    expect(
      await h(v2("tok.vet", "GET /pets/{id}/medical-records", "/pets/4/medical-records")),
    ).toEqual({ isAuthorized: true });
    expect(await h(v2("tok.owner", "ANY /reports", "/reports", "DELETE"))).toEqual({
      isAuthorized: true,
    });
  });

  it("refuses a route key that is not in the table", async () => {
    const h = simple();
    expect(await h(v2("tok.owner", "$default", "/anything"))).toEqual({ isAuthorized: false });
    expect(await h(v2("tok.owner", "GET /admin/reports", "/admin/reports"))).toEqual({
      isAuthorized: false,
    });
  });

  it("requires the caching to be stated with a routes table or an authorize hook", () => {
    expect(() =>
      createHttpApiAuthorizer({ verifier: verifier(), routes, http: { simpleResponses: true } }),
    ).toThrow(/\$context\.routeKey[\s\S]*http\.authorizerCache/);
    expect(() =>
      createHttpApiAuthorizer({
        verifier: verifier(),
        authorize: () => ({ allow: true }),
        http: { simpleResponses: true },
      }),
    ).toThrow(TypeError);
    // Without either, every valid token gets every route: nothing depends on the route.
    expect(() =>
      createHttpApiAuthorizer({ verifier: verifier(), http: { simpleResponses: true } }),
    ).not.toThrow();
    expect(() =>
      createHttpApiAuthorizer({
        verifier: verifier(),
        routes,
        http: { simpleResponses: true, authorizerCache: "off" },
      }),
    ).not.toThrow();
  });

  it("refuses authorizerCache without simple responses, and unknown values", () => {
    expect(() =>
      createHttpApiAuthorizer({ verifier: verifier(), http: { authorizerCache: "off" } }),
    ).toThrow(/simpleResponses/);
    expect(() =>
      createHttpApiAuthorizer({
        verifier: verifier(),
        http: { simpleResponses: true, authorizerCache: "always" as "off" },
      }),
    ).toThrow(/"per-route" or "off"/);
  });
});

describe("the authorize hook's templates", () => {
  it("get the exact treatment when they are routes of the table", async () => {
    const h = createAuthorizer({
      verifier: verifier(),
      now,
      routes,
      authorize: () => ({ allow: ["GET /pets/{petId}"] }),
    });
    const { allow, deny } = statements(await h(restTokenEvent({ token: "Bearer tok.vet" })));
    expect(allow).toEqual([`${STAGE}/GET/pets/*`]);
    expect(deny).toEqual([`${STAGE}/GET/pets/*/medical-records`]);
  });

  it("keep today's pattern outside the table, with a warning once, and table routes stay denied", async () => {
    const onWarning = vi.fn();
    const h = createAuthorizer({
      verifier: verifier(),
      now,
      routes,
      authorize: () => ({ allow: ["ANY /pets/{proxy+}"] }),
      hooks: { onWarning },
    });
    const first = statements(await h(restTokenEvent({ token: "Bearer tok.owner" })));
    await h(restTokenEvent({ token: "Bearer tok.vet" }));
    expect(first.allow).toEqual([`${STAGE}/*/pets/*`]);
    // Requests routed to table routes the identity does not hold stay denied.
    expect(first.deny).toEqual([`${STAGE}/GET/pets/*`, `${STAGE}/GET/pets/*/medical-records`]);
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(onWarning).toHaveBeenCalledWith(
      expect.objectContaining({ code: "route_outside_table", route: "ANY /pets/{proxy+}" }),
    );
  });

  it('allow the whole stage with "stage", without any Deny', async () => {
    const h = createAuthorizer({
      verifier: verifier(),
      now,
      routes,
      authorize: () => ({ allow: "stage" }),
    });
    expect(statements(await h(restTokenEvent({ token: "Bearer tok.owner" })))).toEqual({
      allow: [`${STAGE}/*`],
      deny: [],
    });
  });
});
