import { createAuthorizer, type TokenVerifier } from "@gatehouse/authorizer";
import type {
  IamCredentialConfig,
  LocalGatewayConfig,
  ProxyResult,
} from "@gatehouse/local-gateway";
import {
  accountAllowlist,
  composeResourcePolicy,
  ipDenylist,
  type PolicyDocument,
  type RestTokenAuthorizerEvent,
} from "@gatehouse/policy";
import type { GatewayAuditSection } from "../audit/gateway-audit-config.js";

/** The sample API's account, Region and names. @internal */
export const DEMO = {
  region: "us-east-1",
  accountId: "123456789012",
  /** Another account, whose signed calls the account allowlist refuses. */
  otherAccountId: "999988887777",
  restApi: "pets-rest",
  /** The REST API's id (the gateway's default for its first API), named by the usage plan. */
  restApiId: "a1b2c3d4e5",
  /** A partner's API key (20-128 letters and digits) in the demo usage plan; metering, not authorization. */
  partnerApiKey: "gatehouseDemoPartnerKey2026",
  /** The same pets API written by hand: AWS's example IP-denylist policy, a hand-written grant. */
  trapApi: "pets-handwritten",
  httpApi: "orders-http",
  stage: "dev",
  deniedCidr: "198.51.100.0/24",
  deniedIp: "198.51.100.7",
  identityPoolId: "us-east-1:0b6f5c1e-2d3a-4c8b-9e7f-1a2b3c4d5e6f",
  authenticatedRole: "arn:aws:iam::123456789012:role/gatehouse-demo-authenticated",
} as const;

/**
 * The REST API's resource policy: SigV4 callers of GET /reports must be in the API's account
 * (account allowlist, scoped to the AWS_IAM route: `Principal: {AWS}` would break every other
 * method), and 198.51.100.0/24 is denied everywhere (checked before any authorizer runs). Every
 * other method uses a Lambda authorizer, so there is no `Allow *`: it would answer for the
 * authorizers wherever they are silent (Table A).
 * @internal
 */
export function demoResourcePolicy(): PolicyDocument {
  return composeResourcePolicy(
    [
      accountAllowlist({
        principals: [DEMO.accountId],
        resources: [`execute-api:/${DEMO.stage}/GET/reports`],
      }),
      ipDenylist({ cidrs: [DEMO.deniedCidr] }),
    ],
    { authTypes: { "GET /reports": "AWS_IAM", "*": "LAMBDA" } },
  );
}

const ok = (body: unknown): ProxyResult => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/**
 * The classic bug: an authorizer that allows exactly `event.methodArn`. With API Gateway's cache
 * on, its policy is reused for the identity's next request to ANOTHER route, which it does not
 * cover: 403 until the TTL expires.
 */
function naiveAuthorizer(verifier: TokenVerifier) {
  return async (event: RestTokenAuthorizerEvent) => {
    const token = event.authorizationToken.replace(/^Bearer /, "");
    let sub: string;
    try {
      sub = String((await verifier.verify(token)).claims.sub);
    } catch {
      throw new Error("Unauthorized");
    }
    return {
      principalId: sub,
      policyDocument: {
        Version: "2012-10-17",
        Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn }],
      },
    };
  };
}

/**
 * The classic hand-written authorizer: a token with `pets/read` gets `GET/pets/*`, as one writes
 * "may read pets". IAM's `*` crosses `/`, so the grant also covers `GET /pets/{id}/medical-records`;
 * it says nothing about `DELETE`, which an `Allow *` resource policy then allows (Table A).
 */
function handwrittenAuthorizer(verifier: TokenVerifier) {
  return async (event: RestTokenAuthorizerEvent) => {
    const token = event.authorizationToken.replace(/^Bearer /, "");
    let verified: Awaited<ReturnType<TokenVerifier["verify"]>>;
    try {
      verified = await verifier.verify(token);
    } catch {
      throw new Error("Unauthorized");
    }
    const stage = event.methodArn.split("/").slice(0, 2).join("/");
    const reads = verified.scopes.includes("pets/read");
    return {
      principalId: String(verified.claims.sub),
      policyDocument: {
        Version: "2012-10-17",
        Statement: [
          {
            Action: "execute-api:Invoke",
            Effect: reads ? "Allow" : "Deny",
            Resource: reads ? `${stage}/GET/pets/*` : `${stage}/*`,
          },
        ],
      },
    };
  };
}

/**
 * AWS's documented IP-denylist resource policy as written by hand: `Allow *` on `execute-api:/*`
 * plus the Deny. `authTypes: null` is the explicit opt-out that writes exactly this shape.
 */
function handwrittenResourcePolicy(): PolicyDocument {
  return composeResourcePolicy([ipDenylist({ cidrs: [DEMO.deniedCidr] })], { authTypes: null });
}

/**
 * The demo's trap API: the same pets routes guarded the way many hand-written setups do it. Served
 * by the demo to show both traps; left out of `gatehouse audit --demo` (which checks the
 * Gatehouse-configured APIs), and audited on its own by a test that finds both bypasses.
 * @internal
 */
export function demoTrapApi(verifier: TokenVerifier): LocalGatewayConfig["apis"][number] {
  const handler = () => ok({ id: 42, name: "Rex" });
  const auth = { authorizer: "handwritten" } as const;
  return {
    type: "REST",
    name: DEMO.trapApi,
    basePath: "/handwritten",
    stage: DEMO.stage,
    endpointType: "REGIONAL",
    resourcePolicy: handwrittenResourcePolicy(),
    authorizers: {
      handwritten: {
        type: "TOKEN",
        handler: handwrittenAuthorizer(verifier),
        resultTtlInSeconds: 300,
      },
    },
    routes: [
      { method: "GET", resource: "/pets/{id}", auth, handler },
      { method: "GET", resource: "/pets/{id}/medical-records", auth, handler },
      { method: "DELETE", resource: "/pets/{id}", auth, handler },
    ],
  };
}

/** The sample API the demo serves. @internal */
export function demoGatewayConfig(options: {
  verifier: TokenVerifier;
  credentials: IamCredentialConfig[];
  onDecision: NonNullable<LocalGatewayConfig["onDecision"]>;
  /** Serve {@link demoTrapApi} too. @default true */
  traps?: boolean;
}): LocalGatewayConfig {
  const { verifier } = options;
  const gatehouse = createAuthorizer({
    verifier,
    // Every route and what it needs: the returned policy lists all routes this identity may call,
    // so API Gateway's cached copy is right for every route.
    routes: {
      "GET /pets": { scopes: ["pets/read"] },
      "GET /pets/{id}": { scopes: ["pets/read"] },
      "POST /pets": { scopes: ["pets/write"] },
      "DELETE /pets/{id}": { scopes: ["pets/write"] },
      // Nested under GET /pets/{id}: the policy of an identity without the group denies it.
      "GET /pets/{id}/medical-records": { groups: ["vet"] },
      // Also needs an API key (apiKeyRequired): the usage plan meters it after this authorizer.
      "GET /partner/feed": { scopes: ["pets/read"] },
    },
  });
  return {
    region: DEMO.region,
    accountId: DEMO.accountId,
    trustForwardedFor: true,
    credentials: options.credentials,
    onDecision: options.onDecision,
    // One partner key in a plan that throttles hard (burst 1, one request per 100 s): the demo's
    // second call with the key is THROTTLED. API keys meter callers; the authorizer authorizes.
    apiKeys: [{ id: "demo-partner", value: DEMO.partnerApiKey }],
    usagePlans: [
      {
        id: "demo-partner-plan",
        apiStages: [{ apiId: DEMO.restApiId, stage: DEMO.stage }],
        throttle: { rateLimit: 0.01, burstLimit: 1 },
        quota: { limit: 1000, period: "DAY" },
        apiKeys: ["demo-partner"],
      },
    ],
    apis: [
      {
        type: "REST",
        name: DEMO.restApi,
        apiId: DEMO.restApiId,
        stage: DEMO.stage,
        endpointType: "REGIONAL",
        resourcePolicy: demoResourcePolicy(),
        authorizers: {
          gatehouse: { type: "TOKEN", handler: gatehouse, resultTtlInSeconds: 300 },
          naive: { type: "TOKEN", handler: naiveAuthorizer(verifier), resultTtlInSeconds: 300 },
        },
        routes: [
          {
            method: "GET",
            resource: "/pets",
            auth: { authorizer: "gatehouse" },
            handler: () => ok([{ id: 1, name: "Rex" }]),
          },
          {
            method: "GET",
            resource: "/pets/{id}",
            auth: { authorizer: "gatehouse" },
            handler: () => ok({ id: 1, name: "Rex" }),
          },
          {
            method: "POST",
            resource: "/pets",
            auth: { authorizer: "gatehouse" },
            handler: () => ok({ created: true }),
          },
          {
            method: "DELETE",
            resource: "/pets/{id}",
            auth: { authorizer: "gatehouse" },
            handler: () => ok({ deleted: true }),
          },
          {
            method: "GET",
            resource: "/pets/{id}/medical-records",
            auth: { authorizer: "gatehouse" },
            handler: () => ok({ vaccinations: [] }),
          },
          {
            method: "GET",
            resource: "/partner/feed",
            auth: { authorizer: "gatehouse" },
            apiKeyRequired: true,
            handler: () => ok([{ id: 1, name: "Rex" }]),
          },
          {
            method: "GET",
            resource: "/naive/pets",
            auth: { authorizer: "naive" },
            handler: () => ok([]),
          },
          {
            method: "GET",
            resource: "/naive/pets/{id}",
            auth: { authorizer: "naive" },
            handler: () => ok({}),
          },
          {
            method: "GET",
            resource: "/reports",
            auth: "AWS_IAM",
            handler: () => ok({ report: "ok" }),
          },
        ],
      },
      {
        type: "HTTP",
        name: DEMO.httpApi,
        basePath: "/shop",
        authorizers: { cognito: { type: "JWT", verifier } },
        routes: [
          {
            routeKey: "GET /orders",
            auth: { authorizer: "cognito", scopes: ["orders/read"] },
            handler: () => ok([{ id: "o-1" }]),
          },
        ],
      },
      ...(options.traps === false ? [] : [demoTrapApi(verifier)]),
    ],
  };
}

/**
 * Who is meant to call what on the sample API: the `audit` section `gatehouse audit --demo` checks
 * against the real gateway. The naive authorizer is meant for any valid token (it checks nothing
 * else); its cache bug shows as cache-dependent cells, not as unintended ones.
 * @internal
 */
export function demoAuditSection(options: {
  /** Access tokens: `pets/read orders/read`, `pets/read pets/write orders/read`, `profile`. */
  tokens: { reader: string; admin: string; noScopes: string };
  /** The identity-pool role session's access key id (in the config's `credentials`). */
  reportsAccessKeyId: string;
  /** The other account's access key id (in the config's `credentials`). */
  partnerAccessKeyId: string;
}): GatewayAuditSection {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const naive = ["GET /naive/pets", "GET /naive/pets/{id}"];
  return {
    callers: [
      { name: "anonymous", grants: [] },
      {
        name: "reader",
        headers: bearer(options.tokens.reader),
        grants: {
          [DEMO.restApi]: ["GET /pets", "GET /pets/{id}", ...naive],
          [DEMO.httpApi]: ["GET /orders"],
        },
      },
      {
        name: "admin",
        headers: bearer(options.tokens.admin),
        grants: {
          [DEMO.restApi]: [
            "GET /pets",
            "GET /pets/{id}",
            "POST /pets",
            "DELETE /pets/{id}",
            ...naive,
          ],
          [DEMO.httpApi]: ["GET /orders"],
        },
      },
      {
        name: "profile-only",
        headers: bearer(options.tokens.noScopes),
        grants: { [DEMO.restApi]: naive },
      },
      {
        name: "reports-role",
        iam: { accessKeyId: options.reportsAccessKeyId },
        grants: { [DEMO.restApi]: ["GET /reports"] },
      },
      { name: "partner-account", iam: { accessKeyId: options.partnerAccessKeyId }, grants: [] },
    ],
  };
}
