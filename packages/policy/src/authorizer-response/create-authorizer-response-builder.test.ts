import { describe, expect, it } from "vitest";
import { buildRestAuthorizerResponse } from "./build-rest-authorizer-response.js";
import { createAuthorizerResponseBuilder } from "./create-authorizer-response-builder.js";

const STAGE = "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab";

describe("createAuthorizerResponseBuilder", () => {
  it.each([
    [{ maxStages: 0 }, /maxStages/],
    [{ maxStages: 1.5 }, /maxStages/],
    [{ documentsPerStage: -1 }, /documentsPerStage/],
    [{ documentsPerStage: "16" }, /documentsPerStage/],
  ])("refuses the bounds %j at construction", (options, message) => {
    expect(() => createAuthorizerResponseBuilder(options as never)).toThrow(TypeError);
    expect(() => createAuthorizerResponseBuilder(options as never)).toThrow(message);
  });

  it("answers the same for many stages and route sets, past its bounds", () => {
    const responses = createAuthorizerResponseBuilder({ maxStages: 2, documentsPerStage: 2 });
    for (let round = 0; round < 3; round++) {
      for (const stage of ["prod", "dev", "test", "v1"]) {
        for (const allow of [["GET /pets"], ["POST /pets"], ["GET /pets", "POST /pets"], "stage"]) {
          const options = {
            methodArn: `${STAGE}/${stage}/GET/pets`,
            principalId: `user-${round}`,
            allow: allow as "stage" | string[],
            usageIdentifierKey: "key-1",
          };
          expect(responses.rest(options)).toEqual(buildRestAuthorizerResponse(options));
        }
      }
    }
  });

  it("refuses a response over 8192 bytes with the plain builder's error, on a hit too", () => {
    const responses = createAuthorizerResponseBuilder();
    const options = {
      methodArn: `${STAGE}/prod/GET/pets`,
      principalId: "user-42",
      allow: ["GET /pets"],
    };
    responses.rest(options);
    const large = { ...options, context: { pad: "é".repeat(4100) } };
    expect(() => responses.rest(large)).toThrowCode("response_too_large");
    expect(() => buildRestAuthorizerResponse(large)).toThrowCode("response_too_large");
  });

  it("denyAll is the plain builder's stage-wide Deny", () => {
    const responses = createAuthorizerResponseBuilder();
    const response = responses.denyAll({ arn: `${STAGE}/prod/GET/pets`, principalId: "anonymous" });
    expect(response.policyDocument.Statement).toEqual([
      { Action: "execute-api:Invoke", Effect: "Deny", Resource: [`${STAGE}/prod/*`] },
    ]);
  });
});
