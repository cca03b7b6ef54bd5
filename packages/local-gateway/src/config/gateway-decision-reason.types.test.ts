import type { GatewayAccessReason } from "@gatehouse/policy";
import { describe, expectTypeOf, it } from "vitest";
import type { GatewayDecisionReason, GatewayDecisionRecord } from "../index.js";

describe("GatewayDecisionReason", () => {
  it("holds every reason of the policy gateway model", () => {
    expectTypeOf<GatewayAccessReason>().toExtend<GatewayDecisionReason>();
  });

  it("is the type of the decision record's reason, not any string", () => {
    expectTypeOf<GatewayDecisionRecord["reason"]>().toEqualTypeOf<GatewayDecisionReason>();
    expectTypeOf<string>().not.toExtend<GatewayDecisionReason>();
    expectTypeOf<
      "no_route" | "sigv4_signature_mismatch" | "gateway_error"
    >().toExtend<GatewayDecisionReason>();
    expectTypeOf<"sigv4_missing_authentication">().not.toExtend<GatewayDecisionReason>();
  });
});
