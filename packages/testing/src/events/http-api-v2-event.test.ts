import { parseExecuteApiArn } from "@gatehouse/policy";
import { describe, expect, it } from "vitest";
import { httpApiV2Event } from "./http-api-v2-event.js";

// Shape of a real HTTP API payload 2.0 authorizer event (own values): no cookies, no pathParameters.
const FIXTURE = {
  version: "2.0",
  type: "REQUEST",
  routeArn: "arn:aws:execute-api:eu-west-1:123456789012:k3x9m2p7qa/$default/POST/orders",
  identitySource: ["Bearer example-token"],
  routeKey: "POST /orders",
  rawPath: "/orders",
  rawQueryString: "",
  headers: { authorization: "Bearer example-token" },
  requestContext: {
    accountId: "123456789012",
    apiId: "k3x9m2p7qa",
    domainName: "k3x9m2p7qa.execute-api.eu-west-1.amazonaws.com",
    domainPrefix: "k3x9m2p7qa",
    http: {
      method: "POST",
      path: "/orders",
      protocol: "HTTP/1.1",
      sourceIp: "203.0.113.9",
      userAgent: "curl/8.7.1",
    },
    requestId: "Zk9aQ1xYFiAEKxw=",
    routeKey: "POST /orders",
    stage: "$default",
    time: "03/Mar/2025:09:14:05 +0000",
    timeEpoch: 1740993245000,
  },
};
const FIXTURE_HEADER_NAMES = [
  "accept",
  "accept-encoding",
  "authorization",
  "content-length",
  "host",
  "user-agent",
  "x-amzn-trace-id",
  "x-forwarded-for",
  "x-forwarded-port",
  "x-forwarded-proto",
];
const keys = (value: object) => Object.keys(value).sort();

describe("httpApiV2Event", () => {
  it("has the top-level keys of a real payload 2.0 event", () => {
    expect(keys(httpApiV2Event({ method: "POST", path: "/orders", token: "Bearer t" }))).toEqual(
      keys(FIXTURE),
    );
  });

  it("has the request-context and http keys of a real payload 2.0 event", () => {
    const { requestContext } = httpApiV2Event();
    expect(keys(requestContext)).toEqual(keys(FIXTURE.requestContext));
    expect(keys(requestContext.http)).toEqual(keys(FIXTURE.requestContext.http));
  });

  it("sends lower-case headers", () => {
    const event = httpApiV2Event({ token: "Bearer t", headers: { "X-Tenant": "acme" } });
    expect(keys(event.headers ?? {})).toEqual([...FIXTURE_HEADER_NAMES, "x-tenant"].sort());
  });

  it("joins repeated query keys with commas and repeats them in rawQueryString", () => {
    const event = httpApiV2Event({ query: { parameter1: ["value1", "value2"], q: "a b" } });
    expect(event.queryStringParameters).toEqual({ parameter1: "value1,value2", q: "a b" });
    expect(event.rawQueryString).toBe("parameter1=value1&parameter1=value2&q=a%20b");
  });

  it("joins a repeated header with commas", () => {
    expect(httpApiV2Event({ headers: { "x-tenant": ["a", "b"] } }).headers?.["x-tenant"]).toBe(
      "a,b",
    );
  });

  it("leaves out identitySource, cookies, query, pathParameters and stageVariables when empty", () => {
    const event = httpApiV2Event();
    for (const key of [
      "identitySource",
      "cookies",
      "queryStringParameters",
      "pathParameters",
      "stageVariables",
    ]) {
      expect(event).not.toHaveProperty(key);
    }
  });

  it("sends identitySource null when asked", () => {
    expect(httpApiV2Event({ token: "Bearer t", identitySource: null }).identitySource).toBeNull();
  });

  it("sends cookies as an array and as a cookie header", () => {
    const event = httpApiV2Event({ cookies: ["session=abc", "theme=dark"] });
    expect(event.cookies).toEqual(["session=abc", "theme=dark"]);
    expect(event.headers).toHaveProperty("cookie", "session=abc; theme=dark");
  });

  it("extracts path parameters from the route key", () => {
    const event = httpApiV2Event({ routeKey: "GET /pets/{id}", path: "/pets/7" });
    expect(event.pathParameters).toEqual({ id: "7" });
  });

  it("has no path parameters on the $default route", () => {
    expect(httpApiV2Event({ routeKey: "$default", path: "/pets/7" })).not.toHaveProperty(
      "pathParameters",
    );
  });

  it("builds a routeArn on $default consistent with method and path", () => {
    const event = httpApiV2Event({ method: "DELETE", path: "/pets/7" });
    expect(parseExecuteApiArn(event.routeArn)).toMatchObject({
      stage: "$default",
      method: event.requestContext.http.method,
      path: event.rawPath,
    });
  });

  it("prefixes rawPath with a named stage but keeps the routeArn path unprefixed", () => {
    const event = httpApiV2Event({ stage: "beta", path: "/pets" });
    expect(event.rawPath).toBe("/beta/pets");
    expect(event.requestContext.http.path).toBe("/beta/pets");
    expect(event.routeArn.endsWith("/beta/GET/pets")).toBe(true);
  });

  it("sends the given headers, the token and cookies only, when defaultHeaders is false", () => {
    const event = httpApiV2Event({
      defaultHeaders: false,
      token: "Bearer abc",
      cookies: ["a=1", "b=2"],
      headers: { Host: "127.0.0.1:3000", "X-Tenant": ["a", "b"] },
    });
    expect(event.headers).toEqual({
      authorization: "Bearer abc",
      cookie: "a=1; b=2",
      host: "127.0.0.1:3000",
      "x-tenant": "a,b",
    });
  });

  it("takes domainName and derives domainPrefix", () => {
    const { requestContext, headers } = httpApiV2Event({ domainName: "api.example.com" });
    expect(requestContext).toMatchObject({ domainName: "api.example.com", domainPrefix: "api" });
    expect(headers).toHaveProperty("host", "api.example.com");
  });
});
