import { createSignedFetch } from "@gatehouse/sigv4";
import { afterEach, describe, expect, it } from "vitest";
import type { GatewayDecisionRecord, LocalGatewayConfig } from "../config/gateway-config.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

// Issue 12: a config the gateway accepted at start used to fail every request. Each identifier is
// now checked at start by the same @gatehouse/policy function the request path uses.

const allowAll = {
  Version: "2012-10-17" as const,
  Statement: [{ Effect: "Allow" as const, Action: "execute-api:Invoke", Resource: "*" }],
};
const alice = {
  accessKeyId: "AKIDIDENTIFIERTEST01",
  secretAccessKey: "identifier-test-secret-0000000000000000",
};

function iamConfig(principalArn: string, region = "us-east-1"): LocalGatewayConfig {
  return {
    region,
    credentials: [{ ...alice, principalArn, policy: allowAll }],
    apis: [
      {
        type: "REST",
        name: "rest",
        routes: [
          {
            method: "GET",
            resource: "/iam",
            auth: "AWS_IAM",
            handler: () => ({ statusCode: 200, body: "ok" }),
          },
        ],
      },
    ],
  };
}

describe("identifiers in a local-gateway config", () => {
  let gw: LocalGateway | undefined;
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
  });

  it("refuses a principal ARN in an unknown partition at start (it used to be 500 on every request)", async () => {
    await expect(
      startLocalGateway(iamConfig("arn:aws-foo:iam::123456789012:user/alice")),
    ).rejects.toThrowCode("invalid_config", {
      name: "LocalGatewayError",
      path: "credentials[0].principalArn",
      message: expect.stringMatching(/aws-foo[\s\S]*aws-cn|aws-cn[\s\S]*aws-foo/),
    });
  });

  it("refuses a principal ARN from another partition than the gateway's region", async () => {
    await expect(
      startLocalGateway(iamConfig("arn:aws-cn:iam::123456789012:user/alice")),
    ).rejects.toThrowCode("invalid_config", {
      path: "credentials[0].principalArn",
      message: expect.stringMatching(/us-east-1.*aws\b|aws\b.*us-east-1/),
    });
  });

  it("serves a region of an ISO partition with that partition's method ARN (it used to be 414)", async () => {
    const records: GatewayDecisionRecord[] = [];
    let methodArn = "";
    gw = await startLocalGateway({
      region: "us-iso-east-1",
      onDecision: (record) => records.push(record),
      apis: [
        {
          type: "REST",
          name: "rest",
          authorizers: {
            tokens: {
              type: "TOKEN",
              handler: (event) => {
                methodArn = event.methodArn;
                return {
                  principalId: "p",
                  policyDocument: {
                    Version: "2012-10-17",
                    Statement: [
                      { Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn },
                    ],
                  },
                };
              },
            },
          },
          routes: [
            {
              method: "GET",
              resource: "/pets",
              auth: { authorizer: "tokens" },
              handler: () => ({ statusCode: 200, body: "ok" }),
            },
          ],
        },
      ],
    });
    const response = await fetch(`${gw.apiUrls["rest"]}/pets`, {
      headers: { authorization: "Bearer t" },
    });
    expect(response.status, records.at(-1)?.reason).toBe(200);
    expect(methodArn).toBe(
      "arn:aws-iso:execute-api:us-iso-east-1:123456789012:a1b2c3d4e5/dev/GET/pets",
    );
  });

  it("signs and authorizes an IAM caller of an aws-cn API end to end", async () => {
    gw = await startLocalGateway(
      iamConfig("arn:aws-cn:iam::123456789012:user/alice", "cn-north-1"),
    );
    const call = createSignedFetch({
      credentials: alice,
      region: "cn-north-1",
      service: "execute-api",
    });
    const response = await call(`${gw.apiUrls["rest"]}/iam`);
    expect(response.status).toBe(200);
  });

  it("refuses a region that names no partition, with the partitions in the message", async () => {
    for (const region of ["us-isoz-east-1", "xyz-east-1", "useast1", "us-east-1a"]) {
      await expect(
        startLocalGateway({ ...iamConfig("arn:aws:iam::123456789012:user/a"), region }),
        region,
      ).rejects.toThrowCode("invalid_config", { path: "region" });
    }
  });

  it("refuses a stage name API Gateway would not deploy (it used to be 414 on every request)", async () => {
    await expect(
      startLocalGateway({ apis: [{ type: "REST", stage: "a$b", routes: [] }] }),
    ).rejects.toThrowCode("invalid_config", { path: "apis[0].stage" });
  });
});
