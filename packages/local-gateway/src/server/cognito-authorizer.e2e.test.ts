import { cognitoVerifier } from "@gatehouse/authorizer";
import type { CognitoResourcePolicyMode, PolicyDocument, PolicyStatement } from "@gatehouse/policy";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestApiConfig } from "../config/gateway-config.js";
import type { RestProxyEvent } from "../config/proxy-event.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

const ARN = "arn:aws:execute-api:us-east-1:123456789012";
const invoke = { Action: "execute-api:Invoke" } as const;

/** Allows everyone, but only on another method: silent for `GET /profile`. */
const silent: PolicyStatement = {
  ...invoke,
  Effect: "Allow",
  Principal: "*",
  Resource: "execute-api:/*/GET/elsewhere",
};
const allowAll: PolicyStatement = {
  ...invoke,
  Effect: "Allow",
  Principal: "*",
  Resource: "execute-api:/*",
};
const denyProfile: PolicyStatement = {
  ...invoke,
  Effect: "Deny",
  Principal: "*",
  Resource: "execute-api:/*/GET/profile",
};
/** An Allow for IAM principals only: never satisfied by a Cognito (anonymous) caller. */
const allowAccount: PolicyStatement = {
  ...invoke,
  Effect: "Allow",
  Principal: { AWS: "arn:aws:iam::123456789012:root" },
  Resource: "execute-api:/*",
};

const policy = (...Statement: PolicyStatement[]): PolicyDocument => ({
  Version: "2012-10-17",
  Statement,
});

describe("COGNITO_USER_POOLS authorizer (REST)", () => {
  let issuer: TestIssuer;
  let gw: LocalGateway;
  let idToken: string;
  let integrationCalls = 0;

  /** One REST API per (resource policy, mode), each at its own basePath, all with one user pool. */
  const apis: Record<string, [PolicyDocument | null, CognitoResourcePolicyMode | undefined]> = {
    open: [null, undefined],
    silentDefault: [policy(silent), undefined],
    silentMustAllow: [policy(silent), "must-allow"],
    silentAllows: [policy(silent), "silent-allows"],
    allowMustAllow: [policy(allowAll), "must-allow"],
    denyMustAllow: [policy(allowAll, denyProfile), "must-allow"],
    denySilentAllows: [policy(allowAll, denyProfile), "silent-allows"],
    iamOnlySilentAllows: [policy(allowAccount), "silent-allows"],
  };
  const apiIds = Object.fromEntries(
    Object.keys(apis).map((name, index) => [name, `cognito${String(index).padStart(2, "0")}`]),
  );

  beforeAll(async () => {
    issuer = await createTestIssuer({ kind: "cognito", region: "us-east-1" });
    idToken = await issuer.mintIdToken({ sub: "cognito-sub-1" });
    gw = await startLocalGateway({
      apis: Object.entries(apis).map(
        ([name, [resourcePolicy, mode]]): RestApiConfig => ({
          type: "REST",
          name,
          apiId: apiIds[name] as string,
          basePath: `/${name}`,
          resourcePolicy,
          ...(mode !== undefined ? { cognitoResourcePolicy: mode } : {}),
          authorizers: {
            [`pool-${name}`]: {
              type: "COGNITO_USER_POOLS",
              verifier: cognitoVerifier({
                userPoolId: issuer.userPoolId,
                clientId: issuer.clientId,
                tokenUse: "id",
                jwksUri: issuer.jwksUri,
              }),
            },
          },
          routes: [
            {
              method: "GET",
              resource: "/profile",
              auth: { authorizer: `pool-${name}` },
              handler: (event) => {
                integrationCalls++;
                return { statusCode: 200, body: JSON.stringify(event) };
              },
            },
          ],
        }),
      ),
    });
  });

  afterAll(async () => {
    await gw.close();
    await issuer.close();
  });

  const get = (api: string, authorization?: string) =>
    fetch(`${gw.apiUrls[api]}/profile`, {
      headers: authorization === undefined ? {} : { authorization },
    });

  async function expectUnauthorized(response: Response) {
    expect(response.status).toBe(401);
    expect(response.headers.get("x-amzn-errortype")).toBe("UnauthorizedException");
    expect(await response.json()).toEqual({ message: "Unauthorized" });
  }

  it("a valid ID token -> 200; the integration sees requestContext.authorizer.claims", async () => {
    const response = await get("open", idToken);
    expect(response.status).toBe(200);
    const event = (await response.json()) as RestProxyEvent;
    const claims = event.requestContext.authorizer?.["claims"] as Record<string, unknown>;
    expect(claims["sub"]).toBe("cognito-sub-1");
    expect(claims["token_use"]).toBe("id");
    expect(claims["aud"]).toBe(issuer.clientId);
    // REST hands claims over as strings.
    expect(typeof claims["exp"]).toBe("string");
  });

  it("a Bearer prefix is accepted too", async () => {
    expect((await get("open", `Bearer ${idToken}`)).status).toBe(200);
  });

  it("no token -> 401 Unauthorized, the integration does not run", async () => {
    const before = integrationCalls;
    await expectUnauthorized(await get("open"));
    expect(integrationCalls).toBe(before);
  });

  it("a malformed token, a token signed by an unknown key, or an access token -> 401", async () => {
    await expectUnauthorized(await get("open", "not.a.jwt"));
    await expectUnauthorized(
      await get("open", await issuer.mintIdToken({}, { signWith: "other" })),
    );
    // The authorizer wants ID tokens (tokenUse: "id").
    await expectUnauthorized(await get("open", await issuer.mintAccessToken()));
  });

  it("an expired token -> 401", async () => {
    const expired = await issuer.mintIdToken({}, { expiresIn: -3600 });
    await expectUnauthorized(await get("open", expired));
  });

  it("an invalid token -> 401 even when the resource policy would refuse (token first)", async () => {
    await expectUnauthorized(await get("denyMustAllow", "not.a.jwt"));
  });

  it("default mode is must-allow: a silent resource policy refuses a valid token (403)", async () => {
    for (const api of ["silentDefault", "silentMustAllow"]) {
      const response = await get(api, idToken);
      expect(response.status).toBe(403);
      expect(response.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
      expect(await response.json()).toEqual({
        message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${ARN}:${apiIds[api]}/dev/GET/profile`,
      });
    }
  });

  it("must-allow: a resource policy that allows the method lets the token through", async () => {
    expect((await get("allowMustAllow", idToken)).status).toBe(200);
  });

  it('"silent-allows": a silent resource policy lets a valid token through', async () => {
    expect((await get("silentAllows", idToken)).status).toBe(200);
    await expectUnauthorized(await get("silentAllows"));
  });

  it("an explicit Deny in the resource policy refuses in both modes", async () => {
    for (const api of ["denyMustAllow", "denySilentAllows"]) {
      const response = await get(api, idToken);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${ARN}:${apiIds[api]}/dev/GET/profile with an explicit deny`,
      });
    }
  });

  it('"silent-allows": an Allow naming only IAM principals still refuses a Cognito caller', async () => {
    const response = await get("iamOnlySilentAllows", idToken);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${ARN}:${apiIds["iamOnlySilentAllows"]}/dev/GET/profile`,
    });
  });
});
