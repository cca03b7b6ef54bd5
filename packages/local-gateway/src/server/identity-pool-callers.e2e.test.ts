/**
 * End to end: the loopback identity pool issues credentials for a role whose permission policy is
 * per user (`${cognito-identity.amazonaws.com:sub}` in the resource path, principal tags); the
 * identity-pool client gets them, a SigV4-signed fetch calls the local gateway, which evaluates
 * the role's policies (and the session policy of a guest) with the identity's keys, against the
 * resource policy per Table A / Table B, and hands the identity to the integration. Real loopback
 * servers only.
 */
import { createIdentityPoolClient, loginsFromIdToken } from "@gatehouse/identity-pool";
import {
  executeApiInvokePolicy,
  identityPoolTrustPolicy,
  type PolicyDocument,
} from "@gatehouse/policy";
import { type AwsCredentials, createSignedFetch } from "@gatehouse/sigv4";
import {
  type CognitoIdentityServer,
  createTestIssuer,
  startCognitoIdentityServer,
  type TestIssuer,
} from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  GatewayDecisionRecord,
  IamCredentialResolver,
  LocalGatewayConfig,
} from "../config/gateway-config.js";
import type {
  HttpApiV2ProxyEvent,
  RestProxyEvent,
  WebSocketConnectProxyEvent,
} from "../config/proxy-event.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";
import { identityPoolCallers } from "./test-support.js";

const REGION = "us-east-1";
const ACCOUNT = "123456789012";
const OTHER_ACCOUNT = "444455556666";
const POOL = "us-east-1:0d0f8b1c-0000-4000-8000-0000000000aa";
const READER = `arn:aws:iam::${ACCOUNT}:role/ItemsReader`;
const GUEST = `arn:aws:iam::${ACCOUNT}:role/ItemsGuest`;
const REST_ID = "r1b2c3d4e5";
const HTTP_ID = "h1b2c3d4e5";
const WS_ID = "w1b2c3d4e5";
const REST_ROUTES = ["GET /users/{id}/items", "GET /profile", "GET /tenants/{tenant}/reports"];
const SESSION = "CognitoIdentityCredentials";

/** The role's per-identity grants: its own items on any API, its tenant's reports. */
const perIdentity: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: "execute-api:Invoke",
      Resource: [
        `arn:aws:execute-api:${REGION}:*:*/*/GET/users/\${cognito-identity.amazonaws.com:sub}/items`,
        `arn:aws:execute-api:${REGION}:${ACCOUNT}:${REST_ID}/dev/GET/tenants/\${aws:PrincipalTag/tenant}/reports`,
      ],
    },
  ],
};
const readerPolicies: PolicyDocument[] = [
  perIdentity,
  executeApiInvokePolicy({
    api: {
      region: REGION,
      accountId: ACCOUNT,
      apiId: REST_ID,
      stage: "dev",
      apiType: "rest",
      routes: REST_ROUTES,
    },
    routes: ["GET /profile"],
  }).policy,
  executeApiInvokePolicy({
    api: {
      region: REGION,
      accountId: ACCOUNT,
      apiId: WS_ID,
      stage: "dev",
      apiType: "websocket",
      routes: ["$connect"],
    },
    routes: ["$connect"],
  }).policy,
];
/** The guest role alone would allow every API: only the enhanced flow's session policy stops it. */
const guestPolicy: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" }],
};

const events = {
  rest: [] as RestProxyEvent[],
  http: [] as HttpApiV2ProxyEvent[],
  ws: [] as WebSocketConnectProxyEvent[],
};
const ok = { statusCode: 200, body: "ok" };

function apis(): LocalGatewayConfig["apis"] {
  return [
    {
      type: "REST",
      name: "rest",
      apiId: REST_ID,
      routes: REST_ROUTES.map((route) => {
        const [method = "", resource = ""] = route.split(" ");
        return {
          method,
          resource,
          auth: "AWS_IAM" as const,
          handler: (event: RestProxyEvent) => {
            events.rest.push(event);
            return ok;
          },
        };
      }),
    },
    {
      type: "HTTP",
      name: "http",
      apiId: HTTP_ID,
      routes: [
        {
          routeKey: "GET /users/{id}/items",
          auth: "AWS_IAM",
          handler: (event) => {
            events.http.push(event as HttpApiV2ProxyEvent);
            return ok;
          },
        },
      ],
    },
    {
      type: "WEBSOCKET",
      name: "ws",
      apiId: WS_ID,
      basePath: "/ws",
      connect: {
        auth: "AWS_IAM",
        handler: (event) => {
          events.ws.push(event);
          return ok;
        },
      },
    },
  ];
}

let clock = Date.now();
const now = () => clock;
let issuer: TestIssuer;
let server: CognitoIdentityServer;
let gw: LocalGateway;
let loginKey: string;
const decisions: GatewayDecisionRecord[] = [];

interface Caller {
  identityId: string;
  credentials: AwsCredentials;
  call: (url: string) => Promise<Response>;
}

/** An identity of the pool: signed in with a user-pool ID token (`claims`), or a guest. */
async function signIn(claims?: Record<string, unknown>): Promise<Caller> {
  const client = createIdentityPoolClient({
    identityPoolId: POOL,
    endpoint: server.url,
    stsEndpoint: server.stsUrl,
    now,
    ...(claims === undefined
      ? {}
      : {
          logins: loginsFromIdToken(
            await issuer.mintIdToken({ sub: crypto.randomUUID(), ...claims }),
          ),
        }),
  });
  const credentials = await client.getCredentials();
  const call = createSignedFetch({ credentials, region: REGION, service: "execute-api" });
  return { identityId: await client.getIdentityId(), credentials, call };
}

function startGateway(
  config: Partial<LocalGatewayConfig>,
  credentials: IamCredentialResolver = identityPoolCallers(server, now),
): Promise<LocalGateway> {
  return startLocalGateway({
    apis: apis(),
    credentials,
    onDecision: (record) => decisions.push(record),
    ...config,
  });
}

let alice: Caller;
let bob: Caller;

beforeAll(async () => {
  issuer = await createTestIssuer({ kind: "cognito", region: REGION, now });
  loginKey = `cognito-idp.${REGION}.amazonaws.com/${issuer.userPoolId}`;
  server = await startCognitoIdentityServer({
    now,
    roles: [
      {
        arn: READER,
        trustPolicy: identityPoolTrustPolicy({
          identityPoolId: POOL,
          amr: "authenticated",
          tagSession: true,
        }),
        permissionPolicies: readerPolicies,
      },
      {
        arn: GUEST,
        trustPolicy: identityPoolTrustPolicy({ identityPoolId: POOL, amr: "unauthenticated" }),
        permissionPolicies: [guestPolicy],
      },
    ],
    pools: [
      {
        identityPoolId: POOL,
        providers: { [loginKey]: { jwks: issuer.jwks(), audience: issuer.clientId } },
        roleAttachment: {
          identityPoolId: POOL,
          roles: { authenticated: READER, unauthenticated: GUEST },
          allowUnauthenticatedIdentities: true,
          principalTags: [
            { identityProviderName: loginKey, principalTags: { tenant: "custom:tenant" } },
          ],
        },
      },
    ],
  });
  gw = await startGateway({});
  alice = await signIn({ "custom:tenant": "acme" });
  bob = await signIn({ "custom:tenant": "globex" });
});

afterAll(async () => {
  await gw?.close();
  await server?.close();
  await issuer?.close();
});

const itemsOf = (caller: Caller) => `/users/${caller.identityId}/items`;

describe("same account (Table A): the role's per-identity policy decides", () => {
  it("lets an identity read its own items, and hands its identity to the REST integration", async () => {
    const before = events.rest.length;
    const response = await alice.call(`${gw.apiUrls["rest"]}${itemsOf(alice)}`);
    expect(response.status).toBe(200);
    expect(events.rest).toHaveLength(before + 1);
    const issued = server.credentialsFor(alice.credentials.accessKeyId);
    expect(issued?.authenticationProvider).toContain(`${loginKey}:CognitoSignIn:`);
    const identity = events.rest.at(-1)?.requestContext.identity;
    expect(identity).toMatchObject({
      cognitoIdentityPoolId: POOL,
      cognitoIdentityId: alice.identityId,
      cognitoAuthenticationType: "authenticated",
      cognitoAuthenticationProvider: issued?.authenticationProvider,
      accountId: ACCOUNT,
      accessKey: alice.credentials.accessKeyId,
      userArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ItemsReader/${SESSION}`,
      caller: issued?.assumedRoleId,
      user: issued?.assumedRoleId,
      principalOrgId: null,
    });
    expect(identity?.caller).toMatch(new RegExp(`^AROA[A-Z0-9]+:${SESSION}$`));
  });

  it("refuses another identity's items with API Gateway's 403, before the integration", async () => {
    const before = events.rest.length;
    const path = itemsOf(bob);
    const response = await alice.call(`${gw.apiUrls["rest"]}${path}`);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
    expect(await response.json()).toEqual({
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/ItemsReader/${SESSION} is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:${REGION}:${ACCOUNT}:${REST_ID}/dev/GET${path}`,
    });
    expect(decisions.at(-1)?.reason).toBe("implicit_deny");
    expect(events.rest).toHaveLength(before);
    expect((await bob.call(`${gw.apiUrls["rest"]}${path}`)).status).toBe(200);
  });

  it("reads principal tags: each identity reaches its own tenant's reports only", async () => {
    const url = (tenant: string) => `${gw.apiUrls["rest"]}/tenants/${tenant}/reports`;
    expect((await alice.call(url("acme"))).status).toBe(200);
    expect((await alice.call(url("globex"))).status).toBe(403);
    expect((await bob.call(url("globex"))).status).toBe(200);
  });

  it("grants the exact routes of an executeApiInvokePolicy to every identity of the role", async () => {
    expect((await alice.call(`${gw.apiUrls["rest"]}/profile`)).status).toBe(200);
    expect((await bob.call(`${gw.apiUrls["rest"]}/profile`)).status).toBe(200);
  });

  it("HTTP API payload 2.0: the identity in authorizer.iam.cognitoIdentity", async () => {
    expect((await alice.call(`${gw.apiUrls["http"]}${itemsOf(bob)}`)).status).toBe(403);
    const response = await alice.call(`${gw.apiUrls["http"]}${itemsOf(alice)}`);
    expect(response.status).toBe(200);
    const issued = server.credentialsFor(alice.credentials.accessKeyId);
    expect(events.http.at(-1)?.requestContext.authorizer).toEqual({
      iam: {
        accessKey: alice.credentials.accessKeyId,
        accountId: ACCOUNT,
        callerId: issued?.assumedRoleId,
        cognitoIdentity: {
          amr: ["authenticated", ...(issued?.authenticationProvider ?? "").split(",")],
          identityId: alice.identityId,
          identityPoolId: POOL,
        },
        principalOrgId: null,
        userArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ItemsReader/${SESSION}`,
        userId: issued?.assumedRoleId,
      },
    });
  });

  it("WebSocket $connect: the identity in requestContext.identity", async () => {
    // A plain GET is authorized as the opening handshake would be (answered 200, not 101).
    const response = await alice.call((gw.apiUrls["ws"] ?? "").replace(/^ws:/, "http:"));
    expect(response.status).toBe(200);
    expect(events.ws.at(-1)?.requestContext.identity).toMatchObject({
      cognitoIdentityId: alice.identityId,
      cognitoIdentityPoolId: POOL,
      cognitoAuthenticationType: "authenticated",
      userArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ItemsReader/${SESSION}`,
    });
  });
});

describe("guests in the enhanced flow", () => {
  it("are refused: AWS's scope-down session policy has no execute-api, whatever the role allows", async () => {
    const guest = await signIn();
    const issued = server.credentialsFor(guest.credentials.accessKeyId);
    expect(issued).toMatchObject({ authenticationType: "unauthenticated", roleArn: GUEST });
    expect(issued?.sessionPolicy).toBeDefined();
    const response = await guest.call(`${gw.apiUrls["rest"]}/profile`);
    expect(response.status).toBe(403);
    expect(decisions.at(-1)?.reason).toBe("implicit_deny");

    // The same credentials without the session policy: the guest role alone allows the call.
    const base = identityPoolCallers(server, now);
    const unscoped = await startGateway({}, async (accessKeyId) => {
      const credential = await base(accessKeyId);
      return credential === undefined ? undefined : { ...credential, sessionPolicy: null };
    });
    try {
      const before = events.rest.length;
      expect((await guest.call(`${unscoped.apiUrls["rest"]}/profile`)).status).toBe(200);
      expect(events.rest.at(-1)?.requestContext.identity).toMatchObject({
        cognitoIdentityId: guest.identityId,
        cognitoAuthenticationType: "unauthenticated",
        cognitoAuthenticationProvider: null,
        userArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ItemsGuest/${SESSION}`,
      });
      expect(events.rest).toHaveLength(before + 1);
    } finally {
      await unscoped.close();
    }
  });
});

describe("another account's API (Table B): identity and resource policy must both allow", () => {
  let other: LocalGateway;
  const allowing = (principal: string): PolicyDocument => ({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: principal },
        Action: "execute-api:Invoke",
        Resource: "execute-api:/*",
      },
    ],
  });
  beforeAll(async () => {
    other = await startGateway({
      accountId: OTHER_ACCOUNT,
      apis: [
        {
          type: "REST",
          name: "open",
          apiId: "o1b2c3d4e5",
          resourcePolicy: allowing(READER),
          routes: itemRoutes(),
        },
        {
          type: "REST",
          name: "closed",
          apiId: "c1b2c3d4e5",
          basePath: "/closed",
          resourcePolicy: allowing("arn:aws:iam::999999999999:root"),
          routes: itemRoutes(),
        },
      ],
    });
  });
  afterAll(async () => {
    await other?.close();
  });

  it("allows the owner's items when the resource policy names the role", async () => {
    const response = await alice.call(`${other.apiUrls["open"]}${itemsOf(alice)}`);
    expect(response.status).toBe(200);
  });

  it("refuses another identity's items although the resource policy allows the role", async () => {
    expect((await alice.call(`${other.apiUrls["open"]}${itemsOf(bob)}`)).status).toBe(403);
    expect(decisions.at(-1)?.reason).toBe("cross_account_not_allowed");
  });

  it("refuses the owner's items when the resource policy does not allow the role", async () => {
    expect((await alice.call(`${other.apiUrls["closed"]}${itemsOf(alice)}`)).status).toBe(403);
    expect(decisions.at(-1)?.reason).toBe("cross_account_not_allowed");
  });
});

describe("credentials the pool does not vouch for", () => {
  it("refuses an access key it never issued", async () => {
    const forged = createSignedFetch({
      credentials: { ...alice.credentials, accessKeyId: "ASIANEVERISSUED00001" },
      region: REGION,
      service: "execute-api",
    });
    const response = await forged(`${gw.apiUrls["rest"]}${itemsOf(alice)}`);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("UnrecognizedClientException");
  });

  it("refuses credentials past their expiration", async () => {
    const issued = server.credentialsFor(alice.credentials.accessKeyId);
    clock = (issued?.expiration.getTime() ?? 0) + 1000;
    const response = await alice.call(`${gw.apiUrls["rest"]}${itemsOf(alice)}`);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("UnrecognizedClientException");
  });
});

function itemRoutes() {
  return [
    {
      method: "GET",
      resource: "/users/{id}/items",
      auth: "AWS_IAM" as const,
      handler: () => ok,
    },
  ];
}
