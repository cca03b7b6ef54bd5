import { createSignedFetch, presignUrl } from "@gatehouse/sigv4";
import { afterEach, describe, expect, it } from "vitest";
import type {
  GatewayDecisionRecord,
  IamCredentialConfig,
  LocalGatewayConfig,
} from "../config/gateway-config.js";
import type { RestProxyEvent } from "../config/proxy-event.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

const allowAll = {
  Version: "2012-10-17" as const,
  Statement: [{ Effect: "Allow" as const, Action: "execute-api:Invoke", Resource: "*" }],
};
const alice = {
  accessKeyId: "AKIDLOCALGATEWAYIAM1",
  secretAccessKey: "local-gateway-iam-test-secret-0000000000",
};
const issued = {
  accessKeyId: "ASIALOCALGATEWAYIAM2",
  secretAccessKey: "local-gateway-iam-test-secret-1111111111",
  sessionToken: "session-token-of-credentials-issued-later",
};
const stranger = {
  accessKeyId: "AKIDNOBODYKNOWSTHIS1",
  secretAccessKey: "local-gateway-iam-test-secret-2222222222",
};

function echo(event: unknown) {
  return { statusCode: 200, body: JSON.stringify(event) };
}

function config(credentials: LocalGatewayConfig["credentials"]): LocalGatewayConfig {
  return {
    ...(credentials !== undefined ? { credentials } : {}),
    apis: [
      {
        type: "REST",
        name: "rest",
        routes: [{ method: "GET", resource: "/iam", auth: "AWS_IAM", handler: echo }],
      },
    ],
  };
}

const signed = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
  createSignedFetch({ credentials, region: "us-east-1", service: "execute-api" });

describe("AWS_IAM with no credentials configured", () => {
  let gw: LocalGateway | undefined;
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
  });

  for (const [label, credentials] of [
    ["credentials left out", undefined],
    ["credentials: []", []],
  ] as const) {
    it(`${label}: an unsigned request gets 403 Missing Authentication Token`, async () => {
      const records: GatewayDecisionRecord[] = [];
      gw = await startLocalGateway({
        ...config(credentials),
        onDecision: (record) => records.push(record),
      });
      const response = await fetch(`${gw.apiUrls["rest"]}/iam`);
      expect(response.status).toBe(403);
      expect(response.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
      expect(await response.json()).toEqual({ message: "Missing Authentication Token" });
      expect(records.at(-1)?.reason).not.toBe("gateway_error");
    });

    it(`${label}: a signed request gets 403 UnrecognizedClientException`, async () => {
      gw = await startLocalGateway(config(credentials));
      const response = await signed(stranger)(`${gw.apiUrls["rest"]}/iam`);
      expect(response.status).toBe(403);
      expect(response.headers.get("x-amzn-errortype")).toBe("UnrecognizedClientException");
      expect(await response.json()).toEqual({
        message: "The security token included in the request is invalid.",
      });
    });
  }
});

describe("credentials as a resolver function", () => {
  let gw: LocalGateway | undefined;
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
  });

  it("accepts credentials that exist only after the gateway started", async () => {
    const known = new Map<string, IamCredentialConfig>();
    gw = await startLocalGateway(config(async (accessKeyId) => known.get(accessKeyId)));
    const url = `${gw.apiUrls["rest"]}/iam`;
    const call = createSignedFetch({
      credentials: issued,
      region: "us-east-1",
      service: "execute-api",
    });
    expect((await call(url)).status).toBe(403);
    known.set(issued.accessKeyId, {
      ...issued,
      principalArn: "arn:aws:sts::123456789012:assumed-role/app/CognitoIdentityCredentials",
      policy: allowAll,
    });
    const response = await call(url);
    expect(response.status).toBe(200);
    const event = (await response.json()) as RestProxyEvent;
    expect(event.requestContext.identity.accessKey).toBe(issued.accessKeyId);
    expect(event.requestContext.identity.userArn).toBe(
      "arn:aws:sts::123456789012:assumed-role/app/CognitoIdentityCredentials",
    );
  });

  it("is asked only for the request's access key id, and not for unsigned requests", async () => {
    const asked: string[] = [];
    gw = await startLocalGateway(
      config((accessKeyId) => {
        asked.push(accessKeyId);
        return accessKeyId === alice.accessKeyId
          ? { ...alice, principalArn: "arn:aws:iam::123456789012:user/alice", policy: allowAll }
          : undefined;
      }),
    );
    const url = `${gw.apiUrls["rest"]}/iam`;
    expect((await fetch(url)).status).toBe(403);
    expect(asked).toEqual([]);
    expect((await signed(alice)(url)).status).toBe(200);
    expect(asked).toEqual([alice.accessKeyId]);
  });

  it("answers an unknown access key with UnrecognizedClientException", async () => {
    gw = await startLocalGateway(config(() => undefined));
    const response = await signed(stranger)(`${gw.apiUrls["rest"]}/iam`);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("UnrecognizedClientException");
    expect(await response.json()).toEqual({
      message: "The security token included in the request is invalid.",
    });
  });

  it("still verifies the signature of a resolved credential", async () => {
    gw = await startLocalGateway(
      config(() => ({
        ...alice,
        principalArn: "arn:aws:iam::123456789012:user/alice",
        policy: allowAll,
      })),
    );
    const forged = signed({ ...alice, secretAccessKey: "not-the-secret-not-the-secret-00000000" });
    const response = await forged(`${gw.apiUrls["rest"]}/iam`);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
  });

  it("resolves the access key of a presigned URL", async () => {
    gw = await startLocalGateway(
      config((accessKeyId) =>
        accessKeyId === alice.accessKeyId
          ? { ...alice, principalArn: "arn:aws:iam::123456789012:user/alice", policy: allowAll }
          : undefined,
      ),
    );
    const url = await presignUrl(
      { url: `${gw.apiUrls["rest"]}/iam` },
      { credentials: alice, region: "us-east-1", service: "execute-api", expiresIn: 60 },
    );
    expect((await fetch(url)).status).toBe(200);
  });

  it("fails closed (500) when the resolver throws or returns an invalid credential", async () => {
    const records: GatewayDecisionRecord[] = [];
    let answer: () => IamCredentialConfig | undefined = () => {
      throw new Error("credential store down");
    };
    gw = await startLocalGateway({
      ...config((_accessKeyId) => answer()),
      onDecision: (record) => records.push(record),
    });
    const url = `${gw.apiUrls["rest"]}/iam`;
    expect((await signed(alice)(url)).status).toBe(500);
    answer = () => ({ ...alice, principalArn: "alice", policy: allowAll });
    expect((await signed(alice)(url)).status).toBe(500);
    expect(records.map((record) => record.reason)).toEqual([
      "credential_resolver_error",
      "credential_resolver_error",
    ]);
  });

  it("refuses a resolver that is not a function at start", async () => {
    await expect(
      startLocalGateway(config("AKID" as unknown as LocalGatewayConfig["credentials"])),
    ).rejects.toMatchObject({ code: "invalid_config", path: "credentials" });
  });
});
