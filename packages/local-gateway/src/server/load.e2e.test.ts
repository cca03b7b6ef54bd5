import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { composeResourcePolicy, ipDenylist } from "@gatehouse/policy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

const CONNECTIONS = 200;
const DURATION_MS = 10_000;
const MAX_REQUESTS = 2_000_000;

describe("load on loopback", () => {
  let gw: LocalGateway;
  beforeAll(async () => {
    gw = await startLocalGateway({
      apis: [
        {
          type: "REST",
          name: "rest",
          // Every request goes through the resource policy (compiled once at start-up).
          resourcePolicy: composeResourcePolicy([ipDenylist({ cidrs: ["203.0.113.0/24"] })], {
            authTypes: { "GET /open": "NONE", "GET /pets/{id}": "LAMBDA" },
          }),
          authorizers: {
            auth: {
              type: "TOKEN",
              handler: (event) => ({
                principalId: "load",
                policyDocument: {
                  Version: "2012-10-17",
                  Statement: [
                    {
                      Action: "execute-api:Invoke",
                      Effect: "Allow",
                      Resource: event.methodArn.replace(/\/dev\/.*$/, "/dev/*"),
                    },
                  ],
                },
              }),
            },
          },
          routes: [
            {
              method: "GET",
              resource: "/open",
              auth: "NONE",
              handler: () => ({ statusCode: 200, body: "ok" }),
            },
            {
              method: "GET",
              resource: "/pets/{id}",
              auth: { authorizer: "auth" },
              handler: () => ({ statusCode: 200, body: "pet" }),
            },
          ],
        },
      ],
    });
  });
  afterAll(() => gw.close());

  it(`${CONNECTIONS} keep-alive connections for ${DURATION_MS / 1000} s: no errors, bounded memory`, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const heapBefore = process.memoryUsage().heapUsed;
    const deadline = Date.now() + DURATION_MS;
    let sent = 0;
    let completed = 0;
    const failures: string[] = [];
    const one = (path: string, token: string) =>
      new Promise<void>((resolve) => {
        const req = request(
          `${gw.apiUrls["rest"]}${path}`,
          { agent, headers: { authorization: token } },
          (res) => {
            res.resume();
            res.on("end", () => {
              if (res.statusCode !== 200) failures.push(`status ${res.statusCode}`);
              completed++;
              resolve();
            });
          },
        );
        req.on("error", (error) => {
          failures.push(error.message);
          resolve();
        });
        req.end();
      });
    const worker = async (index: number) => {
      while (Date.now() < deadline && sent < MAX_REQUESTS && failures.length < 10) {
        sent++;
        await one(sent % 2 === 0 ? "/open" : `/pets/${sent % 50}`, `Bearer user-${index % 20}`);
      }
    };
    const started = Date.now();
    const cpuBefore = process.cpuUsage();
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, index) => worker(index)));
    const seconds = (Date.now() - started) / 1000;
    // CPU time (client and gateway share this process) depends less on other load than req/s.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuPerRequest = Math.round((cpu.user + cpu.system) / Math.max(completed, 1));
    agent.destroy();
    const heapAfter = process.memoryUsage().heapUsed;
    console.log(
      `local-gateway load: ${completed} requests in ${seconds.toFixed(1)} s over ${CONNECTIONS} connections = ${Math.round(completed / seconds)} req/s (load average ${loadavg()[0]?.toFixed(1)}); CPU ${cpuPerRequest} µs/request; heap ${Math.round(heapBefore / 1e6)} MB -> ${Math.round(heapAfter / 1e6)} MB; authorizer ${JSON.stringify(gw.stats().authorizers["auth"])}`,
    );
    expect(failures).toEqual([]);
    expect(completed).toBeGreaterThan(0);
    expect(heapAfter - heapBefore).toBeLessThan(256 * 1024 * 1024);
  }, 60_000);
});
