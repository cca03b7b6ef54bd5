// Shared by test.cjs and test.mjs: an RS256 key pair, its JWKS, and a token signed with node:crypto
// only (the packed @gatehouse/authorizer is the code under test; nothing else from the workspace).
const { createHmac, createSign, generateKeyPairSync } = require("node:crypto");

const issuer = "https://issuer.example.com/";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwks = {
  keys: [{ ...publicKey.export({ format: "jwk" }), kid: "k1", alg: "RS256", use: "sig" }],
};
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");

function mint(claims) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: "RS256", kid: "k1", typ: "JWT" })}.${b64({ iss: issuer, aud: "api", sub: "user-1", iat: now, exp: now + 600, ...claims })}`;
  return `${body}.${createSign("RSA-SHA256").update(body).sign(privateKey).toString("base64url")}`;
}

/** An HS256 token for the jose entry (`@gatehouse/authorizer/jose`). */
const sharedSecret = "a-shared-secret-of-at-least-32-bytes!";
function mintHs256(claims) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ iss: issuer, aud: "api", sub: "user-2", iat: now, exp: now + 600, ...claims })}`;
  return `${body}.${createHmac("sha256", sharedSecret).update(body).digest("base64url")}`;
}

const methodArn = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets/42";

module.exports = { issuer, jwks, mint, mintHs256, sharedSecret, methodArn };
