/**
 * The requests of `gatehouse demo`, section by section, each with the status API Gateway answers.
 * @internal
 * @packageDocumentation
 */

import type { LocalGateway } from "@gatehouse/local-gateway";
import { createSignedFetch } from "@gatehouse/sigv4";
import { DEMO } from "./demo-gateway.js";
import type { Exchange } from "./demo-identity-exchange.js";
import type { DemoTokens } from "./demo-tokens.js";

/** What a step that the gateway does not answer found: a call to the identity pool, an evaluation. */
export interface StepOutcome {
  kind: "identity_pool" | "evaluation";
  /** An HTTP status, `allow` / `deny`, `role/{name}` or an AWS error type. */
  actual: number | string;
  detail: string;
}

/** One row to run: a request through the gateway (a `Response`) or a {@link StepOutcome}. */
export interface DemoStep {
  section: string;
  request: string;
  expected: number | string;
  note: string;
  send: () => Promise<Response | StepOutcome>;
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

export function buildSteps(
  gateway: LocalGateway,
  tokens: DemoTokens,
  exchange: Exchange,
  other: { accessKeyId: string; secretAccessKey: string },
): DemoStep[] {
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
      send: async () => ({
        kind: "identity_pool",
        actual: exchange.status,
        detail: exchange.detail,
      }),
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
