// The Lambda authorizer, as deployed: createAuthorizer + jwtVerifier from environment variables
// and a route table. Under serverless-offline the event's methodArn is
// arn:aws:execute-api:eu-west-1:random-account-id:random-api-id/dev/GET/pets/{id}: the handler
// builds the policy for that ARN as sent and reports `method_arn_placeholder_ids` and
// `method_arn_route_template` once (one console.warn line each).
import { createAuthorizer, jwtVerifier } from "@gatehouse/authorizer";

export const handler = createAuthorizer({
  verifier: jwtVerifier({
    issuer: process.env.ISSUER,
    audience: process.env.AUDIENCE,
    jwksUri: process.env.JWKS_URI,
    algorithms: ["ES256"],
  }),
  routes: {
    "GET /pets/{id}": { scopes: ["pets/read"] },
    "DELETE /pets/{id}": { scopes: ["pets/write"] },
  },
  hooks: {
    // One JSON line per decision (never the token), for the test script to read.
    onDecision: (log) => console.log(JSON.stringify({ gatehouse: "decision", ...log })),
    onWarning: (warning) =>
      console.warn(JSON.stringify({ gatehouse: "warning", code: warning.code })),
  },
});
