import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import { evaluateApiGatewayAccess } from "./evaluate-api-gateway-access.js";

// aws:PrincipalArn is the ROLE ARN for an assumed-role session, in the resource policy and in the
// caller's identity policy alike: "Deny unless PrincipalArn = role" lets the role's own sessions
// in, "Deny if PrincipalArn = role" keeps them out. (IAM user guide, condition key
// aws:PrincipalArn: "for an assumed-role session, the ARN of the role".)

const API_ACCOUNT = "111122223333";
const METHOD_ARN = `arn:aws:execute-api:us-east-1:${API_ACCOUNT}:abc123/prod/GET/pets`;
const name = fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,32}$/);
function withDeny(
  operator: "ArnNotEquals" | "ArnEquals",
  role: string,
  principal: boolean,
): PolicyDocument {
  const resource = principal ? "execute-api:/*" : "*";
  const who = principal ? { Principal: "*" as const } : {};
  return {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", ...who, Action: "execute-api:Invoke", Resource: resource },
      {
        Effect: "Deny",
        ...who,
        Action: "execute-api:Invoke",
        Resource: resource,
        Condition: { [operator]: { "aws:PrincipalArn": role } },
      },
    ],
  };
}

describe("aws:PrincipalArn is the role for an assumed-role caller (gateway model)", () => {
  it("resource policy and identity policy: the role's own session passes 'Deny unless = role' and is stopped by 'Deny if = role'", async () => {
    await fc.assert(
      fc.asyncProperty(
        name,
        name,
        name,
        fc.boolean(),
        async (roleName, otherRole, sessionName, inResourcePolicy) => {
          const role = `arn:aws:iam::${API_ACCOUNT}:role/${roleName}`;
          const session = `arn:aws:sts::${API_ACCOUNT}:assumed-role/${roleName}/${sessionName}`;
          const otherSession = `arn:aws:sts::${API_ACCOUNT}:assumed-role/${otherRole}/${sessionName}`;
          const ask = async (arn: string, operator: "ArnNotEquals" | "ArnEquals") => {
            const policy = withDeny(operator, role, inResourcePolicy);
            const result = await evaluateApiGatewayAccess({
              methodArn: METHOD_ARN,
              endpointType: "REGIONAL",
              authType: "AWS_IAM",
              ...(inResourcePolicy ? { resourcePolicy: policy } : {}),
              caller: {
                arn,
                accountId: API_ACCOUNT,
                signatureValid: true,
                callerPolicy: inResourcePolicy ? null : policy,
              },
            });
            return result.status;
          };
          expect(await ask(session, "ArnNotEquals")).toBe(200);
          expect(await ask(session, "ArnEquals")).toBe(403);
          if (otherRole !== roleName) {
            expect(await ask(otherSession, "ArnNotEquals")).toBe(403);
            expect(await ask(otherSession, "ArnEquals")).toBe(200);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
