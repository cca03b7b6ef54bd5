// Type-checked use of the packed @gatehouse/local-gateway (tsc --noEmit, nodenext, strict).
import {
  type GatewayStats,
  type HttpApiV2ProxyEvent,
  isLocalGatewayError,
  type LocalGateway,
  type LocalGatewayConfig,
  type LocalGatewayErrorCode,
  loadGatewayConfig,
  type RestProxyEvent,
  startLocalGateway,
} from "@gatehouse/local-gateway";

const config: LocalGatewayConfig = {
  apis: [
    {
      type: "REST",
      authorizers: {
        token: {
          type: "TOKEN",
          handler: (event) => ({ principalId: event.methodArn }),
          resultTtlInSeconds: 0,
        },
      },
      routes: [
        {
          method: "GET",
          resource: "/pets",
          auth: { authorizer: "token" },
          handler: (event: RestProxyEvent) => ({ statusCode: 200, body: event.path }),
        },
      ],
    },
    {
      type: "HTTP",
      basePath: "/http",
      routes: [
        {
          routeKey: "$default",
          auth: "AWS_IAM",
          handler: (event) => ({ statusCode: 200, body: (event as HttpApiV2ProxyEvent).rawPath }),
        },
      ],
    },
  ],
  credentials: [
    {
      accessKeyId: "AKID",
      secretAccessKey: "secret",
      principalArn: "arn:aws:iam::123456789012:user/a",
      policy: null,
    },
  ],
};

export async function run(): Promise<GatewayStats> {
  const gw: LocalGateway = await startLocalGateway(config);
  const loaded: LocalGatewayConfig = await loadGatewayConfig("gateway.config.mjs");
  void loaded;
  await gw.close();
  return gw.stats();
}

export function codeOf(error: unknown): LocalGatewayErrorCode | undefined {
  return isLocalGatewayError(error) ? error.code : undefined;
}

const noPolicy = {
  accessKeyId: "A",
  secretAccessKey: "s",
  principalArn: "arn:aws:iam::123456789012:user/a",
};
// @ts-expect-error an IAM credential must say which identity policy applies (null for none)
const missingPolicy: LocalGatewayConfig["credentials"] = [noPolicy];
void missingPolicy;
