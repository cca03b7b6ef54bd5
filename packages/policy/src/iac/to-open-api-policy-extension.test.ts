import { describe, expect, it } from "vitest";
import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type { PolicyDocument } from "../document/policy-document.js";
import { composedPolicy } from "./composed-policy.fixture.js";
import { toCloudFormation } from "./to-cloud-formation.js";
import { toOpenApiPolicyExtension } from "./to-open-api-policy-extension.js";

describe("toOpenApiPolicyExtension", () => {
  it("puts the canonical document under x-amazon-apigateway-policy and nothing else", () => {
    const extension = toOpenApiPolicyExtension(composedPolicy());
    expect(extension).toStrictEqual({
      "x-amazon-apigateway-policy": toCloudFormation(composedPolicy()),
    });
  });

  it("spreads into an OpenAPI definition that round-trips through JSON", () => {
    const definition = {
      openapi: "3.0.1",
      info: { title: "pets", version: "1" },
      paths: {},
      ...toOpenApiPolicyExtension(composedPolicy()),
    };
    const parsed = JSON.parse(JSON.stringify(definition)) as typeof definition;
    expect(parsePolicyDocument(parsed["x-amazon-apigateway-policy"])).toEqual(
      parsePolicyDocument(composedPolicy()),
    );
  });

  it("rejects an invalid document with PolicyError invalid_policy", () => {
    const bad = { Statement: [{ Effect: "Allow", Resource: "*" }] };
    expect(() => toOpenApiPolicyExtension(bad as unknown as PolicyDocument)).toThrowCode(
      "invalid_policy",
      { path: "Statement[0]" },
    );
  });
});
