// Smoke test of the packed @gatehouse/identity-pool from CommonJS (run by scripts/check-packages.mjs).
const assert = require("node:assert/strict");
const {
  createIdentityPoolClient,
  getOpenIdTokenForDeveloperIdentity,
  IdentityPoolError,
  isIdentityPoolError,
} = require("@gatehouse/identity-pool");

(async () => {
  const fetch = async () =>
    new Response(
      JSON.stringify({
        __type: "com.amazonaws.cognito.identity.model#NotAuthorizedException",
        message: "Unauthenticated access is not supported for this identity pool.",
      }),
      { status: 400 },
    );
  const client = createIdentityPoolClient({
    identityPoolId: "eu-west-1:0d0f8b1c-0000-4000-8000-000000000001",
    fetch,
  });
  await assert.rejects(client.getCredentials(), (error) => {
    return (
      error instanceof IdentityPoolError &&
      isIdentityPoolError(error) &&
      error.code === "NotAuthorizedException" &&
      error.status === 400 &&
      /AllowUnauthenticatedIdentities/.test(error.hint)
    );
  });

  // The developer helper signs with @gatehouse/sigv4 (a CommonJS require of its dependency).
  let authorization;
  const answer = await getOpenIdTokenForDeveloperIdentity({
    identityPoolId: "eu-west-1:0d0f8b1c-0000-4000-8000-000000000001",
    logins: { "login.example.app": "user-1" },
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    fetch: async (_url, init) => {
      authorization = init.headers.authorization;
      return new Response(JSON.stringify({ IdentityId: "eu-west-1:abc", Token: "t" }));
    },
  });
  assert.equal(answer.identityId, "eu-west-1:abc");
  assert.match(
    authorization,
    /Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/cognito-identity\/aws4_request/,
  );
  console.log("ok: CommonJS require of @gatehouse/identity-pool (client errors, developer helper)");
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
