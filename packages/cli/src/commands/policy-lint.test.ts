import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCaptured, stdinOf } from "../internal/capture-io.js";

const awsPrincipal = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: "111122223333" },
      Action: "execute-api:Invoke",
      Resource: "execute-api:/*",
    },
  ],
};

const ipv4Denylist = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
    {
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: "execute-api:/*",
      Condition: { IpAddress: { "aws:SourceIp": ["198.51.100.0/24"] } },
    },
  ],
};

function file(content: unknown): { dir: string; name: string } {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-cli-"));
  writeFileSync(join(dir, "policy.json"), JSON.stringify(content));
  return { dir, name: "policy.json" };
}

describe("gatehouse policy lint", () => {
  it("reports an error finding with the fix and exits 1", async () => {
    const { dir, name } = file(awsPrincipal);
    const result = await runCaptured(["policy", "lint", name, "--auth-type", "LAMBDA"], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("aws_principal_with_non_iam_auth");
    expect(result.stdout).toContain("fix:");
  });

  it("takes JWT (REST JWT authorizer) methods: an AWS principal refuses their anonymous callers", async () => {
    const { dir, name } = file(awsPrincipal);
    const result = await runCaptured(["policy", "lint", name, "--auth-type", "JWT"], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("aws_principal_with_non_iam_auth");
    const clean = await runCaptured(["policy", "lint", name, "--auth-type", "AWS_IAM"], {
      cwd: dir,
    });
    expect(clean.stdout).not.toContain("aws_principal_with_non_iam_auth");
  });

  it("warns about an mTLS API that keeps its execute-api endpoint (--mutual-tls)", async () => {
    const { dir, name } = file(ipv4Denylist);
    const args = ["policy", "lint", name, "--auth-type", "NONE", "--mutual-tls", "--json"];
    const warned = await runCaptured(args, { cwd: dir });
    expect(JSON.parse(warned.stdout).findings).toEqual([
      expect.objectContaining({ code: "mtls_default_endpoint_enabled", severity: "warning" }),
    ]);
    const disabled = await runCaptured([...args, "--disable-execute-api-endpoint"], { cwd: dir });
    expect(JSON.parse(disabled.stdout).findings).toEqual([]);
  });

  it("exits 0 for a clean policy", async () => {
    const result = await runCaptured(["policy", "lint", "-", "--auth-type", "AWS_IAM"], {
      stdin: stdinOf(JSON.stringify(awsPrincipal)),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("no findings");
  });

  it("uses --ip-address-type: an IPv4-only denylist on a dual-stack API", async () => {
    const ipv4 = await runCaptured(["policy", "lint", "-", "--auth-type", "NONE", "--json"], {
      stdin: stdinOf(JSON.stringify(ipv4Denylist)),
    });
    const dual = await runCaptured(
      ["policy", "lint", "-", "--auth-type", "NONE", "--ip-address-type", "dualstack", "--json"],
      {
        stdin: stdinOf(JSON.stringify(ipv4Denylist)),
      },
    );
    const codes = (text: string) =>
      (JSON.parse(text) as { findings: { code: string }[] }).findings.map((f) => f.code);
    expect(codes(ipv4.stdout)).not.toContain("ipv4_only_denylist_on_dualstack");
    expect(codes(dual.stdout)).toContain("ipv4_only_denylist_on_dualstack");
  });

  it("uses --endpoint-type: aws:SourceIp on a private API", async () => {
    const result = await runCaptured(
      ["policy", "lint", "-", "--auth-type", "NONE", "--endpoint-type", "PRIVATE", "--json"],
      {
        stdin: stdinOf(JSON.stringify(ipv4Denylist)),
      },
    );
    const parsed = JSON.parse(result.stdout) as { findings: { code: string }[] };
    expect(parsed.findings.map((f) => f.code)).toContain("source_ip_on_private_api");
  });

  it("--fail-on warning fails on warnings", async () => {
    const args = ["policy", "lint", "-", "--auth-type", "NONE", "--ip-address-type", "dualstack"];
    const lenient = await runCaptured(args, { stdin: stdinOf(JSON.stringify(ipv4Denylist)) });
    const strict = await runCaptured([...args, "--fail-on", "info"], {
      stdin: stdinOf(JSON.stringify(ipv4Denylist)),
    });
    expect(strict.code).toBe(1);
    expect(lenient.code).toBeLessThanOrEqual(strict.code);
  });

  it("exits 2 without --auth-type", async () => {
    const result = await runCaptured(["policy", "lint", "-"], { stdin: stdinOf("{}") });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--auth-type is required");
  });

  it("exits 2 for a file that is not a policy, naming the path", async () => {
    const result = await runCaptured(["policy", "lint", "-", "--auth-type", "NONE"], {
      stdin: stdinOf(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Maybe" }] })),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("invalid_policy");
  });

  it("exits 2 for a missing file and for non-JSON", async () => {
    expect(
      (await runCaptured(["policy", "lint", "nope.json", "--auth-type", "NONE"], { cwd: tmpdir() }))
        .code,
    ).toBe(2);
    expect(
      (await runCaptured(["policy", "lint", "-", "--auth-type", "NONE"], { stdin: stdinOf("{") }))
        .code,
    ).toBe(2);
  });

  const scopedToPreflights = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: ["execute-api:/*/OPTIONS/pets"],
      },
      ipv4Denylist.Statement[1],
    ],
  };

  it("reports the AWS example's Allow * next to a Lambda authorizer (allow_overrides_authorizer)", async () => {
    const result = await runCaptured(["policy", "lint", "-", "--auth-type", "CUSTOM"], {
      stdin: stdinOf(JSON.stringify(ipv4Denylist)),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("allow_overrides_authorizer");
  });

  it("takes per-method auth types, so an Allow scoped to the preflights is not an error", async () => {
    const perRoute = ["--auth-type", "OPTIONS /pets=NONE", "--auth-type", "LAMBDA"];
    const scoped = await runCaptured(["policy", "lint", "-", ...perRoute, "--json"], {
      stdin: stdinOf(JSON.stringify(scopedToPreflights)),
    });
    expect(JSON.parse(scoped.stdout)).toMatchObject({ ok: true, findings: [] });
    const blanket = await runCaptured(
      ["policy", "lint", "-", "--auth-type", '{"OPTIONS /pets": "NONE", "*": "LAMBDA"}'],
      { stdin: stdinOf(JSON.stringify(ipv4Denylist)) },
    );
    expect(blanket.code).toBe(1);
    expect(blanket.stdout).toContain('the methods of "*" (LAMBDA)');
  });

  it("lists a suppressed finding with its reason, and does not fail on it", async () => {
    const args = ["policy", "lint", "-", "--auth-type", "LAMBDA"];
    const suppress = ["--suppress", "allow_overrides_authorizer=the authorizer denies explicitly"];
    const text = await runCaptured([...args, ...suppress], {
      stdin: stdinOf(JSON.stringify(ipv4Denylist)),
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("suppressed error allow_overrides_authorizer");
    expect(text.stdout).toContain("reason: the authorizer denies explicitly");
    expect(text.stdout).toContain("1 suppressed");
    const json = await runCaptured([...args, ...suppress, "--json"], {
      stdin: stdinOf(JSON.stringify(ipv4Denylist)),
    });
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      findings: [
        {
          code: "allow_overrides_authorizer",
          suppressed: { reason: "the authorizer denies explicitly" },
        },
      ],
    });
  });

  it("refuses a suppression by a rule's former kebab-case name, naming the current one", async () => {
    const former = "allow_overrides_authorizer".replace(/_/g, "-"); // the pre-0.x spelling
    const result = await runCaptured(
      [
        "policy",
        "lint",
        "-",
        "--auth-type",
        "LAMBDA",
        "--suppress",
        `${former}=the authorizer denies explicitly`,
      ],
      { stdin: stdinOf(JSON.stringify(ipv4Denylist)) },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--suppress ${former}: the rule code is now allow_overrides_authorizer`,
    );
    expect(result.stderr).toContain(
      'Write --suppress "allow_overrides_authorizer=the authorizer denies explicitly".',
    );
  });

  it.each([
    [["--suppress", "allow_overrides_authorizer"], "needs a reason"],
    [["--suppress", "allow_overrides_authorizer= "], "needs a reason"],
    [["--suppress", "no-such-rule=because"], "is not a rule code"],
    [
      ["--auth-type", "get /pets=NONE"],
      '--auth-type at authTypes["get /pets"]: invalid_route_template',
    ],
  ])("exits 2 for %j", async (extra, message) => {
    const result = await runCaptured(["policy", "lint", "-", "--auth-type", "LAMBDA", ...extra], {
      stdin: stdinOf(JSON.stringify(ipv4Denylist)),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
