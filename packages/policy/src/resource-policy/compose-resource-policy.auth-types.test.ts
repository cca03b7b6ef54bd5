import { describe, expect, it } from "vitest";
import type { ApiAuthTypes } from "../auth-types/api-auth-types.js";
import type { PolicyStatement } from "../document/policy-document.js";
import { accountAllowlist } from "./account-allowlist.js";
import { composeResourcePolicy } from "./compose-resource-policy.js";
import { ipDenylist } from "./ip-denylist.js";

const DENY = {
  Sid: "DenyIpDenylist",
  Effect: "Deny",
  Principal: "*",
  Action: "execute-api:Invoke",
  Resource: ["execute-api:/*"],
  Condition: { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } },
};
const denylist = () => ipDenylist({ cidrs: ["192.0.2.0/24"] });
const allow = (Sid: string, Resource: string[]): PolicyStatement => ({
  Sid,
  Effect: "Allow",
  Principal: "*",
  Action: "execute-api:Invoke",
  Resource,
});
const statements = (authTypes: ApiAuthTypes | null, rules = [denylist()]) =>
  composeResourcePolicy(rules, { authTypes }).Statement as PolicyStatement[];

describe("composeResourcePolicy authTypes", () => {
  it.each([
    ["LAMBDA", ["LAMBDA"]],
    ["CUSTOM (CloudFormation's name for LAMBDA)", ["CUSTOM"]],
    ["AWS_IAM", ["AWS_IAM"]],
    ["LAMBDA and AWS_IAM", ["LAMBDA", "AWS_IAM"]],
  ] as const)("writes no Allow for %s methods: Deny statements only", (_name, authTypes) => {
    expect(statements(authTypes)).toEqual([DENY]);
  });

  it.each([
    ["NONE", ["NONE"]],
    ["COGNITO_USER_POOLS", ["COGNITO_USER_POOLS"]],
    ["NONE and COGNITO_USER_POOLS", ["NONE", "COGNITO_USER_POOLS"]],
    ["JWT (REST JWT authorizer)", ["JWT"]],
    ["JWT and NONE", ["JWT", "NONE"]],
    ["a map where every method is NONE", { "GET /a": "NONE", "*": "NONE" }],
  ] as const)("allows the whole API when every method needs an Allow: %s", (_name, authTypes) => {
    expect(statements(authTypes)).toEqual([allow("AllowInvoke", ["execute-api:/*"]), DENY]);
  });

  it("writes AWS's example shape for authTypes: null", () => {
    expect(statements(null)).toEqual([allow("AllowInvoke", ["execute-api:/*"]), DENY]);
  });

  it("allows exactly the NONE methods of a map (CORS preflights), every stage", () => {
    const authTypes = {
      "OPTIONS /pets": "NONE",
      "OPTIONS /pets/{id}": "NONE",
      "*": "LAMBDA",
    } as const;
    expect(statements(authTypes)).toEqual([
      allow("AllowNoneAuthMethods", [
        "execute-api:/*/OPTIONS/pets",
        "execute-api:/*/OPTIONS/pets/*",
      ]),
      DENY,
    ]);
  });

  it("allows Cognito methods in their own statement", () => {
    const authTypes = {
      "GET /profile": "COGNITO_USER_POOLS",
      "OPTIONS /profile": "NONE",
      "DELETE /profile": "LAMBDA",
    } as const;
    expect(statements(authTypes)).toEqual([
      allow("AllowNoneAuthMethods", ["execute-api:/*/OPTIONS/profile"]),
      allow("AllowCognitoMethods", ["execute-api:/*/GET/profile"]),
      DENY,
    ]);
  });

  it("allows REST JWT methods in their own statement, never over a LAMBDA or AWS_IAM method", () => {
    const authTypes = {
      "GET /orders": "JWT",
      "GET /orders/{id}": "JWT",
      "OPTIONS /orders": "NONE",
      "POST /orders": "LAMBDA",
      "DELETE /orders/{id}": "AWS_IAM",
    } as const;
    expect(statements(authTypes)).toEqual([
      allow("AllowNoneAuthMethods", ["execute-api:/*/OPTIONS/orders"]),
      allow("AllowJwtMethods", ["execute-api:/*/GET/orders", "execute-api:/*/GET/orders/*"]),
      DENY,
    ]);
  });

  it("writes one resource per verb for ANY and bare resource paths", () => {
    const resources = (authTypes: ApiAuthTypes) =>
      statements(authTypes).find((s) => s.Sid === "AllowNoneAuthMethods")?.Resource;
    const verbs = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];
    const expected = verbs.map((verb) => `execute-api:/*/${verb}/public/*`);
    expect(resources({ "ANY /public/{proxy+}": "NONE", "*": "LAMBDA" })).toEqual(expected);
    expect(resources({ "/public/{proxy+}": "NONE", "*": "LAMBDA" })).toEqual(expected);
  });

  it("leaves out of an ANY route the verbs another method of the same resource takes", () => {
    const authTypes = {
      "ANY /pets": "NONE",
      "POST /pets": "LAMBDA",
      "DELETE /pets": "AWS_IAM",
    } as const;
    expect(statements(authTypes)[0]).toEqual(
      allow(
        "AllowNoneAuthMethods",
        ["GET", "HEAD", "OPTIONS", "PATCH", "PUT"].map((verb) => `execute-api:/*/${verb}/pets`),
      ),
    );
  });

  it("leaves out a NONE resource that another one already covers", () => {
    const authTypes = {
      "OPTIONS /{proxy+}": "NONE",
      "OPTIONS /pets": "NONE",
      "*": "LAMBDA",
    } as const;
    expect(statements(authTypes)[0]).toEqual(
      allow("AllowNoneAuthMethods", ["execute-api:/*/OPTIONS/*"]),
    );
  });

  it("gives the same document whatever the order of the map's keys", () => {
    const a = {
      "OPTIONS /b": "NONE",
      "GET /a": "COGNITO_USER_POOLS",
      "OPTIONS /a": "NONE",
    } as const;
    const b = {
      "OPTIONS /a": "NONE",
      "OPTIONS /b": "NONE",
      "GET /a": "COGNITO_USER_POOLS",
    } as const;
    expect(statements(a)).toEqual(statements(b));
  });

  it("writes full ARNs for the NONE methods in the expanded form", () => {
    const policy = composeResourcePolicy([denylist()], {
      authTypes: { "OPTIONS /pets": "NONE", "*": "LAMBDA" },
      form: "expanded",
      target: {
        partition: "aws-cn",
        region: "cn-north-1",
        accountId: "123456789012",
        apiId: "a1b2c3",
      },
    });
    expect(policy.Statement).toContainEqual(
      allow("AllowNoneAuthMethods", [
        "arn:aws-cn:execute-api:cn-north-1:123456789012:a1b2c3/*/OPTIONS/pets",
      ]),
    );
  });

  it("does not report routes IAM's * cannot confuse", () => {
    expect(() =>
      statements({
        "GET /pets": "NONE",
        "GET /pets/{id}": "LAMBDA",
        "GET /pets/{id}/toys": "NONE",
        "DELETE /pets/{id}": "LAMBDA",
        "GET /users/{id}": "LAMBDA",
      }),
    ).not.toThrow();
  });

  it.each([
    [
      "a parameter's * reaching a deeper route",
      { "GET /pets/{id}": "NONE", "GET /pets/{id}/owner": "LAMBDA" },
      /"GET \/pets\/\{id\}" \(execute-api:\/\*\/GET\/pets\/\*\) would also cover "GET \/pets\/\{id\}\/owner" \(LAMBDA\)/,
    ],
    [
      "the stage's * reaching a path that contains the verb",
      { "OPTIONS /{proxy+}": "NONE", "GET /x/OPTIONS/y": "AWS_IAM" },
      /would also cover "GET \/x\/OPTIONS\/y" \(AWS_IAM\).*IAM policy/,
    ],
    [
      "an ANY route over a deeper method",
      { "ANY /pets/{proxy+}": "NONE", "POST /pets/{id}": "LAMBDA" },
      /"ANY \/pets\/\{proxy\+\}".*would also cover "POST \/pets\/\{id\}"/,
    ],
    [
      "a JWT parameter's * reaching a deeper LAMBDA route",
      { "GET /orders/{id}": "JWT", "GET /orders/{id}/invoice": "LAMBDA" },
      /the Allow for the JWT method "GET \/orders\/\{id\}".*would also cover "GET \/orders\/\{id\}\/invoice" \(LAMBDA\)/,
    ],
  ] as const)(
    "refuses an Allow for NONE or JWT that would open an authorized route: %s",
    (_n, map, message) => {
      expect(() => statements(map)).toThrow(TypeError);
      expect(() => statements(map)).toThrow(message);
    },
  );

  it("refuses a list mixing methods that need an Allow with methods it would open", () => {
    expect(() => statements(["NONE", "LAMBDA"])).toThrow(/Give a map of route -> type/);
    expect(() => statements(["COGNITO_USER_POOLS", "AWS_IAM"])).toThrow(TypeError);
    expect(() => statements(["JWT", "LAMBDA"])).toThrow(/lists JWT .* together with LAMBDA/);
  });

  it('refuses "*": NONE with an authorized exception (Allow on everything but a method)', () => {
    expect(() => statements({ "*": "NONE", "DELETE /pets/{id}": "LAMBDA" })).toThrow(
      /"\*" is NONE but "DELETE \/pets\/\{id\}" is not/,
    );
  });

  it.each([
    ["no options", undefined],
    ["options without authTypes", {}],
    ["options with authTypes undefined", { authTypes: undefined }],
  ])("throws TypeError for %s, saying why authTypes is needed", (_name, options) => {
    expect(() => composeResourcePolicy([denylist()], options as never)).toThrow(
      /authTypes.*(required|Table A|implicit deny)/,
    );
  });

  it.each([
    ["an empty list", []],
    ["an empty map", {}],
    ["an unknown type", ["OAUTH"]],
    ["an unknown type in a map", { "GET /a": "OIDC" }],
    ["a string", "LAMBDA"],
  ])("throws TypeError for authTypes as %s", (_name, authTypes) => {
    expect(() => statements(authTypes as never)).toThrow(TypeError);
  });

  it("reports a bad route key with its path", () => {
    expect(() => statements({ "get /pets": "NONE" } as never)).toThrowCode(
      "invalid_route_template",
      { path: 'authTypes["get /pets"]' },
    );
  });
});

describe("composeResourcePolicy authTypes with an account allowlist", () => {
  const accounts = (resources?: string[]) =>
    accountAllowlist({ principals: ["111122223333"], ...(resources ? { resources } : {}) });

  it("keeps the account Allow on AWS_IAM methods and adds the NONE methods' Allow", () => {
    const policy = composeResourcePolicy([accounts(["execute-api:/*/GET/reports"]), denylist()], {
      authTypes: { "GET /reports": "AWS_IAM", "OPTIONS /reports": "NONE", "*": "LAMBDA" },
    });
    expect(policy.Statement).toEqual([
      {
        Sid: "AllowInvoke",
        Effect: "Allow",
        Principal: { AWS: ["111122223333"] },
        Action: "execute-api:Invoke",
        Resource: ["execute-api:/*/GET/reports"],
      },
      allow("AllowNoneAuthMethods", ["execute-api:/*/OPTIONS/reports"]),
      DENY,
    ]);
  });

  it("refuses an account allowlist without AWS_IAM methods", () => {
    expect(() => statements(["LAMBDA"], [accounts()])).toThrow(/no AWS_IAM method/);
  });

  it("refuses an account allowlist with a list of several types (which methods are AWS_IAM?)", () => {
    expect(() => statements(["AWS_IAM", "LAMBDA"], [accounts()])).toThrow(/map of route -> type/);
  });

  it("refuses an account allowlist that covers a LAMBDA route (its callers would get 403)", () => {
    expect(() =>
      statements({ "GET /reports": "AWS_IAM", "GET /pets": "LAMBDA" }, [accounts()]),
    ).toThrow(/also covers "GET \/pets" \(LAMBDA\)/);
    expect(() => statements({ "GET /reports": "AWS_IAM", "*": "LAMBDA" }, [accounts()])).toThrow(
      /also covers methods of "\*"/,
    );
  });
});
