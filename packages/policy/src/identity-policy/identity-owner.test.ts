// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings.
import { describe, expect, it } from "vitest";
import { identityPolicyVariable } from "./identity-owner.js";

describe("identityPolicyVariable", () => {
  it.each([
    [undefined, "${cognito-identity.amazonaws.com:sub}"],
    ["identity", "${cognito-identity.amazonaws.com:sub}"],
    [{ principalTag: "tenant" }, "${aws:PrincipalTag/tenant}"],
    [{ principalTag: "org:unit/team=a+b@c d" }, "${aws:PrincipalTag/org:unit/team=a+b@c d}"],
    [{ principalTag: "x".repeat(128) }, `\${aws:PrincipalTag/${"x".repeat(128)}}`],
  ])("writes %j as %s", (owner, variable) => {
    expect(identityPolicyVariable(owner as never)).toBe(variable);
  });

  it.each([[""], ["a}b"], ["a*"], ["${x}"], ["x".repeat(129)], [7]])(
    "refuses the tag key %j",
    (key) => {
      expect(() =>
        identityPolicyVariable({ principalTag: key as never }, "options.owner"),
      ).toThrowCode("invalid_principal_tag", { path: "options.owner.principalTag" });
    },
  );

  it.each([["user"], [null], [{}]])("refuses %j with a TypeError", (owner) => {
    expect(() => identityPolicyVariable(owner as never)).toThrow(TypeError);
  });
});
