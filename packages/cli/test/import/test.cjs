// Smoke test of the packed @gatehouse/cli from CommonJS, run by scripts/check-packages.mjs with
// require(esm) disabled, as in AWS Lambda.
const assert = require("node:assert/strict");
const { EXIT_CODES, run } = require("@gatehouse/cli");

(async () => {
  let stderr = "";
  const code = await run(["token", "decode", "not-a-jwt"], {
    stdout: { write: () => true },
    stderr: { write: (text) => (stderr += text) },
    env: {},
  });
  assert.equal(code, EXIT_CODES.usage);
  assert.match(stderr, /not a JWT/);
  console.log("ok: CommonJS require of @gatehouse/cli with require(esm) off");
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
