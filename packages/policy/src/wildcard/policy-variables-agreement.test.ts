import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildHttpV2IamAuthorizerResponse } from "../authorizer-response/build-http-v2-iam-authorizer-response.js";
import { buildRestAuthorizerResponse } from "../authorizer-response/build-rest-authorizer-response.js";
import { buildWebSocketAuthorizerResponse } from "../authorizer-response/build-web-socket-authorizer-response.js";
import { evaluatePolicy } from "../evaluate/evaluate-policy.js";
import { compileWildcard, matchesWildcard } from "./wildcard.js";

/** The IAM evaluator on a one-statement policy, without request context. */
function evaluatorAllows(pattern: string, arn: string): boolean {
  const policy = {
    Version: "2012-10-17" as const,
    Statement: [{ Effect: "Allow" as const, Action: "execute-api:Invoke", Resource: pattern }],
  };
  return (
    evaluatePolicy(policy, { action: "execute-api:Invoke", resource: arn }).decision === "allow"
  );
}

/** Policy variables as they appear in a Resource (not JS template placeholders). */
const variable = (inner: string): string => `$${"{"}${inner}}`;
const BASE = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod";
const piece = fc.constantFrom(
  "*",
  "?",
  "/",
  "GET",
  "pets",
  "a",
  variable("*"),
  variable("x"),
  variable("x, 'a'"),
  "😀",
  "$",
);

describe("wildcards with policyVariables agree with evaluatePolicy on a Resource", () => {
  it("on generated patterns and ARNs", () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }),
        fc.array(fc.constantFrom("/", "GET", "pets", "a", "*", "?", "😀", "$", "x"), {
          maxLength: 8,
        }),
        (patternPieces, valuePieces) => {
          const pattern = `${BASE}/${patternPieces.join("")}`;
          const arn = `${BASE}/${valuePieces.join("")}`;
          const expected = evaluatorAllows(pattern, arn);
          expect(matchesWildcard(pattern, arn, { policyVariables: true })).toBe(expected);
          expect(compileWildcard(pattern, { policyVariables: true })(arn)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("on the builders' own resources for real route templates", () => {
    const templates = [
      "GET /pets",
      "GET /pets/{id}",
      "ANY /admin/{proxy+}",
      "POST /pets/{id}/toys",
    ];
    const arns = [
      "GET/pets",
      "GET/pets/42",
      "GET/pets/42/toys",
      "POST/pets/42/toys",
      "DELETE/admin/a/b",
      "GET/admin",
      "PUT/pets",
    ].map((rest) => `${BASE}/${rest}`);
    const responses = [
      buildRestAuthorizerResponse({
        methodArn: arns[0] as string,
        principalId: "p",
        allow: templates,
      }),
      buildHttpV2IamAuthorizerResponse({
        routeArn: arns[0] as string,
        principalId: "p",
        allow: templates,
      }),
      buildWebSocketAuthorizerResponse({
        methodArn: `${BASE}/$connect`,
        principalId: "p",
        allow: ["$connect", "sendMessage"],
      }),
    ];
    for (const response of responses) {
      for (const statement of response.policyDocument.Statement) {
        for (const resource of [statement.Resource].flat()) {
          for (const arn of [...arns, `${BASE}/$connect`, `${BASE}/sendMessage`]) {
            expect(compileWildcard(resource, { policyVariables: true })(arn)).toBe(
              evaluatorAllows(resource, arn),
            );
          }
        }
      }
    }
  });
});
