import { describe, expect, it } from "vitest";
import { buildRestAuthorizerResponse } from "../authorizer-response/build-rest-authorizer-response.js";
import { evaluateApiGatewayAccess } from "../gateway/evaluate-api-gateway-access.js";
import { composeResourcePolicy } from "./compose-resource-policy.js";
import { ipDenylist } from "./ip-denylist.js";

// Table A (same account): authorizer silent + resource policy Allow = Allow. A resource policy
// composed for an API with a Lambda authorizer must therefore never Allow the authorizer's methods.

const API = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5";
const DELETE_PET = `${API}/dev/DELETE/pets/42`;

/** What the authorizer's route table gives a read-only token: GET routes only. */
function readOnlyAuthorizer({ methodArn }: { methodArn: string }) {
  return buildRestAuthorizerResponse({
    methodArn,
    principalId: "reader",
    allow: ["GET /pets", "GET /pets/{id}"],
  });
}

const AUTH_TYPES = {
  "GET /pets": "LAMBDA",
  "GET /pets/{id}": "LAMBDA",
  "DELETE /pets/{id}": "LAMBDA",
  "OPTIONS /{proxy+}": "NONE",
} as const;

describe("composeResourcePolicy next to a Lambda authorizer", () => {
  const rules = [ipDenylist({ cidrs: ["203.0.113.0/24"] })];

  it("does not let a read-only token DELETE when the authorizer is silent on that route", async () => {
    const resourcePolicy = composeResourcePolicy(rules, { authTypes: AUTH_TYPES });
    const result = await evaluateApiGatewayAccess({
      methodArn: DELETE_PET,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      sourceIp: "198.51.100.7",
      resourcePolicy,
      authorizer: readOnlyAuthorizer,
    });
    expect([result.status, result.reason]).toEqual([403, "authorizer_implicit_deny"]);
    expect(result.resourcePolicyDecision).toBe("implicit-deny");
  });

  it("still lets the read-only token GET a pet (the authorizer allows it)", async () => {
    const resourcePolicy = composeResourcePolicy(rules, { authTypes: AUTH_TYPES });
    const result = await evaluateApiGatewayAccess({
      methodArn: `${API}/dev/GET/pets/42`,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      sourceIp: "198.51.100.7",
      resourcePolicy,
      authorizer: readOnlyAuthorizer,
    });
    expect(result.status).toBe(200);
  });

  it("keeps the CORS preflight (NONE) reachable, and denied for a listed IP", async () => {
    const resourcePolicy = composeResourcePolicy(rules, { authTypes: AUTH_TYPES });
    const preflight = (sourceIp: string) =>
      evaluateApiGatewayAccess({
        methodArn: `${API}/dev/OPTIONS/pets/42`,
        endpointType: "REGIONAL",
        authType: "NONE",
        sourceIp,
        resourcePolicy,
      });
    expect((await preflight("198.51.100.7")).status).toBe(200);
    expect((await preflight("203.0.113.9")).reason).toBe("resource_policy_explicit_deny");
  });

  it("the AWS example shape (authTypes: null) is the bypass: DELETE gets 200", async () => {
    const resourcePolicy = composeResourcePolicy(rules, { authTypes: null });
    const result = await evaluateApiGatewayAccess({
      methodArn: DELETE_PET,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      sourceIp: "198.51.100.7",
      resourcePolicy,
      authorizer: readOnlyAuthorizer,
    });
    expect([result.status, result.resourcePolicyDecision]).toEqual([200, "allow"]);
  });
});
