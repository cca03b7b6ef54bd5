// Errors of @gatehouse/policy name option paths (`ipDenylist.cidrs[1]`); the CLI says them as the
// flags the user typed (`--deny-ip value #2`), with the value and the error code.
import { describe, expect, it } from "vitest";
import { runCaptured } from "./capture-io.js";

/** Anything that looks like a library option path of the presets or the API target. */
const LIBRARY_PATH =
  /\b(?:ipDenylist|ipAllowlist|privateIpDenylist|accountAllowlist|sourceVpcAllowlist|vpcEndpointAllowlist|target)\.\w+/;

describe("policy errors in flag terms", () => {
  it("names the --deny-ip value at fault, counting comma lists and repeats", async () => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "198.51.100.0/24,203.0.113.7",
      "--deny-ip",
      "300.1.1.1",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--deny-ip value #3");
    expect(result.stderr).toContain('"300.1.1.1"');
    expect(result.stderr).toContain("invalid_cidr");
    expect(result.stderr).not.toMatch(LIBRARY_PATH);
  });

  it("names --allow-account with the value it could not read", async () => {
    const result = await runCaptured(["policy", "generate", "--allow-account", "1234"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'invalid_account_id: --allow-account value #1 ("1234") is not a 12-digit account id',
    );
    expect(result.stderr).not.toMatch(LIBRARY_PATH);
  });

  it("names --resource when a preset's resource is bad, whichever preset it went to", async () => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "198.51.100.0/24",
      "--resource",
      "execute-api:/prod/*,not-a-resource",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--resource value #2 ("not-a-resource"): invalid_arn');
    expect(result.stderr).not.toMatch(LIBRARY_PATH);
    expect(result.stderr).not.toContain("--deny-ip");
  });

  it("names --account for a bad API target", async () => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "198.51.100.0/24",
      "--auth-type",
      "NONE",
      "--form",
      "expanded",
      "--region",
      "eu-west-1",
      "--account",
      "12",
      "--api-id",
      "a1b2c3d4e5",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--account");
    expect(result.stderr).not.toMatch(LIBRARY_PATH);
  });

  it("names --allow-vpce for a VPC id given where an endpoint id belongs", async () => {
    const result = await runCaptured(["policy", "generate", "--allow-vpce", "vpc-0a1b2c3d"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--allow-vpce value #1 ("vpc-0a1b2c3d")');
    expect(result.stderr).not.toMatch(LIBRARY_PATH);
  });
});
