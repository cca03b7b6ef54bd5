// Smoke test of the packed @gatehouse/testing from CommonJS (run by scripts/check-packages.mjs).
const assert = require("node:assert/strict");
const { createTestIssuer, restTokenEvent, startSigV4Verifier } = require("@gatehouse/testing");

(async () => {
  const issuer = await createTestIssuer({ alg: "ES256" });
  try {
    const token = await issuer.mintAccessToken({ scope: "pets/read" });
    assert.equal(token.split(".").length, 3);
    const jwks = await (await fetch(issuer.jwksUri)).json();
    assert.equal(jwks.keys[0].kty, "EC");
    assert.equal(restTokenEvent({ token: `Bearer ${token}` }).type, "TOKEN");
  } finally {
    await issuer.close();
  }
  const verifier = await startSigV4Verifier({
    credentials: [{ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }],
    region: "us-east-1",
  });
  const unsigned = await fetch(verifier.url);
  assert.equal(unsigned.status, 403);
  await verifier.close();
  console.log("ok: CommonJS require of @gatehouse/testing");
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
