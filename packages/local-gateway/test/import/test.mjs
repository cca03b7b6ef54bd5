// Smoke test of the packed @gatehouse/local-gateway from ESM (run by scripts/check-packages.mjs).
import assert from "node:assert/strict";
import { isLocalGatewayError, startLocalGateway } from "@gatehouse/local-gateway";

const gw = await startLocalGateway({
  apis: [
    {
      type: "REST",
      routes: [
        {
          method: "GET",
          resource: "/pets/{id}",
          auth: "NONE",
          handler: (event) => ({ statusCode: 200, body: event.pathParameters.id }),
        },
      ],
    },
  ],
});
try {
  const ok = await fetch(`${gw.url}/dev/pets/7`);
  assert.equal(ok.status, 200);
  assert.equal(await ok.text(), "7");
  const missing = await fetch(`${gw.url}/dev/nowhere`);
  assert.equal(missing.status, 403);
  assert.deepEqual(await missing.json(), { message: "Missing Authentication Token" });
} finally {
  await gw.close();
}
await assert.rejects(
  startLocalGateway({
    apis: [
      {
        type: "REST",
        routes: [{ method: "GET", resource: "pets", auth: "NONE", handler: () => ({}) }],
      },
    ],
  }),
  (error) => isLocalGatewayError(error) && error.code === "invalid_config",
);
console.log("ok: ESM import of @gatehouse/local-gateway (startLocalGateway)");
