import { describe, expect, it } from "vitest";
import type { ApiTarget } from "../arn/expand-resource-arn.js";
import type { PolicyDocument } from "../document/policy-document.js";
import { policySize } from "./policy-size.js";

const TARGET: ApiTarget = {
  partition: "aws",
  region: "eu-west-1",
  accountId: "123456789012",
  apiId: "a1b2c3d4e5",
};
const API_ARN = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5";

const shortPolicy: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: ["execute-api:/*"] },
  ],
};
const expandedPolicy: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: [`${API_ARN}/*`] },
  ],
};

describe("policySize", () => {
  it("measures both forms as compact JSON given a target", () => {
    expect(policySize(shortPolicy, TARGET)).toEqual({
      short: JSON.stringify(shortPolicy).length,
      expanded: JSON.stringify(expandedPolicy).length,
      limit: 8192,
    });
  });

  it("leaves the expanded size unknown without a target when short resources remain", () => {
    expect(policySize(shortPolicy).expanded).toBeUndefined();
  });

  it("knows both sizes of a policy already in full ARNs", () => {
    expect(policySize(expandedPolicy)).toEqual({
      short: JSON.stringify(shortPolicy).length,
      expanded: JSON.stringify(expandedPolicy).length,
      limit: 8192,
    });
  });

  it("counts NotResource and a single Statement object", () => {
    const single = {
      Statement: { Effect: "Deny", NotResource: "execute-api:/prod/*" },
    } as PolicyDocument;
    const full = { Statement: { Effect: "Deny", NotResource: `${API_ARN}/prod/*` } };
    expect(policySize(single, TARGET).expanded).toBe(JSON.stringify(full).length);
  });

  it("throws TypeError for something that is not a policy", () => {
    expect(() => policySize({} as PolicyDocument)).toThrow(TypeError);
  });
});
