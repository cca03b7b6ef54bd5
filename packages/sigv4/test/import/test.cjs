// Smoke test of the packed @gatehouse/sigv4 from CommonJS (run by scripts/check-packages.mjs).
// Vectors: get-vanilla and get-vanilla-with-session-token of the official SigV4 suite.
const assert = require("node:assert/strict");
const { isSigV4Error, presignUrl, SigV4Error, signRequest } = require("@gatehouse/sigv4");

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const options = {
  credentials,
  region: "us-east-1",
  service: "service",
  date: new Date("2015-08-30T12:36:00Z"),
};

(async () => {
  const signed = await signRequest(
    { method: "GET", url: "https://example.amazonaws.com/" },
    options,
  );
  assert.match(
    signed.headers.authorization,
    /Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31$/,
  );

  const url = await presignUrl(
    { url: "https://example.amazonaws.com/" },
    {
      ...options,
      credentials: {
        ...credentials,
        sessionToken: "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
      },
      expiresIn: 3600,
    },
  );
  assert.equal(
    new URL(url).searchParams.get("X-Amz-Signature"),
    "7ff2b50b376cb4d151970630573d6291dc128cc5c2a12ffb237f73cc53f67b6c",
  );

  await assert.rejects(
    signRequest({ method: "GET", url: "https://api.example.com/" }, { credentials }),
    (error) =>
      error instanceof SigV4Error && isSigV4Error(error) && error.code === "missing_region",
  );
  console.log("ok: CommonJS require of @gatehouse/sigv4 (signRequest, presignUrl)");
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
