import type { IamAuthorizerResponse, SimpleAuthorizerResponse } from "@gatehouse/policy";
import {
  httpApiV2Event,
  restRequestEvent,
  restTokenEvent,
  webSocketConnectEvent,
} from "@gatehouse/testing";
import { describe, expect, it } from "vitest";
import type {
  AuthorizerRequest,
  AuthorizerResponse,
  RouteRequirement,
} from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { FAKE_NOW_SECONDS, fakeVerifier } from "./test-support.js";

const now = () => FAKE_NOW_SECONDS * 1000;
const STAGE = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod";

const verifier = () =>
  fakeVerifier({
    "tok.reader": { sub: "reader", scope: "pets/read" },
    "tok.writer": { sub: "writer", scope: "pets/read pets/write" },
    "tok.admin": { sub: "admin", "cognito:groups": ["ops", "admin"] },
    "tok.premium": { sub: "premium", plan: "premium" },
    "tok.none": { sub: "none" },
  });

const routes: Record<string, RouteRequirement> = {
  "GET /pets": {},
  "GET /pets/{id}": { scopes: ["pets/read"] },
  "POST /pets": { scopes: ["pets/read", "pets/write"] },
  "ANY /admin/{proxy+}": { groups: ["admin", "root"] },
  "GET /premium": { claims: ({ plan }) => plan === "premium" },
};

function resources(response: AuthorizerResponse): { allow: string[]; deny: string[] } {
  const { Statement } = (response as IamAuthorizerResponse<Record<string, unknown>>).policyDocument;
  const of = (effect: string) =>
    Statement.filter((s) => s.Effect === effect).flatMap((s) =>
      Array.isArray(s.Resource) ? s.Resource : [s.Resource],
    );
  return { allow: of("Allow"), deny: of("Deny") };
}

describe("route rules produce the identity's full allowed set", () => {
  const handler = createAuthorizer({ verifier: verifier(), now, routes });

  it("lists every route a reader may call, not only the current one", async () => {
    const response = await handler(restTokenEvent({ token: "Bearer tok.reader" }));
    expect(resources(response).allow).toEqual([`${STAGE}/GET/pets`, `${STAGE}/GET/pets/*`]);
  });

  it("requires all scopes of a route", async () => {
    const response = await handler(restTokenEvent({ token: "Bearer tok.writer" }));
    expect(resources(response).allow).toContain(`${STAGE}/POST/pets`);
  });

  it("requires any one of the groups of a route", async () => {
    const response = await handler(restTokenEvent({ token: "Bearer tok.admin" }));
    // ANY is expanded into the verbs: IAM's `*` verb would also match `GET/other/admin/x`.
    expect(resources(response).allow).toEqual([
      `${STAGE}/GET/pets`,
      ...["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].map(
        (verb) => `${STAGE}/${verb}/admin/*`,
      ),
    ]);
  });

  it("applies a claims predicate", async () => {
    const response = await handler(restTokenEvent({ token: "Bearer tok.premium" }));
    expect(resources(response).allow).toContain(`${STAGE}/GET/premium`);
  });

  it("answers an explicit Deny of the stage when nothing matches", async () => {
    const strict = createAuthorizer({
      verifier: verifier(),
      now,
      routes: { "POST /pets": { scopes: ["pets/write"] } },
    });
    const response = await strict(restTokenEvent({ token: "Bearer tok.none" }));
    expect(resources(response)).toEqual({ allow: [], deny: [`${STAGE}/*`] });
  });

  it("gives the same policy whichever route the request is for", async () => {
    const a = await handler(
      restRequestEvent({
        method: "GET",
        path: "/pets",
        headers: { Authorization: "Bearer tok.reader" },
      }),
    );
    const b = await handler(
      restRequestEvent({
        method: "DELETE",
        path: "/admin/x",
        resource: "/admin/{proxy+}",
        headers: { Authorization: "Bearer tok.reader" },
      }),
    );
    expect(resources(a)).toEqual(resources(b));
  });

  it("turns a throwing claims predicate into Unauthorized", async () => {
    const broken = createAuthorizer({
      verifier: verifier(),
      now,
      routes: {
        "GET /x": {
          claims: () => {
            throw new Error("bug");
          },
        },
      },
    });
    await expect(broken(restTokenEvent({ token: "Bearer tok.none" }))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it("treats a truthy non-boolean predicate result as not satisfied", async () => {
    const loose = createAuthorizer({
      verifier: verifier(),
      now,
      routes: { "GET /x": { claims: () => "yes" as unknown as boolean }, "GET /y": {} },
    });
    expect(resources(await loose(restTokenEvent({ token: "Bearer tok.none" }))).allow).toEqual([
      `${STAGE}/GET/y`,
    ]);
  });

  it("keeps only the templates of the event's API type ($connect for WebSocket)", async () => {
    const mixed = createAuthorizer({
      verifier: verifier(),
      now,
      routes: { $connect: {}, "GET /pets": {} },
    });
    const event = webSocketConnectEvent({ headers: { Authorization: "Bearer tok.none" } });
    expect(resources(await mixed(event)).allow).toEqual([`${STAGE}/$connect`]);
  });
});

describe("HTTP API 2.0 simple responses", () => {
  const handler = createAuthorizer({
    verifier: verifier(),
    now,
    routes,
    context: false,
    http: { simpleResponses: true, authorizerCache: "per-route" },
  });

  it("answers isAuthorized true for a route the identity may call", async () => {
    const event = httpApiV2Event({
      method: "GET",
      path: "/pets/7",
      routeKey: "GET /pets/{id}",
      headers: { authorization: "Bearer tok.reader" },
    });
    expect(await handler(event)).toEqual({ isAuthorized: true });
  });

  it("answers isAuthorized false for a route it may not call", async () => {
    const event = httpApiV2Event({
      method: "POST",
      path: "/pets",
      headers: { authorization: "Bearer tok.reader" },
    });
    expect((await handler(event)) as SimpleAuthorizerResponse).toEqual({ isAuthorized: false });
  });
});

describe("the authorize hook", () => {
  it("sees what the route table grants", async () => {
    let seen: AuthorizerRequest | undefined;
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      routes,
      authorize: (_verified, request) => {
        seen = request;
        return { allow: true };
      },
    });
    await handler(restTokenEvent({ token: "Bearer tok.reader" }));
    expect(seen?.allowedRoutes).toEqual(["GET /pets", "GET /pets/{id}"]);
    expect(seen?.shape).toBe("rest-token");
  });

  it("allow: true keeps the route table's set", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      routes,
      authorize: () => ({ allow: true }),
    });
    expect(
      resources(await handler(restTokenEvent({ token: "Bearer tok.reader" }))).allow,
    ).toHaveLength(2);
  });

  it("allow: false denies the whole stage (sync hook)", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      routes,
      authorize: () => ({ allow: false }),
    });
    expect(resources(await handler(restTokenEvent({ token: "Bearer tok.writer" })))).toEqual({
      allow: [],
      deny: [`${STAGE}/*`],
    });
  });

  it("an async hook may return its own route list, context and principalId", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      authorize: async (verified) => ({
        allow: ["GET /orders", "GET /orders/{id}"],
        context: { tenant: "t-1" },
        principalId: `tenant-1|${verified.claims.sub}`,
      }),
    });
    const response = (await handler(
      restTokenEvent({ token: "Bearer tok.none" }),
    )) as IamAuthorizerResponse;
    expect(resources(response).allow).toEqual([`${STAGE}/GET/orders`, `${STAGE}/GET/orders/*`]);
    expect(response.principalId).toBe("tenant-1|none");
    expect(response.context).toEqual({ sub: "none", tenant: "t-1" });
  });

  it("allow: stage without a route table gives the whole stage", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      authorize: () => ({ allow: "stage" }),
    });
    expect(resources(await handler(restTokenEvent({ token: "Bearer tok.none" }))).allow).toEqual([
      `${STAGE}/*`,
    ]);
  });

  it("a request-only answer covers only this method ARN", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      authorize: () => ({ allow: { requestOnly: true, authorizerTtlSeconds: 0 } }),
    });
    const response = await handler(
      restTokenEvent({ token: "Bearer tok.none", methodArn: `${STAGE}/GET/pets/7` }),
    );
    expect(resources(response).allow).toEqual([`${STAGE}/GET/pets/7`]);
  });

  it("an unusable answer is an internal error (Unauthorized)", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      authorize: () => ({ allow: "yes" }) as never,
    });
    await expect(handler(restTokenEvent({ token: "Bearer tok.none" }))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it("a rejected promise is an internal error (Unauthorized)", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      authorize: () => Promise.reject(new Error("db")),
    });
    await expect(handler(restTokenEvent({ token: "Bearer tok.none" }))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });
});
