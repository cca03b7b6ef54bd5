// Smoke test of the packed @gatehouse/authorizer from ESM (run by scripts/check-packages.mjs).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { createAuthorizer, jwtVerifier } from "@gatehouse/authorizer";
import { gatehouseAuthorizer } from "@gatehouse/authorizer/middy";

const { issuer, jwks, mint, methodArn } = createRequire(import.meta.url)("./shared.cjs");
const verifier = jwtVerifier({ issuer, audience: "api", algorithms: ["RS256"], jwks });
const handler = createAuthorizer({ verifier });
const response = await handler({
  type: "TOKEN",
  authorizationToken: `Bearer ${mint({})}`,
  methodArn,
});
assert.equal(response.policyDocument.Statement[0].Effect, "Allow");
assert.deepEqual(response.policyDocument.Statement[0].Resource, [
  "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/*",
]);
assert.equal(typeof gatehouseAuthorizer, "function");
console.log("ok: ESM import of @gatehouse/authorizer (+ /middy)");
