import { randomBytes } from "node:crypto";
import { cognitoVerifier } from "@gatehouse/authorizer";
import { createIdentityPoolClient, loginsFromIdToken } from "@gatehouse/identity-pool";
import {
  type GatewayDecisionReason,
  type GatewayDecisionRecord,
  type IamCredentialConfig,
  type LocalGateway,
  startLocalGateway,
} from "@gatehouse/local-gateway";
import { createSignedFetch } from "@gatehouse/sigv4";
import {
  type CognitoIdentityServer,
  createTestIssuer,
  startCognitoIdentityServer,
  type TestIssuer,
} from "@gatehouse/testing";
import { DEMO, demoGatewayConfig } from "./demo-gateway.js";
import { type DemoTokens, mintDemoTokens } from "./demo-tokens.js";

/** One request of the demo and what came back. */
export interface DemoRow {
  /** 1, 2, ... */
  step: number;
  /** The part of the sample API the row shows. */
  section: string;
  /** What was sent, e.g. `GET /dev/pets  (no token)`. */
  request: string;
  /** The status API Gateway gives this request. */
  expected: number;
  /** The status the local gateway answered; `null` when the request failed. */
  actual: number | null;
  /**
   * The local gateway's decision reason (`allowed`, `authorizer_implicit_deny`, ...); `null` for a
   * step the gateway does not decide (the identity-pool exchange) and for a request that failed.
   */
  reason: GatewayDecisionReason | null;
  /** With `reason: null`: what happened instead (the exchange's calls, the failure); else `null`. */
  detail: string | null;
  /** Whether the answer came from the authorizer cache. */
  fromCache: boolean;
  /** What the row demonstrates, in one sentence. */
  note: string;
  /** `actual === expected`. */
  matched: boolean;
}

/** What {@link runDemo} returns. */
export interface DemoResult {
  rows: DemoRow[];
  /** Every row matched. */
  ok: boolean;
  /** Wall time, in milliseconds. */
  durationMs: number;
  /** Where the gateway listened (closed by now). */
  gatewayUrl: string;
}

/** Options of {@link runDemo}. */
export interface RunDemoOptions {
  /** Called after each row, for progressive output. */
  onRow?: (row: DemoRow) => void;
}

interface Step {
  section: string;
  request: string;
  expected: number;
  note: string;
  send: () => Promise<Response | { status: number; detail: string }>;
}

const SECTIONS = {
  rest: "REST API + TOKEN authorizer (createAuthorizer + cognitoVerifier)",
  cache: "Authorizer cache: naive `Resource: event.methodArn` authorizer",
  http: "HTTP API + JWT authorizer with scopes",
  iam: "AWS_IAM: identity pool -> SigV4",
  tableA:
    "Table A: AWS's `Allow *` + IP-denylist resource policy next to a hand-written authorizer",
  nested:
    "Nested routes: a hand-written `GET/pets/*` grant vs createAuthorizer's exact route table",
} as const;

/**
 * Runs the sample API on 127.0.0.1 and sends it real requests: a Cognito-shaped issuer, a TOKEN
 * authorizer, the authorizer-cache bug next to the cache-safe default, an HTTP API with scopes, a
 * resource policy (IP denylist + account allowlist) and an identity-pool exchange followed by a
 * SigV4-signed call. No network beyond loopback; tokens and secrets are never returned.
 *
 * @returns every row with the expected and the actual status; `ok` when all matched.
 * @example
 * ```ts
 * const { ok, rows } = await runDemo();
 * ```
 */
export async function runDemo(options: RunDemoOptions = {}): Promise<DemoResult> {
  const started = performance.now();
  let issuer: TestIssuer | undefined;
  let identityServer: CognitoIdentityServer | undefined;
  let gateway: LocalGateway | undefined;
  try {
    issuer = await createTestIssuer({ kind: "cognito", region: DEMO.region });
    const verifier = cognitoVerifier({
      userPoolId: issuer.userPoolId,
      clientId: issuer.clientId,
      tokenUse: "access",
      jwksUri: issuer.jwksUri,
      // Pre-seeded keys, as a Lambda cold start without network would have them: the demo does not
      // depend on how fast the JWKS answers on a busy machine.
      jwks: issuer.jwks(),
    });
    await verifier.hydrate();
    const tokens = await mintDemoTokens(issuer);
    const loginKey = `cognito-idp.${DEMO.region}.amazonaws.com/${issuer.userPoolId}`;
    identityServer = await startCognitoIdentityServer({
      pools: [
        {
          identityPoolId: DEMO.identityPoolId,
          providers: { [loginKey]: { jwks: issuer.jwks(), audience: issuer.clientId } },
          authenticatedRoleArn: DEMO.authenticatedRole,
          accountId: DEMO.accountId,
        },
      ],
    });

    // The identity-pool exchange runs first: the gateway is told which credentials exist when it
    // starts, as IAM knows the role's sessions.
    const exchange = await exchangeIdentity(identityServer, tokens.id);
    const other = {
      accessKeyId: `AKIA${randomBytes(8).toString("hex").toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString("base64"),
    };
    const credentials: IamCredentialConfig[] = [
      ...identityServer.issuedCredentials.map((issued) => ({
        accessKeyId: issued.accessKeyId,
        secretAccessKey: issued.secretAccessKey,
        sessionToken: issued.sessionToken,
        principalArn: `arn:aws:sts::${DEMO.accountId}:assumed-role/${issued.roleArn.split("/").pop()}/CognitoIdentityCredentials`,
        policy: invokePolicy(
          `arn:aws:execute-api:${DEMO.region}:${DEMO.accountId}:*/${DEMO.stage}/GET/reports`,
        ),
      })),
      {
        ...other,
        principalArn: `arn:aws:iam::${DEMO.otherAccountId}:role/partner`,
        policy: invokePolicy("*"),
      },
    ];
    const decisions: GatewayDecisionRecord[] = [];
    gateway = await startLocalGateway(
      demoGatewayConfig({ verifier, credentials, onDecision: (record) => decisions.push(record) }),
    );
    const steps = buildSteps(gateway, tokens, exchange, other);
    const rows: DemoRow[] = [];
    for (const step of steps) {
      const before = decisions.length;
      let actual: number | null = null;
      let reason: GatewayDecisionReason | null = null;
      let detail: string | null = null;
      let fromCache = false;
      try {
        const answer = await step.send();
        if (answer instanceof Response) {
          await answer.arrayBuffer();
          actual = answer.status;
          const record = decisions.length > before ? decisions.at(-1) : undefined;
          reason = record?.reason ?? null;
          if (record === undefined) detail = "no decision recorded";
          fromCache = record?.authorizerFromCache === true;
        } else {
          actual = answer.status;
          detail = answer.detail;
        }
      } catch (error) {
        detail = `request failed: ${(error as Error).message}`;
      }
      const row: DemoRow = {
        step: rows.length + 1,
        section: step.section,
        request: step.request,
        expected: step.expected,
        actual,
        reason,
        detail,
        fromCache,
        note: step.note,
        matched: actual === step.expected,
      };
      rows.push(row);
      options.onRow?.(row);
    }
    return {
      rows,
      ok: rows.every((row) => row.matched),
      durationMs: Math.round(performance.now() - started),
      gatewayUrl: gateway.url,
    };
  } finally {
    await Promise.allSettled([gateway?.close(), identityServer?.close(), issuer?.close()]);
  }
}

function invokePolicy(resource: string) {
  return {
    Version: "2012-10-17" as const,
    Statement: [{ Effect: "Allow" as const, Action: "execute-api:Invoke", Resource: resource }],
  };
}

interface Exchange {
  provider:
    | (() => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken: string }>)
    | undefined;
  status: number;
  detail: string;
}

async function exchangeIdentity(server: CognitoIdentityServer, idToken: string): Promise<Exchange> {
  const client = createIdentityPoolClient({
    identityPoolId: DEMO.identityPoolId,
    endpoint: server.url,
    logins: loginsFromIdToken(idToken),
  });
  try {
    const issued = await client.getCredentials();
    const calls = Object.entries(server.calls)
      .filter(([, count]) => count > 0)
      .map(([operation]) => operation)
      .join(" + ");
    return {
      provider: client.provider,
      status: 200,
      detail: `${calls} -> ${issued.identityId}`,
    };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "error";
    const status = (error as { status?: number }).status ?? 0;
    return { provider: undefined, status, detail: `${code}: ${(error as Error).message}` };
  }
}

function buildSteps(
  gateway: LocalGateway,
  tokens: DemoTokens,
  exchange: Exchange,
  other: { accessKeyId: string; secretAccessKey: string },
): Step[] {
  const rest = gateway.apiUrls[DEMO.restApi] as string;
  const trap = gateway.apiUrls[DEMO.trapApi] as string;
  const trapPath = new URL(trap).pathname.replace(/\/$/, "");
  const http = gateway.apiUrls[DEMO.httpApi] as string;
  const restPath = new URL(rest).pathname.replace(/\/$/, "");
  const httpPath = new URL(http).pathname.replace(/\/$/, "");
  const bearer = (token: string, extra: Record<string, string> = {}) => ({
    headers: { authorization: `Bearer ${token}`, ...extra },
  });
  const get =
    (base: string, path: string, init: RequestInit = {}) =>
    () =>
      fetch(`${base}${path}`, init);
  const signed = (credentials: Parameters<typeof createSignedFetch>[0]["credentials"]) =>
    createSignedFetch({ credentials, region: DEMO.region });
  return [
    {
      section: SECTIONS.rest,
      request: `GET ${restPath}/pets  (no token)`,
      expected: 401,
      note: "The identity source is missing: 401 without invoking the authorizer.",
      send: get(rest, "/pets"),
    },
    {
      section: SECTIONS.rest,
      request: `GET ${restPath}/pets  (token signed by an unknown key)`,
      expected: 401,
      note: "The signature does not verify against the JWKS: the authorizer throws Unauthorized.",
      send: get(rest, "/pets", bearer(tokens.forged)),
    },
    {
      section: SECTIONS.rest,
      request: `GET ${restPath}/pets  (expired token)`,
      expected: 401,
      note: "exp is in the past: Unauthorized.",
      send: get(rest, "/pets", bearer(tokens.expired)),
    },
    {
      section: SECTIONS.rest,
      request: `GET ${restPath}/pets  (token with pets/read)`,
      expected: 200,
      note: "Valid token and scope: the authorizer's policy lists every route this identity may call.",
      send: get(rest, "/pets", bearer(tokens.reader)),
    },
    {
      section: SECTIONS.rest,
      request: `GET ${restPath}/pets/42  (same token)`,
      expected: 200,
      note: "Answered from the authorizer cache: the cached policy covers GET /pets/{id} too.",
      send: get(rest, "/pets/42", bearer(tokens.reader)),
    },
    {
      section: SECTIONS.rest,
      request: `POST ${restPath}/pets  (same token, no pets/write)`,
      expected: 403,
      note: "The cached policy does not list POST /pets: the scope is missing.",
      send: get(rest, "/pets", { method: "POST", body: "{}", ...bearer(tokens.reader) }),
    },
    {
      section: SECTIONS.rest,
      request: `GET ${restPath}/pets  (token without pets/read)`,
      expected: 403,
      note: "Valid token, no route allowed: 403, not 401.",
      send: get(rest, "/pets", bearer(tokens.noScopes)),
    },
    {
      section: SECTIONS.rest,
      request: `GET ${restPath}/pets  (valid token, from ${DEMO.deniedIp})`,
      expected: 403,
      note: "The resource policy's IP denylist is an explicit Deny, checked before the authorizer.",
      send: get(rest, "/pets", bearer(tokens.reader, { "x-forwarded-for": DEMO.deniedIp })),
    },
    {
      section: SECTIONS.cache,
      request: `GET ${restPath}/naive/pets  (token with pets/read)`,
      expected: 200,
      note: "The naive authorizer allows exactly event.methodArn.",
      send: get(rest, "/naive/pets", bearer(tokens.reader)),
    },
    {
      section: SECTIONS.cache,
      request: `GET ${restPath}/naive/pets/42  (same token, within the TTL)`,
      expected: 403,
      note: "Cache hit: the policy cached for GET /naive/pets does not cover this route (createAuthorizer's does, row 5).",
      send: get(rest, "/naive/pets/42", bearer(tokens.reader)),
    },
    {
      section: SECTIONS.tableA,
      request: `DELETE ${trapPath}/pets/42  (read-only token, hand-written setup)`,
      expected: 200,
      note: "The bypass: the authorizer's policy is silent on DELETE and the resource policy's Allow * allows it (same account: an Allow in either policy allows).",
      send: get(trap, "/pets/42", { method: "DELETE", ...bearer(tokens.reader) }),
    },
    {
      section: SECTIONS.tableA,
      request: `DELETE ${restPath}/pets/42  (read-only token, Gatehouse defaults)`,
      expected: 403,
      note: "composeResourcePolicy with authTypes writes no Allow for LAMBDA methods: the authorizer's implicit deny stands.",
      send: get(rest, "/pets/42", { method: "DELETE", ...bearer(tokens.reader) }),
    },
    {
      section: SECTIONS.nested,
      request: `GET ${trapPath}/pets/42/medical-records  (read-only token, hand-written setup)`,
      expected: 200,
      note: "The bypass: IAM's * crosses /, so the grant GET/pets/* meant for GET /pets/{id} also covers the nested vet-only route.",
      send: get(trap, "/pets/42/medical-records", bearer(tokens.reader)),
    },
    {
      section: SECTIONS.nested,
      request: `GET ${restPath}/pets/42/medical-records  (read-only token, no vet group)`,
      expected: 403,
      note: "createAuthorizer's policy adds an explicit Deny for GET/pets/*/medical-records: exact, even from the cache.",
      send: get(rest, "/pets/42/medical-records", bearer(tokens.reader)),
    },
    {
      section: SECTIONS.nested,
      request: `GET ${restPath}/pets/42  (same token)`,
      expected: 200,
      note: "The same cached policy still allows the route the token does satisfy.",
      send: get(rest, "/pets/42", bearer(tokens.reader)),
    },
    {
      section: SECTIONS.http,
      request: `GET ${httpPath}/orders  (token with orders/read)`,
      expected: 200,
      note: "The route's scope is in the token.",
      send: get(http, "/orders", bearer(tokens.reader)),
    },
    {
      section: SECTIONS.http,
      request: `GET ${httpPath}/orders  (token without orders/read)`,
      expected: 403,
      note: "Valid token, missing scope: 403.",
      send: get(http, "/orders", bearer(tokens.noScopes)),
    },
    {
      section: SECTIONS.http,
      request: `GET ${httpPath}/orders  (no token)`,
      expected: 401,
      note: "No token: 401.",
      send: get(http, "/orders"),
    },
    {
      section: SECTIONS.iam,
      request: "identity pool: ID token -> AWS credentials",
      expected: 200,
      note: "createIdentityPoolClient against the loopback Cognito-identity server.",
      send: async () => ({ status: exchange.status, detail: exchange.detail }),
    },
    {
      section: SECTIONS.iam,
      request: `GET ${restPath}/reports  (SigV4, identity-pool credentials)`,
      expected: 200,
      note: "createSignedFetch with the client's provider; same account, allowed by the resource policy.",
      send: () => {
        if (exchange.provider === undefined) throw new Error("no identity-pool credentials");
        return signed(exchange.provider)(`${rest}/reports`);
      },
    },
    {
      section: SECTIONS.iam,
      request: `GET ${restPath}/reports  (unsigned)`,
      expected: 403,
      note: "AWS_IAM route without a signature: Missing Authentication Token.",
      send: get(rest, "/reports"),
    },
    {
      section: SECTIONS.iam,
      request: `GET ${restPath}/reports  (SigV4, account ${DEMO.otherAccountId})`,
      expected: 403,
      note: "Valid signature, other account: the account allowlist does not name it (cross-account needs both policies).",
      send: () => signed(other)(`${rest}/reports`),
    },
  ];
}
