// Smoke test of the packed @gatehouse/authorizer from CommonJS, run by scripts/check-packages.mjs
// with require(esm) disabled, as in AWS Lambda.
const assert = require("node:assert/strict");
const { createAuthorizer, isAuthorizerError, jwtVerifier } = require("@gatehouse/authorizer");
const { gatehouseAuthorizer } = require("@gatehouse/authorizer/middy");
const jose = require("@gatehouse/authorizer/jose");
const { issuer, jwks, mint, mintHs256, sharedSecret, methodArn } = require("./shared.cjs");

(async () => {
  const verifier = jwtVerifier({ issuer, audience: "api", algorithms: ["RS256"], jwks });
  const verified = await verifier.verify(mint({}));
  assert.equal(verified.claims.sub, "user-1");
  await assert.rejects(
    verifier.verify("not.a.token"),
    (e) => isAuthorizerError(e) && e.code === "malformed_token",
  );

  const handler = createAuthorizer({ verifier, routes: { "GET /pets/{id}": {} } });
  const allowed = await handler({
    type: "TOKEN",
    authorizationToken: `Bearer ${mint({})}`,
    methodArn,
  });
  assert.equal(allowed.principalId, "user-1");
  assert.equal(allowed.policyDocument.Statement[0].Effect, "Allow");
  await assert.rejects(handler({ type: "TOKEN", authorizationToken: "Bearer x.y.z", methodArn }), {
    message: "Unauthorized",
  });
  assert.equal(typeof gatehouseAuthorizer, "function");

  // The jose entry: HS256 through jose (ESM-only, loaded by a dynamic import from CommonJS).
  assert.throws(
    () => jwtVerifier({ issuer, audience: "api", algorithms: ["HS256"], sharedSecret }),
    /@gatehouse\/authorizer\/jose/,
  );
  const hs = jose.joseJwtVerifier({ issuer, audience: "api", algorithms: ["HS256"], sharedSecret });
  assert.equal((await hs.verify(mintHs256({}))).claims.sub, "user-2");
  console.log(
    "ok: CommonJS require of @gatehouse/authorizer (+ /middy, /jose) with require(esm) off",
  );
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
