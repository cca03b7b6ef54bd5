import { describe, expect, it } from "vitest";
import { lintResourcePolicy } from "../lint-resource-policy.js";

const policy = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
  ],
};
const options = { endpointType: "REGIONAL", authTypes: ["NONE"], ipAddressType: "ipv4" } as const;

describe("mtls_default_endpoint_enabled", () => {
  it("warns when an API behind mutual TLS keeps the execute-api endpoint", () => {
    expect(
      lintResourcePolicy(policy, { ...options, mutualTls: { disableExecuteApiEndpoint: false } }),
    ).toEqual([
      expect.objectContaining({
        code: "mtls_default_endpoint_enabled",
        severity: "warning",
        path: "",
        fix: expect.stringContaining("DisableExecuteApiEndpoint"),
      }),
    ]);
  });

  it.each([
    ["the endpoint is disabled", { mutualTls: { disableExecuteApiEndpoint: true } }],
    ["the API has no mutual TLS", {}],
  ])("is silent when %s", (_, extra) => {
    expect(lintResourcePolicy(policy, { ...options, ...extra })).toEqual([]);
  });

  it.each([
    [{ ...options, mutualTls: { disableExecuteApiEndpoint: "yes" } }, "mutualTls must be"],
    [
      {
        endpointType: "PRIVATE",
        authTypes: ["LAMBDA"],
        mutualTls: { disableExecuteApiEndpoint: true },
      },
      "not available for PRIVATE APIs",
    ],
  ])("refuses malformed or impossible options: %j", (bad, message) => {
    expect(() => lintResourcePolicy(policy, bad as never)).toThrow(
      expect.objectContaining({ name: "TypeError", message: expect.stringContaining(message) }),
    );
  });

  it("can be suppressed with a reason", () => {
    const [finding] = lintResourcePolicy(policy, {
      ...options,
      mutualTls: { disableExecuteApiEndpoint: false },
      suppress: [
        { code: "mtls_default_endpoint_enabled", reason: "execute-api kept for a canary" },
      ],
    });
    expect(finding?.suppressed).toEqual({ reason: "execute-api kept for a canary" });
  });
});
