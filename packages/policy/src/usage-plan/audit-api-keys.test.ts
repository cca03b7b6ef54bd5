import { describe, expect, it } from "vitest";
import { type ApiKeyAuditMethod, auditApiKeys } from "./audit-api-keys.js";

const method = (
  route: string,
  authType: ApiKeyAuditMethod["authType"],
  apiKeyRequired: boolean,
): ApiKeyAuditMethod => ({ route, authType, apiKeyRequired });

describe("auditApiKeys", () => {
  it("lists the methods with and without a key", () => {
    const audit = auditApiKeys({
      apiKeySource: "HEADER",
      methods: [method("GET /feed", "LAMBDA", true), method("GET /health", "NONE", false)],
      usagePlans: ["basic"],
    });
    expect(audit).toEqual({
      apiKeySource: "HEADER",
      required: ["GET /feed"],
      withoutKey: ["GET /health"],
      usagePlans: ["basic"],
      findings: [],
    });
  });

  it("says nothing about keys on an API that uses none", () => {
    const audit = auditApiKeys({
      apiKeySource: "HEADER",
      methods: [method("GET /health", "NONE", false)],
      usagePlans: [],
    });
    expect(audit).toMatchObject({ required: [], withoutKey: [], findings: [] });
  });

  // [case, source, methods, plans, codes]
  const table: [string, "HEADER" | "AUTHORIZER", ApiKeyAuditMethod[], string[], string[]][] = [
    [
      "a key as the only gate",
      "HEADER",
      [method("GET /feed", "NONE", true)],
      ["p"],
      ["api_key_not_authorization"],
    ],
    [
      "no usage plan",
      "HEADER",
      [method("GET /feed", "LAMBDA", true)],
      [],
      ["api_key_without_usage_plan"],
    ],
    [
      "AUTHORIZER without a Lambda authorizer",
      "AUTHORIZER",
      [method("GET /feed", "AWS_IAM", true)],
      ["p"],
      ["api_key_source_without_authorizer"],
    ],
    [
      "AUTHORIZER with a Lambda authorizer",
      "AUTHORIZER",
      [method("GET /feed", "LAMBDA", true)],
      ["p"],
      [],
    ],
    [
      "NONE, AUTHORIZER, no plan",
      "AUTHORIZER",
      [method("GET /feed", "NONE", true)],
      [],
      [
        "api_key_without_usage_plan",
        "api_key_not_authorization",
        "api_key_source_without_authorizer",
      ],
    ],
  ];
  it.each(table)("%s", (_case, apiKeySource, methods, usagePlans, codes) => {
    const audit = auditApiKeys({ apiKeySource, methods, usagePlans });
    expect(audit.findings.map((finding) => finding.code)).toEqual(codes);
  });
});
