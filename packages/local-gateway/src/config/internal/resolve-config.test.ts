import { describe, expect, it } from "vitest";
import { resolveConfig } from "./resolve-config.js";

const handler = () => ({ statusCode: 200 });

describe("resolveConfig", () => {
  it("refuses a TTL above 3600 s", () => {
    expect(() =>
      resolveConfig({
        apis: [
          {
            type: "REST",
            authorizers: { a: { type: "TOKEN", handler, resultTtlInSeconds: 3601 } },
            routes: [],
          },
        ],
      }),
    ).toThrowCode("invalid_config", { path: "apis[0].authorizers.a.resultTtlInSeconds" });
  });

  it("refuses caching without identity sources", () => {
    expect(() =>
      resolveConfig({
        apis: [
          {
            type: "REST",
            authorizers: { a: { type: "REQUEST", handler, identitySources: [] } },
            routes: [],
          },
        ],
      }),
    ).toThrowCode("invalid_config", { path: "apis[0].authorizers.a.identitySources" });
  });

  it("refuses identity sources written for another API type", () => {
    expect(() =>
      resolveConfig({
        apis: [
          {
            type: "HTTP",
            authorizers: {
              a: {
                type: "REQUEST",
                handler,
                identitySources: ["method.request.header.Authorization"],
              },
            },
            routes: [],
          },
        ],
      }),
    ).toThrowCode("invalid_config", { path: "apis[0].authorizers.a.identitySources[0]" });
  });

  it("refuses unknown authorizers, TOKEN on HTTP APIs and a malformed resource policy", () => {
    expect(() =>
      resolveConfig({
        apis: [
          {
            type: "REST",
            routes: [{ method: "GET", resource: "/", auth: { authorizer: "x" }, handler }],
          },
        ],
      }),
    ).toThrowCode("invalid_config");
    expect(() =>
      resolveConfig({
        apis: [{ type: "HTTP", authorizers: { t: { type: "TOKEN", handler } }, routes: [] }],
      }),
    ).toThrowCode("invalid_config");
    expect(() =>
      resolveConfig({
        apis: [{ type: "REST", resourcePolicy: { Statement: "nope" } as never, routes: [] }],
      }),
    ).toThrowCode("invalid_config");
  });

  it("requires an explicit identity policy (null for none) on IAM credentials", () => {
    expect(() =>
      resolveConfig({
        apis: [{ type: "HTTP", routes: [] }],
        credentials: [
          {
            accessKeyId: "A",
            secretAccessKey: "s",
            principalArn: "arn:aws:iam::123456789012:user/a",
          } as never,
        ],
      }),
    ).toThrowCode("invalid_config", { path: "credentials[0].policy" });
  });
});

describe("resolveConfig: every field is checked with a typed error naming it", () => {
  it("names a REST route without resource (it used to leak TypeError: reading 'startsWith')", () => {
    expect(() =>
      resolveConfig({
        apis: [{ type: "REST", routes: [{ method: "GET", auth: "NONE", handler }] }],
      } as never),
    ).toThrowCode("invalid_config", {
      name: "LocalGatewayError",
      path: "apis[0].routes[0].resource",
      message:
        "apis[0].routes[0].resource is required for REST routes (a resource path such as /pets/{id})",
    });
  });

  it.each([
    [{ apis: [{ type: "REST", basePath: 7, routes: [] }] }, "apis[0].basePath"],
    [
      { apis: [{ type: "HTTP", routes: [{ auth: "NONE", handler }] }] },
      "apis[0].routes[0].routeKey",
    ],
    [{ apis: [{ type: "HTTP", routes: "GET /" }] }, "apis[0].routes"],
    [{ apis: [{ type: "REST", authorizers: [], routes: [] }] }, "apis[0].authorizers"],
    [
      { apis: [{ type: "REST", stageVariables: { a: 1 }, routes: [] }] },
      "apis[0].stageVariables.a",
    ],
    [{ apis: [{ type: "REST", endpointType: "LOCAL", routes: [] }] }, "apis[0].endpointType"],
    [{ apis: [{ type: "REST", name: 5, routes: [] }] }, "apis[0].name"],
    [
      {
        apis: [
          {
            type: "REST",
            authorizers: { a: { type: "REQUEST", handler, identitySources: "x" } },
            routes: [],
          },
        ],
      },
      "apis[0].authorizers.a.identitySources",
    ],
    [
      {
        apis: [
          {
            type: "HTTP",
            routes: [{ routeKey: "GET /", auth: "NONE", handler, payloadFormatVersion: "3.0" }],
          },
        ],
      },
      "apis[0].routes[0].payloadFormatVersion",
    ],
    [
      {
        apis: [
          {
            type: "REST",
            routes: [
              { method: "GET", resource: "/", auth: { authorizer: "a", scopes: "x" }, handler },
            ],
          },
        ],
      },
      "apis[0].routes[0].auth",
    ],
    [{ apis: [{ type: "REST", routes: [] }], region: 42 }, "region"],
    [{ apis: [{ type: "REST", routes: [] }], accountId: 123456789012 }, "accountId"],
  ])("names the field of %j", (config, path) => {
    expect(() => resolveConfig(config as never)).toThrowCode("invalid_config", {
      name: "LocalGatewayError",
      path: expect.toSatisfy((actual: unknown) => String(actual).startsWith(path)),
    });
  });
});
