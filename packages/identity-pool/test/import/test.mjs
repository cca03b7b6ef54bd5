// Smoke test of the packed @gatehouse/identity-pool from ESM (run by scripts/check-packages.mjs).
// A stub fetch plays Cognito: no network.
import assert from "node:assert/strict";
import {
  createIdentityPoolClient,
  isIdentityPoolError,
  loginsFromIdToken,
  memoryIdentityStore,
} from "@gatehouse/identity-pool";

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
const idToken = `${b64({ alg: "none" })}.${b64({ iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc", aud: "client", sub: "u1", token_use: "id" })}.sig`;
const logins = loginsFromIdToken(idToken);
assert.deepEqual(Object.keys(logins), ["cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc"]);

// An hour from now: an `Expiration` more than 36 hours away would be capped.
const expiration = Math.floor(Date.now() / 1000) + 3600;
const targets = [];
const fetch = async (_url, init) => {
  const target = init.headers["x-amz-target"];
  targets.push(target);
  const body = target.endsWith(".GetId")
    ? { IdentityId: "us-east-1:11111111-1111-4111-8111-111111111111" }
    : {
        IdentityId: "us-east-1:11111111-1111-4111-8111-111111111111",
        Credentials: {
          AccessKeyId: "ASIA1",
          SecretKey: "s",
          SessionToken: "t",
          Expiration: expiration,
        },
      };
  return new Response(JSON.stringify(body));
};
const client = createIdentityPoolClient({
  identityPoolId: "us-east-1:0d0f8b1c-0000-4000-8000-000000000001",
  logins,
  fetch,
  identityStore: memoryIdentityStore(),
});
const credentials = await client.getCredentials();
assert.equal(credentials.accessKeyId, "ASIA1");
assert.equal(credentials.expiration.getTime(), expiration * 1000);
assert.deepEqual(targets, [
  "AWSCognitoIdentityService.GetId",
  "AWSCognitoIdentityService.GetCredentialsForIdentity",
]);

assert.throws(
  () => loginsFromIdToken(`${b64({})}.${b64({ iss: "https://x", token_use: "access" })}.s`),
  (error) => isIdentityPoolError(error) && error.code === "misconfiguration",
);
console.log(
  "ok: ESM import of @gatehouse/identity-pool (createIdentityPoolClient, loginsFromIdToken)",
);
