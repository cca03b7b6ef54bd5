import {
  type CognitoIdentityServer,
  createTestIssuer,
  startCognitoIdentityServer,
  type TestIssuer,
} from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaptured, stdinOf } from "../internal/capture-io.js";

const POOL = "eu-west-1:11111111-2222-3333-4444-555555555555";
let issuer: TestIssuer;
let server: CognitoIdentityServer;
let loginKey: string;

beforeAll(async () => {
  issuer = await createTestIssuer({ kind: "cognito", region: "eu-west-1" });
  loginKey = `cognito-idp.eu-west-1.amazonaws.com/${issuer.userPoolId}`;
  server = await startCognitoIdentityServer({
    pools: [
      {
        identityPoolId: POOL,
        providers: { [loginKey]: { jwks: issuer.jwks(), audience: issuer.clientId } },
        authenticatedRoleArn: "arn:aws:iam::123456789012:role/app",
      },
    ],
  });
});

afterAll(async () => {
  await server.close();
  await issuer.close();
});

const base = () => ["credentials", "--identity-pool-id", POOL, "--identity-endpoint", server.url];

describe("gatehouse credentials", () => {
  it("exchanges an ID token and prints credentials without secrets by default", async () => {
    const token = await issuer.mintIdToken();
    const result = await runCaptured([...base(), "--id-token", token]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, string>;
    const issued = server.issuedCredentials.at(-1)!;
    expect(printed["AccessKeyId"]).toBe(issued.accessKeyId);
    expect(printed["IdentityId"]).toBe(issued.identityId);
    expect(printed["SecretAccessKey"]).toContain("redacted");
    expect(result.stdout).not.toContain(issued.secretAccessKey);
    expect(result.stdout).not.toContain(issued.sessionToken);
  });

  it("prints the secrets with --show-secrets", async () => {
    const token = await issuer.mintIdToken();
    const result = await runCaptured([...base(), "--login", `${loginKey}=-`, "--show-secrets"], {
      stdin: stdinOf(token),
    });
    expect(result.code).toBe(0);
    const issued = server.issuedCredentials.at(-1)!;
    expect(JSON.parse(result.stdout)).toMatchObject({
      SecretAccessKey: issued.secretAccessKey,
      SessionToken: issued.sessionToken,
    });
  });

  it("prints shell exports with --format env --show-secrets", async () => {
    const token = await issuer.mintIdToken();
    const result = await runCaptured([
      ...base(),
      "--id-token",
      token,
      "--format",
      "env",
      "--show-secrets",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^export AWS_ACCESS_KEY_ID='ASIA/m);
    expect(result.stdout).toContain("export AWS_SESSION_TOKEN=");
  });

  it("refuses --format env without --show-secrets (exit 2)", async () => {
    const result = await runCaptured([...base(), "--format", "env"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--show-secrets");
  });

  it("exits 1 when the pool refuses the login", async () => {
    const forged = await issuer.mintIdToken(
      {},
      { signWith: "other", header: { kid: issuer.currentKid } },
    );
    const result = await runCaptured([...base(), "--id-token", forged]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("NotAuthorizedException");
    expect(result.stderr).not.toContain(forged);
  });

  it("exits 2 for an access token given as --id-token", async () => {
    const access = await issuer.mintAccessToken();
    const result = await runCaptured([...base(), "--id-token", access]);
    expect(result.code).toBe(2);
  });

  it("exits 2 for a malformed --login", async () => {
    const result = await runCaptured([...base(), "--login", "no-equals-sign"]);
    expect(result.code).toBe(2);
  });

  it("signs with identity-pool credentials (gatehouse sign --identity-pool-id)", async () => {
    const token = await issuer.mintIdToken();
    const result = await runCaptured([
      "sign",
      "--dry-run",
      "--region",
      "eu-west-1",
      "http://127.0.0.1:4000/dev/reports",
      "--identity-pool-id",
      POOL,
      "--identity-endpoint",
      server.url,
      "--id-token",
      token,
    ]);
    expect(result.code).toBe(0);
    const issued = server.issuedCredentials.at(-1)!;
    expect(result.stdout).toContain(`Credential=${issued.accessKeyId}/`);
    expect(result.stdout).toContain("x-amz-security-token: <redacted>");
    expect(result.stdout).not.toContain(issued.sessionToken);
    expect(result.stdout).not.toContain(issued.secretAccessKey);
  });

  it("exits 3 when the service cannot be reached", async () => {
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
  }, 20_000);
});
