import {
  buildRestRequestAuthorizerEvent,
  type RestRequestAuthorizerEvent,
} from "@gatehouse/policy";
import type { HttpEventOptions, IamIdentityOptions } from "./event-options.js";
import {
  cloudFrontId,
  cloudFrontVia,
  executeApiArn,
  extractPathParameters,
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
  const event = buildRestRequestAuthorizerEvent(
    {
      accountId: context.accountId,
      apiId: context.apiId,
      stage: context.stage,
      domainName: context.domainName,
      method,
      path,
      headers: multiValueHeaders,
      query: toMulti(options.query),
      sourceIp: context.sourceIp,
      userAgent: context.userAgent,
      requestId: options.requestId ?? uuid(),
      extendedRequestId: shortId(),
      timeEpoch: context.now,
      clientCert: options.clientCert,
      iamIdentity: options.iamIdentity,
    },
    {
      methodArn: options.methodArn ?? executeApiArn(context, methodPath(method, path)),
      resource,
      pathParameters: options.pathParameters ?? extractPathParameters(resource, path),
      stageVariables: options.stageVariables ?? {},
      resourceId: resourceId(),
      deploymentId: resourceId(),
    },
  );
  return options.consoleTest === true ? asConsoleTest(event) : event;
}

/** The console's test tool: empty maps are `null`, and `body` / `isBase64Encoded` are added. */
function asConsoleTest(event: RestRequestAuthorizerEvent): RestRequestAuthorizerEvent {
  const nullIfEmpty = <T extends object>(map: T | null): T | null =>
    map === null || Object.keys(map).length === 0 ? null : map;
  return {
    ...event,
    headers: nullIfEmpty(event.headers),
    multiValueHeaders: nullIfEmpty(event.multiValueHeaders),
    queryStringParameters: nullIfEmpty(event.queryStringParameters),
    multiValueQueryStringParameters: nullIfEmpty(event.multiValueQueryStringParameters),
    pathParameters: nullIfEmpty(event.pathParameters),
    stageVariables: nullIfEmpty(event.stageVariables),
    body: null,
    isBase64Encoded: false,
  };
}
