// Smoke test of the packed @gatehouse/testing from CommonJS (run by scripts/check-packages.mjs).
const assert = require("node:assert/strict");
const {
  createTestCertificateAuthority,
  createTestIssuer,
  restTokenEvent,
  startSigV4Verifier,
} = require("@gatehouse/testing");
const { X509Certificate } = require("node:crypto");

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
  const ca = createTestCertificateAuthority();
  const client = ca.issueClientCertificate({ serialNumber: "0a:1b" });
  assert.equal(
    new X509Certificate(client.certificatePem).checkIssued(new X509Certificate(ca.certificatePem)),
    true,
  );
  assert.equal(client.serialNumber, "0a:1b");
  console.log("ok: CommonJS require of @gatehouse/testing");
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
