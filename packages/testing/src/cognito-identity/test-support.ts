/**
 * Fixtures shared by the Cognito-identity server's own tests (not exported from the package).
 * @internal
 */
import { createTestIssuer } from "../jwt/create-test-issuer.js";
import type { TestIssuer } from "../jwt/test-issuer.js";
import type {
  CognitoIdentityServer,
  CognitoIdentityServerOptions,
} from "./cognito-identity-server.js";
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
