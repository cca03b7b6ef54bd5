import { describe, expect, it } from "vitest";
import type { LintResourcePolicyOptions, LintSuppression } from "./lint-options.js";
import { lintResourcePolicy } from "./lint-resource-policy.js";

// The AWS example IP denylist next to a Lambda authorizer, without Version: an error
// (allow_overrides_authorizer) and a warning (missing_version).
const policy = {
  Statement: [
    { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
    {
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: "execute-api:/*",
      Condition: { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } },
    },
  ],
};
const base = { endpointType: "REGIONAL", ipAddressType: "ipv4", authTypes: ["LAMBDA"] } as const;
const lint = (suppress: unknown) =>
  lintResourcePolicy(policy, { ...base, suppress } as LintResourcePolicyOptions);

describe("lintResourcePolicy suppress", () => {
  it("keeps a suppressed finding, marked with its reason, after the others", () => {
    const reason = "the authorizer returns an explicit Deny for every route it refuses";
    const findings = lint([{ code: "allow_overrides_authorizer", reason: `  ${reason} ` }]);
    expect(findings.map((finding) => [finding.code, finding.suppressed])).toEqual([
      ["missing_version", undefined],
      ["allow_overrides_authorizer", { reason }],
    ]);
    expect(findings[1]?.severity).toBe("error");
  });

  it("returns the same findings, unmarked, without suppressions", () => {
    const findings = lint(undefined);
    expect(findings.map((finding) => finding.code)).toEqual([
      "allow_overrides_authorizer",
      "missing_version",
    ]);
    expect(findings.every((finding) => !("suppressed" in finding))).toBe(true);
  });

  it("accepts a suppression for a rule that finds nothing", () => {
    expect(
      lint([{ code: "policy_too_large", reason: "checked by the deploy pipeline" }]),
    ).toHaveLength(2);
  });

  it.each([
    ["no reason", [{ code: "missing_version" }], /needs a reason/],
    ["an empty reason", [{ code: "missing_version", reason: "  " }], /needs a reason/],
    ["an unknown code", [{ code: "no-such-rule", reason: "x" }], /is not a rule code/],
    [
      "the same code twice",
      [
        { code: "missing_version", reason: "a" },
        { code: "missing_version", reason: "b" },
      ],
      /suppressed twice/,
    ],
    ["not an array", { code: "missing_version", reason: "a" }, /must be an array/],
    ["a string entry", ["missing_version"], /must be an object/],
  ])("throws TypeError for %s", (_name, suppress, message) => {
    expect(() => lint(suppress)).toThrow(TypeError);
    expect(() => lint(suppress)).toThrow(message);
  });

  it.each(["missing_version", "allow_overrides_authorizer", "ipv4_only_denylist_on_dualstack"])(
    "refuses %s by its former kebab-case name with renamed_code, naming the current one",
    (code) => {
      const former = code.replace(/_/g, "-");
      const suppress = [
        { code: "policy_too_large", reason: "checked by the deploy pipeline" },
        { code: former, reason: "accepted" },
      ];
      expect(() => lint(suppress)).toThrowCode("renamed_code", {
        path: "suppress[1].code",
        actual: former,
        expected: code,
      });
      expect(() => lint(suppress)).toThrow(`"${former}" is now "${code}"`);
    },
  );

  it("keeps a kebab-case code that names no rule an unknown code (TypeError)", () => {
    expect(() => lint([{ code: "no-such-rule", reason: "x" }])).toThrow(TypeError);
  });

  it("requires a reason at compile time", () => {
    // @ts-expect-error: a suppression without a reason does not compile
    const missing: LintSuppression = { code: "missing_version" };
    expect(missing.code).toBe("missing_version");
  });
});
