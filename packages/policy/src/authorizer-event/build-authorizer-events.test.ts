import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { AuthorizerEvent } from "./authorizer-event.js";
import type { AuthorizerEventRequest } from "./authorizer-event-request.js";
import { buildHttpV1AuthorizerEvent } from "./build-http-v1-authorizer-event.js";
import { buildHttpV2AuthorizerEvent } from "./build-http-v2-authorizer-event.js";
import { buildRestRequestAuthorizerEvent } from "./build-rest-request-authorizer-event.js";
import { buildRestTokenAuthorizerEvent } from "./build-rest-token-authorizer-event.js";
import { buildWebSocketConnectAuthorizerEvent } from "./build-web-socket-connect-authorizer-event.js";

// One request, written the way API Gateway received it (own values, shaped like the real captures).
const DOMAIN = "k3x9m2p7qa.execute-api.eu-west-1.amazonaws.com";
const REQUEST: AuthorizerEventRequest = {
  accountId: "123456789012",
  apiId: "k3x9m2p7qa",
  stage: "prod",
  domainName: DOMAIN,
  method: "GET",
  path: "/pets/7",
  headers: {
    Host: [DOMAIN],
    Authorization: ["Bearer abc"],
    "X-Tag": ["one", "two"],
  },
  query: { limit: ["10"], tag: ["a", "b"] },
  sourceIp: "203.0.113.9",
  userAgent: "curl/8.7.1",
  requestId: "5f0c7d7e-2b8a-4d64-9b7e-0f1e2d3c4b5a",
  extendedRequestId: "Zk9aQ1xYFiAEKxw=",
  timeEpoch: 1740993245000,
};
const ARN = "arn:aws:execute-api:eu-west-1:123456789012:k3x9m2p7qa/prod/GET/pets/7";
const IAM = {
  accessKey: "ASIAEXAMPLE",
  accountId: "111122223333",
  caller: "AROAEXAMPLE:alice",
  userArn: "arn:aws:sts::111122223333:assumed-role/app/alice",
};

describe("buildRestTokenAuthorizerEvent", () => {
  it("carries the ARN and the raw header value", () => {
    expect(buildRestTokenAuthorizerEvent({ methodArn: ARN, token: "Bearer abc" })).toEqual({
      type: "TOKEN",
      methodArn: ARN,
      authorizationToken: "Bearer abc",
    });
  });
});

describe("buildRestRequestAuthorizerEvent", () => {
  const route = {
    methodArn: ARN,
    resource: "/pets/{id}",
    pathParameters: { id: "7" },
    stageVariables: { env: "prod" },
    resourceId: "q1w2e3",
    deploymentId: "r5t6y7",
  };

  it("builds the event API Gateway sends", () => {
    expect(buildRestRequestAuthorizerEvent(REQUEST, route)).toEqual({
      type: "REQUEST",
      methodArn: ARN,
      resource: "/pets/{id}",
      path: "/pets/7",
      httpMethod: "GET",
      headers: { Host: DOMAIN, Authorization: "Bearer abc", "X-Tag": "two" },
      multiValueHeaders: { Host: [DOMAIN], Authorization: ["Bearer abc"], "X-Tag": ["one", "two"] },
      queryStringParameters: { limit: "10", tag: "b" },
      multiValueQueryStringParameters: { limit: ["10"], tag: ["a", "b"] },
      pathParameters: { id: "7" },
      stageVariables: { env: "prod" },
      requestContext: {
        resourceId: "q1w2e3",
        resourcePath: "/pets/{id}",
        httpMethod: "GET",
        extendedRequestId: "Zk9aQ1xYFiAEKxw=",
        requestTime: "03/Mar/2025:09:14:05 +0000",
        path: "/prod/pets/7",
        accountId: "123456789012",
        protocol: "HTTP/1.1",
        stage: "prod",
        domainPrefix: "k3x9m2p7qa",
        requestTimeEpoch: 1740993245000,
        requestId: "5f0c7d7e-2b8a-4d64-9b7e-0f1e2d3c4b5a",
        identity: {
          cognitoIdentityPoolId: null,
          accountId: null,
          cognitoIdentityId: null,
          caller: null,
          sourceIp: "203.0.113.9",
          principalOrgId: null,
          accessKey: null,
          cognitoAuthenticationType: null,
          cognitoAuthenticationProvider: null,
          userArn: null,
          userAgent: "curl/8.7.1",
          user: null,
        },
        domainName: DOMAIN,
        deploymentId: "r5t6y7",
        apiId: "k3x9m2p7qa",
      },
    });
  });

  it("fills the caller fields of an AWS_IAM method, user defaulting to caller", () => {
    const event = buildRestRequestAuthorizerEvent({ ...REQUEST, iamIdentity: IAM }, route);
    expect(event.requestContext.identity).toMatchObject({
      accessKey: "ASIAEXAMPLE",
      accountId: "111122223333",
      caller: "AROAEXAMPLE:alice",
      user: "AROAEXAMPLE:alice",
      userArn: IAM.userArn,
      principalOrgId: null,
      cognitoIdentityId: null,
    });
  });

  it("merges header names that differ only in case, the later one winning", () => {
    const event = buildRestRequestAuthorizerEvent(
      { ...REQUEST, headers: { "x-id": ["1"], "X-Id": ["2", "3"] } },
      route,
    );
    expect(event.multiValueHeaders).toEqual({ "X-Id": ["2", "3"] });
    expect(event.headers).toEqual({ "X-Id": "3" });
  });

  it("keeps a header named __proto__ as a header", () => {
    const event = buildRestRequestAuthorizerEvent(
      // JSON.parse makes an own property; an object literal would set the prototype.
      { ...REQUEST, headers: JSON.parse('{"__proto__":["x"]}') as Record<string, string[]> },
      route,
    );
    expect(Object.keys(event.headers ?? {})).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(event.headers)).toBe(Object.prototype);
  });

  it("gives every event maps of its own", () => {
    const first = buildRestRequestAuthorizerEvent(REQUEST, route);
    first.multiValueHeaders?.["X-Tag"]?.push("three");
    if (first.pathParameters) first.pathParameters["id"] = "8";
    const second = buildRestRequestAuthorizerEvent(REQUEST, route);
    expect(second.multiValueHeaders?.["X-Tag"]).toEqual(["one", "two"]);
    expect(second.pathParameters).toEqual({ id: "7" });
    expect(REQUEST.headers["X-Tag"]).toEqual(["one", "two"]);
  });
});

describe("buildHttpV1AuthorizerEvent", () => {
  const route = {
    methodArn: ARN.replace("/prod/", "/$default/"),
    resource: "/pets/{id}",
    pathParameters: { id: "7" },
    stageVariables: {},
    identitySource: ["Bearer abc", "tenant-1"],
    resourceId: "q1w2e3",
  };

  it("joins identity sources and repeated header values with commas, names lower-cased", () => {
    const event = buildHttpV1AuthorizerEvent({ ...REQUEST, stage: "$default" }, route);
    expect(event.version).toBe("1.0");
    expect(event.identitySource).toBe("Bearer abc,tenant-1");
    expect(event.authorizationToken).toBe("Bearer abc,tenant-1");
    expect(event.headers).toEqual({
      host: DOMAIN,
      authorization: "Bearer abc",
      "x-tag": "one,two",
    });
    expect(event.queryStringParameters).toEqual({ limit: "10", tag: "b" });
    expect(event.multiValueHeaders).toBeUndefined();
  });

  it("has no stage prefix in the context path on $default, and one on a named stage", () => {
    expect(
      buildHttpV1AuthorizerEvent({ ...REQUEST, stage: "$default" }, route).requestContext.path,
    ).toBe("/pets/7");
    expect(buildHttpV1AuthorizerEvent(REQUEST, route).requestContext.path).toBe("/prod/pets/7");
  });

  it("reports the IAM caller and the client certificate in identity", () => {
    const clientCert = {
      clientCertPem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
      subjectDN: "CN=client",
      issuerDN: "CN=ca",
      serialNumber: "01",
      validity: { notBefore: "Jan  1 00:00:00 2025 GMT", notAfter: "Jan  1 00:00:00 2026 GMT" },
    };
    const event = buildHttpV1AuthorizerEvent({ ...REQUEST, iamIdentity: IAM, clientCert }, route);
    expect(event.requestContext.identity).toMatchObject({
      sourceIp: "203.0.113.9",
      userArn: IAM.userArn,
      clientCert,
    });
  });
});

describe("buildHttpV2AuthorizerEvent", () => {
  const route = {
    routeArn: ARN.replace("/prod/", "/$default/"),
    routeKey: "GET /pets/{id}",
    pathParameters: { id: "7" },
    stageVariables: {},
    identitySource: ["Bearer abc"],
  };
  const v2Request = { ...REQUEST, stage: "$default", requestId: "Zk9aQ1xYFiAEKxw=" };

  it("builds the event API Gateway sends", () => {
    expect(buildHttpV2AuthorizerEvent(v2Request, route)).toEqual({
      version: "2.0",
      type: "REQUEST",
      routeArn: route.routeArn,
      identitySource: ["Bearer abc"],
      routeKey: "GET /pets/{id}",
      rawPath: "/pets/7",
      rawQueryString: "limit=10&tag=a&tag=b",
      headers: { host: DOMAIN, authorization: "Bearer abc", "x-tag": "one,two" },
      queryStringParameters: { limit: "10", tag: "a,b" },
      requestContext: {
        accountId: "123456789012",
        apiId: "k3x9m2p7qa",
        domainName: DOMAIN,
        domainPrefix: "k3x9m2p7qa",
        http: {
          method: "GET",
          path: "/pets/7",
          protocol: "HTTP/1.1",
          sourceIp: "203.0.113.9",
          userAgent: "curl/8.7.1",
        },
        requestId: "Zk9aQ1xYFiAEKxw=",
        routeKey: "GET /pets/{id}",
        stage: "$default",
        time: "03/Mar/2025:09:14:05 +0000",
        timeEpoch: 1740993245000,
      },
      pathParameters: { id: "7" },
    });
  });

  it("leaves out what is empty: query, path parameters, stage variables, cookies, identity sources", () => {
    const event = buildHttpV2AuthorizerEvent(
      { ...v2Request, query: {} },
      { ...route, pathParameters: {}, identitySource: undefined },
    );
    for (const key of [
      "queryStringParameters",
      "pathParameters",
      "stageVariables",
      "cookies",
      "identitySource",
    ]) {
      expect(event).not.toHaveProperty(key);
    }
    expect(event.rawQueryString).toBe("");
  });

  it("sends identitySource null when asked to, and the cookies given", () => {
    const event = buildHttpV2AuthorizerEvent(v2Request, {
      ...route,
      identitySource: null,
      cookies: ["a=1", "b=2"],
    });
    expect(event.identitySource).toBeNull();
    expect(event.cookies).toEqual(["a=1", "b=2"]);
  });

  it("prefixes rawPath with a named stage", () => {
    const event = buildHttpV2AuthorizerEvent(REQUEST, route);
    expect([event.rawPath, event.requestContext.http.path]).toEqual([
      "/prod/pets/7",
      "/prod/pets/7",
    ]);
  });
});

describe("buildWebSocketConnectAuthorizerEvent", () => {
  const route = {
    methodArn: "arn:aws:execute-api:eu-west-1:123456789012:k3x9m2p7qa/prod/$connect",
    stageVariables: {},
    connectionId: "ZhQ6ed9CjoECEjw=",
  };

  it("builds the $connect event, with the query maps when the URL has a query", () => {
    const event = buildWebSocketConnectAuthorizerEvent(
      { ...REQUEST, query: { token: ["abc"] } },
      route,
    );
    expect(event).toMatchObject({
      type: "REQUEST",
      methodArn: route.methodArn,
      headers: { Host: DOMAIN, "X-Tag": "two" },
      queryStringParameters: { token: "abc" },
      multiValueQueryStringParameters: { token: ["abc"] },
      isBase64Encoded: false,
      body: null,
      requestContext: {
        routeKey: "$connect",
        eventType: "CONNECT",
        messageDirection: "IN",
        connectionId: "ZhQ6ed9CjoECEjw=",
        connectedAt: 1740993245000,
        identity: { sourceIp: "203.0.113.9" },
      },
    });
    expect(event).not.toHaveProperty("httpMethod");
  });

  it("leaves the query maps out when the URL has no query string", () => {
    const event = buildWebSocketConnectAuthorizerEvent({ ...REQUEST, query: undefined }, route);
    expect(event).not.toHaveProperty("queryStringParameters");
    expect(event).not.toHaveProperty("multiValueQueryStringParameters");
  });
});

describe("the five builders", () => {
  it("give events that narrow on AWS's own fields", () => {
    const events: AuthorizerEvent[] = [
      buildRestTokenAuthorizerEvent({ methodArn: ARN, token: "t" }),
      buildRestRequestAuthorizerEvent(REQUEST, {
        methodArn: ARN,
        resource: "/pets/{id}",
        pathParameters: {},
        stageVariables: {},
        resourceId: "a",
        deploymentId: "b",
      }),
      buildHttpV1AuthorizerEvent(REQUEST, {
        methodArn: ARN,
        resource: "/pets/{id}",
        pathParameters: {},
        stageVariables: {},
        identitySource: [],
        resourceId: "a",
      }),
      buildHttpV2AuthorizerEvent(REQUEST, {
        routeArn: ARN,
        routeKey: "$default",
        pathParameters: {},
        stageVariables: {},
        identitySource: undefined,
      }),
      buildWebSocketConnectAuthorizerEvent(REQUEST, {
        methodArn: ARN,
        stageVariables: {},
        connectionId: "c",
      }),
    ];
    const kinds = events.map((event) => {
      if (event.type === "TOKEN") return "token";
      if (event.version === "2.0") return "v2";
      if (event.version === "1.0") return "v1";
      return "httpMethod" in event ? "rest" : "websocket";
    });
    expect(kinds).toEqual(["token", "rest", "v1", "v2", "websocket"]);
    expectTypeOf(buildHttpV2AuthorizerEvent).returns.toExtend<AuthorizerEvent>();
  });

  it("keep every header and query value, whatever the names and values", () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
    const values = fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 });
    const map = fc.dictionary(name, values, { maxKeys: 5 });
    fc.assert(
      fc.property(map, map, (headers, query) => {
        const request = { ...REQUEST, headers, query };
        const rest = buildRestRequestAuthorizerEvent(request, {
          methodArn: ARN,
          resource: "/pets/{id}",
          pathParameters: {},
          stageVariables: {},
          resourceId: "a",
          deploymentId: "b",
        });
        const v2 = buildHttpV2AuthorizerEvent(request, {
          routeArn: ARN,
          routeKey: "$default",
          pathParameters: {},
          stageVariables: {},
          identitySource: undefined,
        });
        // REST: the multi-value map holds every value; the single-value map the last one.
        for (const [key, list] of Object.entries(rest.multiValueHeaders ?? {})) {
          expect(rest.headers?.[key]).toBe(list.at(-1));
        }
        const restValues = Object.values(rest.multiValueHeaders ?? {})
          .flat()
          .sort();
        const lastByName = new Map<string, string[]>();
        for (const [key, list] of Object.entries(headers)) lastByName.set(key.toLowerCase(), list);
        expect(restValues).toEqual([...lastByName.values()].flat().sort());
        // HTTP API 2.0: lower-case names, and rawQueryString decodes back to every query pair.
        for (const key of Object.keys(v2.headers ?? {})) expect(key).toBe(key.toLowerCase());
        const pairs = [...new URLSearchParams(v2.rawQueryString)];
        expect(pairs).toEqual(
          Object.entries(query).flatMap(([k, list]) => list.map((v) => [k, v])),
        );
      }),
    );
  });
});
