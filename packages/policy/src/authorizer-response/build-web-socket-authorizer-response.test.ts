import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { matchesWildcard } from "../wildcard/wildcard.js";
import { buildWebSocketAuthorizerResponse } from "./build-web-socket-authorizer-response.js";

// Shaped like a WebSocket $connect event: no HTTP verb, the route key ends the ARN.
const CONNECT_ARN = "arn:aws:execute-api:us-east-1:111122223333:w5s0ck3t01/default/$connect";

function resourcesOf(response: {
  policyDocument: { Statement: { Resource: string | string[] }[] };
}) {
  return response.policyDocument.Statement.flatMap((s) =>
    Array.isArray(s.Resource) ? s.Resource : [s.Resource],
  );
}

describe("buildWebSocketAuthorizerResponse", () => {
  it('covers the $connect ARN with allow: "stage"', () => {
    const response = buildWebSocketAuthorizerResponse({
      methodArn: CONNECT_ARN,
      principalId: "user-42",
      allow: "stage",
    });
    const [pattern] = resourcesOf(response);
    expect(pattern).toBe("arn:aws:execute-api:us-east-1:111122223333:w5s0ck3t01/default/*");
    expect(matchesWildcard(pattern ?? "", CONNECT_ARN)).toBe(true);
  });

  it("does not use the REST-style /{stage}/*/* pattern, which misses $connect", () => {
    const restStyle = "arn:aws:execute-api:us-east-1:111122223333:w5s0ck3t01/default/*/*";
    expect(matchesWildcard(restStyle, CONNECT_ARN)).toBe(false);
    const response = buildWebSocketAuthorizerResponse({
      methodArn: CONNECT_ARN,
      principalId: "user-42",
      allow: "stage",
    });
    expect(resourcesOf(response)).not.toContain(restStyle);
  });

  it('covers $connect with allow: ["*"]', () => {
    const response = buildWebSocketAuthorizerResponse({
      methodArn: CONNECT_ARN,
      principalId: "user-42",
      allow: ["*"],
    });
    expect(resourcesOf(response).some((p) => matchesWildcard(p, CONNECT_ARN))).toBe(true);
  });

  it("allows the listed route keys of the incoming stage", () => {
    const response = buildWebSocketAuthorizerResponse({
      methodArn: CONNECT_ARN,
      principalId: "user-42",
      allow: ["$connect", "sendMessage"],
    });
    expect(resourcesOf(response)).toEqual([
      CONNECT_ARN,
      "arn:aws:execute-api:us-east-1:111122223333:w5s0ck3t01/default/sendMessage",
    ]);
  });

  it("takes partition and region from an aws-cn $connect ARN", () => {
    const response = buildWebSocketAuthorizerResponse({
      methodArn: "arn:aws-cn:execute-api:cn-northwest-1:111122223333:w5s0ck3t01/prod/$connect",
      principalId: "user-42",
      allow: "stage",
    });
    expect(resourcesOf(response)).toEqual([
      "arn:aws-cn:execute-api:cn-northwest-1:111122223333:w5s0ck3t01/prod/*",
    ]);
  });

  it("sets usageIdentifierKey", () => {
    const response = buildWebSocketAuthorizerResponse({
      methodArn: CONNECT_ARN,
      principalId: "user-42",
      allow: "stage",
      usageIdentifierKey: "api-key-value-0123456789",
    });
    expect(response.usageIdentifierKey).toBe("api-key-value-0123456789");
  });

  it("rejects an array context value with invalid_context", () => {
    try {
      buildWebSocketAuthorizerResponse({
        methodArn: CONNECT_ARN,
        principalId: "user-42",
        allow: "stage",
        context: { rooms: ["a", "b"] } as never,
      });
      expect.unreachable();
    } catch (error) {
      expect(isPolicyError(error) && [error.code, error.path]).toEqual([
        "invalid_context",
        "context.rooms",
      ]);
    }
  });
});
