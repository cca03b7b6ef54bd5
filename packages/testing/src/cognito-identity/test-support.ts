/**
 * Fixtures shared by the Cognito-identity server's own tests (not exported from the package).
 * @internal
 */

import type { PolicyDocument } from "@gatehouse/policy";
import { createTestIssuer } from "../jwt/create-test-issuer.js";
import type { TestIssuer } from "../jwt/test-issuer.js";
import type {
  CognitoIdentityServer,
  CognitoIdentityServerOptions,
} from "./cognito-identity-server.js";
import type { IamRoleConfig } from "./iam-role-config.js";
import { startCognitoIdentityServer } from "./start-cognito-identity-server.js";

export const REGION = "us-east-1";
export const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0);
export const NOW_S = NOW_MS / 1000;
/** Allows guests, has a user pool (remote JWKS), an OIDC provider (inline JWKS) and a developer provider. */
export const POOL = "us-east-1:11111111-2222-4333-8444-555555555555";
/** Authenticated identities only. */
export const AUTH_ONLY_POOL = "us-east-1:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
/** Allows guests but has no guest role (a misconfiguration). */
export const NO_GUEST_ROLE_POOL = "us-east-1:99999999-8888-4777-8666-555555555555";
export const AUTH_ROLE = "arn:aws:iam::123456789012:role/GatehouseAuthenticated";
export const GUEST_ROLE = "arn:aws:iam::123456789012:role/GatehouseUnauthenticated";
export const ADMIN_ROLE = "arn:aws:iam::123456789012:role/GatehouseAdmin";
export const DEVELOPER_PROVIDER = "login.gatehouse.test";
export const DEVELOPER_CREDENTIALS = {
  accessKeyId: "AKIDDEVELOPER0000000",
  secretAccessKey: "developer-secret-key",
};
export const ERROR_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.coral.service/";

export interface Fixture {
  server: CognitoIdentityServer;
  cognito: TestIssuer;
  oidc: TestIssuer;
  /** `cognito-idp.us-east-1.amazonaws.com/us-east-1_Gatehouse`. */
  userPoolKey: string;
  /** The OIDC issuer's host, e.g. `127.0.0.1:4567`. */
  oidcKey: string;
  clock: { now: number };
  close(): Promise<void>;
}

/** Two issuers and a server over the three pools; `clock.now` is the shared clock. */
export async function startFixture(
  overrides: Partial<CognitoIdentityServerOptions> = {},
): Promise<Fixture> {
  const clock = { now: NOW_MS };
  const now = () => clock.now;
  const cognito = await createTestIssuer({ kind: "cognito", region: REGION, now });
  const oidc = await createTestIssuer({ kind: "oidc", now, clientId: "oidc-client" });
  const userPoolKey = `cognito-idp.${REGION}.amazonaws.com/${cognito.userPoolId}`;
  const oidcKey = new URL(oidc.issuer).host;
  const server = await startCognitoIdentityServer({
    pools: [
      {
        identityPoolId: POOL,
        allowUnauthenticated: true,
        providers: {
          [userPoolKey]: { jwksUri: cognito.jwksUri, audience: cognito.clientId },
          [oidcKey]: { jwks: oidc.jwks(), audience: oidc.clientId },
        },
        developerProviderName: DEVELOPER_PROVIDER,
        authenticatedRoleArn: AUTH_ROLE,
        unauthenticatedRoleArn: GUEST_ROLE,
        customRoleArns: [ADMIN_ROLE],
        accountId: "123456789012",
      },
      {
        identityPoolId: AUTH_ONLY_POOL,
        providers: { [userPoolKey]: { jwks: cognito.jwks(), audience: cognito.clientId } },
        authenticatedRoleArn: AUTH_ROLE,
      },
      {
        identityPoolId: NO_GUEST_ROLE_POOL,
        allowUnauthenticated: true,
        authenticatedRoleArn: AUTH_ROLE,
      },
    ],
    credentials: DEVELOPER_CREDENTIALS,
    now,
    ...overrides,
  });
  return {
    server,
    cognito,
    oidc,
    userPoolKey,
    oidcKey,
    clock,
    close: async () => {
      await Promise.all([server.close(), cognito.close(), oidc.close()]);
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** A JSON 1.1 call as the AWS SDK sends it. */
export async function callJson(
  url: string,
  operation: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.1",
      "X-Amz-Target": `AWSCognitoIdentityService.${operation}`,
      ...headers,
    },
    body: typeof input === "string" ? input : JSON.stringify(input),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** An STS query-protocol call: form-encoded POST. */
export async function callSts(url: string, params: Record<string, string>): Promise<RawResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The text of one XML element (first occurrence). */
export function xmlText(xml: string, element: string): string | undefined {
  return new RegExp(`<${element}>([^<]*)</${element}>`).exec(xml)?.[1];
}

/** A pool with a role attachment: Token mapping for the user pool, Rules for OIDC, principal tags. */
export const ROLES_POOL = "us-east-1:12121212-3434-4565-8787-909090909090";
/** A pool whose OIDC Rules mapping denies what no rule matches. */
export const DENY_POOL = "us-east-1:23232323-4545-4676-8989-010101010101";
export const ACCOUNT = "123456789012";
export const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const READERS_ROLE = role("GatehouseReaders");
export const WRITERS_ROLE = role("GatehouseWriters");
export const SALES_ROLE = role("GatehouseSales");
/** Trusts DENY_POOL only. */
export const OTHER_POOL_ROLE = role("GatehouseOtherPool");
/** Trusts ROLES_POOL for sts:AssumeRoleWithWebIdentity but not sts:TagSession. */
export const UNTAGGED_ROLE = role("GatehouseUntagged");
/** Trusts ROLES_POOL guests only. */
export const GUEST_ONLY_ROLE = role("GatehouseGuestOnly");
/** Trusts ROLES_POOL users who signed in through the OIDC provider (amr). */
export const OIDC_ONLY_ROLE = role("GatehouseOidcOnly");
/** Listed nowhere: STS does not know it. */
export const UNKNOWN_ROLE = role("GatehouseDeleted");

/** The trust policy AWS recommends for an identity pool's role. */
export function trustPolicy(
  pools: string | string[],
  amr: string,
  actions: string[] = ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: actions,
        Condition: {
          StringEquals: { "cognito-identity.amazonaws.com:aud": pools },
          "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": amr },
        },
      },
    ],
  };
}

/** A per-identity permission policy (the role's identity policy, handed back by credentialsFor). */
export const READ_OWN_ITEMS: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: "dynamodb:GetItem",
      Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/items`,
      Condition: {
        "ForAllValues:StringEquals": {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
          "dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"],
        },
      },
    },
  ],
};

export interface RolesFixture extends Fixture {
  /** The user pool's mapping key, `{userPoolKey}:{clientId}`. */
  userPoolMappingKey: string;
}

/** The roles the roles fixture's STS knows. */
export function fixtureRoles(oidcKey: string): IamRoleConfig[] {
  const both = [ROLES_POOL, DENY_POOL];
  return [
    {
      arn: AUTH_ROLE,
      trustPolicy: trustPolicy(both, "authenticated"),
      permissionPolicies: [READ_OWN_ITEMS],
    },
    { arn: GUEST_ROLE, trustPolicy: trustPolicy(ROLES_POOL, "unauthenticated") },
    { arn: READERS_ROLE, trustPolicy: trustPolicy(ROLES_POOL, "authenticated") },
    { arn: WRITERS_ROLE, trustPolicy: JSON.stringify(trustPolicy(ROLES_POOL, "authenticated")) },
    { arn: SALES_ROLE, trustPolicy: trustPolicy(both, "authenticated") },
    { arn: OTHER_POOL_ROLE, trustPolicy: trustPolicy(DENY_POOL, "authenticated") },
    {
      arn: UNTAGGED_ROLE,
      trustPolicy: trustPolicy(ROLES_POOL, "authenticated", ["sts:AssumeRoleWithWebIdentity"]),
    },
    { arn: GUEST_ONLY_ROLE, trustPolicy: trustPolicy(ROLES_POOL, "unauthenticated") },
    { arn: OIDC_ONLY_ROLE, trustPolicy: trustPolicy(ROLES_POOL, oidcKey) },
  ];
}

/**
 * Two issuers and a server over ROLES_POOL (user pool: Token mapping, Deny, principal tags
 * `username`/`client` by default and `tenant` <- `custom:tenant`; OIDC: Rules, AuthenticatedRole)
 * and DENY_POOL (OIDC: Rules, Deny), with the roles of {@link fixtureRoles}.
 */
export async function startRolesFixture(
  overrides: Partial<CognitoIdentityServerOptions> = {},
): Promise<RolesFixture> {
  const clock = { now: NOW_MS };
  const now = () => clock.now;
  const cognito = await createTestIssuer({ kind: "cognito", region: REGION, now });
  const oidc = await createTestIssuer({ kind: "oidc", now, clientId: "oidc-client" });
  const userPoolKey = `cognito-idp.${REGION}.amazonaws.com/${cognito.userPoolId}`;
  const userPoolMappingKey = `${userPoolKey}:${cognito.clientId}`;
  const oidcKey = new URL(oidc.issuer).host;
  const salesRule = {
    claim: "department",
    matchType: "Equals" as const,
    value: "sales",
    roleArn: SALES_ROLE,
  };
  const server = await startCognitoIdentityServer({
    pools: [
      {
        identityPoolId: ROLES_POOL,
        allowUnauthenticated: true,
        providers: {
          [userPoolKey]: { jwks: cognito.jwks(), audience: cognito.clientId },
          [oidcKey]: { jwks: oidc.jwks(), audience: oidc.clientId },
        },
        roleAttachment: {
          identityPoolId: ROLES_POOL,
          roles: { authenticated: AUTH_ROLE, unauthenticated: GUEST_ROLE },
          roleMappings: {
            userPool: {
              type: "Token",
              ambiguousRoleResolution: "Deny",
              identityProvider: userPoolMappingKey,
            },
            [oidcKey]: {
              type: "Rules",
              ambiguousRoleResolution: "AuthenticatedRole",
              rulesConfiguration: {
                rules: [
                  salesRule,
                  {
                    claim: "email",
                    matchType: "StartsWith",
                    value: "oidc-only@",
                    roleArn: OIDC_ONLY_ROLE,
                  },
                  {
                    claim: "email",
                    matchType: "Contains",
                    value: "@untagged.",
                    roleArn: UNTAGGED_ROLE,
                  },
                ],
              },
            },
          },
          principalTags: [
            {
              identityProviderName: userPoolKey,
              useDefaults: true,
              principalTags: { tenant: "custom:tenant" },
            },
            { identityProviderName: oidcKey, principalTags: { dept: "department" } },
          ],
        },
      },
      {
        identityPoolId: DENY_POOL,
        providers: { [oidcKey]: { jwks: oidc.jwks(), audience: oidc.clientId } },
        roleAttachment: {
          identityPoolId: DENY_POOL,
          roles: { authenticated: AUTH_ROLE },
          roleMappings: {
            [oidcKey]: {
              type: "Rules",
              ambiguousRoleResolution: "Deny",
              rulesConfiguration: {
                rules: [
                  salesRule,
                  {
                    claim: "department",
                    matchType: "Equals",
                    value: "partners",
                    roleArn: READERS_ROLE,
                  },
                ],
              },
            },
          },
        },
      },
    ],
    roles: fixtureRoles(oidcKey),
    now,
    ...overrides,
  });
  return {
    server,
    cognito,
    oidc,
    userPoolKey,
    userPoolMappingKey,
    oidcKey,
    clock,
    close: async () => {
      await Promise.all([server.close(), cognito.close(), oidc.close()]);
    },
  };
}
