import { X509Certificate } from "node:crypto";
import { Agent } from "node:https";
import { createTestCertificateAuthority } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayDecisionRecord, LocalGatewayConfig } from "../config/gateway-config.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";
import { getTls } from "./test-support.js";

const DAY = 86_400_000;
const root = createTestCertificateAuthority({ commonName: "Partner Root CA" });
const intermediate = root.issueIntermediate({ commonName: "Partner Issuing CA" });
const server = root.issueServerCertificate();
const good = root.issueClientCertificate({
  commonName: "partner-a",
  organization: "Example Corp",
  serialNumber: "0a:1b:2c:3d",
});
const viaIntermediate = intermediate.issueClientCertificate({ commonName: "partner-b" });
const expired = root.issueClientCertificate({
  notBefore: new Date(Date.now() - 30 * DAY),
  notAfter: new Date(Date.now() - DAY),
});
const notYetValid = root.issueClientCertificate({ notBefore: new Date(Date.now() + DAY) });
const stranger = createTestCertificateAuthority({ commonName: "Partner Root CA" });
const untrusted = stranger.issueClientCertificate({ commonName: "partner-a" });
const selfSigned = createTestCertificateAuthority({ commonName: "partner-a" });
const weakKey = root.issueClientCertificate({ keyType: "RSA_1024" });
const weakHash = root.issueClientCertificate({ hash: "SHA1" });

const received: { authorizer: unknown[]; integration: unknown[] } = {
  authorizer: [],
  integration: [],
};
const decisions: GatewayDecisionRecord[] = [];

function gatewayConfig(truststore: string | null, now?: () => Date): LocalGatewayConfig {
  const record = (into: unknown[]) => (event: unknown) => {
    into.push(event);
    return into === received.authorizer ? undefined : { statusCode: 200, body: "ok" };
  };
  return {
    ...(now !== undefined ? { now } : {}),
    tls: { certificate: server.chainPem, privateKey: server.privateKeyPem, truststore },
    onDecision: (decision) => decisions.push(decision),
    apis: [
      {
        type: "REST",
        name: "rest",
        disableExecuteApiEndpoint: true,
        authorizers: {
          partners: {
            type: "REQUEST",
            identitySources: [],
            resultTtlInSeconds: 0,
            handler: (event) => {
              received.authorizer.push(event);
              return {
                principalId: "partner",
                policyDocument: {
                  Version: "2012-10-17",
                  Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" }],
                },
              };
            },
          },
        },
        routes: [
          {
            method: "GET",
            resource: "/orders",
            auth: { authorizer: "partners" },
            handler: record(received.integration),
          },
        ],
      },
      {
        type: "HTTP",
        name: "http",
        basePath: "/v2",
        authorizers: {
          partnersV2: {
            type: "REQUEST",
            payloadFormatVersion: "2.0",
            enableSimpleResponses: true,
            identitySources: [],
            resultTtlInSeconds: 0,
            handler: (event) => {
              received.authorizer.push(event);
              return { isAuthorized: true };
            },
          },
        },
        routes: [
          {
            routeKey: "GET /orders",
            auth: { authorizer: "partnersV2" },
            handler: record(received.integration),
          },
        ],
      },
    ],
  };
}

function expectedClientCert(certificate: typeof good) {
  const x509 = new X509Certificate(certificate.certificatePem);
  return {
    clientCertPem: x509.toString(),
    subjectDN: certificate.subjectDN,
    issuerDN: certificate.issuerDN,
    serialNumber: certificate.serialNumber,
    validity: { notBefore: x509.validFrom, notAfter: x509.validTo },
  };
}

type WithContext = { requestContext: Record<string, unknown> };
const identityOf = (event: unknown) =>
  (event as WithContext).requestContext["identity"] as Record<string, unknown>;
const authenticationOf = (event: unknown) =>
  (event as WithContext).requestContext["authentication"] as Record<string, unknown> | undefined;

function reset(): void {
  received.authorizer.length = 0;
  received.integration.length = 0;
  decisions.length = 0;
}

describe("mutual TLS through the local gateway", () => {
  let gw: LocalGateway;

  beforeAll(async () => {
    gw = await startLocalGateway(gatewayConfig(root.truststorePem));
  });
  afterAll(() => gw.close());

  it("serves https URLs", () => {
    expect(gw.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(gw.apiUrls["rest"]).toBe(`${gw.url}/dev`);
  });

  it("a trusted certificate reaches the REST authorizer and integration, with clientCert", async () => {
    reset();
    const response = await getTls(`${gw.apiUrls["rest"]}/orders`, {
      ca: root.certificatePem,
      cert: good.chainPem,
      key: good.privateKeyPem,
    });
    expect(response.status).toBe(200);
    const clientCert = expectedClientCert(good);
    expect(clientCert.subjectDN).toBe("CN=partner-a,O=Example Corp");
    expect(clientCert.issuerDN).toBe("CN=Partner Root CA");
    expect(clientCert.serialNumber).toBe("0a:1b:2c:3d");
    expect(clientCert.validity.notAfter).toMatch(
      /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/,
    );
    expect(identityOf(received.authorizer[0])["clientCert"]).toEqual(clientCert);
    expect(identityOf(received.integration[0])["clientCert"]).toEqual(clientCert);
    expect(decisions[0]?.reason).toBe("allowed");
  });

  it("HTTP API payload 2.0 events carry it at requestContext.authentication.clientCert", async () => {
    reset();
    const response = await getTls(`${gw.apiUrls["http"]}/orders`, {
      ca: root.certificatePem,
      cert: good.chainPem,
      key: good.privateKeyPem,
    });
    expect(response.status).toBe(200);
    const clientCert = expectedClientCert(good);
    expect(authenticationOf(received.authorizer[0])).toEqual({ clientCert });
    expect(authenticationOf(received.integration[0])).toEqual({ clientCert });
  });

  it("a certificate issued by an intermediate the client sends along is trusted", async () => {
    reset();
    const response = await getTls(`${gw.apiUrls["rest"]}/orders`, {
      ca: root.certificatePem,
      cert: viaIntermediate.chainPem,
      key: viaIntermediate.privateKeyPem,
    });
    expect(response.status).toBe(200);
    expect(identityOf(received.integration[0])["clientCert"]).toEqual(
      expectedClientCert(viaIntermediate),
    );
    expect(viaIntermediate.issuerDN).toBe("CN=Partner Issuing CA");
  });

  it.each([
    ["no certificate", undefined, "mtls_certificate_missing"],
    ["an expired certificate", expired, "mtls_certificate_expired"],
    ["a certificate not valid yet", notYetValid, "mtls_certificate_not_yet_valid"],
    ["a certificate from an untrusted CA (same name)", untrusted, "mtls_certificate_untrusted"],
    ["a self-signed certificate", selfSigned, "mtls_certificate_untrusted"],
    ["an RSA-1024 certificate", weakKey, "mtls_certificate_unsupported"],
    ["a SHA-1 signed certificate", weakHash, "mtls_certificate_unsupported"],
  ] as const)("%s: 403 Forbidden, no authorizer or integration runs", async (_, client, reason) => {
    for (const api of ["rest", "http"]) {
      reset();
      const response = await getTls(`${gw.apiUrls[api]}/orders`, {
        ca: root.certificatePem,
        ...(client !== undefined ? { cert: client.chainPem, key: client.privateKeyPem } : {}),
        // Node's client will not even load a SHA-1 certificate at its default security level.
        ...(client === weakHash ? { ciphers: "DEFAULT@SECLEVEL=0" } : {}),
      });
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toEqual({ message: "Forbidden" });
      expect(received.authorizer).toEqual([]);
      expect(received.integration).toEqual([]);
      expect(decisions).toEqual([expect.objectContaining({ api, status: 403, reason })]);
    }
  });

  it("refuses 403 even where no route matches (the domain refuses first)", async () => {
    reset();
    const response = await getTls(`${gw.url}/nowhere`, { ca: root.certificatePem });
    expect(response.status).toBe(403);
    expect(decisions[0]?.reason).toBe("mtls_certificate_missing");
  });

  it("a resumed TLS session keeps its certificate: each new connection still carries clientCert", async () => {
    const tls = { ca: root.certificatePem, cert: good.chainPem, key: good.privateKeyPem };
    const agent = new Agent({ keepAlive: false, maxCachedSessions: 10, maxVersion: "TLSv1.2" });
    try {
      const reused: boolean[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        reset();
        const response = await getTls(`${gw.apiUrls["rest"]}/orders`, tls, agent);
        reused.push(response.sessionReused);
        expect(response.status).toBe(200);
        expect(identityOf(received.integration[0])["clientCert"]).toEqual(expectedClientCert(good));
      }
      // The later connections did resume the first session (what the test is about).
      expect(reused.slice(1)).toContain(true);
    } finally {
      agent.destroy();
    }
  });

  it("refuses TLS before 1.2 in the handshake", async () => {
    await expect(
      getTls(`${gw.apiUrls["rest"]}/orders`, {
        ca: root.certificatePem,
        cert: good.chainPem,
        key: good.privateKeyPem,
        minVersion: "TLSv1",
        maxVersion: "TLSv1.1",
      }),
    ).rejects.toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^ERR_SSL_|^EPROTO$/) }),
    );
  });
});

describe("mutual TLS on the gateway clock and without a truststore", () => {
  it("a certificate past notAfter on the injected clock is refused as expired", async () => {
    const later = new Date(good.notAfter.getTime() + 1000);
    const gw = await startLocalGateway(gatewayConfig(root.truststorePem, () => later));
    try {
      reset();
      const response = await getTls(`${gw.apiUrls["rest"]}/orders`, {
        ca: root.certificatePem,
        cert: good.chainPem,
        key: good.privateKeyPem,
      });
      expect(response.status).toBe(403);
      expect(decisions[0]?.reason).toBe("mtls_certificate_expired");
    } finally {
      await gw.close();
    }
  });

  it("a truststore holding the intermediate trusts a client that sends only its own certificate", async () => {
    const gw = await startLocalGateway(gatewayConfig(intermediate.truststorePem));
    try {
      reset();
      const response = await getTls(`${gw.apiUrls["rest"]}/orders`, {
        ca: root.certificatePem,
        cert: viaIntermediate.certificatePem,
        key: viaIntermediate.privateKeyPem,
      });
      expect(response.status).toBe(200);
    } finally {
      await gw.close();
    }
  });

  it("truststore null: HTTPS without client certificates, no clientCert in events", async () => {
    const gw = await startLocalGateway(gatewayConfig(null));
    try {
      reset();
      const response = await getTls(`${gw.apiUrls["rest"]}/orders`, { ca: root.certificatePem });
      expect(response.status).toBe(200);
      expect(identityOf(received.integration[0])).not.toHaveProperty("clientCert");
    } finally {
      await gw.close();
    }
  });
});
