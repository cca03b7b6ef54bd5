// The reproduction, through createAuthorizer with real tokens: IAM's `*` crosses `/`, so
// the policy of a caller without groups used to allow `GET /pets/{id}` as `.../GET/pets/*` and
// `ANY /reports` as `.../*/reports`; API Gateway reuses that cached policy for every route of the
// stage, so it also opened `GET /pets/42/medical-records` and `GET /admin/reports`. And a table
// too large for API Gateway's 8 KB used to construct fine and answer 401 at request time.
import { type IamAuthorizerResponse, wouldCachedPolicyAllow } from "@gatehouse/policy";
import {
  createTestIssuer,
  httpApiV1Event,
  httpApiV2Event,
  restRequestEvent,
  restTokenEvent,
  type TestIssuer,
} from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwtVerifier } from "../verifier/jwt-verifier.js";
import { createAuthorizer } from "./create-authorizer.js";

const routes = {
  "GET /pets/{id}": {},
  "GET /pets/{id}/medical-records": { groups: ["vet"] },
  "ANY /reports": {},
  "GET /admin/reports": { groups: ["admin"] },
};

const REST_STAGE = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod";
const HTTP_STAGE = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/$default";

let issuer: TestIssuer;
let plain: string;
let vet: string;
let admin: string;

beforeAll(async () => {
  issuer = await createTestIssuer({ alg: "ES256" });
  plain = await issuer.mintToken({ sub: "owner-1", aud: "api" });
  vet = await issuer.mintToken({ sub: "vet-1", aud: "api", "cognito:groups": ["vet"] });
  admin = await issuer.mintToken({ sub: "admin-1", aud: "api", "cognito:groups": ["admin"] });
});
afterAll(() => issuer.close());

function handler(table: Record<string, object> = routes) {
  return createAuthorizer({
    verifier: jwtVerifier({
      issuer: issuer.issuer,
      audience: "api",
      algorithms: ["ES256"],
      jwks: issuer.jwks(),
    }),
    routes: table,
  });
}

/** What API Gateway answers `request` with the policy it cached for the first request. */
function cachedAllows(
  response: unknown,
  stage: string,
  cachedRequest: string,
  request: string,
): boolean {
  const arn = (line: string) => {
    const [method, path] = line.split(" ");
    return `${stage}/${method}${path}`;
  };
  return wouldCachedPolicyAllow({
    cachedResponse: response as IamAuthorizerResponse,
    cachedMethodArn: arn(cachedRequest),
    methodArn: arn(request),
    endpointType: "REGIONAL",
  }).allowed;
}

const requests = [
  "GET /pets/42",
  "GET /pets/42/medical-records",
  "GET /reports",
  "POST /reports",
  "DELETE /reports",
  "GET /admin/reports",
] as const;

/** What each identity may call, request by request (the route it is routed to). */
const expected: Record<"plain" | "vet" | "admin", readonly boolean[]> = {
  plain: [true, false, true, true, true, false],
  vet: [true, true, true, true, true, false],
  admin: [true, false, true, true, true, true],
};

describe("the reproduction: a cached policy allows exactly the table routes the caller satisfies", () => {
  it.each(["plain", "vet", "admin"] as const)(
    "REST TOKEN, %s: the policy cached from GET /pets/42 answers every route right",
    async (who) => {
      const token = { plain, vet, admin }[who];
      const response = await handler()(
        restTokenEvent({ token: `Bearer ${token}`, method: "GET", path: "/pets/42" }),
      );
      const answers = requests.map((request) =>
        cachedAllows(response, REST_STAGE, "GET /pets/42", request),
      );
      expect(answers).toEqual(expected[who]);
    },
  );

  it("REST REQUEST and HTTP API 1.0 / 2.0 (IAM policy): the same for a caller without groups", async () => {
    const h = handler();
    const auth = { Authorization: `Bearer ${plain}` };
    const rest = await h(restRequestEvent({ method: "POST", path: "/reports", headers: auth }));
    const v1 = await h(httpApiV1Event({ method: "POST", path: "/reports", headers: auth }));
    const v2 = await h(
      httpApiV2Event({
        method: "POST",
        path: "/reports",
        routeKey: "ANY /reports",
        headers: { authorization: `Bearer ${plain}` },
      }),
    );
    for (const [response, stage] of [
      [rest, REST_STAGE],
      [v1, HTTP_STAGE],
      [v2, HTTP_STAGE],
    ] as const) {
      const answers = requests.map((request) =>
        cachedAllows(response, stage, "POST /reports", request),
      );
      expect(answers).toEqual(expected.plain);
    }
  });

  it("says it with explicit Deny statements and concrete verbs", async () => {
    const response = (await handler()(
      restTokenEvent({ token: `Bearer ${plain}`, method: "GET", path: "/reports" }),
    )) as IamAuthorizerResponse;
    const [allow, deny] = response.policyDocument.Statement;
    expect(allow).toMatchObject({ Effect: "Allow" });
    expect(allow?.Resource).toContain(`${REST_STAGE}/GET/pets/*`);
    expect(allow?.Resource).toContain(`${REST_STAGE}/OPTIONS/reports`);
    expect(allow?.Resource).not.toContain(`${REST_STAGE}/*/reports`);
    expect(deny).toEqual({
      Action: "execute-api:Invoke",
      Effect: "Deny",
      Resource: [`${REST_STAGE}/GET/pets/*/medical-records`],
    });
  });
});

describe("a table too large for API Gateway's 8 KB fails at construction", () => {
  // 120 routes of an inventory API: an identity that may call all of them would need about
  // 120 Resource ARNs of ~75 characters, over 8192 bytes with any stage ARN.
  const big = Object.fromEntries(
    Array.from({ length: 120 }, (_, i) => [`GET /inventory/warehouse-${i}/{id}`, {}]),
  );

  it("throws a TypeError naming the limit and the fix", () => {
    expect(() => handler(big)).toThrow(TypeError);
    expect(() => handler(big)).toThrow(/8 KB[\s\S]*401 at request time[\s\S]*fewer templates/);
  });

  it("accepts a table whose largest policy fits, and answers within 8 KB at request time", async () => {
    const fits = Object.fromEntries(Object.entries(big).slice(0, 60));
    const response = await handler(fits)(
      restTokenEvent({ token: `Bearer ${plain}`, method: "GET", path: "/inventory/warehouse-0/1" }),
    );
    expect(new TextEncoder().encode(JSON.stringify(response)).length).toBeLessThanOrEqual(8192);
  });
});
