import type { AuthorizerRequestIdentity, RestRequestAuthorizerEvent } from "@gatehouse/policy";
import type { HttpEventOptions, IamIdentityOptions } from "./event-options.js";
import {
  clfTime,
  cloudFrontId,
  cloudFrontVia,
  executeApiArn,
  extractPathParameters,
  iamIdentityFields,
  lastValues,
  mergeHeaders,
  methodPath,
  resolveContext,
  resourceId,
  shortId,
  toMulti,
  traceId,
  uuid,
} from "./internal/event-parts.js";

/** Options of {@link restRequestEvent}. */
export interface RestRequestEventOptions extends HttpEventOptions {
  /** Route template (`/pets/{id}`); fills `resource`, `resourcePath` and `pathParameters`. @default path */
  resource?: string;
  /** @default built from region, account, API id, stage, method and path */
  methodArn?: string;
  /** The signed caller of an `AWS_IAM` method, in `requestContext.identity`. @default all `null` */
  iamIdentity?: IamIdentityOptions;
  /** Shape the event like the console's test tool: empty maps are `null`, `body` and `isBase64Encoded` are added. @default false */
  consoleTest?: boolean;
}

/**
 * A REST API `REQUEST` authorizer event with CloudFront-style headers (names in the case the
 * client sent), `headers` + `multiValueHeaders`, `queryStringParameters` +
 * `multiValueQueryStringParameters` (the single-value maps keep the last value) and a request
 * context whose `path` includes the stage.
 *
 * @param options - request, caller and API overrides.
 * @returns the event API Gateway would send.
 * @example
 * ```ts
 * const event = restRequestEvent({ method: "GET", resource: "/pets/{id}", path: "/pets/7", token: "Bearer abc" });
 * // event.pathParameters => { id: "7" }; event.headers?.Authorization => "Bearer abc"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export function restRequestEvent(
  options: RestRequestEventOptions = {},
): RestRequestAuthorizerEvent {
  const context = resolveContext(options, "prod");
  const method = options.method ?? "GET";
  const path = options.path ?? "/pets";
  const resource = options.resource ?? path;
  const multiValueHeaders = mergeHeaders(
    options.defaultHeaders === false
      ? undefined
      : {
          Accept: "*/*",
          "Accept-Encoding": "gzip, deflate, br",
          "CloudFront-Forwarded-Proto": "https",
          "CloudFront-Is-Desktop-Viewer": "true",
          "CloudFront-Is-Mobile-Viewer": "false",
          "CloudFront-Is-SmartTV-Viewer": "false",
          "CloudFront-Is-Tablet-Viewer": "false",
          "CloudFront-Viewer-ASN": "16509",
          "CloudFront-Viewer-Country": "IE",
          Host: context.domainName,
          "User-Agent": context.userAgent,
          Via: cloudFrontVia(),
          "X-Amz-Cf-Id": cloudFrontId(),
          "X-Amzn-Trace-Id": traceId(context.now),
          "X-Forwarded-For": `${context.sourceIp}, 130.176.98.12`,
          "X-Forwarded-Port": "443",
          "X-Forwarded-Proto": "https",
        },
    options.token !== undefined ? { Authorization: options.token } : undefined,
    options.headers,
  );
  const multiValueQuery = toMulti(options.query);
  const nullIfEmpty = <T extends object>(map: T): T | null =>
    options.consoleTest === true && Object.keys(map).length === 0 ? null : map;
  const identity: AuthorizerRequestIdentity = {
    cognitoIdentityPoolId: null,
    accountId: null,
    cognitoIdentityId: null,
    caller: null,
    sourceIp: context.sourceIp,
    principalOrgId: null,
    accessKey: null,
    cognitoAuthenticationType: null,
    cognitoAuthenticationProvider: null,
    userArn: null,
    userAgent: context.userAgent,
    user: null,
    ...iamIdentityFields(options.iamIdentity),
    ...(options.clientCert !== undefined ? { clientCert: options.clientCert } : {}),
  };

  return {
    type: "REQUEST",
    methodArn: options.methodArn ?? executeApiArn(context, methodPath(method, path)),
    resource,
    path,
    httpMethod: method,
    headers: nullIfEmpty(lastValues(multiValueHeaders)),
    multiValueHeaders: nullIfEmpty(multiValueHeaders),
    queryStringParameters: nullIfEmpty(lastValues(multiValueQuery)),
    multiValueQueryStringParameters: nullIfEmpty(multiValueQuery),
    pathParameters: nullIfEmpty(options.pathParameters ?? extractPathParameters(resource, path)),
    stageVariables: nullIfEmpty(options.stageVariables ?? {}),
    requestContext: {
      resourceId: resourceId(),
      resourcePath: resource,
      httpMethod: method,
      extendedRequestId: shortId(),
      requestTime: clfTime(context.now),
      path: `/${context.stage}${path}`,
      accountId: context.accountId,
      protocol: "HTTP/1.1",
      stage: context.stage,
      domainPrefix: context.domainPrefix,
      requestTimeEpoch: context.now,
      requestId: options.requestId ?? uuid(),
      identity,
      domainName: context.domainName,
      deploymentId: resourceId(),
      apiId: context.apiId,
    },
    ...(options.consoleTest === true ? { body: null, isBase64Encoded: false } : {}),
  };
}
