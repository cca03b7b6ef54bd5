/**
 * A REST API `TOKEN` Lambda authorizer, as deployed: the verifier is configured from environment
 * variables at cold start (a misconfiguration throws `TypeError` there, not on the first request),
 * and the route table decides which routes each identity may call.
 *
 * Environment (Cognito user pool, when `COGNITO_USER_POOL_ID` is set):
 * - `COGNITO_USER_POOL_ID`: e.g. `eu-west-1_AbCdEf123`.
 * - `COGNITO_CLIENT_ID`: the app client id(s), comma-separated.
 * - `COGNITO_TOKEN_USE`: `access` (default) or `id`.
 *
 * Environment (any OIDC issuer otherwise):
 * - `JWT_ISSUER`: the exact `iss`, e.g. `https://example.eu.auth0.com/`.
 * - `JWT_AUDIENCE`: the accepted `aud` value(s), comma-separated.
 * - `JWT_ALGORITHMS`: the algorithm allowlist, comma-separated. Default `RS256`.
 *
 * Both:
 * - `JWKS_URI`: where the keys are fetched (default for Cognito: the pool's own JWKS).
 * - `JWKS_FILE`: a JWKS JSON file shipped with the function: keys known at cold start, no fetch
 *   until a token names an unknown `kid`.
 *
 * API Gateway caches the policy per token for every route of the stage, so the policy lists every
 * route this identity may call, not just the one being requested.
 */
import {
  cognitoVerifier,
  createAuthorizer,
  type JwtAlgorithm,
  jwtVerifier,
  type TokenVerifier,
} from "@gatehouse/authorizer";

/** An environment variable; empty counts as unset. */
function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

function required(name: string): string {
  const value = env(name);
  if (value === undefined) throw new TypeError(`${name} is not set`);
  return value;
}

/** A comma-separated list; one entry comes back as a string. */
function oneOrMany(value: string): string | string[] {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  return entries.length === 1 ? entries[0]! : entries;
}

function verifierFromEnv(): TokenVerifier {
  const jwksFile = env("JWKS_FILE");
  const jwksUri = env("JWKS_URI");
  const keys = {
    ...(jwksUri === undefined ? {} : { jwksUri }),
    ...(jwksFile === undefined ? {} : { jwks: { path: jwksFile } }),
  };
  const userPoolId = env("COGNITO_USER_POOL_ID");
  if (userPoolId !== undefined) {
    return cognitoVerifier({
      userPoolId,
      clientId: oneOrMany(required("COGNITO_CLIENT_ID")),
      tokenUse: env("COGNITO_TOKEN_USE") === "id" ? "id" : "access",
      ...keys,
    });
  }
  return jwtVerifier({
    issuer: required("JWT_ISSUER"),
    audience: oneOrMany(required("JWT_AUDIENCE")),
    algorithms: [oneOrMany(env("JWT_ALGORITHMS") ?? "RS256")].flat() as JwtAlgorithm[],
    ...keys,
  });
}

export const handler = createAuthorizer({
  verifier: verifierFromEnv(),
  routes: {
    "GET /pets": {},
    "GET /pets/{id}": {},
    "POST /pets": { scopes: ["pets/write"] },
    "DELETE /pets/{id}": { scopes: ["pets/write"] },
    "ANY /admin/{proxy+}": { groups: ["admin"] },
  },
  // What the backend sees in `event.requestContext.authorizer` (strings only for REST).
  context: (verified) => ({
    sub: verified.claims.sub ?? "",
    scope: verified.scopes.join(" "),
    groups: verified.groups.join(","),
  }),
});
