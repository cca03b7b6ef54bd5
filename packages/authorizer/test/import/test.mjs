// Smoke test of the packed @gatehouse/authorizer from ESM (run by scripts/check-packages.mjs).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { createAuthorizer, jwtVerifier } from "@gatehouse/authorizer";
import { joseJwtVerifier } from "@gatehouse/authorizer/jose";
import { gatehouseAuthorizer } from "@gatehouse/authorizer/middy";

const { issuer, jwks, mint, mintHs256, sharedSecret, methodArn } = createRequire(import.meta.url)(
  "./shared.cjs",
);
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
const hs = joseJwtVerifier({ issuer, audience: "api", algorithms: ["HS256"], sharedSecret });
assert.equal((await hs.verify(mintHs256({}))).claims.sub, "user-2");
console.log("ok: ESM import of @gatehouse/authorizer (+ /middy, /jose)");
