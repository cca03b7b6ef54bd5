import { parseExecuteApiArn } from "@gatehouse/policy";
import { describe, expect, it } from "vitest";
import { httpApiV1Event } from "./http-api-v1-event.js";

// Shape of an HTTP API payload 1.0 authorizer event (own values).
const FIXTURE = {
  version: "1.0",
  type: "REQUEST",
  methodArn: "arn:aws:execute-api:eu-west-1:123456789012:k3x9m2p7qa/$default/GET/pets",
  identitySource: "Bearer example-token,tenant-1",
  authorizationToken: "Bearer example-token,tenant-1",
  resource: "/pets",
  path: "/pets",
  httpMethod: "GET",
  headers: { authorization: "Bearer example-token" },
  queryStringParameters: {},
  pathParameters: {},
  stageVariables: {},
  requestContext: {
    accountId: "123456789012",
    apiId: "k3x9m2p7qa",
    domainName: "k3x9m2p7qa.execute-api.eu-west-1.amazonaws.com",
    domainPrefix: "k3x9m2p7qa",
    extendedRequestId: "Zk9aQ1xYFiAEKxw=",
    httpMethod: "GET",
    identity: { sourceIp: "203.0.113.9", userAgent: "curl/8.7.1" },
    path: "/pets",
    protocol: "HTTP/1.1",
    requestId: "Zk9aQ1xYFiAEKxw=",
    requestTime: "03/Mar/2025:09:14:05 +0000",
    requestTimeEpoch: 1740993245000,
    resourceId: "q1w2e3",
    resourcePath: "/pets",
    stage: "$default",
  },
};
const keys = (value: object) => Object.keys(value).sort();

describe("httpApiV1Event", () => {
  it("has the top-level keys of a payload 1.0 event", () => {
    expect(keys(httpApiV1Event())).toEqual(keys(FIXTURE));
  });

  it("has the request-context keys of a payload 1.0 event", () => {
    expect(keys(httpApiV1Event().requestContext)).toEqual(keys(FIXTURE.requestContext));
  });

  it("joins the identity-source values with commas in identitySource and authorizationToken", () => {
    const event = httpApiV1Event({ identitySource: ["Bearer abc", "tenant-1"] });
    expect(event.identitySource).toBe("Bearer abc,tenant-1");
    expect(event.authorizationToken).toBe("Bearer abc,tenant-1");
  });

  it("uses the token as the identity source by default", () => {
    const event = httpApiV1Event({ token: "Bearer abc" });
    expect(event.identitySource).toBe("Bearer abc");
    expect(event.headers).toHaveProperty("authorization", "Bearer abc");
  });

  it("sends lower-case header names", () => {
    const names = Object.keys(httpApiV1Event({ headers: { "X-Tenant": "t" } }).headers ?? {});
    expect(names.every((name) => name === name.toLowerCase())).toBe(true);
  });

  it("has no multi-value maps", () => {
    const event = httpApiV1Event({ query: { a: "1" } });
    expect(event).not.toHaveProperty("multiValueHeaders");
    expect(event).not.toHaveProperty("multiValueQueryStringParameters");
  });

  it("builds a methodArn on the $default stage consistent with method and path", () => {
    const event = httpApiV1Event({ method: "POST", path: "/orders" });
    expect(parseExecuteApiArn(event.methodArn)).toMatchObject({
      stage: "$default",
      method: "POST",
      path: "/orders",
    });
  });

  it("sends the given headers lower-cased, without default headers, when defaultHeaders is false", () => {
    const event = httpApiV1Event({
      defaultHeaders: false,
      headers: { Host: "127.0.0.1:3000", "X-Tenant": ["a", "b"] },
    });
    expect(event.headers).toEqual({ host: "127.0.0.1:3000", "x-tenant": "a,b" });
  });

  it("takes domainName and derives domainPrefix", () => {
    const { requestContext, headers } = httpApiV1Event({ domainName: "api.example.com" });
    expect(requestContext).toMatchObject({ domainName: "api.example.com", domainPrefix: "api" });
    expect(headers).toHaveProperty("host", "api.example.com");
  });

  it("adds the IAM caller fields to the identity, null where not given", () => {
    const { identity } = httpApiV1Event({
      sourceIp: "203.0.113.9",
      iamIdentity: {
        accessKey: "AKIAIOSFODNN7EXAMPLE",
        accountId: "123456789012",
        caller: "AIDAJQABLZS4A3QDU576Q",
        userArn: "arn:aws:iam::123456789012:user/alice",
      },
    }).requestContext;
    expect(identity).toEqual({
      sourceIp: "203.0.113.9",
      userAgent: "curl/8.7.1",
      accessKey: "AKIAIOSFODNN7EXAMPLE",
      accountId: "123456789012",
      caller: "AIDAJQABLZS4A3QDU576Q",
      user: "AIDAJQABLZS4A3QDU576Q",
      userArn: "arn:aws:iam::123456789012:user/alice",
      principalOrgId: null,
      cognitoIdentityPoolId: null,
      cognitoIdentityId: null,
      cognitoAuthenticationType: null,
      cognitoAuthenticationProvider: null,
    });
  });

  it("keeps the identity to sourceIp and userAgent without an IAM caller", () => {
    expect(keys(httpApiV1Event().requestContext.identity)).toEqual(["sourceIp", "userAgent"]);
  });
});
