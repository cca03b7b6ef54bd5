import { describe, expect, it } from "vitest";
import { executeApiInvokePolicy, type InvokePolicyApi } from "./execute-api-invoke-policy.js";

const API: InvokePolicyApi = {
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "a1b2c3d4e5",
  stage: "prod",
  apiType: "rest",
  routes: [
    "GET /pets/{id}",
    "GET /pets/{id}/toys",
    "GET /pets/{id}/owner",
    "POST /pets",
    "ANY /reports",
  ],
};
const ARN = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5";

describe("executeApiInvokePolicy", () => {
  it("allows the route and denies the routes its pattern over-matches (never CDK's GET/pets/*)", () => {
    const { policy, refused } = executeApiInvokePolicy({ api: API, routes: ["GET /pets/{id}"] });
    expect(policy).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "execute-api:Invoke", Resource: [`${ARN}/prod/GET/pets/*`] },
        {
          Effect: "Deny",
          Action: "execute-api:Invoke",
          Resource: [`${ARN}/prod/GET/pets/*/toys`, `${ARN}/prod/GET/pets/*/owner`],
        },
      ],
    });
    expect(refused).toEqual([]);
  });

  it("grants the deeper route alone, exactly, with no Deny", () => {
    const { policy } = executeApiInvokePolicy({ api: API, routes: ["GET /pets/{petId}/toys"] });
    expect(policy.Statement).toEqual([
      { Effect: "Allow", Action: "execute-api:Invoke", Resource: [`${ARN}/prod/GET/pets/*/toys`] },
    ]);
  });

  it("expands ANY into verbs and repeats the grant on every stage", () => {
    const { policy } = executeApiInvokePolicy({
      api: { ...API, stage: undefined, stages: ["prod", "beta"] },
      routes: ["ANY /reports"],
    });
    const [allow] = policy.Statement as { Resource: string[] }[];
    expect(allow?.Resource).toContain(`${ARN}/prod/GET/reports`);
    expect(allow?.Resource).toContain(`${ARN}/beta/DELETE/reports`);
    expect(
      allow?.Resource.some((arn) => arn.includes("/*/reports") || arn.endsWith("/ANY/reports")),
    ).toBe(false);
  });

  it("reports the requests IAM cannot keep apart (refused, never granted)", () => {
    const { policy, refused } = executeApiInvokePolicy({
      api: { ...API, apiType: "http", routes: ["GET /files/{proxy+}", "GET /files/{id}/meta"] },
      routes: ["GET /files/{proxy+}"],
    });
    expect(policy.Statement).toHaveLength(2);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toEqual(expect.objectContaining({ route: "GET /files/{proxy+}" }));
  });

  it("uses the partition of the region", () => {
    const { policy } = executeApiInvokePolicy({
      api: { ...API, region: "cn-north-1", routes: ["POST /pets"] },
      routes: ["POST /pets"],
    });
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Resource: ["arn:aws-cn:execute-api:cn-north-1:123456789012:a1b2c3d4e5/prod/POST/pets"],
      }),
    ]);
  });

  it.each([
    [{ routes: ["GET /cats/{id}"] }, "invalid_route_template", "routes[0]"],
    [{ routes: ["GET pets"] }, "invalid_route_template", "routes[0]"],
    [{ api: { ...API, routes: ["GET /a", "GET a"] } }, "invalid_route_template", "api.routes[1]"],
    [{ api: { ...API, accountId: "1234" } }, "invalid_account_id", "api.accountId"],
    [{ api: { ...API, apiId: "My-Api" } }, "invalid_api_id", "api.apiId"],
    [{ api: { ...API, stage: "prod/x" } }, "invalid_stage", "api.stage"],
    [{ api: { ...API, region: "us-east-1a" } }, "invalid_region", "api.region"],
    [{ api: { ...API, partition: "aws-cn" } }, "invalid_region", "api.region"],
  ])("refuses %j", (override, code, path) => {
    expect(() =>
      executeApiInvokePolicy({ api: API, routes: ["GET /pets/{id}"], ...override } as never),
    ).toThrowCode(code, { path });
  });

  it.each([
    [{ routes: [] }],
    [{ api: { ...API, routes: [] } }],
    [{ api: { ...API, stages: ["prod"] } }],
    [{ api: { ...API, stage: undefined } }],
    [{ api: { ...API, stage: undefined, stages: ["prod", "prod"] } }],
  ])("refuses misuse with a TypeError: %j", (override) => {
    expect(() =>
      executeApiInvokePolicy({ api: API, routes: ["GET /pets/{id}"], ...override } as never),
    ).toThrow(TypeError);
  });
});
