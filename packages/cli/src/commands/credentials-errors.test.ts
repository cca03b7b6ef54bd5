// What a user can act on when getting credentials fails: the cause chain (codes and messages,
// never a token or a secret), the identity pool's fix hints, and the documented exit codes.
import {
  type CognitoIdentityServer,
  createTestIssuer,
  startCognitoIdentityServer,
  type TestIssuer,
} from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaptured } from "../internal/capture-io.js";

const POOL = "eu-west-1:11111111-2222-3333-4444-555555555555";
let issuer: TestIssuer;
let server: CognitoIdentityServer;

beforeAll(async () => {
  issuer = await createTestIssuer({ kind: "cognito", region: "eu-west-1" });
  server = await startCognitoIdentityServer({
    pools: [
      {
        identityPoolId: POOL,
        providers: {
          [`cognito-idp.eu-west-1.amazonaws.com/${issuer.userPoolId}`]: {
            jwks: issuer.jwks(),
            audience: issuer.clientId,
          },
        },
        authenticatedRoleArn: "arn:aws:iam::123456789012:role/app",
      },
    ],
  });
});

afterAll(async () => {
  await server.close();
  await issuer.close();
});

const pool = () => ["--identity-pool-id", POOL, "--identity-endpoint", server.url];

describe("gatehouse sign: credentials errors", () => {
  it("shows why the environment's credentials are missing, not only that the provider failed", async () => {
    const result = await runCaptured(["sign", "--region", "eu-west-1", "http://127.0.0.1:4000/x"], {
      env: {},
    });
    expect(result.code).toBe(2);
    // The provider's own SigV4Error reaches the user as it is (no generic "provider failed").
    expect(result.stderr).toContain(
      "error: credentials_unavailable: fromEnv: AWS_ACCESS_KEY_ID is not set",
    );
    expect(result.stderr).not.toContain("The credentials provider failed.");
    expect(result.stderr).toContain("Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
  });

  it("reports the identity pool's refusal with its code and fix (exit 1), not a provider failure", async () => {
    const expired = await issuer.mintIdToken({}, { expiresIn: -600 });
    const result = await runCaptured([
      "sign",
      "--dry-run",
      "--region",
      "eu-west-1",
      "http://127.0.0.1:4000/dev/reports",
      ...pool(),
      "--id-token",
      expired,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("identity pool: NotAuthorizedException");
    expect(result.stderr).toContain("pass a fresh token");
    // The environment hint does not fit a pool login.
    expect(result.stderr).not.toContain("Set AWS_ACCESS_KEY_ID");
    expect(result.stderr).not.toContain(expired);
    expect(result.stderr).not.toContain(expired.split(".")[2]);
  });

  it("refuses identity-pool options without --identity-pool-id instead of using the environment", async () => {
    const token = await issuer.mintIdToken();
    const result = await runCaptured(
      [
        "sign",
        "--dry-run",
        "--region",
        "eu-west-1",
        "http://127.0.0.1:4000/x",
        "--id-token",
        token,
      ],
      { env: { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret-key-example" } },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("--id-token needs --identity-pool-id");
  });
});

describe("gatehouse credentials: errors", () => {
  it("shows the cause of a network failure (exit 3)", async () => {
    const token = await issuer.mintIdToken();
    const result = await runCaptured([
      "credentials",
      "--identity-pool-id",
      POOL,
      "--identity-endpoint",
      "http://127.0.0.1:1/",
      "--id-token",
      token,
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("identity pool: network_error");
    expect(result.stderr).toMatch(/\n {2}cause: /);
    expect(result.stderr).not.toContain(token);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 20_000);

  it("adds the stacks with GATEHOUSE_DEBUG=1", async () => {
    const token = await issuer.mintIdToken();
    const result = await runCaptured(
      [
        "credentials",
        ...pool().slice(0, 2),
        "--identity-endpoint",
        "http://127.0.0.1:1/",
        "--id-token",
        token,
      ],
      { env: { GATEHOUSE_DEBUG: "1" } },
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("stack of network_error");
    expect(result.stderr).toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain(token);
  }, 20_000);

  it("refuses the basic flow's options on the enhanced flow", async () => {
    const token = await issuer.mintIdToken();
    const role = await runCaptured([
      "credentials",
      ...pool(),
      "--id-token",
      token,
      "--role-arn",
      "arn:aws:iam::123456789012:role/app",
    ]);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain("--role-arn needs --flow basic (here: enhanced, the default)");
    const custom = await runCaptured([
      "credentials",
      ...pool(),
      "--id-token",
      token,
      "--flow",
      "basic",
      "--role-arn",
      "arn:aws:iam::123456789012:role/app",
      "--custom-role-arn",
      "arn:aws:iam::123456789012:role/other",
    ]);
    expect(custom.code).toBe(2);
    expect(custom.stderr).toContain("--custom-role-arn needs --flow enhanced (here: basic)");
  });

  it("names --identity-pool-id, not the client's option, for a malformed pool id", async () => {
    const result = await runCaptured([
      "credentials",
      "--identity-pool-id",
      "eu-west-1",
      "--login",
      "a=b",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--identity-pool-id must be");
    expect(result.stderr).not.toContain("options.identityPoolId");
  });
});
