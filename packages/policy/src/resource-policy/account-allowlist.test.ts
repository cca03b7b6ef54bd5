import { describe, expect, it } from "vitest";
import { accountAllowlist } from "./account-allowlist.js";

describe("accountAllowlist", () => {
  it("accepts account ids and root, role and user ARNs in every partition, sorted", () => {
    const principals = [
      "arn:aws:iam::111122223333:role/service-role/Deploy.er+1=,@_-",
      "arn:aws-us-gov:iam::111122223333:user/Alice",
      "arn:aws-cn:iam::111122223333:root",
      "444455556666",
    ];
    expect(accountAllowlist({ principals }).values).toEqual([
      "444455556666",
      "arn:aws-cn:iam::111122223333:root",
      "arn:aws-us-gov:iam::111122223333:user/Alice",
      "arn:aws:iam::111122223333:role/service-role/Deploy.er+1=,@_-",
    ]);
  });

  it("de-duplicates principals", () => {
    expect(accountAllowlist({ principals: ["111122223333", "111122223333"] }).values).toEqual([
      "111122223333",
    ]);
  });

  it.each(["11112222333", "1111222233334"])("rejects %j with invalid_account_id", (principal) => {
    expect(() => accountAllowlist({ principals: [principal] })).toThrowCode("invalid_account_id", {
      path: "accountAllowlist.principals[0]",
    });
  });

  it.each([
    "*",
    "arn:aws:iam::111122223333:role/",
    "arn:aws:iam::11112222333:root",
    "arn:aws:sts::111122223333:assumed-role/Role/session",
    "arn:aws:iam::111122223333:group/Admins",
    "arn:aws-foo:iam::111122223333:root",
    "arn:aws:iam::111122223333:role/*",
    `arn:aws:iam::111122223333:role/${"x".repeat(65)}`,
    "arn:aws:iam::111122223333:root ",
  ])("rejects %j with invalid_principal", (principal) => {
    expect(() => accountAllowlist({ principals: ["111122223333", principal] })).toThrowCode(
      "invalid_principal",
      { path: "accountAllowlist.principals[1]" },
    );
  });

  it("rejects an empty list", () => {
    expect(() => accountAllowlist({ principals: [] })).toThrowCode("invalid_principal", {
      path: "accountAllowlist.principals",
    });
  });

  it("throws TypeError when principals is not an array", () => {
    expect(() => accountAllowlist({ principals: "111122223333" as never })).toThrow(TypeError);
  });
});
