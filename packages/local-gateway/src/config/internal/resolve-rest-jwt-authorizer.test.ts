import { describe, expect, it } from "vitest";
import { resolveConfig } from "./resolve-config.js";

const verifier = { verify: async () => ({ claims: {} }) };
const issuer = { issuer: "https://idp.example.com/", audiences: ["orders-api"], verifier };
const handler = () => ({ statusCode: 200 });

function restJwt(authorizer: Record<string, unknown>, apiType = "REST") {
  return () =>
    resolveConfig({
      apis: [
        {
          type: apiType,
          authorizers: { oidc: { type: "JWT", ...authorizer } },
          routes: [],
        },
      ],
    } as never);
}

const base = { defaultAlgorithms: ["RS256"], issuers: [issuer] };
const withIssuer = (extra: Record<string, unknown>) => ({
  ...base,
  issuers: [{ ...issuer, ...extra }],
});
const withClaim = (claim: Record<string, unknown>) =>
  withIssuer({ additionalClaims: [{ claimName: "tenant", format: "SINGLE_STRING", ...claim }] });
const at = "apis[0].authorizers.oidc";

describe("REST JWT authorizer config", () => {
  it("accepts several issuers, algorithms and claim rules, and routes with scopes", () => {
    const resolved = resolveConfig({
      apis: [
        {
          type: "REST",
          endpointType: "PRIVATE",
          jwtResourcePolicy: "silent-allows",
          authorizers: {
            oidc: {
              type: "JWT",
              defaultAlgorithms: ["RS256", "ES512"],
              issuers: [
                {
                  ...issuer,
                  additionalClaims: [
                    {
                      claimName: "tenant",
                      format: "SINGLE_STRING",
                      expectedValues: ["acme"],
                      required: true,
                    },
                  ],
                },
                { ...issuer, issuer: "https://idp.example.com" },
              ],
            },
          },
          routes: [
            {
              method: "GET",
              resource: "/orders",
              auth: { authorizer: "oidc", scopes: ["orders:read"] },
              handler,
            },
          ],
        },
      ],
    });
    const api = resolved.apis[0];
    expect(api?.jwtResourcePolicy).toBe("silent-allows");
    const auth = api?.routes[0]?.auth;
    expect(auth).toMatchObject({ kind: "authorizer", scopes: ["orders:read"] });
    const authorizer = auth?.kind === "authorizer" ? auth.authorizer : undefined;
    expect(authorizer?.kind).toBe("rest-jwt");
    if (authorizer?.kind !== "rest-jwt") return;
    // A trailing slash makes a different issuer.
    expect([...authorizer.issuers.keys()]).toEqual([
      "https://idp.example.com/",
      "https://idp.example.com",
    ]);
    expect([...authorizer.algorithms]).toEqual(["RS256", "ES512"]);
  });

  it.each([
    ["http issuer", withIssuer({ issuer: "http://idp.example.com/" }), `${at}.issuers[0].issuer`],
    ["relative issuer", withIssuer({ issuer: "idp.example.com" }), `${at}.issuers[0].issuer`],
    [
      "issuer with a query",
      withIssuer({ issuer: "https://idp.example.com/?tenant=1" }),
      `${at}.issuers[0].issuer`,
    ],
    [
      "issuer with an empty query",
      withIssuer({ issuer: "https://idp.example.com/?" }),
      `${at}.issuers[0].issuer`,
    ],
    [
      "issuer with a fragment",
      withIssuer({ issuer: "https://idp.example.com/#x" }),
      `${at}.issuers[0].issuer`,
    ],
    [
      "issuer with user information",
      withIssuer({ issuer: "https://me@idp.example.com/" }),
      `${at}.issuers[0].issuer`,
    ],
    ["duplicate issuers", { ...base, issuers: [issuer, issuer] }, `${at}.issuers[1].issuer`],
    ["no issuers", { ...base, issuers: [] }, `${at}.issuers`],
    ["no audiences", withIssuer({ audiences: [] }), `${at}.issuers[0].audiences`],
    ["an empty audience", withIssuer({ audiences: [""] }), `${at}.issuers[0].audiences[0]`],
    ["no verifier", withIssuer({ verifier: undefined }), `${at}.issuers[0].verifier`],
    ["a verifier on the authorizer", { ...base, verifier }, `${at}.verifier`],
    ["no algorithms", { ...base, defaultAlgorithms: [] }, `${at}.defaultAlgorithms`],
    [
      "an unknown algorithm",
      { ...base, defaultAlgorithms: ["RS256", "HS256"] },
      `${at}.defaultAlgorithms[1]`,
    ],
    [
      "PS256 (not offered by AWS)",
      { ...base, defaultAlgorithms: ["PS256"] },
      `${at}.defaultAlgorithms[0]`,
    ],
    ["alg none", { ...base, defaultAlgorithms: ["none"] }, `${at}.defaultAlgorithms[0]`],
    [
      "a reserved claim (aud)",
      withClaim({ claimName: "aud" }),
      `${at}.issuers[0].additionalClaims[0].claimName`,
    ],
    [
      "a reserved claim (scp)",
      withClaim({ claimName: "scp" }),
      `${at}.issuers[0].additionalClaims[0].claimName`,
    ],
    [
      "an empty claim name",
      withClaim({ claimName: "" }),
      `${at}.issuers[0].additionalClaims[0].claimName`,
    ],
    [
      "another format",
      withClaim({ format: "STRING_ARRAY" }),
      `${at}.issuers[0].additionalClaims[0].format`,
    ],
    [
      "empty expectedValues",
      withClaim({ expectedValues: [] }),
      `${at}.issuers[0].additionalClaims[0].expectedValues`,
    ],
    [
      "an empty expected value",
      withClaim({ expectedValues: ["a", ""] }),
      `${at}.issuers[0].additionalClaims[0].expectedValues[1]`,
    ],
    [
      "required not a boolean",
      withClaim({ required: "yes" }),
      `${at}.issuers[0].additionalClaims[0].required`,
    ],
    [
      "a claim name twice",
      withIssuer({
        additionalClaims: [
          { claimName: "tenant", format: "SINGLE_STRING" },
          { claimName: "tenant", format: "SINGLE_STRING" },
        ],
      }),
      `${at}.issuers[0].additionalClaims[1].claimName`,
    ],
  ])("refuses %s with invalid_config at its path", (_label, authorizer, path) => {
    expect(restJwt(authorizer)).toThrowCode("invalid_config", { path });
  });

  it("gives a hint that says how to fix a bad issuer or claim", () => {
    expect(restJwt(withIssuer({ issuer: "http://idp.example.com/" }))).toThrowCode(
      "invalid_config",
      { hint: expect.stringMatching(/iss claim exactly/) },
    );
    expect(restJwt(withClaim({ claimName: "iss" }))).toThrowCode("invalid_config", {
      hint: expect.stringMatching(/always checked/),
    });
  });

  it("refuses jwtResourcePolicy on HTTP APIs and unknown modes", () => {
    expect(() =>
      resolveConfig({
        apis: [{ type: "HTTP", jwtResourcePolicy: "must-allow", routes: [] }],
      } as never),
    ).toThrowCode("invalid_config", { path: "apis[0].jwtResourcePolicy" });
    expect(() =>
      resolveConfig({
        apis: [{ type: "REST", jwtResourcePolicy: "sometimes", routes: [] }],
      } as never),
    ).toThrowCode("invalid_config", { path: "apis[0].jwtResourcePolicy" });
  });

  it("keeps HTTP API JWT authorizers on one verifier, and refuses JWT on WebSocket APIs", () => {
    expect(restJwt({ verifier }, "HTTP")).not.toThrow();
    expect(restJwt(base, "WEBSOCKET")).toThrowCode("invalid_config", { path: `${at}.type` });
  });
});
