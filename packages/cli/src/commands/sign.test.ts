import { type SigV4VerifierServer, startSigV4Verifier } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaptured, stdinOf } from "../internal/capture-io.js";

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "FwoGZXIvYXdzEXAMPLESESSIONTOKEN",
};
const env = {
  AWS_ACCESS_KEY_ID: credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  AWS_SESSION_TOKEN: credentials.sessionToken,
};

let verifier: SigV4VerifierServer;

beforeAll(async () => {
  verifier = await startSigV4Verifier({ credentials: [credentials], region: "eu-west-1" });
});

afterAll(() => verifier.close());

function expectNoSecrets(text: string): void {
  expect(text).not.toContain(credentials.secretAccessKey);
  expect(text).not.toContain(credentials.sessionToken);
  expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
}

describe("gatehouse sign", () => {
  it("signs with credentials from the environment and prints the response", async () => {
    const result = await runCaptured(
      ["sign", `${verifier.url}/prod/pets`, "--region", "eu-west-1"],
      { env },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, accessKeyId: "AKIDEXAMPLE" });
    expectNoSecrets(result.stdout + result.stderr);
  });

  it("sends -X, -H and -d (inline, @file, stdin) signed", async () => {
    const result = await runCaptured(
      [
        "sign",
        "-X",
        "PUT",
        "-H",
        "content-type: application/json",
        "-d",
        "-",
        `${verifier.url}/prod/pets/1`,
        "--region",
        "eu-west-1",
        "-i",
      ],
      { env, stdin: stdinOf('{"name":"Rex"}') },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^HTTP 200/);
  });

  it("exits 1 and explains a signature mismatch", async () => {
    const result = await runCaptured(
      ["sign", `${verifier.url}/prod/pets`, "--region", "eu-west-1"],
      {
        env: { ...env, AWS_SECRET_ACCESS_KEY: "wrong-secret" },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("HTTP 403 InvalidSignatureException");
  });

  it("--dry-run prints the signed request with signature and session token redacted", async () => {
    const before = verifier.requests;
    const result = await runCaptured(
      [
        "sign",
        "--dry-run",
        "-v",
        "-d",
        '{"a":1}',
        "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/pets",
      ],
      { env },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^POST https:\/\/a1b2c3d4e5/);
    expect(result.stdout).toContain("Credential=AKIDEXAMPLE/");
    expect(result.stdout).toContain("/eu-west-1/execute-api/aws4_request");
    expect(result.stdout).toContain("Signature=<redacted>");
    expect(result.stdout).toContain("x-amz-security-token: <redacted>");
    expect(result.stdout).toContain("canonical request");
    expectNoSecrets(result.stdout + result.stderr);
    expect(verifier.requests).toBe(before);
  });

  it("exits 2 without credentials, naming the variable and never a value", async () => {
    const result = await runCaptured(
      ["sign", "--region", "eu-west-1", `${verifier.url}/prod/pets`],
      { env: {} },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("AWS_ACCESS_KEY_ID");
  });

  it("exits 2 when the region cannot be inferred", async () => {
    const result = await runCaptured(["sign", `${verifier.url}/prod/pets`], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--region");
  });

  it("exits 2 for a malformed header or URL", async () => {
    expect(
      (await runCaptured(["sign", "-H", "nocolon", "https://example.com/"], { env })).code,
    ).toBe(2);
    expect((await runCaptured(["sign", "/relative"], { env })).code).toBe(2);
  });

  it("exits 3 when the request cannot be sent", async () => {
    const result = await runCaptured(["sign", "--region", "eu-west-1", "http://127.0.0.1:1/prod"], {
      env,
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("the request to http://127.0.0.1:1 could not be sent");
    // Why: the cause chain, not only that it failed.
    expect(result.stderr).toMatch(/\n {2}cause: /);
  });
});
