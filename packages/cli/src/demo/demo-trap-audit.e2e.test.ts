import { cognitoVerifier } from "@gatehouse/authorizer";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLocalGateway } from "../audit/audit-local-gateway.js";
import { DEMO, demoTrapApi } from "./demo-gateway.js";

describe("the demo's hand-written trap API, audited", () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await createTestIssuer({ kind: "cognito", region: DEMO.region });
  });
  afterAll(() => issuer.close());

  it("gatehouse audit finds both bypasses the demo shows: Table A (DELETE) and the nested route", async () => {
    const verifier = cognitoVerifier({
      userPoolId: issuer.userPoolId,
      clientId: issuer.clientId,
      tokenUse: "access",
      jwksUri: issuer.jwksUri,
      jwks: issuer.jwks(),
    });
    const reader = await issuer.mintAccessToken({ scope: "pets/read" });
    const { audits } = await auditLocalGateway({
      region: DEMO.region,
      accountId: DEMO.accountId,
      apis: [demoTrapApi(verifier)],
      audit: {
        callers: [
          {
            name: "reader",
            headers: { authorization: `Bearer ${reader}` },
            grants: ["GET /pets/{id}"],
          },
        ],
      },
    });
    const unintended = audits.flatMap((audit) =>
      audit.unintended.map((cell) => `${cell.method} ${cell.path} ${cell.cause}`),
    );
    // With `Allow *` in the resource policy, the audit names it as the cause of both cells (the
    // nested route is also inside the authorizer's GET/pets/*: either policy alone lets it in).
    expect(unintended.sort()).toEqual([
      "DELETE /pets/1 resource_policy_allow",
      "GET /pets/1/medical-records resource_policy_allow",
    ]);
  });
});
