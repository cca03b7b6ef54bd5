/**
 * An HTTP API Lambda authorizer (payload format 2.0) with per-route scopes, for any OIDC issuer
 * (Auth0, Okta, Entra ID, Keycloak, Cognito access tokens through `jwtVerifier` too).
 *
 * Environment:
 * - `JWT_ISSUER`: the exact `iss`.
 * - `JWT_AUDIENCE`: the accepted `aud` value(s), comma-separated.
 * - `JWT_ALGORITHMS`: the algorithm allowlist, comma-separated (required: never taken from the
 *   token).
 * - `JWKS_FILE`: a JWKS JSON file shipped with the function, so a cold start needs no network.
 * - `JWKS_URI`: where keys are (re)fetched, e.g. after a rotation. Without it, the file's keys are
 *   the only keys.
 * - `SIMPLE_RESPONSES`: `true` to answer `{ isAuthorized }` for the event's route key (the
 *   authorizer's `enableSimpleResponses`); otherwise an IAM policy that allows exactly the routes
 *   the token may call. A simple answer is about the current route only, so this example states
 *   `authorizerCache: "per-route"`: deploy the authorizer with `$context.routeKey` among its
 *   identity sources (`identitySource: ["$request.header.Authorization", "$context.routeKey"]`),
 *   or say `"off"` with a result TTL of 0.
 */
import { createHttpApiAuthorizer, type JwtAlgorithm, jwtVerifier } from "@gatehouse/authorizer";

/** An environment variable; empty counts as unset. */
function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** A required comma-separated list. */
function list(name: string): string[] {
  const entries = (env(name) ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) throw new TypeError(`${name} is not set`);
  return entries;
}

const audience = list("JWT_AUDIENCE");
const jwksUri = env("JWKS_URI");
const jwksFile = env("JWKS_FILE");

const verifier = jwtVerifier({
  issuer: list("JWT_ISSUER")[0]!,
  audience: audience.length === 1 ? audience[0]! : audience,
  algorithms: list("JWT_ALGORITHMS") as JwtAlgorithm[],
  ...(jwksUri === undefined ? {} : { jwksUri }),
  ...(jwksFile === undefined ? {} : { jwks: { path: jwksFile } }),
});

export const handler = createHttpApiAuthorizer({
  verifier,
  routes: {
    "GET /health": {},
    "GET /orders": { scopes: ["orders:read"] },
    "GET /orders/{id}": { scopes: ["orders:read"] },
    "POST /orders": { scopes: ["orders:write"] },
    "DELETE /orders/{id}": { scopes: ["orders:write", "orders:admin"] },
  },
  http:
    env("SIMPLE_RESPONSES") === "true"
      ? { simpleResponses: true, authorizerCache: "per-route" }
      : { simpleResponses: false },
});
