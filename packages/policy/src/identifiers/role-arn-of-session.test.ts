import { describe, expect, it } from "vitest";
import { parsePrincipalArn } from "./principal-arn.js";
import { roleArnOfSession } from "./role-arn-of-session.js";

describe("roleArnOfSession", () => {
  it("turns an assumed-role session into its role, keeping partition and account", () => {
    expect(roleArnOfSession("arn:aws:sts::123456789012:assumed-role/app/session-1")).toBe(
      "arn:aws:iam::123456789012:role/app",
    );
    expect(roleArnOfSession("arn:aws-cn:sts::111122223333:assumed-role/Deployer/build-42")).toBe(
      "arn:aws-cn:iam::111122223333:role/Deployer",
    );
    const role = parsePrincipalArn(
      roleArnOfSession("arn:aws-eusc:sts::111122223333:assumed-role/R/s"),
    );
    expect(role).toMatchObject({ kind: "role", partition: "aws-eusc", name: "R", iamPath: "/" });
  });

  it("refuses any other principal", () => {
    expect(() => roleArnOfSession("arn:aws:iam::123456789012:role/app", "caller.arn")).toThrowCode(
      "invalid_principal",
      {
        path: "caller.arn",
        message: expect.stringContaining("is a role ARN, not an assumed-role session"),
      },
    );
    expect(() => roleArnOfSession("nope")).toThrowCode("invalid_principal", { path: "principal" });
  });
});
