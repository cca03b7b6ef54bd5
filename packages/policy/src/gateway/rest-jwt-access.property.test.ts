import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JwtResourcePolicyMode, RestJwtTokenOutcome } from "./api-gateway-access.js";
import { evaluateApiGatewayAccess } from "./evaluate-api-gateway-access.js";
import { arbitraryMethodArn, arbitraryResourcePolicy } from "./test-support.js";

const token = fc.constantFrom<RestJwtTokenOutcome>("valid", "invalid", "insufficient_scope");
const mode = fc.constantFrom<JwtResourcePolicyMode | undefined>(
  undefined,
  "must-allow",
  "silent-allows",
);

describe("REST JWT composition (property)", () => {
  it("a token that fails any check never gets 200, whatever the resource policy and mode", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryMethodArn,
        arbitraryResourcePolicy,
        mode,
        token,
        async (arn, policy, m, t) => {
          const result = await evaluateApiGatewayAccess({
            methodArn: arn,
            endpointType: "REGIONAL",
            authType: "JWT",
            jwtToken: t,
            resourcePolicy: policy,
            ...(m === undefined ? {} : { jwtResourcePolicy: m }),
          });
          if (t === "invalid") expect(result.status).toBe(401);
          if (t === "insufficient_scope") expect(result.status).toBe(403);
          if (t !== "valid") expect(result.resourcePolicyDecision).toBe("not-evaluated");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("with a valid token, must-allow admits exactly what NONE admits; silent-allows admits a superset", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryMethodArn, arbitraryResourcePolicy, async (arn, policy) => {
        const base = { methodArn: arn, endpointType: "REGIONAL" as const, resourcePolicy: policy };
        const none = await evaluateApiGatewayAccess({ ...base, authType: "NONE" });
        const strict = await evaluateApiGatewayAccess({
          ...base,
          authType: "JWT",
          jwtToken: "valid",
        });
        const lenient = await evaluateApiGatewayAccess({
          ...base,
          authType: "JWT",
          jwtToken: "valid",
          jwtResourcePolicy: "silent-allows",
        });
        expect(strict.status).toBe(none.status);
        expect(strict.message).toBe(none.message);
        if (strict.status === 200) expect(lenient.status).toBe(200);
        // An explicit Deny wins in both readings.
        if (none.resourcePolicyDecision === "explicit-deny") expect(lenient.status).toBe(403);
      }),
      { numRuns: 300 },
    );
  });
});
