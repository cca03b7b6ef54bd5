// Smoke test of the packed @gatehouse/sigv4 from ESM (run by scripts/check-packages.mjs).
// Vector: get-vanilla of the official SigV4 suite; the wss:// URL checks region inference.
import assert from "node:assert/strict";
import { isSigV4Error, presignUrl, signRequest } from "@gatehouse/sigv4";

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const date = new Date("2015-08-30T12:36:00Z");

const signed = await signRequest(
  { method: "GET", url: "https://example.amazonaws.com/" },
  { credentials, region: "us-east-1", service: "service", date },
);
assert.match(
  signed.headers.authorization,
  /Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31$/,
);

const url = new URL(
  await presignUrl(
    { url: "wss://abc123.execute-api.eu-west-1.amazonaws.com/prod" },
    { credentials: { ...credentials, sessionToken: "token" }, date, expiresIn: 60 },
  ),
);
assert.equal(url.protocol, "wss:");
assert.equal(
  url.searchParams.get("X-Amz-Credential"),
  "AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request",
);
assert.equal(url.searchParams.get("X-Amz-Security-Token"), "token");

await assert.rejects(
  presignUrl(
    { url: "wss://abc123.execute-api.eu-west-1.amazonaws.com/prod" },
    { credentials, expiresIn: 0 },
  ),
  (error) => isSigV4Error(error) && error.code === "invalid_expiry",
);
console.log("ok: ESM import of @gatehouse/sigv4 (signRequest, presignUrl)");
