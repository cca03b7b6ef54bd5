/**
 * The Lambda proxy integration event for an authorized request: the authorizer event of the same
 * normalised request (from `@gatehouse/policy`'s event builders), with the IAM caller in its
 * identity, plus what only integrations receive: body, `isBase64Encoded` and
 * `requestContext.authorizer`.
 * @internal
 * @packageDocumentation
 */
import {
  buildHttpV1AuthorizerEvent,
  buildHttpV2AuthorizerEvent,
  buildRestRequestAuthorizerEvent,
  buildWebSocketConnectAuthorizerEvent,
  type IamEventIdentity,
} from "@gatehouse/policy";
import type { IntegrationIdentity } from "../../authorization/internal/authorization.js";
import type {
  HttpApiV2ProxyAuthorizer,
  HttpApiV2ProxyEvent,
  RestProxyEvent,
  WebSocketConnectProxyEvent,
} from "../../config/proxy-event.js";
import {
  deploymentIdOf,
  type EventInput,
  eventInput,
  pathParametersOf,
  resourceIdOf,
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
      const { cognito } = credential;
      return {
        iam: {
          accessKey: credential.accessKeyId,
          accountId: credential.accountId,
          callerId: credential.callerId,
          cognitoIdentity:
            cognito === undefined
              ? null
              : {
                  amr: [...cognito.amr],
                  identityId: cognito.identityId,
                  identityPoolId: cognito.identityPoolId,
                },
          principalOrgId: credential.orgId ?? null,
          userArn: credential.principalArn,
          userId: credential.callerId,
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

/** The request's input with the signed caller of an `AWS_IAM` route, if the route uses it. */
function withIamIdentity(input: EventInput, identity: IntegrationIdentity): EventInput {
  if (identity.kind !== "iam") return input;
  const { credential } = identity;
  const { cognito } = credential;
  const iamIdentity: IamEventIdentity = {
    accessKey: credential.accessKeyId,
    accountId: credential.accountId,
    caller: credential.callerId,
    user: credential.callerId,
    userArn: credential.principalArn,
    principalOrgId: credential.orgId ?? null,
    ...(cognito === undefined
      ? {}
      : {
          cognitoIdentityPoolId: cognito.identityPoolId,
          cognitoIdentityId: cognito.identityId,
          cognitoAuthenticationType: cognito.authenticationType,
          cognitoAuthenticationProvider: cognito.authenticationProvider,
        }),
  };
  return { ...input, iamIdentity };
}

/** @internal */
export function buildRestProxyEvent(
  scope: RequestScope,
  identity: IntegrationIdentity,
): RestProxyEvent {
  const input = withIamIdentity(eventInput(scope), identity);
  const route = {
    methodArn: scope.arn,
    resource: scope.resource,
    pathParameters: pathParametersOf(scope),
    stageVariables: stageVariablesOf(scope),
    resourceId: resourceIdOf(scope),
  };
  if (scope.api.type === "HTTP") {
    const {
      type: _t,
      methodArn: _m,
      identitySource: _i,
      authorizationToken: _a,
      ...fields
    } = buildHttpV1AuthorizerEvent(input, { ...route, identitySource: [] });
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
  const {
    type: _t,
    methodArn: _m,
    version: _v,
    ...fields
  } = buildRestRequestAuthorizerEvent(input, { ...route, deploymentId: deploymentIdOf(scope) });
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
  const { input, cookies } = v2EventInput(scope);
  const {
    type: _t,
    routeArn: _r,
    identitySource: _i,
    ...fields
  } = buildHttpV2AuthorizerEvent(input, {
    routeArn: scope.arn,
    routeKey: scope.route.routeKey,
    pathParameters: pathParametersOf(scope),
    stageVariables: stageVariablesOf(scope),
    identitySource: null,
    cookies,
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
  } = buildWebSocketConnectAuthorizerEvent(withIamIdentity(eventInput(scope), identity), {
    methodArn: scope.arn,
    stageVariables: stageVariablesOf(scope),
    connectionId: scope.connectionId ?? "",
  });
  return {
    ...fields,
    isBase64Encoded: false,
    requestContext: Object.assign(fields.requestContext, {
      authorizer: restAuthorizer(identity, false),
    }),
  };
}
