import { randomBytes } from "node:crypto";
import { cognitoVerifier } from "@gatehouse/authorizer";
import type { IamCredentialConfig } from "@gatehouse/local-gateway";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import type { AuditedGatewayConfig } from "../audit/gateway-audit-config.js";
import { DEMO, demoAuditSection, demoGatewayConfig } from "./demo-gateway.js";

/** The demo API with its audit section, and what to close afterwards. @internal */
export interface DemoAudit {
  config: AuditedGatewayConfig;
  close(): Promise<void>;
}

function invokePolicy(resource: string) {
  return {
    Version: "2012-10-17" as const,
    Statement: [{ Effect: "Allow" as const, Action: "execute-api:Invoke", Resource: resource }],
  };
}

function accessKey(): { accessKeyId: string; secretAccessKey: string } {
  return {
    accessKeyId: `AKIA${randomBytes(8).toString("hex").toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString("base64"),
  };
}

/**
 * The sample API of `gatehouse demo` with an `audit` section for its identities: a Cognito-shaped
 * issuer on loopback and its tokens, the identity-pool role session (as static credentials) and a
 * caller from another account. Nothing is started but the issuer; `gatehouse audit` starts the
 * gateway.
 * @internal
 */
export async function startDemoAudit(): Promise<DemoAudit> {
  let issuer: TestIssuer | undefined;
  try {
    issuer = await createTestIssuer({ kind: "cognito", region: DEMO.region });
    const verifier = cognitoVerifier({
      userPoolId: issuer.userPoolId,
      clientId: issuer.clientId,
      tokenUse: "access",
      jwksUri: issuer.jwksUri,
      jwks: issuer.jwks(),
    });
    await verifier.hydrate();
    const [reader, admin, noScopes] = await Promise.all([
      issuer.mintAccessToken({ scope: "pets/read orders/read" }),
      issuer.mintAccessToken({ scope: "pets/read pets/write orders/read" }),
      issuer.mintAccessToken({ scope: "profile" }),
    ]);
    const reports = accessKey();
    const partner = accessKey();
    const credentials: IamCredentialConfig[] = [
      {
        ...reports,
        principalArn: `arn:aws:sts::${DEMO.accountId}:assumed-role/${DEMO.authenticatedRole.split("/").pop()}/CognitoIdentityCredentials`,
        policy: invokePolicy(
          `arn:aws:execute-api:${DEMO.region}:${DEMO.accountId}:*/${DEMO.stage}/GET/reports`,
        ),
      },
      {
        ...partner,
        principalArn: `arn:aws:iam::${DEMO.otherAccountId}:role/partner`,
        policy: invokePolicy("*"),
      },
    ];
    const config: AuditedGatewayConfig = {
      // The hand-written trap API is the demo's counter-example, audited by its own test.
      ...demoGatewayConfig({ verifier, credentials, onDecision: () => undefined, traps: false }),
      audit: demoAuditSection({
        tokens: { reader, admin, noScopes },
        reportsAccessKeyId: reports.accessKeyId,
        partnerAccessKeyId: partner.accessKeyId,
      }),
    };
    const opened = issuer;
    return { config, close: () => opened.close() };
  } catch (error) {
    await issuer?.close();
    throw error;
  }
}
