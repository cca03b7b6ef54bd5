import { it } from "vitest";
import { startLocalGateway } from "./start-local-gateway.js";
import { evaluateApiGatewayAccess } from "@gatehouse/policy";
import { restRequestEvent } from "@gatehouse/testing";
it("prof", async () => {
  const gw = await startLocalGateway({ apis: [{ type: "REST", routes: [{ method: "GET", resource: "/open", auth: "NONE", handler: () => ({ statusCode: 200, body: "ok" }) }] }] });
  let t = Date.now();
  for (let i = 0; i < 300; i++) await (await fetch(`${gw.url}/dev/open`)).text();
  console.log("seq fetch 300", Date.now() - t);
  t = Date.now();
  for (let i = 0; i < 300; i++) await evaluateApiGatewayAccess({ methodArn: "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/dev/GET/open", endpointType: "REGIONAL", authType: "NONE", sourceIp: "127.0.0.1" });
  console.log("model 300", Date.now() - t);
  t = Date.now();
  for (let i = 0; i < 300; i++) restRequestEvent({ path: "/open" });
  console.log("event 300", Date.now() - t);
  await gw.close();
});
