/**
 * Test helpers for the handler tests: a counting fake verifier. Events come from
 * `@gatehouse/testing`; real tokens from its test issuer.
 * @internal
 */
import { authorizerError } from "../errors.js";
import type { JwtClaims, TokenVerifier, VerifiedToken } from "../verifier/token-verifier.js";

/** A {@link TokenVerifier} that accepts the tokens it was given, and counts calls. */
export interface FakeVerifier extends TokenVerifier {
  calls: number;
}

/** Epoch seconds of the fake clock used with {@link fakeVerifier}. */
export const FAKE_NOW_SECONDS = 1_750_000_000;

/**
 * A verifier accepting exactly the tokens in `tokens` (token -> claims); anything else throws
 * `invalid_signature`. `"jwks-down"` throws `jwks_unavailable`.
 */
export function fakeVerifier(
  tokens: Record<string, Partial<JwtClaims>>,
  options: { cacheUntil?: number } = {},
): FakeVerifier {
  const verifier: FakeVerifier = {
    calls: 0,
    issuers: ["https://issuer.example"],
    async hydrate() {},
    async verify(token: string): Promise<VerifiedToken> {
      verifier.calls += 1;
      if (token === "jwks-down") throw authorizerError("jwks_unavailable", "keys unavailable");
      const claims = Object.hasOwn(tokens, token) ? tokens[token] : undefined;
      if (claims === undefined) throw authorizerError("invalid_signature", "bad signature");
      const full: JwtClaims = {
        iss: "https://issuer.example",
        exp: FAKE_NOW_SECONDS + 3600,
        ...claims,
      } as JwtClaims;
      return {
        header: { alg: "RS256" },
        claims: full,
        issuer: full.iss,
        cacheUntil: options.cacheUntil ?? full.exp,
        scopes: typeof full.scope === "string" ? full.scope.split(" ").filter(Boolean) : [],
        groups: full["cognito:groups"] ?? [],
      };
    },
  };
  return verifier;
}

/** What {@link serverlessOfflineEvent} builds the event for. */
export interface ServerlessOfflineEventOptions {
  /** The authorizer's type: `"TOKEN"` (serverless's default) or `"REQUEST"`. */
  type?: "TOKEN" | "REQUEST";
  /** The request's method. @default "GET" */
  method?: string;
  /** The route as serverless.yml writes it (hapi writes `{proxy+}` as `{proxy*}`). */
  resourcePath?: string;
  /** The request path. @default resourcePath */
  path?: string;
  stage?: string;
  region?: string;
  /** The `Authorization` header as the client sent it, if any. */
  authorization?: string;
}

/**
 * A REST authorizer event exactly as serverless-offline 13.10.1 builds it
 * (`src/events/http/createAuthScheme.js`, payload version `"1.0"` for `http` events): placeholder
 * account and API ids, the route template in `methodArn`, `version: "1.0"` on TOKEN events too.
 */
export function serverlessOfflineEvent(options: ServerlessOfflineEventOptions = {}) {
  const accountId = "random-account-id";
  const apiId = "random-api-id";
  const requestId = "random-request-id";
  const stage = options.stage ?? "dev";
  const region = options.region ?? "eu-west-1";
  const httpMethod = (options.method ?? "GET").toUpperCase();
  const resourcePath = options.resourcePath ?? "/pets/{id}";
  const path = `/${stage}${options.path ?? resourcePath}`;
  const authorization = options.authorization;
  const headers: Record<string, string> = { host: "127.0.0.1:3000", "user-agent": "test" };
  if (authorization !== undefined) headers["Authorization"] = authorization;
  const now = new Date(FAKE_NOW_SECONDS * 1000);
  return {
    enhancedAuthContext: {},
    headers,
    requestContext: {
      accountId,
      apiId,
      domainName: `${apiId}.execute-api.us-east-1.amazonaws.com`,
      domainPrefix: apiId,
      requestId,
      stage,
      extendedRequestId: requestId,
      httpMethod,
      path,
      protocol: "HTTP/1.1",
      requestTime: now.toString(),
      requestTimeEpoch: now.getTime(),
      resourceId: `${httpMethod} ${resourcePath}`,
      resourcePath,
    },
    version: "1.0",
    authorizationToken: authorization ?? "",
    httpMethod,
    identitySource: authorization ?? "",
    methodArn: `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/${httpMethod}${resourcePath}`,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    multiValueQueryStringParameters: null,
    path,
    pathParameters: null,
    queryStringParameters: null,
    resource: resourcePath,
    type: options.type ?? "TOKEN",
  };
}

/**
 * Whether serverless-offline 13.10.1 lets a request through a policy: a port of its
 * `authCanExecuteResource` + `authMatchPolicyResource` (an explicit Deny wins; a resource equal to
 * the ARN, `*`, or a pattern whose region/account/API id are `*` or equal and whose path, as a
 * regular expression with `*` -> `.*` and `?` -> `.`, matches the end of the ARN's path).
 */
export function serverlessOfflineAllows(
  policy: { Statement: readonly { Effect: string; Resource: string | readonly string[] }[] },
  arn: string,
): boolean {
  const parse = (resource: string) => {
    const match = /arn:aws:execute-api:([^\s:]+)(?::([^\s:]+))?(?::([^\s/:]+))?(?:\/(.*))?/.exec(
      resource,
    );
    const [, region = "*", accountId = "*", restApiId = "*", path = "*"] = match ?? [];
    return { region, accountId, restApiId, path };
  };
  const matches = (policyResource: string): boolean => {
    if (policyResource === arn || policyResource === "*") return true;
    if (policyResource === "arn:aws:execute-api:**") return true;
    if (!policyResource.includes("*") && !policyResource.includes("?")) return false;
    const p = parse(policyResource);
    const r = parse(arn);
    if (p.region !== "*" && p.region !== r.region) return false;
    if (p.accountId !== "*" && p.accountId !== r.accountId) return false;
    if (p.restApiId !== "*" && p.restApiId !== r.restApiId) return false;
    return new RegExp(`${p.path.replaceAll("*", ".*").replaceAll("?", ".")}$`).test(r.path);
  };
  const some = (effect: string) =>
    policy.Statement.some(
      (statement) =>
        statement.Effect.toLowerCase() === effect &&
        (typeof statement.Resource === "string" ? [statement.Resource] : statement.Resource).some(
          matches,
        ),
    );
  return !some("deny") && some("allow");
}
