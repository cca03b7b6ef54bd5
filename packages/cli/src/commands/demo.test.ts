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
    // exchange, which the gateway does not decide, says what happened in `detail` instead.
    for (const row of demo.rows) {
      if (row.request.startsWith("identity pool:")) {
        expect(row).toMatchObject({ reason: null, detail: expect.stringContaining("->") });
      } else {
        expect(row.reason).toMatch(/^[a-z0-9]+(?:_[a-z0-9]+)*$/);
        expect(row.detail).toBeNull();
      }
    }
    expect(demo.rows.find((row) => row.request.includes("(no token)"))?.reason).toBe(
      "missing_identity_source",
    );
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
