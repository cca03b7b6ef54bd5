import { parseExecuteApiArn } from "@gatehouse/policy";
import { describe, expect, it } from "vitest";
import { restRequestEvent } from "./rest-request-event.js";

// Shape of a real REST REQUEST authorizer event (own values; maps abbreviated to their type).
const FIXTURE = {
  type: "REQUEST",
  methodArn: "arn:aws:execute-api:eu-west-1:123456789012:k3x9m2p7qa/prod/GET/pets/7",
  resource: "/pets/{id}",
  path: "/pets/7",
  httpMethod: "GET",
  headers: { Host: "k3x9m2p7qa.execute-api.eu-west-1.amazonaws.com" },
  multiValueHeaders: { Host: ["k3x9m2p7qa.execute-api.eu-west-1.amazonaws.com"] },
  queryStringParameters: {},
  multiValueQueryStringParameters: {},
  pathParameters: { id: "7" },
  stageVariables: {},
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
    domainName: "k3x9m2p7qa.execute-api.eu-west-1.amazonaws.com",
    deploymentId: "r5t6y7",
    apiId: "k3x9m2p7qa",
  },
};
const FIXTURE_HEADER_NAMES = [
  "Accept",
  "Accept-Encoding",
  "CloudFront-Forwarded-Proto",
  "CloudFront-Is-Desktop-Viewer",
  "CloudFront-Is-Mobile-Viewer",
  "CloudFront-Is-SmartTV-Viewer",
  "CloudFront-Is-Tablet-Viewer",
  "CloudFront-Viewer-ASN",
  "CloudFront-Viewer-Country",
  "Host",
  "User-Agent",
  "Via",
  "X-Amz-Cf-Id",
  "X-Amzn-Trace-Id",
  "X-Forwarded-For",
  "X-Forwarded-Port",
  "X-Forwarded-Proto",
];
const keys = (value: object) => Object.keys(value).sort();

describe("restRequestEvent", () => {
  it("has the top-level keys of a real REST REQUEST event", () => {
    expect(keys(restRequestEvent())).toEqual(keys(FIXTURE));
  });

  it("has the request-context keys of a real REST REQUEST event", () => {
    expect(keys(restRequestEvent().requestContext)).toEqual(keys(FIXTURE.requestContext));
  });

  it("has the identity keys of a real REST REQUEST event, null where AWS sends null", () => {
    const { identity } = restRequestEvent({ sourceIp: "203.0.113.9" }).requestContext;
    expect(identity).toEqual({ ...FIXTURE.requestContext.identity, userAgent: "curl/8.7.1" });
  });

  it("sends CloudFront-style headers in single- and multi-value form", () => {
    const event = restRequestEvent();
    expect(keys(event.headers ?? {})).toEqual([...FIXTURE_HEADER_NAMES].sort());
    expect(keys(event.multiValueHeaders ?? {})).toEqual([...FIXTURE_HEADER_NAMES].sort());
  });

  it("puts the token in the Authorization header", () => {
    const event = restRequestEvent({ token: "Bearer abc" });
    expect(event.headers).toHaveProperty("Authorization", "Bearer abc");
    expect(event.multiValueHeaders).toHaveProperty("Authorization", ["Bearer abc"]);
  });

  it("keeps a header name in the case the client sent and replaces the default", () => {
    const event = restRequestEvent({ headers: { "user-agent": "my-client/1.0" } });
    expect(event.headers?.["user-agent"]).toBe("my-client/1.0");
    expect(event.headers).not.toHaveProperty("User-Agent");
  });

  it("keeps the last value of a repeated header in headers and all in multiValueHeaders", () => {
    const event = restRequestEvent({ headers: { "X-Tenant": ["a", "b"] } });
    expect(event.headers?.["X-Tenant"]).toBe("b");
    expect(event.multiValueHeaders?.["X-Tenant"]).toEqual(["a", "b"]);
  });

  it("keeps the last value of a repeated query key and all in the multi-value map", () => {
    const event = restRequestEvent({ query: { tag: ["x", "y"], page: "2" } });
    expect(event.queryStringParameters).toEqual({ tag: "y", page: "2" });
    expect(event.multiValueQueryStringParameters).toEqual({ tag: ["x", "y"], page: ["2"] });
  });

  it("builds a methodArn consistent with httpMethod, path and stage", () => {
    const event = restRequestEvent({ method: "PUT", path: "/pets/7", stage: "staging" });
    const arn = parseExecuteApiArn(event.methodArn);
    expect(arn).toMatchObject({
      method: event.httpMethod,
      path: event.path,
      stage: event.requestContext.stage,
    });
    expect(event.requestContext.path).toBe("/staging/pets/7");
  });

  it("extracts path parameters from the resource template", () => {
    const event = restRequestEvent({
      resource: "/pets/{id}/toys/{toy}",
      path: "/pets/7/toys/ball",
    });
    expect(event.pathParameters).toEqual({ id: "7", toy: "ball" });
    expect(event.requestContext.resourcePath).toBe("/pets/{id}/toys/{toy}");
  });

  it("extracts a greedy proxy path parameter", () => {
    const event = restRequestEvent({ resource: "/files/{proxy+}", path: "/files/a/b.txt" });
    expect(event.pathParameters).toEqual({ proxy: "a/b.txt" });
  });

  it("writes requestTime in API Gateway's format from now", () => {
    const event = restRequestEvent({ now: Date.UTC(2025, 2, 3, 9, 14, 5) });
    expect(event.requestContext.requestTime).toBe("03/Mar/2025:09:14:05 +0000");
    expect(event.requestContext.requestTimeEpoch).toBe(Date.UTC(2025, 2, 3, 9, 14, 5));
  });

  it("sends null maps, body and isBase64Encoded like the console test tool", () => {
    const event = restRequestEvent({ consoleTest: true });
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
    expect(event.pathParameters).toBeNull();
    expect(event.stageVariables).toBeNull();
    expect(event).toMatchObject({ body: null, isBase64Encoded: false });
  });

  it("adds the mutual-TLS client certificate to the identity", () => {
    const clientCert = {
      clientCertPem: "-----BEGIN CERTIFICATE-----",
      subjectDN: "CN=client",
      issuerDN: "CN=ca",
      serialNumber: "01",
      validity: { notBefore: "a", notAfter: "b" },
    };
    expect(restRequestEvent({ clientCert }).requestContext.identity.clientCert).toEqual(clientCert);
  });

  it("sends the given headers as-is, without default headers, when defaultHeaders is false", () => {
    const event = restRequestEvent({
      defaultHeaders: false,
      token: "Bearer abc",
      headers: { host: "127.0.0.1:3000", "X-Tenant": ["a", "b"] },
    });
    expect(event.multiValueHeaders).toEqual({
      Authorization: ["Bearer abc"],
      host: ["127.0.0.1:3000"],
      "X-Tenant": ["a", "b"],
    });
    expect(event.headers).toEqual({
      Authorization: "Bearer abc",
      host: "127.0.0.1:3000",
      "X-Tenant": "b",
    });
  });

  it("keeps a header named __proto__ as an own header", () => {
    const event = restRequestEvent({ defaultHeaders: false, headers: { ["__proto__"]: "x" } });
    expect(Object.keys(event.headers ?? {})).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(event.headers)).toBe(Object.prototype);
  });

  it("takes domainName, uses it as the default Host and derives domainPrefix", () => {
    const event = restRequestEvent({ domainName: "api.example.com" });
    expect(event.requestContext.domainName).toBe("api.example.com");
    expect(event.requestContext.domainPrefix).toBe("api");
    expect(event.headers).toHaveProperty("Host", "api.example.com");
  });

  it("fills the IAM caller fields of the identity and leaves the Cognito fields null", () => {
    const { identity } = restRequestEvent({
      sourceIp: "203.0.113.9",
      iamIdentity: {
        accessKey: "AKIAIOSFODNN7EXAMPLE",
        accountId: "123456789012",
        caller: "AIDAJQABLZS4A3QDU576Q",
        userArn: "arn:aws:iam::123456789012:user/alice",
        principalOrgId: "o-a1b2c3d4e5",
      },
    }).requestContext;
    expect(identity).toEqual({
      ...FIXTURE.requestContext.identity,
      accessKey: "AKIAIOSFODNN7EXAMPLE",
      accountId: "123456789012",
      caller: "AIDAJQABLZS4A3QDU576Q",
      user: "AIDAJQABLZS4A3QDU576Q",
      userArn: "arn:aws:iam::123456789012:user/alice",
      principalOrgId: "o-a1b2c3d4e5",
    });
  });

  it("fills the Cognito identity-pool fields of an IAM caller", () => {
    const { identity } = restRequestEvent({
      iamIdentity: {
        accessKey: "ASIAIOSFODNN7EXAMPLE",
        accountId: "123456789012",
        caller: "AROAJQABLZS4A3QDU576Q:CognitoIdentityCredentials",
        userArn:
          "arn:aws:sts::123456789012:assumed-role/Cognito_PetsAuth_Role/CognitoIdentityCredentials",
        cognitoIdentityPoolId: "eu-west-1:11111111-2222-3333-4444-555555555555",
        cognitoIdentityId: "eu-west-1:66666666-7777-8888-9999-000000000000",
        cognitoAuthenticationType: "authenticated",
        cognitoAuthenticationProvider:
          "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf,cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf:CognitoSignIn:sub-1",
      },
    }).requestContext;
    expect(identity).toMatchObject({
      cognitoIdentityPoolId: "eu-west-1:11111111-2222-3333-4444-555555555555",
      cognitoIdentityId: "eu-west-1:66666666-7777-8888-9999-000000000000",
      cognitoAuthenticationType: "authenticated",
      user: "AROAJQABLZS4A3QDU576Q:CognitoIdentityCredentials",
      principalOrgId: null,
    });
  });

  it("keeps a path parameter that is not valid percent-encoding as sent", () => {
    const event = restRequestEvent({ resource: "/pets/{id}", path: "/pets/%zz" });
    expect(event.pathParameters).toEqual({ id: "%zz" });
  });
});
