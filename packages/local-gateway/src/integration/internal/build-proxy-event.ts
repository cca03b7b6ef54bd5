/**
 * The Lambda proxy integration event for an authorized request: the factory event of the same
 * normalised request (from `@gatehouse/testing`), with the IAM caller passed to the factory, plus
 * what only integrations receive: body, `isBase64Encoded` and `requestContext.authorizer`.
 * @internal
 * @packageDocumentation
 */
import {
  httpApiV1Event,
  httpApiV2Event,
  type IamIdentityOptions,
  restRequestEvent,
  webSocketConnectEvent,
} from "@gatehouse/testing";
import type { IntegrationIdentity } from "../../authorization/internal/authorize-request.js";
import type {
  HttpApiV2ProxyAuthorizer,
  HttpApiV2ProxyEvent,
  RestProxyEvent,
  WebSocketConnectProxyEvent,
} from "../../config/proxy-event.js";
import {
  eventInput,
  pathParametersOf,
  stageVariablesOf,
  v2EventInput,
} from "../../routing/internal/event-input.js";
import type { RequestScope } from "../../routing/internal/request-scope.js";

const TEXT_TYPES =
  /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript|[^;]*\+json|[^;]*\+xml))/i;

function stringify(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(stringify).join(" ")}]`;
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

function stringifyValues(record: unknown): Record<string, string> {
  if (typeof record !== "object" || record === null) return {};
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, stringify(value)]));
}

/** REST and payload 1.0: `principalId` + stringified context, or `claims`. */
function restAuthorizer(
  identity: IntegrationIdentity,
  v1: boolean,
): Record<string, unknown> | null {
  switch (identity.kind) {
    case "lambda":
      return {
        ...stringifyValues(identity.context),
        ...(identity.principalId !== undefined ? { principalId: identity.principalId } : {}),
        integrationLatency: 0,
      };
    case "jwt":
      return v1
        ? {
            claims: stringifyValues(identity.claims),
            scopes: identity.scopes.length > 0 ? [...identity.scopes] : null,
          }
        : { claims: stringifyValues(identity.claims) };
    default:
      return null;
  }
}

function v2Authorizer(identity: IntegrationIdentity): HttpApiV2ProxyAuthorizer | undefined {
  switch (identity.kind) {
    case "lambda":
      return { lambda: (identity.context as Record<string, unknown> | null | undefined) ?? null };
    case "jwt":
      return {
        jwt: {
          claims: stringifyValues(identity.claims),
          scopes: identity.scopes.length > 0 ? [...identity.scopes] : null,
        },
      };
    case "iam": {
      const { credential } = identity;
      const callerId = credential.principalArn.split(":").slice(5).join(":");
      return {
        iam: {
          accessKey: credential.accessKeyId,
          accountId: credential.accountId,
          callerId,
          principalOrgId: credential.orgId ?? null,
          userArn: credential.principalArn,
          userId: callerId,
          cognitoIdentity: null,
        },
      };
    }
    default:
      return undefined;
  }
}

function body(
  scope: RequestScope,
  base64Binary: boolean,
): { body: string | null; isBase64Encoded: boolean } {
  const { body: raw, lowerHeaders } = scope.request;
  if (raw.length === 0) return { body: null, isBase64Encoded: false };
  const type = lowerHeaders["content-type"]?.[0] ?? "";
  if (base64Binary && type !== "" && !TEXT_TYPES.test(type)) {
    return { body: raw.toString("base64"), isBase64Encoded: true };
  }
  return { body: raw.toString("utf8"), isBase64Encoded: false };
}

function nullIfEmpty<T extends object>(map: T | null | undefined): T | null {
  return map === null || map === undefined || Object.keys(map).length === 0 ? null : map;
}

/** The signed caller for the factories' `iamIdentity`; `{}` unless the route uses `AWS_IAM`. */
function iamIdentity(identity: IntegrationIdentity): { iamIdentity?: IamIdentityOptions } {
  if (identity.kind !== "iam") return {};
  const { credential } = identity;
  const callerId = credential.principalArn.split(":").slice(5).join(":");
  return {
    iamIdentity: {
      accessKey: credential.accessKeyId,
      accountId: credential.accountId,
      caller: callerId,
      user: callerId,
      userArn: credential.principalArn,
      principalOrgId: credential.orgId ?? null,
    },
  };
}

/** @internal */
export function buildRestProxyEvent(
  scope: RequestScope,
  identity: IntegrationIdentity,
): RestProxyEvent {
  const options = {
    ...eventInput(scope),
    stageVariables: stageVariablesOf(scope),
    resource: scope.resource,
    pathParameters: pathParametersOf(scope),
    methodArn: scope.arn,
    ...iamIdentity(identity),
  };
  if (scope.api.type === "HTTP") {
    const {
      type: _t,
      methodArn: _m,
      identitySource: _i,
      authorizationToken: _a,
      ...fields
    } = httpApiV1Event(options);
    return {
      ...fields,
      version: "1.0",
      multiValueHeaders: {},
      queryStringParameters: nullIfEmpty(fields.queryStringParameters),
      multiValueQueryStringParameters: null,
      pathParameters: nullIfEmpty(fields.pathParameters),
      stageVariables: nullIfEmpty(fields.stageVariables),
      requestContext: Object.assign(fields.requestContext, {
        authorizer: restAuthorizer(identity, true),
      }),
      ...body(scope, true),
    };
  }
  const { type: _t, methodArn: _m, version: _v, ...fields } = restRequestEvent(options);
  return {
    ...fields,
    queryStringParameters: nullIfEmpty(fields.queryStringParameters),
    multiValueQueryStringParameters: nullIfEmpty(fields.multiValueQueryStringParameters),
    pathParameters: nullIfEmpty(fields.pathParameters),
    stageVariables: nullIfEmpty(fields.stageVariables),
    requestContext: Object.assign(fields.requestContext, {
      authorizer: restAuthorizer(identity, false),
    }),
    ...body(scope, false),
  };
}

/** @internal */
export function buildHttpV2ProxyEvent(
  scope: RequestScope,
  identity: IntegrationIdentity,
): HttpApiV2ProxyEvent {
  const {
    type: _t,
    routeArn: _r,
    identitySource: _i,
    ...fields
  } = httpApiV2Event({
    ...v2EventInput(scope),
    stageVariables: stageVariablesOf(scope),
    routeKey: scope.route.routeKey,
    pathParameters: pathParametersOf(scope),
    identitySource: null,
    routeArn: scope.arn,
  });
  const authorizer = v2Authorizer(identity);
  const payload = body(scope, true);
  return {
    ...fields,
    requestContext:
      authorizer !== undefined
        ? Object.assign(fields.requestContext, { authorizer })
        : fields.requestContext,
    ...(payload.body !== null ? { body: payload.body } : {}),
    isBase64Encoded: payload.isBase64Encoded,
  };
}

/** @internal */
export function buildWebSocketConnectProxyEvent(
  scope: RequestScope,
  identity: IntegrationIdentity,
): WebSocketConnectProxyEvent {
  const {
    type: _t,
    methodArn: _m,
    ...fields
  } = webSocketConnectEvent({
    ...eventInput(scope),
    stageVariables: stageVariablesOf(scope),
    methodArn: scope.arn,
    ...(scope.connectionId !== undefined ? { connectionId: scope.connectionId } : {}),
    ...iamIdentity(identity),
  });
  return {
    ...fields,
    isBase64Encoded: false,
    requestContext: Object.assign(fields.requestContext, {
      authorizer: restAuthorizer(identity, false),
    }),
  };
}
