import type { ClientCertificate } from "./client-certificate.js";

/**
 * `requestContext.identity` of a REST, HTTP API 1.0 or WebSocket REQUEST authorizer event.
 * Only `sourceIp` is always present; REST APIs send the other fields as `null` when they do not
 * apply, HTTP API 1.0 and WebSocket events leave most of them out. Optional members also accept
 * `undefined`, as `@types/aws-lambda` declares them (its `APIGatewayEventIdentity` is assignable).
 *
 * @example
 * ```ts
 * const identity: AuthorizerRequestIdentity = { sourceIp: "198.51.100.7", userAgent: "curl/8.5.0", user: null };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export interface AuthorizerRequestIdentity {
  sourceIp: string;
  userAgent?: string | null | undefined;
  accessKey?: string | null | undefined;
  accountId?: string | null | undefined;
  apiKey?: string | null | undefined;
  apiKeyId?: string | null | undefined;
  caller?: string | null | undefined;
  clientCert?: ClientCertificate | null | undefined;
  cognitoAuthenticationProvider?: string | null | undefined;
  cognitoAuthenticationType?: string | null | undefined;
  cognitoIdentityId?: string | null | undefined;
  cognitoIdentityPoolId?: string | null | undefined;
  principalOrgId?: string | null | undefined;
  user?: string | null | undefined;
  userArn?: string | null | undefined;
  vpcId?: string | null | undefined;
  vpceId?: string | null | undefined;
}
