import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatExecuteApiArn } from "../arn/format-execute-api-arn.js";
import type { PolicyDocument } from "../document/policy-document.js";
import { HTTP_METHODS } from "../identifiers/http-method.js";
import { partitionOfRegion } from "../identifiers/partition-of-region.js";
import { parseCallerPrincipalArn } from "../identifiers/principal-arn.js";
import { isRegion } from "../identifiers/region.js";
import { roleArnOfSession } from "../identifiers/role-arn-of-session.js";
import { evaluateApiGatewayAccess } from "./evaluate-api-gateway-access.js";

// The gateway model takes any request built from identifiers the validators accept: no throw, and
// the same-account IAM caller with an allowing identity policy is allowed (Table A).

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const region = fc
  .tuple(
    fc.constantFrom("us", "eu", "ap", "cn", "eusc", "mx"),
    fc.oneof(fc.constantFrom("gov", "iso", "isob", "isoe", "isof", "de", "west"), word),
    fc.option(word, { nil: undefined }),
    fc.integer({ min: 1, max: 99 }),
  )
  .map(([geo, second, third, n]) => [geo, second, third, String(n)].filter(Boolean).join("-"))
  .filter(isRegion);
const iamName = fc.stringMatching(/^[\w+=,.@-]{1,64}$/);
const callerResource = fc.oneof(
  fc.constant("iam:root"),
  iamName.map((name) => `iam:user/${name}`),
  fc.tuple(iamName, iamName).map(([role, session]) => `sts:assumed-role/${role}/${session}`),
);
const allow: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" }],
};

describe("evaluateApiGatewayAccess with generated identifiers", () => {
  it("evaluates every request the validators accept, and Table A allows the same account", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          region,
          accountId: fc.stringMatching(/^\d{12}$/),
          apiId: fc.stringMatching(/^[a-z0-9]{1,32}$/),
          stage: fc.oneof(fc.constant("$default"), fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/)),
          method: fc.constantFrom(...HTTP_METHODS),
          path: fc.stringMatching(/^\/[A-Za-z0-9/_.~-]{0,60}$/),
          caller: callerResource,
        }),
        async ({ caller, ...fields }) => {
          const partition = partitionOfRegion(fields.region);
          const methodArn = formatExecuteApiArn({ form: "full", partition, ...fields });
          const [service, resource] = caller.split(/:(.*)/s) as [string, string];
          const arn = `arn:${partition}:${service}::${fields.accountId}:${resource}`;
          const result = await evaluateApiGatewayAccess({
            methodArn,
            endpointType: "REGIONAL",
            authType: "AWS_IAM",
            caller: { arn, accountId: fields.accountId, signatureValid: true, callerPolicy: allow },
            resourcePolicy: {
              Version: "2012-10-17",
              Statement: [
                {
                  Effect: "Deny",
                  Principal: "*",
                  Action: "execute-api:Invoke",
                  Resource: "execute-api:/*",
                  Condition: {
                    StringEquals: { "aws:PrincipalArn": "arn:aws:iam::000000000000:role/never" },
                  },
                },
              ],
            },
          });
          expect(result.status, result.reason).toBe(200);
          if (parseCallerPrincipalArn(arn).kind === "assumed-role") {
            expect(roleArnOfSession(arn).startsWith(`arn:${partition}:iam::`)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
