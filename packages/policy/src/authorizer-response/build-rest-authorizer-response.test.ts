import { describe, expect, it } from "vitest";
import { buildRestAuthorizerResponse } from "./build-rest-authorizer-response.js";

// Shaped like a REST TOKEN / REQUEST event: the methodArn carries the concrete request path.
const METHOD_ARN = "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/prod/POST/orders";
const STAGE = "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/prod";

describe("buildRestAuthorizerResponse", () => {
  it("allows the principal's route set as ARN patterns of the incoming stage", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: ["GET /orders", "GET /orders/{id}", "POST /orders"],
    });
    expect(response).toEqual({
      principalId: "user-42",
      policyDocument: {
        Version: "2012-10-17",
        Statement: [
          {
            Action: "execute-api:Invoke",
            Effect: "Allow",
            Resource: [`${STAGE}/GET/orders`, `${STAGE}/GET/orders/*`, `${STAGE}/POST/orders`],
          },
        ],
      },
    });
  });

  it('allows the whole stage with allow: "stage"', () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: "stage",
    });
    expect(response.policyDocument.Statement).toEqual([
      { Action: "execute-api:Invoke", Effect: "Allow", Resource: [`${STAGE}/*`] },
    ]);
  });

  it("adds an explicit Deny statement for the deny templates", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: "stage",
      deny: ["ANY /admin/{proxy+}"],
    });
    expect(response.policyDocument.Statement[1]).toEqual({
      Action: "execute-api:Invoke",
      Effect: "Deny",
      Resource: [`${STAGE}/*/admin/*`],
    });
  });

  it("denies the whole stage when the route set is empty", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: [],
      deny: ["ANY /admin/{proxy+}"],
    });
    expect(response.policyDocument.Statement).toEqual([
      { Action: "execute-api:Invoke", Effect: "Deny", Resource: [`${STAGE}/*`] },
    ]);
  });

  it("removes duplicate patterns", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: ["GET /orders/{id}", "GET /orders/{orderId}"],
    });
    expect(response.policyDocument.Statement[0]?.Resource).toEqual([`${STAGE}/GET/orders/*`]);
  });

  it("uses only the incoming ARN with the request-only opt-in", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: { requestOnly: true, authorizerTtlSeconds: 0 },
    });
    expect(response.policyDocument.Statement[0]?.Resource).toEqual([METHOD_ARN]);
  });

  it("throws TypeError when the request-only opt-in states a TTL other than 0", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: "user-42",
        allow: { requestOnly: true, authorizerTtlSeconds: 300 } as never,
      }),
    ).toThrow(TypeError);
  });

  it("throws TypeError when the request-only opt-in leaves out the TTL", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: "user-42",
        allow: { requestOnly: true } as never,
      }),
    ).toThrow(TypeError);
  });

  it("throws TypeError when allow is missing", () => {
    expect(() =>
      buildRestAuthorizerResponse({ methodArn: METHOD_ARN, principalId: "user-42" } as never),
    ).toThrow(TypeError);
  });

  it("throws TypeError for an unknown option such as a misspelt deny", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: "user-42",
        allow: "stage",
        denied: ["ANY /admin/{proxy+}"],
      } as never),
    ).toThrow(/unknown option "denied"/);
  });

  it("throws TypeError when principalId is not a string", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: 42,
        allow: "stage",
      } as never),
    ).toThrow(TypeError);
  });

  it("takes partition and region from an aws-cn ARN", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: "arn:aws-cn:execute-api:cn-north-1:111122223333:k3x9q2m7ab/prod/GET/pets/42",
      principalId: "user-42",
      allow: ["GET /pets/{id}"],
    });
    expect(response.policyDocument.Statement[0]?.Resource).toEqual([
      "arn:aws-cn:execute-api:cn-north-1:111122223333:k3x9q2m7ab/prod/GET/pets/*",
    ]);
  });

  it("takes partition and region from an aws-us-gov ARN", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: "arn:aws-us-gov:execute-api:us-gov-west-1:444455556666:z9y8x7w6v5/live/GET/",
      principalId: "user-42",
      allow: "stage",
    });
    expect(response.policyDocument.Statement[0]?.Resource).toEqual([
      "arn:aws-us-gov:execute-api:us-gov-west-1:444455556666:z9y8x7w6v5/live/*",
    ]);
  });

  it("passes flat context values through", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: "stage",
      context: { userId: "user-42", quota: 10, premium: false },
    });
    expect(response.context).toEqual({ userId: "user-42", quota: 10, premium: false });
  });

  it("rejects an object context value with invalid_context at context.<key>", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: "user-42",
        allow: "stage",
        context: { groups: ["admin"] } as never,
      }),
    ).toThrowCode("invalid_context", { path: "context.groups" });
  });

  it('packs an object context value as JSON with nestedContext: "json-string"', () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: "stage",
      context: { groups: ["admin", "ops"] },
      nestedContext: "json-string",
    });
    expect(response.context).toEqual({ groups: '["admin","ops"]' });
  });

  it("sets usageIdentifierKey", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: "stage",
      usageIdentifierKey: "api-key-value-0123456789",
    });
    expect(response.usageIdentifierKey).toBe("api-key-value-0123456789");
  });

  it("leaves context and usageIdentifierKey out when not given", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: "stage",
    });
    expect(Object.keys(response)).toEqual(["principalId", "policyDocument"]);
  });

  it("rejects a non-execute-api ARN with invalid_arn at methodArn", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: "arn:aws:s3:::my-bucket",
        principalId: "user-42",
        allow: "stage",
      }),
    ).toThrowCode("invalid_arn", { path: "methodArn" });
  });

  it("rejects a missing methodArn with invalid_arn", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: undefined,
        principalId: "user-42",
        allow: "stage",
      } as never),
    ).toThrowCode("invalid_arn", { path: "methodArn" });
  });

  it("rejects a wildcard in the incoming ARN's stage with invalid_arn", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/*/GET/orders",
        principalId: "user-42",
        allow: "stage",
      }),
    ).toThrowCode("invalid_arn", { path: "methodArn" });
  });

  it("rejects the short resource-policy form with invalid_arn", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: "execute-api:/prod/GET/orders",
        principalId: "user-42",
        allow: "stage",
      }),
    ).toThrowCode("invalid_arn", { path: "methodArn" });
  });

  it("reports a bad route template at its index in allow", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: "user-42",
        allow: ["GET /orders", "FETCH /orders"],
      }),
    ).toThrowCode("invalid_route_template", { path: "allow[1]" });
  });

  it("reports a bad route template at its index in deny", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: "user-42",
        allow: "stage",
        deny: ["GET /admin/{proxy+}/x"],
      }),
    ).toThrowCode("invalid_route_template", { path: "deny[0]" });
  });

  it("rejects a Resource above 512 characters with resource_too_long", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: "user-42",
        allow: ["GET /orders", `GET /${"a".repeat(460)}`],
      }),
    ).toThrowCode("resource_too_long", { path: "policyDocument.Statement[0].Resource[1]" });
  });

  it("accepts a Resource of exactly 512 characters", () => {
    const prefix = `${STAGE}/GET/`;
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: [`GET /${"a".repeat(512 - prefix.length)}`],
    });
    expect(response.policyDocument.Statement[0]?.Resource).toEqual([
      `${prefix}${"a".repeat(512 - prefix.length)}`,
    ]);
  });

  it("rejects a request-only policy for a method ARN above 512 characters", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: `${STAGE}/GET/${"p/".repeat(300)}x`,
        principalId: "user-42",
        allow: { requestOnly: true, authorizerTtlSeconds: 0 },
      }),
    ).toThrowCode("resource_too_long");
  });

  it("rejects a response above 8192 bytes with response_too_large", () => {
    const routes = Array.from({ length: 120 }, (_, i) => `GET /reports/${i}/summary`);
    expect(() =>
      buildRestAuthorizerResponse({ methodArn: METHOD_ARN, principalId: "user-42", allow: routes }),
    ).toThrowCode("response_too_large");
  });

  it("counts the context toward the 8192-byte budget", () => {
    expect(() =>
      buildRestAuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: "user-42",
        allow: "stage",
        context: { note: "ü".repeat(4000) },
      }),
    ).toThrowCode("response_too_large");
  });
});
