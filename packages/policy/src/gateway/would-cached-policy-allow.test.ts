import { describe, expect, it } from "vitest";
import type { IamAuthorizerResponse } from "../authorizer-response/iam-authorizer-response.js";
import type { PolicyDocument } from "../document/policy-document.js";
import { compilePolicy } from "../evaluate/compile-policy.js";
import { evaluateApiGatewayAccess } from "./evaluate-api-gateway-access.js";
import { wouldCachedPolicyAllow } from "./would-cached-policy-allow.js";

const STAGE = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod";
const ROUTE_1 = `${STAGE}/GET/pets`;
const ROUTE_2 = `${STAGE}/POST/orders/17`;

function respond(resource: string): IamAuthorizerResponse {
  return {
    principalId: "user-42",
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: resource }],
    },
  };
}

// What an authorizer written with `Resource: event.methodArn` returns.
const methodArnAuthorizer = (event: { methodArn: string }) => respond(event.methodArn);

describe("wouldCachedPolicyAllow", () => {
  it("refuses route 2 with a policy cached from `Resource: event.methodArn` on route 1", async () => {
    const first = await evaluateApiGatewayAccess({
      methodArn: ROUTE_1,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      authorizer: methodArnAuthorizer,
    });
    expect(first.status).toBe(200);
    const second = wouldCachedPolicyAllow({
      cachedResponse: first.authorizerResponse!,
      cachedMethodArn: ROUTE_1,
      methodArn: ROUTE_2,
      endpointType: "REGIONAL",
    });
    expect(second).toMatchObject({
      allowed: false,
      status: 403,
      message: "User is not authorized to access this resource",
    });
  });

  it("allows route 2 with a cached stage-wide policy", () => {
    const verdict = wouldCachedPolicyAllow({
      cachedResponse: respond(`${STAGE}/*`),
      cachedMethodArn: ROUTE_1,
      methodArn: ROUTE_2,
      endpointType: "REGIONAL",
    });
    expect(verdict).toMatchObject({ allowed: true, status: 200 });
  });

  it("reports a cache hit, not an invocation", () => {
    const verdict = wouldCachedPolicyAllow({
      cachedResponse: respond(`${STAGE}/*`),
      methodArn: ROUTE_2,
      endpointType: "REGIONAL",
    });
    expect([verdict.authorizerInvoked, verdict.authorizerFromCache]).toEqual([false, true]);
  });

  const ipDenylist: PolicyDocument = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Deny",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: "execute-api:/*",
        Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
      },
    ],
  };

  it("still applies the resource policy's explicit Deny before the cached policy", () => {
    const verdict = wouldCachedPolicyAllow({
      cachedResponse: respond(`${STAGE}/*`),
      methodArn: ROUTE_2,
      endpointType: "REGIONAL",
      sourceIp: "203.0.113.9",
      resourcePolicy: ipDenylist,
    });
    expect(verdict).toMatchObject({ allowed: false, phase: "pre-authorizer" });
  });

  it("takes a compiled resource policy, with the document's verdict", () => {
    const compiled = compilePolicy(ipDenylist);
    for (const sourceIp of ["203.0.113.9", "198.51.100.7"]) {
      const request = { cachedResponse: respond(`${STAGE}/*`), methodArn: ROUTE_2, sourceIp };
      expect(
        wouldCachedPolicyAllow({ ...request, endpointType: "REGIONAL", resourcePolicy: compiled }),
      ).toEqual(
        wouldCachedPolicyAllow({
          ...request,
          endpointType: "REGIONAL",
          resourcePolicy: ipDenylist,
        }),
      );
    }
  });

  it("does not let a WebSocket stage-wide /*/* pattern cover $connect", () => {
    const verdict = wouldCachedPolicyAllow({
      cachedResponse: respond(`${STAGE}/*/*`),
      methodArn: `${STAGE}/$connect`,
      endpointType: "REGIONAL",
    });
    expect(verdict.allowed).toBe(false);
  });

  it("throws TypeError when the cached request is on another stage", () => {
    expect(() =>
      wouldCachedPolicyAllow({
        cachedResponse: respond(`${STAGE}/*`),
        cachedMethodArn: ROUTE_1.replace("/prod/", "/dev/"),
        methodArn: ROUTE_2,
        endpointType: "REGIONAL",
      }),
    ).toThrow(TypeError);
  });

  it("throws TypeError without a cached response", () => {
    expect(() =>
      wouldCachedPolicyAllow({
        cachedResponse: undefined as unknown as IamAuthorizerResponse,
        methodArn: ROUTE_2,
        endpointType: "REGIONAL",
      }),
    ).toThrow(TypeError);
  });
});
