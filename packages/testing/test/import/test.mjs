// Smoke test of the packed @gatehouse/testing from ESM (run by scripts/check-packages.mjs).
import assert from "node:assert/strict";
import { createTestIssuer, httpApiV2Event, webSocketConnectEvent } from "@gatehouse/testing";

const issuer = await createTestIssuer({ kind: "cognito", region: "eu-west-1" });
try {
  const token = await issuer.mintIdToken();
  const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
  assert.equal(claims.token_use, "id");
  assert.match(issuer.issuer, /^https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com\//);
} finally {
  await issuer.close();
}
assert.equal(httpApiV2Event().version, "2.0");
assert.equal(webSocketConnectEvent().requestContext.eventType, "CONNECT");
console.log("ok: ESM import of @gatehouse/testing");
