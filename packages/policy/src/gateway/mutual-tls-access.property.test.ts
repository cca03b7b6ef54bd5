import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LambdaAuthorizerOutcome, MethodAuthType } from "./api-gateway-access.js";
import { evaluateApiGatewayAccess } from "./evaluate-api-gateway-access.js";
import type { ClientCertificateState } from "./mutual-tls-access.js";
import {
  AUTH_TYPES,
  arbitraryMethodArn,
  arbitraryResourcePolicy,
  authorizerResponse,
  STAGE,
  sampleRequest,
} from "./test-support.js";

const authorizer: fc.Arbitrary<LambdaAuthorizerOutcome> = fc.oneof(
  fc.constantFrom<LambdaAuthorizerOutcome>("unauthorized", "error"),
  fc
    .tuple(
      fc.constantFrom<"Allow" | "Deny">("Allow", "Deny"),
      fc.constantFrom("*", `${STAGE}/GET/*`),
    )
    .map(([effect, resource]) => authorizerResponse(effect, resource)),
);
const request = fc.record({
  authType: fc.constantFrom<MethodAuthType>(...AUTH_TYPES),
  methodArn: arbitraryMethodArn,
  resourcePolicy: arbitraryResourcePolicy,
  authorizer,
  credentialsValid: fc.boolean(),
});
const refusedState = fc.constantFrom<ClientCertificateState>(
  "missing",
  "untrusted",
  "expired",
  "not_yet_valid",
  "unsupported",
);

describe("mutual TLS in the access model (property)", () => {
  it("the default execute-api endpoint is a bypass: without a certificate a caller reaches exactly what it reaches with no mutual TLS", async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ authType, ...inputs }) => {
        const plain = sampleRequest(authType, inputs);
        const bypass = sampleRequest(authType, inputs);
        const expected = await evaluateApiGatewayAccess(plain.options);
        const result = await evaluateApiGatewayAccess({
          ...bypass.options,
          mutualTls: { clientCertificate: "missing", endpoint: "execute-api" },
        });
        expect(result).toEqual(expected);
        expect(bypass.calls).toEqual(plain.calls);
      }),
      { numRuns: 300 },
    );
  });

  it("through the custom domain, a certificate that is not valid never gets 200 and never reaches the authorizer", async () => {
    await fc.assert(
      fc.asyncProperty(request, refusedState, async ({ authType, ...inputs }, state) => {
        const { options, calls } = sampleRequest(authType, inputs);
        const result = await evaluateApiGatewayAccess({
          ...options,
          mutualTls: { clientCertificate: state },
        });
        expect(result.status).toBe(403);
        expect(result.phase).toBe("tls");
        expect(result.authorizerInvoked).toBe(false);
        expect(calls).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("a valid certificate through the custom domain changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ authType, ...inputs }) => {
        const plain = sampleRequest(authType, inputs);
        const withTls = sampleRequest(authType, inputs);
        const result = await evaluateApiGatewayAccess({
          ...withTls.options,
          mutualTls: { clientCertificate: "valid", endpoint: "custom-domain" },
        });
        expect(result).toEqual(await evaluateApiGatewayAccess(plain.options));
      }),
      { numRuns: 200 },
    );
  });
});
