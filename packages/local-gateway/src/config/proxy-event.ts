/**
 * The events an integration handler receives (Lambda proxy integration payloads) and the result
 * it returns.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 * @packageDocumentation
 */
import type {
  HttpApiV2AuthorizerEvent,
  HttpApiV2AuthorizerRequestContext,
  RestAuthorizerRequestContext,
  RestRequestAuthorizerEvent,
  WebSocketConnectAuthorizerEvent,
  WebSocketConnectAuthorizerRequestContext,
} from "@gatehouse/policy";

/**
 * `requestContext.authorizer` of a REST or payload-1.0 event: `principalId` and the authorizer's
 * `context` values as strings (Lambda), or `claims` (Cognito / JWT). `null` when no authorizer.
 */
export type RestProxyAuthorizerContext = Record<string, unknown>;

/** A REST API (or HTTP API payload 1.0, with `version: "1.0"`) Lambda proxy integration event. */
export interface RestProxyEvent
  extends Omit<RestRequestAuthorizerEvent, "type" | "methodArn" | "version" | "requestContext"> {
  version?: "1.0";
  body: string | null;
  isBase64Encoded: boolean;
  requestContext: RestAuthorizerRequestContext & {
    authorizer: RestProxyAuthorizerContext | null;
  };
}

/**
 * `requestContext.authorizer.iam.cognitoIdentity` of a payload-2.0 event signed with identity-pool
 * credentials.
 */
export interface HttpApiV2CognitoIdentity {
  /** `authenticated` followed by the login providers, or `unauthenticated` for a guest. */
  amr: string[];
  /** The identity, `{region}:{uuid}`. */
  identityId: string;
  /** The identity pool, `{region}:{uuid}`. */
  identityPoolId: string;
}

/** `requestContext.authorizer` of a payload-2.0 event. */
export interface HttpApiV2ProxyAuthorizer {
  /** A Lambda authorizer's `context` (any JSON values). */
  lambda?: Record<string, unknown> | null;
  /** A JWT authorizer's verified claims and scopes. */
  jwt?: { claims: Record<string, unknown>; scopes: readonly string[] | null };
  /** The SigV4 caller of an `AWS_IAM` route. */
  iam?: {
    accessKey: string;
    accountId: string;
    callerId: string;
    principalOrgId: string | null;
    userArn: string;
    userId: string;
    /** Identity-pool credentials: the identity; `null` for other IAM callers. */
    cognitoIdentity: HttpApiV2CognitoIdentity | null;
  };
}

/** An HTTP API Lambda proxy integration event, payload format 2.0. */
export interface HttpApiV2ProxyEvent
  extends Omit<
    HttpApiV2AuthorizerEvent,
    "type" | "routeArn" | "identitySource" | "requestContext"
  > {
  body?: string;
  isBase64Encoded: boolean;
  requestContext: HttpApiV2AuthorizerRequestContext & { authorizer?: HttpApiV2ProxyAuthorizer };
}

/** The WebSocket `$connect` integration event. */
export interface WebSocketConnectProxyEvent
  extends Omit<WebSocketConnectAuthorizerEvent, "type" | "methodArn" | "requestContext"> {
  isBase64Encoded: boolean;
  requestContext: WebSocketConnectAuthorizerRequestContext & {
    authorizer: RestProxyAuthorizerContext | null;
  };
}

/**
 * What an integration returns. For payload 2.0, anything else (a string, an object without
 * `statusCode`) is sent as a 200 JSON body, as API Gateway infers it.
 */
export interface ProxyResult {
  statusCode: number;
  headers?: Record<string, string | number | boolean>;
  multiValueHeaders?: Record<string, ReadonlyArray<string | number | boolean>>;
  /** Payload 2.0: `Set-Cookie` values. */
  cookies?: readonly string[];
  body?: string;
  isBase64Encoded?: boolean;
}
