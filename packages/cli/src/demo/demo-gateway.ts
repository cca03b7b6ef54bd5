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

/** The sample API the demo serves. @internal */
export function demoGatewayConfig(options: {
  verifier: TokenVerifier;
  credentials: IamCredentialConfig[];
  onDecision: NonNullable<LocalGatewayConfig["onDecision"]>;
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
    },
  });
  return {
    region: DEMO.region,
    accountId: DEMO.accountId,
    trustForwardedFor: true,
    credentials: options.credentials,
    onDecision: options.onDecision,
    apis: [
      {
        type: "REST",
        name: DEMO.restApi,
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
          [DEMO.restApi]: ["GET /pets", "GET /pets/{id}", "POST /pets", ...naive],
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
