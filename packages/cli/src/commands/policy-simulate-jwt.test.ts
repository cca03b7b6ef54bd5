// `policy simulate --auth-type JWT`: a REST API JWT authorizer's outcome and how it meets the
// resource policy.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../internal/capture-io.js";

const ARN = "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/prod/GET/pets";
const dir = mkdtempSync(join(tmpdir(), "gatehouse-simulate-jwt-"));
// Allows another route only: silent for GET /pets.
writeFileSync(
  join(dir, "silent.json"),
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: "execute-api:/*/POST/*",
      },
    ],
  }),
);
const simulate = (policy: string, ...args: string[]) =>
  runCaptured(
    ["policy", "simulate", policy, "--arn", ARN, "--auth-type", "JWT", "--json", ...args],
    {
      cwd: dir,
    },
  );

describe("gatehouse policy simulate --auth-type JWT", () => {
  it.each([
    [["--jwt-token", "valid"], "none", 200, "allowed"],
    [["--jwt-token", "invalid"], "none", 401, "jwt_token_invalid"],
    [["--jwt-token", "insufficient_scope"], "none", 403, "jwt_insufficient_scope"],
    [[], "silent.json", 403, "resource_policy_implicit_deny"],
    [["--jwt-mode", "silent-allows"], "silent.json", 200, "allowed"],
  ])("%j with policy %s -> %i %s", async (args, policy, status, reason) => {
    const result = await simulate(policy, ...args);
    expect(JSON.parse(result.stdout)).toMatchObject({ status, reason });
  });

  it("refuses the JWT options on another auth type", async () => {
    const result = await runCaptured(
      [
        "policy",
        "simulate",
        "none",
        "--arn",
        ARN,
        "--auth-type",
        "LAMBDA",
        "--jwt-token",
        "invalid",
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--jwt-token needs --auth-type JWT (here: LAMBDA)");
  });
});
