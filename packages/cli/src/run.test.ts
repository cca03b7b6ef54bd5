import { describe, expect, it } from "vitest";
import { runCaptured } from "./internal/capture-io.js";

describe("gatehouse", () => {
  it("prints the command list with --help and exits 0", async () => {
    const result = await runCaptured(["--help"]);
    expect(result.code).toBe(0);
    for (const command of [
      "policy generate",
      "policy lint",
      "policy simulate",
      "token decode",
      "token verify",
      "sign",
      "credentials",
      "dev",
      "demo",
    ]) {
      expect(result.stdout).toContain(command);
    }
  });

  it("prints the help and exits 2 without a command", async () => {
    const result = await runCaptured([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("Usage: gatehouse <command>");
  });

  it("prints a version", async () => {
    const result = await runCaptured(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("exits 2 for an unknown command", async () => {
    const result = await runCaptured(["deploy"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command: "deploy"');
  });

  it("exits 2 for an unknown subcommand", async () => {
    const result = await runCaptured(["token", "refresh"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("gatehouse token refresh");
  });

  it("exits 2 for an unknown option and says how to get help", async () => {
    const result = await runCaptured(["token", "decode", "x.y.z", "--frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--frobnicate");
    expect(result.stderr).toContain("gatehouse token decode --help");
  });

  it("lists a group's commands", async () => {
    const result = await runCaptured(["policy"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("policy simulate");
  });

  it("shows each command's help with options, examples and exit codes", async () => {
    for (const argv of [
      ["policy", "generate"],
      ["policy", "lint"],
      ["policy", "simulate"],
      ["token", "decode"],
      ["token", "verify"],
      ["sign"],
      ["credentials"],
      ["dev"],
      ["demo"],
    ]) {
      const result = await runCaptured([...argv, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: gatehouse ${argv.join(" ")}`);
      expect(result.stdout).toContain("Examples:");
      expect(result.stdout).toContain("Exit codes:");
    }
  });

  it("`help <command>` is the command's --help", async () => {
    const result = await runCaptured(["help", "sign"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: gatehouse sign <url>");
  });

  it("colours only on a TTY", async () => {
    const args = ["policy", "lint", "-", "--auth-type", "LAMBDA"];
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "111122223333" },
          Action: "execute-api:Invoke",
          Resource: "execute-api:/*",
        },
      ],
    });
    const { stdinOf } = await import("./internal/capture-io.js");
    const tty = await runCaptured(args, {
      stdin: stdinOf(policy),
      stdout: { write: () => true, isTTY: true },
    });
    expect(tty.stdout).toContain("\u001b[");
    const pipe = await runCaptured(args, { stdin: stdinOf(policy) });
    expect(pipe.stdout).not.toContain("\u001b[");
  });

  it("never colours with NO_COLOR or --no-color", async () => {
    const { stdinOf } = await import("./internal/capture-io.js");
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "111122223333" },
          Action: "execute-api:Invoke",
          Resource: "execute-api:/*",
        },
      ],
    });
    const args = ["policy", "lint", "-", "--auth-type", "LAMBDA"];
    const noColor = await runCaptured(args, {
      stdin: stdinOf(policy),
      env: { NO_COLOR: "1" },
      stdout: { write: () => true, isTTY: true },
    });
    expect(noColor.stdout).not.toContain("\u001b[");
    const flag = await runCaptured([...args, "--no-color"], {
      stdin: stdinOf(policy),
      stdout: { write: () => true, isTTY: true },
    });
    expect(flag.stdout).not.toContain("\u001b[");
  });
});

describe("gatehouse: unknown options", () => {
  it("says whose option it is when it belongs to another command", async () => {
    const result = await runCaptured(["token", "decode", "x.y.z", "--issuer", "https://a/"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--issuer is an option of `gatehouse token verify`, not of `gatehouse token decode`",
    );
    expect(result.stderr).toContain("gatehouse token decode --help");
  });

  it("suggests the option a typo was meant to be", async () => {
    const result = await runCaptured(["policy", "generate", "--deny-ipp", "198.51.100.0/24"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option --deny-ipp");
    expect(result.stderr).toContain("Did you mean --deny-ip?");
  });

  it("finds an unknown option given as --name=value or as a short flag", async () => {
    const inline = await runCaptured(["token", "decode", "x.y.z", "--nope=1"]);
    expect(inline.code).toBe(2);
    expect(inline.stderr).toContain("unknown option --nope");
    const short = await runCaptured(["token", "decode", "x.y.z", "-z"]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("unknown option -z");
  });
});
