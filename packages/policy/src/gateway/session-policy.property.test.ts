import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import { evaluateApiGatewayAccess } from "./evaluate-api-gateway-access.js";

// A session policy (IAM user guide, "Session policies") bounds the session: the identity side is
// what the role's policies AND the session policy allow, and in the API's own account it limits a
// resource policy's Allow for the role too. Table A: (identity OR resource) AND session; Table B:
// identity AND session AND resource; an explicit Deny anywhere refuses.

const API_ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";
const METHOD_ARN = `arn:aws:execute-api:us-east-1:${API_ACCOUNT}:abc123/prod/GET/pets`;
type Stance = "allow" | "silent" | "deny";
const stance = fc.constantFrom<Stance>("allow", "silent", "deny");

function document(value: Stance, resourcePolicy: boolean): PolicyDocument {
  const who = resourcePolicy ? { Principal: "*" as const } : {};
  const resource = resourcePolicy ? "execute-api:/*" : "*";
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: value === "deny" ? "Deny" : "Allow",
        ...who,
        // Silent: an Allow of another action only.
        Action: value === "silent" ? "execute-api:ManageConnections" : "execute-api:Invoke",
        Resource: resource,
      },
    ],
  };
}

describe("gateway model: the caller's session policy", () => {
  it("allows exactly when the tables, with the session policy in the identity side, allow", async () => {
    await fc.assert(
      fc.asyncProperty(
        stance,
        fc.option(stance, { nil: undefined }),
        fc.option(stance, { nil: undefined }),
        fc.boolean(),
        async (identity, session, resource, sameAccount) => {
          const account = sameAccount ? API_ACCOUNT : OTHER_ACCOUNT;
          const result = await evaluateApiGatewayAccess({
            methodArn: METHOD_ARN,
            endpointType: "REGIONAL",
            authType: "AWS_IAM",
            resourcePolicy: resource === undefined ? null : document(resource, true),
            caller: {
              arn: `arn:aws:sts::${account}:assumed-role/app/CognitoIdentityCredentials`,
              accountId: account,
              signatureValid: true,
              callerPolicy: document(identity, false),
              ...(session === undefined ? {} : { sessionPolicy: document(session, false) }),
            },
          });
          const anyDeny = identity === "deny" || session === "deny" || resource === "deny";
          const sessionAllows = session === undefined || session === "allow";
          const identityAllows = identity === "allow" && sessionAllows;
          const expected = anyDeny
            ? false
            : sameAccount
              ? (identity === "allow" || resource === "allow") && sessionAllows
              : identityAllows && resource === "allow";
          expect(result.status).toBe(expected ? 200 : 403);
        },
      ),
    );
  });
});
