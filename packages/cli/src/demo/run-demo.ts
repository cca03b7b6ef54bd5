import { randomBytes } from "node:crypto";
import { cognitoVerifier } from "@gatehouse/authorizer";
import {
  type GatewayDecisionReason,
  type GatewayDecisionRecord,
  type IamCredentialConfig,
  type LocalGateway,
  startLocalGateway,
} from "@gatehouse/local-gateway";
import {
  type CognitoIdentityServer,
  createTestIssuer,
  startCognitoIdentityServer,
  type TestIssuer,
} from "@gatehouse/testing";
import { buildApiKeySteps } from "./demo-api-key-steps.js";
import { DEMO, demoGatewayConfig } from "./demo-gateway.js";
import { exchangeIdentity } from "./demo-identity-exchange.js";
import { demoRoleAttachment, demoRoles, invokePolicy } from "./demo-identity-roles.js";
import { buildRoleSteps } from "./demo-role-steps.js";
import { buildSteps } from "./demo-steps.js";
import { mintDemoTokens } from "./demo-tokens.js";

/** One request of the demo and what came back. */
export interface DemoRow {
  /** 1, 2, ... */
  step: number;
  /**
   * What the row checks: `gateway`, a request through the local gateway (`expected`/`actual` are
   * HTTP statuses, `reason` the gateway's); `identity_pool`, calls to the loopback Cognito-identity
   * server (an HTTP status, or the role the credentials were issued for as `role/{name}`, or the
   * error type Cognito answered); `evaluation`, the issued credentials' role and session policies
   * evaluated for one AWS request (`allow` or `deny`; `detail` names the deciding statements).
   */
  kind: "gateway" | "identity_pool" | "evaluation";
  /** The part of the sample API the row shows. */
  section: string;
  /** What was sent, e.g. `GET /dev/pets  (no token)`. */
  request: string;
  /**
   * What AWS answers: the HTTP status API Gateway gives the request (`gateway`); for the other
   * kinds, see {@link DemoRow.kind}.
   */
  expected: number | string;
  /** What came back, in the same terms as `expected`; `null` when the request failed. */
  actual: number | string | null;
  /**
   * The local gateway's decision reason (`allowed`, `authorizer_implicit_deny`, ...); `null` for a
   * step the gateway does not decide (`identity_pool`, `evaluation`) and for a request that failed.
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

/** How long one row may wait for its answer; a row past it fails with a detail that says so. */
const STEP_DEADLINE_MS = 10_000;

/** `work`, or a rejection once the row's deadline passes (the gateway's close ends the request). */
function withinStepDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${STEP_DEADLINE_MS / 1000} s`)),
      STEP_DEADLINE_MS,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Runs the sample API on 127.0.0.1 and sends it real requests: a Cognito-shaped issuer, a TOKEN
 * authorizer, the authorizer-cache bug next to the cache-safe default, an HTTP API with scopes, a
 * resource policy (IP denylist + account allowlist), an identity-pool exchange followed by a
 * SigV4-signed call, and identity-pool roles: the role each user gets (Token role mapping, trust
 * policies checked) and what its credentials may do (DynamoDB row-level security, guests' session
 * policy), evaluated. No network beyond loopback; tokens and secrets are never returned.
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
          roleAttachment: demoRoleAttachment(loginKey, issuer.clientId),
          accountId: DEMO.accountId,
        },
      ],
      roles: demoRoles(),
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
        // The role's own permission policies (execute-api:Invoke on GET /reports, DynamoDB rows).
        policy: issued.permissionPolicies.length > 0 ? issued.permissionPolicies : null,
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
    const steps = [
      ...buildSteps(gateway, tokens, exchange, other),
      ...buildApiKeySteps(gateway, tokens),
      ...buildRoleSteps(identityServer, issuer),
    ];
    const rows: DemoRow[] = [];
    for (const step of steps) {
      const before = decisions.length;
      let kind: DemoRow["kind"] = "gateway";
      let actual: number | string | null = null;
      let reason: GatewayDecisionReason | null = null;
      let detail: string | null = null;
      let fromCache = false;
      try {
        const answer = await withinStepDeadline(step.send());
        if (answer instanceof Response) {
          await withinStepDeadline(answer.arrayBuffer());
          actual = answer.status;
          const record = decisions.length > before ? decisions.at(-1) : undefined;
          reason = record?.reason ?? null;
          if (record === undefined) detail = "no decision recorded";
          fromCache = record?.authorizerFromCache === true;
        } else {
          kind = answer.kind;
          actual = answer.actual;
          detail = answer.detail;
        }
      } catch (error) {
        detail = `request failed: ${(error as Error).message}`;
      }
      const row: DemoRow = {
        step: rows.length + 1,
        kind,
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
