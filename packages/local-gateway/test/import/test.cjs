// Smoke test of the packed @gatehouse/local-gateway from CommonJS (run by scripts/check-packages.mjs).
const assert = require("node:assert/strict");
const { LocalGatewayError, startLocalGateway } = require("@gatehouse/local-gateway");

(async () => {
  const gw = await startLocalGateway({
    apis: [
      {
        type: "HTTP",
        authorizers: {
          simple: {
            type: "REQUEST",
            enableSimpleResponses: true,
            handler: (event) => ({ isAuthorized: event.headers.authorization === "let-me-in" }),
          },
        },
        routes: [
          { routeKey: "GET /pets", auth: { authorizer: "simple" }, handler: () => ({ ok: true }) },
        ],
      },
    ],
  });
  try {
    assert.equal((await fetch(`${gw.url}/pets`)).status, 401);
    assert.equal(
      (await fetch(`${gw.url}/pets`, { headers: { authorization: "nope" } })).status,
      403,
    );
    const ok = await fetch(`${gw.url}/pets`, { headers: { authorization: "let-me-in" } });
    assert.deepEqual(await ok.json(), { ok: true });
  } finally {
    await gw.close();
  }
  assert.equal(typeof LocalGatewayError, "function");
  console.log("ok: CommonJS require of @gatehouse/local-gateway (startLocalGateway)");
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
