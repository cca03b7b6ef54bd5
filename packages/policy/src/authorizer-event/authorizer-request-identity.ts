import type { ClientCertificate } from "./client-certificate.js";

/**
 * `requestContext.identity` of a REST, HTTP API 1.0 or WebSocket REQUEST authorizer event.
 * Only `sourceIp` is always present; REST APIs send the other fields as `null` when they do not
 * apply, HTTP API 1.0 and WebSocket events leave most of them out.
 *
 * @example
 * ```ts
 * const identity: AuthorizerRequestIdentity = { sourceIp: "198.51.100.7", userAgent: "curl/8.5.0", user: null };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export interface AuthorizerRequestIdentity {
  sourceIp: string;
  userAgent?: string | null;
  accessKey?: string | null;
  accountId?: string | null;
  apiKey?: string | null;
  apiKeyId?: string | null;
  caller?: string | null;
  clientCert?: ClientCertificate | null;
  cognitoAuthenticationProvider?: string | null;
  cognitoAuthenticationType?: string | null;
  cognitoIdentityId?: string | null;
  cognitoIdentityPoolId?: string | null;
  principalOrgId?: string | null;
  user?: string | null;
  userArn?: string | null;
  vpcId?: string | null;
  vpceId?: string | null;
}
