import { describe, expect, it } from "vitest";
import type { DemoResult } from "../demo/run-demo.js";
import { runCaptured } from "../internal/capture-io.js";

describe("gatehouse demo", () => {
  it("runs the sample API on loopback and every row matches (exit 0)", async () => {
    const result = await runCaptured(["demo", "--json"]);
    const demo = JSON.parse(result.stdout) as DemoResult;
    const mismatches = demo.rows.filter((row) => !row.matched);
    expect(mismatches).toEqual([]);
    expect(result.code).toBe(0);
    expect(demo.ok).toBe(true);
    expect(demo.rows.length).toBeGreaterThanOrEqual(15);
    // The authorizer-cache lesson: createAuthorizer's cached policy covers the next route, the
    // naive `Resource: event.methodArn` one does not.
    const cached = demo.rows.filter((row) => row.fromCache);
    expect(cached.some((row) => row.request.includes("/pets/42") && row.actual === 200)).toBe(true);
    expect(cached.some((row) => row.request.includes("/naive/pets/42") && row.actual === 403)).toBe(
      true,
    );
    // Every request the gateway answered carries its typed decision reason; the identity-pool
    // calls and the policy evaluations, which the gateway does not decide, say what happened in
    // `detail` instead.
    for (const row of demo.rows) {
      if (row.kind === "gateway") {
        expect(row.reason).toMatch(/^[a-z0-9]+(?:_[a-z0-9]+)*$/);
        expect(row.detail).toBeNull();
      } else {
        expect(row).toMatchObject({ reason: null, detail: expect.any(String) });
      }
    }
    expect(demo.rows.find((row) => row.request.includes("(no token)"))?.reason).toBe(
      "missing_identity_source",
    );
    // API keys: refused without a key, admitted with it, then throttled by the usage plan.
    const keyRows = demo.rows.filter((row) => row.request.includes("/partner/feed"));
    expect(keyRows.map((row) => [row.actual, row.reason])).toEqual([
      [403, "invalid_api_key"],
      [200, "allowed"],
      [429, "throttled"],
    ]);
    // Identity-pool roles: the role each user got from the real GetCredentialsForIdentity...
    const roles = demo.rows.filter((row) => row.kind === "identity_pool");
    const roleOf = (text: string) => roles.find((row) => row.request.includes(text))?.actual;
    expect(roleOf("user A, in no group")).toBe("role/gatehouse-demo-authenticated");
    expect(roleOf("group admins")).toBe("role/gatehouse-demo-admins");
    expect(roleOf("guest")).toBe("role/gatehouse-demo-guest");
    expect(roleOf("another pool")).toBe("InvalidIdentityPoolConfigurationException");
    // ...and what those credentials may do, evaluated, with the statements that decided.
    const evaluated = demo.rows.filter((row) => row.kind === "evaluation");
    expect(evaluated.map((row) => [row.request.split(":")[0], row.actual])).toEqual([
      ["user A", "allow"],
      ["user A", "deny"],
      ["admins", "allow"],
      ["guest", "deny"],
      ["guest", "deny"],
    ]);
    expect(evaluated[0]?.detail).toContain('"OwnNotes"');
    expect(evaluated[1]?.detail).toContain("no statement");
    expect(evaluated[3]?.detail).toContain("the session policy does not");
    // The identity-pool credentials are accepted by the AWS_IAM route.
    expect(demo.rows.find((row) => row.request.includes("identity-pool credentials"))?.actual).toBe(
      200,
    );
  }, 30_000);

  it("prints a table with expected, actual and the gateway's reason", async () => {
    const result = await runCaptured(["demo", "--notes"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("request");
    expect(result.stdout).toContain("why (gateway reason)");
    expect(result.stdout).toMatch(/\d+\/\d+ rows as expected/);
    expect(result.stdout).not.toContain("MISMATCH");
    // No token (three base64url segments) and no secret in the output.
    expect(result.stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  }, 30_000);
});
