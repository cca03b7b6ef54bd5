import { describe, expect, it } from "vitest";
import { vpcEndpointAllowlist } from "./vpc-endpoint-allowlist.js";

describe("vpcEndpointAllowlist", () => {
  it("accepts 8- and 17-digit endpoint ids, sorted", () => {
    const rule = vpcEndpointAllowlist({ vpceIds: ["vpce-1a2b3c4d", "vpce-0123456789abcdef0"] });
    expect(rule.values).toEqual(["vpce-0123456789abcdef0", "vpce-1a2b3c4d"]);
  });

  it.each(["vpc-1a2b3c4d", "vpce-1A2B3C4D", "vpce-123", "vpce-0123456789abcdef01"])(
    "rejects %j with invalid_vpc_id and the path",
    (id) => {
      expect(() => vpcEndpointAllowlist({ vpceIds: [id] })).toThrowCode("invalid_vpc_id", {
        path: "vpcEndpointAllowlist.vpceIds[0]",
      });
    },
  );
});
