import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../evaluate/evaluate-policy.js";
import { buildHttpV2IamAuthorizerResponse } from "./build-http-v2-iam-authorizer-response.js";
import { buildRestAuthorizerResponse } from "./build-rest-authorizer-response.js";
import { buildWebSocketAuthorizerResponse } from "./build-web-socket-authorizer-response.js";

// API Gateway caches the first response for an identity and reuses it for every route of the
// stage: the tests below play that out with the local evaluator.
const STAGE = "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/prod";
const ALLOWED_ROUTES = ["GET /orders", "GET /orders/{id}", "POST /orders", "ANY /admin/{proxy+}"];

function decide(policy: unknown, arn: string) {
  const result = evaluatePolicy(policy, { action: "execute-api:Invoke", resource: arn });
  expect(result.error).toBeUndefined();
  return result.decision;
}

const resourcesOf = (response: {
  policyDocument: { Statement: { Resource: string | string[] }[] };
}) =>
  response.policyDocument.Statement.flatMap((s) =>
    Array.isArray(s.Resource) ? s.Resource : [s.Resource],
  );

describe("cache safety", () => {
  // The first request of the identity decides what is cached.
  const cached = buildRestAuthorizerResponse({
    methodArn: `${STAGE}/GET/orders`,
    principalId: "user-42",
    allow: ALLOWED_ROUTES,
    deny: ["ANY /admin/secrets/{proxy+}"],
  });

  it.each([
    ["GET", "/orders"],
    ["GET", "/orders/42"],
    ["POST", "/orders"],
    ["DELETE", "/admin/users/7"],
  ])("a cached route-set policy allows another allowed route: %s %s", (verb, path) => {
    expect(decide(cached.policyDocument, `${STAGE}/${verb}${path}`)).toBe("allow");
  });

  it.each([
    ["DELETE", "/orders/42"],
    ["GET", "/invoices"],
    ["GET", "/"],
  ])("a cached route-set policy implicitly denies a route outside the set: %s %s", (verb, path) => {
    expect(decide(cached.policyDocument, `${STAGE}/${verb}${path}`)).toBe("implicit-deny");
  });

  it("a cached route-set policy explicitly denies the denied subtree", () => {
    expect(decide(cached.policyDocument, `${STAGE}/GET/admin/secrets/db`)).toBe("explicit-deny");
  });

  it("a cached route-set policy does not reach another stage of the API", () => {
    expect(
      decide(
        cached.policyDocument,
        "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/dev/GET/orders",
      ),
    ).toBe("implicit-deny");
  });

  it("a cached whole-stage WebSocket policy allows $connect", () => {
    const connect = "arn:aws:execute-api:us-east-1:111122223333:w5s0ck3t01/default/$connect";
    const response = buildWebSocketAuthorizerResponse({
      methodArn: connect,
      principalId: "user-42",
      allow: "stage",
    });
    expect(decide(response.policyDocument, connect)).toBe("allow");
  });

  it("a cached HTTP API whole-stage policy allows the $default route and other routes", () => {
    const stage = "arn:aws:execute-api:eu-west-1:111122223333:h2v2api001/$default";
    const response = buildHttpV2IamAuthorizerResponse({
      routeArn: `${stage}/POST/lambda`,
      principalId: "user-42",
      allow: "stage",
    });
    expect(decide(response.policyDocument, `${stage}/$default`)).toBe("allow");
    expect(decide(response.policyDocument, `${stage}/GET/items/1`)).toBe("allow");
  });

  const verb = fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH");
  const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
  const methodArn = fc
    .tuple(verb, fc.array(segment, { maxLength: 4 }))
    .map(([v, segments]) => `${STAGE}/${v}/${segments.join("/")}`);
  const routes = fc.array(
    fc
      .tuple(
        fc.constantFrom("GET", "POST", "ANY"),
        fc.array(fc.oneof(segment, fc.constant("{id}")), { maxLength: 3 }),
      )
      .map(([v, segments]) => `${v} /${segments.join("/")}`),
    { minLength: 1, maxLength: 8 },
  );

  it("gives the same response for every request of the stage (route set or whole stage)", () => {
    fc.assert(
      fc.property(
        fc.oneof(routes, fc.constant("stage" as const)),
        methodArn,
        methodArn,
        (allow, first, second) => {
          const build = (arn: string) =>
            buildRestAuthorizerResponse({ methodArn: arn, principalId: "p", allow });
          expect(build(first)).toEqual(build(second));
        },
      ),
    );
  });

  it("never answers with just the incoming ARN unless request-only is opted in", () => {
    fc.assert(
      fc.property(methodArn, (arn) => {
        const response = buildRestAuthorizerResponse({
          methodArn: arn,
          principalId: "p",
          allow: ["GET /orders", "POST /orders/{id}"],
        });
        expect(resourcesOf(response)).not.toEqual([arn]);
        const stageWide = buildRestAuthorizerResponse({
          methodArn: arn,
          principalId: "p",
          allow: "stage",
        });
        expect(resourcesOf(stageWide)).not.toContain(arn);
      }),
    );
  });

  it("answers with just the incoming ARN only under the request-only opt-in", () => {
    const arn = `${STAGE}/GET/orders/42`;
    const response = buildRestAuthorizerResponse({
      methodArn: arn,
      principalId: "p",
      allow: { requestOnly: true, authorizerTtlSeconds: 0 },
    });
    expect(resourcesOf(response)).toEqual([arn]);
    expect(decide(response.policyDocument, `${STAGE}/GET/orders/43`)).toBe("implicit-deny");
  });
});
