import {
  isRegion,
  type PolicyDocument,
  parseConcreteExecuteApiArn,
  partitionOfRegion,
} from "@gatehouse/policy";
import { createSignedFetch } from "@gatehouse/sigv4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GatewayDecisionRecord, LocalGatewayConfig } from "../config/gateway-config.js";
import { isLocalGatewayError } from "../errors.js";
import { startLocalGateway } from "./start-local-gateway.js";

// Issue 12's principle: an identifier the validators accept at start is accepted at request time.
// Each run builds a gateway from generated identifiers (region in any partition, account, API id,
// stage, IAM principal of every kind), starts it, and sends the request each route expects: the
// answer is never a 500 or a 414, and the method ARN an authorizer sees is a concrete ARN of the
// same API.

const RUNS = 40;
const KEY = {
  accessKeyId: "AKIDFUZZIDENTIFIERS1",
  secretAccessKey: "fuzz-identifiers-secret-000000000",
};
const allowAll: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" }],
};

const openToAll: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
  ],
};

const word = fc.stringMatching(/^[a-z]{1,8}$/);
// Candidates from a loose grammar, kept when @gatehouse/policy accepts them.
const region = fc
  .tuple(
    fc.constantFrom("us", "eu", "ap", "cn", "il", "eusc", "xy"),
    fc.oneof(fc.constantFrom("gov", "iso", "isob", "isoe", "isof", "de", "east"), word),
    fc.option(word, { nil: undefined }),
    fc.integer({ min: 1, max: 99 }),
  )
  .map(([geo, second, third, n]) => [geo, second, third, String(n)].filter(Boolean).join("-"))
  .filter(isRegion);
const account = fc.stringMatching(/^\d{12}$/);
const iamName = fc.stringMatching(/^[\w+=,.@-]{1,64}$/);
const iamPath = fc
  .array(fc.stringMatching(/^[A-Za-z0-9_.-]{1,8}$/), { maxLength: 2 })
  .map((segments) => segments.map((segment) => `${segment}/`).join(""));
const principalTail = fc.oneof(
  fc.constant({ service: "iam", resource: "root" }),
  fc
    .tuple(iamPath, iamName)
    .map(([path, name]) => ({ service: "iam", resource: `user/${path}${name}` })),
  fc
    .tuple(iamPath, iamName)
    .map(([path, name]) => ({ service: "iam", resource: `role/${path}${name}` })),
  fc.tuple(iamName, iamName).map(([role, session]) => ({
    service: "sts",
    resource: `assumed-role/${role}/${session}`,
  })),
  fc.stringMatching(/^[\w+=,.@-]{2,32}$/).map((name) => ({
    service: "sts",
    resource: `federated-user/${name}`,
  })),
);
const scenario = fc.record({
  region,
  accountId: account,
  callerAccount: fc.oneof(fc.constant("same"), account),
  principal: principalTail,
  apiType: fc.constantFrom("REST" as const, "HTTP" as const),
  apiId: fc.stringMatching(/^[a-z0-9]{1,32}$/),
  stage: fc.oneof(fc.constant("$default"), fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/)),
  method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
  withResourcePolicy: fc.boolean(),
});

describe("identifiers accepted at start are accepted at request time", () => {
  it("never answers 500 or 414 because of an identifier", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const partition = partitionOfRegion(s.region);
        const callerAccount = s.callerAccount === "same" ? s.accountId : s.callerAccount;
        const principalArn = `arn:${partition}:${s.principal.service}::${callerAccount}:${s.principal.resource}`;
        const stage = s.apiType === "REST" && s.stage === "$default" ? "prod" : s.stage;
        const seenArns: string[] = [];
        const records: GatewayDecisionRecord[] = [];
        const handler = () => ({ statusCode: 200, body: "ok" });
        const config: LocalGatewayConfig = {
          region: s.region,
          accountId: s.accountId,
          credentials: [{ ...KEY, principalArn, policy: allowAll }],
          onDecision: (record) => records.push(record),
          apis: [
            {
              type: s.apiType,
              name: "api",
              apiId: s.apiId,
              stage,
              authorizers: {
                lambda: {
                  type: "REQUEST",
                  resultTtlInSeconds: 0,
                  handler: (event) => {
                    const arn = "routeArn" in event ? event.routeArn : event.methodArn;
                    seenArns.push(arn);
                    const parts = parseConcreteExecuteApiArn(arn);
                    const stageArn = arn.slice(
                      0,
                      arn.indexOf(`/${parts.stage}/`) + parts.stage.length + 1,
                    );
                    return {
                      principalId: "fuzz",
                      policyDocument: {
                        Version: "2012-10-17",
                        Statement: [
                          {
                            Action: "execute-api:Invoke",
                            Effect: "Allow",
                            Resource: `${stageArn}/*`,
                          },
                        ],
                      },
                    };
                  },
                },
              },
              ...(s.apiType === "REST" && s.withResourcePolicy
                ? { resourcePolicy: openToAll }
                : {}),
              routes:
                s.apiType === "REST"
                  ? [
                      { method: s.method, resource: "/iam", auth: "AWS_IAM", handler },
                      {
                        method: s.method,
                        resource: "/lambda/{id}",
                        auth: { authorizer: "lambda" },
                        handler,
                      },
                      { method: s.method, resource: "/open", auth: "NONE", handler },
                    ]
                  : [
                      { routeKey: `${s.method} /iam`, auth: "AWS_IAM", handler },
                      {
                        routeKey: `${s.method} /lambda/{id}`,
                        auth: { authorizer: "lambda" },
                        handler,
                      },
                      { routeKey: `${s.method} /open`, auth: "NONE", handler },
                    ],
            },
          ],
        } as LocalGatewayConfig;
        let gw: Awaited<ReturnType<typeof startLocalGateway>>;
        try {
          gw = await startLocalGateway(config);
        } catch (error) {
          // Every identifier here passed its validator: only a cross-account caller may be refused.
          throw new Error(
            `refused at start: ${isLocalGatewayError(error) ? error.message : String(error)}`,
          );
        }
        try {
          const base = gw.apiUrls["api"] as string;
          const signed = createSignedFetch({
            credentials: KEY,
            region: s.region,
            service: "execute-api",
          });
          const answers = [
            await signed(`${base}/iam`, { method: s.method }),
            await fetch(`${base}/lambda/7`, { method: s.method, headers: { authorization: "t" } }),
            await fetch(`${base}/open`, { method: s.method }),
          ];
          for (const [index, answer] of answers.entries()) {
            await answer.arrayBuffer();
            const reason = records[index]?.reason ?? "(no record)";
            expect([500, 414], `${s.method} route ${index}: ${reason}`).not.toContain(
              answer.status,
            );
          }
          // Same account (Table A): the identity policy allows. Another account (Table B): a
          // resource policy must allow too, which only a REST API can have.
          const crossAccount = callerAccount !== s.accountId;
          expect(answers[0]?.status, records[0]?.reason).toBe(
            crossAccount && !(s.apiType === "REST" && s.withResourcePolicy) ? 403 : 200,
          );
          expect(answers[1]?.status, records[1]?.reason).toBe(200);
          expect(answers[2]?.status, records[2]?.reason).toBe(200);
          expect(seenArns).toHaveLength(1);
          expect(parseConcreteExecuteApiArn(seenArns[0] as string)).toMatchObject({
            partition,
            region: s.region,
            accountId: s.accountId,
            apiId: s.apiId,
            stage,
            method: s.method,
            path: "/lambda/7",
          });
        } finally {
          await gw.close();
        }
      }),
      { numRuns: RUNS },
    );
  });
});
