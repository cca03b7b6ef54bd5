import { describe, expect, it } from "vitest";
import type { IamCognitoIdentity, IamCredentialConfig } from "../gateway-config.js";
import { resolveCredentials } from "./resolve-credentials.js";
import type { GatewayIdentity } from "./resolved-gateway.js";

const GATEWAY: GatewayIdentity = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
};
const SESSION_ARN = "arn:aws:sts::123456789012:assumed-role/ItemsReader/CognitoIdentityCredentials";
const POOL = "us-east-1:0d0f8b1c-0000-4000-8000-0000000000aa";
const IDENTITY = "us-east-1:1111aaaa-2222-3333-4444-555566667777";
const PROVIDER =
  "cognito-idp.us-east-1.amazonaws.com/us-east-1_X,cognito-idp.us-east-1.amazonaws.com/us-east-1_X:CognitoSignIn:abc";

const cognito: IamCognitoIdentity = {
  identityPoolId: POOL,
  identityId: IDENTITY,
  authenticationType: "authenticated",
  authenticationProvider: PROVIDER,
  principalTags: { tenant: "acme" },
};
const credential: IamCredentialConfig = {
  accessKeyId: "ASIAIDENTITYPOOL0001",
  secretAccessKey: "secret",
  sessionToken: "token",
  principalArn: SESSION_ARN,
  callerId: "AROAEXAMPLE:CognitoIdentityCredentials",
  policy: null,
  cognito,
};

function resolveOne(value: unknown) {
  const source = resolveCredentials([value], GATEWAY);
  if (source.kind !== "list") throw new Error("expected a list");
  const known = source.byAccessKeyId.get(credential.accessKeyId);
  if (known === undefined) throw new Error("not resolved");
  return known.identity;
}

describe("resolveCredentials: identity-pool credentials", () => {
  it("derives the identity's condition keys, without those the gateway model sets itself", () => {
    const identity = resolveOne(credential);
    expect(identity.context).toEqual({
      "cognito-identity.amazonaws.com:aud": POOL,
      "cognito-identity.amazonaws.com:sub": IDENTITY,
      "cognito-identity.amazonaws.com:amr": ["authenticated", ...PROVIDER.split(",")],
      "aws:FederatedProvider": "cognito-identity.amazonaws.com",
      "aws:PrincipalTag/tenant": "acme",
      "aws:PrincipalType": "AssumedRole",
      "aws:userid": "AROAEXAMPLE:CognitoIdentityCredentials",
    });
    expect(identity.cognito).toEqual({
      identityPoolId: POOL,
      identityId: IDENTITY,
      authenticationType: "authenticated",
      authenticationProvider: PROVIDER,
      amr: ["authenticated", ...PROVIDER.split(",")],
    });
    expect(identity.callerId).toBe("AROAEXAMPLE:CognitoIdentityCredentials");
    expect(identity.sessionPolicy).toBeNull();
  });

  it("gives a guest amr unauthenticated and no provider", () => {
    const identity = resolveOne({
      ...credential,
      cognito: { ...cognito, authenticationType: "unauthenticated", authenticationProvider: null },
    });
    expect(identity.cognito?.amr).toEqual(["unauthenticated"]);
    expect(identity.context["cognito-identity.amazonaws.com:amr"]).toEqual(["unauthenticated"]);
  });

  it("defaults callerId to the ARN's resource part and sets no aws:userid then", () => {
    const { callerId: _c, cognito: _g, ...plain } = credential;
    const identity = resolveOne(plain);
    expect(identity.callerId).toBe("assumed-role/ItemsReader/CognitoIdentityCredentials");
    expect(identity.context).toEqual({});
    expect(identity.cognito).toBeUndefined();
  });

  it.each([
    [
      "a principal that is not a role session",
      { principalArn: "arn:aws:iam::123456789012:user/alice" },
      "credentials[0].principalArn",
    ],
    [
      "an identity id that is not {region}:{uuid}",
      { cognito: { ...cognito, identityId: "abc" } },
      "credentials[0].cognito.identityId",
    ],
    [
      "a pool id missing",
      { cognito: { ...cognito, identityPoolId: undefined } },
      "credentials[0].cognito.identityPoolId",
    ],
    [
      "an unknown authentication type",
      { cognito: { ...cognito, authenticationType: "guest" } },
      "credentials[0].cognito.authenticationType",
    ],
    [
      "no authentication type",
      { cognito: { ...cognito, authenticationType: undefined } },
      "credentials[0].cognito.authenticationType",
    ],
    [
      "an empty provider",
      { cognito: { ...cognito, authenticationProvider: "" } },
      "credentials[0].cognito.authenticationProvider",
    ],
    [
      "a tag value that is not a string",
      { cognito: { ...cognito, principalTags: { tenant: 42 } } },
      "credentials[0].cognito.principalTags.tenant",
    ],
    ["cognito that is not an object", { cognito: "us-east-1:abc" }, "credentials[0].cognito"],
    ["an empty callerId", { callerId: "" }, "credentials[0].callerId"],
    [
      "a malformed session policy",
      { sessionPolicy: { Statement: "nope" } },
      expect.stringMatching(/^credentials\[0\]\.sessionPolicy/),
    ],
  ])("refuses %s with invalid_config at its path", (_label, change, path) => {
    expect(() => resolveOne({ ...credential, ...change })).toThrowCode("invalid_config", { path });
  });
});
