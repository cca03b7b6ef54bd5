import { describe, expect, it } from "vitest";
import { isStageName, parseStageName } from "./stage-name.js";

describe("stage names", () => {
  it("accepts letters, digits, - and _ up to 128, and $default", () => {
    for (const stage of ["prod", "dev_2", "Stage-1", "$default", "s".repeat(128)]) {
      expect(isStageName(stage)).toBe(true);
      expect(parseStageName(stage)).toBe(stage);
    }
  });

  it.each([["a$b"], ["$prod"], ["pro.d"], ["prod/v1"], [""], ["s".repeat(129)], ["*"], [1]])(
    "refuses %j with invalid_stage",
    (value) => {
      expect(isStageName(value)).toBe(false);
      expect(() => parseStageName(value, "apis[1].stage")).toThrowCode("invalid_stage", {
        path: "apis[1].stage",
        expected: "a stage name such as prod, dev_2 or $default",
      });
    },
  );
});
