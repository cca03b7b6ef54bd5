import { describe, expect, it } from "vitest";
import type { ApiTarget } from "../arn/expand-resource-arn.js";
import type { Decision, RequestPrincipal } from "../evaluate/evaluate-policy.js";
import { evaluatePolicy } from "../evaluate/evaluate-policy.js";
import { accountAllowlist } from "./account-allowlist.js";
import { composeResourcePolicy } from "./compose-resource-policy.js";
import { ipAllowlist } from "./ip-allowlist.js";
import { ipDenylist } from "./ip-denylist.js";
import { sourceVpcAllowlist } from "./source-vpc-allowlist.js";
import { vpcEndpointAllowlist } from "./vpc-endpoint-allowlist.js";

// Composed policies checked against the package's IAM evaluator: what they mean, not their shape.

const TARGET: ApiTarget = {
  partition: "aws",
  region: "eu-west-1",
  accountId: "123456789012",
  apiId: "a1b2c3d4e5",
};
const API_ARN = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5";

function decide(
  policy: unknown,
  path: string,
  context: Record<string, string>,
  principal: RequestPrincipal = "anonymous",
): Decision {
  const result = evaluatePolicy(policy, {
    action: "execute-api:Invoke",
    resource: `${API_ARN}${path}`,
    principal,
    context,
  });
  expect(result.error).toBeUndefined();
  return result.decision;
}

describe("composeResourcePolicy semantics", () => {
  const ipPolicy = composeResourcePolicy(
    [
      ipDenylist({ cidrs: ["192.0.2.0/24", "2001:db8::/32"] }),
      ipAllowlist({
        cidrs: ["203.0.113.0/24", "2001:db9::/48"],
        resources: ["execute-api:/prod/*"],
      }),
    ],
    { authTypes: ["NONE"], form: "expanded", target: TARGET },
  );

  it.each([
    ["192.0.2.5", "/dev/GET/x", "explicit-deny"],
    ["198.51.100.1", "/dev/GET/x", "allow"],
    ["198.51.100.1", "/prod/GET/x", "explicit-deny"],
    ["203.0.113.9", "/prod/GET/x", "allow"],
    ["2001:db8::1", "/dev/GET/x", "explicit-deny"],
    ["2001:db9::1", "/prod/GET/x", "allow"],
    // IPv4-mapped spellings are the IPv4 callers; refused spellings meet every Deny.
    ["::ffff:203.0.113.9", "/prod/GET/x", "allow"],
    ["::ffff:192.0.2.5", "/dev/GET/x", "explicit-deny"],
    ["192.0.2.05", "/dev/GET/x", "explicit-deny"],
    ["203.0.113.09", "/prod/GET/x", "explicit-deny"],
  ])("denylist + scoped allowlist: %s on %s -> %s", (ip, path, expected) => {
    expect(decide(ipPolicy, path, { "aws:SourceIp": ip })).toBe(expected);
  });

  const accountPolicy = composeResourcePolicy(
    [
      accountAllowlist({ principals: ["444455556666"] }),
      ipAllowlist({ cidrs: ["203.0.113.0/24"] }),
    ],
    { authTypes: ["AWS_IAM"], form: "expanded", target: TARGET },
  );
  const caller = { arn: "arn:aws:iam::444455556666:role/Caller", accountId: "444455556666" };

  it("account allowlist: an anonymous caller is not allowed", () => {
    expect(decide(accountPolicy, "/prod/GET/x", { "aws:SourceIp": "203.0.113.9" })).toBe(
      "implicit-deny",
    );
  });

  it("account allowlist: the allowlisted account from an allowed address is allowed", () => {
    expect(decide(accountPolicy, "/prod/GET/x", { "aws:SourceIp": "203.0.113.9" }, caller)).toBe(
      "allow",
    );
  });

  it("account allowlist: the allowlisted account from another address is denied", () => {
    expect(decide(accountPolicy, "/prod/GET/x", { "aws:SourceIp": "198.51.100.1" }, caller)).toBe(
      "explicit-deny",
    );
  });

  const vpcPolicy = composeResourcePolicy(
    [
      sourceVpcAllowlist({ vpcIds: ["vpc-1a2b3c4d"] }),
      vpcEndpointAllowlist({ vpceIds: ["vpce-0123456789abcdef0"] }),
    ],
    { authTypes: ["NONE"], form: "expanded", target: TARGET },
  );

  it.each([
    ["vpc-1a2b3c4d", "vpce-0123456789abcdef0", "allow"],
    ["vpc-1a2b3c4d", "vpce-11111111", "explicit-deny"],
    ["vpc-22222222", "vpce-0123456789abcdef0", "explicit-deny"],
  ])("VPC and endpoint allowlists are both enforced: %s via %s -> %s", (vpc, vpce, expected) => {
    expect(decide(vpcPolicy, "/prod/GET/x", { "aws:SourceVpc": vpc, "aws:SourceVpce": vpce })).toBe(
      expected,
    );
  });

  it("a VPC allowlist denies everyone when the key is absent (public API)", () => {
    expect(decide(vpcPolicy, "/prod/GET/x", { "aws:SourceIp": "198.51.100.1" })).toBe(
      "explicit-deny",
    );
  });
});
