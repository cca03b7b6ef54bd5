import { describe, expect, it } from "vitest";
import { parseUsagePlans } from "../usage-plan/parse-usage-plans.js";
import { emptyUsagePlanState } from "../usage-plan/usage-plan-state.js";
import type { ApiGatewayAccessOptions, MethodAuthType } from "./api-gateway-access.js";
import { decideMutualTls } from "./decide-mutual-tls.js";
import { evaluateApiGatewayAccess } from "./evaluate-api-gateway-access.js";
import type { ClientCertificateState, MutualTlsReason } from "./mutual-tls-access.js";
import {
  AUTH_TYPES,
  authorizerResponse,
  invokePolicy,
  METHOD_ARN,
  sampleRequest,
} from "./test-support.js";
import { wouldCachedPolicyAllow } from "./would-cached-policy-allow.js";

const REFUSED: [Exclude<ClientCertificateState, "valid">, MutualTlsReason][] = [
  ["missing", "mtls_certificate_missing"],
  ["untrusted", "mtls_certificate_untrusted"],
  ["expired", "mtls_certificate_expired"],
  ["not_yet_valid", "mtls_certificate_not_yet_valid"],
  ["unsupported", "mtls_certificate_unsupported"],
];

/** One row per refused certificate state x auth type sample. */
const refusalTable = REFUSED.flatMap(([state, reason]) =>
  AUTH_TYPES.map((authType) => [state, authType, reason] as const),
);

describe("mutual TLS on the custom domain: a certificate that is not valid", () => {
  it.each(refusalTable)(
    "%s certificate, %s method -> 403 Forbidden before everything else",
    async (state, authType, reason) => {
      // Valid credentials and a resource policy that allows: only the certificate refuses.
      const { options, calls } = sampleRequest(authType, { resourcePolicy: invokePolicy("Allow") });
      const result = await evaluateApiGatewayAccess({
        ...options,
        mutualTls: { clientCertificate: state, endpoint: "custom-domain" },
      });
      expect(result).toMatchObject({
        status: 403,
        message: "Forbidden",
        errorType: null,
        reason,
        phase: "tls",
        authorizerInvoked: false,
        authorizerFromCache: false,
        resourcePolicyDecision: "not-evaluated",
        identityDecision: "not-evaluated",
        combination: null,
      });
      expect(calls).toEqual([]);
      // Without mutual TLS the same request is allowed.
      expect((await evaluateApiGatewayAccess(options)).status).toBe(200);
    },
  );

  it.each(AUTH_TYPES)(
    "%s method: the refusal wins over an explicit Deny and invalid credentials",
    async (authType) => {
      const { options, calls } = sampleRequest(authType, {
        resourcePolicy: invokePolicy("Deny"),
        credentialsValid: false,
        authorizer: "error",
      });
      const result = await evaluateApiGatewayAccess({
        ...options,
        mutualTls: { clientCertificate: "untrusted" },
      });
      expect(result).toMatchObject({
        status: 403,
        reason: "mtls_certificate_untrusted",
        phase: "tls",
      });
      expect(calls).toEqual([]);
    },
  );
});

describe("mutual TLS: a valid certificate, or the default execute-api endpoint", () => {
  const passTable = (["valid", ...REFUSED.map(([state]) => state)] as const).flatMap((state) =>
    AUTH_TYPES.map((authType) => [state, authType] as const),
  );

  it.each(AUTH_TYPES)(
    "valid certificate, %s method: exactly what the request gets without mutual TLS",
    async (authType) => {
      for (const resourcePolicy of [null, invokePolicy("Allow"), invokePolicy("Deny")]) {
        const plain = sampleRequest(authType, { resourcePolicy });
        const withTls = sampleRequest(authType, { resourcePolicy });
        const expected = await evaluateApiGatewayAccess(plain.options);
        const result = await evaluateApiGatewayAccess({
          ...withTls.options,
          mutualTls: { clientCertificate: "valid" },
        });
        expect(result).toEqual(expected);
        expect(withTls.calls).toEqual(plain.calls);
      }
    },
  );

  it.each(passTable)(
    "%s certificate, %s method, through execute-api: mutual TLS is bypassed",
    async (state, authType) => {
      const plain = sampleRequest(authType, { resourcePolicy: invokePolicy("Allow") });
      const bypass = sampleRequest(authType, { resourcePolicy: invokePolicy("Allow") });
      const result = await evaluateApiGatewayAccess({
        ...bypass.options,
        mutualTls: { clientCertificate: state, endpoint: "execute-api" },
      });
      expect(result).toEqual(await evaluateApiGatewayAccess(plain.options));
      expect(result.status).toBe(200);
      expect(bypass.calls).toEqual(authType === "LAMBDA" ? [METHOD_ARN] : []);
    },
  );
});

describe("mutual TLS and the other steps", () => {
  it("comes before the API key: a refused certificate consumes nothing and is not invalid_api_key", async () => {
    const { options } = sampleRequest("NONE");
    const apiKey = {
      source: "HEADER" as const,
      plans: parseUsagePlans({ apiKeys: [], usagePlans: [] }),
      state: emptyUsagePlanState(),
      route: "GET /pets",
    };
    const now = new Date("2026-12-05T10:00:00Z");
    const withoutTls = await evaluateApiGatewayAccess({ ...options, apiKey, now });
    expect(withoutTls).toMatchObject({ status: 403, reason: "invalid_api_key" });
    const result = await evaluateApiGatewayAccess({
      ...options,
      apiKey,
      now,
      mutualTls: { clientCertificate: "expired" },
    });
    expect(result).toMatchObject({ status: 403, reason: "mtls_certificate_expired", phase: "tls" });
    expect(result.usagePlan).toBeUndefined();
  });

  it("names the IAM caller as the principal it would have been", async () => {
    const { options } = sampleRequest("AWS_IAM");
    const result = await evaluateApiGatewayAccess({
      ...options,
      mutualTls: { clientCertificate: "missing" },
    });
    expect(result.principal).toBe("arn:aws:iam::123456789012:role/app");
  });
});

describe("wouldCachedPolicyAllow with mutualTls: the certificate is checked before the cache", () => {
  const cached = {
    cachedResponse: authorizerResponse("Allow", "*"),
    methodArn: METHOD_ARN,
    endpointType: "REGIONAL" as const,
  };

  it.each(REFUSED)("%s certificate: a cached Allow does not help (403 %s)", (state, reason) => {
    expect(wouldCachedPolicyAllow(cached).allowed).toBe(true);
    const verdict = wouldCachedPolicyAllow({ ...cached, mutualTls: { clientCertificate: state } });
    expect(verdict).toMatchObject({ allowed: false, status: 403, reason, phase: "tls" });
    expect(verdict.authorizerFromCache).toBe(false);
  });

  it("a valid certificate, or the execute-api endpoint, leaves the cache's answer", () => {
    const expected = wouldCachedPolicyAllow(cached);
    for (const mutualTls of [
      { clientCertificate: "valid" as const },
      { clientCertificate: "missing" as const, endpoint: "execute-api" as const },
    ]) {
      expect(wouldCachedPolicyAllow({ ...cached, mutualTls })).toEqual(expected);
    }
  });

  it("refuses mutualTls on a PRIVATE API with a TypeError", () => {
    expect(() =>
      wouldCachedPolicyAllow({
        ...cached,
        endpointType: "PRIVATE",
        mutualTls: { clientCertificate: "valid" },
      }),
    ).toThrow(/wouldCachedPolicyAllow: mutual TLS needs a regional custom domain/);
  });
});

describe("decideMutualTls", () => {
  it.each(REFUSED)("%s -> 403 %s", (state, reason) => {
    expect(decideMutualTls({ clientCertificate: state })).toEqual({
      status: 403,
      message: "Forbidden",
      errorType: null,
      reason,
      phase: "tls",
    });
    expect(decideMutualTls({ clientCertificate: state, endpoint: "execute-api" })).toBeNull();
  });

  it("lets a valid certificate through on either endpoint", () => {
    expect(decideMutualTls({ clientCertificate: "valid" })).toBeNull();
    expect(decideMutualTls({ clientCertificate: "valid", endpoint: "custom-domain" })).toBeNull();
  });

  it.each([
    ["null", null, "mutualTls must be"],
    ["an array", [], "mutualTls must be"],
    ["a boolean certificate", { clientCertificate: true }, "clientCertificate must be one of"],
    ["an unknown state", { clientCertificate: "revoked" }, "clientCertificate must be one of"],
    ["an unknown endpoint", { clientCertificate: "valid", endpoint: "edge" }, "endpoint must be"],
  ])("refuses %s with a TypeError", (_, input, message) => {
    expect(() => decideMutualTls(input as never)).toThrow(TypeError);
    expect(() => decideMutualTls(input as never)).toThrow(message);
  });
});

describe("evaluateApiGatewayAccess: misuse of mutualTls", () => {
  it.each<MethodAuthType>(AUTH_TYPES)(
    "%s on a PRIVATE API is a TypeError (AWS: not for private APIs)",
    async (authType) => {
      const { options, calls } = sampleRequest(authType);
      const { sourceIp: _ip, ...rest } = options;
      const privateRequest = {
        ...rest,
        endpointType: "PRIVATE",
        sourceVpce: "vpce-1a2b3c4d",
        mutualTls: { clientCertificate: "valid" },
      } as ApiGatewayAccessOptions;
      await expect(evaluateApiGatewayAccess(privateRequest)).rejects.toThrow(
        /not available for PRIVATE APIs/,
      );
      await expect(evaluateApiGatewayAccess(privateRequest)).rejects.toThrow(TypeError);
      expect(calls).toEqual([]);
    },
  );

  it("refuses a malformed mutualTls with a TypeError", async () => {
    const { options } = sampleRequest("NONE");
    await expect(
      evaluateApiGatewayAccess({
        ...options,
        mutualTls: { clientCertificate: "ok" },
      } as unknown as ApiGatewayAccessOptions),
    ).rejects.toThrow(TypeError);
  });
});
